import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { migrations } from './migrate'
import { openDatabase } from './open'

const tempDir = useTempDir()

const insert = (db: ReturnType<typeof openDatabase>['db'], hash: string, title: string, body: string): number =>
  Number(
    db
      .prepare(
        `INSERT INTO articles (title, source_name, format, encoding, content_hash, body, raw, words, imported_at)
         VALUES (?, 'x.txt', 'text', 'utf-8', ?, ?, ?, 5, '2025-01-01T00:00:00Z')`,
      )
      .run(title, hash, body, body).lastInsertRowid,
  )

const exact = (db: ReturnType<typeof openDatabase>['db'], query: string): number[] =>
  db.prepare('SELECT rowid FROM articles_fts_exact WHERE articles_fts_exact MATCH ? ORDER BY rowid').pluck().all(query) as number[]

describe('migration 009: unstemmed index for prefix queries', () => {
  it('indexes the articles already stored when it runs, unstemmed, and follows inserts, edits and deletes', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 8) })
    const old = insert(before.db, 'a', 'Embassy staffing talks', 'The embassies agreed on staffing levels.')
    // The stemmed index holds "staf" for "staffing": the prefix the user typed is not a prefix of it.
    expect(before.db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"staff"*'`).pluck().all()).toEqual([])
    before.db.close()

    const { db } = openDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9)
    expect(exact(db, '"staff"*')).toEqual([old])
    expect(exact(db, '"embassies"')).toEqual([old])
    expect(exact(db, '"embassy"')).toEqual([old]) // the title's word, as written
    expect(exact(db, '"agree"')).toEqual([]) // no stemming here: "agreed" is not "agree"

    const added = insert(db, 'b', 'Flights', 'Staffers at the airport.')
    expect(exact(db, '"staff"*')).toEqual([old, added])
    db.prepare("UPDATE articles SET body = 'Nothing about people.' WHERE id = ?").run(added)
    expect(exact(db, '"staff"*')).toEqual([old])
    db.prepare('DELETE FROM articles WHERE id = ?').run(old)
    expect(exact(db, '"staff"*')).toEqual([])
    // FTS5 checks the index against the articles table and throws on any difference.
    expect(() => db.prepare(`INSERT INTO articles_fts_exact (articles_fts_exact, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow()
    db.close()
  })
})
