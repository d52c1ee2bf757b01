import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { insertArticle, openAt, planOf, TEMP_SORT, usesIndex } from './migration-testkit'

const tempDir = useTempDir()

describe('migration 010: deleted articles kept for Undo', () => {
  it('adds the trash beside the stored articles, with a JSON snapshot and an index by deletion time', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 9)
    const kept = insertArticle(before, 'a')
    before.close()

    const db = openAt(file, 10)
    expect(db.prepare('SELECT id FROM articles').pluck().all()).toEqual([kept])
    const trash = db.prepare('INSERT INTO deleted_articles (id, title, snapshot, highlight_max, deleted_at) VALUES (?, ?, ?, ?, ?)')
    trash.run(7, 'Gone', JSON.stringify({ article: { id: 7 } }), 3, '2025-03-02T10:00:00Z')
    trash.run(8, 'Gone too', '{}', 0, '2025-03-01T10:00:00Z')
    expect(() => trash.run(9, 'Broken', 'not json', 0, 'now')).toThrow(/CHECK/)
    expect(() => trash.run(7, 'Same id', '{}', 0, 'now')).toThrow(/UNIQUE|PRIMARY/)
    const oldestFirst = 'SELECT id FROM deleted_articles ORDER BY deleted_at'
    expect(db.prepare(oldestFirst).pluck().all()).toEqual([8, 7])
    expect(planOf(db, oldestFirst)).toMatch(usesIndex('deleted_articles_by_time'))
    expect(planOf(db, oldestFirst)).not.toMatch(TEMP_SORT)
    expect(planOf(db, 'SELECT id FROM deleted_articles WHERE deleted_at < ?', '2025-03-02')).toMatch(usesIndex('deleted_articles_by_time'))
    db.close()
  })
})
