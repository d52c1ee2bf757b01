import type { CellClaims } from '../../../shared/contract-claims'
import { COLUMN_SQL } from './matrix'
import type { ReadableDB } from '../db/types'

/** How a relation's name counts in a cell: the seeded names; renamed or added relations count as other. */
const AGREE = new Set(['supports', 'repeats', 'quotes'])
const DIFFER = new Set(['contradicts'])

/**
 * The typed links touching each Matrix cell: a link counts in a cell (round × theme) when one of
 * its passages is a highlight of that theme in an article reporting that round (the cell's
 * evidence), once per cell even when both ends are there. A sub-theme's passages count in its
 * parent's column, as the Matrix counts them. Links with an end in the trash are left out, as
 * passageLinks.list leaves them out.
 */
export function matrixClaims(db: ReadableDB, roundIds?: number[]): CellClaims[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT ar.round_id AS roundId, g.columnId AS themeId, l.id AS linkId, lower(rel.name) AS relation
       FROM passage_links l
       JOIN link_relations rel ON rel.id = l.relation_id
       JOIN highlights h ON h.id = l.from_highlight OR h.id = l.to_highlight
       JOIN (${COLUMN_SQL}) g ON g.themeId = h.theme_id
       JOIN article_rounds ar ON ar.article_id = h.article_id AND ar.role = 'reports'
       WHERE l.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM highlights a WHERE a.id = l.from_highlight)
         AND EXISTS (SELECT 1 FROM highlights b WHERE b.id = l.to_highlight)
         ${roundIds ? 'AND ar.round_id IN (SELECT value FROM json_each(?))' : ''}
       ORDER BY ar.round_id, g.columnId, l.id`,
    )
    .all(...(roundIds ? [JSON.stringify(roundIds)] : [])) as Array<{ roundId: number; themeId: number; linkId: number; relation: string }>
  const cells = new Map<string, CellClaims>()
  for (const r of rows) {
    const key = `${r.roundId}:${r.themeId}`
    let cell = cells.get(key)
    if (!cell) cells.set(key, (cell = { roundId: r.roundId, themeId: r.themeId, agree: 0, differ: 0, other: 0, linkIds: [] }))
    if (AGREE.has(r.relation)) cell.agree++
    else if (DIFFER.has(r.relation)) cell.differ++
    else cell.other++
    cell.linkIds.push(r.linkId)
  }
  return [...cells.values()]
}
