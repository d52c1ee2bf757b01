import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { talksNotebook } from './testing'
import { COUNT_SQL } from './matrix'
import type { Db } from '../db/open'

const tempDir = useTempDir()

describe('matrix.get', () => {
  it('counts highlights of reporting articles per round and theme, lists evidence, and says why a cell is empty', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    for (const t of await h['themes.list']({})) await h['themes.delete']({ id: t.id })
    const quotas = await h['themes.create']({
      name: 'Fishing quotas',
      keywords: { terms: ['quotas', 'fishing', 'zones', 'grounds'], context: [] },
    })
    const tariffs = await h['themes.create']({ name: 'Tariffs', keywords: { terms: ['tariffs', 'tariff'], context: [] } })
    const space = await h['themes.create']({ name: 'Space travel', keywords: { terms: ['rocket', 'orbit'], context: [] } })
    await h['rounds.detect']({})
    const code = async (articleId: number, text: string, themeId: number): Promise<number> => {
      const body = (await h['articles.get']({ id: articleId })).body
      const start = body.indexOf(text)
      return (await h['highlights.create']({ articleId, start, end: start + text.length, themeId })).id
    }
    const first = await code(ids.wire, 'fishing quotas', quotas.id)
    await code(ids.wire, 'six fishing zones', quotas.id)
    await code(ids.daily, 'fishing quotas', quotas.id)
    // A highlight in an article that only recalls the round does not count for it.
    await code(ids.review, 'fishing quotas', quotas.id)

    const m = await h['matrix.get']({})
    expect(m.themes.map((t) => t.name)).toEqual(['Fishing quotas', 'Tariffs', 'Space travel'])
    expect(m.rounds.map((r) => [r.venue, r.articles])).toEqual([
      ['Geneva', 3],
      ['Vienna', 1],
    ])
    expect(m.cells).toHaveLength(6)
    const cell = (row: number, col: number) => m.cells[row * m.themes.length + col]
    expect(cell(0, 0)).toMatchObject({ articles: 2, highlights: 3, coverage: 'coded', noteId: null, themeId: quotas.id })
    expect(cell(0, 0)?.evidence).toHaveLength(3)
    expect(cell(0, 0)?.evidence[0]).toEqual({
      highlightId: first,
      articleId: ids.wire,
      outlet: 'Northwire',
      published: '2025-02-28',
      text: 'fishing quotas',
      themeId: quotas.id,
    })
    expect(cell(0, 1)).toMatchObject({ articles: 0, highlights: 0, evidence: [], coverage: 'mentioned-not-coded', themeId: tariffs.id })
    expect(cell(0, 2)).toMatchObject({ coverage: 'not-mentioned', themeId: space.id })
    expect(cell(1, 0)).toMatchObject({ highlights: 0, coverage: 'mentioned-not-coded' })

    // The same decision as the Reader's suggestions: once the user rejects them, the theme is not "mentioned".
    for (const articleId of [ids.wire, ids.daily, ids.weekly]) {
      const suggested = await h['suggestions.list']({ articleId, themeId: tariffs.id })
      for (const s of suggested) await h['suggestions.reject']({ articleId, start: s.start, end: s.end, themeId: tariffs.id })
    }
    const after = await h['matrix.get']({})
    expect(after.cells[1]).toMatchObject({ themeId: tariffs.id, coverage: 'not-mentioned' })
    notebook.close()
  })

  it('a deferred matrix says "pending" for what it does not know yet; matrix.rows computes it, with the same answers as the full matrix', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    for (const t of await h['themes.list']({})) await h['themes.delete']({ id: t.id })
    const quotas = await h['themes.create']({ name: 'Fishing quotas', keywords: { terms: ['quotas', 'fishing'], context: [] } })
    const tariffs = await h['themes.create']({ name: 'Tariffs', keywords: { terms: ['tariffs', 'tariff'], context: [] } })
    const space = await h['themes.create']({ name: 'Space travel', keywords: { terms: ['rocket', 'orbit'], context: [] } })
    await h['rounds.detect']({})
    const body = (await h['articles.get']({ id: ids.wire })).body
    const start = body.indexOf('fishing quotas')
    await h['highlights.create']({ articleId: ids.wire, start, end: start + 'fishing quotas'.length, themeId: quotas.id })

    const deferred = await h['matrix.get']({ deferred: true })
    const geneva = deferred.rounds[0]!.id
    const states = (cells: Array<{ themeId: number; coverage: string }>) => cells.map((c) => [c.themeId, c.coverage])
    expect(states(deferred.cells.slice(0, 3))).toEqual([
      [quotas.id, 'coded'],
      [tariffs.id, 'pending'],
      [space.id, 'pending'],
    ])
    // Counts come with it, evidence does not: every round is listed as left out, and matrix.rows has it.
    const roundIds = deferred.rounds.map((r) => r.id)
    expect(deferred.cells[0]).toMatchObject({ articles: 1, highlights: 1, evidence: [] })
    expect(deferred.evidenceLeftOut).toEqual(roundIds)
    const evidenceOnly = await h['matrix.rows']({ roundIds, coverage: false })
    expect(evidenceOnly.map((r) => r.roundId)).toEqual(roundIds)
    expect(states(evidenceOnly[0]!.cells)).toEqual(states(deferred.cells.slice(0, 3)))
    expect(evidenceOnly[0]!.cells[0]!.evidence.map((e) => e.text)).toEqual(['fishing quotas'])

    const rows = await h['matrix.rows']({ roundIds: [geneva], coverage: true })
    expect(states(rows[0]!.cells)).toEqual([
      [quotas.id, 'coded'],
      [tariffs.id, 'mentioned-not-coded'],
      [space.id, 'not-mentioned'],
    ])
    // Known answers come with the next deferred matrix; the Vienna row was not asked for yet.
    const again = await h['matrix.get']({ deferred: true })
    expect(states(again.cells.slice(0, 3))).toEqual(states(rows[0]!.cells))
    expect(again.cells.slice(3).some((c) => c.coverage === 'pending')).toBe(true)
    // The full matrix computes everything, and agrees.
    const full = await h['matrix.get']({})
    expect(full.cells.every((c) => c.coverage !== 'pending')).toBe(true)
    expect(states(full.cells.slice(0, 3))).toEqual(states(rows[0]!.cells))
    expect(full.evidenceLeftOut).toBeUndefined()
    // The same evidence whichever call brings it.
    expect(full.cells.map((c) => c.evidence)).toEqual(
      (await h['matrix.rows']({ roundIds, coverage: false })).flatMap((r) => r.cells.map((c) => c.evidence)),
    )
    // Unknown rounds are left out rather than failing the whole call.
    expect(await h['matrix.rows']({ roundIds: [geneva, 999_999], coverage: false })).toHaveLength(1)
    notebook.close()
  })

  it('keeps what the models found across a restart (migration 008) while its signature holds; a keyword change or a re-cleaned body clears it', async () => {
    const dir = tempDir()
    const { notebook, ids } = await talksNotebook(dir)
    const h = notebook.handlers
    for (const t of await h['themes.list']({})) await h['themes.delete']({ id: t.id })
    const tariffs = await h['themes.create']({ name: 'Tariffs', keywords: { terms: ['tariffs', 'tariff'], context: [] } })
    const space = await h['themes.create']({ name: 'Space travel', keywords: { terms: ['rocket', 'orbit'], context: [] } })
    await h['rounds.detect']({})
    const first = await h['matrix.get']({ deferred: true })
    const roundIds = first.rounds.map((r) => r.id)
    // A call works rows out for a limited time and leaves the rest 'pending': ask until none is.
    const settle = async (handlers: typeof h): Promise<Awaited<ReturnType<(typeof h)['matrix.rows']>>> => {
      for (let i = 0; i < 50; i++) {
        const rows = await handlers['matrix.rows']({ roundIds, coverage: true })
        if (rows.every((r) => r.cells.every((c) => c.coverage !== 'pending'))) return rows
      }
      throw new Error('coverage still pending after 50 calls')
    }
    const computed = await settle(h)
    const states = (rows: typeof computed): string[] => rows.flatMap((r) => r.cells.map((c) => `${r.roundId}:${c.themeId}=${c.coverage}`))
    const stored = (db: Db): number => db.prepare('SELECT count(*) FROM article_mentions').pluck().get() as number
    expect(stored(notebook.db)).toBeGreaterThan(0)
    notebook.close()

    // After a restart the stored answers are used as they are: one the models would never give
    // (the wire mentions space travel) shows, so nothing was worked out again.
    const { openNotebook } = await import('../notebook')
    const file = `${dir}/talks.parley`
    let again = openNotebook(file)
    again.db.prepare('UPDATE article_mentions SET mentioned = 1 WHERE article_id = ? AND theme_id = ?').run(ids.wire, space.id)
    const wireRound = (await again.handlers['rounds.list']({})).find((r) =>
      r.articles.some((a) => a.articleId === ids.wire && a.role === 'reports'),
    )!
    const restored = await again.handlers['matrix.rows']({ roundIds, coverage: true })
    const cellOf = (rows: typeof computed, roundId: number, themeId: number): string | undefined =>
      rows.find((r) => r.roundId === roundId)?.cells.find((c) => c.themeId === themeId)?.coverage
    expect(cellOf(restored, wireRound.id, space.id)).toBe('mentioned-not-coded')
    expect(states(restored).filter((x) => !x.startsWith(`${wireRound.id}:${space.id}=`))).toEqual(
      states(computed).filter((x) => !x.startsWith(`${wireRound.id}:${space.id}=`)),
    )
    again.close()

    // Re-cleaning rewrites a body: that article's answers go (a trigger), and are worked out afresh.
    again = openNotebook(file)
    again.db.prepare("UPDATE articles SET body = body || ' ' WHERE id = ?").run(ids.wire)
    expect(again.db.prepare('SELECT count(*) FROM article_mentions WHERE article_id = ?').pluck().get(ids.wire)).toBe(0)
    expect(states(await settle(again.handlers))).toEqual(states(computed))
    // A theme's keywords change: the signature no longer holds, so everything stored is cleared first.
    await again.handlers['themes.update']({ id: space.id, keywords: { terms: ['tariffs', 'tariff'], context: [] } })
    await again.handlers['matrix.rows']({ roundIds: [roundIds[0]!], coverage: false })
    expect(stored(again.db)).toBe(0)
    const recomputed = await settle(again.handlers)
    // Space travel now has the keywords of Tariffs: the same answers in every round.
    expect(recomputed.map((r) => cellOf(recomputed, r.roundId, space.id))).toEqual(
      recomputed.map((r) => cellOf(recomputed, r.roundId, tariffs.id)),
    )
    expect(recomputed.some((r) => cellOf(recomputed, r.roundId, space.id) === 'mentioned-not-coded')).toBe(true)
    again.close()
  })

  it('keeps matrix_cells equal to the grouped count query through every kind of write (triggers of migration 007)', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    const db = notebook.db
    const same = (db: Db, step: string): void => {
      const sort = (rows: unknown[]): string[] => rows.map((r) => JSON.stringify(r)).sort()
      const expected = sort(db.prepare(COUNT_SQL).all())
      const actual = sort(db.prepare('SELECT round_id AS roundId, theme_id AS themeId, articles, highlights FROM matrix_cells').all())
      expect(actual, step).toEqual(expected)
    }
    const themes = await h['themes.list']({})
    const [a, b, c] = themes.map((t) => t.id) as [number, number, number]
    // Highlights before any round exists, then rounds detected over them.
    const mark = async (articleId: number, at: number, themeId: number | null): Promise<number> =>
      (await h['highlights.create']({ articleId, start: at, end: at + 4, themeId })).id
    const early = await mark(ids.wire, 0, a)
    same(db, 'highlight without rounds')
    await h['rounds.detect']({})
    same(db, 'after detection')
    const marks: number[] = [early]
    for (const [i, article] of [ids.wire, ids.daily, ids.weekly, ids.vienna, ids.review, ids.wire, ids.daily].entries())
      marks.push(await mark(article, 5 + i * 3, [a, b, c][i % 3]!))
    marks.push(await mark(ids.daily, 40, null))
    same(db, 'created')
    await h['highlights.update']({ id: marks[1]!, themeId: b })
    await h['highlights.update']({ id: marks[2]!, themeId: null })
    await h['highlights.update']({ id: marks.at(-1)!, themeId: c })
    same(db, 'recoded')
    const gone = (await h['highlights.list']({ articleId: ids.wire })).find((x) => x.id === marks[1])!
    await h['highlights.delete']({ id: gone.id })
    same(db, 'deleted')
    await h['highlights.restore'](gone)
    same(db, 'restored')
    const merged = await h['themes.merge']({ sourceId: b, targetId: a })
    same(db, 'themes merged')
    await h['themes.unmerge']({ sourceId: b, moved: merged.moved })
    same(db, 'themes unmerged')

    const rounds = await h['rounds.list']({})
    const geneva = rounds.find((r) => r.venue === 'Geneva')!
    const vienna = rounds.find((r) => r.venue === 'Vienna')!
    await h['rounds.moveArticle']({ articleId: ids.daily, fromId: geneva.id, toId: vienna.id })
    same(db, 'article moved')
    await h['rounds.moveArticle']({ articleId: ids.review, fromId: null, toId: geneva.id, role: 'reports' })
    same(db, 'article added as reporting')
    db.prepare(`UPDATE article_rounds SET role = 'mentions' WHERE article_id = ? AND round_id = ?`).run(ids.wire, geneva.id)
    same(db, 'role changed')
    db.prepare(`UPDATE article_rounds SET role = 'reports' WHERE article_id = ? AND round_id = ?`).run(ids.wire, geneva.id)
    const split = await h['rounds.split']({ id: geneva.id, articleIds: [ids.wire] })
    same(db, 'split')
    await h['rounds.merge']({ sourceId: split.to.id, targetId: split.from.id })
    same(db, 'merged')
    const snapshot = await h['rounds.delete']({ id: vienna.id })
    same(db, 'round deleted')
    await h['rounds.restore'](snapshot)
    same(db, 'round restored')
    await h['rounds.detect']({})
    same(db, 'detected again')
    // Cascades: an article deleted takes its highlights and memberships; a theme deleted for good sets theme_id null.
    db.prepare('DELETE FROM articles WHERE id = ?').run(ids.daily)
    same(db, 'article deleted')
    db.prepare('DELETE FROM themes WHERE id = ?').run(c)
    same(db, 'theme deleted for good')
    expect(db.prepare('SELECT count(*) FROM matrix_cells').pluck().get()).toBeGreaterThan(0)
    expect(db.prepare('SELECT count(*) FROM article_theme_counts WHERE highlights <= 0').pluck().get()).toBe(0)
    notebook.close()
  })

  it('caps evidence at five and counts with one grouped query that uses the indexes', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    await h['rounds.detect']({})
    const theme = (await h['themes.list']({}))[0]!
    const body = (await h['articles.get']({ id: ids.wire })).body
    for (let i = 0; i < 8; i++) await h['highlights.create']({ articleId: ids.wire, start: i, end: i + 5, themeId: theme.id })
    const m = await h['matrix.get']({})
    const c = m.cells.find((x) => x.themeId === theme.id && x.highlights > 0)
    expect(c).toMatchObject({ highlights: 8, articles: 1 })
    expect(c?.evidence.map((e) => e.text)).toEqual([0, 1, 2, 3, 4].map((i) => body.slice(i, i + 5)))
    const plan = (
      notebook.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT ar.round_id, h.theme_id, count(DISTINCT h.article_id), count(*)
      FROM article_rounds ar JOIN highlights h ON h.article_id = ar.article_id WHERE ar.role = 'reports' AND h.theme_id IS NOT NULL
      GROUP BY ar.round_id, h.theme_id`,
        )
        .all() as Array<{ detail: string }>
    )
      .map((r) => r.detail)
      .join('\n')
    expect(plan).toMatch(/SEARCH h USING INDEX highlights_by_article/)
    notebook.close()
  })

  it('counts a sub-theme in its parent’s column: distinct articles, evidence named by theme, mentions, claims; a parent in the trash lets it stand alone', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    for (const t of await h['themes.list']({})) await h['themes.delete']({ id: t.id })
    const quotas = await h['themes.create']({ name: 'Fishing quotas', keywords: { terms: ['quotas'], context: [] } })
    const zones = await h['themes.create']({ name: 'Fishing zones', keywords: { terms: ['zones', 'grounds'], context: [] } })
    const trade = await h['themes.create']({ name: 'Trade', keywords: { terms: ['embargo'], context: [] } })
    const tariffs = await h['themes.create']({ name: 'Tariffs', keywords: { terms: ['tariffs', 'tariff'], context: [] } })
    await h['themes.setParent']({ id: zones.id, parentId: quotas.id })
    await h['themes.setParent']({ id: tariffs.id, parentId: trade.id })
    await h['rounds.detect']({})
    const code = async (articleId: number, text: string, themeId: number): Promise<number> => {
      const body = (await h['articles.get']({ id: articleId })).body
      const start = body.indexOf(text)
      return (await h['highlights.create']({ articleId, start, end: start + text.length, themeId })).id
    }
    const own = await code(ids.wire, 'fishing quotas', quotas.id)
    await code(ids.wire, 'six fishing zones', zones.id)
    const weekly = await code(ids.weekly, 'two fishing grounds', zones.id)

    const m = await h['matrix.get']({})
    expect(m.themes.map((t) => t.name)).toEqual(['Fishing quotas', 'Trade'])
    const geneva = m.rounds[0]!.id
    expect(m.cells).toHaveLength(4)
    // Two articles (the wire has passages of both), not 1 + 2.
    expect(m.cells[0]).toMatchObject({ themeId: quotas.id, articles: 2, highlights: 3, coverage: 'coded' })
    expect(m.cells[0]!.evidence.map((e) => [e.text, e.themeId])).toEqual([
      ['fishing quotas', quotas.id],
      ['six fishing zones', zones.id],
      ['two fishing grounds', zones.id],
    ])
    // The parent's keywords are not in the round's articles, its sub-theme's are.
    expect(m.cells[1]).toMatchObject({ themeId: trade.id, coverage: 'mentioned-not-coded' })

    const deferred = await h['matrix.get']({ deferred: true })
    expect(deferred.cells.map((c) => [c.themeId, c.articles, c.highlights])).toEqual(
      m.cells.map((c) => [c.themeId, c.articles, c.highlights]),
    )
    const rows = await h['matrix.rows']({ roundIds: [geneva], coverage: true })
    expect(rows[0]!.cells.map((c) => [c.themeId, c.coverage, c.evidence.length])).toEqual([
      [quotas.id, 'coded', 3],
      [trade.id, 'mentioned-not-coded', 0],
    ])

    // A link between the parent's passage and the sub-theme's counts once, in the parent's column.
    const relations = await h['linkRelations.list']({})
    await h['passageLinks.create']({ fromId: own, toId: weekly, relationId: relations.find((r) => r.name === 'contradicts')!.id })
    expect((await h['matrix.claims']({})).map((c) => [c.roundId, c.themeId, c.differ])).toEqual([[geneva, quotas.id, 1]])

    // The parent in the trash: its sub-theme is a column of its own, with its own passages.
    await h['themes.delete']({ id: quotas.id })
    const after = await h['matrix.get']({})
    expect(after.themes.map((t) => t.name)).toEqual(['Fishing zones', 'Trade'])
    expect(after.cells[0]).toMatchObject({ themeId: zones.id, articles: 2, highlights: 2 })
    notebook.close()
  })
})
