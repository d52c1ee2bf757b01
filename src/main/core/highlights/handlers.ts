import type { HandlerContext, HandlersOf } from '../handlers'
import { getArticle } from '../articles/repo'
import { withTrashedHighlights } from '../articles/trash'
import { notFound } from '../errors'
import { hideLinksOf, showLinksOf } from '../links/repo'
import { highlightStates } from '../notes/repo'
import { listPassages, passageOutlets } from './passages'
import { createHighlight, deleteHighlight, listHighlights, updateHighlight } from './repo'

/** The highlights.* calls and the passages across articles (passages.list). */
export function highlightHandlers({ db, now, write }: HandlerContext): HandlersOf<'highlights' | 'passages'> {
  return {
    'highlights.list': ({ articleId }) => {
      if (!getArticle(db, articleId)) throw notFound('The article')
      return listHighlights(db, articleId)
    },
    'highlights.create': (input) => write((db) => createHighlight(db, input, now())),
    'highlights.update': ({ id, ...patch }) => write((db) => updateHighlight(db, id, patch, now())),
    'highlights.delete': ({ id }) =>
      write((db) =>
        db.transaction(() => {
          hideLinksOf(db, [id], 'highlight', now())
          return deleteHighlight(db, id)
        })(),
      ),
    'highlights.restore': (h) =>
      write((db) =>
        db.transaction(() => {
          const restored = createHighlight(db, h, now())
          showLinksOf(db, [restored.id], 'highlight')
          return restored
        })(),
      ),
    // Whether quoted highlights still exist (a note's quotes), trashed ones included.
    'highlights.lookup': ({ ids }) => withTrashedHighlights(db, highlightStates(db, ids)),

    'passages.list': ({ themeId, ...filter }) => ({
      ...listPassages(db, { themeId, ...filter }),
      outlets: passageOutlets(db, themeId),
    }),
  }
}
