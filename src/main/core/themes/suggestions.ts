import type { Suggestion } from '../../../shared/model'
import { allBodies } from '../articles/repo'
import { cached } from '../db/statements'
import { listThemes } from './repo'
import { corpusStats, suggestForArticle, themeModel, type CorpusStats, type ThemeModel } from './suggest'
import type { ReadableDB, WritableDB } from '../db/types'

/** Notebook-wide term statistics, rebuilt lazily after an import, and the theme models built on them. */
export interface SuggestionCache {
  stats: CorpusStats | null
  /** The theme models of the last call, valid while the notebook is unchanged (see writeMark) and `stats` is the same object. */
  models?: { stats: CorpusStats; mark: string; list: ThemeModel[] } | null
}

interface Span {
  articleId: number
  themeId: number
  start: number
  end: number
}

/**
 * "Is [start, end) coded with this theme?" in O(log n): per theme, the coded spans sorted by start
 * with the running maximum of their ends. (A scan of every highlight for every candidate sentence
 * and theme made an article with thousands of marks and themes take minutes: issue 17 F3.)
 *
 *   codedSpans([{ themeId: 1, start: 10, end: 20 }])(1, 15, 30) // true
 */
export function codedSpans(
  spans: Array<{ themeId: number | null; start: number; end: number }>,
): (themeId: number, start: number, end: number) => boolean {
  const byTheme = new Map<number, Array<{ start: number; end: number }>>()
  for (const s of spans) {
    if (s.themeId === null) continue
    const list = byTheme.get(s.themeId)
    if (list) list.push(s)
    else byTheme.set(s.themeId, [s])
  }
  const index = new Map<number, { starts: number[]; maxEnd: number[] }>()
  for (const [theme, list] of byTheme) {
    list.sort((a, b) => a.start - b.start)
    let max = -Infinity
    index.set(theme, { starts: list.map((s) => s.start), maxEnd: list.map((s) => (max = Math.max(max, s.end))) })
  }
  return (themeId, start, end) => {
    const t = index.get(themeId)
    if (!t) return false
    // Spans that start before `end`; one of them overlaps if the furthest reaching ends after `start`.
    let lo = 0
    let hi = t.starts.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((t.starts[mid] as number) < end) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && (t.maxEnd[lo - 1] as number) > start
  }
}

// Rows written by this connection, and commits by any other: models are rebuilt after any write
// (a highlight, a theme edit, an import) and reused while there is none.
const writeMark = (db: ReadableDB): string =>
  `${(cached(db, 'SELECT total_changes() AS n').get() as { n: number }).n}:${(cached(db, 'PRAGMA data_version').get() as { data_version: number }).data_version}`
const HIGHLIGHTS_OF = 'SELECT id, exact AS text FROM highlights WHERE theme_id = ? ORDER BY id DESC LIMIT 500'

/** Every live theme's model: its keywords expanded by the terms of its highlights, against the notebook's statistics. */
function themeModels(db: ReadableDB, cache: SuggestionCache, stats: CorpusStats): ThemeModel[] {
  const mark = writeMark(db)
  const last = cache.models
  if (last && last.stats === stats && last.mark === mark) return last.list
  const highlightsOf = cached(db, HIGHLIGHTS_OF)
  const list = listThemes(db).map((t) => themeModel(t, highlightsOf.all(t.id) as Array<{ id: number; text: string }>, stats))
  cache.models = { stats, mark, list }
  return list
}

/**
 * How much of a body suggestions read: its first 2,000,000 characters (about 150 ms of the core's
 * thread). Reading is linear, but a book-sized article (the import cap is 20 MB) held the core for
 * a second or more each time it was opened (issue 17 item 2); past this point nothing is suggested.
 */
export const SUGGESTED_CHARS = 2_000_000
const readable = (body: string): string => (body.length > SUGGESTED_CHARS ? body.slice(0, SUGGESTED_CHARS) : body)

/** Suggestions for one article: every live theme (or one), minus spans already coded with that theme or rejected for it. */
export function suggestions(db: ReadableDB, cache: SuggestionCache, articleId: number, body: string, themeId?: number): Suggestion[] {
  cache.stats ??= corpusStats(allBodies(db).map((a) => readable(a.body)))
  const stats = cache.stats
  const models = themeModels(db, cache, stats).filter((m) => themeId === undefined || m.theme.id === themeId)
  const coded = cached(db, 'SELECT theme_id AS themeId, start, "end" FROM highlights WHERE article_id = ?').all(articleId) as Array<{
    themeId: number | null
    start: number
    end: number
  }>
  const rejected = cached(db, 'SELECT theme_id AS themeId, start, "end" FROM suggestion_rejections WHERE article_id = ?').all(
    articleId,
  ) as Array<{ themeId: number; start: number; end: number }>
  const headline = (cached(db, 'SELECT title FROM articles WHERE id = ?').get(articleId) as { title: string } | undefined)?.title
  const isCoded = codedSpans(coded)
  const isRejected = new Set(rejected.map((r) => `${r.themeId}:${r.start}:${r.end}`))
  return suggestForArticle(articleId, readable(body), models, stats, {
    skip: (theme, start, end) => isCoded(theme, start, end) || isRejected.has(`${theme}:${start}:${end}`),
    coded: new Set(coded.flatMap((c) => (c.themeId === null ? [] : [c.themeId]))),
    ...(headline ? { headline } : {}),
  })
}

export function rejectSuggestion(db: WritableDB, span: Span, now: Date): null {
  db.prepare('INSERT OR IGNORE INTO suggestion_rejections (article_id, theme_id, start, "end", created_at) VALUES (?, ?, ?, ?, ?)').run(
    span.articleId,
    span.themeId,
    span.start,
    span.end,
    now.toISOString(),
  )
  return null
}

export function unrejectSuggestion(db: WritableDB, span: Span): null {
  db.prepare('DELETE FROM suggestion_rejections WHERE article_id = ? AND theme_id = ? AND start = ? AND "end" = ?').run(
    span.articleId,
    span.themeId,
    span.start,
    span.end,
  )
  return null
}
