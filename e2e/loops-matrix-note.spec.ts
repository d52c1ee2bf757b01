import type { Page } from '@playwright/test'
import { call, expect, screenshotPath, test } from './fixtures'

interface Round {
  id: number
  title: string
  venue: string | null
  articles: Array<{ articleId: number; role: string }>
}

async function shots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(`${name}-1280`) })
  await page.setViewportSize({ width: 800, height: 700 })
  await page.screenshot({ path: screenshotPath(`${name}-800`) })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: screenshotPath(`${name}-800-dark`) })
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.screenshot({ path: screenshotPath(`${name}-1280-dark`) })
  await page.emulateMedia({ colorScheme: 'light' })
}

// Issue 18, item 5: a cell note is written and read inside the Matrix, its evidence one click from a quote.
test('a cell note is written inside the Matrix, with the cell evidence beside it to quote', async ({ page, parley }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  const rounds = await call<Round[]>(page, 'rounds.list', {})
  const istanbul = rounds.find((r) => r.venue === 'Istanbul')!
  expect(istanbul).toBeDefined()
  const articleId = istanbul.articles.find((a) => a.role === 'reports')!.articleId
  const body = (await call<{ body: string }>(page, 'articles.get', { id: articleId })).body
  const passage = 'Russian diplomats also proposed the restoration of direct flights'
  const start = body.indexOf(passage)
  expect(start).toBeGreaterThanOrEqual(0)
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const flights = themes.find((t) => t.name === 'Direct flights')!
  const highlight = await call<{ id: number }>(page, 'highlights.create', {
    articleId,
    start,
    end: start + passage.length,
    themeId: flights.id,
  })

  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const row = page.getByTestId('matrix-row').filter({ hasText: istanbul.title })
  const cell = row.getByRole('gridcell', { name: new RegExp(`${istanbul.title}, Direct flights`) })
  await expect(cell).toContainText(passage)

  // Write here: the note opens inside the Matrix, not in the Notes view.
  await cell.getByRole('button', { name: 'Write here' }).click()
  await expect(page).toHaveURL(/#\/matrix(\/\d+)?$/)
  const panel = page.getByRole('dialog', { name: `Cell note: ${istanbul.title} — Direct flights` })
  await expect(panel).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Beside' })).toHaveCount(0)
  const evidence = panel.getByRole('complementary', { name: 'Evidence in this cell' })
  await expect(evidence).toContainText(passage)

  await panel.getByTestId('note-editor').click()
  await page.keyboard.type('Only one side raised flights.')
  // Quote: the passage goes into the note at the caret, as a quote linked to its highlight.
  await evidence.getByRole('button', { name: `Quote: ${passage.slice(0, 40)}` }).click()
  await expect(panel.getByTestId('note-editor')).toContainText(passage)
  await panel.getByTestId('note-editor').click()
  await expect(panel.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 })
  await expect(cell.getByTestId('cell-note-excerpt')).toContainText('Only one side raised flights.')
  await shots(page, 'loops-matrix-cell-note')

  // The stored note holds the text and the quote of the highlight.
  const summaries = await call<Array<{ id: number; roundId: number | null; themeId: number | null }>>(page, 'notes.list', {})
  const cellNote = summaries.find((n) => n.roundId === istanbul.id && n.themeId === flights.id)!
  expect(cellNote).toBeDefined()
  const saved = JSON.stringify(await call<{ content: unknown }>(page, 'notes.get', { id: cellNote.id }))
  expect(saved).toContain('Only one side raised flights.')
  expect(saved).toContain(`"highlightId":${highlight.id}`)

  // Escape closes it; reopening shows what was written, now as "Edit note here".
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await cell.getByRole('button', { name: 'Edit note here' }).click()
  await expect(panel.getByTestId('note-editor')).toContainText('Only one side raised flights.')
  await expect(panel.getByTestId('note-editor')).toContainText(passage)
  await panel.getByRole('button', { name: 'Close the cell note' }).click()
  await expect(panel).toHaveCount(0)
})
