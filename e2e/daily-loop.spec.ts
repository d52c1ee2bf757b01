import type { Page } from '@playwright/test'
import { call, clickText, escape, expect, go, screenshotPath, selectText, shots, test } from './fixtures'

// Issue 18: the researcher's daily loop — delete and bulk-edit articles, prefix search, links that
// navigate in place with Back/Forward.

interface ArticleSummary {
  id: number
  title: string
  outlet: string | null
  published: string | null
}

/** A note that links to the article and quotes one of its passages (coded with the first theme). */
async function noteQuoting(page: Page, article: ArticleSummary, passage: string): Promise<{ noteId: number; highlightId: number }> {
  const { body } = await call<{ body: string }>(page, 'articles.get', { id: article.id })
  const start = body.indexOf(passage)
  expect(start).toBeGreaterThanOrEqual(0)
  const themes = await call<Array<{ id: number }>>(page, 'themes.list', {})
  const highlight = await call<{ id: number }>(page, 'highlights.create', {
    articleId: article.id,
    start,
    end: start + passage.length,
    themeId: themes[0]!.id,
  })
  const note = await call<{ id: number }>(page, 'notes.create', {
    title: 'Staffing across outlets',
    content: {
      root: {
        type: 'root',
        version: 1,
        children: [
          {
            type: 'paragraph',
            version: 1,
            children: [
              { type: 'text', version: 1, text: 'See ' },
              { type: 'parley-ref', version: 1, kind: 'article', id: article.id, label: article.title },
              { type: 'text', version: 1, text: ' for the stalemate.' },
            ],
          },
        ],
      },
    },
  })
  await call(page, 'notes.appendQuote', { noteId: note.id, highlightId: highlight.id })
  return { noteId: note.id, highlightId: highlight.id }
}

