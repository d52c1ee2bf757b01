// Helpers for the migration tests (migration_NNN.test.ts): open a notebook file at a given schema
// version, and read SQLite's plan for a query.
import type { Db } from './open'
import type { WritableDB } from './types'
import { migrations } from './migrate'
import { openDatabase } from './open'

/** The notebook at `file` with migrations up to `version` applied (and no later one), writable. */
export function openAt(file: string, version: number): WritableDB {
  return openDatabase(file, { migrations: migrations.filter((m) => m.version <= version) }).db
}

/**
 * EXPLAIN QUERY PLAN's lines for a query, joined: what the speed of an indexed lookup rests on.
 *
 *   expect(planOf(db, 'SELECT id FROM articles WHERE url = ?', 'u')).toMatch(usesIndex('articles_by_url'))
 */
export function planOf(db: Db, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('\n')
}

/** A plan line searching or scanning through the named index (covering or not). */
export const usesIndex = (name: string): RegExp => new RegExp(`USING (COVERING )?INDEX ${name}\\b`)

/** Sorting in a temporary b-tree: what an index meant to give the order avoids. */
export const TEMP_SORT = /USE TEMP B-TREE/

/** The schema objects (tables, indexes, triggers) a migration added, by name. */
export function objectNames(db: Db, type: 'table' | 'index' | 'trigger'): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all(type) as string[]
}

export const ARTICLE_COLUMNS = 'title, source_name, format, encoding, content_hash, body, raw, words, imported_at'

/** A minimal article row (the columns of migration 001). */
export function insertArticle(
  db: Db,
  hash: string,
  fields: { title?: string; body?: string; source?: string; published?: string | null } = {},
): number {
  const body = fields.body ?? 'Body.'
  return Number(
    db
      .prepare(`INSERT INTO articles (${ARTICLE_COLUMNS}, published) VALUES (?, ?, 'text', 'utf-8', ?, ?, ?, 1, '2025-01-01T00:00:00Z', ?)`)
      .run(fields.title ?? 'T', fields.source ?? 'x.txt', hash, body, body, fields.published ?? null).lastInsertRowid,
  )
}
