import type { SearchHit, SnippetPart } from '../../../shared/model'
import type { Db } from '../db/open'

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

export const SEARCH_SQL = `
  SELECT a.id, a.outlet, a.published,
         highlight(articles_fts, 0, '${OPEN}', '${CLOSE}') AS title,
         snippet(articles_fts, 1, '${OPEN}', '${CLOSE}', '…', 16) AS snippet
  FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
  WHERE articles_fts MATCH ?
  ORDER BY bm25(articles_fts, 5.0, 1.0)
  LIMIT ?`

const SEARCH_IN_THEME_SQL = SEARCH_SQL.replace(
  'WHERE articles_fts MATCH ?',
  'WHERE articles_fts MATCH ? AND a.id IN (SELECT article_id FROM highlights WHERE theme_id = ?)',
)

export function searchArticles(db: Db, input: string, limit: number, themeId?: number): SearchHit[] {
  const query = toFtsQuery(input)
  if (!query) return []
  const rows = (
    themeId === undefined ? db.prepare(SEARCH_SQL).all(query, limit) : db.prepare(SEARCH_IN_THEME_SQL).all(query, themeId, limit)
  ) as Array<{
    id: number
    outlet: string | null
    published: string | null
    title: string
    snippet: string
  }>
  return rows.map((r) => ({ id: r.id, outlet: r.outlet, published: r.published, title: parts(r.title), snippet: parts(r.snippet) }))
}
