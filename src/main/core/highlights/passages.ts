import type { PassageList, PassageRow, PassageSort } from '../../../shared/model'
import type { ReadableDB } from '../db/types'

export interface PassageFilter {
  themeId?: number
  roundId?: number
  /** Only articles that report no round (the Matrix's "Unassigned" row). */
  unassigned?: boolean
  outlet?: string
  /** ISO dates, inclusive; an undated article passes only when no date bound is set. */
  from?: string
  to?: string
  sort: PassageSort
  limit: number
}

// Closed set: the caller names a sort, never SQL.
const ORDER: Record<PassageSort, string> = {
  date: 'a.published IS NULL, a.published, a.id, h.start',
  article: 'a.title COLLATE NOCASE, a.id, h.start',
  outlet: 'a.outlet IS NULL, a.outlet COLLATE NOCASE, a.published, a.id, h.start',
  theme: 't.position, a.published IS NULL, a.published, a.id, h.start',
}

/**
 * Every coded passage across the notebook (MAXQDA's Retrieved Segments): the theme's passages
 * with their article, outlet, date and the rounds the article reports, filtered and sorted in SQL.
 * Highlights of deleted themes stay out, as in the Reader. `total` counts past the limit.
 */
export function listPassages(
  db: ReadableDB,
  f: PassageFilter,
): { passages: PassageRow[]; total: number; articles: number; byTheme: PassageList['byTheme'] } {
  // Conditions on the article (round, outlet, dates), then on the passage (its theme).
  const onArticle: string[] = []
  const params: Record<string, unknown> = { limit: f.limit }
  if (f.roundId !== undefined) {
    onArticle.push('a.id IN (SELECT article_id FROM article_rounds WHERE round_id = @roundId)')
    params.roundId = f.roundId
  }
  if (f.unassigned) onArticle.push("a.id NOT IN (SELECT article_id FROM article_rounds WHERE role = 'reports')")
  if (f.outlet !== undefined) {
    onArticle.push("coalesce(a.outlet, '') = @outlet")
    params.outlet = f.outlet
  }
  if (f.from !== undefined) {
    onArticle.push('a.published >= @from')
    params.from = f.from
  }
  if (f.to !== undefined) {
    onArticle.push('a.published <= @to')
    params.to = f.to
  }
  const where = ['t.deleted_at IS NULL', ...onArticle]
  const joins = 'FROM highlights h JOIN themes t ON t.id = h.theme_id JOIN articles a ON a.id = h.article_id'
  // Per theme over the same articles (a Matrix row's cells); the theme filter applies to the list only.
  const byTheme = db
    .prepare(
      `SELECT h.theme_id AS themeId, count(DISTINCT h.article_id) AS articles, count(*) AS passages
       ${joins} WHERE ${where.join(' AND ')} GROUP BY h.theme_id ORDER BY min(t.position)`,
    )
    .all(params) as PassageList['byTheme']
  const articles = db
    .prepare(`SELECT count(*) FROM articles a ${onArticle.length ? `WHERE ${onArticle.join(' AND ')}` : ''}`)
    .pluck()
    .get(params) as number
  if (f.themeId !== undefined) {
    where.push('h.theme_id = @themeId')
    params.themeId = f.themeId
  }
  const from = `${joins} WHERE ${where.join(' AND ')}`
  const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number
  const rows = db
    .prepare(
      `SELECT h.id AS highlightId, h.article_id AS articleId, h.theme_id AS themeId, h.start, h."end" AS "end", h.exact, h.comment,
         h.anchor, a.title AS articleTitle, a.outlet, a.published,
         (SELECT json_group_array(json_object('id', r.id, 'title', r.title, 'date', r.date))
            FROM article_rounds ar JOIN rounds r ON r.id = ar.round_id WHERE ar.article_id = a.id AND ar.role = 'reports') AS rounds
       ${from} ORDER BY ${ORDER[f.sort]} LIMIT @limit`,
    )
    .all(params) as Array<Omit<PassageRow, 'rounds' | 'orphan'> & { rounds: string; anchor: string }>
  return {
    total,
    articles,
    byTheme,
    passages: rows.map(({ rounds, anchor, ...r }) => ({
      ...r,
      orphan: anchor === 'orphan',
      rounds: JSON.parse(rounds) as PassageRow['rounds'],
    })),
  }
}

/** The outlets that have coded passages, for the filter (with how many passages each). */
export function passageOutlets(db: ReadableDB, themeId?: number): Array<{ outlet: string; passages: number }> {
  return db
    .prepare(
      `SELECT coalesce(a.outlet, '') AS outlet, count(*) AS passages
       FROM highlights h JOIN themes t ON t.id = h.theme_id JOIN articles a ON a.id = h.article_id
       WHERE t.deleted_at IS NULL AND (@themeId IS NULL OR h.theme_id = @themeId)
       GROUP BY 1 ORDER BY passages DESC, 1`,
    )
    .all({ themeId: themeId ?? null }) as Array<{ outlet: string; passages: number }>
}