test('delete an article from the Reader: its note quote says the source was deleted; Undo brings it all back', async ({ page, parley }) => {
  await page.goto(parley.url)
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const article = articles.find((a) => /Embassy Staffing Stalemate/.test(a.title))!
  const { noteId, highlightId } = await noteQuoting(page, article, 'staffing')

  await go(page, `#/article/${article.id}`)
  await expect(page.locator('#article-title')).toHaveText(article.title)
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page).toHaveURL(/#\/library$/)
  await expect(page.getByRole('status').filter({ hasText: /^Deleted “.*” with 1 highlight.*1 note keeps the quoted text\./ })).toBeVisible()
  const table = page.getByRole('table', { name: 'Articles' })
  await expect(table.getByRole('link', { name: article.title })).toHaveCount(0)
  await expect(table.locator('tbody tr[data-row]')).toHaveCount(articles.length - 1)
  await expect(page.locator('.notebook')).toContainText(`${articles.length - 1} articles`)
  // Search does not find it (its title words).
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('stalemate')
  await expect(page.getByRole('heading', { name: 'No articles match “stalemate”' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('')

  // The note keeps the quoted text and says where it came from went away.
  await go(page, `#/notes/${noteId}`)
  const editor = page.getByTestId('note-editor')
  await expect(editor.getByTestId('evidence')).toContainText('staffing')
  await expect(editor.getByTestId('evidence')).toContainText('the source article was deleted; the quote keeps its text')
  await expect(editor.locator('.ref.missing')).toHaveText(`${article.title} (deleted)`)
  await shots(page, 'delete-note-source-deleted')

  // Undo (Ctrl+Z outside the editor) brings back the article, its highlight and the note's links.
  await go(page, `#/library`)
  await expect(table.locator('tbody tr[data-row]')).toHaveCount(articles.length - 1)
  await page.locator('body').press('Control+z')
  await expect(page.getByRole('status').filter({ hasText: /^Undid: delete/ })).toBeVisible()
  await expect(table.getByRole('link', { name: article.title })).toBeVisible()
  const back = await call<Array<{ id: number }>>(page, 'highlights.list', { articleId: article.id })
  expect(back.map((h) => h.id)).toEqual([highlightId])
  const backlinks = await call<Array<{ noteId: number }>>(page, 'notes.backlinks', { kind: 'article', id: article.id })
  expect(backlinks.map((b) => b.noteId)).toContain(noteId)
  await go(page, `#/notes/${noteId}`)
  await expect(editor.locator('a.ref')).toHaveText(article.title)
  await expect(editor.getByTestId('evidence')).not.toContainText('deleted')
})

test('bulk actions on a Library selection: set outlet, set date, add to a round, delete — each undone', async ({ page, parley }) => {
  await page.goto(parley.url)
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const [a, b] = articles
  const table = page.getByRole('table', { name: 'Articles' })
  await expect(table.locator('tbody tr[data-row]')).toHaveCount(articles.length)
  await table.getByRole('checkbox', { name: `Select ${a!.title}` }).check()
  await table.getByRole('checkbox', { name: `Select ${b!.title}` }).check()
  const bar = page.getByRole('toolbar', { name: 'Selected articles' })
  await expect(bar).toContainText('2 articles selected')
  await expect(bar.getByRole('link', { name: 'Compare' })).toHaveAttribute('href', /#\/compare\//)

  // Set outlet.
  await bar.getByRole('button', { name: 'Set outlet…' }).click()
  await bar.getByRole('textbox', { name: /Outlet for 2 articles/ }).fill('Interfax')
  await shots(page, 'library-bulk-outlet')
  await bar.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Set outlet “Interfax” on 2 articles.' })).toBeVisible()
  const row = (t: string) => table.locator('tr', { has: page.getByRole('link', { name: t, exact: true }) })
  await expect(row(a!.title).locator('.col-outlet')).toHaveText('Interfax')
  await expect(row(b!.title).locator('.col-outlet')).toHaveText('Interfax')
  await page.locator('body').press('Control+z')
  await expect(row(a!.title).locator('.col-outlet')).toHaveText(a!.outlet ?? 'Add outlet')
  await expect(row(b!.title).locator('.col-outlet')).toHaveText(b!.outlet ?? 'Add outlet')
  const after = await call<ArticleSummary[]>(page, 'articles.list', {})
  expect(after.map((x) => [x.id, x.outlet, x.published])).toEqual(articles.map((x) => [x.id, x.outlet, x.published]))

  // Set date.
  await bar.getByRole('button', { name: 'Set date…' }).click()
  await bar.getByLabel(/Date for 2 articles/).fill('2025-02-27')
  await bar.getByRole('button', { name: 'Apply' }).click()
  await expect(row(a!.title).locator('.col-date')).toHaveText(/Feb.* 27, 2025|27 Feb.* 2025/)
  await page.locator('body').press('Control+z')
  expect((await call<ArticleSummary[]>(page, 'articles.list', {})).map((x) => x.published)).toEqual(articles.map((x) => x.published))

  // Add to a round: the round then lists both articles; Undo takes out only those it added.
  const rounds = await call<Array<{ id: number; title: string; articles: Array<{ articleId: number }> }>>(page, 'rounds.list', {})
  const round = rounds.find((r) => !r.articles.some((m) => m.articleId === a!.id)) ?? rounds[0]!
  await bar.getByRole('button', { name: 'Add to round…' }).click()
  await bar.getByRole('combobox', { name: 'Round' }).selectOption(String(round.id))
  await bar.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^Add .* to “${escape(round.title)}”`) })).toBeVisible()
  const members = async () =>
    (await call<Array<{ id: number; articles: Array<{ articleId: number }> }>>(page, 'rounds.list', {}))
      .find((r) => r.id === round.id)!
      .articles.map((m) => m.articleId)
      .sort()
  expect(await members()).toEqual(expect.arrayContaining([a!.id, b!.id]))
  await page.locator('body').press('Control+z')
  await expect.poll(members).toEqual(round.articles.map((m) => m.articleId).sort())

  // Delete both, then Undo from the toast.
  await bar.getByRole('button', { name: 'Delete' }).click()
  await expect(table.locator('tbody tr[data-row]')).toHaveCount(articles.length - 2)
  await expect(bar).toHaveCount(0)
  const toast = page.getByRole('status').filter({ hasText: /^Deleted 2 articles/ })
  await expect(toast).toBeVisible()
  // One screenshot only: an info toast leaves after 5 s, and its Undo is what comes next.
  await page.screenshot({ path: screenshotPath('library-bulk-deleted-1280') })
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(table.locator('tbody tr[data-row]')).toHaveCount(articles.length)
  expect((await call<ArticleSummary[]>(page, 'articles.list', {})).map((x) => x.id).sort()).toEqual(articles.map((x) => x.id).sort())
})

test('search: a prefix matches words as written (staffi* finds “staffing”)', async ({ page, parley }) => {
  await page.goto(parley.url)
  const search = page.getByRole('searchbox', { name: 'Search articles' })
  await search.fill('staffi*')
  const hits = page.getByRole('list', { name: 'Search results' })
  // "staffing" is stemmed to "staf": before the unstemmed index this found nothing.
  await expect(hits.getByRole('listitem')).toHaveCount(2)
  await expect(hits.locator('mark, .match').first()).toHaveText(/^staffing$/i)
  await page.screenshot({ path: screenshotPath('search-prefix-1280') })
  await search.fill('staffing')
  await expect(hits.getByRole('listitem')).toHaveCount(2)
})

test('links in a note open their target in place; Back and Forward walk the places visited', async ({ page, parley, context }) => {
  // Count window.open calls: following a link must never open a window or a tab.
  await page.addInitScript(() => {
    const w = window as unknown as { opens: number }
    w.opens = 0
    const original = window.open.bind(window)
    window.open = (...args: Parameters<typeof window.open>) => {
      w.opens++
      return original(...args)
    }
  })
  await page.goto(parley.url)
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const article = articles.find((a) => /Embassy Staffing Stalemate/.test(a.title))!
  const { noteId, highlightId } = await noteQuoting(page, article, 'staffing')
  const opened: string[] = []
  context.on('page', (p) => opened.push(p.url()))

  await go(page, `#/notes/${noteId}`)
  const editor = page.getByTestId('note-editor')
  await editor.locator('a.ref', { hasText: article.title }).click()
  await expect(page).toHaveURL(new RegExp(`#/article/${article.id}$`))
  await expect(page.locator('#article-title')).toHaveText(article.title)

  // Alt+← goes back to the note, Alt+→ forward to the article again.
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page).toHaveURL(new RegExp(`#/notes/${noteId}$`))
  await expect(editor.getByTestId('evidence')).toBeVisible()
  await page.keyboard.press('Alt+ArrowRight')
  await expect(page).toHaveURL(new RegExp(`#/article/${article.id}$`))
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page).toHaveURL(new RegExp(`#/notes/${noteId}$`))

  // The quote opens the Reader at the passage.
  await editor.getByTestId('evidence').getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`#/article/${article.id}/h/${highlightId}$`))
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toContainText('staffing')

  // The mouse's back button (button 3) goes back too; the top bar's buttons as well.
  await page.mouse.move(640, 400)
  await page.evaluate(() => {
    for (const type of ['mousedown', 'mouseup'])
      document.body.dispatchEvent(new MouseEvent(type, { button: 3, bubbles: true, cancelable: true }))
  })
  await expect(page).toHaveURL(new RegExp(`#/notes/${noteId}$`))
  await page.getByRole('button', { name: 'Forward' }).click()
  await expect(page).toHaveURL(new RegExp(`#/article/${article.id}/h/${highlightId}$`))
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page).toHaveURL(new RegExp(`#/notes/${noteId}$`))

  expect(opened).toEqual([])
  expect(context.pages()).toHaveLength(1)
  expect(await page.evaluate(() => (window as unknown as { opens: number }).opens)).toBe(0)
})

