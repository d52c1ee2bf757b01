import type { Article, ArticleFormat, ArticleSort, ArticleSummary } from '../../../shared/model'
import { cached } from '../db/statements'
import { editedFields, parseEdits } from './edits'
import { nextId } from './trash'
import type { ReadableDB, WritableDB } from '../db/types'

/** Exactly the columns of `articles`. */
export interface ArticleRow {
  id: number
  title: string
  outlet: string | null
  wire: string | null
  author: string | null
  published: string | null
  url: string | null
  source_name: string
  format: ArticleFormat
  encoding: string
  content_hash: string
  body: string
  raw: string
  words: number
  imported_at: string
  version_of: number | null
  /** JSON: the user's edits, see edits.ts. */
  edits: string
}

/**
 * A row to insert. Its source text may come as UTF-8 bytes: a worker hands a large one over that way,
 * outside the receiving thread's JavaScript heap (a 19 MB file would otherwise be held there twice,
 * as source and as body), and SQLite stores the bytes as the same text (CAST … AS TEXT).
 */
export type NewArticle = Omit<ArticleRow, 'id' | 'raw'> & { raw: string | Uint8Array }

const SUMMARY_COLUMNS = 'id, title, outlet, wire, published, words, source_name, imported_at, edits'

/** Fields a researcher needs on every article; empty and not deliberately cleared → ask. */
const WANTED: Array<'outlet' | 'published'> = ['outlet', 'published']

export function toSummary(
  row: Pick<ArticleRow, 'id' | 'title' | 'outlet' | 'wire' | 'published' | 'words' | 'source_name' | 'imported_at' | 'edits'>,
): ArticleSummary {
  const edits = parseEdits(row.edits)
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    published: row.published,
    words: row.words,
    sourceName: row.source_name,
    importedAt: row.imported_at,
    wire: row.wire,
    edited: editedFields(edits),
    needsAttention: WANTED.filter((f) => row[f] === null && !(f in edits)),
  }
}

/** better-sqlite3 binds a Buffer (a blob), not a bare Uint8Array: the same bytes, not copied. */
const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

export function insertArticle(db: WritableDB, article: NewArticle): number {
  // Numbered above the deleted articles too, so Undo of a delete finds its id free (trash.ts).
  const info = cached(
    db,
    `INSERT INTO articles (id, title, outlet, wire, author, published, url, source_name, format, encoding,
         content_hash, body, raw, words, imported_at, version_of, edits)
       VALUES (@id, @title, @outlet, @wire, @author, @published, @url, @source_name, @format, @encoding,
         @content_hash, @body, CAST(@raw AS TEXT), @words, @imported_at, @version_of, @edits)`,
  ).run({ ...article, raw: typeof article.raw === 'string' ? article.raw : asBuffer(article.raw), id: nextId(db, 'articles') })
  return Number(info.lastInsertRowid)
}

export function findIdByHash(db: ReadableDB, hash: string): { id: number; title: string } | undefined {
  return cached(db, 'SELECT id, title FROM articles WHERE content_hash = ?').get(hash) as { id: number; title: string } | undefined
}

export function latestIdBySource(db: ReadableDB, sourceName: string): number | null {
  const row = db.prepare('SELECT id FROM articles WHERE source_name = ? ORDER BY id DESC LIMIT 1').get(sourceName) as
    { id: number } | undefined
  return row?.id ?? null
}

export function getArticleRow(db: ReadableDB, id: number): ArticleRow | undefined {
  return db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined
}

export function getArticle(db: ReadableDB, id: number): Article | undefined {
  const row = getArticleRow(db, id)
  if (!row) return undefined
  return {
    ...toSummary(row),
    wire: row.wire,
    author: row.author,
    url: row.url,
    format: row.format,
    body: row.body,
    raw: row.raw,
    encoding: row.encoding,
    versionOf: row.version_of,
  }
}

const ORDER: Record<ArticleSort, string> = {
  published: 'published IS NULL, published',
  title: 'title COLLATE NOCASE',
  outlet: 'outlet IS NULL, outlet COLLATE NOCASE',
  wire: 'wire IS NULL, wire COLLATE NOCASE',
  words: 'words',
  imported: 'id',
}

export function listArticles(
  db: ReadableDB,
  sort: ArticleSort,
  direction: 'asc' | 'desc',
  themeId?: number,
  limit?: number,
): ArticleSummary[] {
  // Both the column and the direction come from closed sets, never from the caller's text.
  const dir = direction === 'asc' ? 'ASC' : 'DESC'
  const order = ORDER[sort]
    .split(', ')
    .map((part) => (part.endsWith('IS NULL') ? part : `${part} ${dir}`))
    .join(', ')
  const where = themeId === undefined ? '' : 'WHERE id IN (SELECT article_id FROM highlights WHERE theme_id = @themeId)'
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ${where} ORDER BY ${order}, id ${dir} ${limit === undefined ? '' : 'LIMIT @limit'}`)
    .all({ ...(themeId === undefined ? {} : { themeId }), ...(limit === undefined ? {} : { limit }) }) as ArticleRow[]
  return rows.map(toSummary)
}

export function countArticles(db: ReadableDB): number {
  return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
}

export function allBodies(db: ReadableDB): Array<{ id: number; body: string }> {
  return db.prepare('SELECT id, body FROM articles ORDER BY id').all() as Array<{ id: number; body: string }>
}
