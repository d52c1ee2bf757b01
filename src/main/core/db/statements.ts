import type { Statement } from 'better-sqlite3'
import type { Db } from './open'

const caches = new WeakMap<Db, Map<string, Statement>>()

/**
 * A prepared statement reused for the life of the connection: hot paths (import, search) run the
 * same SQL thousands of times, and preparing costs more than running.
 *
 *   cached(db, 'SELECT id FROM articles WHERE content_hash = ?').get(hash)
 */
export function cached(db: Db, sql: string): Statement {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}
