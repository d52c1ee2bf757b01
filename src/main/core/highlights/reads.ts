import type { Highlight } from '../../../shared/model'
import type { ReadableDB } from '../db/types'

/**
 * Whole-notebook reads of highlights (the export's), kept apart from repo.ts while that file is
 * being changed by another piece of work; they belong in repo.ts when it is free.
 */

/**
 * Every highlight of a live theme or of none, by article and position. Highlights of deleted themes
 * are hidden in the app until the theme comes back (listHighlights), so here too.
 */
export function allLiveHighlights(db: ReadableDB): Highlight[] {
  return db
    .prepare(
      `SELECT h.id, h.article_id AS articleId, h.theme_id AS themeId, h.start, h."end", h.exact, h.prefix, h.suffix,
         h.comment, h.anchor, h.created_at AS createdAt, h.updated_at AS updatedAt
       FROM highlights h LEFT JOIN themes t ON t.id = h.theme_id
       WHERE h.theme_id IS NULL OR t.deleted_at IS NULL ORDER BY h.article_id, h.start, h."end", h.id`,
    )
    .all() as Highlight[]
}
