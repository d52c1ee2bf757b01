import type { Page } from '@playwright/test'
import { call, expect, screenshotPath, test } from './fixtures'

// The e2e project type-checks on its own: the few fields read here, not the app's model.
interface ArticleSummary {
  id: number
  outlet: string | null
}
interface Round {
  id: number
}

/** Rounds made through the real API (rounds.restore takes a whole round, the same call an undo makes). */
async function addRounds(page: Page, count: number, firstId: number): Promise<void> {
  const start = Date.UTC(2016, 0, 4)
  const end = Date.UTC(2025, 11, 20)
  for (let i = 0; i < count; i++) {
    // Spread over ten years, bunched a little (several rounds a few days apart) as talks are.
    const t = start + Math.floor(((end - start) * (i + 0.5)) / count) + (i % 3) * 86_400_000
    const date = new Date(t).toISOString().slice(0, 10)
    await call(page, 'rounds.restore', {
      id: firstId + i,
      title: `Round ${i + 1} of the talks`,
      date,
      venue: null,
      participants: [],
      summary: '',
      status: 'accepted',
      reasons: [],
      edited: ['date'],
      createdAt: new Date().toISOString(),
      articles: [],
      excluded: [],
    })
  }
}

/** Labels drawn under the chart (their boxes on screen) never overlap one another. */
async function labelsOverlap(page: Page): Promise<number> {
  return page.locator('[data-testid=timeline] text.round-label').evaluateAll((els) => {
    const boxes = els.map((e) => e.getBoundingClientRect())
    let n = 0
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!
        const b = boxes[j]!
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++
      }
    return n
  })
}

for (const count of [5, 50, 500]) {
  test(`timeline with ${count} rounds: no label overlaps, four-digit years, a legend, zoom and pan reach the whole range`, async ({
    page,
    parley,
  }) => {
    test.setTimeout(180_000)
    await page.goto(parley.url)
    await expect(page.getByRole('table')).toBeVisible()
    const articles = await call<ArticleSummary[]>(page, 'articles.list', {})
    // Date the seeds so the outlet lanes have dots.
    await call(page, 'articles.updateMany', {
      patches: articles.map((a, i) => ({
        id: a.id,
        published: `20${17 + i * 2}-0${(i % 9) + 1}-1${i % 9}`,
        outlet: a.outlet ?? 'Test outlet',
      })),
    })
    await addRounds(page, count, 10_000)
    await page.goto(`${parley.origin}/#/timeline`)
    const timeline = page.getByTestId('timeline')
    await expect(timeline).toBeVisible()
    await expect(timeline.getByRole('link', { name: /^Round: Round 1 of the talks,/ })).toHaveCount(1)
    const legend = page.getByRole('list', { name: 'Legend' })
    await expect(legend).toContainText('Round')
    // The chart takes the window's width.
    expect((await timeline.boundingBox())!.width).toBeGreaterThan(1000)
    for (const tick of await timeline.locator('text.tick').allTextContents()) expect(tick).toMatch(/\b(19|20)\d\d\b/)
    expect(await labelsOverlap(page)).toBe(0)
    const named = await timeline.locator('text.round-label').count()
    const counted = await timeline.getByTestId('label-cluster').locator('text').allTextContents()
    // Every round is named or counted.
    expect(named + counted.reduce((n, t) => n + Number(t.replace('+', '')), 0)).toBeGreaterThanOrEqual(count)
    await page.screenshot({ path: screenshotPath(`timeline-${count}-rounds`) })

    if (count >= 50) {
      // A count mark zooms into its rounds, from the keyboard too.
      const cluster = timeline.getByRole('button', { name: /more rounds? here: show them/ }).first()
      await cluster.focus()
      await page.keyboard.press('Enter')
      await expect(page.getByRole('button', { name: 'Show all' })).toBeEnabled()
      expect(await labelsOverlap(page)).toBe(0)
      await page.getByRole('button', { name: 'Show all' }).click()
      await expect(page.getByRole('button', { name: 'Show all' })).toBeDisabled()
    }
    // Zoom in, then pan right with the keyboard until the end: the last round comes into view.
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click()
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click()
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click()
    expect(await labelsOverlap(page)).toBe(0)
    await timeline.focus()
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight')
    await expect(timeline.getByRole('link', { name: new RegExp(`^Round: Round ${count} of the talks,`) })).toHaveCount(1)
    await expect(timeline.getByRole('link', { name: /^Round: Round 1 of the talks,/ })).toHaveCount(0)
    await page.screenshot({ path: screenshotPath(`timeline-${count}-rounds-zoomed`) })
    await page.getByRole('button', { name: 'Show all' }).click()
    await expect(timeline.getByRole('link', { name: /^Round: Round 1 of the talks,/ })).toHaveCount(1)

    if (count !== 50) return
    // Brushing a period (drag across the dates) filters the Matrix and the Library to it.
    const box = (await timeline.boundingBox())!
    await page.mouse.move(box.x + box.width * 0.5, box.y + 12)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.7, box.y + 12, { steps: 5 })
    await page.mouse.up()
    await expect(page.getByRole('status').filter({ hasText: 'Library and Matrix show only' })).toBeVisible()
    await page.screenshot({ path: screenshotPath('timeline-brushed') })
    const rounds = await call<Round[]>(page, 'rounds.list', {})
    await page.getByRole('link', { name: 'Matrix', exact: true }).first().click()
    await expect(page.getByRole('status').filter({ hasText: 'Showing rounds dated' })).toBeVisible()
    // The grid counts its rows (header and unassigned aside): fewer while the period is on.
    const grid = page.getByRole('grid', { name: 'Rounds by themes' })
    const rowCount = async (): Promise<number> => Number(await grid.getAttribute('aria-rowcount'))
    const filtered = await rowCount()
    expect(filtered).toBeGreaterThan(2)
    expect(filtered).toBeLessThan(rounds.length)
    await page.screenshot({ path: screenshotPath('matrix-brushed') })
    await page.getByRole('button', { name: 'Show every date' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Showing rounds dated' })).toHaveCount(0)
    await expect.poll(rowCount).toBeGreaterThan(filtered)
  })
}

test('timeline at 800 px and dark', async ({ page, parley }) => {
  await page.goto(parley.url)
  await expect(page.getByRole('table')).toBeVisible()
  await page.setViewportSize({ width: 800, height: 700 })
  await page.goto(`${parley.origin}/#/timeline`)
  await expect(page.getByText('Nothing to place on a timeline yet')).toBeVisible()
  await page.screenshot({ path: screenshotPath('timeline-empty-800') })
  await addRounds(page, 20, 20_000)
  await page.reload()
  await expect(page.getByTestId('timeline')).toBeVisible()
  expect(await labelsOverlap(page)).toBe(0)
  await page.screenshot({ path: screenshotPath('timeline-800') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByRole('button', { name: 'Lanes by theme' }).click()
  await page.screenshot({ path: screenshotPath('timeline-dark') })
})
