/**
 * Re-clean: runs the current cleaner on the original text each article keeps in `raw`, so an
 * improved cleaner helps an existing notebook. The user's metadata edits win over the new
 * detection, and highlights re-anchor (position, quote nearby, fuzzy); orphans are kept.
 */
import type { RecleanResult } from '../../../shared/model'
import { notFound } from '../errors'
import { reanchorArticle } from '../highlights/repo'
import { applyEdits, parseEdits } from './edits'
import { prepareArticle, type PreparedArticle, type SourceFile, type PrepareOptions } from './import'
import { getArticleRow, type ArticleRow } from './repo'
import type { ReadableDB, WritableDB } from '../db/types'

/** How a stored article is cleaned again; the notebook passes the worker-backed one for HTML. */
export type Prepare = (file: SourceFile, options: PrepareOptions) => PreparedArticle | Promise<PreparedArticle>

export const sourceOf = (row: Pick<ArticleRow, 'source_name' | 'raw'>): SourceFile => ({
  name: row.source_name,
  bytes: Buffer.from(row.raw, 'utf8'),
})

export interface RecleanOne {
  changed: boolean
  moved: number
  orphaned: number
}

/** Writes a re-cleaned article (user edits on top) and re-anchors its highlights, in one transaction. */
export function applyReclean(db: WritableDB, id: number, prepared: PreparedArticle, now: Date): RecleanOne {
  return db.transaction((): RecleanOne => {
    const row = getArticleRow(db, id)
    if (!row) throw notFound('The article')
    const { values, edits } = applyEdits(prepared, parseEdits(row.edits))
    const next = {
      ...values,
      body: prepared.body,
      words: prepared.words,
      // Two versions may clean to the same text; the hash stays unique, so keep the old one then.
      content_hash: hashTaken(db, prepared.content_hash, id) ? row.content_hash : prepared.content_hash,
      edits: JSON.stringify(edits),
    }
    const same = (Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === row[k])
    if (same) return { changed: false, moved: 0, orphaned: 0 }
    db.prepare(
      `UPDATE articles SET title = @title, outlet = @outlet, wire = @wire, author = @author, published = @published, url = @url,
         body = @body, words = @words, content_hash = @content_hash, edits = @edits WHERE id = @id`,
    ).run({ ...next, id })
    return { changed: true, ...reanchorArticle(db, id, now) }
  })()
}

function hashTaken(db: ReadableDB, hash: string, id: number): boolean {
  return db.prepare('SELECT 1 FROM articles WHERE content_hash = ? AND id <> ?').pluck().get(hash, id) !== undefined
}

/** Re-cleans one article; throws when it cannot be read again (the article is left as it was). */
export async function recleanArticle(db: WritableDB, id: number, now = new Date(), prepare: Prepare = prepareArticle): Promise<RecleanOne> {
  const row = getArticleRow(db, id)
  if (!row) throw notFound('The article')
  return applyReclean(db, id, await prepare(sourceOf(row), { format: row.format }), now)
}

/** Re-cleans the given articles (all when `ids` is undefined), one transaction each; a failure leaves that article as it was. */
export async function recleanArticles(
  db: WritableDB,
  ids: number[] | undefined,
  now = new Date(),
  prepare: Prepare = prepareArticle,
): Promise<RecleanResult> {
  const list = ids ?? (db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[])
  const out: RecleanResult = { articles: 0, changed: 0, moved: 0, orphaned: 0, failed: [] }
  for (const id of list) {
    try {
      const result = await recleanArticle(db, id, now, prepare)
      out.articles++
      if (result.changed) out.changed++
      out.moved += result.moved
      out.orphaned += result.orphaned
    } catch (error) {
      out.failed.push({ id, error: (error as Error).message ?? String(error) })
    }
  }
  return out
}