test('Passages view: every passage of a theme across articles, filtered and sorted, each opening the Reader at the passage', async ({
  page,
  parley,
}) => {
  await page.goto(parley.url)
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const staffing = themes.find((t) => t.name === 'Embassy staffing')!
  // Code the first "staff…" or "embass…" word of every article that has one, and one passage of another theme.
  const coded: Array<{ article: ArticleSummary; id: number; text: string }> = []
  for (const article of articles) {
    const { body } = await call<{ body: string }>(page, 'articles.get', { id: article.id })
    const m = /\b(?:staff|embass)\w*/i.exec(body)
    if (!m) continue
    const h = await call<{ id: number }>(page, 'highlights.create', {
      articleId: article.id,
      start: m.index,
      end: m.index + m[0].length,
      themeId: staffing.id,
      comment: coded.length === 0 ? 'the first one' : undefined,
    })
    coded.push({ article, id: h.id, text: m[0] })
  }
  expect(coded.length).toBeGreaterThanOrEqual(3)
  const other = articles.find((a) => !coded.some((c) => c.article.id === a.id)) ?? articles[0]!
  await call(page, 'highlights.create', { articleId: other.id, start: 0, end: 10, themeId: themes[2]!.id })

  // From Themes to the theme's passages.
  await page.getByRole('link', { name: 'Themes', exact: true }).click()
  await page.getByRole('link', { name: `Passages of ${staffing.name}` }).click()
  await expect(page).toHaveURL(new RegExp(`#/passages/${staffing.id}$`))
  await expect(page.getByRole('heading', { name: staffing.name })).toBeVisible()
  const list = page.getByRole('list', { name: 'Passages' })
  await expect(list.getByRole('listitem')).toHaveCount(coded.length)
  await expect(page.getByRole('status').filter({ hasText: `${coded.length} passages in ${coded.length} articles` })).toBeVisible()
  await expect(list).toContainText('the first one')
  await shots(page, 'passages-theme')

  // Comment and re-theme in place, each undoable.
  const card = list.getByRole('listitem').filter({ hasText: coded[1]!.article.title })
  await card.getByRole('button', { name: 'Comment' }).click()
  await card.getByRole('textbox', { name: 'Comment on this passage' }).fill('says who')
  await card.getByRole('textbox', { name: 'Comment on this passage' }).press('Enter')
  await expect(card.locator('.passage-comment')).toHaveText('says who')
  expect(
    (await call<Array<{ id: number; comment: string }>>(page, 'highlights.list', { articleId: coded[1]!.article.id })).find(
      (h) => h.id === coded[1]!.id,
    )?.comment,
  ).toBe('says who')
  await card.getByRole('combobox', { name: 'Theme of this passage' }).selectOption(String(themes[2]!.id))
  await expect(list.getByRole('listitem')).toHaveCount(coded.length - 1)
  await page.locator('body').press('Control+z')
  await expect(list.getByRole('listitem')).toHaveCount(coded.length)
  await page.locator('body').press('Control+z')
  await expect(card.locator('.passage-comment')).toHaveCount(0)

  // Filter by outlet: only that outlet's passages; clearing brings all back.
  const outlet = coded[0]!.article.outlet
  await page.getByRole('combobox', { name: 'Outlet' }).selectOption({ value: outlet ?? '' })
  const inOutlet = coded.filter((c) => c.article.outlet === outlet).length
  await expect(list.getByRole('listitem')).toHaveCount(inOutlet)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(coded.length)

  // Sort by article: titles in order.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('article')
  const titles = coded.map((c) => c.article.title).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }))
  await expect(list.locator('.passage-article')).toHaveText(titles)

  // All themes shows the other theme's passage too.
  await page.getByRole('combobox', { name: 'Theme', exact: true }).selectOption('')
  await expect(page).toHaveURL(/#\/passages$/)
  await expect(list.getByRole('listitem')).toHaveCount(coded.length + 1)
  await page.getByRole('combobox', { name: 'Theme', exact: true }).selectOption(String(staffing.id))

  // Open in Reader at the passage; Back returns to the list as it was left (sorted by article).
  const first = coded.find((c) => c.article.title === titles[0])!
  await list.getByRole('listitem').first().getByRole('link', { name: 'Open in Reader' }).click()
  await expect(page).toHaveURL(new RegExp(`#/article/${first.article.id}/h/${first.id}$`))
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toContainText(first.text)
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page).toHaveURL(new RegExp(`#/passages/${staffing.id}$`))
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('article')
  await expect(list.locator('.passage-article')).toHaveText(titles)

  // The Library's theme filter leads here too.
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await page.getByRole('combobox', { name: 'Filter by theme' }).selectOption(String(staffing.id))
  await page.getByRole('link', { name: 'Show passages' }).click()
  await expect(page).toHaveURL(new RegExp(`#/passages/${staffing.id}$`))
  await expect(list.getByRole('listitem')).toHaveCount(coded.length)
})

