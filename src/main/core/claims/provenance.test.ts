import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { talksNotebook } from '../rounds/testing'
import { publishedTime, quoteProvenance, type CarrierArticle } from './provenance'

const tempDir = useTempDir()

// Invented outlets and speaker; ids are the import order.
const article = (id: number, outlet: string, published: string | null, body: string): CarrierArticle => ({
  id,
  title: `${outlet} story`,
  outlet,
  published,
  body,
})
const QUOTE = 'We will not sign any deal that closes the northern fishing grounds'

describe('quoteProvenance', () => {
  it('names the earliest carrier by date and says how each later one re-used the words, with the dates compared', () => {
    const groups = quoteProvenance([
      article(1, 'Harbour Post', '2025-03-02', `“We will not sign a deal that closes the grounds,” Ilse Marrow said.`),
      article(2, 'Coastwire', '2025-03-01', `Ilse Marrow said: “${QUOTE}.”`),
      article(3, 'Bay Courier', '2025-03-03', `“${QUOTE},” she told reporters.`),
      article(4, 'Gull Weekly', null, `“We will not sign any deal that closes the northern fishing grounds this year,” she said.`),
    ])
    expect(groups).toHaveLength(1)
    const carriers = groups[0]!.carriers
    expect(carriers.map((c) => [c.outlet, c.reuse])).toEqual([
      ['Coastwire', 'first'],
      ['Harbour Post', 'changed'],
      ['Bay Courier', 'same'],
      ['Gull Weekly', 'extended'],
    ])
    expect(carriers[0]!.why).toBe(
      'first carrier: Coastwire published 2025-03-01, before Harbour Post on 2025-03-02, and before the 2 other carriers',
    )
    expect(carriers[1]!.why).toBe(
      're-used with changed words (dropped “any”, “northern fishing”; added “a”): Coastwire published 2025-03-01, before Harbour Post on 2025-03-02',
    )
    expect(carriers[2]!.why).toBe('re-used the same words: Coastwire published 2025-03-01, before Bay Courier on 2025-03-03')
    expect(carriers[3]!.why).toBe(
      're-used with words added (added “this year”): Coastwire is dated 2025-03-01; Gull Weekly gives no publication date',
    )
  })

  it('breaks a same-day tie by the time the text gives, else by import order, and says so', () => {
    const timed = quoteProvenance([
      article(1, 'Harbour Post', '2025-03-01', `Published 2025-03-01T14:30+02:00\n\n“${QUOTE},” she said.`),
      article(2, 'Coastwire', '2025-03-01', `MARROW, 11:05 GMT - “${QUOTE},” she said.`),
    ])
    expect(timed[0]!.carriers.map((c) => [c.outlet, c.time])).toEqual([
      ['Coastwire', '11:05 UTC'],
      ['Harbour Post', '12:30 UTC'],
    ])
    expect(timed[0]!.carriers[1]!.why).toBe(
      're-used the same words: both published 2025-03-01; Coastwire at 11:05 UTC, Harbour Post at 12:30 UTC',
    )
    const untimed = quoteProvenance([
      article(7, 'Harbour Post', '2025-03-01', `“${QUOTE} soon,” she said.`),
      article(5, 'Coastwire', '2025-03-01', `“${QUOTE},” she said.`),
    ])
    expect(untimed[0]!.carriers.map((c) => [c.outlet, c.reuse])).toEqual([
      ['Coastwire', 'first'],
      ['Harbour Post', 'extended'],
    ])
    expect(untimed[0]!.carriers[0]!.why).toBe(
      'first carrier: both published 2025-03-01, no time known for both; Coastwire was imported first (import order breaks the tie)',
    )
  })

  it('on the same day, the carrier another one credits comes first, and the credit is the reason', () => {
    const groups = quoteProvenance([
      article(1, 'Harbour Post', '2025-03-01', `“${QUOTE},” Ilse Marrow told Coastwire on Saturday.`),
      article(2, 'Coastwire', '2025-03-01', `“${QUOTE} this year,” Ilse Marrow said.`),
    ])
    expect(groups[0]!.carriers.map((c) => [c.outlet, c.reuse])).toEqual([
      ['Coastwire', 'first'],
      ['Harbour Post', 'trimmed'],
    ])
    expect(groups[0]!.carriers[1]!.why).toBe(
      're-used trimmed (dropped “this year”): both published 2025-03-01; Harbour Post credits Coastwire for the words',
    )
  })

  it('reads a time only on the article’s own day', () => {
    expect(publishedTime('Updated 2025-03-02T08:00Z', '2025-03-01')).toBeNull()
    expect(publishedTime('Posted 2025-03-01T23:30-01:00', '2025-03-01')).toEqual({ minutes: 1470, label: '00:30 UTC' })
    expect(publishedTime('No time here.', '2025-03-01')).toBeNull()
    expect(publishedTime('09:00 GMT', null)).toBeNull()
  })

  it('claims.provenance answers for a round with passages verbatim from the bodies', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    await h['rounds.detect']({})
    const geneva = (await h['rounds.list']({})).find((r) => r.venue === 'Geneva')!
    const groups = await h['claims.provenance']({ roundId: geneva.id })
    expect(groups).toHaveLength(1)
    const [wire, daily] = groups[0]!.carriers
    expect([wire?.articleId, wire?.reuse, daily?.articleId, daily?.reuse]).toEqual([ids.wire, 'first', ids.daily, 'trimmed'])
    expect(daily?.why).toBe('re-used trimmed (dropped “fair”): Northwire published 2025-02-28, before The Daily on 2025-03-01')
    for (const c of groups[0]!.carriers) expect((await h['articles.get']({ id: c.articleId })).body.slice(c.start, c.end)).toBe(c.text)
    // The outlet comparison names the same first carrier.
    const compared = await h['rounds.compare']({ id: geneva.id })
    expect(compared.quotes[0]?.occurrences.find((o) => o.first)?.articleId).toBe(ids.wire)
    notebook.close()
  })
})
