import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { call, clickText, escape, expect, go, selectText, shots, test, wordsOf } from './fixtures'

// Issue 18, the paths the first journeys left unproven: a cell note's quote cites its article (in
// the note, its Markdown and the exported vault, with a highlight's comment as a callout); a Matrix
// cell "mentioned" only through a sub-theme opens those sentences; Compare dims a column with none;
// a theme as a `[[` target opens its passages, and the mouse's Forward button comes back to them;
// `staff*` finds words starting with it as typed.

interface Round {
  id: number
  title: string
  articles: Array<{ articleId: number; role: string }>
}
interface Theme {
  id: number
  name: string
  description: string
  parentId: number | null
}
interface ArticleSummary {
  id: number
  title: string
  outlet: string | null
  published: string | null
}

/** pandoc's HTML for a vault file, or null where pandoc is not installed (CI installs it). */
function pandocHtml(markdown: string): string | null {
  try {
    return execFileSync('pandoc', ['--from', 'markdown+yaml_metadata_block', '--to', 'html', '--fail-if-warnings'], {
      input: markdown,
      encoding: 'utf8',
    })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

/** A round's first reporting article, `words` words of its body and where they start, with the lists they came from. */
async function reportedPassage(page: Page, words: number) {
  const rounds = await call<Round[]>(page, 'rounds.list', {})
  const round = rounds.find((r) => r.articles.some((a) => a.role === 'reports'))!
  const articleId = round.articles.find((a) => a.role === 'reports')!.articleId
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const article = articles.find((a) => a.id === articleId)!
  const body = (await call<{ body: string }>(page, 'articles.get', { id: articleId })).body
  const passage = wordsOf(body, words)
  const themes = await call<Theme[]>(page, 'themes.list', {})
  return { round, articleId, articles, article, passage, start: body.indexOf(passage), themes }
}

test('a quote from the Matrix cell-note panel cites its article: in the note, its Markdown and the exported vault (with the comment callout)', async ({
  page,
  parley,
}) => {
  const out = mkdtempSync(join(tmpdir(), 'parley-vault-'))
  try {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(parley.url)
    const { round, articleId, article, passage, start, themes } = await reportedPassage(page, 8)
    const theme = themes.find((t) => t.parentId === null)!
    const highlight = await call<{ id: number }>(page, 'highlights.create', {
      articleId,
      start,
      end: start + passage.length,
      themeId: theme.id,
      comment: 'Who said it *first*?',
    })

    await page.getByRole('link', { name: 'Matrix', exact: true }).click()
    const cell = page
      .getByTestId('matrix-row')
      .filter({ hasText: round.title })
      .getByRole('gridcell', { name: new RegExp(`^${escape(round.title)}, ${escape(theme.name)}:`) })
    await expect(cell).toContainText(passage)
    await cell.getByRole('button', { name: 'Write here' }).click()
    const panel = page.getByRole('dialog', { name: `Cell note: ${round.title} — ${theme.name}` })
    const evidence = panel.getByRole('complementary', { name: 'Evidence in this cell' })
    // The evidence names its article, so the user sees what a quote will cite.
    await expect(evidence).toContainText(article.title)
    await panel.getByTestId('note-editor').click()
    await page.keyboard.type('One side only.')
    await evidence.getByRole('button', { name: `Quote: ${passage.slice(0, 40)}` }).click()
    // The quote's source line: the article's title, then its outlet (as a quote from the Reader has).
    const source = panel.getByTestId('note-editor').getByTestId('evidence').locator('.evidence-source')
    await expect(source).toContainText(article.title)
    if (article.outlet) await expect(source).toContainText(article.outlet)
    await expect(source).toHaveAttribute('href', `#/article/${articleId}/h/${highlight.id}`)
    await expect(panel.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 })
    await shots(page, 'loops-cell-note-quote-cited')

    // Stored: the quote carries title, outlet, date and the highlight.
    const notes = await call<Array<{ id: number; roundId: number | null; themeId: number | null; title: string }>>(page, 'notes.list', {})
    const note = notes.find((n) => n.roundId === round.id && n.themeId === theme.id)!
    const saved = JSON.stringify(await call<{ content: unknown }>(page, 'notes.get', { id: note.id }))
    expect(saved).toContain(`"highlightId":${highlight.id}`)
    expect(saved).toContain(`"title":${JSON.stringify(article.title)}`)
    // The note's own Markdown cites the title.
    const markdown = await call<string>(page, 'notes.markdown', { id: note.id })
    expect(markdown).toContain(`> — ${article.title}`)

    // Exported from the UI: the vault's note cites the article by its title (a link to its passage),
    // and the article's file has the highlight's comment as a callout under its paragraph.
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export notebook' })
    await dialog.getByRole('textbox', { name: 'Export folder' }).fill(out)
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(dialog.getByTestId('export-summary')).toContainText(/written/, { timeout: 30_000 })
    const noteFile = readdirSync(join(out, 'notes'))
      .map((f) => readFileSync(join(out, 'notes', f), 'utf8'))
      .find((text) => text.includes('One side only.'))!
    expect(noteFile).toBeDefined()
    const quoteLines = noteFile.split('\n').filter((l) => l.startsWith('> — '))
    expect(quoteLines).toHaveLength(1)
    expect(quoteLines[0]).toContain(article.title.split(' ')[0])
    expect(quoteLines[0]).toMatch(/\[\[articles\/[^\]]+#\^h-\d+\|[^\]]+\]\]|\]\(\.\.\/articles\//)
    const articleFile = readdirSync(join(out, 'articles'))
      .map((f) => readFileSync(join(out, 'articles', f), 'utf8'))
      .find((text) => text.includes('[!note]'))!
    expect(articleFile).toMatch(/> \[!note\] Comment on “[^”]+”\n> Who said it \\\*first\\\*\?/)
    // pandoc (as the suite's pandoc check does) reads the UI's vault: the comment is a block quote, its Markdown escaped.
    const pandoc = pandocHtml(articleFile)
    if (pandoc !== null)
      expect(pandoc).toMatch(/<blockquote>\s*<p>\[!note\] Comment on “[^”]+”\s*Who said it \*first\*\?<\/p>\s*<\/blockquote>/)
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

test('a Matrix cell mentioned only through a sub-theme opens those sentences in Compare, ready to code; a column with none recedes', async ({
  page,
  parley,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  // The theme with the most suggestions becomes the sub-theme of a new theme that mentions nothing.
  const counted = await Promise.all(
    themes.map(async (t) => ({
      t,
      n: (
        await Promise.all(
          articles.map((a) => call<unknown[]>(page, 'suggestions.list', { articleId: a.id, themeId: t.id }).then((s) => s.length)),
        )
      ).reduce((x, y) => x + y, 0),
    })),
  )
  counted.sort((x, y) => y.n - x.n)
  const sub = counted[0]!.t
  expect(counted[0]!.n).toBeGreaterThan(0)
  const parent = await call<Theme>(page, 'themes.create', { name: 'Qzvx Wqyz' })
  await call(page, 'themes.setParent', { id: sub.id, parentId: parent.id })
  await page.reload()

  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const cell = page.getByRole('gridcell', { name: /, Qzvx Wqyz: Not covered yet — mentioned, not coded/ }).first()
  await expect(cell).toBeVisible({ timeout: 15_000 })
  await cell.getByRole('link', { name: 'Show the mentions →' }).click()
  await expect(page).toHaveURL(new RegExp(`#/compare/[\\d,]+/t/${parent.id}$`))
  await expect(page.getByRole('group', { name: 'Theme filter' }).getByRole('button', { name: 'Qzvx Wqyz' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  // The sub-theme's sentences are there (before, the parent alone showed "0 … passages" and nothing more).
  const column = page.getByTestId('compare-column').first()
  await expect(column).toContainText(/0 Qzvx Wqyz passages · [1-9]\d* mentioned, not coded/)
  const ids = /#\/compare\/([\d,]+)\//.exec(page.url())![1]!.split(',').map(Number)
  const suggestions = await call<Array<{ text: string }>>(page, 'suggestions.list', { articleId: ids[0]!, themeId: sub.id })
  // Code one in place: it is coded with the sub-theme and counts as a passage of the parent's filter.
  const sentence = suggestions[0]!.text
  await clickText(page, sentence.slice(0, 40), 'compare-body-0')
  const card = page.getByRole('dialog', { name: 'Suggestion' })
  await expect(card).toContainText(`${sub.name}: mentioned, not coded`)
  await card.getByRole('button', { name: 'Code it' }).click()
  await expect(column).toContainText('1 Qzvx Wqyz passage')
  await expect
    .poll(async () =>
      (await call<Array<{ exact: string; themeId: number }>>(page, 'highlights.list', { articleId: ids[0]! })).map((h) => [
        h.exact,
        h.themeId,
      ]),
    )
    .toContainEqual([sentence, sub.id])
  await page.locator('body').press('Control+z')
  await expect(column).toContainText('0 Qzvx Wqyz passages')

  // Beside an article with nothing of the theme, that column recedes (dimmed) and says so.
  const others = await Promise.all(
    articles.map(async (a) => ({ a, n: (await call<unknown[]>(page, 'suggestions.list', { articleId: a.id, themeId: sub.id })).length })),
  )
  const empty = others.find((o) => o.n === 0 && o.a.id !== ids[0])
  if (empty) {
    await go(page, `#/compare/${ids[0]},${empty.a.id}/t/${parent.id}`)
    const second = page.getByTestId('compare-column').nth(1)
    await expect(second).toContainText('0 Qzvx Wqyz passages')
    await expect(second).toHaveClass(/\bnone\b/)
    await expect(page.getByTestId('compare-column').first()).not.toHaveClass(/\bnone\b/)
    expect(Number(await second.locator('.compare-scroll').evaluate((e) => getComputedStyle(e).opacity))).toBeLessThan(1)
    await shots(page, 'loops-compare-subtheme-mentions')
  }
})

test('a theme linked with [[ opens its passages in place; Back, and the mouse’s Forward button, walk there and back', async ({
  page,
  parley,
}) => {
  await page.goto(parley.url)
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const theme = themes[0]!
  const note = await call<{ id: number }>(page, 'notes.create', { title: 'Codebook links' })
  await go(page, `#/notes/${note.id}`)
  const editor = page.getByTestId('note-editor')
  await editor.click()
  await page.keyboard.type('See ')
  await page.keyboard.type(`[[${theme.name.slice(0, 6)}`)
  const menu = page.getByRole('listbox', { name: 'Link to' })
  await menu.getByRole('option').filter({ hasText: theme.name }).filter({ hasText: 'Theme' }).first().click()
  await expect(editor.locator('a.ref')).toHaveText(theme.name)
  await editor.locator('a.ref').click()
  await expect(page).toHaveURL(new RegExp(`#/passages/${theme.id}$`))
  await expect(page.getByRole('heading', { name: theme.name, exact: true })).toBeVisible()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page).toHaveURL(new RegExp(`#/notes/${note.id}$`))
  // The mouse's Forward button (button 4) goes forward again.
  await page.evaluate(() => {
    for (const type of ['mousedown', 'mouseup'])
      document.body.dispatchEvent(new MouseEvent(type, { button: 4, bubbles: true, cancelable: true }))
  })
  await expect(page).toHaveURL(new RegExp(`#/passages/${theme.id}$`))

  // A round linked with [[ opens the Matrix with that round's panel.
  const rounds = await call<Round[]>(page, 'rounds.list', {})
  const round = rounds[0]!
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page).toHaveURL(new RegExp(`#/notes/${note.id}$`))
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' and ')
  await page.keyboard.type(`[[${round.title.slice(0, 8)}`)
  await menu.getByRole('option').filter({ hasText: round.title }).filter({ hasText: 'Round' }).first().click()
  await editor.locator('a.ref', { hasText: round.title }).click()
  await expect(page).toHaveURL(new RegExp(`#/matrix/${round.id}$`))
  const panel = page.getByRole('complementary', { name: 'Round' })
  await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue(round.title)
  // …which lists the note among the places that link to the round.
  await expect(panel).toContainText('Codebook links')
})

test('search: staff* finds words starting with “staff” as typed, staffing among them', async ({ page, parley }) => {
  await page.goto(parley.url)
  const search = page.getByRole('searchbox', { name: 'Search articles' })
  await search.fill('staff*')
  const hits = page.getByRole('list', { name: 'Search results' })
  await expect(hits.getByRole('listitem').first()).toBeVisible()
  const marked = (await hits.locator('mark, .match').allTextContents()).map((t) => t.toLowerCase())
  expect(marked).toContain('staffing')
  expect(marked.every((t) => t.startsWith('staff'))).toBe(true)
})

test('the Passages view is the codebook’s home: every theme with colour, key, description, counts and examples; dates filter the passages', async ({
  page,
  parley,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const [a, b] = articles
  const code = async (article: ArticleSummary, themeId: number): Promise<string> => {
    const text = wordsOf((await call<{ body: string }>(page, 'articles.get', { id: article.id })).body, 7)
    const start = (await call<{ body: string }>(page, 'articles.get', { id: article.id })).body.indexOf(text)
    await call(page, 'highlights.create', { articleId: article.id, start, end: start + text.length, themeId })
    return text
  }
  const first = await code(a!, themes[0]!.id)
  await code(b!, themes[0]!.id)
  // Dated apart: one in 2019, one in 2025.
  await call(page, 'articles.update', { id: a!.id, published: '2019-07-17' })
  await call(page, 'articles.update', { id: b!.id, published: '2025-02-27' })

  await page.getByRole('link', { name: 'Passages', exact: true }).click()
  await expect(page).toHaveURL(/#\/passages$/)
  const codebook = page.getByRole('list', { name: 'Codebook' })
  const entries = codebook.getByTestId('codebook-theme')
  await expect(entries).toHaveCount(themes.length)
  const entry = entries.first()
  await expect(entry).toContainText(themes[0]!.name)
  await expect(entry).toContainText('key 1 · 2 passages in 2 articles')
  if (themes[0]!.description) await expect(entry).toContainText(themes[0]!.description)
  await expect(entry.getByRole('list', { name: `Examples of ${themes[0]!.name}` }).getByRole('listitem')).toHaveCount(2)
  await expect(entries.nth(1)).toContainText('key 2 · no passage yet')
  // The swatch carries the theme's colour.
  const colour = await entry.locator('.swatch').evaluate((e) => getComputedStyle(e).backgroundColor)
  expect(colour).not.toBe('rgba(0, 0, 0, 0)')
  await shots(page, 'loops-passages-codebook')

  // Dates: From 2020 keeps only the 2025 passage (and the counts follow); clearing brings both back.
  const list = page.getByRole('list', { name: 'Passages' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await page.getByLabel('From', { exact: true }).fill('2020-01-01')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).not.toContainText(first)
  await expect(entry).toContainText('1 passage in 1 article')
  await page.getByLabel('To', { exact: true }).fill('2024-12-31')
  await expect(page.getByRole('heading', { name: 'No passage matches these filters' })).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)

  // A theme's name opens its passages.
  await entry.getByRole('link', { name: themes[0]!.name, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`#/passages/${themes[0]!.id}$`))
})

test('a Matrix cell no article mentions opens the round’s articles to read and code by hand', async ({ page, parley }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  const themes = await call<Theme[]>(page, 'themes.list', {})
  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const cell = page.locator('.matrix-cell.coverage-not-mentioned').first()
  await expect(cell).toBeVisible({ timeout: 15_000 })
  const label = (await cell.getAttribute('aria-label'))!
  const theme = themes.find((t) => label.includes(`, ${t.name}:`))!
  await cell.scrollIntoViewIfNeeded()
  await shots(page, 'loops-matrix-not-mentioned')
  await cell.getByRole('link', { name: /^Read its articles? →$/ }).click()
  await expect(page).toHaveURL(new RegExp(`#/compare/\\d[\\d,]*/t/${theme.id}$`))
  await expect(page.getByTestId('compare-column').first()).toContainText(`0 ${theme.name} passages`)

  // The Unassigned row's empty cell leads to the theme's mentions in the articles in no round.
  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const loose = page.getByTestId('matrix-unassigned').getByRole('gridcell', { name: new RegExp(`Unassigned, ${escape(themes[0]!.name)}`) })
  await expect(loose).toContainText('No coded passage')
  await loose.getByRole('link', { name: 'Look for mentions →' }).click()
  await expect(page).toHaveURL(new RegExp(`#/passages/${themes[0]!.id}/round/none$`))
  await expect(page.getByRole('combobox', { name: 'Round' })).toHaveValue('none')
  await expect(page.getByRole('region', { name: 'Mentioned, not coded' })).toBeVisible()
})

test('deleting an article from the Library takes it out of the export and its round; Undo brings the membership back', async ({
  page,
  parley,
}) => {
  const out = mkdtempSync(join(tmpdir(), 'parley-vault-'))
  try {
    await page.goto(parley.url)
    const { round, articleId, articles, article, passage, start, themes } = await reportedPassage(page, 6)
    const h = await call<{ id: number }>(page, 'highlights.create', {
      articleId,
      start,
      end: start + passage.length,
      themeId: themes[0]!.id,
    })
    const note = await call<{ id: number }>(page, 'notes.create', { title: 'Keeps its quote' })
    await call(page, 'notes.appendQuote', { noteId: note.id, highlightId: h.id })

    const table = page.getByRole('table', { name: 'Articles' })
    await table.getByRole('checkbox', { name: `Select ${article.title}` }).check()
    await page.getByRole('toolbar', { name: 'Selected articles' }).getByRole('button', { name: 'Delete' }).click()
    await expect(table.locator('tbody tr[data-row]')).toHaveCount(articles.length - 1)
    const members = async (): Promise<number[]> =>
      (await call<Round[]>(page, 'rounds.list', {})).find((r) => r.id === round.id)?.articles.map((m) => m.articleId) ?? []
    expect(await members()).not.toContain(articleId)

    // The export leaves it out; the note keeps the quote and says its source was deleted.
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export notebook' })
    await dialog.getByRole('textbox', { name: 'Export folder' }).fill(out)
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(dialog.getByTestId('export-summary')).toContainText(/written/, { timeout: 30_000 })
    const files = readdirSync(join(out, 'articles'))
    expect(files).toHaveLength(articles.length - 1)
    for (const f of files) expect(readFileSync(join(out, 'articles', f), 'utf8')).not.toContain(`# ${article.title}\n`)
    const noteFile = readdirSync(join(out, 'notes'))
      .map((f) => readFileSync(join(out, 'notes', f), 'utf8'))
      .find((t) => t.includes('Keeps its quote'))!
    expect(noteFile).toContain(passage)
    expect(noteFile).toContain('(the source article was deleted)')
    await dialog.getByRole('button', { name: 'Close' }).click()

    // Undo brings the article back into its round with its highlight.
    await page.locator('body').press('Control+z')
    await expect(table.locator('tbody tr[data-row]')).toHaveCount(articles.length)
    expect(await members()).toContain(articleId)
    expect((await call<Array<{ id: number }>>(page, 'highlights.list', { articleId })).map((x) => x.id)).toEqual([h.id])
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

test('Compare codes a selection as the Reader does: the toolbar, a number key, and Ctrl+Z takes it back', async ({ page, parley }) => {
  await page.goto(parley.url)
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const [a, b] = articles
  await go(page, `#/compare/${a!.id},${b!.id}`)
  const select = (index: number, text: string): Promise<void> => selectText(page, text, `compare-body-${index}`)
  const coded = async (articleId: number) =>
    (await call<Array<{ exact: string; themeId: number }>>(page, 'highlights.list', { articleId })).map((h) => [h.exact, h.themeId])
  const wordsA = wordsOf((await call<{ body: string }>(page, 'articles.get', { id: a!.id })).body, 5)
  const wordsB = wordsOf((await call<{ body: string }>(page, 'articles.get', { id: b!.id })).body, 5)
  await expect(page.getByTestId('compare-body-0')).toContainText(wordsA)
  await expect(page.getByTestId('compare-body-1')).toContainText(wordsB)

  // The toolbar's theme button.
  await select(0, wordsA)
  const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' })
  await toolbar.getByRole('button', { name: themes[1]!.name }).click()
  await expect.poll(() => coded(a!.id)).toEqual([[wordsA, themes[1]!.id]])
  // A number key in the other column.
  await select(1, wordsB)
  await expect(toolbar).toBeVisible()
  await page.keyboard.press('2')
  await expect.poll(() => coded(b!.id)).toEqual([[wordsB, themes[1]!.id]])
  // Ctrl+Z undoes the last, then the first.
  await page.locator('body').press('Control+z')
  await expect.poll(() => coded(b!.id)).toEqual([])
  await page.locator('body').press('Control+z')
  await expect.poll(() => coded(a!.id)).toEqual([])
})
