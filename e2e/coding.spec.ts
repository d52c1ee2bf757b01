import type { Page } from '@playwright/test'
import { call, expect, screenshotPath, selectText, test } from './fixtures'

interface Summary {
  id: number
  title: string
}
interface Theme {
  id: number
  name: string
}

const highlightSize = (page: Page, name: string): Promise<number> => page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name)

async function openArticle(page: Page, title: RegExp): Promise<number> {
  const list = await call<Summary[]>(page, 'articles.list', {})
  const article = list.find((a) => title.test(a.title))!
  await page.goto(`${new URL(page.url()).origin}/#/article/${article.id}`)
  await expect(page.getByTestId('article-body')).toBeVisible()
  return article.id
}

test('select a sentence, tag it with key 1, reload: it is still there and lit; undo and redo it', async ({ page, parley }) => {
  await page.goto(parley.url)
  const themes = await call<Theme[]>(page, 'themes.list', {})
  await openArticle(page, /Staffing Stalemate/)
  const sentence = 'Consular services at the U.S. Embassy in Moscow have been severely hindered'
  await selectText(page, sentence)
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  await page.screenshot({ path: screenshotPath('reader-selection-toolbar') })
  await page.keyboard.press('1')
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeHidden()
  const panel = page.getByRole('complementary', { name: 'Coding' })
  await expect(panel.getByRole('button', { name: sentence })).toBeVisible()
  await expect.poll(() => highlightSize(page, `theme-${themes[0]!.id}`)).toBe(1)

  await page.keyboard.press('Control+z')
  await expect(panel.getByRole('button', { name: sentence })).toBeHidden()
  await expect.poll(() => highlightSize(page, `theme-${themes[0]!.id}`)).toBe(0)
  await page.keyboard.press('Control+Shift+z')
  await expect(panel.getByRole('button', { name: sentence })).toBeVisible()

  await page.reload()
  await expect(panel.getByRole('button', { name: sentence })).toBeVisible()
  await expect.poll(() => highlightSize(page, `theme-${themes[0]!.id}`)).toBe(1)
  // The text is still plain text nodes: nothing wraps the highlighted passage.
  expect(await page.getByTestId('article-body').locator('p mark, p span').count()).toBe(0)
  await page.screenshot({ path: screenshotPath('reader-highlighted') })
})

test('clicking a highlight shows it; it can be re-themed, commented, resized and deleted, each undoable', async ({ page, parley }) => {
  await page.goto(parley.url)
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const id = await openArticle(page, /Helsinki/)
  await selectText(page, 'discuss U.S.-Russian relations')
  await page
    .getByRole('toolbar', { name: 'Highlight selection' })
    .getByRole('button', { name: /Direct flights/ })
    .click()
  const panel = page.getByRole('complementary', { name: 'Coding' })
  await panel.getByRole('button', { name: 'discuss U.S.-Russian relations' }).click()
  const popover = page.getByRole('dialog', { name: 'Highlight' })
  await expect(popover).toContainText('Direct flights')
  await popover.getByRole('button', { name: /Embassy staffing/ }).click()
  await expect
    .poll(async () => (await call<Array<{ themeId: number }>>(page, 'highlights.list', { articleId: id }))[0]?.themeId)
    .toBe(themes[0]!.id)
  await popover.getByRole('textbox', { name: 'Comment' }).fill('Relations in general, not staffing')
  await popover.getByRole('button', { name: 'Extend end' }).click()
  await expect
    .poll(async () => (await call<Array<{ exact: string; comment: string }>>(page, 'highlights.list', { articleId: id }))[0])
    .toMatchObject({
      exact: 'discuss U.S.-Russian relations,',
      comment: 'Relations in general, not staffing',
    })
  await page.screenshot({ path: screenshotPath('reader-highlight-popover') })
  await page.getByRole('dialog', { name: 'Highlight' }).getByRole('button', { name: 'Delete highlight' }).click()
  await expect.poll(async () => (await call<unknown[]>(page, 'highlights.list', { articleId: id })).length).toBe(0)
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await call<unknown[]>(page, 'highlights.list', { articleId: id })).length).toBe(1)
})

