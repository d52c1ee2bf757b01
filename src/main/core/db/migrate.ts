import type { Database } from 'better-sqlite3'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { notebookTooNew } from '../errors'

export interface Migration {
  version: number
  name: string
  sql: string
}

// Numbered, never-edited files: NNN_name.sql. Vite inlines them at build time.
const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

export const migrations: Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{3})_([\w-]+)\.sql$/.exec(path)
    if (!match) throw new Error(`Migration file name must be NNN_name.sql: ${path}`)
    return { version: Number(match[1]), name: match[2] ?? '', sql }
  })
  .sort((a, b) => a.version - b.version)

export const latestVersion = migrations.at(-1)?.version ?? 0

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

export interface MigrateOptions {
  /** File path of the notebook; a backup copy is written beside it before any migration runs. */
  file?: string
  list?: Migration[]
  now?: () => Date
}

/**
 * Brings the schema up to date. Each migration and its `user_version` bump are one transaction,
 * so a failure halfway leaves the previous version intact. Returns the backup path, if any.
 */
export function migrate(db: Database, options: MigrateOptions = {}): string | null {
  const list = options.list ?? migrations
  const latest = list.at(-1)?.version ?? 0
  const current = schemaVersion(db)
  if (current > latest) throw notebookTooNew(current, latest)
  const pending = list.filter((m) => m.version > current)
  if (pending.length === 0) return null

  let backup: string | null = null
  if (options.file && current > 0) backup = backupBeforeMigration(db, options.file, current, options.now?.() ?? new Date())

  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return backup
}

/** A consistent copy (VACUUM INTO sees committed WAL content) written atomically. */
function backupBeforeMigration(db: Database, file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = `${file}.v${version}-${stamp}.bak`
  const temp = `${target}.tmp`
  if (existsSync(temp)) rmSync(temp)
  db.prepare('VACUUM INTO ?').run(temp)
  renameSync(temp, target)
  return target
}