test('Matrix evidence opens the passage where it can be read, and a cell leads to all its passages', async ({ page, parley }) => {
  await page.goto(parley.url)
  const rounds = await call<Array<{ id: number; title: string; articles: Array<{ articleId: number; role: string }> }>>(
    page,
    'rounds.list',
    {},
  )
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const flights = themes.find((t) => t.name === 'Direct flights')!
  // One round with a single reporting article, and (if the seeds have one) a round with several.
  const reporting = (r: (typeof rounds)[number]) => r.articles.filter((a) => a.role === 'reports').map((a) => a.articleId)
  const single = rounds.find((r) => reporting(r).length === 1)!
  expect(single).toBeDefined()
  const codeFirstWords = async (articleId: number): Promise<{ id: number; text: string }> => {
    const { body } = await call<{ body: string }>(page, 'articles.get', { id: articleId })
    const text = body.split(/\s+/).slice(0, 6).join(' ')
    const h = await call<{ id: number }>(page, 'highlights.create', { articleId, start: 0, end: text.length, themeId: flights.id })
    return { id: h.id, text }
  }
  const passage = await codeFirstWords(reporting(single)[0]!)

  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const cell = page
    .getByTestId('matrix-row')
    .filter({ hasText: single.title })
    .getByRole('gridcell', { name: new RegExp(`${escape(single.title)}, Direct flights`) })
  await expect(cell).toContainText('1 highlight')
  await cell.getByRole('button', { name: passage.text }).click()
  // One article: the Reader at the passage.
  await expect(page).toHaveURL(new RegExp(`#/article/${reporting(single)[0]}/h/${passage.id}$`))
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toContainText(passage.text)
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page).toHaveURL(/#\/matrix$/)

  // The cell's "All 1 passage →" opens the Passages view filtered to the theme and the round.
  await cell.getByRole('link', { name: 'All 1 passage →' }).click()
  await expect(page).toHaveURL(new RegExp(`#/passages/${flights.id}/round/${single.id}$`))
  await expect(page.getByRole('combobox', { name: 'Round' })).toHaveValue(String(single.id))
  await expect(page.getByRole('list', { name: 'Passages' }).getByRole('listitem')).toHaveCount(1)
  await shots(page, 'passages-from-matrix')

  // Several articles (the seeds' rounds have one each: place another in this round by hand): the
  // evidence of the added article opens Compare with that article among the columns.
  const articles = await call<Array<{ id: number }>>(page, 'articles.list', {})
  const added = articles.find((x) => !reporting(single).includes(x.id))!.id
  await call(page, 'articles.addToRound', { roundId: single.id, ids: [added] })
  const other = await codeFirstWords(added)
  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  await expect(cell).toContainText('2 articles · 2 highlights')
  await cell.getByRole('button', { name: other.text }).click()
  await expect(page).toHaveURL(new RegExp(`#/compare/${added},${reporting(single)[0]}/h/${other.id}$`))
  await expect(page.getByTestId('compare-column')).toHaveCount(2)
})