test('accept and reject suggestions, with reasons shown; both undo', async ({ page, parley }) => {
  await page.goto(parley.url)
  const id = await openArticle(page, /Very Soon/)
  const panel = page.getByRole('complementary', { name: 'Coding' })
  await panel.getByRole('tab', { name: /Suggestions/ }).click()
  const items = panel.getByRole('list', { name: 'Suggestions' }).locator('li')
  await expect(items.first()).toBeVisible()
  const before = await items.count()
  await expect(items.first()).toContainText('Matched:')
  await page.screenshot({ path: screenshotPath('reader-suggestions') })

  const firstText = (await items.first().locator('.passage').innerText()).replace(/…$/, '')
  await items.first().getByRole('button', { name: 'Accept' }).click()
  await expect
    .poll(async () => (await call<Array<{ exact: string }>>(page, 'highlights.list', { articleId: id })).map((h) => h.exact.slice(0, 40)))
    .toContain(firstText.slice(0, 40))
  await expect(items).toHaveCount(before - 1)

  const rejected = (await items.first().locator('.passage').innerText()).slice(0, 40)
  await items.first().getByRole('button', { name: 'Reject' }).click()
  await expect(items).toHaveCount(before - 2)
  await page.reload()
  await panel.getByRole('tab', { name: /Suggestions/ }).click()
  await expect(items).toHaveCount(before - 2)
  expect(await items.allInnerTexts()).not.toContainEqual(expect.stringContaining(rejected))
  await page.keyboard.press('Control+z') // nothing recorded after a reload: the store kept both decisions
  await expect(items).toHaveCount(before - 2)
})

test('three seeds side by side: filter by a theme and step through passages together', async ({ page, parley }) => {
  await page.goto(parley.url)
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const list = await call<Summary[]>(page, 'articles.list', {})
  const picked = [/Istanbul Talks/, /Very Soon/, /Staffing Stalemate/].map((re) => list.find((a) => re.test(a.title))!.id)
  // Code every suggestion in the three articles, through the contract.
  for (const articleId of picked) {
    const suggestions = await call<Array<{ articleId: number; themeId: number; start: number; end: number }>>(page, 'suggestions.list', {
      articleId,
    })
    for (const s of suggestions) await call(page, 'highlights.create', { articleId, start: s.start, end: s.end, themeId: s.themeId })
  }
  await page.goto(`${parley.origin}/#/compare/${picked.join(',')}`)
  const columns = page.getByTestId('compare-column')
  await expect(columns).toHaveCount(3)
  for (const t of themes) await expect.poll(() => highlightSize(page, `theme-${t.id}`)).toBeGreaterThan(0)
  await page.screenshot({ path: screenshotPath('compare-1280') })

  const flights = themes.find((t) => t.name === 'Direct flights')!
  await page.getByRole('group', { name: 'Theme filter' }).getByRole('button', { name: 'Direct flights' }).click()
  await expect(page.locator('.compare')).toHaveAttribute('data-theme-filter', String(flights.id))
  await page.getByRole('button', { name: 'Next passage' }).click()
  await expect(page.locator('.stepper')).toContainText('1 of')
  await expect.poll(() => highlightSize(page, 'focus')).toBeGreaterThanOrEqual(2)
  const scrolledBefore = await page.locator('.compare-scroll').evaluateAll((els) => els.map((e) => e.scrollTop))
  await page.getByRole('button', { name: 'Next passage' }).click()
  await expect(page.locator('.stepper')).toContainText('2 of')
  const scrolledAfter = await page.locator('.compare-scroll').evaluateAll((els) => els.map((e) => e.scrollTop))
  expect(scrolledAfter).not.toEqual(scrolledBefore)
  await page.screenshot({ path: screenshotPath('compare-filtered') })

  // Swap the third column for another article from the picker.
  await columns.nth(2).getByRole('button', { name: 'Swap…' }).click()
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('Helsinki')
  await page
    .getByRole('dialog', { name: 'Choose an article' })
    .getByRole('button', { name: /Helsinki/ })
    .click()
  await expect(columns.nth(2)).toContainText('Helsinki')

  // Find across columns.
  await page.keyboard.press('Control+f')
  await page.getByRole('searchbox', { name: 'Find in article' }).fill('Ryabkov')
  await expect(page.locator('.findbar')).toContainText(/1 of \d+/)
  await expect.poll(() => highlightSize(page, 'find')).toBeGreaterThan(3)
})

