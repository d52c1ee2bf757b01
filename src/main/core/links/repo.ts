import type { LinkEnd, LinkRelation, PassageLink } from '../../../shared/contract-claims'
import { errors, invalidInput, notFound } from '../errors'
import type { ReadableDB, WritableDB } from '../db/types'

/**
 * Typed links between passages (migration 013). A link is shown while it is not deleted and both
 * of its highlights exist; deleting a highlight or an article hides the links that touch it
 * (deleted_with says which), and the matching undo brings back exactly those.
 */

interface LinkRow {
  id: number
  from_highlight: number
  to_highlight: number
  relation_id: number
  relation: string
  inverse: string
  note: string
  created_at: string
}

interface EndRow {
  id: number
  article_id: number
  start: number
  end: number
  exact: string
  title: string
  outlet: string | null
  published: string | null
}

const END_SQL = `SELECT h.id, h.article_id, h.start, h."end", h.exact, a.title, a.outlet, a.published
  FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id IN (SELECT value FROM json_each(?))`

const LINK_SQL = `SELECT l.id, l.from_highlight, l.to_highlight, l.relation_id, r.name AS relation, r.inverse, l.note, l.created_at
  FROM passage_links l JOIN link_relations r ON r.id = l.relation_id
  WHERE l.deleted_at IS NULL
    AND EXISTS (SELECT 1 FROM highlights WHERE id = l.from_highlight)
    AND EXISTS (SELECT 1 FROM highlights WHERE id = l.to_highlight)`

/** A link's end (a highlight with its article's citation) from its row. */
const toEnd = (e: EndRow): LinkEnd => ({
  highlightId: e.id,
  articleId: e.article_id,
  title: e.title,
  outlet: e.outlet,
  published: e.published,
  exact: e.exact,
  start: e.start,
  end: e.end,
})

function withEnds(db: ReadableDB, rows: LinkRow[]): PassageLink[] {
  if (!rows.length) return []
  const ids = [...new Set(rows.flatMap((r) => [r.from_highlight, r.to_highlight]))]
  const ends = new Map<number, LinkEnd>()
  for (const e of db.prepare(END_SQL).all(JSON.stringify(ids)) as EndRow[]) ends.set(e.id, toEnd(e))
  const out: PassageLink[] = []
  for (const r of rows) {
    const from = ends.get(r.from_highlight)
    const to = ends.get(r.to_highlight)
    if (!from || !to) continue
    out.push({
      id: r.id,
      relationId: r.relation_id,
      relation: r.relation,
      inverse: r.inverse,
      note: r.note,
      createdAt: r.created_at,
      from,
      to,
    })
  }
  return out
}

export interface LinkFilter {
  highlightId?: number
  articleId?: number
  roundId?: number
  limit?: number
}

/** Links touching a highlight, an article's highlights, a round's articles' highlights, or all; newest first. */
export function listLinks(db: ReadableDB, filter: LinkFilter = {}): PassageLink[] {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.highlightId !== undefined) {
    where.push('(l.from_highlight = ? OR l.to_highlight = ?)')
    params.push(filter.highlightId, filter.highlightId)
  }
  if (filter.articleId !== undefined) {
    where.push(`(l.from_highlight IN (SELECT id FROM highlights WHERE article_id = ?)
      OR l.to_highlight IN (SELECT id FROM highlights WHERE article_id = ?))`)
    params.push(filter.articleId, filter.articleId)
  }
  if (filter.roundId !== undefined) {
    const inRound = `SELECT h.id FROM highlights h JOIN article_rounds ar ON ar.article_id = h.article_id WHERE ar.round_id = ?`
    where.push(`(l.from_highlight IN (${inRound}) OR l.to_highlight IN (${inRound}))`)
    params.push(filter.roundId, filter.roundId)
  }
  const sql = `${LINK_SQL}${where.map((w) => ` AND ${w}`).join('')} ORDER BY l.id DESC LIMIT ?`
  return withEnds(db, db.prepare(sql).all(...params, filter.limit ?? 1000) as LinkRow[])
}

function getLink(db: ReadableDB, id: number): PassageLink {
  const [link] = withEnds(db, db.prepare(`${LINK_SQL} AND l.id = ?`).all(id) as LinkRow[])
  if (!link) throw notFound('The link')
  return link
}

