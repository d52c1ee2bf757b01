import type { Backlink, HighlightState, LinkKind, LinkTarget, Note, NoteSummary } from '../../../shared/model'
import { cleanNoteContent } from '../../../shared/editor/clean'
import { extractLinks, plainText, EMPTY_NOTE } from '../../../shared/editor/json'
import { invalidInput, notFound } from '../errors'
import { hasPrefix, toFtsQuery } from '../search/fts'
import type { ReadableDB, WritableDB } from '../db/types'

interface NoteRow {
  id: number
  title: string
  content: string
  plain: string
  round_id: number | null
  theme_id: number | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

const summary = (r: NoteRow): NoteSummary => ({
  id: r.id,
  title: r.title,
  excerpt: r.plain.slice(0, 160),
  roundId: r.round_id,
  themeId: r.theme_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

function parseContent(json: string): unknown {
  try {
    return JSON.parse(json) as unknown
  } catch {
    return EMPTY_NOTE
  }
}

function row(db: ReadableDB, id: number, options: { deleted?: boolean } = {}): NoteRow {
  const r = db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined
  if (!r || (r.deleted_at !== null && !options.deleted)) throw notFound('The note')
  return r
}

export function getNote(db: ReadableDB, id: number): Note {
  const r = row(db, id)
  // Cleaned on the way out too: a note saved before saves were cleaned may hold styles or script links.
  return { ...summary(r), content: cleanNoteContent(parseContent(r.content)) }
}

/**
 * Every live note with its content (cleaned as getNote's), oldest first: what the export writes.
 * None in a store made before notes (migration 005).
 */
export function allNotes(db: ReadableDB): Note[] {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notes'").get()) return []
  return (db.prepare('SELECT * FROM notes WHERE deleted_at IS NULL ORDER BY id').all() as NoteRow[]).map((r) => ({
    ...summary(r),
    content: cleanNoteContent(parseContent(r.content)),
  }))
}

export function listNotes(db: ReadableDB, query?: string): NoteSummary[] {
  const fts = query ? toFtsQuery(query) : null
  if (query && !fts) return []
  // A prefix matches words as written on the unstemmed index (migration 012), as article search does.
  const table = fts && hasPrefix(fts) ? 'notes_fts_exact' : 'notes_fts'
  const rows = fts
    ? (db
        .prepare(
          `SELECT n.* FROM ${table} JOIN notes n ON n.id = ${table}.rowid
           WHERE ${table} MATCH ? AND n.deleted_at IS NULL ORDER BY bm25(${table}, 5.0, 1.0) LIMIT 200`,
        )
        .all(fts) as NoteRow[])
    : (db.prepare('SELECT * FROM notes WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC').all() as NoteRow[])
  return rows.map(summary)
}

/**
 * Writes content, its plain text and its links in one transaction: backlinks never disagree with the note.
 * Unsafe links and inline styles are dropped here, whoever sent the content (see shared/editor/clean.ts).
 */
function writeContent(db: WritableDB, id: number, title: string, dirty: unknown, now: string): void {
  const content = cleanNoteContent(dirty)
  const json = JSON.stringify(content)
  db.prepare('UPDATE notes SET title = ?, content = ?, plain = ?, updated_at = ? WHERE id = ?').run(
    title,
    json,
    plainText(content),
    now,
    id,
  )
  db.prepare('DELETE FROM note_links WHERE note_id = ?').run(id)
  const insert = db.prepare('INSERT INTO note_links (note_id, kind, target_id, context) VALUES (?, ?, ?, ?)')
  for (const link of extractLinks(content)) insert.run(id, link.kind, link.targetId, link.context)
}

export interface NewNote {
  title?: string
  content?: unknown
  roundId?: number
  themeId?: number
}

export function createNote(db: WritableDB, input: NewNote, now: Date): Note {
  return db.transaction(() => {
    const stamp = now.toISOString()
    const info = db
      .prepare("INSERT INTO notes (title, content, round_id, theme_id, created_at, updated_at) VALUES (?, '{}', ?, ?, ?, ?)")
      .run(input.title?.trim() || 'Untitled note', input.roundId ?? null, input.themeId ?? null, stamp, stamp)
    const id = Number(info.lastInsertRowid)
    writeContent(db, id, input.title?.trim() || 'Untitled note', input.content ?? EMPTY_NOTE, stamp)
    return getNote(db, id)
  })()
}

export function saveNote(db: WritableDB, id: number, patch: { title?: string; content?: unknown }, now: Date): NoteSummary {
  return db.transaction(() => {
    const current = row(db, id)
    const title = patch.title === undefined ? current.title : patch.title.trim() || 'Untitled note'
    const content = patch.content === undefined ? parseContent(current.content) : patch.content
    writeContent(db, id, title, content, now.toISOString())
    return summary(row(db, id))
  })()
}

export function deleteNote(db: WritableDB, id: number, now: Date): NoteSummary {
  const r = row(db, id)
  db.prepare('UPDATE notes SET deleted_at = ? WHERE id = ?').run(now.toISOString(), id)
  return summary(r)
}

export function restoreNote(db: WritableDB, id: number): NoteSummary {
  row(db, id, { deleted: true })
  db.prepare('UPDATE notes SET deleted_at = NULL WHERE id = ?').run(id)
  return summary(row(db, id))
}

/** The note of a matrix cell, created on first use. */
export function cellNote(db: WritableDB, roundId: number, themeId: number, title: string, now: Date): Note {
  const existing = db
    .prepare('SELECT id FROM notes WHERE round_id = ? AND theme_id = ? AND deleted_at IS NULL')
    .pluck()
    .get(roundId, themeId) as number | undefined
  return existing ? getNote(db, existing) : createNote(db, { title, roundId, themeId }, now)
}

export function backlinks(db: ReadableDB, kind: Backlink['kind'], id: number): Backlink[] {
  return db
    .prepare(
      `SELECT l.note_id AS noteId, n.title AS noteTitle, l.kind, l.context FROM note_links l JOIN notes n ON n.id = l.note_id
       WHERE l.kind = ? AND l.target_id = ? AND n.deleted_at IS NULL ORDER BY n.updated_at DESC`,
    )
    .all(kind, id) as Backlink[]
}

/** Appends a quote of a highlight at the end of a note ("Quote in note"), as an evidence block. */
export function appendQuote(db: WritableDB, noteId: number, highlightId: number, now: Date): Note {
  return db.transaction(() => {
    const note = getNote(db, noteId)
    const h = db
      .prepare(
        'SELECT h.id, h.article_id, h.exact, a.title, a.outlet, a.published FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = ?',
      )
      .get(highlightId) as
      { id: number; article_id: number; exact: string; title: string; outlet: string | null; published: string | null } | undefined
    if (!h) throw notFound('The highlight')
    const content = note.content as { root?: { children?: unknown[] } }
    if (!content.root || !Array.isArray(content.root.children)) throw invalidInput('The note cannot take a quote.')
    content.root.children.push({
      type: 'parley-evidence',
      version: 1,
      highlightId: h.id,
      articleId: h.article_id,
      text: h.exact,
      title: h.title,
      outlet: h.outlet,
      published: h.published,
    })
    writeContent(db, noteId, note.title, content, now.toISOString())
    return getNote(db, noteId)
  })()
}

export function highlightStates(db: ReadableDB, ids: number[]): HighlightState[] {
  const get = db.prepare('SELECT id, exact, article_id, anchor FROM highlights WHERE id = ?')
  return ids.map((id) => {
    const r = get.get(id) as { id: number; exact: string; article_id: number; anchor: string } | undefined
    return r
      ? { id, exists: true, exact: r.exact, articleId: r.article_id, orphan: r.anchor === 'orphan' }
      : { id, exists: false, exact: null, articleId: null, orphan: false }
  })
}

/** Fuzzy subsequence score: every query character in order; word starts and runs score higher. */
export function fuzzyScore(query: string, text: string): number {
  const q = query.toLowerCase().replace(/\s+/g, ' ').trim()
  if (!q) return 1
  const t = text.toLowerCase()
  let score = 0
  let at = -1
  let run = 0
  for (const ch of q) {
    const next = t.indexOf(ch, at + 1)
    if (next === -1) return 0
    run = next === at + 1 ? run + 1 : 0
    score += 1 + run * 2 + (next === 0 || /\W/.test(t[next - 1] ?? ' ') ? 3 : 0)
    at = next
  }
  return score / (1 + t.length / 200)
}

/** `[[` typeahead: articles, notes, rounds and themes whose titles fuzzily match. */
export function linkTargets(db: ReadableDB, query: string, limit: number): LinkTarget[] {
  const candidates: LinkTarget[] = [
    ...(
      db.prepare('SELECT id, title, outlet, published FROM articles').all() as Array<{
        id: number
        title: string
        outlet: string | null
        published: string | null
      }>
    ).map((a) => ({
      kind: 'article' as const,
      id: a.id,
      title: a.title,
      detail: [a.outlet ?? 'Article', a.published].filter(Boolean).join(' · '),
    })),
    ...(db.prepare('SELECT id, title FROM notes WHERE deleted_at IS NULL').all() as Array<{ id: number; title: string }>).map((n) => ({
      kind: 'note' as const,
      id: n.id,
      title: n.title,
      detail: 'Note',
    })),
    ...(db.prepare('SELECT id, name FROM themes WHERE deleted_at IS NULL').all() as Array<{ id: number; name: string }>).map((t) => ({
      kind: 'theme' as const,
      id: t.id,
      title: t.name,
      detail: 'Theme',
    })),
  ]
  const hasRounds = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rounds'").get()
  if (hasRounds) {
    for (const r of db.prepare('SELECT id, title, date FROM rounds').all() as Array<{ id: number; title: string; date: string | null }>) {
      candidates.push({ kind: 'round', id: r.id, title: r.title, detail: ['Round', r.date].filter(Boolean).join(' · ') })
    }
  }
  return candidates
    .map((c) => ({ c, score: fuzzyScore(query, c.title) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.c.title.localeCompare(b.c.title))
    .slice(0, limit)
    .map((x) => x.c)
}

/** Current titles of link targets (null when the target is gone), so links show renames. */
export function resolveLinks(
  db: ReadableDB,
  refs: Array<{ kind: LinkKind; id: number }>,
): Array<{ kind: LinkKind; id: number; title: string | null }> {
  const hasRounds = Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rounds'").get())
  const sql: Record<LinkKind, string | null> = {
    article: 'SELECT title FROM articles WHERE id = ?',
    note: 'SELECT title FROM notes WHERE id = ? AND deleted_at IS NULL',
    theme: 'SELECT name FROM themes WHERE id = ? AND deleted_at IS NULL',
    round: hasRounds ? 'SELECT title FROM rounds WHERE id = ?' : null,
  }
  return refs.map((r) => {
    const query = sql[r.kind]
    const title = query ? ((db.prepare(query).pluck().get(r.id) as string | undefined) ?? null) : null
    return { kind: r.kind, id: r.id, title }
  })
}
