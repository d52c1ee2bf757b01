import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openDatabase } from './open'
import { insertArticle, openAt, planOf, usesIndex } from './migration-testkit'

const tempDir = useTempDir()

describe('migration 003: article edits', () => {
  it('adds an edits JSON object (default {}) and indexes for finding earlier versions', () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'))
    const insert = (hash: string, edits?: string) =>
      db
        .prepare(
          `INSERT INTO articles (title, source_name, format, encoding, content_hash, body, raw, words, imported_at${edits ? ', edits' : ''})
           VALUES ('T', 'x.txt', 'text', 'utf-8', ?, 'b', 'b', 1, '2025-01-01T00:00:00Z'${edits ? ', ?' : ''})`,
        )
        .run(...(edits ? [hash, edits] : [hash]))
    insert('a')
    expect(db.prepare('SELECT edits FROM articles').pluck().get()).toBe('{}')
    expect(() => insert('b', 'not json')).toThrow(/CHECK/)
    expect(() => insert('c', '[1]')).toThrow(/CHECK/)
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n')
    expect(plan("SELECT id FROM articles WHERE url = 'u'")).toMatch(/USING (COVERING )?INDEX articles_by_url/)
    expect(plan("SELECT id FROM articles WHERE title = 't' COLLATE NOCASE AND outlet = 'o' COLLATE NOCASE")).toMatch(
      /USING (COVERING )?INDEX articles_by_title_outlet/,
    )
    expect(plan('SELECT max(id) FROM articles WHERE version_of = 1')).toMatch(/USING (COVERING )?INDEX articles_by_version_of/)
    db.close()
  })

  it('gives the articles stored before it an empty edits object, and finds them through the new indexes', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 2)
    const old = insertArticle(before, 'a', { title: 'Harbour works resume' })
    before.prepare("UPDATE articles SET url = 'https://example.org/a', outlet = 'Coast Post' WHERE id = ?").run(old)
    expect(planOf(before, 'SELECT id FROM articles WHERE url = ?', 'u')).not.toMatch(usesIndex('articles_by_url'))
    before.close()

    const db = openAt(file, 3)
    expect(db.prepare('SELECT edits FROM articles WHERE id = ?').pluck().get(old)).toBe('{}')
    expect(db.prepare('SELECT id FROM articles WHERE url = ?').pluck().get('https://example.org/a')).toBe(old)
    expect(planOf(db, 'SELECT max(id) FROM articles WHERE url = ?', 'u')).toMatch(usesIndex('articles_by_url'))
    db.close()
  })
})
