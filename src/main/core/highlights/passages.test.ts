import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import type { Handlers } from '../../../shared/contract'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

type SyncHandlers = { [M in keyof Handlers]: (input: Parameters<Handlers[M]>[0]) => Awaited<ReturnType<Handlers[M]>> }

const ARTICLES = [
  [
    'a.md',
    '---\ntitle: Staffing talks open\noutlet: TASS\npublished: 2025-02-27\n---\n\nThe embassies discussed staffing levels and visas in Istanbul. Officials from both sides said the conversation had been long and detailed, and that another meeting would follow within weeks if progress was made on the remaining questions.\n',
  ],
  [
    'b.md',
    '---\ntitle: Flights on the table\noutlet: Reuters\npublished: 2025-04-10\n---\n\nDirect flights were raised again, with staffing. Officials from both sides said the conversation had been long and detailed, and that another meeting would follow within weeks if progress was made on the remaining questions.\n',
  ],
  [
    'c.md',
    '---\ntitle: Undated staffing note\n---\n\nNobody said when staffing would improve. Officials from both sides said the conversation had been long and detailed, and that another meeting would follow within weeks if progress was made on the remaining questions.\n',
  ],
] as const

describe('passages across the notebook', () => {
  it('lists coded passages with article, outlet, date and rounds; filters by theme, round, outlet and dates; sorts', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const results = await notebook.handlers['articles.import']({
      files: ARTICLES.map(([name, text]) => ({ name, data: Buffer.from(text).toString('base64') })),
    })
    expect(results.map((r) => [r.status, r.error])).toEqual(ARTICLES.map(() => ['imported', undefined]))
    const [a, b, c] = results.map((r) => r.id as number)
    const h = notebook.handlers as unknown as SyncHandlers
    const [staffing, , flights] = h['themes.list']({})
    const code = (articleId: number, word: string, themeId: number) => {
      const body = h['articles.get']({ id: articleId }).body
      const start = body.indexOf(word)
      return h['highlights.create']({ articleId, start, end: start + word.length, themeId, comment: `on ${word}` }).id
    }
    const pa = code(a!, 'staffing levels', staffing!.id)
    const pb = code(b!, 'staffing', staffing!.id)
    const pc = code(c!, 'staffing', staffing!.id)
    const pf = code(b!, 'Direct flights', flights!.id)
    const list = (input: Partial<Parameters<SyncHandlers['passages.list']>[0]>) =>
      h['passages.list']({ sort: 'date', limit: 500, ...input })

    const all = list({ themeId: staffing!.id })
    expect(all.total).toBe(3)
    // By date: dated first, oldest first; the undated article last.
    expect(all.passages.map((p) => p.highlightId)).toEqual([pa, pb, pc])
    expect(all.passages[0]).toMatchObject({
      articleId: a,
      articleTitle: 'Staffing talks open',
      outlet: 'TASS',
      published: '2025-02-27',
      exact: 'staffing levels',
      comment: 'on staffing levels',
      orphan: false,
    })
    expect(all.outlets).toEqual([
      { outlet: '', passages: 1 },
      { outlet: 'Reuters', passages: 1 },
      { outlet: 'TASS', passages: 1 },
    ])
    expect(list({}).total).toBe(4)
    expect(list({ themeId: flights!.id }).passages.map((p) => p.highlightId)).toEqual([pf])
    expect(list({ themeId: staffing!.id, outlet: 'Reuters' }).passages.map((p) => p.highlightId)).toEqual([pb])
    expect(list({ themeId: staffing!.id, outlet: '' }).passages.map((p) => p.highlightId)).toEqual([pc])
    expect(
      list({ from: '2025-03-01' })
        .passages.map((p) => p.highlightId)
        .sort(),
    ).toEqual([pb, pf].sort())
    expect(list({ to: '2025-03-01' }).passages.map((p) => p.highlightId)).toEqual([pa])
    expect(list({ themeId: staffing!.id, sort: 'article' }).passages.map((p) => p.articleTitle)).toEqual([
      'Flights on the table',
      'Staffing talks open',
      'Undated staffing note',
    ])
    expect(list({ sort: 'theme' }).passages.map((p) => p.themeId)).toEqual([staffing!.id, staffing!.id, staffing!.id, flights!.id])
    const limited = list({ limit: 2 })
    expect([limited.passages.length, limited.total]).toEqual([2, 4])

    // Rounds: the rounds an article reports, and the round filter.
    const round = h['rounds.list']({})[0] ?? null
    const roundId =
      round?.id ??
      (() => {
        throw new Error('no round detected')
      })()
    h['articles.addToRound']({ roundId, ids: [b!] })
    const inRound = list({ roundId })
    expect(inRound.passages.map((p) => p.articleId)).toContain(b)
    expect(inRound.passages.find((p) => p.highlightId === pb)?.rounds.map((r) => r.id)).toContain(roundId)

    // Unassigned: articles that report no round; byTheme counts them per theme (the Matrix row).
    const reporting = new Set(notebook.db.prepare("SELECT article_id FROM article_rounds WHERE role = 'reports'").pluck().all() as number[])
    const loose = [a!, b!, c!].filter((id) => !reporting.has(id))
    expect(loose.length).toBeGreaterThan(0)
    expect(loose).not.toContain(b)
    const unassigned = list({ unassigned: true })
    expect(unassigned.articles).toBe(loose.length)
    expect(unassigned.passages.map((p) => p.articleId).every((id) => loose.includes(id))).toBe(true)
    const everything = list({}).passages.filter((p) => loose.includes(p.articleId))
    expect(unassigned.byTheme).toEqual(
      [staffing!.id, flights!.id]
        .map((themeId) => {
          const mine = everything.filter((p) => p.themeId === themeId)
          return { themeId, articles: new Set(mine.map((p) => p.articleId)).size, passages: mine.length }
        })
        .filter((t) => t.passages > 0),
    )
    // The theme filter narrows the list, not the per-theme counts.
    expect(list({ unassigned: true, themeId: flights!.id }).byTheme).toEqual(unassigned.byTheme)

    // A deleted theme's passages leave; a deleted article's too.
    h['themes.delete']({ id: flights!.id })
    expect(list({}).total).toBe(3)
    h['articles.delete']({ ids: [a!] })
    expect(list({ themeId: staffing!.id }).passages.map((p) => p.highlightId)).toEqual([pb, pc])
    notebook.close()
  })
})
