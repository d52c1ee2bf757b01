import { expect } from 'vitest'
import type { Db } from '../../src/main/core/db/open'

/** The store is whole: SQLite's integrity and foreign keys, both FTS indexes, and no article without its FTS row (half-imported). */
export function expectStoreSound(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.pragma('foreign_key_check')).toEqual([])
  db.prepare("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')").run()
  db.prepare("INSERT INTO notes_fts(notes_fts) VALUES('integrity-check')").run()
  expect(
    db.prepare('SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)').pluck().get(),
  ).toBe(0)
}