test('Compare: a theme filter shows mentioned-not-coded sentences apart, codes them in place, and selections code as in the Reader', async ({
  page,
  parley,
}) => {
  await page.goto(parley.url)
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const staffing = themes.find((t) => t.name === 'Embassy staffing')!
  // The article with the most staffing suggestions, beside another.
  const counted = await Promise.all(
    articles.map(async (a) => ({
      a,
      s: await call<Array<{ text: string; themeId: number }>>(page, 'suggestions.list', { articleId: a.id, themeId: staffing.id }),
    })),
  )
  counted.sort((x, y) => y.s.length - x.s.length)
  const [first, second] = counted
  expect(first!.s.length).toBeGreaterThan(0)
  await go(page, `#/compare/${first!.a.id},${second!.a.id}`)
  const column = page.getByTestId('compare-column').first()
  await expect(column).toContainText('highlights')

  await page.getByRole('group', { name: 'Theme filter' }).getByRole('button', { name: staffing.name }).click()
  await expect(column).toContainText(`0 ${staffing.name} passages · ${first!.s.length} mentioned, not coded`)
  await shots(page, 'compare-mentioned')

  // Click a mentioned sentence: code it in place; the counts follow; Ctrl+Z takes it back.
  const sentence = first!.s[0]!.text
  await clickText(page, sentence.slice(0, 40), 'compare-body-0')
  const card = page.getByRole('dialog', { name: 'Suggestion' })
  await expect(card).toContainText('mentioned, not coded')
  await card.getByRole('button', { name: 'Code it' }).click()
  // (The count of mentions may not drop by one: a new highlight teaches suggestions new terms.)
  await expect(column).toContainText(`1 ${staffing.name} passage ·`)
  const coded = async () =>
    (await call<Array<{ exact: string; themeId: number }>>(page, 'highlights.list', { articleId: first!.a.id })).map((h) => [
      h.exact,
      h.themeId,
    ])
  expect(await coded()).toEqual([[sentence, staffing.id]])
  // The sentence is now a passage: clicking it shows the passage, not a suggestion.
  await clickText(page, sentence.slice(0, 40), 'compare-body-0')
  await expect(page.getByRole('dialog', { name: 'Passage' })).toContainText(sentence)
  await page.locator('body').press('Control+z')
  await expect(column).toContainText(`0 ${staffing.name} passages · ${first!.s.length} mentioned, not coded`)
  expect(await coded()).toEqual([])

  // Select text in the second column and press 1: coded with the first theme, as in the Reader.
  const { body } = await call<{ body: string }>(page, 'articles.get', { id: second!.a.id })
  const words = body.split('\n\n')[1]!.split(' ').slice(0, 5).join(' ')
  await selectText(page, words, 'compare-body-1')
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  await page.keyboard.press('1')
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeHidden()
  await expect
    .poll(async () =>
      (await call<Array<{ exact: string; themeId: number }>>(page, 'highlights.list', { articleId: second!.a.id })).map((h) => [
        h.exact,
        h.themeId,
      ]),
    )
    .toContainEqual([words, themes[0]!.id])
  await expect(page.getByTestId('compare-column').nth(1)).toContainText(`1 ${staffing.name} passage`)
})

