/**
 * Versions of an article: a changed copy re-imported is stored beside the old one and linked to
 * it by `version_of`, so the chain reads oldest → newest and each step can say what changed.
 */
import { paragraphTexts } from '../../../shared/body'
import type { ArticleField, ArticleVersions, VersionDiff } from '../../../shared/model'
import { cached } from '../db/statements'
import { notFound } from '../errors'
import { ARTICLE_FIELDS } from './edits'
import { getArticleRow, toSummary, type ArticleRow } from './repo'
import type { ReadableDB } from '../db/types'

export interface VersionKey {
  url: string | null
  title: string
  outlet: string | null
  source_name: string
  /** The new text: a match by file name alone must share most of its paragraphs (see sharesText). */
  body?: string
}

/**
 * Whether two texts are versions of one article: at least half the paragraphs of the shorter are in
 * the other. A file name says little (every clipper names its files `article.md`), and a newer
 * version inherits the older one's edits and place in rounds, so an unrelated (or hostile) file
 * that happens to share a name must not take them over (issue 17).
 */
function sharesText(a: string, b: string): boolean {
  const x = new Set(paragraphTexts(a))
  const y = new Set(paragraphTexts(b))
  let shared = 0
  for (const p of x) if (y.has(p)) shared++
  return shared > 0 && shared * 2 >= Math.min(x.size, y.size)
}

/**
 * The newest version of the article this one is a changed copy of: same URL, or same title and
 * outlet (the detected title counts too, when the user renamed it), or same source file with most
 * of the text in common.
 */
export function findPreviousVersion(db: ReadableDB, key: VersionKey): number | null {
  // One indexed lookup per way of matching: an OR across them made SQLite scan the whole table.
  const ids = [
    key.url === null ? null : cached(db, 'SELECT max(id) FROM articles WHERE url = ?').pluck().get(key.url),
    key.outlet === null
      ? null
      : cached(db, 'SELECT max(id) FROM articles WHERE title = ? COLLATE NOCASE AND outlet = ? COLLATE NOCASE')
          .pluck()
          .get(key.title, key.outlet),
    key.outlet === null
      ? null
      : cached(
          db,
          `SELECT max(id) FROM articles
             WHERE json_extract(edits, '$.title.detected') = ? COLLATE NOCASE
               AND json_extract(edits, '$.title.detected') IS NOT NULL AND outlet = ? COLLATE NOCASE`,
        )
          .pluck()
          .get(key.title, key.outlet),
    sameFile(db, key),
  ].filter((id): id is number => typeof id === 'number')
  return ids.length === 0 ? null : newestOf(db, Math.max(...ids))
}

/** The latest article imported from a file of the same name, if its text is mostly this one's. */
function sameFile(db: ReadableDB, key: VersionKey): number | null {
  const row = cached(db, 'SELECT id, body FROM articles WHERE id = (SELECT max(id) FROM articles WHERE source_name = ?)').get(
    key.source_name,
  ) as { id: number; body: string } | undefined
  if (!row) return null
  return key.body === undefined || sharesText(row.body, key.body) ? row.id : null
}

/** Follows `version_of` forward to the newest version. */
function newestOf(db: ReadableDB, id: number): number {
  const next = db.prepare('SELECT max(id) FROM articles WHERE version_of = ?').pluck()
  let current = id
  for (let guard = 0; guard < 10_000; guard++) {
    const newer = next.get(current) as number | null
    if (newer === null || newer === current) return current
    current = newer
  }
  return current
}

/** Oldest first. A chain never loops: each version only points to an earlier id. */
function chainOf(db: ReadableDB, id: number): ArticleRow[] {
  const start = getArticleRow(db, id)
  if (!start) throw notFound('The article')
  const older: ArticleRow[] = []
  const seen = new Set([start.id])
  for (let row = start; row.version_of !== null && !seen.has(row.version_of);) {
    const prev = getArticleRow(db, row.version_of)
    if (!prev) break
    seen.add(prev.id)
    older.unshift(prev)
    row = prev
  }
  const newer: ArticleRow[] = []
  const next = db.prepare('SELECT max(id) FROM articles WHERE version_of = ?').pluck()
  for (let id = next.get(start.id) as number | null; id !== null && !seen.has(id); id = next.get(id) as number | null) {
    const row = getArticleRow(db, id)
    if (!row) break
    seen.add(id)
    newer.push(row)
  }
  return [...older, start, ...newer]
}

export function articleVersions(db: ReadableDB, id: number): ArticleVersions {
  const chain = chainOf(db, id)
  const diffs = chain.slice(1).map((row, i) => diffVersions(chain[i] as ArticleRow, row))
  return { chain: chain.map(toSummary), diffs }
}

function diffVersions(older: ArticleRow, newer: ArticleRow): VersionDiff {
  const { added, removed, unchanged } = diffParagraphs(paragraphTexts(older.body), paragraphTexts(newer.body))
  const fields: ArticleField[] = ARTICLE_FIELDS.filter((f) => older[f] !== newer[f])
  return { from: older.id, to: newer.id, added, removed, unchanged, fields }
}

/**
 * Paragraph-level diff by longest common subsequence.
 *
 *   diffParagraphs(['a', 'b'], ['a', 'c']) → { added: ['c'], removed: ['b'], unchanged: 1 }
 */
export function diffParagraphs(a: string[], b: string[]): { added: string[]; removed: string[]; unchanged: number } {
  // Articles have tens of paragraphs; the table is capped so a huge body cannot blow up memory.
  if (a.length * b.length > 4_000_000) {
    const inA = new Set(a)
    const inB = new Set(b)
    return { added: b.filter((p) => !inA.has(p)), removed: a.filter((p) => !inB.has(p)), unchanged: a.filter((p) => inB.has(p)).length }
  }
  const n = a.length
  const m = b.length
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as Uint32Array
      row[j] = a[i] === b[j] ? (lcs[i + 1] as Uint32Array)[j + 1]! + 1 : Math.max((lcs[i + 1] as Uint32Array)[j]!, row[j + 1]!)
    }
  }
  const added: string[] = []
  const removed: string[] = []
  let unchanged = 0
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      unchanged++
      i++
      j++
    } else if ((lcs[i + 1] as Uint32Array)[j]! >= (lcs[i] as Uint32Array)[j + 1]!) removed.push(a[i++] as string)
    else added.push(b[j++] as string)
  }
  while (i < n) removed.push(a[i++] as string)
  while (j < m) added.push(b[j++] as string)
  return { added, removed, unchanged }
}
