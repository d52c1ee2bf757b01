import type { Suggestion } from '../../../shared/model'
import { allBodies } from '../articles/repo'
import type { Db } from '../db/open'
import { cached } from '../db/statements'
import { listThemes } from './repo'
import { corpusStats, suggestForArticle, themeModel, type CorpusStats, type ThemeModel } from './suggest'

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

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end

// Rows written by this connection, and commits by any other: models are rebuilt after any write
// (a highlight, a theme edit, an import) and reused while there is none.
const writeMark = (db: Db): string =>
  `${(cached(db, 'SELECT total_changes() AS n').get() as { n: number }).n}:${(cached(db, 'PRAGMA data_version').get() as { data_version: number }).data_version}`
const HIGHLIGHTS_OF = 'SELECT id, exact AS text FROM highlights WHERE theme_id = ? ORDER BY id DESC LIMIT 500'

/** Every live theme's model: its keywords expanded by the terms of its highlights, against the notebook's statistics. */
function themeModels(db: Db, cache: SuggestionCache, stats: CorpusStats): ThemeModel[] {
  const mark = writeMark(db)
  const last = cache.models
  if (last && last.stats === stats && last.mark === mark) return last.list
  const highlightsOf = cached(db, HIGHLIGHTS_OF)
  const list = listThemes(db).map((t) => themeModel(t, highlightsOf.all(t.id) as Array<{ id: number; text: string }>, stats))
  cache.models = { stats, mark, list }
  return list
}

/** Suggestions for one article: every live theme (or one), minus spans already coded with that theme or rejected for it. */
export function suggestions(db: Db, cache: SuggestionCache, articleId: number, body: string, themeId?: number): Suggestion[] {
  cache.stats ??= corpusStats(allBodies(db).map((a) => a.body))
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
  return suggestForArticle(articleId, body, models, stats, {
    skip: (theme, start, end) =>
      coded.some((h) => h.themeId === theme && overlaps(h, { start, end })) ||
      rejected.some((r) => r.themeId === theme && r.start === start && r.end === end),
  })
}

export function rejectSuggestion(db: Db, span: Span, now: Date): null {
  db.prepare('INSERT OR IGNORE INTO suggestion_rejections (article_id, theme_id, start, "end", created_at) VALUES (?, ?, ?, ?, ?)').run(
    span.articleId,
    span.themeId,
    span.start,
    span.end,
    now.toISOString(),
  )
  return null
}

export function unrejectSuggestion(db: Db, span: Span): null {
  db.prepare('DELETE FROM suggestion_rejections WHERE article_id = ? AND theme_id = ? AND start = ? AND "end" = ?').run(
    span.articleId,
    span.themeId,
    span.start,
    span.end,
  )
  return null
}
