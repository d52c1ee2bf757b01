import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { call, expect, screenshotPath, test } from './fixtures'

interface Summary {
  id: number
  title: string
}
interface Theme {
  id: number
}

/** Serious and critical axe violations on the page as it is, as readable lines. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`)
}

const VIEWS: Array<{
  name: string
  hash: (ids: { article: number; other: number; theme: number; round: number | null }) => string
  ready: string
}> = [
  { name: 'library', hash: () => '#/library', ready: 'table.articles tbody tr' },
  { name: 'reader', hash: (i) => `#/article/${i.article}`, ready: '[data-testid=article-body]' },
  { name: 'compare', hash: (i) => `#/compare/${i.article},${i.other}`, ready: '[data-testid=compare-column]' },
  { name: 'matrix', hash: () => '#/matrix', ready: '.matrix-bar' },
  { name: 'round', hash: (i) => (i.round ? `#/matrix/${i.round}` : '#/matrix'), ready: '.matrix-bar' },
  { name: 'timeline', hash: () => '#/timeline', ready: '[data-testid=timeline]' },
  { name: 'notes', hash: () => '#/notes', ready: '.notes-layout' },
  { name: 'themes', hash: () => '#/themes', ready: '[data-testid=theme-row]' },
  { name: 'passages', hash: (i) => `#/passages/${i.theme}`, ready: 'h1' },
]

test('every view has no serious or critical accessibility violation (axe), in light and dark, wide and narrow', async ({
  page,
  parley,
}) => {
  test.setTimeout(300_000)
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr').first()).toBeVisible()
  const [a, b] = await call<Summary[]>(page, 'articles.list', {})
  const [theme] = await call<Theme[]>(page, 'themes.list', {})
  // Some content in every view: a dated article and round, a highlight, a note.
  await call(page, 'articles.update', { id: a!.id, published: '2025-02-27' })
  await call(page, 'highlights.create', { articleId: a!.id, start: 0, end: 40, themeId: theme!.id })
  await call(page, 'notes.create', { title: 'First thoughts' })
  const rounds = await call<Array<{ id: number }>>(page, 'rounds.list', {})
  if (rounds[0]) await call(page, 'rounds.update', { id: rounds[0].id, date: '2025-02-27' })
  const ids = { article: a!.id, other: b!.id, theme: theme!.id, round: rounds[0]?.id ?? null }

  const found: string[] = []
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const size of [
      { width: 1280, height: 800 },
      { width: 800, height: 700 },
    ]) {
      await page.setViewportSize(size)
      for (const view of VIEWS) {
        await page.evaluate((h) => (location.hash = h), view.hash(ids))
        await expect(page.locator(view.ready).first()).toBeVisible()
        await page.waitForTimeout(300)
        if (scheme === 'light' || size.width === 800)
          await page.screenshot({ path: screenshotPath(`a11y-${view.name}-${size.width}${scheme === 'dark' ? '-dark' : ''}`) })
        for (const v of await violations(page)) found.push(`${view.name} ${size.width} ${scheme}: ${v}`)
      }
    }
  }
  // Dialogs too: the palette, the shortcut sheet, a confirmation.
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.evaluate(() => (location.hash = '#/library'))
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
  for (const v of await violations(page)) found.push(`palette: ${v}`)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Re-clean' }).click()
  await expect(page.getByRole('dialog', { name: 'Clean every article again?' })).toBeVisible()
  for (const v of await violations(page)) found.push(`confirm: ${v}`)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(found).toEqual([])
})
