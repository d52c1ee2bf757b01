import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { migrations } from './migrate'
import { planOf, usesIndex } from './migration-testkit'
import { openDatabase } from './open'

const tempDir = useTempDir()
const T = '2025-05-24T09:12:00.000Z'

describe('migration 013: typed links between passages', () => {
  it('adds the relation list (seeded, unique names among live ones), links that outlive their highlights, and claim rejections', () => {
    const file = join(tempDir(), 'old.parley')
    openDatabase(file, { migrations: migrations.filter((m) => m.version <= 12) }).db.close()
    const { db } = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 13) })
    expect(db.prepare('SELECT name FROM link_relations ORDER BY position').pluck().all()).toEqual([
      'supports',
      'contradicts',
      'repeats',
      'quotes',
      'updates',
    ])
    expect(() => db.prepare("INSERT INTO link_relations (name, position) VALUES ('Supports', 9)").run()).toThrow(/UNIQUE/)
    db.prepare("UPDATE link_relations SET deleted_at = ? WHERE name = 'supports'").run(T)
    db.prepare("INSERT INTO link_relations (name, position) VALUES ('Supports', 9)").run()
    // No foreign key on the highlights: a link waits for its passages to come back from the trash.
    db.prepare('INSERT INTO passage_links (from_highlight, to_highlight, relation_id, created_at) VALUES (41, 42, 2, ?)').run(T)
    expect(() =>
      db.prepare('INSERT INTO passage_links (from_highlight, to_highlight, relation_id, created_at) VALUES (7, 7, 2, ?)').run(T),
    ).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare("INSERT INTO passage_links (from_highlight, to_highlight, relation_id, created_at, deleted_with) VALUES (1, 2, 2, ?, 'x')")
        .run(T),
    ).toThrow(/CHECK/)
    expect(db.prepare('SELECT count(*) FROM claim_rejections').pluck().get()).toBe(0)
    db.close()
  })

  it('finds a passage’s links by either end through its index (the OR of the two becomes two index searches)', () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'), { migrations: migrations.filter((m) => m.version <= 13) })
    const plan = planOf(db, 'SELECT id FROM passage_links WHERE from_highlight = ? OR to_highlight = ?', 1, 1)
    expect(plan).toMatch(usesIndex('passage_links_from'))
    expect(plan).toMatch(usesIndex('passage_links_to'))
    expect(planOf(db, 'SELECT id FROM passage_links WHERE to_highlight = ?', 1)).toMatch(usesIndex('passage_links_to'))
    db.close()
  })
})
