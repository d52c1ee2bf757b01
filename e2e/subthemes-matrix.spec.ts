import { call, expect, screenshotPath, selectText, shots, test, violations, wordsOf } from './fixtures'

// Sub-themes in the Matrix and the Reader: a sub-theme's passages count in its parent's column (one
// column per top-level theme), each named in the cell; the Reader's theme menus and coding panel show
// sub-themes under their parent.

interface Round {
  id: number
  title: string
  venue: string | null
  articles: Array<{ articleId: number; role: string }>
}
interface Theme {
  id: number
  name: string
  parentId: number | null
}

test('a sub-theme counts in its parent’s Matrix column, named on its passage; the Reader lists it under its parent', async ({
  page,
  parley,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const flights = themes.find((t) => t.name === 'Direct flights')!
  const routes = await call<Theme>(page, 'themes.create', { name: 'Flight routes' })
  await call(page, 'themes.setParent', { id: routes.id, parentId: flights.id })

  const rounds = await call<Round[]>(page, 'rounds.list', {})
  const istanbul = rounds.find((r) => r.venue === 'Istanbul')!
  const articleId = istanbul.articles.find((a) => a.role === 'reports')!.articleId
  const body = (await call<{ body: string }>(page, 'articles.get', { id: articleId })).body
  const code = async (text: string, themeId: number): Promise<void> => {
    const start = body.indexOf(text)
    expect(start).toBeGreaterThanOrEqual(0)
    await call(page, 'highlights.create', { articleId, start, end: start + text.length, themeId })
  }
  const own = wordsOf(body, 6)
  const sub = wordsOf(body, 6, { paragraph: 1 })
  await code(own, flights.id)
  await code(sub, routes.id)
  // The app reads the themes when it opens: made through the API, they need a reload.
  await page.reload()

  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const headers = page.getByRole('columnheader')
  await expect(headers.filter({ hasText: 'Direct flights' })).toHaveCount(1)
  // One column per top-level theme: the sub-theme has none.
  await expect(headers.filter({ hasText: 'Flight routes' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Move Flight routes left' })).toHaveCount(0)
  const row = page.getByTestId('matrix-row').filter({ hasText: istanbul.title })
  const cell = row.getByRole('gridcell', { name: new RegExp(`${istanbul.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, Direct flights`) })
  // One article with a passage of each: 1 article, 2 highlights (not "not covered", not 2 articles).
  await expect(cell).toContainText('1 article · 2 highlights')
  const items = cell.locator('.cell-evidence li')
  await expect(items).toHaveCount(2)
  await expect(items.filter({ hasText: sub }).getByTestId('evidence-subtheme')).toHaveText('Flight routes')
  await expect(items.filter({ hasText: own }).getByTestId('evidence-subtheme')).toHaveCount(0)
  await cell.scrollIntoViewIfNeeded()
  await shots(page, 'subthemes-matrix')
  expect(await violations(page)).toEqual([])

  // The Reader: the coding panel nests the sub-theme's group in its parent's; the menus list it after it.
  await page.goto(`${new URL(page.url()).origin}/#/article/${articleId}`)
  await expect(page.getByTestId('article-body')).toBeVisible()
  const panel = page.getByRole('complementary', { name: 'Coding' })
  const group = panel.locator('.panel-group').filter({ hasText: 'Direct flights' })
  await expect(group.locator('h3').first()).toContainText('Direct flights 2')
  await expect(group.getByRole('region', { name: 'Flight routes, sub-theme of Direct flights' })).toContainText(sub)

  // Words of the first paragraph after its coded start, in sight with the toolbar above them.
  await selectText(page, wordsOf(body, 4, { from: 8 }))
  const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' })
  const buttons = toolbar.getByRole('button')
  const labels = await buttons.allInnerTexts()
  const at = labels.findIndex((l) => l.includes('Direct flights'))
  expect(labels[at + 1]).toMatch(/↳\s*Flight routes/)
  await expect(toolbar.getByRole('button', { name: /Flight routes/ })).toHaveAttribute('title', /sub-theme of Direct flights/)
  // The toolbar is placed when the selection is made: made again at each size.
  await page.screenshot({ path: screenshotPath('subthemes-reader-toolbar-1280') })
  for (const [width, height, dark, name] of [
    [800, 700, false, '800'],
    [800, 700, true, '800-dark'],
    [1280, 800, true, '1280-dark'],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' })
    await page.keyboard.press('Escape')
    await selectText(page, wordsOf(body, 4, { from: 8 }))
    const box = (await toolbar.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(width)
    await page.screenshot({ path: screenshotPath(`subthemes-reader-toolbar-${name}`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.keyboard.press('Escape')

  await panel.getByRole('button', { name: sub }).click()
  const popover = page.getByRole('dialog', { name: 'Highlight' })
  await expect(popover).toContainText('sub-theme of Direct flights')
  const chips = popover.getByRole('group', { name: 'Theme' }).getByRole('button')
  const chipLabels = await chips.allInnerTexts()
  expect(chipLabels[chipLabels.findIndex((l) => l.includes('Direct flights')) + 1]).toMatch(/↳\s*Flight routes/)
  await expect(popover.getByRole('button', { name: /Flight routes/ })).toHaveAttribute('aria-pressed', 'true')
  await shots(page, 'subthemes-reader-popover')
  expect(await violations(page)).toEqual([])
})

test('the highlight’s drag handles take the keyboard focus: ←/→ move an edge by a word, Alt+←/→ by a letter', async ({ page, parley }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  const rounds = await call<Round[]>(page, 'rounds.list', {})
  const articleId = rounds.find((r) => r.venue === 'Istanbul')!.articles.find((a) => a.role === 'reports')!.articleId
  const body = (await call<{ body: string }>(page, 'articles.get', { id: articleId })).body
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const passage = wordsOf(body, 3)
  const start = body.indexOf(passage)
  await call(page, 'highlights.create', { articleId, start, end: start + passage.length, themeId: themes[0]!.id })
  const exact = async (): Promise<string> => (await call<Array<{ exact: string }>>(page, 'highlights.list', { articleId }))[0]!.exact

  await page.goto(`${new URL(page.url()).origin}/#/article/${articleId}`)
  await page.getByRole('complementary', { name: 'Coding' }).getByRole('button', { name: passage }).click()
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toBeVisible()
  const end = page.getByRole('slider', { name: 'End of the highlight' })
  await expect(end).toHaveAttribute('aria-valuenow', String(start + passage.length))
  await end.focus()
  await page.keyboard.press('ArrowRight')
  await expect.poll(exact).toBe(wordsOf(body, 4))
  // The handle keeps the focus after the resize: the next key moves it again.
  await expect(end).toBeFocused()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect.poll(exact).toBe(wordsOf(body, 4).slice(0, -1))
  await expect(end).toBeFocused()
  const startHandle = page.getByRole('slider', { name: 'Start of the highlight' })
  // Pressed (without a drag), a handle takes the focus too.
  const grip = (await startHandle.boundingBox())!
  await page.mouse.click(grip.x + grip.width / 2, grip.y + grip.height / 2)
  await expect(startHandle).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect.poll(exact).toBe(wordsOf(body, 3, { from: 1 }).slice(0, -1))
  await expect(startHandle).toBeFocused()
  await page.screenshot({ path: screenshotPath('highlight-handle-focus') })
})
