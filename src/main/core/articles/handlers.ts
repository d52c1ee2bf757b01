import type { ImportResult } from '../../../shared/model'
import type { HandlerContext, HandlersOf } from '../handlers'
import { notFound } from '../errors'
import { hideLinksOf, highlightIdsOf, showLinksOf } from '../links/repo'
import { publishedOf } from '../rounds/repo'
import { searchArticles } from '../search/fts'
import { addArticlesToRound, removeArticlesFromRound, updateArticles } from './bulk'
import { updateArticleMetadata } from './edits'
import { prepareArticle, type SourceFile } from './import'
import { recleanArticles } from './reclean'
import { getArticle, listArticles } from './repo'
import { deleteArticles, restoreArticles } from './trash'
import { articleVersions } from './versions'

/** How many import answers are kept for a repeated call (a resend follows its call within seconds). */
const IMPORT_ANSWERS_KEPT = 16

/** The articles.* calls. `runImport` is the notebook's (importPaths uses it too). */
export function articleHandlers(
  { db, emit, now, cache, write, redetectAfterDates }: HandlerContext,
  runImport: (sources: Array<SourceFile | string>) => Promise<ImportResult[]>,
): HandlersOf<'articles'> {
  /** The answers of the latest articles.import calls by requestId (see the contract). */
  const imports = new Map<string, Promise<ImportResult[]>>()
  return {
    'articles.list': ({ sort, direction, themeId, limit }) => listArticles(db, sort, direction, themeId, limit),
    'articles.get': ({ id }) => {
      const article = getArticle(db, id)
      if (!article) throw notFound('The article')
      return article
    },
    'articles.search': ({ query, limit, themeId }) => searchArticles(db, query, limit, themeId),
    'articles.import': ({ files, requestId }) => {
      const run = (): Promise<ImportResult[]> => runImport(files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64') })))
      if (requestId === undefined) return run()
      // A repeated call (same id) gets the answer of the first, running or done: what the store did.
      const known = imports.get(requestId)
      if (known) return known
      const answer = run()
      imports.set(requestId, answer)
      answer.catch(() => imports.delete(requestId))
      while (imports.size > IMPORT_ANSWERS_KEPT) imports.delete(imports.keys().next().value as string)
      return answer
    },

    'articles.update': ({ id, ...patch }) =>
      write((db) => {
        const before = publishedOf(db, [id])
        const article = updateArticleMetadata(db, id, patch)
        emit('library.changed', { reason: 'edit' })
        redetectAfterDates(db, before)
        return article
      }),
    'articles.delete': ({ ids }) =>
      write((db) => {
        // The passages' typed links are hidden with them and come back with articles.restore.
        const deleted = db.transaction(() => {
          hideLinksOf(db, highlightIdsOf(db, ids), 'article', now())
          return deleteArticles(db, ids, now())
        })()
        cache.stats = null
        emit('library.changed', { reason: 'edit' })
        return deleted
      }),
    'articles.restore': ({ ids }) =>
      write((db) => {
        const restored = db.transaction(() => {
          const back = restoreArticles(db, ids)
          showLinksOf(db, highlightIdsOf(db, back.ids), 'article')
          return back
        })()
        cache.stats = null
        emit('library.changed', { reason: 'edit' })
        return restored
      }),
    'articles.updateMany': ({ patches }) =>
      write((db) => {
        const before = publishedOf(
          db,
          patches.map((p) => p.id),
        )
        const edit = updateArticles(db, patches)
        emit('library.changed', { reason: 'edit' })
        redetectAfterDates(db, before)
        return edit
      }),
    'articles.addToRound': ({ roundId, ids }) => write((db) => addArticlesToRound(db, roundId, ids, now())),
    'articles.removeFromRound': ({ roundId, ids, restore }) => write((db) => removeArticlesFromRound(db, roundId, ids, restore)),
    'articles.reclean': ({ id }) =>
      write(async (db) => {
        if (id !== undefined && !getArticle(db, id)) throw notFound('The article')
        const result = await recleanArticles(db, id === undefined ? undefined : [id], now())
        cache.stats = null
        if (result.changed) emit('library.changed', { reason: 'reclean' })
        return result
      }),
    'articles.versions': ({ id }) => articleVersions(db, id),
    'articles.removed': ({ id }) => {
      const article = getArticle(db, id)
      if (!article) throw notFound('The article')
      return prepareArticle({ name: article.sourceName, bytes: Buffer.from(article.raw, 'utf8') }).dropped
    },
  }
}
