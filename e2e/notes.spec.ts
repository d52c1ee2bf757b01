import { call, expect, screenshotPath, test } from './fixtures'

test('write a note with a heading, a list and a [[ link, quote a highlight, follow the quote, see backlinks, reload', async ({
  page,
  parley,
}) => {
  await page.goto(parley.url)
  const articles = await call<Array<{ id: number; title: string }>>(page, 'articles.list', {})
  const istanbul = articles.find((a) => /Istanbul Talks/.test(a.title))!
  const helsinki = articles.find((a) => /Helsinki/.test(a.title))!
  const article = await call<{ body: string }>(page, 'articles.get', { id: istanbul.id })
  const passage = 'Russian diplomats also proposed the restoration of direct flights between the United States and Russia'
  const start = article.body.indexOf(passage)
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const highlight = await call<{ id: number }>(page, 'highlights.create', {
    articleId: istanbul.id,
    start,
    end: start + passage.length,
    themeId: themes[2]!.id,
  })

  await page.getByRole('link', { name: 'Notes', exact: true }).click()
  await expect(page.getByText('No notes yet.')).toBeVisible()
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill('What the Istanbul round achieved')
  await page.getByRole('textbox', { name: 'Note title' }).press('Enter')

  const editor = page.getByTestId('note-editor')
  await editor.click()
  await page.keyboard.type('# Istanbul round')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Flights came up, as ')
  await page.keyboard.type('[[helsin')
  const menu = page.getByRole('listbox', { name: 'Link to' })
  await expect(menu).toBeVisible()
  // Both the Helsinki round and the Helsinki article match; pick the article.
  await menu.getByRole('option', { name: new RegExp(helsinki.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click()
  await page.keyboard.type('also shows.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('- staffing levels')
  await page.keyboard.press('Enter')
  await page.keyboard.type('direct flights')
  await expect(editor.locator('h1')).toHaveText('Istanbul round')
  await expect(editor.locator('ul li')).toHaveCount(2)
  await expect(editor.locator('a.ref')).toHaveText(helsinki.title)

  // Quote the highlight: drag-free path through the evidence list's Insert button.
  await page.getByRole('searchbox', { name: 'Find an article' }).fill('Istanbul')
  await page.getByRole('complementary', { name: 'Evidence' }).getByRole('button', { name: istanbul.title }).click()
  await page.getByRole('button', { name: /^Insert quote: Russian diplomats also proposed/ }).click()
  await expect(editor.getByTestId('evidence')).toContainText(passage)
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 })
  await page.screenshot({ path: screenshotPath('note-with-quote') })

  // Reload: everything is there.
  await page.reload()
  await expect(editor.locator('h1')).toHaveText('Istanbul round')
  await expect(editor.locator('a.ref')).toHaveText(helsinki.title)
  await expect(editor.getByTestId('evidence')).toContainText(passage)
  await expect(page.getByRole('complementary', { name: 'Notes' })).toContainText('What the Istanbul round achieved')

  // Links survive renames: the link shows the article's current title.
  await call(page, 'articles.update', { id: helsinki.id, title: 'Hale and Ryabkov meet in Helsinki' })
  await page.reload()
  await expect(editor.locator('a.ref')).toHaveText('Hale and Ryabkov meet in Helsinki')

  // Open the source from the quote: the Reader shows the passage.
  await editor.getByTestId('evidence').getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`#/article/${istanbul.id}/h/${highlight.id}$`))
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toContainText('Quoted in notes')
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toContainText('What the Istanbul round achieved')
  // The article's backlinks list the note with the sentence around the link.
  await expect(page.getByRole('region', { name: 'Linked from notes' })).toContainText('What the Istanbul round achieved')
  await page.screenshot({ path: screenshotPath('reader-backlinks') })

  // The linked article shows the note too.
  await page.goto(`${parley.origin}/#/article/${helsinki.id}`)
  await expect(page.getByRole('region', { name: 'Linked from notes' })).toContainText('Flights came up, as')
})

