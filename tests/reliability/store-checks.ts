import { expect } from 'vitest'
import type { Db } from '../../src/main/core/db/open'

/**
 * The store is whole: SQLite's integrity and foreign keys, every FTS index, and no article without
 * its index (half-imported): an article up to 1 MiB of UTF-8 has its FTS row; a larger one has its
 * pieces (migration 018) or is queued for them.
 */
export function expectStoreSound(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.pragma('foreign_key_check')).toEqual([])
  for (const fts of ['articles_fts', 'notes_fts', 'article_chunks_fts', 'article_chunks_fts_exact'])
    db.prepare(`INSERT INTO ${fts}(${fts}) VALUES('integrity-check')`).run()
  expect(
    db
      .prepare(
        'SELECT count(*) FROM articles a WHERE octet_length(a.body) <= 1048576 AND NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)',
      )
      .pluck()
      .get(),
  ).toBe(0)
  expect(
    db
      .prepare(
        `SELECT count(*) FROM articles a WHERE octet_length(a.body) > 1048576
           AND NOT EXISTS (SELECT 1 FROM article_chunks c WHERE c.article_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM article_index_pending p WHERE p.article_id = a.id)`,
      )
      .pluck()
      .get(),
  ).toBe(0)
}
