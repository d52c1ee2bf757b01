import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { objectNames, openAt, planOf } from './migration-testkit'

const tempDir = useTempDir()
const T = '2025-05-24T09:12:00.000Z'

describe('migration 014: speaker merges', () => {
  it('adds speaker_merges to a notebook at 13, with no other schema object', () => {
    const file = join(tempDir(), 'old.parley')
    const before = openAt(file, 13)
    const tables = objectNames(before, 'table')
    const indexes = objectNames(before, 'index')
    const triggers = objectNames(before, 'trigger')
    before.close()

    const db = openAt(file, 14)
    expect(db.pragma('user_version', { simple: true })).toBe(14)
    expect(objectNames(db, 'table')).toEqual([...tables, 'speaker_merges'].sort())
    expect(objectNames(db, 'index')).toEqual(indexes)
    expect(objectNames(db, 'trigger')).toEqual(triggers)
    expect(db.prepare('SELECT count(*) FROM speaker_merges').pluck().get()).toBe(0)
    db.close()
  })

  it('keeps one merge per speaker key, refuses a speaker merged into itself, and defaults the written name', () => {
    const db = openAt(join(tempDir(), 'n.parley'), 14)
    db.prepare("INSERT INTO speaker_merges (from_key, into_key, created_at) VALUES ('berg', 'annaberg', ?)").run(T)
    expect(db.prepare("SELECT from_name FROM speaker_merges WHERE from_key = 'berg'").pluck().get()).toBe('')
    expect(() => db.prepare("INSERT INTO speaker_merges (from_key, into_key, created_at) VALUES ('berg', 'x', ?)").run(T)).toThrow(
      /UNIQUE|PRIMARY/,
    )
    expect(() => db.prepare("INSERT INTO speaker_merges (from_key, into_key, created_at) VALUES ('a', 'a', ?)").run(T)).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO speaker_merges (from_key, created_at) VALUES ('b', ?)").run(T)).toThrow(/NOT NULL/)
    // STRICT: a key is text, never a blob.
    expect(() => db.prepare("INSERT INTO speaker_merges (from_key, into_key, created_at) VALUES ('d', x'00', ?)").run(T)).toThrow(
      /cannot store BLOB/,
    )
    // Merging again (claims/repo mergeSpeakers) replaces the row of the same key.
    db.prepare("INSERT OR REPLACE INTO speaker_merges (from_key, into_key, from_name, created_at) VALUES ('berg', 'x', 'Berg', ?)").run(T)
    expect(db.prepare("SELECT into_key || ':' || from_name FROM speaker_merges WHERE from_key = 'berg'").pluck().get()).toBe('x:Berg')
    db.close()
  })

  it('finds the merge of a key through the table itself (WITHOUT ROWID: the primary key is the table), not by a scan', () => {
    const db = openAt(join(tempDir(), 'n.parley'), 14)
    // unmergeSpeaker deletes by key: the lookup is a search of the primary key.
    expect(planOf(db, 'DELETE FROM speaker_merges WHERE from_key = ?', 'berg')).toMatch(
      /SEARCH speaker_merges USING PRIMARY KEY \(from_key=\?\)/,
    )
    expect(planOf(db, 'SELECT into_key FROM speaker_merges WHERE from_key = ?', 'berg')).toMatch(
      /SEARCH speaker_merges USING PRIMARY KEY \(from_key=\?\)/,
    )
    db.close()
  })
})
