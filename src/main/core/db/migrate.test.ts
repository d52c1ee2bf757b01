import Database from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { latestVersion, migrate, migrations, schemaVersion, type Migration } from './migrate'
import { openDatabase } from './open'

const tempDir = useTempDir()

const row = (title: string, body: string, hash: string) => ({
  title,
  body,
  hash,
})

function insert(db: Database.Database, r: ReturnType<typeof row>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO articles (title, source_name, format, encoding, content_hash, body, raw, words, imported_at)
         VALUES (?, 'x.txt', 'text', 'utf-8', ?, ?, ?, 3, '2024-01-01T00:00:00Z')`,
      )
      .run(r.title, r.hash, r.body, r.body).lastInsertRowid,
  )
}

describe('store', () => {
  it('opens with WAL, foreign keys and the latest schema in user_version', () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(schemaVersion(db)).toBe(latestVersion)
    expect(latestVersion).toBe(migrations.length)
    db.close()
  })

  it('keeps the FTS5 index in sync with articles through triggers', () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'))
    const match = (q: string): number[] =>
      (db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').all(q) as Array<{ rowid: number }>).map(
        (r) => r.rowid,
      )
    const id = insert(db, row('Harbour reopens', 'Fishing crews returned at dawn', 'h1'))
    expect(match('harbour')).toEqual([id])
    expect(match('crews')).toEqual([id])
    db.prepare("UPDATE articles SET body = 'Ferries resumed their crossings' WHERE id = ?").run(id)
    expect(match('crews')).toEqual([])
    expect(match('ferries')).toEqual([id])
    db.prepare('DELETE FROM articles WHERE id = ?').run(id)
    expect(match('ferries')).toEqual([])
    expect(db.prepare("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')").run().changes).toBeGreaterThanOrEqual(0)
    db.close()
  })

  it('writes a backup copy before migrating an existing notebook, and not for a new one', () => {
    const dir = tempDir()
    const file = join(dir, 'n.parley')
    const first = openDatabase(file)
    expect(first.backup).toBeNull()
    insert(first.db, row('Kept', 'A body that must survive', 'k1'))
    first.db.close()

    const next: Migration = { version: latestVersion + 1, name: 'extra', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;' }
    const db = new Database(file)
    const backup = migrate(db, { file, list: [...migrations, next], now: () => new Date('2025-01-02T03:04:05Z') })
    expect(backup).toBe(`${file}.v${latestVersion}-2025-01-02T03-04-05-000Z.bak`)
    expect(schemaVersion(db)).toBe(latestVersion + 1)
    db.close()
    const copy = new Database(backup as string, { readonly: true })
    expect(schemaVersion(copy)).toBe(latestVersion)
    expect(copy.prepare('SELECT title FROM articles').pluck().all()).toEqual(['Kept'])
    copy.close()
  })

  it('rolls a failing migration back completely and keeps the data', () => {
    const file = join(tempDir(), 'n.parley')
    const { db } = openDatabase(file)
    insert(db, row('Kept', 'Body', 'k1'))
    const broken: Migration = {
      version: latestVersion + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);',
    }
    expect(() => migrate(db, { file, list: [...migrations, broken] })).toThrow(/nowhere/)
    expect(schemaVersion(db)).toBe(latestVersion)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1)
    db.close()
  })

  it('opening with a migration that fails halfway: a clear error, data as it was, the pre-migration backup offered', () => {
    const file = join(tempDir(), 'n.parley')
    const first = openDatabase(file)
    insert(first.db, row('Kept', 'Body', 'k1'))
    first.db.close()
    const broken: Migration = {
      version: latestVersion + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);',
    }
    let error: unknown
    try {
      openDatabase(file, { migrations: [...migrations, broken] })
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ code: 'migration_failed', message: expect.stringMatching(/rolled back and your data is as it was/) })
    const recover = (error as { recover: Array<{ action: string; backup?: string }> }).recover
    expect(recover.map((o) => o.action)).toEqual(['open_read_only', 'restore_backup', 'choose_another'])
    const backup = new Database(recover[1]?.backup as string, { readonly: true })
    expect(backup.prepare('SELECT title FROM articles').pluck().all()).toEqual(['Kept'])
    backup.close()
    const { db } = openDatabase(file)
    expect(schemaVersion(db)).toBe(latestVersion)
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1)
    db.close()
  })

  it('refuses a notebook from a newer Parley without touching it', () => {
    const file = join(tempDir(), 'n.parley')
    const { db } = openDatabase(file)
    db.pragma(`user_version = ${latestVersion + 5}`)
    db.close()
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'notebook_too_new' }))
    const check = new Database(file, { readonly: true })
    expect(schemaVersion(check)).toBe(latestVersion + 5)
    check.close()
  })

  it('refuses a file that is not a notebook with a clear error', () => {
    const dir = tempDir()
    const file = join(dir, 'fake.parley')
    writeFileSync(file, 'this is not a database, just text '.repeat(200))
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'corrupt' }))
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([])
    expect(existsSync(file)).toBe(true)
  })
})
