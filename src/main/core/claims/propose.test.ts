import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { runCli, type ClaimsOutput } from '../../cli'
import { prepareArticle, readSource } from '../articles/import'
import { addArticle, addRound } from '../export/testkit'
import { openNotebook } from '../notebook'
import { proposeClaims, roundSpeakers, type ClaimArticle } from './propose'
import { statementsOf } from './statements'

const tempDir = useTempDir()
const CORPUS = join(resolve(process.env.PARLEY_CORPORA ?? join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpora')), 'rounds-dev')

// Made-up reports of a made-up meeting: three outlets, one quotation, one speaker, two counts.
const A = `Harbour talks end with a deal on ferries

Negotiators from the two towns met in Portvale on Monday. “We have agreed to restore the night ferry within a month,” said mayor Ilse Varga after the meeting.

Officials said 40 ferry crossings a week would resume.
`
const B = `Ferry deal reached at harbour talks

Mayor Ilse Varga told reporters that the towns "have agreed to restore the night ferry within a month" and would meet again in June.

The agreement covers 35 ferry crossings a week, according to the harbour authority.
`
const C = `Towns to meet again

According to the harbour authority, the towns will review the fishing quotas next year.

Ilse Varga said the council will vote on the new harbour fees before the summer.
`
const art = (id: number, outlet: string, body: string): ClaimArticle => ({ id, title: `t${id}`, outlet, published: null, body })

describe('claims: attributed statements', () => {
  it('finds speaker, verb and content in English, Russian, German, French and Spanish', () => {
    const cases: Array<[string, string, string]> = [
      ['The plan is sound, Ilse Varga said on Monday.', 'Ilse Varga', 'said'],
      ['According to the harbour authority, crossings resume in May.', 'harbour authority', 'according to'],
      ['Иван Петров заявил, что переговоры продолжатся.', 'Иван Петров', 'заявил'],
      ['По словам Петрова, стороны договорились о визах.', 'Петрова', 'по словам'],
      ['Die Gespräche seien konstruktiv gewesen, sagte Anna Weber am Montag.', 'Anna Weber', 'sagte'],
      ['Laut Anna Weber gibt es keine Einigung.', 'Anna Weber', 'laut'],
      ['Jean Martin a déclaré que les discussions avaient progressé.', 'Jean Martin', 'déclaré'],
      ['Selon Jean Martin, un accord est proche.', 'Jean Martin', 'selon'],
      ['Lucía Gómez dijo que el acuerdo está cerca.', 'Lucía Gómez', 'dijo'],
      ['Según Lucía Gómez, no hubo avances.', 'Lucía Gómez', 'según'],
    ]
    for (const [text, speaker, verb] of cases) {
      const [s] = statementsOf(text)
      expect(s, text).toBeDefined()
      expect(s!.speaker, text).toContain(speaker.split(' ').at(-1)!)
      expect(s!.verb, text).toBe(verb)
      expect(s!.text).toBe(text)
    }
  })

  it('reads initials whole and leaves a lower-case role out of a name', () => {
    expect(statementsOf('The U.S. State Department said talks would go on.')[0]?.speaker).toBe('U.S. State Department')
    expect(statementsOf('“We agreed to meet again soon,” said mayor Ilse Varga.')[0]?.speaker).toBe('Ilse Varga')
    expect(statementsOf('According to the harbour authority, crossings resume.')[0]?.speaker).toBe('harbour authority')
  })

  it('takes a quotation of four words or more as a statement, with the speaker named after it', () => {
    const body = '“We will not give up the harbour,” the mayor said. He left.'
    const [s] = statementsOf(body)
    expect(s).toMatchObject({ quote: 'We will not give up the harbour,', start: 0 })
    expect(statementsOf('He said it was "fine".')).toEqual([])
  })

  it('groups the same quotation, the same speaker and the same counted thing across outlets, with reasons', () => {
    const result = proposeClaims(7, [art(1, 'Harbour Post', A), art(2, 'Ferry News', B), art(3, 'Coast Daily', C)])
    const quote = result.claims.find((c) => c.reasons.some((r) => r.startsWith('same quotation')))
    expect(quote?.passages.map((p) => p.articleId).sort()).toEqual([1, 2])
    expect(quote?.status).toBe('agree')
    expect(quote?.speaker).toContain('Varga')
    const counts = result.claims.find((c) => c.status === 'differ')
    expect(counts?.differences).toEqual([
      {
        kind: 'number',
        values: [
          { articleId: 1, value: '40 crossings' },
          { articleId: 2, value: '35 crossings' },
        ],
      },
    ])
    expect(counts?.reasons.join(' ')).toMatch(/both count crossing: 40 crossings \/ 35 crossings; “ferry crossing”/)
    // A statement only one outlet carries is proposed as only-here, with its speaker.
    const only = result.claims.filter((c) => c.status === 'only-here')
    expect(only.some((c) => c.passages[0]!.articleId === 3 && c.passages[0]!.text.startsWith('Ilse Varga said the council'))).toBe(true)
    for (const c of result.claims) for (const p of c.passages) expect(p.text).toBe([A, B, C][p.articleId - 1]!.slice(p.start, p.end))
    // The same passages give the same key (what a rejection remembers).
    expect(
      proposeClaims(7, [art(1, 'Harbour Post', A), art(2, 'Ferry News', B), art(3, 'Coast Daily', C)]).claims.map((c) => c.key),
    ).toEqual(result.claims.map((c) => c.key))
  })

  it('counts who speaks per outlet, spellings of one name together', () => {
    const speakers = roundSpeakers([art(1, 'Harbour Post', A), art(2, 'Ferry News', B), art(3, 'Coast Daily', C)])
    const varga = speakers.find((s) => s.spellings.some((x) => x.endsWith('Ilse Varga')))!
    expect(varga.outlets.map((o) => o.outlet).sort()).toEqual(['Coast Daily', 'Ferry News', 'Harbour Post'])
    expect(varga.spellings.length).toBeGreaterThan(1)
    expect(speakers[0]).toBe(varga)
    for (const o of varga.outlets) for (const p of o.passages) expect(p.text).toBe([A, B, C][p.articleId - 1]!.slice(p.start, p.end))
  })

  it('does not group two statements of one outlet, and caps the work of a huge round', () => {
    expect(proposeClaims(1, [art(1, 'Same', A), art(2, 'Same', B)]).claims.every((c) => c.passages.length === 1)).toBe(true)
    const many = Array.from({ length: 320 }, (_, i) => art(i + 1, `Outlet ${i}`, A))
    const result = proposeClaims(1, many)
    expect(result.truncated).toBe(true)
    expect(result.claims.length).toBeLessThanOrEqual(400)
  })
})

describe('claims in a notebook', () => {
  it('accepts a proposal as highlights and typed links (again: nothing new), remembers a rejection and forgets it on request', async () => {
    const dir = tempDir()
    const nb = openNotebook(join(dir, 'n.parley'))
    const ids = [addArticle(nb.db, 'a.txt', A), addArticle(nb.db, 'b.txt', B), addArticle(nb.db, 'c.txt', C)]
    nb.db.prepare('UPDATE articles SET outlet = ? WHERE id = ?').run('Harbour Post', ids[0])
    nb.db.prepare('UPDATE articles SET outlet = ? WHERE id = ?').run('Ferry News', ids[1])
    const round = addRound(nb.db, 'Harbour talks', '2025-03-03', 'Portvale', [
      [ids[0]!, 'reports'],
      [ids[1]!, 'reports'],
      [ids[2]!, 'reports'],
    ])
    const h = nb.handlers
    const proposals = await h['claims.propose']({ roundId: round })
    const differ = proposals.claims.find((c) => c.status === 'differ')!
    const accepted = await h['claims.accept']({ roundId: round, key: differ.key })
    expect(accepted.highlights.map((x) => x.exact)).toEqual(differ.passages.map((p) => p.text))
    expect(accepted.links.map((l) => l.relation)).toEqual(['contradicts'])
    expect((await h['passageLinks.list']({ roundId: round })).map((l) => l.id)).toEqual(accepted.links.map((l) => l.id))
    expect((await h['claims.propose']({ roundId: round })).claims.find((c) => c.key === differ.key)?.accepted).toBe(true)
    // Accepting again reuses the same highlights and makes no second link.
    const again = await h['claims.accept']({ roundId: round, key: differ.key })
    expect(again.created).toEqual([])
    expect(again.links).toEqual([])

    const quote = proposals.claims.find((c) => c.reasons.some((r) => r.startsWith('same quotation')))!
    await h['claims.reject']({ roundId: round, key: quote.key })
    const after = await h['claims.propose']({ roundId: round })
    expect(after.claims.map((c) => c.key)).not.toContain(quote.key)
    expect(after.rejected).toEqual([quote.key])
    await h['claims.unreject']({ roundId: round, key: quote.key })
    expect((await h['claims.propose']({ roundId: round })).claims.map((c) => c.key)).toContain(quote.key)
    nb.close()
  })

  it('merges two speakers in every round at the user’s word, and takes the merge back', async () => {
    const dir = tempDir()
    const nb = openNotebook(join(dir, 'n.parley'))
    const ids = [addArticle(nb.db, 'b.txt', B), addArticle(nb.db, 'c.txt', C)]
    const round = addRound(nb.db, 'Harbour talks', '2025-03-03', 'Portvale', [
      [ids[0]!, 'reports'],
      [ids[1]!, 'reports'],
    ])
    const h = nb.handlers
    const before = await h['claims.speakers']({ roundId: round })
    const authority = before.find((s) => s.key === 'authority')!
    const varga = before.find((s) => s.key === 'varga')!
    await h['claims.mergeSpeaker']({ from: authority.key, into: varga.key, name: authority.speaker })
    const after = await h['claims.speakers']({ roundId: round })
    expect(after.map((s) => s.key)).not.toContain('authority')
    const merged = after.find((s) => s.key === 'varga')!
    expect(merged.total).toBe(varga.total + authority.total)
    expect(merged.merged).toEqual([{ key: 'authority', name: authority.speaker }])
    await expect(async () => h['claims.mergeSpeaker']({ from: 'varga', into: 'authority', name: '' })).rejects.toThrow(/into itself/)
    await h['claims.unmergeSpeaker']({ from: 'authority' })
    expect((await h['claims.speakers']({ roundId: round })).map((s) => s.key).sort()).toEqual(before.map((s) => s.key).sort())
    nb.close()
  })

  it('prints claims and their links with `parley claims --json`', async () => {
    const dir = tempDir()
    const files = [A, B].map((text, i) => {
      const file = join(dir, `${i}.md`)
      writeFileSync(file, text)
      return file
    })
    const out: string[] = []
    const code = await runCli(['claims', '--json', ...files], { out: (s: string) => out.push(s), err: () => undefined })
    expect(code).toBe(0)
    const parsed = JSON.parse(out.join('')) as ClaimsOutput
    expect(Array.isArray(parsed.rounds)).toBe(true)
    for (const r of parsed.rounds) for (const c of r.claims) for (const p of c.passages) expect(p.text.length).toBe(p.end - p.start)
  })
})

interface Entry {
  file: string
  round: string | null
}

/**
 * Number disagreements in rounds-dev, counted by hand once over every counted thing ("six world
 * powers") that two outlets of one round give: only the 2015 Lausanne round has one. Kept as the
 * round, the counted noun and each article's value (by the article's place in the round, files in
 * manifest order), never as corpus text.
 */
const EXPECTED_NUMBER_DIFFERENCES = [
  {
    round: '2015-03-lausanne',
    noun: 'powers',
    values: [
      [0, 6],
      [1, 6],
      [3, 5],
    ],
  },
]

describe.skipIf(!existsSync(join(CORPUS, 'manifest.json')))(
  'claims on rounds-dev (skipped when ../shared/corpora/rounds-dev is absent)',
  () => {
    const manifest = (): Map<string, Entry[]> => {
      const entries = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Entry[]
      const rounds = new Map<string, Entry[]>()
      for (const e of entries) if (e.round) rounds.set(e.round, [...(rounds.get(e.round) ?? []), e])
      return rounds
    }

    it('proposes claims in every round, each passage verbatim from its body, and finds the number disagreements the texts contain', () => {
      const found: typeof EXPECTED_NUMBER_DIFFERENCES = []
      let grouped = 0
      for (const [round, entries] of manifest()) {
        const articles = entries.map((e, i) => {
          const p = prepareArticle(readSource(join(CORPUS, e.file)))
          return { id: i + 1, title: p.title, outlet: p.outlet ?? e.file, published: p.published ?? null, body: p.body }
        })
        const result = proposeClaims(1, articles)
        expect(result.claims.length, round).toBeGreaterThan(0)
        for (const c of result.claims) {
          expect(c.reasons.length, round).toBeGreaterThan(0)
          for (const p of c.passages) expect(p.text, round).toBe(articles[p.articleId - 1]!.body.slice(p.start, p.end))
          if (c.passages.length > 1) grouped++
          for (const d of c.differences)
            if (d.kind === 'number')
              found.push({
                round,
                noun: d.values[0]!.value.split(' ').slice(1).join(' '),
                values: d.values.map((v) => [v.articleId - 1, Number(v.value.split(' ')[0])]),
              })
        }
      }
      expect(found).toEqual(EXPECTED_NUMBER_DIFFERENCES)
      expect(grouped).toBeGreaterThanOrEqual(5)
    })

    it('groups the agency copy two outlets carry in the same round', () => {
      const entries = manifest().get('2021-12-vienna-r8')!
      const articles = entries.map((e, i) => {
        const p = prepareArticle(readSource(join(CORPUS, e.file)))
        return { id: i + 1, title: p.title, outlet: p.outlet ?? e.file, published: p.published ?? null, body: p.body }
      })
      const groups = proposeClaims(1, articles).claims.filter((c) => c.passages.length > 1)
      expect(groups.length).toBeGreaterThan(0)
      for (const g of groups) expect(g.passages.map((p) => p.articleId).sort()).toEqual([1, 2])
    })
  },
)
