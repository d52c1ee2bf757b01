import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { b64, call, expect, shots, test, violations } from './fixtures'

interface Round {
  id: number
  title: string
}

// Made-up reports of one meeting by three outlets: a shared quotation (one carrier trims it) and
// a count of berths they disagree on. Imported in an order that differs from their dates.
const PIER = `Old pier to reopen for boats

Harbour master Oskar Lind said on Monday: “We will reopen the old pier to fishing boats before the summer season.”

The town council expects 12 berths to be ready in May, and the rest of the pier by the autumn.
`
const WIRE = `Pier reopening announced

LINDHOLM (Tidewire) - “We will reopen the old pier to fishing boats before the summer season,” harbour master Oskar Lind told reporters.

According to port officials, 12 berths will take boats first while the repairs go on.
`
const DAILY = `Boats back at the old pier

"We will reopen the old pier before the summer," Lind said, adding that 10 berths would open first.
`

test('quote provenance names the first carrier by date and shows how others re-used the words; a Matrix cell counts its claims and opens them in the round panel; comparison.md names the first carrier', async ({
  page,
  parley,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  await expect(page.getByRole('link', { name: 'Matrix', exact: true })).toBeVisible()
  const imported = await call<Array<{ id: number }>>(page, 'articles.import', {
    files: [
      { name: 'pier-gazette.md', data: b64(PIER) },
      { name: 'tidewire.md', data: b64(WIRE) },
      { name: 'coast-daily.md', data: b64(DAILY) },
    ],
  })
  const [pier, wire, daily] = imported.map((r) => r.id) as [number, number, number]
  await call(page, 'articles.update', { id: pier, outlet: 'Pier Gazette', published: '2025-06-03' })
  await call(page, 'articles.update', { id: wire, outlet: 'Tidewire', published: '2025-06-02' })
  await call(page, 'articles.update', { id: daily, outlet: 'Coast Daily', published: '2025-06-04' })
  // A round of their own: added to a seeded round, then split off under a title.
  const seeded = (await call<Round[]>(page, 'rounds.list', {}))[0]!
  await call(page, 'articles.addToRound', { roundId: seeded.id, ids: [pier, wire, daily] })
  const { to: round } = await call<{ to: Round }>(page, 'rounds.split', {
    id: seeded.id,
    articleIds: [pier, wire, daily],
    title: 'Pier talks',
  })
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const theme = themes[0]!
  const mark = async (id: number, text: string): Promise<number> => {
    const body = (await call<{ body: string }>(page, 'articles.get', { id })).body
    const start = body.indexOf(text)
    return (await call<{ id: number }>(page, 'highlights.create', { articleId: id, start, end: start + text.length, themeId: theme.id })).id
  }
  const h12 = await mark(wire, '12 berths')
  const g12 = await mark(pier, '12 berths')
  const d10 = await mark(daily, '10 berths')
  const relations = await call<Array<{ id: number; name: string }>>(page, 'linkRelations.list', {})
  const rel = (name: string): number => relations.find((r) => r.name === name)!.id
  await call(page, 'passageLinks.create', { fromId: h12, toId: d10, relationId: rel('contradicts') })
  await call(page, 'passageLinks.create', { fromId: h12, toId: g12, relationId: rel('supports') })

  // The Matrix cell counts the links touching its passages and opens them in the round panel.
  await page.goto(`${parley.origin}/#/matrix`)
  await page
    .getByRole('searchbox', { name: 'Filter rounds' })
    .or(page.getByRole('textbox', { name: 'Filter rounds' }))
    .fill('Pier talks')
  const cell = page.getByRole('gridcell', { name: new RegExp(`Pier talks, ${theme.name}`) })
  const claims = cell.getByRole('link', { name: `Claims in Pier talks, ${theme.name}: 1 agree, 1 differ` })
  await expect(claims).toHaveText('Claims: 1 agree · 1 differ')
  await expect(cell).toContainText('3 articles · 3 highlights')
  await shots(page, 'claims-matrix-cell', cell)
  await claims.click()
  await expect(page).toHaveURL(new RegExp(`#/matrix/${round.id}/claims/${theme.id}$`))
  const panel = page.getByRole('complementary', { name: 'Round' })
  const links = panel.getByRole('region', { name: 'Links between passages' })
  await expect(links.getByRole('heading')).toContainText(`Links between passages — ${theme.name}`)
  await expect(links.getByRole('listitem')).toHaveCount(2)
  await expect(links).toContainText('contradicts')
  await shots(page, 'claims-cell-links', links)
  await links.getByRole('link', { name: 'Show all links of the round' }).click()
  await expect(links.getByRole('heading')).not.toContainText('—')

  // Quote provenance: the first carrier by date (imported second), the trimmed re-use with its dropped words, and why.
  const outlets = panel.getByRole('region', { name: 'Outlets in this round' })
  const quote = outlets.locator('.quote-provenance').first()
  await expect(quote).toContainText('First carried by Tidewire')
  const items = quote.getByRole('listitem')
  await expect(items).toHaveCount(3)
  await expect(items.nth(0)).toContainText('Tidewire')
  await expect(items.nth(0)).toContainText('first carrier: Tidewire published 2025-06-02, before Pier Gazette on 2025-06-03')
  await expect(items.nth(1)).toContainText('Pier Gazette')
  await expect(items.nth(1)).toContainText('same words')
  await expect(items.nth(2)).toContainText('trimmed')
  await expect(items.nth(2).getByLabel('Differing words').locator('.drift-removed')).toHaveText(['to fishing boats', 'season'])
  await expect(items.nth(2)).toContainText('Tidewire published 2025-06-02, before Coast Daily on 2025-06-04')
  await shots(page, 'claims-quote-provenance', quote)
  expect(await violations(page)).toEqual([])

  // The export names the first carrier in comparison.md.
  const out = mkdtempSync(join(tmpdir(), 'parley-provenance-vault-'))
  try {
    await call(page, 'notebook.export', { dir: join(out, 'vault'), wikilinks: true })
    const md = readFileSync(join(out, 'vault', 'comparison.md'), 'utf8')
    // The cell's count in the table carries its claims, as in the Matrix.
    expect(md).toMatch(/\| \[\[rounds\/pier-talks\\\|Pier talks\]\] \|[^\n]*\| 3 \(1 agree, 1 differ\) \|/)
    expect(md).toMatch(
      /### Quote provenance\n\n> We will reopen the old pier to fishing boats before the summer season[.,]?\n\n- First carrier: Tidewire, /,
    )
    expect(md).toContain(
      'Why: re-used trimmed (dropped “to fishing boats”, “season”): Tidewire published 2025-06-02, before Coast Daily on 2025-06-04.',
    )
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})
