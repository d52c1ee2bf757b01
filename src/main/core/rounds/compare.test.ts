import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { figures } from './figures'
import { sharedQuotes, wordDiff } from './quotes'
import { talksNotebook } from './testing'

const tempDir = useTempDir()

describe('sharedQuotes', () => {
  it('groups quoted words shared across articles, first carrier first, with the drift as a word diff', () => {
    const groups = sharedQuotes([
      { articleId: 1, body: 'He said: “We will not accept any deal that ignores the fishing fleets.” Then he left.' },
      {
        articleId: 2,
        body: 'Unrelated “quote with other words entirely” here. "We will not accept a deal that ignores the fleets," he said.',
      },
      { articleId: 3, body: "'We will not accept any deal that ignores the fishing fleets,' the minister said." },
      { articleId: 4, body: 'Nothing quoted, though we will not accept any deal that ignores the fishing fleets.' },
    ])
    expect(groups).toHaveLength(1)
    const [g] = groups
    expect(g?.occurrences.map((o) => [o.articleId, o.exact])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ])
    expect(g?.occurrences[1]?.diff).toEqual([
      { kind: 'same', text: 'We will not accept' },
      { kind: 'removed', text: 'any' },
      { kind: 'added', text: 'a' },
      { kind: 'same', text: 'deal that ignores the' },
      { kind: 'removed', text: 'fishing' },
      { kind: 'same', text: 'fleets' },
    ])
  })

  it('leaves apostrophes, short quotes and single-article quotes alone', () => {
    expect(
      sharedQuotes([
        { articleId: 1, body: "It's the ministers' view" },
        { articleId: 2, body: "It's the ministers' view" },
      ]),
    ).toEqual([])
    expect(
      sharedQuotes([
        { articleId: 1, body: 'a “tough” talk' },
        { articleId: 2, body: 'a “tough” talk' },
      ]),
    ).toEqual([])
    expect(wordDiff('a b c', 'a b c')).toEqual([{ kind: 'same', text: 'a b c' }])
  })
})

describe('figures', () => {
  it('finds counted things, not years, dates or ranks', () => {
    expect(
      figures(
        'The port wants six state-owned properties back and 35 diplomats expelled in 2016, the No. 3 official said on Feb. 27 of two years.',
      ).map((f) => [f.value, f.noun, f.text]),
    ).toEqual([
      [6, 'properties', 'six state-owned properties'],
      [35, 'diplomats', '35 diplomats'],
    ])
  })
})

describe('rounds.compare', () => {
  it('compares a round’s outlets: themes coded, shared quotes, differing figures and meeting dates, all with offsets', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    const theme = await h['themes.create']({ name: 'Fishing quotas', keywords: { terms: ['quotas', 'zones', 'grounds'], context: [] } })
    await h['rounds.detect']({})
    const geneva = (await h['rounds.list']({})).find((r) => r.venue === 'Geneva')!
    const wireBody = (await h['articles.get']({ id: ids.wire })).body
    const at = wireBody.indexOf('fishing quotas')
    const hl = await h['highlights.create']({ articleId: ids.wire, start: at, end: at + 14, themeId: theme.id })

    const c = await h['rounds.compare']({ id: geneva.id })
    expect(c.round.id).toBe(geneva.id)
    expect(c.outlets.map((o) => o.outlet)).toEqual(['Northwire', 'The Daily', 'The Weekly', 'The Review'])
    expect(c.outlets[0]?.themes).toEqual([
      {
        themeId: theme.id,
        name: 'Fishing quotas',
        color: theme.color,
        highlights: [{ highlightId: hl.id, articleId: ids.wire, start: at, end: at + 14, text: 'fishing quotas' }],
      },
    ])
    expect(c.outlets[3]?.articles).toEqual([{ articleId: ids.review, title: 'A long dispute', published: '2025-05-20', role: 'mentions' }])

    expect(c.quotes).toHaveLength(1)
    const q = c.quotes[0]!
    expect(q.exact).toBe(false)
    expect(q.occurrences.map((o) => [o.articleId, o.outlet, o.first, o.exact])).toEqual([
      [ids.wire, 'Northwire', true, true],
      [ids.daily, 'The Daily', false, false],
    ])
    expect(q.occurrences[1]?.diff.filter((d) => d.kind !== 'same')).toEqual([{ kind: 'removed', text: 'fair' }])

    const bodies = new Map<number, string>()
    for (const id of Object.values(ids)) bodies.set(id, (await h['articles.get']({ id })).body)
    const number = c.disagreements.find((d) => d.kind === 'number' && d.subject === 'Fishing quotas')
    expect(number?.values.map((v) => [v.value, v.passages.map((p) => p.text)])).toEqual([
      ['6', ['six fishing zones']],
      ['2', ['two fishing grounds']],
    ])
    const date = c.disagreements.find((d) => d.kind === 'date')
    expect(date?.values.map((v) => [v.value, v.passages.map((p) => [p.articleId, p.text])])).toEqual([
      [
        '2025-02-27',
        [
          [ids.wire, 'Thursday'],
          [ids.daily, 'Thursday'],
          [ids.review, 'Feb. 27'],
        ],
      ],
      ['2025-02-26', [[ids.weekly, 'Feb. 26']]],
    ])
    for (const d of c.disagreements)
      for (const v of d.values) for (const p of v.passages) expect(bodies.get(p.articleId)?.slice(p.start, p.end)).toBe(p.text)
    for (const o of q.occurrences) expect(bodies.get(o.articleId)?.slice(o.start, o.end)).toBe(o.text)
    notebook.close()
  })
})
