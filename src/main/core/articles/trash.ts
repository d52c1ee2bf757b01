import type { DeletedArticles, HighlightState, LinkKind } from '../../../shared/model'
import { cached } from '../db/statements'
import { errors, notFound } from '../errors'
import { extractLinks } from '../../../shared/editor/json'
import type { ReadableDB, WritableDB } from '../db/types'

/**
 * Deleting articles (issue 18). The article leaves `articles`, so everything that reads articles
 * (search, the matrix counts kept by triggers, rounds, timeline, suggestions, export) stops seeing
 * it with no filter of its own; its highlights, rejected suggestions and round memberships follow
 * by the foreign keys' cascades, and the note links to it are removed here. All of it is first
 * copied into `deleted_articles` (migration 010), so Undo (restoreArticles) puts back exactly what
 * was there, under the same ids that notes use to link and quote. The soft delete of themes and
 * notes keeps a row and a deleted_at; an article keeps its row here instead, with a deleted_at.
 */

type Row = Record<string, unknown>

/** Everything that goes with one article, as rows of their tables (columns as stored). */
interface Snapshot {
  version: 1
  article: Row
  highlights: Row[]
  rejections: Row[]
  rounds: Row[]
  exclusions: Row[]
  links: Row[]
  /** Articles that named this one as their earlier version (the foreign key clears it). */
  laterVersions: number[]
}

const ALL = (db: ReadableDB, sql: string, ...params: unknown[]): Row[] => db.prepare(sql).all(...params) as Row[]

function snapshotOf(db: ReadableDB, id: number): Snapshot | null {
  const article = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined
  if (!article) return null
  const highlights = ALL(db, 'SELECT * FROM highlights WHERE article_id = ? ORDER BY id', id)
  const highlightIds = JSON.stringify(highlights.map((h) => h.id))
  return {
    version: 1,
    article,
    highlights,
    rejections: ALL(db, 'SELECT * FROM suggestion_rejections WHERE article_id = ?', id),
    rounds: ALL(db, 'SELECT * FROM article_rounds WHERE article_id = ?', id),
    exclusions: ALL(db, 'SELECT * FROM round_exclusions WHERE article_id = ?', id),
    links: ALL(
      db,
      `SELECT * FROM note_links WHERE (kind = 'article' AND target_id = ?)
         OR (kind = 'highlight' AND target_id IN (SELECT value FROM json_each(?)))`,
      id,
      highlightIds,
    ),
    laterVersions: db.prepare('SELECT id FROM articles WHERE version_of = ? ORDER BY id').pluck().all(id) as number[],
  }
}

/** Deletes the articles and everything that belongs to them, in one transaction. */
export function deleteArticles(db: WritableDB, ids: number[], now: Date): DeletedArticles {
  const deletedAt = now.toISOString()
  return db.transaction(() => {
    const unique = [...new Set(ids)]
    const snapshots: Snapshot[] = []
    for (const id of unique) {
      const snapshot = snapshotOf(db, id)
      if (!snapshot) throw notFound(unique.length === 1 ? 'The article' : `Article ${id}`)
      snapshots.push(snapshot)
    }
    const keep = db.prepare(
      'INSERT OR REPLACE INTO deleted_articles (id, title, snapshot, highlight_max, deleted_at) VALUES (?, ?, ?, ?, ?)',
    )
    const unlink = db.prepare(
      `DELETE FROM note_links WHERE (kind = 'article' AND target_id = ?)
         OR (kind = 'highlight' AND target_id IN (SELECT id FROM highlights WHERE article_id = ?))`,
    )
    const remove = db.prepare('DELETE FROM articles WHERE id = ?')
    const notes = new Set<unknown>()
    const rounds = new Set<unknown>()
    let highlights = 0
    for (const s of snapshots) {
      const id = s.article.id as number
      const highlightMax = Math.max(0, ...s.highlights.map((h) => h.id as number))
      keep.run(id, s.article.title, JSON.stringify(s), highlightMax, deletedAt)
      unlink.run(id, id)
      remove.run(id)
      highlights += s.highlights.length
      for (const l of s.links) notes.add(l.note_id)
      for (const r of s.rounds) rounds.add(r.round_id)
    }
    return { ids: unique, highlights, notes: notes.size, rounds: rounds.size, deletedAt }
  })()
}

/** Derives a note's links from its stored content again, as saving it does (notes/repo.ts). */
function relinkNote(db: WritableDB, id: number): void {
  const content = db.prepare('SELECT content FROM notes WHERE id = ?').pluck().get(id) as string | undefined
  if (content === undefined) return
  let parsed: unknown
  try {
    parsed = JSON.parse(content)
  } catch {
    return
  }
  db.prepare('DELETE FROM note_links WHERE note_id = ?').run(id)
  const insert = db.prepare('INSERT INTO note_links (note_id, kind, target_id, context) VALUES (?, ?, ?, ?)')
  for (const link of extractLinks(parsed)) insert.run(id, link.kind, link.targetId, link.context)
}

/** Column names of a table, to put back only the snapshot's columns the table still has. */
function columnsOf(db: ReadableDB, table: string): Set<string> {
  return new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map(String))
}

function inserter(db: WritableDB, table: string, orIgnore = false): (row: Row) => number {
  const known = columnsOf(db, table)
  const statements = new Map<string, ReturnType<WritableDB['prepare']>>()
  return (row) => {
    const cols = Object.keys(row).filter((c) => known.has(c))
    const key = cols.join(',')
    let statement = statements.get(key)
    if (!statement) {
      // Column names come from this table's own schema (filtered above), never from input.
      const names = cols.map((c) => `"${c}"`).join(', ')
      const values = cols.map((c) => `@${c}`).join(', ')
      statement = db.prepare(`INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO ${table} (${names}) VALUES (${values})`)
      statements.set(key, statement)
    }
    const params = Object.fromEntries(cols.map((c) => [c, row[c]]))
    return Number(statement.run(params).lastInsertRowid)
  }
}

