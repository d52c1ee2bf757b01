import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { findPreviousVersion } from '../articles/versions'
import { insertArticle, openAt, planOf, usesIndex } from './migration-testkit'

const tempDir = useTempDir()

const DETECTED = `SELECT max(id) FROM articles
  WHERE json_extract(edits, '$.title.detected') = ? COLLATE NOCASE
    AND json_extract(edits, '$.title.detected') IS NOT NULL AND outlet = ? COLLATE NOCASE`

describe('migration 006: earlier versions found by their detected title', () => {
  it('indexes the detected titles of articles stored before it, so a renamed article is found by a search, not a scan', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 5)
    const renamed = insertArticle(before, 'a', { title: 'My own name for it' })
    before
      .prepare(
        `UPDATE articles SET outlet = 'Coast Post', edits = json_object('title', json_object('detected', 'Harbour works resume')) WHERE id = ?`,
      )
      .run(renamed)
    insertArticle(before, 'b', { title: 'Unrelated' })
    expect(planOf(before, DETECTED, 'x', 'y')).not.toMatch(usesIndex('articles_by_detected_title'))
    before.close()

    const db = openAt(file, 6)
    expect(planOf(db, DETECTED, 'x', 'y')).toMatch(usesIndex('articles_by_detected_title'))
    expect(db.prepare(DETECTED).pluck().get('HARBOUR WORKS RESUME', 'coast post')).toBe(renamed)
    // The lookup versions.ts makes on import, through the index.
    expect(findPreviousVersion(db, { url: null, title: 'Harbour works resume', outlet: 'Coast Post', source_name: 'other.txt' })).toBe(
      renamed,
    )
    db.close()
  })
})
