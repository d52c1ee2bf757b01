import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { b64, call, expect, shots, test } from './fixtures'

interface Round {
  id: number
  title: string
  venue: string | null
}

// Made-up reports of one meeting by two outlets: a shared quotation and a count they disagree on.
const A = `Harbour talks end with a deal on ferries

PORTVALE (Harbour Post) - Negotiators from the two towns met in Portvale on Monday. “We have agreed to restore the night ferry within a month,” said mayor Ilse Varga after the meeting.

Officials said 40 ferry crossings a week would resume.
`
const B = `Ferry deal reached at harbour talks

Mayor Ilse Varga told Harbour Post that the towns "have agreed to restore the night ferry within a month" and would meet again in June.

The agreement covers 35 ferry crossings a week, according to the harbour authority.
`

test('link two passages as contradicts, see the link in the round panel and the Passages view, follow it, undo it; accept a proposed claim group; export and read the links in the vault', async ({
  page,
  parley,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  await expect(page.getByRole('link', { name: 'Matrix', exact: true })).toBeVisible()
  const [ra, rb] = await call<Array<{ id: number }>>(page, 'articles.import', {
    files: [
      { name: 'harbour-post.md', data: b64(A) },
      { name: 'ferry-news.md', data: b64(B) },
    ],
  })
  const a = ra!.id
  const b = rb!.id
  await call(page, 'articles.update', { id: a, outlet: 'Harbour Post' })
  await call(page, 'articles.update', { id: b, outlet: 'Ferry News' })
  const rounds = await call<Round[]>(page, 'rounds.list', {})
  const round = rounds.find((r) => r.venue === 'Istanbul') ?? rounds[0]!
  await call(page, 'articles.addToRound', { roundId: round.id, ids: [a, b] })
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const mark = async (id: number, text: string): Promise<number> => {
    const body = (await call<{ body: string }>(page, 'articles.get', { id })).body
    const start = body.indexOf(text)
    return (
      await call<{ id: number }>(page, 'highlights.create', { articleId: id, start, end: start + text.length, themeId: themes[0]!.id })
    ).id
  }
  await mark(a, '40 ferry crossings a week')
  const hb = await mark(b, '35 ferry crossings a week')

  // In the Reader: the highlight's popover links it to the other passage as "contradicts".
  await page.goto(`${parley.origin}/#/article/${a}`)
  await expect(page.getByTestId('article-body')).toBeVisible()
  await page.getByRole('complementary', { name: 'Coding' }).getByRole('button', { name: '40 ferry crossings a week' }).click()
  const popover = page.getByRole('dialog', { name: 'Highlight' })
  await popover.getByRole('button', { name: 'Link to another passage…' }).click()
  await popover.getByRole('searchbox', { name: 'Find a passage' }).fill('35 ferry')
  await popover.getByRole('radio').first().check()
  // The relation list is the user's: add one, and it is offered at once.
  await popover.getByText('Edit relations').click()
  await popover.getByRole('textbox', { name: 'New relation' }).fill('explains')
  await popover.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(popover.getByRole('combobox', { name: 'Relation' }).locator('option', { hasText: 'explains' })).toHaveCount(1)
  await popover.getByText('Edit relations').click()
  await popover.getByRole('combobox', { name: 'Relation' }).selectOption({ label: 'contradicts' })
  await popover.getByRole('textbox', { name: 'Link note' }).fill('40 or 35 a week?')
  await shots(page, 'links-popover-form')
  await popover.getByRole('button', { name: 'Create link' }).click()
  const links = popover.getByRole('region', { name: 'Links to other passages' })
  await expect(links).toContainText('contradicts')
  await expect(links).toContainText('35 ferry crossings a week')
  await shots(page, 'links-popover')

  // The round panel lists it; following the other end opens that passage in place.
  await page.goto(`${parley.origin}/#/matrix/${round.id}`)
  const panel = page.getByRole('complementary', { name: 'Round' })
  const roundLinks = panel.getByRole('region', { name: 'Links between passages' })
  await expect(roundLinks).toContainText('contradicts')
  // Quote provenance: the second outlet credits the first for the shared quotation.
  await expect(panel.getByRole('region', { name: 'Outlets in this round' })).toContainText('re-used from Harbour Post')
  await roundLinks.scrollIntoViewIfNeeded()
  await shots(page, 'links-round-panel')
  await roundLinks.getByRole('link', { name: /35 ferry crossings/ }).click()
  await expect(page).toHaveURL(new RegExp(`#/article/${b}/h/${hb}`))
  await expect(page.getByTestId('article-body')).toContainText('35 ferry crossings a week')

  // The Passages view shows the link under both passages.
  await page.goto(`${parley.origin}/#/passages/${themes[0]!.id}`)
  const card = page.locator('.passage-card', { hasText: '40 ferry crossings a week' }).first()
  await expect(card.getByRole('list', { name: 'Links' })).toContainText('contradicts')
  await card.scrollIntoViewIfNeeded()
  await shots(page, 'links-passages')

  // Undo (Ctrl+Z) removes the link everywhere.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await call<unknown[]>(page, 'passageLinks.list', { roundId: round.id })).length).toBe(0)
  await expect(card.getByRole('list', { name: 'Links' })).toHaveCount(0)

  // A proposed claim group: the shared quotation in both outlets; accepting makes highlights and a "quotes" link.
  await page.goto(`${parley.origin}/#/matrix/${round.id}`)
  const claims = panel.getByRole('region', { name: 'Claims across outlets' })
  const group = claims.getByRole('listitem').filter({ hasText: 'have agreed to restore the night ferry' }).first()
  await expect(group).toContainText('Why Parley proposes it')
  await group.scrollIntoViewIfNeeded()
  await shots(page, 'claims-round-panel')
  await group.getByRole('button', { name: 'Accept: highlight and link' }).click()
  await expect(roundLinks).toContainText('quotes')
  await expect(group).toContainText('Accepted: its passages are highlighted and linked')
  const accepted = await call<Array<{ relation: string; from: { articleId: number }; to: { articleId: number } }>>(
    page,
    'passageLinks.list',
    {
      roundId: round.id,
    },
  )
  expect(accepted.map((l) => l.relation)).toContain('quotes')

  // Who speaks: the mayor, quoted by both outlets.
  const who = panel.getByRole('region', { name: 'Who speaks' })
  await expect(who.getByRole('combobox', { name: 'Merge Ilse Varga into' })).toHaveCount(1)
  // The user says two names are one speaker; the table shows them as one row, and undo separates them.
  const authority = who.getByRole('combobox', { name: 'Merge harbour authority into' })
  await expect(authority).toHaveCount(1)
  await authority.selectOption({ label: 'Ilse Varga' })
  await expect(authority).toHaveCount(0)
  await expect(who.getByRole('button', { name: 'Separate harbour authority from Ilse Varga' })).toBeVisible()
  await who.scrollIntoViewIfNeeded()
  await shots(page, 'claims-who-speaks')
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(authority).toHaveCount(1)

  // Export: the vault's links.md has a wikilink to each passage's block and the relation.
  const out = mkdtempSync(join(tmpdir(), 'parley-links-vault-'))
  try {
    await call(page, 'notebook.export', { dir: join(out, 'vault'), wikilinks: true })
    const md = readFileSync(join(out, 'vault', 'links.md'), 'utf8')
    expect(md).toMatch(
      /\[\[articles\/[^\]|]+#\^[\w-]+\|“[^\]]*have agreed to restore the night ferry[^\]]*”\]\] \([^)]*\) \*\*quotes\*\* \[\[articles\//,
    )
    const jsonld = JSON.parse(readFileSync(join(out, 'vault', 'links.jsonld'), 'utf8')) as {
      first: { items: Array<{ motivation: string }> }
    }
    expect(jsonld.first.items.map((i) => i.motivation)).toEqual(['linking'])
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})