test('"Quote in note" from a highlight, note search, delete with undo, and a deleted source keeps the quote', async ({ page, parley }) => {
  await page.goto(parley.url)
  const articles = await call<Array<{ id: number; title: string }>>(page, 'articles.list', {})
  const target = articles.find((a) => /Staffing Stalemate/.test(a.title))!
  const body = (await call<{ body: string }>(page, 'articles.get', { id: target.id })).body
  const text = 'We expect parity on staffing numbers'
  const start = body.indexOf(text)
  const highlight = await call<{ id: number }>(page, 'highlights.create', {
    articleId: target.id,
    start,
    end: start + text.length,
    themeId: null,
  })

  await page.goto(`${parley.origin}/#/article/${target.id}/h/${highlight.id}`)
  const popover = page.getByRole('dialog', { name: 'Highlight' })
  await popover.getByRole('button', { name: 'Quote in note…' }).click()
  await popover.getByRole('menuitem', { name: '+ New note' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Quoted in “Untitled note”' })).toBeVisible()

  await page.getByRole('link', { name: 'Notes', exact: true }).click()
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('parity')
  await expect(page.getByRole('complementary', { name: 'Notes' }).locator('li')).toHaveCount(1)
  await page.getByRole('complementary', { name: 'Notes' }).getByRole('link').first().click()
  await expect(page.getByTestId('evidence')).toContainText(text)

  await call(page, 'highlights.delete', { id: highlight.id })
  await page.reload()
  await expect(page.getByTestId('evidence')).toContainText('the source highlight was deleted')
  await expect(page.getByTestId('evidence')).toContainText(text)

  await page.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByText('Choose a note or start a new one')).toBeVisible()
  await page.keyboard.press('Control+z')
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('')
  await expect(page.getByRole('complementary', { name: 'Notes' }).locator('li')).toHaveCount(1)
})

test('the Link button asks for the address in an app dialog and links the selected words; an unsafe address links nothing', async ({
  page,
  parley,
}) => {
  const browserDialogs: string[] = []
  page.on('dialog', (d) => {
    browserDialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(parley.url)
  await page.getByRole('link', { name: 'Notes', exact: true }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill('Sources')
  await page.getByRole('textbox', { name: 'Note title' }).press('Enter')
  const editor = page.getByTestId('note-editor')
  await editor.click()
  await page.keyboard.type('see the ministry statement')
  // Select the last two words.
  for (let i = 0; i < 'ministry statement'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.getByRole('button', { name: 'Link (Ctrl+K)' }).click()
  const ask = page.getByRole('dialog', { name: 'Link' })
  await expect(ask.getByRole('textbox', { name: 'Link address' })).toBeFocused()
  await ask.getByRole('textbox', { name: 'Link address' }).fill('https://example.org/statement')
  await page.screenshot({ path: screenshotPath('note-link-dialog-1280') })
  await page.setViewportSize({ width: 800, height: 700 })
  await page.screenshot({ path: screenshotPath('note-link-dialog-800') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: screenshotPath('note-link-dialog-800-dark') })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
  await ask.getByRole('button', { name: 'Set link' }).click()
  await expect(ask).toBeHidden()
  await expect(editor.locator('a[href="https://example.org/statement"]')).toHaveText('ministry statement')

  // javascript: is not a link Parley makes.
  await editor.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' and more')
  for (let i = 0; i < 'more'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.getByRole('button', { name: 'Link (Ctrl+K)' }).click()
  await ask.getByRole('textbox', { name: 'Link address' }).fill('javascript:alert(1)')
  await ask.getByRole('textbox', { name: 'Link address' }).press('Enter')
  await expect(ask).toBeHidden()
  await expect(editor.locator('a')).toHaveCount(1)
  expect(browserDialogs).toEqual([])
})