test('a Matrix cell "mentioned, not coded" opens those sentences in Compare, ready to code', async ({ page, parley }) => {
  await page.goto(parley.url)
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const cell = page.locator('.matrix-cell.coverage-mentioned-not-coded').first()
  await expect(cell).toBeVisible({ timeout: 15_000 })
  const label = (await cell.getAttribute('aria-label'))!
  const theme = themes.find((t) => label.includes(`, ${t.name}:`))!
  await cell.scrollIntoViewIfNeeded()
  await shots(page, 'matrix-mentions')
  await cell.getByRole('link', { name: 'Show the mentions →' }).click()
  await expect(page).toHaveURL(new RegExp(`#/compare/[\\d,]+/t/${theme.id}$`))
  await expect(page.getByRole('group', { name: 'Theme filter' }).getByRole('button', { name: theme.name })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.getByTestId('compare-column').first()).toContainText(/[1-9]\d* mentioned, not coded/)
  await expect(page.getByTestId('compare-column').first()).toContainText(`0 ${theme.name} passages`)
})

test('going Back to a deleted article says it was deleted and can bring it back', async ({ page, parley }) => {
  await page.goto(parley.url)
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const article = articles[0]!
  await go(page, `#/article/${article.id}`)
  await expect(page.locator('#article-title')).toHaveText(article.title)
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page).toHaveURL(/#\/library$/)
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page).toHaveURL(new RegExp(`#/article/${article.id}$`))
  await expect(page.getByRole('heading', { name: `“${article.title}” was deleted` })).toBeVisible()
  await page.screenshot({ path: screenshotPath('reader-deleted-1280') })
  await page.getByRole('button', { name: 'Bring it back' }).click()
  await expect(page.locator('#article-title')).toHaveText(article.title)
  expect((await call<ArticleSummary[]>(page, 'articles.list', {})).map((a) => a.id)).toContain(article.id)
})

test('the Matrix has an Unassigned row for articles in no round, leading to their passages', async ({ page, parley }) => {
  await page.goto(parley.url)
  const rounds = await call<Array<{ id: number; articles: Array<{ articleId: number; role: string }> }>>(page, 'rounds.list', {})
  const inRound = new Set(rounds.flatMap((r) => r.articles.filter((a) => a.role === 'reports').map((a) => a.articleId)))
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const loose = articles.filter((a) => !inRound.has(a.id))
  expect(loose.length).toBeGreaterThan(0)
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const { body } = await call<{ body: string }>(page, 'articles.get', { id: loose[0]!.id })
  await call(page, 'highlights.create', { articleId: loose[0]!.id, start: 0, end: body.indexOf(' ', 20), themeId: themes[1]!.id })

  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const row = page.getByTestId('matrix-unassigned')
  await expect(row).toContainText(`Unassigned${loose.length} article${loose.length === 1 ? '' : 's'} in no round`)
  const cell = row.getByRole('gridcell', { name: new RegExp(`Unassigned, ${themes[1]!.name}`) })
  await expect(cell).toContainText('1 article · 1 highlight')
  await expect(row.getByRole('gridcell', { name: new RegExp(`Unassigned, ${themes[0]!.name}`) })).toContainText('No coded passage')
  await row.scrollIntoViewIfNeeded()
  await shots(page, 'matrix-unassigned')
  await cell.getByRole('link', { name: 'All 1 passage →' }).click()
  await expect(page).toHaveURL(new RegExp(`#/passages/${themes[1]!.id}/round/none$`))
  await expect(page.getByRole('combobox', { name: 'Round' })).toHaveValue('none')
  await expect(page.getByRole('list', { name: 'Passages' }).getByRole('listitem')).toHaveCount(1)

  // Placed in a round, the articles leave the row; with none left, the row goes.
  // (A round none of them is in, so every one is added.)
  const free = rounds.find((r) => !r.articles.some((m) => loose.some((a) => a.id === m.articleId)))!
  await call(page, 'articles.addToRound', { roundId: free.id, ids: loose.map((a) => a.id) })
  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  await expect(page.getByTestId('matrix-row').first()).toBeVisible()
  await expect(row).toHaveCount(0)
})

