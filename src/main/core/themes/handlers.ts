import type { HandlerContext, HandlersOf } from '../handlers'
import { getArticle } from '../articles/repo'
import { notFound } from '../errors'
import {
  createTheme,
  deleteTheme,
  listThemes,
  mergeThemes,
  reorderThemes,
  restoreTheme,
  setThemeParent,
  unmergeThemes,
  updateTheme,
} from './repo'
import { rejectSuggestion, suggestions, unrejectSuggestion } from './suggestions'

/** The themes.* calls and the theme suggestions (suggestions.*). */
export function themeHandlers({ db, now, cache, write }: HandlerContext): HandlersOf<'themes' | 'suggestions'> {
  return {
    'themes.list': () => listThemes(db),
    'themes.create': (input) => write((db) => createTheme(db, input)),
    'themes.update': ({ id, ...patch }) => write((db) => updateTheme(db, id, patch)),
    'themes.reorder': ({ ids }) => write((db) => reorderThemes(db, ids)),
    'themes.delete': ({ id }) => write((db) => deleteTheme(db, id, now())),
    'themes.restore': ({ id }) => write((db) => restoreTheme(db, id)),
    'themes.merge': ({ sourceId, targetId }) => write((db) => ({ moved: mergeThemes(db, sourceId, targetId, now()) })),
    'themes.unmerge': ({ sourceId, moved }) => write((db) => unmergeThemes(db, sourceId, moved, now())),
    'themes.setParent': ({ id, parentId }) => write((db) => setThemeParent(db, id, parentId)),

    'suggestions.list': ({ articleId, themeId }) => {
      const article = getArticle(db, articleId)
      if (!article) throw notFound('The article')
      return suggestions(db, cache, article.id, article.body, themeId)
    },
    'suggestions.reject': (span) => write((db) => rejectSuggestion(db, span, now())),
    'suggestions.unreject': (span) => write((db) => unrejectSuggestion(db, span)),
  }
}
