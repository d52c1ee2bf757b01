import type { SearchHit, SnippetPart } from '../../../shared/model'
import type { ReadableDB } from '../db/types'
import { inflectionBase } from '../text/terms'

const OPEN = '\u0002'
const CLOSE = '\u0003'

/**
 * User text → a safe FTS5 query. Every term is quoted (so FTS5 syntax in the input is inert);
 * "quoted phrases" stay phrases and a trailing * asks for a prefix. Terms are ANDed.
 *
 *   toFtsQuery('embassy "direct flights" sanc*') === '"embassy" AND "direct flights" AND "sanc"*'
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = []
  const re = /"([^"]*)"|(\S+)/g
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[1] !== undefined) {
      const phrase = tokens(m[1]).join(' ')
      if (phrase) parts.push(`"${phrase}"`)
      continue
    }
    const raw = m[2] ?? ''
    const prefix = raw.endsWith('*')
    for (const [i, token] of tokens(raw).entries()) {
      const last = i === tokens(raw).length - 1
      parts.push(`"${token}"${prefix && last ? '*' : ''}`)
    }
  }
  return parts.length ? parts.join(' AND ') : null
}

/**
 * The index a query runs on. A prefix must meet words as they are written (`staff*` finds
 * "staffing", whose Porter stem "staf" it would miss), so a query with a prefix runs on the
 * unstemmed index (migration 009), where its other terms then match as typed too; every other
 * query keeps stemming (voting ~ voted). toFtsQuery writes a prefix as `"term"*`, and a quoted
 * term holds no quote, so this reads the query's own syntax, not the user's text.
 */
export type FtsTable = 'articles_fts' | 'articles_fts_exact'
export const hasPrefix = (query: string): boolean => query.includes('"*')
export const ftsTable = (query: string): FtsTable => (hasPrefix(query) ? 'articles_fts_exact' : 'articles_fts')

function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? []
}

function parts(marked: string): SnippetPart[] {
  const out: SnippetPart[] = []
  const re = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g')
  let last = 0
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    if (m.index > last) out.push({ text: marked.slice(last, m.index), match: false })
    out.push({ text: m[1] ?? '', match: true })
    last = m.index + m[0].length
  }
  if (last < marked.length) out.push({ text: marked.slice(last), match: false })
  return out
}

/** The plain one-statement search (rank, join and decorate every match): the bench's raw baseline. */
export const SEARCH_SQL = `
  SELECT a.id, a.outlet, a.published,
         highlight(articles_fts, 0, '${OPEN}', '${CLOSE}') AS title,
         snippet(articles_fts, 1, '${OPEN}', '${CLOSE}', '…', 16) AS snippet
  FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
  WHERE articles_fts MATCH ?
  ORDER BY bm25(articles_fts, 5.0, 1.0)
  LIMIT ?`

/**
 * Above this many matches a query is "broad": ranking every match by bm25 would cost time in
 * proportion to the notebook, so the most recently imported matches come first instead.
 */
export const BROAD_MATCHES = 2000

/** How searchArticles' ids were chosen; the bench reports it. */
export type PickMode = 'ranked' | 'newest' | 'theme'

/**
 * Step 1: the ids to show, best first: bm25 over at most BROAD_MATCHES matches, newest first for
 * broader queries, or only the articles coded with a theme (by bm25).
 */
export function pickIds(db: ReadableDB, query: string, limit: number, themeId?: number): { ids: number[]; mode: PickMode } {
  const fts = ftsTable(query)
  if (themeId !== undefined) {
    const score = db.prepare(`SELECT bm25(${fts}, 5.0, 1.0) AS score FROM ${fts} WHERE ${fts} MATCH ? AND rowid = CAST(? AS INTEGER)`)
    const coded = db.prepare('SELECT DISTINCT article_id FROM highlights WHERE theme_id = ?').pluck().all(themeId) as number[]
    const ids = coded
      .flatMap((id) => {
        const row = score.get(query, id) as { score: number } | undefined
        return row ? [{ id, score: row.score }] : []
      })
      .sort((a, b) => a.score - b.score)
      .map((r) => r.id)
    const large = largeMatches(db, query)
    const codedLarge = large.length ? large.filter((id) => coded.includes(id)) : []
    return { ids: [...ids, ...codedLarge].slice(0, limit), mode: 'theme' }
  }
  const matches = db
    .prepare(`SELECT count(*) FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ?)`)
    .pluck()
    .get(query, BROAD_MATCHES + 1) as number
  const broad = matches > BROAD_MATCHES
  const sql = broad
    ? `SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ?`
    : `SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY bm25(${fts}, 5.0, 1.0) LIMIT ?`
  const ids = db.prepare(sql).pluck().all(query, limit) as number[]
  const large = largeMatches(db, query)
  if (large.length === 0) return { ids, mode: broad ? 'newest' : 'ranked' }
  // Pieces are not ranked against whole articles (bm25 is per row), so large articles come after the
  // ranked ones, newest first; newest-first lists take them in by id.
  const merged = broad ? [...ids, ...large].sort((a, b) => b - a) : [...ids, ...large]
  return { ids: merged.slice(0, limit), mode: broad ? 'newest' : 'ranked' }
}

