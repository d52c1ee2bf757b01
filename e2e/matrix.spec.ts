import { call, expect, screenshotPath, test } from './fixtures'

interface Round {
  id: number
  title: string
  venue: string | null
  articles: Array<{ articleId: number; role: string }>
}

test('rounds are proposed on import; accept one, code a passage, see it in its cell, write the cell note, open Compare from the cell, see the timeline', async ({
  page,
  parley,
}) => {
  await page.goto(parley.url)
  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const rows = page.getByTestId('matrix-row')
  await expect(page.getByRole('rowheader').first()).toBeVisible()
  expect(await rows.count()).toBeGreaterThanOrEqual(3)
  await page.screenshot({ path: screenshotPath('matrix-proposed') })

  const rounds = await call<Round[]>(page, 'rounds.list', {})
  const istanbul = rounds.find((r) => r.venue === 'Istanbul')!
  expect(istanbul).toBeDefined()
  await rows.filter({ hasText: istanbul.title }).getByRole('link', { name: istanbul.title }).click()
  const panel = page.getByRole('complementary', { name: 'Round' })
  await expect(panel).toContainText('Why Parley proposed it')
  await panel.getByRole('button', { name: 'Accept this round' }).click()
  await expect(rows.filter({ hasText: istanbul.title }).locator('.tag')).toHaveText('accepted')

  // Code a passage of the round's article with Direct flights: the cell fills.
  const articleId = istanbul.articles.find((a) => a.role === 'reports')!.articleId
  const body = (await call<{ body: string }>(page, 'articles.get', { id: articleId })).body
  const passage = 'Russian diplomats also proposed the restoration of direct flights'
  const start = body.indexOf(passage)
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const flights = themes.find((t) => t.name === 'Direct flights')!
  const highlight = await call<{ id: number }>(page, 'highlights.create', {
    articleId,
    start,
    end: start + passage.length,
    themeId: flights.id,
  })
  await page.reload()
  const row = rows.filter({ hasText: istanbul.title })
  const cell = row.getByRole('gridcell', { name: new RegExp(`${istanbul.title}, Direct flights`) })
  await expect(cell).toContainText('1 article · 1 highlight')
  await expect(cell).toContainText(passage)
  // A theme the round's articles mention but nobody coded says so.
  await expect(row.getByRole('gridcell', { name: /Embassy staffing/ })).toContainText(/mentioned, not coded|Not covered/)

  // Keyboard: arrows move between cells.
  await cell.focus()
  await page.keyboard.press('ArrowLeft')
  await expect(row.getByRole('gridcell', { name: /Diplomatic properties/ })).toBeFocused()
  await page.screenshot({ path: screenshotPath('matrix-1280') })

  // Collapse hides a row's evidence and keeps its counts; Expand brings the evidence back.
  await row.getByRole('button', { name: 'Collapse' }).click()
  await expect(cell).toContainText('1 article · 1 highlight')
  await expect(cell.getByRole('button', { name: passage })).toHaveCount(0)
  await row.getByRole('button', { name: 'Expand' }).click()
  await expect(cell.getByRole('button', { name: passage })).toBeVisible()
  // The filter keeps the rounds whose title, venue or date match.
  const filter = page.getByRole('searchbox', { name: 'Filter rounds' })
  await filter.fill('istanbul')
  await expect(rows).toHaveCount(rounds.filter((r) => `${r.title} ${r.venue ?? ''}`.toLowerCase().includes('istanbul')).length)
  await expect(row).toBeVisible()
  await filter.fill('')
  await expect(rows).toHaveCount(rounds.length)

  // The outlets panel of the round.
  await expect(panel.getByRole('region', { name: 'Outlets in this round' })).toContainText('Shared quotes')
  await page.screenshot({ path: screenshotPath('matrix-round-panel'), fullPage: false })

  // Cell note: created on first use and written beside the Matrix (issue 18); the cell shows what it says.
  await cell.getByRole('button', { name: 'Write a note' }).click()
  await expect(page).toHaveURL(/#\/matrix(\/\d+)?$/)
  const beside = page.getByRole('complementary', { name: 'Beside' })
  await expect(beside.getByRole('textbox', { name: 'Note title' })).toHaveValue(new RegExp(`${istanbul.title} — Direct flights`))
  await beside.getByTestId('note-editor').click()
  await page.keyboard.type('Only the Russian side raised flights.')
  await expect(beside.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 })
  await expect(cell.getByTestId('cell-note-excerpt')).toHaveText('Only the Russian side raised flights.')
  await page.screenshot({ path: screenshotPath('matrix-cell-note-beside') })
  await beside.getByRole('button', { name: 'Close the view beside' }).click()
  await expect(cell.getByRole('button', { name: 'Open cell note' })).toBeVisible()

  // Evidence opens where it can be read (issue 18): the Reader at the passage, since this round has
  // one reporting article (a round with several opens Compare: e2e/daily-loop.spec.ts).
  await cell.getByRole('button', { name: passage }).click()
  const reporting = istanbul.articles.filter((a) => a.role === 'reports')
  await expect(page).toHaveURL(
    reporting.length > 1
      ? new RegExp(`#/compare/${articleId},[\\d,]+/h/${highlight.id}$`)
      : new RegExp(`#/article/${articleId}/h/${highlight.id}$`),
  )
  await expect(page.getByRole('dialog', { name: 'Highlight' }).or(page.getByTestId('compare-column').first())).toBeVisible()

  // Timeline: with the seeds' years unknown it says so; once the user dates things, they appear on a
  // zoomable axis labelled with four-digit years.
  await page.getByRole('link', { name: 'Timeline', exact: true }).click()
  await expect(page.getByText('Nothing to place on a timeline yet')).toBeVisible()
  const washington = rounds.find((r) => r.venue === 'Washington')!
  await call(page, 'rounds.update', { id: istanbul.id, date: '2025-02-27' })
  await call(page, 'rounds.update', { id: washington.id, date: '2017-07-17' })
  await call(page, 'articles.update', { id: articleId, published: '2025-02-28' })
  await call(page, 'articles.update', { id: washington.articles[0]!.articleId, published: '2017-07-18' })
  await page.reload()
  const timeline = page.getByTestId('timeline')
  await expect(timeline).toBeVisible()
  await expect(timeline.getByRole('link', { name: /Round: Talks in Istanbul/ })).toHaveCount(1)
  await expect(timeline.locator('text.tick').first()).toHaveText(/\b20\d\d\b/)
  await page.screenshot({ path: screenshotPath('timeline-1280') })
  await page.getByRole('button', { name: 'Lanes by theme' }).click()
  await page.screenshot({ path: screenshotPath('timeline-themes') })
})

