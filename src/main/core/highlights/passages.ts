import type { PassageRow, PassageSort } from '../../../shared/model'
import type { Db } from '../db/open'

export interface PassageFilter {
  themeId?: number
  roundId?: number
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
export function listPassages(db: Db, f: PassageFilter): { passages: PassageRow[]; total: number } {
  const where = ['t.deleted_at IS NULL']
  const params: Record<string, unknown> = { limit: f.limit }
  if (f.themeId !== undefined) {
    where.push('h.theme_id = @themeId')
    params.themeId = f.themeId
  }
  if (f.roundId !== undefined) {
    where.push('h.article_id IN (SELECT article_id FROM article_rounds WHERE round_id = @roundId)')
    params.roundId = f.roundId
  }
  if (f.outlet !== undefined) {
    where.push("coalesce(a.outlet, '') = @outlet")
    params.outlet = f.outlet
  }
  if (f.from !== undefined) {
    where.push('a.published >= @from')
    params.from = f.from
  }
  if (f.to !== undefined) {
    where.push('a.published <= @to')
    params.to = f.to
  }
  const from = `FROM highlights h JOIN themes t ON t.id = h.theme_id JOIN articles a ON a.id = h.article_id WHERE ${where.join(' AND ')}`
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
    passages: rows.map(({ rounds, anchor, ...r }) => ({
      ...r,
      orphan: anchor === 'orphan',
      rounds: JSON.parse(rounds) as PassageRow['rounds'],
    })),
  }
}

/** The outlets that have coded passages, for the filter (with how many passages each). */
export function passageOutlets(db: Db, themeId?: number): Array<{ outlet: string; passages: number }> {
  return db
    .prepare(
      `SELECT coalesce(a.outlet, '') AS outlet, count(*) AS passages
       FROM highlights h JOIN themes t ON t.id = h.theme_id JOIN articles a ON a.id = h.article_id
       WHERE t.deleted_at IS NULL AND (@themeId IS NULL OR h.theme_id = @themeId)
       GROUP BY 1 ORDER BY passages DESC, 1`,
    )
    .all({ themeId: themeId ?? null }) as Array<{ outlet: string; passages: number }>
}
