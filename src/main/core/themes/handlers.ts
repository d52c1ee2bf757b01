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
    'themes.create': (input) => write(() => createTheme(db, input)),
    'themes.update': ({ id, ...patch }) => write(() => updateTheme(db, id, patch)),
    'themes.reorder': ({ ids }) => write(() => reorderThemes(db, ids)),
    'themes.delete': ({ id }) => write(() => deleteTheme(db, id, now())),
    'themes.restore': ({ id }) => write(() => restoreTheme(db, id)),
    'themes.merge': ({ sourceId, targetId }) => write(() => ({ moved: mergeThemes(db, sourceId, targetId, now()) })),
    'themes.unmerge': ({ sourceId, moved }) => write(() => unmergeThemes(db, sourceId, moved, now())),
    'themes.setParent': ({ id, parentId }) => write(() => setThemeParent(db, id, parentId)),

    'suggestions.list': ({ articleId, themeId }) => {
      const article = getArticle(db, articleId)
      if (!article) throw notFound('The article')
      return suggestions(db, cache, article.id, article.body, themeId)
    },
    'suggestions.reject': (span) => write(() => rejectSuggestion(db, span, now())),
    'suggestions.unreject': (span) => write(() => unrejectSuggestion(db, span)),
  }
}