test('1,000 highlights add no DOM nodes to the article text', async ({ page, parley }) => {
  await page.goto(parley.url)
  const id = await openArticle(page, /Helsinki/)
  const countTextNodes = (): Promise<number> =>
    page.getByTestId('article-body').evaluate((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL)
      let n = 0
      while (walker.nextNode()) n++
      return n
    })
  const before = await countTextNodes()
  const article = await call<{ body: string }>(page, 'articles.get', { id })
  const themes = await call<Theme[]>(page, 'themes.list', {})
  await page.evaluate(
    async ([articleId, length, themeIds]) => {
      for (let i = 0; i < 1000; i++) {
        let start = (i * 37) % (length - 30)
        while (start > 0 && length > 0 && start % 7 === 3) start--
        const body = { articleId, start, end: start + 12 + (i % 17), themeId: themeIds[i % themeIds.length] }
        const r = await fetch('/api/highlights.create', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Parley-Token': sessionStorage.getItem('parley.session') ?? '' },
          body: JSON.stringify(body),
        })
        if (!r.ok && r.status !== 400) throw new Error(await r.text())
      }
    },
    [id, article.body.length, themes.map((t) => t.id)] as const,
  )
  await page.reload()
  await expect
    .poll(
      async () =>
        (await highlightSize(page, `theme-${themes[0]!.id}`)) +
        (await highlightSize(page, `theme-${themes[1]!.id}`)) +
        (await highlightSize(page, `theme-${themes[2]!.id}`)),
    )
    .toBeGreaterThan(900)
  expect(await countTextNodes()).toBe(before)
})

test('themes: add, rename, recolor, reorder, merge and delete with undo; library filters by theme', async ({ page, parley }) => {
  await page.goto(parley.url)
  await page.getByRole('link', { name: 'Themes' }).click()
  await expect(page.getByTestId('theme-row')).toHaveCount(3)
  await page.getByRole('textbox', { name: 'New theme name' }).fill('Sanctions')
  await page.getByRole('button', { name: 'Add theme' }).click()
  await expect(page.getByTestId('theme-row')).toHaveCount(4)
  const row = page.getByTestId('theme-row').nth(3)
  await row.getByRole('textbox', { name: 'Theme name' }).fill('Sanctions relief')
  await row.getByRole('textbox', { name: 'Theme name' }).blur()
  await expect.poll(async () => (await call<Theme[]>(page, 'themes.list', {})).map((t) => t.name)).toContain('Sanctions relief')
  await page.getByRole('button', { name: 'Move Sanctions relief up' }).click()
  await expect.poll(async () => (await call<Theme[]>(page, 'themes.list', {}))[2]?.name).toBe('Sanctions relief')
  await page.screenshot({ path: screenshotPath('themes-1280') })

  // Deleting a theme is undoable, so it acts at once (no question) and its toast offers Undo.
  await page.getByTestId('theme-row').nth(2).getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByTestId('theme-row')).toHaveCount(3)
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Sanctions relief”' })).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('theme-row')).toHaveCount(4)

  // Library filter: articles coded with a theme.
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const [first] = await call<Summary[]>(page, 'articles.list', {})
  await call(page, 'highlights.create', { articleId: first!.id, start: 0, end: 20, themeId: themes[0]!.id })
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await page.getByRole('combobox', { name: 'Filter by theme' }).selectOption({ label: `Coded: ${themes[0]!.name}` })
  await expect(page.locator('table.articles tbody tr')).toHaveCount(1)
  await page.getByRole('combobox', { name: 'Filter by theme' }).selectOption({ label: `Coded: ${themes[1]!.name}` })
  await expect(page.getByText('No article has passages coded with this theme yet')).toBeVisible()
})
