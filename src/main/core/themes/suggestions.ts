import type { Suggestion } from '../../../shared/model'
import { allBodies } from '../articles/repo'
import type { Db } from '../db/open'
import { listThemes } from './repo'
import { corpusStats, suggestForArticle, themeModel, type CorpusStats } from './suggest'

/** Notebook-wide term statistics, rebuilt lazily after an import. */
export interface SuggestionCache {
  stats: CorpusStats | null
}

interface Span {
  articleId: number
  themeId: number
  start: number
  end: number
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end

/** Suggestions for one article: every live theme (or one), minus spans already coded with that theme or rejected for it. */
export function suggestions(db: Db, cache: SuggestionCache, articleId: number, body: string, themeId?: number): Suggestion[] {
  cache.stats ??= corpusStats(allBodies(db).map((a) => a.body))
  const themes = listThemes(db).filter((t) => themeId === undefined || t.id === themeId)
  const highlightsOf = db.prepare('SELECT id, exact AS text FROM highlights WHERE theme_id = ? ORDER BY id DESC LIMIT 500')
  const models = themes.map((t) => themeModel(t, highlightsOf.all(t.id) as Array<{ id: number; text: string }>, cache.stats as CorpusStats))
  const coded = db.prepare('SELECT theme_id AS themeId, start, "end" FROM highlights WHERE article_id = ?').all(articleId) as Array<{
    themeId: number | null
    start: number
    end: number
  }>
  const rejected = db
    .prepare('SELECT theme_id AS themeId, start, "end" FROM suggestion_rejections WHERE article_id = ?')
    .all(articleId) as Array<{
    themeId: number
    start: number
    end: number
  }>
  return suggestForArticle(articleId, body, models, cache.stats, {
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
