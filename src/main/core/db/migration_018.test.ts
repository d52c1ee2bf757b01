import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { indexOnePiece, LARGE_BODY } from '../search/chunks'
import { insertArticle, objectNames, openAt, planOf, usesIndex } from './migration-testkit'
import { openDatabase, type Db } from './open'

const tempDir = useTempDir()

const found = (db: Db, table: string, query: string): number[] =>
  db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck().all(query) as number[]

/** FTS5 checks each index against its content (rank 1) and throws on any difference. */
const checkIndexes = (db: Db): void => {
  for (const table of ['articles_fts', 'articles_fts_exact', 'article_chunks_fts', 'article_chunks_fts_exact'])
    db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run()
}

/** Pieces search still reads (not dropped). */
const live = (db: Db): number =>
  db.prepare('SELECT count(*) FROM article_chunks WHERE id NOT IN (SELECT chunk_id FROM article_chunks_dropped)').pluck().get() as number

/** A body just over the size that is indexed in pieces. */
const largeBody = (word: string): string => `${word} opens it.\n\n${'The talks went on. '.repeat(Math.ceil(LARGE_BODY / 19))}`

describe('migration 018: bodies over 1 MiB of UTF-8 indexed in pieces', () => {
  it('keeps every normal article in both indexes as before, queues the large ones, and its triggers follow inserts, edits and deletes', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 17)
    const normal = insertArticle(before, 'a', {
      title: 'Diplomats meet',
      body: 'The envoys agreed on embassy staffing.\n\nFlights resume.',
    })
    const large = insertArticle(before, 'b', { title: 'Endless talks', body: largeBody('Quarantine') })
    const queries = ['"diplomat"', '"agree"', '"embassy staffing"', '"flights" AND "envoy"', '"quarantine"', '"talks"']
    const stemmed = queries.map((q) => found(before, 'articles_fts', q))
    const exact = found(before, 'articles_fts_exact', '"emba"*')
    before.close()

    const { db } = openDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(18)
    // Normal articles: found by the same queries; the large one has left the article indexes and is queued.
    expect(queries.map((q) => found(db, 'articles_fts', q))).toEqual(stemmed.map((ids) => ids.filter((id) => id !== large)))
    expect(found(db, 'articles_fts_exact', '"emba"*')).toEqual(exact)
    expect(stemmed[4]).toEqual([large])
    expect(db.prepare('SELECT article_id, next_seq, next_offset FROM article_index_pending').all()).toEqual([
      { article_id: large, next_seq: 0, next_offset: 0 },
    ])
    expect(objectNames(db, 'table')).toEqual(
      expect.arrayContaining(['article_chunks', 'article_chunks_dropped', 'article_index_pending', 'article_chunks_fts']),
    )
    checkIndexes(db)

    // Inserts: a normal body is indexed at once; a large one is queued, not indexed.
    const added = insertArticle(db, 'c', { title: 'Staffing', body: 'The diplomats agreed.' })
    expect(found(db, 'articles_fts', '"diplomat"')).toEqual([normal, added])
    const big = insertArticle(db, 'd', { title: 'Marathon', body: largeBody('Lighthouse') })
    expect(found(db, 'articles_fts', '"lighthouse"')).toEqual([])
    expect(db.prepare('SELECT article_id FROM article_index_pending ORDER BY article_id').pluck().all()).toEqual([large, big])

    // A piece written (as search/chunks.ts does) is found in the piece indexes; a retitle reaches the first piece.
    db.prepare("INSERT INTO article_chunks (article_id, seq, title, body) VALUES (?, 0, 'Marathon', 'Lighthouse opens it.')").run(big)
    expect(found(db, 'article_chunks_fts', '"lighthouse"')).toHaveLength(1)
    db.prepare("UPDATE articles SET title = 'Endurance' WHERE id = ?").run(big)
    expect(found(db, 'article_chunks_fts', '"endurance"')).toHaveLength(1)
    expect(found(db, 'article_chunks_fts', '"marathon"')).toEqual([])
    expect(db.prepare('SELECT count(*) FROM article_index_pending WHERE article_id = ?').pluck().get(big)).toBe(1)
    // An unchanged title and body (edits.ts sets every field) touch no index.
    db.prepare('UPDATE articles SET title = title, body = body WHERE id = ?').run(big)
    expect(found(db, 'article_chunks_fts', '"endurance"')).toHaveLength(1)
    // A new body re-queues the article from its start and drops its pieces; shrunk, it joins the article indexes.
    db.prepare("UPDATE articles SET body = 'Short now, about a lighthouse.' WHERE id = ?").run(big)
    expect(live(db)).toBe(0)
    expect(db.prepare('SELECT count(*) FROM article_chunks_dropped').pluck().get()).toBe(1)
    expect(found(db, 'articles_fts', '"lighthouse"')).toEqual([big])
    db.prepare('UPDATE articles SET body = ? WHERE id = ?').run(largeBody('Harbour'), added)
    expect(found(db, 'articles_fts', '"diplomat"')).toEqual([normal])
    expect(db.prepare('SELECT article_id FROM article_index_pending ORDER BY article_id').pluck().all()).toEqual([large, added])
    // Deleting takes the queue entry with the article and drops its pieces (no cascade through the
    // piece indexes in the delete's own statement); the piece writer then deletes them one at a time.
    db.prepare("INSERT INTO article_chunks (article_id, seq, title, body) VALUES (?, 0, 'Endless talks', 'Quarantine opens it.')").run(
      large,
    )
    db.prepare('DELETE FROM articles WHERE id = ?').run(large)
    db.prepare('DELETE FROM articles WHERE id = ?').run(normal)
    expect(live(db)).toBe(0)
    expect(db.prepare('SELECT count(*) FROM article_chunks_dropped').pluck().get()).toBe(2)
    expect(found(db, 'articles_fts', '"envoy"')).toEqual([])
    expect(db.prepare('SELECT article_id FROM article_index_pending').pluck().all()).toEqual([added])
    checkIndexes(db)
    while (indexOnePiece(db));
    expect(db.prepare('SELECT count(*) FROM article_chunks_dropped').pluck().get()).toBe(0)
    expect(found(db, 'article_chunks_fts', '"quarantine"')).toEqual([])
    expect(found(db, 'article_chunks_fts', '"harbour"')).toHaveLength(1)
    expect(db.prepare('SELECT count(*) FROM article_index_pending').pluck().get()).toBe(0)
    checkIndexes(db)
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })

  it("finds an article's pieces through the unique (article_id, seq) index, in order", () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'))
    const plan = planOf(db, 'SELECT id FROM article_chunks WHERE article_id = ? ORDER BY seq', 1)
    expect(plan).toMatch(usesIndex('sqlite_autoindex_article_chunks_1'))
    expect(plan).not.toMatch(/TEMP B-TREE/)
    expect(planOf(db, 'SELECT id FROM article_chunks WHERE article_id = ? AND seq = 0', 1)).toMatch(
      usesIndex('sqlite_autoindex_article_chunks_1'),
    )
    db.close()
  })
})