function requireRelation(db: ReadableDB, id: number): void {
  const live = db.prepare('SELECT deleted_at IS NULL FROM link_relations WHERE id = ?').pluck().get(id) as number | undefined
  if (live === undefined) throw notFound('The relation')
  if (!live) throw invalidInput('That relation was deleted; choose another one or restore it.')
}

export interface NewLink {
  fromId: number
  toId: number
  relationId: number
  note?: string
}

export function createLink(db: WritableDB, input: NewLink, now: Date): PassageLink {
  return db.transaction(() => {
    if (input.fromId === input.toId) throw invalidInput('A passage cannot be linked to itself.')
    const exists = db.prepare('SELECT 1 FROM highlights WHERE id = ?').pluck()
    if (!exists.get(input.fromId) || !exists.get(input.toId)) throw notFound('The highlight')
    requireRelation(db, input.relationId)
    const same = db
      .prepare(
        `SELECT id FROM passage_links WHERE deleted_at IS NULL AND relation_id = ?
           AND ((from_highlight = ? AND to_highlight = ?) OR (from_highlight = ? AND to_highlight = ?))`,
      )
      .pluck()
      .get(input.relationId, input.fromId, input.toId, input.toId, input.fromId) as number | undefined
    if (same !== undefined) throw errors.conflict('These two passages already have this link.')
    const info = db
      .prepare('INSERT INTO passage_links (from_highlight, to_highlight, relation_id, note, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.fromId, input.toId, input.relationId, input.note ?? '', now.toISOString())
    return getLink(db, Number(info.lastInsertRowid))
  })()
}

/**
 * One row changed in one transaction: read as it is (`get` throws when it is gone), `values` checks
 * the change and gives the UPDATE's parameters (each patched field or its current value), then the
 * row is written (`sql` ends in `WHERE id = ?`) and read back. Links and relations are changed so.
 */
function changeRow<T>(
  db: WritableDB,
  get: (db: ReadableDB, id: number) => T,
  id: number,
  sql: string,
  values: (current: T) => unknown[],
): T {
  return db.transaction(() => {
    db.prepare(sql).run(...values(get(db, id)), id)
    return get(db, id)
  })()
}

export function updateLink(db: WritableDB, id: number, patch: { relationId?: number; note?: string }): PassageLink {
  return changeRow(db, getLink, id, 'UPDATE passage_links SET relation_id = ?, note = ? WHERE id = ?', (current) => {
    if (patch.relationId !== undefined) requireRelation(db, patch.relationId)
    return [patch.relationId ?? current.relationId, patch.note ?? current.note]
  })
}

/** Hides the link (Undo: restoreLink); returns it as it was. */
export function deleteLink(db: WritableDB, id: number, now: Date): PassageLink {
  const link = getLink(db, id)
  db.prepare("UPDATE passage_links SET deleted_at = ?, deleted_with = 'link' WHERE id = ?").run(now.toISOString(), id)
  return link
}

export function restoreLink(db: WritableDB, id: number): PassageLink {
  const row = db.prepare('SELECT deleted_with FROM passage_links WHERE id = ?').get(id) as { deleted_with: string | null } | undefined
  if (!row) throw notFound('The link')
  db.prepare('UPDATE passage_links SET deleted_at = NULL, deleted_with = NULL WHERE id = ?').run(id)
  return getLink(db, id)
}

/**
 * Hides the links of these highlights because they are being deleted (with the highlight alone, or
 * with their article). Called in the same transaction as the delete.
 */
export function hideLinksOf(db: WritableDB, highlightIds: number[], cause: 'highlight' | 'article', now: Date): number {
  if (!highlightIds.length) return 0
  return db
    .prepare(
      `UPDATE passage_links SET deleted_at = ?, deleted_with = ?
       WHERE deleted_at IS NULL AND (from_highlight IN (SELECT value FROM json_each(?)) OR to_highlight IN (SELECT value FROM json_each(?)))`,
    )
    .run(now.toISOString(), cause, JSON.stringify(highlightIds), JSON.stringify(highlightIds)).changes
}

/** Undo of hideLinksOf: the links it hid come back once both of their passages exist again. */
export function showLinksOf(db: WritableDB, highlightIds: number[], cause: 'highlight' | 'article'): number {
  if (!highlightIds.length) return 0
  return db
    .prepare(
      `UPDATE passage_links SET deleted_at = NULL, deleted_with = NULL
       WHERE deleted_with = ? AND (from_highlight IN (SELECT value FROM json_each(?)) OR to_highlight IN (SELECT value FROM json_each(?)))
         AND EXISTS (SELECT 1 FROM highlights WHERE id = from_highlight) AND EXISTS (SELECT 1 FROM highlights WHERE id = to_highlight)`,
    )
    .run(cause, JSON.stringify(highlightIds), JSON.stringify(highlightIds)).changes
}

/** Highlight ids of these articles (before they are deleted, or after they are restored). */
export function highlightIdsOf(db: ReadableDB, articleIds: number[]): number[] {
  return db
    .prepare('SELECT id FROM highlights WHERE article_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(articleIds)) as number[]
}

interface RelationRow {
  id: number
  name: string
  inverse: string
  position: number
  deleted_at: string | null
}

const toRelation = (r: RelationRow): LinkRelation => ({
  id: r.id,
  name: r.name,
  inverse: r.inverse,
  position: r.position,
  deleted: r.deleted_at !== null,
})

export function listRelations(db: ReadableDB): LinkRelation[] {
  return (db.prepare('SELECT * FROM link_relations WHERE deleted_at IS NULL ORDER BY position, id').all() as RelationRow[]).map(toRelation)
}

function getRelation(db: ReadableDB, id: number): LinkRelation {
  const row = db.prepare('SELECT * FROM link_relations WHERE id = ?').get(id) as RelationRow | undefined
  if (!row) throw notFound('The relation')
  return toRelation(row)
}

function checkName(db: ReadableDB, name: string, except: number | null): void {
  const taken = db
    .prepare('SELECT id FROM link_relations WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE AND id IS NOT ?')
    .pluck()
    .get(name, except)
  if (taken !== undefined) throw errors.conflict(`There is already a relation named “${name}”.`)
}

export function createRelation(db: WritableDB, input: { name: string; inverse?: string }): LinkRelation {
  return db.transaction(() => {
    checkName(db, input.name, null)
    const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 FROM link_relations').pluck().get() as number) ?? 1
    const info = db
      .prepare('INSERT INTO link_relations (name, inverse, position) VALUES (?, ?, ?)')
      .run(input.name, input.inverse ?? '', position)
    return getRelation(db, Number(info.lastInsertRowid))
  })()
}

export function updateRelation(db: WritableDB, id: number, patch: { name?: string; inverse?: string }): LinkRelation {
  return changeRow(db, getRelation, id, 'UPDATE link_relations SET name = ?, inverse = ? WHERE id = ?', (current) => {
    if (patch.name !== undefined) checkName(db, patch.name, id)
    return [patch.name ?? current.name, patch.inverse ?? current.inverse]
  })
}

/** Soft delete: not offered any more; links made with it keep it (restoreRelation undoes). */
export function deleteRelation(db: WritableDB, id: number, now: Date): LinkRelation {
  getRelation(db, id)
  db.prepare('UPDATE link_relations SET deleted_at = ? WHERE id = ?').run(now.toISOString(), id)
  return getRelation(db, id)
}

export function restoreRelation(db: WritableDB, id: number): LinkRelation {
  // Its name may have been taken by another relation meanwhile.
  return changeRow(db, getRelation, id, 'UPDATE link_relations SET deleted_at = NULL WHERE id = ?', (current) => {
    checkName(db, current.name, id)
    return []
  })
}

/** Every shown link, for the export (same rule as the app: both passages exist). */
export function allLinks(db: ReadableDB): PassageLink[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'passage_links'").get()
  if (!has) return []
  return withEnds(db, db.prepare(`${LINK_SQL} ORDER BY l.id`).all() as LinkRow[])
}

/**
 * Passages a link can point to: highlights whose text, article title or outlet contains the query
 * (every highlight, coded or not; newest first without a query), leaving out `except`.
 */
export function passageTargets(db: ReadableDB, query: string, limit: number, except?: number): LinkEnd[] {
  const like = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = db
    .prepare(
      `SELECT h.id, h.article_id, h.start, h."end", h.exact, a.title, a.outlet, a.published
       FROM highlights h JOIN articles a ON a.id = h.article_id
       WHERE h.id IS NOT ? AND (h.exact LIKE ? ESCAPE '\\' OR a.title LIKE ? ESCAPE '\\' OR coalesce(a.outlet, '') LIKE ? ESCAPE '\\')
       ORDER BY h.id DESC LIMIT ?`,
    )
    .all(except ?? null, like, like, like, limit) as EndRow[]
  return rows.map(toEnd)
}