test('deleting a round acts at once and Undo brings it back; merging asks in an app dialog, never a browser one', async ({
  page,
  parley,
}) => {
  const browserDialogs: string[] = []
  page.on('dialog', (d) => {
    browserDialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(parley.url)
  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const rows = page.getByTestId('matrix-row')
  await expect(rows.first()).toBeVisible()
  const rounds = await call<Round[]>(page, 'rounds.list', {})
  expect(rounds.length).toBeGreaterThanOrEqual(3)
  const [first, second, third] = rounds as [Round, Round, Round]
  const panel = page.getByRole('complementary', { name: 'Round' })

  // Delete: no question, a toast with Undo, and Undo restores the round.
  await rows.filter({ hasText: first.title }).getByRole('link', { name: first.title }).click()
  await panel.getByRole('button', { name: 'Delete round' }).click()
  const toast = page.locator('.toast').filter({ hasText: `Deleted “${first.title}”` })
  await expect(toast).toBeVisible()
  await expect.poll(async () => (await call<Round[]>(page, 'rounds.list', {})).some((r) => r.id === first.id)).toBe(false)
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(async () => (await call<Round[]>(page, 'rounds.list', {})).some((r) => r.id === first.id)).toBe(true)

  // Merge: an app dialog; Cancel leaves both rounds, Merge joins them.
  await rows.filter({ hasText: second.title }).getByRole('link', { name: second.title }).click()
  await panel.getByRole('combobox', { name: 'Merge into' }).selectOption(String(third.id))
  await panel.getByRole('button', { name: 'Merge', exact: true }).click()
  const ask = page.getByRole('dialog', { name: `Merge “${second.title}” into “${third.title}”?` })
  await expect(ask).toBeVisible()
  await page.screenshot({ path: screenshotPath('round-merge-confirm-1280') })
  await page.setViewportSize({ width: 800, height: 700 })
  await page.screenshot({ path: screenshotPath('round-merge-confirm-800') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: screenshotPath('round-merge-confirm-800-dark') })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(ask).toBeHidden()
  expect((await call<Round[]>(page, 'rounds.list', {})).some((r) => r.id === second.id)).toBe(true)
  await panel.getByRole('button', { name: 'Merge', exact: true }).click()
  await ask.getByRole('button', { name: 'Merge' }).click()
  await expect.poll(async () => (await call<Round[]>(page, 'rounds.list', {})).some((r) => r.id === second.id)).toBe(false)
  expect(browserDialogs).toEqual([])
})
