import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { objectNames, openAt, planOf, usesIndex } from './migration-testkit'
import { openDatabase } from './open'

const tempDir = useTempDir()

describe('migration 017: sub-themes', () => {
  it('adds a nullable parent_id to themes (existing themes stay top-level), never the theme itself, cleared if the parent row goes', () => {
    const file = join(tempDir(), 'old.parley')
    const before = openAt(file, 16)
    before.prepare("INSERT INTO themes (name, color, position) VALUES ('Visas', '#cc3311', 4)").run()
    before.close()
    const { db } = openDatabase(file)
    expect(db.prepare('SELECT name, parent_id FROM themes ORDER BY id').all()).toEqual([
      { name: 'Embassy staffing', parent_id: null },
      { name: 'Diplomatic properties', parent_id: null },
      { name: 'Direct flights', parent_id: null },
      { name: 'Visas', parent_id: null },
    ])
    expect(objectNames(db, 'index')).toContain('themes_by_parent')
    db.prepare('UPDATE themes SET parent_id = 1 WHERE id = 4').run()
    expect(() => db.prepare('UPDATE themes SET parent_id = 4 WHERE id = 4').run()).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE themes SET parent_id = 99 WHERE id = 2').run()).toThrow(/FOREIGN KEY/)
    db.prepare('DELETE FROM themes WHERE id = 1').run()
    expect(db.prepare('SELECT parent_id FROM themes WHERE id = 4').pluck().get()).toBeNull()
    db.close()
  })

  it('finds the sub-themes of a theme through the partial index on parent_id', () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'))
    const children = 'SELECT name FROM themes WHERE parent_id = ? AND deleted_at IS NULL ORDER BY position, id'
    expect(planOf(db, children, 1)).toMatch(usesIndex('themes_by_parent'))
    db.close()
  })
})
