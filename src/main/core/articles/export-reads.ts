import type { Article } from '../../../shared/model'
import type { ReadableDB } from '../db/types'

/**
 * Reads of the articles tables for the export (export/data.ts), kept apart from repo.ts while that
 * file is being changed by another piece of work; they belong in repo.ts when it is free.
 */

/** An article as the export writes it: its citation fields and clean body, without raw bytes or edit state. */
export type ArticleText = Pick<Article, 'id' | 'title' | 'outlet' | 'wire' | 'author' | 'published' | 'url' | 'body' | 'importedAt'>

/** Every article (not the deleted ones), by id. */
export function articleTexts(db: ReadableDB): ArticleText[] {
  return db
    .prepare('SELECT id, title, outlet, wire, author, published, url, body, imported_at AS importedAt FROM articles ORDER BY id')
    .all() as ArticleText[]
}

/** Deleted articles (in the trash, migration 010) by id → title; none in an older store. */
export function deletedArticleTitles(db: ReadableDB): Map<number, string> {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deleted_articles'").get()) return new Map()
  const rows = db.prepare('SELECT id, title FROM deleted_articles').all() as Array<{ id: number; title: string }>
  return new Map(rows.map((d) => [d.id, d.title]))
}