/** The piece index beside each article index (migration 018: bodies over LARGE_BODY bytes). */
const pieceTable = (fts: FtsTable): 'article_chunks_fts' | 'article_chunks_fts_exact' =>
  fts === 'articles_fts' ? 'article_chunks_fts' : 'article_chunks_fts_exact'

/** toFtsQuery's ANDed parts: each quoted term or phrase, with its prefix star. */
const queryParts = (query: string): string[] => query.match(/"[^"]*"\*?/g) ?? []

/**
 * Large articles (indexed in pieces, search/chunks.ts) holding every part of the query, each part
 * in any of their pieces (as a whole body would), newest first. A phrase is found within a piece;
 * pieces end at paragraph breaks. Dropped pieces (a deleted or rewritten body's, still being taken
 * out) are skipped. Nothing is read when the notebook has no large article.
 */
export function largeMatches(db: ReadableDB, query: string): number[] {
  if (!db.prepare('SELECT EXISTS (SELECT 1 FROM article_chunks)').pluck().get()) return []
  const table = pieceTable(ftsTable(query))
  const articlesOf = db
    .prepare(
      `SELECT DISTINCT c.article_id FROM ${table} JOIN article_chunks c ON c.id = ${table}.rowid
       WHERE ${table} MATCH ? AND c.id NOT IN (SELECT chunk_id FROM article_chunks_dropped)`,
    )
    .pluck()
  let ids: number[] | null = null
  for (const part of queryParts(query)) {
    const found = new Set(articlesOf.all(part) as number[])
    ids = (ids ?? [...found]).filter((id) => found.has(id))
    if (ids.length === 0) break
  }
  return (ids ?? []).sort((a, b) => b - a)
}

/**
 * A large article's title and snippet: the title as its first piece highlights it, the snippet
 * from the first piece whose body holds a part of the query (else the first piece's).
 */
function decorateLarge(db: ReadableDB, query: string, id: number): Decorated | null {
  const table = pieceTable(ftsTable(query))
  const any = queryParts(query).join(' OR ')
  if (!any) return null
  const first = db
    .prepare(
      `SELECT c.id FROM ${table} JOIN article_chunks c ON c.id = ${table}.rowid
       WHERE ${table} MATCH ? AND c.article_id = ? AND c.id NOT IN (SELECT chunk_id FROM article_chunks_dropped)
       ORDER BY c.seq LIMIT 1`,
    )
    .pluck()
  const head = first.get(any, id) as number | undefined
  if (head === undefined) return null
  const inBody = first.get(`body : (${any})`, id) as number | undefined
  const columns = db.prepare(
    `SELECT highlight(${table}, 0, '${OPEN}', '${CLOSE}') AS title, snippet(${table}, 1, '${OPEN}', '${CLOSE}', '…', 16) AS snippet
     FROM ${table} WHERE ${table} MATCH ? AND rowid = CAST(? AS INTEGER)`,
  )
  const headId = db
    .prepare('SELECT id FROM article_chunks WHERE article_id = ? AND seq = 0 AND id NOT IN (SELECT chunk_id FROM article_chunks_dropped)')
    .pluck()
    .get(id) as number | undefined
  const titled = headId === undefined ? undefined : (columns.get(any, headId) as { title: string; snippet: string } | undefined)
  const title = titled?.title ?? (db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(id) as string | undefined) ?? ''
  const snippet = (columns.get(any, inBody ?? head) as { snippet: string } | undefined)?.snippet ?? ''
  return { id, title, snippet }
}

interface Decorated {
  id: number
  title: string
  snippet: string
}

const decorateColumns = (fts: FtsTable): string =>
  `highlight(${fts}, 0, '${OPEN}', '${CLOSE}') AS title, snippet(${fts}, 1, '${OPEN}', '${CLOSE}', '…', 16) AS snippet`

/** How decorate reaches the rows: one pass over a rowid range, or a MATCH + rowid seek per id. */
export type DecorateBy = 'range' | 'seek'

/**
 * A range pass reads every match between the smallest and largest id. Newest-first ids are the
 * only matches in their range, and ranked terms and prefixes have at most BROAD_MATCHES, so the
 * pass is short (and a prefix's doclists are merged once instead of once per seek). A ranked
 * phrase of common words ("the it who") would re-check positions in every document holding all
 * its words across the range, costing up to a few times more than 50 seeks; theme ids are spread
 * over the whole notebook.
 */
