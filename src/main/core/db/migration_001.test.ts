import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { insertArticle, objectNames, openAt, planOf, TEMP_SORT, usesIndex } from './migration-testkit'

const tempDir = useTempDir()

describe('migration 001: articles and their full-text index', () => {
  it('creates articles with its checks, keeps articles_fts in sync, and indexes the library order and the source lookup', () => {
    const file = join(tempDir(), 'n.parley')
    const empty = openAt(file, 0)
    expect(objectNames(empty, 'table')).toEqual([])
    empty.close()

    const db = openAt(file, 1)
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    const a = insertArticle(db, 'a', { title: 'Embassy staffing', body: 'Diplomats returned.', published: '2025-02-27' })
    insertArticle(db, 'b', { title: 'Flights', source: 'flights.txt' })
    expect(() => insertArticle(db, 'a')).toThrow(/UNIQUE/) // content_hash: re-importing the same text is a no-op
    expect(() => insertArticle(db, 'c', { published: '27 Feb 2025' })).toThrow(/CHECK/)
    expect(db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'diplomat'`).pluck().all()).toEqual([a]) // porter stems
    db.prepare(`UPDATE articles SET body = 'Nobody returned.' WHERE id = ?`).run(a)
    expect(db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'diplomat'`).pluck().all()).toEqual([])
    db.prepare('DELETE FROM articles WHERE id = ?').run(a)
    expect(() => db.prepare(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow()

    // The library sorted by date reads the index in order; a file's earlier import is a search.
    const byDate = planOf(db, 'SELECT id FROM articles ORDER BY published DESC, id DESC LIMIT 50')
    expect(byDate).toMatch(usesIndex('articles_by_published'))
    expect(byDate).not.toMatch(TEMP_SORT)
    expect(planOf(db, 'SELECT max(id) FROM articles WHERE source_name = ?', 'x.txt')).toMatch(usesIndex('articles_by_source'))
    db.close()
  })
})
