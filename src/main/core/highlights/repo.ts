import type { Highlight } from '../../../shared/model'
import { cached } from '../db/statements'
import { invalidInput, notFound } from '../errors'
import { requireLiveTheme } from '../themes/repo'
import { anchor, describe, type Selector } from './anchor'
import { nextId } from '../articles/trash'
import type { ReadableDB, WritableDB } from '../db/types'

/** A row of `highlights`: the model's fields, the compound names in snake case. */
type HighlightRow = Pick<Highlight, 'id' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'comment' | 'anchor'> & {
  article_id: number
  theme_id: number | null
  created_at: string
  updated_at: string
}

const toHighlight = (r: HighlightRow): Highlight => ({
  id: r.id,
  articleId: r.article_id,
  themeId: r.theme_id,
  start: r.start,
  end: r.end,
  exact: r.exact,
  prefix: r.prefix,
  suffix: r.suffix,
  comment: r.comment,
  anchor: r.anchor,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

function bodyOf(db: ReadableDB, articleId: number): string {
  const body = db.prepare('SELECT body FROM articles WHERE id = ?').pluck().get(articleId) as string | undefined
  if (body === undefined) throw notFound('The article')
  return body
}

function checkSpan(body: string, start: number, end: number): void {
  if (end > body.length) throw invalidInput(`The passage ends at ${end}, after the end of the article (${body.length}).`)
  if (!body.slice(start, end).trim()) throw invalidInput('A highlight needs some text, not only spaces.')
}

/** Highlights of live (or no) themes; a highlight of a deleted theme comes back when the theme is restored. */
export function listHighlights(db: ReadableDB, articleId: number): Highlight[] {
  const rows = db
    .prepare(
      `SELECT h.* FROM highlights h LEFT JOIN themes t ON t.id = h.theme_id
       WHERE h.article_id = ? AND (h.theme_id IS NULL OR t.deleted_at IS NULL) ORDER BY h.start, h.end, h.id`,
    )
    .all(articleId) as HighlightRow[]
  return rows.map(toHighlight)
}

export function getHighlight(db: ReadableDB, id: number): Highlight {
  const row = db.prepare('SELECT * FROM highlights WHERE id = ?').get(id) as HighlightRow | undefined
  if (!row) throw notFound('The highlight')
  return toHighlight(row)
}

export interface NewHighlight {
  articleId: number
  start: number
  end: number
  themeId: number | null
  comment?: string
  id?: number
  createdAt?: string
}

export function createHighlight(db: WritableDB, input: NewHighlight, now: Date): Highlight {
  return db.transaction(() => {
    const body = bodyOf(db, input.articleId)
    checkSpan(body, input.start, input.end)
    requireLiveTheme(db, input.themeId)
    const s = describe(body, input.start, input.end)
    const info = db
      .prepare(
        `INSERT INTO highlights (id, article_id, theme_id, start, "end", exact, prefix, suffix, comment, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.id ?? nextId(db, 'highlights'),
        input.articleId,
        input.themeId,
        s.start,
        s.end,
        s.exact,
        s.prefix,
        s.suffix,
        input.comment ?? '',
        input.createdAt ?? now.toISOString(),
        now.toISOString(),
      )
    return getHighlight(db, Number(info.lastInsertRowid))
  })()
}

/** A passage already found in the stored body (import's marks), with its theme found or made. */
export interface FoundHighlight {
  /** Defaults to nextId: above the ids in use and those kept in the trash for Undo. */
  id?: number
  articleId: number
  themeId: number | null
  selector: Selector
  comment: string
  /** ISO time, for both created_at and updated_at. */
  at: string
}

/**
 * Stores one highlight as it was found, inside the caller's transaction (import stores an article
 * and its marks as one). No checks beyond the table's: the caller anchored it on the body it just
 * stored and found or made its theme. Import runs it up to MAX_MARKS_PER_FILE times per file, so
 * the statement is prepared once per connection (preparing cost more than the insert).
 */
export function insertHighlight(db: WritableDB, h: FoundHighlight): number {
  const { start, end, exact, prefix, suffix } = h.selector
  const info = cached(
    db,
    `INSERT INTO highlights (id, article_id, theme_id, start, "end", exact, prefix, suffix, comment, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(h.id ?? nextId(db, 'highlights'), h.articleId, h.themeId, start, end, exact, prefix, suffix, h.comment, h.at, h.at)
  return Number(info.lastInsertRowid)
}

export interface HighlightPatch {
  themeId?: number | null
  comment?: string
  start?: number
  end?: number
}

export function updateHighlight(db: WritableDB, id: number, patch: HighlightPatch, now: Date): Highlight {
  return db.transaction(() => {
    const current = getHighlight(db, id)
    if (patch.themeId !== undefined) requireLiveTheme(db, patch.themeId)
    let selector = { start: current.start, end: current.end, exact: current.exact, prefix: current.prefix, suffix: current.suffix }
    if (patch.start !== undefined && patch.end !== undefined) {
      const body = bodyOf(db, current.articleId)
      checkSpan(body, patch.start, patch.end)
      selector = describe(body, patch.start, patch.end)
    }
    db.prepare(
      `UPDATE highlights SET theme_id = ?, comment = ?, start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?,
         anchor = CASE WHEN ? THEN 'anchored' ELSE anchor END, updated_at = ? WHERE id = ?`,
    ).run(
      patch.themeId !== undefined ? patch.themeId : current.themeId,
      patch.comment ?? current.comment,
      selector.start,
      selector.end,
      selector.exact,
      selector.prefix,
      selector.suffix,
      patch.start !== undefined ? 1 : 0,
      now.toISOString(),
      id,
    )
    return getHighlight(db, id)
  })()
}

export function deleteHighlight(db: WritableDB, id: number): Highlight {
  const highlight = getHighlight(db, id)
  db.prepare('DELETE FROM highlights WHERE id = ?').run(id)
  return highlight
}

/**
 * Re-anchors an article's highlights after its body changed, in one transaction. A highlight
 * that cannot be found is marked orphan and kept with its stored text, never dropped.
 */
export function reanchorArticle(db: WritableDB, articleId: number, now: Date): { moved: number; orphaned: number } {
  return db.transaction(() => {
    const body = bodyOf(db, articleId)
    let moved = 0
    let orphaned = 0
    const rows = db.prepare('SELECT * FROM highlights WHERE article_id = ?').all(articleId) as HighlightRow[]
    for (const row of rows) {
      const found = anchor(body, { start: row.start, end: row.end, exact: row.exact, prefix: row.prefix, suffix: row.suffix })
      if (found.how === 'position') continue
      if (found.how === 'orphan') {
        orphaned++
        db.prepare("UPDATE highlights SET anchor = 'orphan', updated_at = ? WHERE id = ?").run(now.toISOString(), row.id)
        continue
      }
      moved++
      const s = describe(body, found.start, found.end)
      db.prepare(
        `UPDATE highlights SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, anchor = 'anchored', updated_at = ? WHERE id = ?`,
      ).run(s.start, s.end, s.exact, s.prefix, s.suffix, now.toISOString(), row.id)
    }
    return { moved, orphaned }
  })()
}