export function decorateBy(mode: PickMode, query: string): DecorateBy {
  if (mode === 'newest') return 'range'
  if (mode === 'theme') return 'seek'
  // toFtsQuery quotes every phrase and term, and tokens hold no quotes or spaces.
  return [...query.matchAll(/"([^"]*)"/g)].some((m) => (m[1] ?? '').includes(' ')) ? 'seek' : 'range'
}

/**
 * Step 2: highlight() and snippet() for just these ids. 'range' is one statement: FTS5 reads only
 * the doclists between the smallest and largest id, and the IN filter runs before the functions,
 * so they run once per id. A plain `rowid IN` would be handed to FTS5 as one rowid seek per value
 * (each seek opens every index segment again, which cost more than the snippets): the unary +
 * keeps it a filter. Rowid bounds are CAST because a JS number binds as REAL, and FTS5 then
 * ignores a rowid constraint while telling SQLite it applied it.
 */
export function decorate(db: ReadableDB, query: string, ids: number[], by: DecorateBy = 'range'): SearchHit[] {
  if (ids.length === 0) return []
  const list = JSON.stringify(ids)
  const fts = ftsTable(query)
  const columns = decorateColumns(fts)
  let text: Decorated[]
  if (by === 'range') {
    text = db
      .prepare(
        `SELECT rowid AS id, ${columns} FROM ${fts}
         WHERE ${fts} MATCH ? AND rowid >= CAST(? AS INTEGER) AND rowid <= CAST(? AS INTEGER)
           AND +rowid IN (SELECT value FROM json_each(?))`,
      )
      .all(query, Math.min(...ids), Math.max(...ids), list) as Decorated[]
  } else {
    const seek = db.prepare(`SELECT rowid AS id, ${columns} FROM ${fts} WHERE ${fts} MATCH ? AND rowid = CAST(? AS INTEGER)`)
    text = ids.flatMap((id) => (seek.get(query, id) as Decorated | undefined) ?? [])
  }
  const meta = db.prepare('SELECT id, outlet, published FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(list) as Array<
    Pick<SearchHit, 'id' | 'outlet' | 'published'>
  >
  // Ids the article indexes do not hold are large articles, found in their pieces.
  const held = new Set(text.map((t) => t.id))
  const missing = ids.filter((id) => !held.has(id))
  if (missing.length && db.prepare('SELECT EXISTS (SELECT 1 FROM article_chunks)').pluck().get())
    text.push(...missing.flatMap((id) => decorateLarge(db, query, id) ?? []))
  const texts = new Map(text.map((t) => [t.id, t]))
  const metas = new Map(meta.map((m) => [m.id, m]))
  return ids.flatMap((id) => {
    const t = texts.get(id)
    const m = metas.get(id)
    return t && m ? [{ id, outlet: m.outlet, published: m.published, title: parts(t.title), snippet: parts(t.snippet) }] : []
  })
}

/**
 * Searches in two steps so the cost stays bounded: pick the top ids (pickIds), then decorate just
 * those rows with highlight() and snippet() (decorate, by the cheaper way for that kind of query).
 */
export function searchArticles(db: ReadableDB, input: string, limit: number, themeId?: number): SearchHit[] {
  const query = toFtsQuery(input)
  if (!query) return []
  const picked = pickIds(db, query, limit, themeId)
  if (picked.ids.length > 0) return decorate(db, query, picked.ids, decorateBy(picked.mode, query))
  // Nothing as typed: the words' other forms (see inflectedQuery), highlighted where they are found.
  const wider = inflectedQuery(input)
  if (!wider || wider === query) return []
  const { ids, mode } = pickIds(db, wider, limit, themeId)
  return decorate(db, wider, ids, decorateBy(mode, wider))
}

/** The shortest stem a word keeps when it is widened to its other forms. */
const MIN_STEM = 5

/**
 * The query widened to the other forms of its words, for when it finds nothing as typed. The index
 * stems English only, so in German, Russian or Spanish text "Sanktion" never found "Sanktionen",
 * nor "санкции" "санкциями": each plain word of five letters or more (its final vowels left out)
 * becomes a prefix ("sanktion*", "санкц*"); phrases, prefixes and short words stay as typed. Null
 * when no word can be widened.
 */
export function inflectedQuery(input: string): string | null {
  let widened = false
  const words = input.replace(/"[^"]*"|\S+/g, (word) => {
    if (word.startsWith('"') || word.endsWith('*')) return word
    const parts = tokens(word)
    if (parts.length !== 1) return word
    const stem = inflectionBase(parts[0] as string)
    if (stem.length < MIN_STEM) return word
    widened = true
    return `${stem}*`
  })
  return widened ? toFtsQuery(words) : null
}