test('Ctrl+click on a link opens its target beside the current view, never in a tab', async ({ page, parley, context }) => {
  await page.goto(parley.url)
  const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
  const article = articles.find((a) => /Embassy Staffing Stalemate/.test(a.title))!
  const { noteId } = await noteQuoting(page, article, 'staffing')
  await go(page, `#/notes/${noteId}`)
  const editor = page.getByTestId('note-editor')
  await editor.locator('a.ref', { hasText: article.title }).click({ modifiers: ['Control'] })
  // The note stays; the article opens beside it.
  await expect(page).toHaveURL(new RegExp(`#/notes/${noteId}$`))
  const beside = page.getByRole('complementary', { name: 'Beside' })
  await expect(beside.locator('#article-title')).toHaveText(article.title)
  await expect(editor).toBeVisible()
  await shots(page, 'beside-note-reader')
  // A link elsewhere (the Passages view's "Open in Reader") does the same with a middle click.
  await beside.getByRole('button', { name: 'Close the view beside' }).click()
  await expect(beside).toHaveCount(0)
  await go(page, '#/passages')
  await page.getByRole('link', { name: 'Open in Reader' }).first().click({ button: 'middle' })
  await expect(page).toHaveURL(/#\/passages$/)
  await expect(beside.locator('#article-title')).toHaveText(article.title)
  // "Open here" makes it the main view.
  await beside.getByRole('button', { name: 'Open here' }).click()
  await expect(page).toHaveURL(new RegExp(`#/article/${article.id}/h/\\d+$`))
  await expect(beside).toHaveCount(0)
  expect(context.pages()).toHaveLength(1)
})

test('Passages view shows the theme’s mentions apart from its coded passages, coded or dismissed in place', async ({ page, parley }) => {
  await page.goto(parley.url)
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const staffing = themes.find((t) => t.name === 'Embassy staffing')!
  await go(page, `#/passages/${staffing.id}`)
  const mentions = page.getByRole('list', { name: 'Mentions' })
  await expect(mentions.getByRole('listitem').first()).toBeVisible({ timeout: 15_000 })
  const before = await mentions.getByRole('listitem').count()
  const first = (await mentions.getByRole('listitem').first().locator('blockquote').textContent())!
  await shots(page, 'passages-mentions')

  // Code it: it becomes a passage above and leaves the mentions; Ctrl+Z puts it back.
  await mentions.getByRole('listitem').first().getByRole('button', { name: 'Code it' }).click()
  const passages = page.getByRole('list', { name: 'Passages' })
  await expect(passages.getByRole('listitem')).toHaveCount(1)
  await expect(passages.locator('blockquote')).toHaveText(first)
  await expect(mentions.getByText(first, { exact: true })).toHaveCount(0)
  await page.locator('body').press('Control+z')
  await expect(passages).toHaveCount(0)
  await expect(mentions.getByText(first, { exact: true })).toHaveCount(1)

  // Not this theme: the rejection is stored (the sentence is no longer suggested).
  await mentions.getByRole('listitem').filter({ hasText: first }).getByRole('button', { name: 'Not this theme' }).click()
  await expect(mentions.getByText(first, { exact: true })).toHaveCount(0)
  await expect(mentions.getByRole('listitem')).toHaveCount(before - 1)
  await page.locator('body').press('Control+z')
  await expect(mentions.getByRole('listitem')).toHaveCount(before)
})
