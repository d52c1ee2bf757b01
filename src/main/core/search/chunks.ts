/**
 * Large bodies are indexed in bounded pieces, one piece per transaction (migration 018, issue 17
 * item 2). FTS5 tokenizes a row in one statement, so a 15 MB body written with its article held
 * the core's thread for 1-2 s; a body longer than LARGE_BODY bytes is left out of the article
 * indexes by the insert trigger and queued in article_index_pending. This writer takes the queue
 * one piece of about CHUNK_CHARS at a time, committing each with the queue's new position, and
 * gives the event loop turns between pieces: a call waits for one piece (tens of ms), and a killed
 * process resumes from the last committed piece when the notebook opens again.
 */
import type { WritableDB } from '../db/types'

/** Bodies longer than this many bytes of UTF-8 (SQLite's octet_length()) are indexed in pieces; migration 018 says the same number. */
export const LARGE_BODY = 1_048_576
/** About this many UTF-16 units per piece: measured ~35 ms of indexing on an idle core, ~70 ms on a loaded one. */
export const CHUNK_CHARS = 256 * 1024

/**
 * Where a piece starting at `from` ends: at the last paragraph or line break in its second half,
 * else the last space there, else `size` units on (never inside a surrogate pair). Words are never
 * cut when the text has breaks, so every word is indexed whole in one piece.
 */
export function pieceEnd(body: string, from: number, size = CHUNK_CHARS): number {
  if (body.length - from <= size) return body.length
  const limit = from + size
  const half = from + Math.floor(size / 2)
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = body.lastIndexOf(sep, limit - sep.length)
    if (at >= half) return at + sep.length
  }
  const code = body.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
}

interface Pending {
  article_id: number
  next_seq: number
  next_offset: number
}

/**
 * Deletes one dropped piece, else writes one piece of the first queued article, in its own
 * transaction; false when there is nothing to do. `bodies` keeps the body being pieced between calls (reading 15 MB again per piece would
 * cost more than the piece).
 */
export function indexOnePiece(db: WritableDB, bodies: Map<number, { title: string; body: string }> = new Map()): boolean {
  // Most calls find the queue empty (every write kicks the writer): no transaction for that.
  const work = db
    .prepare('SELECT EXISTS (SELECT 1 FROM article_index_pending) OR EXISTS (SELECT 1 FROM article_chunks_dropped)')
    .pluck()
    .get()
  if (!work) return false
  return db
    .transaction((): boolean => {
      // Dropped pieces first (a deleted or rewritten body's): out of the piece indexes one at a time.
      const dropped = db.prepare('SELECT chunk_id FROM article_chunks_dropped LIMIT 1').pluck().get() as number | undefined
      if (dropped !== undefined) {
        db.prepare('DELETE FROM article_chunks WHERE id = ?').run(dropped)
        db.prepare('DELETE FROM article_chunks_dropped WHERE chunk_id = ?').run(dropped)
        return true
      }
      const pending = db
        .prepare('SELECT article_id, next_seq, next_offset FROM article_index_pending ORDER BY article_id LIMIT 1')
        .get() as Pending | undefined
      if (!pending) return false
      const id = pending.article_id
      // The first piece reads the article afresh (an edit re-queues it from the start, so a body
      // kept from before is never pieced after it changed); later pieces reuse the one read then.
      let article = pending.next_seq === 0 ? undefined : bodies.get(id)
      if (!article) {
        bodies.clear()
        article = db.prepare('SELECT title, body FROM articles WHERE id = ?').get(id) as { title: string; body: string } | undefined
        if (!article) {
          db.prepare('DELETE FROM article_index_pending WHERE article_id = ?').run(id)
          return true
        }
        bodies.set(id, article)
      }
      const from = pending.next_offset
      const end = pieceEnd(article.body, from)
      // The title goes with the first piece only.
      db.prepare('INSERT INTO article_chunks (article_id, seq, title, body) VALUES (?, ?, ?, ?)').run(
        id,
        pending.next_seq,
        pending.next_seq === 0 ? article.title : '',
        article.body.slice(from, end),
      )
      if (end >= article.body.length) {
        db.prepare('DELETE FROM article_index_pending WHERE article_id = ?').run(id)
        bodies.delete(id)
      } else
        db.prepare('UPDATE article_index_pending SET next_seq = ?, next_offset = ? WHERE article_id = ?').run(pending.next_seq + 1, end, id)
      return true
    })
    .immediate()
}

export interface PieceWriter {
  /** Starts writing queued pieces, if it is not already (after an import, an edit, at open). */
  kick(): void
  /** Resolves once the queue is empty (tests; a host that wants large articles findable now). */
  idle(): Promise<void>
  close(): void
}

/** Three turns of the event loop: enough for a call on a new connection to be accepted, read and answered (see importSources). */
const turns = async (): Promise<void> => {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve))
}

/** Writes the queue's pieces in the background, one per transaction, with event-loop turns between them. */
export function pieceWriter(db: WritableDB): PieceWriter {
  let running: Promise<void> | null = null
  let closed = false
  const bodies = new Map<number, { title: string; body: string }>()
  // The run ends in the same synchronous step as the check that found the queue empty, so a kick
  // is either before that check (the check sees what its write queued) or after the run (it starts
  // a new one). Looping again on every kick instead never ended while writes kept coming (a theme
  // created every turn of the event loop held an import's answer forever).
  const run = async (): Promise<void> => {
    for (;;) {
      await turns()
      if (closed) break
      // An import's group is written and committed synchronously, so this is only a guard.
      if (db.inTransaction) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        continue
      }
      let more: boolean
      try {
        more = indexOnePiece(db, bodies)
      } catch {
        // Busy or full: the queue stays as committed and the next kick (an import, an edit, the
        // next open) takes it up again. Nothing acknowledged is lost; the article is found later.
        bodies.clear()
        break
      }
      if (!more) break
    }
    running = null
  }
  const kick = (): void => {
    if (closed || running) return
    running = run()
  }
  return {
    kick,
    idle: async () => {
      while (running) await running
    },
    close: () => {
      closed = true
    },
  }
}
