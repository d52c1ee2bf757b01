import type { Page } from '@playwright/test'
import { call, expect, go, shots, test, violations } from './fixtures'

// Issue 18 item 3: sub-themes, one level. A theme sits under a top-level theme in the Themes view
// (indented, undoable), the Passages view of the parent lists its sub-themes' passages too, and a
// second level is refused.

interface Theme {
  id: number
  name: string
  parentId: number | null
  highlights: number
}

const names = async (page: Page): Promise<Array<[string, string | null]>> => {
  const themes = await call<Theme[]>(page, 'themes.list', {})
  return themes.map((t) => [t.name, themes.find((p) => p.id === t.parentId)?.name ?? null])
}

test('sub-themes: nest under a top-level theme with undo, passages include theirs, one level only, delete keeps them', async ({
  page,
  parley,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  await go(page, '#/themes')
  await expect(page.getByTestId('theme-row')).toHaveCount(3)
  // One at a time: the name box is cleared when an add is answered, which would wipe a name typed meanwhile.
  for (const [i, name] of ['Visas', 'Expulsions'].entries()) {
    await page.getByRole('textbox', { name: 'New theme name' }).fill(name)
    await page.getByRole('button', { name: 'Add theme' }).click()
    await expect(page.getByTestId('theme-row')).toHaveCount(4 + i)
  }

  await page.getByRole('combobox', { name: 'Visas is a sub-theme of' }).selectOption({ label: 'Embassy staffing' })
  await expect(page.getByRole('listitem', { name: 'Visas, sub-theme of Embassy staffing' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Expulsions is a sub-theme of' }).selectOption({ label: 'Embassy staffing' })
  // Listed under the parent, in codebook order (the order keys 1–9 follow).
  await expect
    .poll(() => names(page))
    .toEqual([
      ['Embassy staffing', null],
      ['Visas', 'Embassy staffing'],
      ['Expulsions', 'Embassy staffing'],
      ['Diplomatic properties', null],
      ['Direct flights', null],
    ])
  await expect(page.getByTestId('theme-row').nth(2)).toHaveAttribute('aria-label', 'Expulsions, sub-theme of Embassy staffing')
  // Undo puts Expulsions back at the top; redo again under its parent.
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('listitem', { name: 'Expulsions, sub-theme of Embassy staffing' })).toHaveCount(0)
  await expect.poll(async () => (await names(page)).find(([n]) => n === 'Expulsions')?.[1]).toBeNull()
  await page.getByRole('combobox', { name: 'Expulsions is a sub-theme of' }).selectOption({ label: 'Embassy staffing' })
  await expect(page.getByRole('listitem', { name: 'Expulsions, sub-theme of Embassy staffing' })).toBeVisible()

  // One level: a parent cannot become a sub-theme (its box is disabled), and the core refuses a second level.
  await expect(page.getByRole('combobox', { name: 'Embassy staffing is a sub-theme of' })).toBeDisabled()
  const themes = await call<Theme[]>(page, 'themes.list', {})
  const id = (name: string): number => themes.find((t) => t.name === name)!.id
  await expect(call(page, 'themes.setParent', { id: id('Direct flights'), parentId: id('Visas') })).rejects.toThrow(/"code":"conflict"/)
  // A sub-theme's box offers only top-level themes.
  const offered = await page.getByRole('combobox', { name: 'Direct flights is a sub-theme of' }).locator('option').allTextContents()
  expect(offered).toEqual(['none (top level)', 'Embassy staffing', 'Diplomatic properties'])

  // Code one passage with the parent and one with each sub-theme.
  const [article] = await call<Array<{ id: number }>>(page, 'articles.list', {})
  const { body } = await call<{ body: string }>(page, 'articles.get', { id: article!.id })
  const words = [...body.matchAll(/\p{L}{6,}/gu)].slice(0, 3)
  for (const [i, name] of ['Embassy staffing', 'Visas', 'Expulsions'].entries()) {
    const w = words[i]!
    await call(page, 'highlights.create', { articleId: article!.id, start: w.index, end: w.index + w[0].length, themeId: id(name) })
  }
  // Passages made through the bridge reach the open view on the next load.
  await page.reload()
  await expect(page.getByTestId('theme-row').first().getByTestId('theme-count')).toHaveText(/1 highlight · 3 with its 2 sub-themes/)
  await shots(page, 'subthemes-themes')
  expect(await violations(page)).toEqual([])

  // The parent's passages include its sub-themes' (each named); unticking shows its own only.
  await page.getByRole('link', { name: 'Passages of Embassy staffing' }).click()
  await expect(page.getByRole('group', { name: 'Sub-themes of Embassy staffing' })).toBeVisible()
  const list = page.getByRole('list', { name: 'Passages' })
  await expect(list.getByRole('listitem')).toHaveCount(3)
  // Sub-theme passages say which sub-theme; the parent's own passage needs no label.
  await expect.poll(async () => (await list.locator('.passage-theme').allTextContents()).sort()).toEqual(['Expulsions', 'Visas'])
  await expect(page.getByRole('status')).toHaveText(/3 passages in 1 article/)
  await expect(page.getByRole('combobox', { name: 'Theme' }).first().locator('option', { hasText: 'Visas' })).toHaveText(/↳ Visas/)
  await shots(page, 'subthemes-passages')
  expect(await violations(page)).toEqual([])
  await page.getByRole('checkbox', { name: 'Include their passages' }).uncheck()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await page.getByRole('checkbox', { name: 'Include their passages' }).check()
  await expect(list.getByRole('listitem')).toHaveCount(3)
  // A sub-theme's page names its parent.
  await page.getByTestId('subtheme-link').filter({ hasText: 'Visas' }).click()
  await expect(page.getByRole('link', { name: 'Embassy staffing', exact: true })).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(1)

  // Deleting the parent leaves its sub-themes at the top level; Undo puts them back under it.
  await go(page, '#/themes')
  await page.getByTestId('theme-row').first().getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'its sub-themes stand at the top level' })).toBeVisible()
  await expect(page.getByTestId('theme-row')).toHaveCount(4)
  await expect(page.locator('[data-testid="theme-row"][data-parent]')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('listitem', { name: 'Visas, sub-theme of Embassy staffing' })).toBeVisible()
  await expect(page.getByRole('listitem', { name: 'Expulsions, sub-theme of Embassy staffing' })).toBeVisible()
})