/**
 * Undo: puts the articles back with everything that went with them. Links and memberships whose
 * other end has gone since (a round deleted, a note purged) are left out; a highlight whose theme
 * was deleted comes back uncoded, as the foreign key would have left it.
 */
export function restoreArticles(db: WritableDB, ids: number[]): DeletedArticles {
  return db.transaction(() => {
    const unique = [...new Set(ids)]
    const get = db.prepare('SELECT snapshot, deleted_at FROM deleted_articles WHERE id = ?')
    const article = inserter(db, 'articles')
    const highlight = inserter(db, 'highlights')
    const rejection = inserter(db, 'suggestion_rejections', true)
    const member = inserter(db, 'article_rounds', true)
    const exclusion = inserter(db, 'round_exclusions', true)
    const exists = (table: string) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck()
    const [themeExists, roundExists, noteExists, highlightTaken] = [
      exists('themes'),
      exists('rounds'),
      exists('notes'),
      exists('highlights'),
    ]
    const byHash = db.prepare('SELECT id, title FROM articles WHERE content_hash = ?')
    const articleExists = exists('articles')
    const later = db.prepare('UPDATE articles SET version_of = ? WHERE id = ? AND version_of IS NULL')
    const relink = new Set<number>()
    let highlights = 0
    let deletedAt = ''
    const rounds = new Set<unknown>()
    for (const id of unique) {
      const stored = get.get(id) as { snapshot: string; deleted_at: string } | undefined
      if (!stored) throw notFound(unique.length === 1 ? 'The deleted article' : `Deleted article ${id}`)
      const s = JSON.parse(stored.snapshot) as Snapshot
      deletedAt = stored.deleted_at
      const again = byHash.get(s.article.content_hash) as { id: number; title: string } | undefined
      if (again) {
        throw errors.conflict(
          `“${String(s.article.title)}” was imported again after it was deleted (as “${again.title}”); delete that copy first to bring this one back.`,
        )
      }
      const versionOf = s.article.version_of as number | null
      article({ ...s.article, version_of: versionOf !== null && articleExists.get(versionOf) ? versionOf : null })
      for (const h of s.highlights) {
        const themeId = h.theme_id as number | null
        const row = { ...h, theme_id: themeId !== null && themeExists.get(themeId) ? themeId : null }
        // New highlights are numbered above the trash's (highlight_max), so the id is free unless an
        // older notebook reused it; then the passage comes back under a new id rather than not at all.
        if (highlightTaken.get(h.id)) delete (row as Partial<Row>).id
        highlight(row)
        highlights++
      }
      for (const r of s.rejections) if (themeExists.get(r.theme_id)) rejection(r)
      for (const r of s.rounds) {
        if (!roundExists.get(r.round_id)) continue
        member(r)
        rounds.add(r.round_id)
      }
      for (const r of s.exclusions) if (roundExists.get(r.round_id)) exclusion(r)
      for (const l of s.links) if (noteExists.get(l.note_id)) relink.add(l.note_id as number)
      for (const v of s.laterVersions) later.run(id, v)
      db.prepare('DELETE FROM deleted_articles WHERE id = ?').run(id)
    }
    // The links come back from the notes' own content, which may have changed while the article
    // was away: what the note says now is what its links are.
    for (const noteId of relink) relinkNote(db, noteId)
    return { ids: unique, highlights, notes: relink.size, rounds: rounds.size, deletedAt }
  })()
}

/**
 * The id for a new article or highlight: above every id in use and every id kept in the trash, so
 * a deleted article (and its quoted passages) can come back under its own ids. SQLite alone would
 * hand out the largest deleted id again.
 */
export function nextId(db: ReadableDB, table: 'articles' | 'highlights'): number {
  const trash = table === 'articles' ? 'max(id)' : 'max(highlight_max)'
  const sql = `SELECT max(coalesce((SELECT max(id) FROM ${table}), 0), coalesce((SELECT ${trash} FROM deleted_articles), 0)) + 1 AS id`
  return (cached(db, sql).get() as { id: number }).id
}

/**
 * Quotes whose highlight is gone say why: when its article was deleted (it is in the trash), the
 * state names that article, so the note can say "the source article was deleted".
 */
export function withTrashedHighlights(db: ReadableDB, states: HighlightState[]): HighlightState[] {
  const trashed = db
    .prepare(
      `SELECT id FROM deleted_articles WHERE highlight_max >= ?
         AND EXISTS (SELECT 1 FROM json_each(snapshot, '$.highlights') WHERE json_extract(value, '$.id') = ?)`,
    )
    .pluck()
  return states.map((s) => {
    if (s.exists) return s
    const article = trashed.get(s.id, s.id) as number | undefined
    return article === undefined ? s : { ...s, articleId: article, articleDeleted: true }
  })
}

/** Links to a deleted article say what it was (its title is kept in the trash) and that it was deleted. */
export function withTrashedArticles<T extends { kind: LinkKind; id: number; title: string | null }>(
  db: ReadableDB,
  resolved: T[],
): Array<T & { deleted?: boolean; was?: string }> {
  const trashed = db.prepare('SELECT title FROM deleted_articles WHERE id = ?').pluck()
  return resolved.map((r) => {
    if (r.title !== null || r.kind !== 'article') return r
    const was = trashed.get(r.id) as string | undefined
    return was === undefined ? r : { ...r, deleted: true, was }
  })
}
