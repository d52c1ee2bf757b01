import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { EventSink, Handlers } from '../../shared/contract'
import type { ImportResult, RoundDetection } from '../../shared/model'
import { collectPaths, importSources, prepareArticle, type SourceFile } from './articles/import'
import { createPreparePool } from './articles/prepare-pool'
import { updateArticleMetadata } from './articles/edits'
import { recleanArticles } from './articles/reclean'
import { allBodies, countArticles, getArticle, listArticles } from './articles/repo'
import { articleVersions } from './articles/versions'
import { deleteArticles, restoreArticles, withTrashedArticles, withTrashedHighlights } from './articles/trash'
import { addArticlesToRound, removeArticlesFromRound, updateArticles } from './articles/bulk'
import {
  appendQuote,
  backlinks,
  cellNote,
  createNote,
  deleteNote,
  getNote,
  highlightStates,
  linkTargets,
  listNotes,
  restoreNote,
  saveNote,
  resolveLinks,
} from './notes/repo'
import { createContentCheck, createMarkdownConverter } from './notes/markdown'
import { cellNoteIds, cellTitle } from './notes/cell'
import { createHighlight, deleteHighlight, listHighlights, updateHighlight } from './highlights/repo'
import { listPassages, passageOutlets } from './highlights/passages'
import { suggestions, rejectSuggestion, unrejectSuggestion, type SuggestionCache } from './themes/suggestions'
import { createTheme, deleteTheme, listThemes, mergeThemes, reorderThemes, restoreTheme, unmergeThemes, updateTheme } from './themes/repo'
import { compareRound } from './rounds/compare'
import { matrixRows, roundMatrix } from './rounds/matrix'
import {
  acceptRound,
  deleteRound,
  detectAndStore,
  detectAndStoreAsync,
  publishedChanged,
  publishedOf,
  listRounds,
  mergeRounds,
  moveArticle,
  restoreRound,
  splitRound,
  updateRound,
} from './rounds/repo'
import { latestVersion, schemaVersion } from './db/migrate'
import { openDatabase, type Db } from './db/open'
import { notFound, readOnlyNotebook } from './errors'
import { searchArticles } from './search/fts'
import { checkPageDestination } from './export/destination'
import { exportKey, exportVault } from './export/vault'
import {
  createLink,
  createRelation,
  deleteLink,
  deleteRelation,
  hideLinksOf,
  highlightIdsOf,
  listLinks,
  passageTargets,
  listRelations,
  restoreLink,
  restoreRelation,
  showLinksOf,
  updateLink,
  updateRelation,
} from './links/repo'
import {
  acceptClaim,
  mergeSpeakers,
  rejectClaim,
  roundClaims,
  roundQuoteCredits,
  speakersOfRound,
  unmergeSpeaker,
  unrejectClaim,
} from './claims/repo'

/** How many import answers are kept for a repeated call (a resend follows its call within seconds). */
const IMPORT_ANSWERS_KEPT = 16

/** Above this size, import no longer re-runs round detection by itself. */
export const AUTO_DETECT_MAX_ARTICLES = 300
/** …and only after a small import (a few articles dropped in), not a bulk one. */
export const AUTO_DETECT_MAX_BATCH = 50

export interface Notebook {
  readonly file: string
  readonly db: Db
  readonly handlers: Handlers
  /** Path of the pre-migration backup written when this notebook was opened, if any. */
  readonly backup: string | null
  importPaths(paths: string[]): Promise<ImportResult[]>
  close(): void
}

export interface NotebookOptions {
  readOnly?: boolean
  /** Where core events go (progress, changes); hosts forward them to the UI. */
  emit?: EventSink
  /**
   * The bundled worker script that prepares imported files (out/main/prepare-worker.js). Hosts
   * pass it; without it (tests, the bench) files are prepared in process.
   */
  prepareWorker?: string
  /**
   * Who names the folder of notebook.export: the page (the default: only folders checkPageDestination
   * allows) or the terminal (`parley export --out DIR`: any folder the user typed).
   */
  exportFrom?: 'page' | 'terminal'
}

/** Opens a notebook file and implements the contract on it. The core knows no host. */
export function openNotebook(file: string, options: NotebookOptions = {}): Notebook {
  const { db, backup } = openDatabase(file, { readOnly: options.readOnly })
  const emit: EventSink = options.emit ?? (() => undefined)
  const readOnly = options.readOnly ?? false
  const now = (): Date => new Date()
  const cache: SuggestionCache = { stats: null }
  const pool = options.prepareWorker && !readOnly ? createPreparePool({ script: options.prepareWorker }) : null
  let detecting: Promise<RoundDetection> | null = null
  let closed = false
  /** The answers of the latest articles.import calls by requestId (see the contract). */
  const imports = new Map<string, Promise<ImportResult[]>>()
  let markdown: ((content: unknown) => string) | undefined
  let checkContent: ((content: unknown) => void) | undefined
  // Every write goes through here: a read-only notebook refuses it with a clear message.
  const write = <T>(fn: () => T): T => {
    if (readOnly) throw readOnlyNotebook()
    return fn()
  }

  const runImport = async (sources: Array<SourceFile | string>): Promise<ImportResult[]> => {
    if (readOnly) throw readOnlyNotebook()
    const batch = randomUUID()
    const results = await importSources(
      db,
      sources,
      { onResult: (result, done, total) => emit('import.progress', { batch, done, total, result }) },
      pool?.prepare,
    )
    if (results.some((r) => r.status === 'imported')) {
      cache.stats = null
      // New articles may report new rounds: propose them (the user's own decisions are kept).
      // Detection reads every article, so large notebooks leave it to "Detect rounds".
      const added = results.filter((r) => r.status === 'imported').length
      if (added <= AUTO_DETECT_MAX_BATCH && countArticles(db) <= AUTO_DETECT_MAX_ARTICLES) detectAndStore(db, now())
      emit('library.changed', { reason: 'import' })
    }
    return results
  }

  // After a date is set, changed or removed, the articles' rounds may change: detection runs again at
  // once (a small notebook's is done before the next call is read, so what the user sees next is
  // current), paced; edits made while it runs are taken by one more run after it. The library is told
  // when the rounds are stored. The user's accepted, edited, split and merged rounds and placed
  // articles still win (storeDetection).
  let redetectPending = false
  const redetect = (): void => {
    redetectPending = false
    void (detecting ??= detectAndStoreAsync(db, now).finally(() => (detecting = null))).then(
      () => {
        if (closed) return
        emit('library.changed', { reason: 'edit' })
        if (redetectPending) redetect()
      },
      // The notebook was closed meanwhile: nothing to store.
      () => undefined,
    )
  }
  const redetectAfterDates = (before: Map<number, string | null>): void => {
    if (!publishedChanged(db, before)) return
    if (detecting) redetectPending = true
    else redetect()
  }

  const handlers: Handlers = {
    'notebook.info': () => ({
      path: file,
      articles: countArticles(db),
      schemaVersion: schemaVersion(db),
      readOnly,
      exportDir: join(homedir(), 'Documents', 'Parley export'),
    }),
    'notebook.export': ({ dir, wikilinks }) =>
      exportVault(db, options.exportFrom === 'terminal' ? dir : checkPageDestination(dir, exportKey(db)), {
        wikilinks,
        onProgress: (done, total) => emit('export.progress', { done, total }),
      }),
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
      write(() => {
        const before = publishedOf(db, [id])
        const article = updateArticleMetadata(db, id, patch)
        emit('library.changed', { reason: 'edit' })
        redetectAfterDates(before)
        return article
      }),
    'articles.delete': ({ ids }) =>
      write(() => {
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
      write(() => {
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
      write(() => {
        const before = publishedOf(
          db,
          patches.map((p) => p.id),
        )
        const edit = updateArticles(db, patches)
        emit('library.changed', { reason: 'edit' })
        redetectAfterDates(before)
        return edit
      }),
    'articles.addToRound': ({ roundId, ids }) => write(() => addArticlesToRound(db, roundId, ids, now())),
    'articles.removeFromRound': ({ roundId, ids, restore }) => write(() => removeArticlesFromRound(db, roundId, ids, restore)),
    'articles.reclean': ({ id }) =>
      write(async () => {
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

    'themes.list': () => listThemes(db),
    'themes.create': (input) => write(() => createTheme(db, input)),
    'themes.update': ({ id, ...patch }) => write(() => updateTheme(db, id, patch)),
    'themes.reorder': ({ ids }) => write(() => reorderThemes(db, ids)),
    'themes.delete': ({ id }) => write(() => deleteTheme(db, id, now())),
    'themes.restore': ({ id }) => write(() => restoreTheme(db, id)),
    'themes.merge': ({ sourceId, targetId }) => write(() => ({ moved: mergeThemes(db, sourceId, targetId, now()) })),
    'themes.unmerge': ({ sourceId, moved }) => write(() => unmergeThemes(db, sourceId, moved, now())),

    'highlights.list': ({ articleId }) => {
      if (!getArticle(db, articleId)) throw notFound('The article')
      return listHighlights(db, articleId)
    },
    'highlights.create': (input) => write(() => createHighlight(db, input, now())),
    'highlights.update': ({ id, ...patch }) => write(() => updateHighlight(db, id, patch, now())),
    'highlights.delete': ({ id }) =>
      write(() =>
        db.transaction(() => {
          hideLinksOf(db, [id], 'highlight', now())
          return deleteHighlight(db, id)
        })(),
      ),
    'highlights.restore': (h) =>
      write(() =>
        db.transaction(() => {
          const restored = createHighlight(db, h, now())
          showLinksOf(db, [restored.id], 'highlight')
          return restored
        })(),
      ),

    'passages.list': ({ themeId, ...filter }) => ({
      ...listPassages(db, { themeId, ...filter }),
      outlets: passageOutlets(db, themeId),
    }),
    'suggestions.list': ({ articleId, themeId }) => {
      const article = getArticle(db, articleId)
      if (!article) throw notFound('The article')
      return suggestions(db, cache, article.id, article.body, themeId)
    },
    'suggestions.reject': (span) => write(() => rejectSuggestion(db, span, now())),
    'suggestions.unreject': (span) => write(() => unrejectSuggestion(db, span)),
    'rounds.list': () => listRounds(db),
    // One detection at a time: a second request while one runs gets the same answer.
    'rounds.detect': () => write(() => (detecting ??= detectAndStoreAsync(db, now).finally(() => (detecting = null)))),
    'rounds.update': ({ id, ...patch }) => write(() => updateRound(db, id, patch, now())),
    'rounds.accept': ({ id }) => write(() => acceptRound(db, id, now())),
    'rounds.merge': ({ sourceId, targetId }) => write(() => mergeRounds(db, sourceId, targetId, now())),
    'rounds.split': ({ id, articleIds, title }) => write(() => splitRound(db, id, articleIds, title, now())),
    'rounds.moveArticle': ({ articleId, fromId, toId, role }) => write(() => moveArticle(db, articleId, fromId, toId, role, now())),
    'rounds.delete': ({ id }) => write(() => deleteRound(db, id, now())),
    'rounds.restore': (snapshot) => write(() => restoreRound(db, snapshot, now())),
    'rounds.compare': ({ id }) => compareRound(db, id),
    'matrix.get': ({ deferred }) => {
      const matrix = roundMatrix(db, cache, { deferred })
      const notes = cellNoteIds(db)
      for (const cell of matrix.cells) cell.noteId = notes.get(`${cell.roundId}:${cell.themeId}`) ?? null
      return matrix
    },
    'matrix.rows': ({ roundIds, coverage }) => matrixRows(db, cache, roundIds, coverage),

    'notes.list': ({ query }) => listNotes(db, query),
    'notes.get': ({ id }) => getNote(db, id),
    'notes.create': (input) =>
      write(() => {
        if (input.content !== undefined) (checkContent ??= createContentCheck())(input.content)
        return createNote(db, input, now())
      }),
    'notes.save': ({ id, ...patch }) =>
      write(() => {
        if (patch.content !== undefined) (checkContent ??= createContentCheck())(patch.content)
        return saveNote(db, id, patch, now())
      }),
    'notes.delete': ({ id }) => write(() => deleteNote(db, id, now())),
    'notes.restore': ({ id }) => write(() => restoreNote(db, id)),
    'notes.cell': ({ roundId, themeId }) => write(() => cellNote(db, roundId, themeId, cellTitle(db, roundId, themeId), now())),
    'notes.backlinks': ({ kind, id }) => backlinks(db, kind, id),
    'notes.appendQuote': ({ noteId, highlightId }) => write(() => appendQuote(db, noteId, highlightId, now())),
    'notes.markdown': ({ id }) => (markdown ??= createMarkdownConverter())(getNote(db, id).content),
    'links.search': ({ query, limit }) => linkTargets(db, query, limit),
    'links.resolve': ({ refs }) => withTrashedArticles(db, resolveLinks(db, refs)),
    'highlights.lookup': ({ ids }) => withTrashedHighlights(db, highlightStates(db, ids)),

    'passageLinks.list': (filter) => listLinks(db, filter),
    'passageLinks.targets': ({ query, except, limit }) => passageTargets(db, query, limit, except),
    'passageLinks.create': (input) => write(() => createLink(db, input, now())),
    'passageLinks.update': ({ id, ...patch }) => write(() => updateLink(db, id, patch)),
    'passageLinks.delete': ({ id }) => write(() => deleteLink(db, id, now())),
    'passageLinks.restore': ({ id }) => write(() => restoreLink(db, id)),
    'linkRelations.list': () => listRelations(db),
    'linkRelations.create': (input) => write(() => createRelation(db, input)),
    'linkRelations.update': ({ id, ...patch }) => write(() => updateRelation(db, id, patch)),
    'linkRelations.delete': ({ id }) => write(() => deleteRelation(db, id, now())),
    'linkRelations.restore': ({ id }) => write(() => restoreRelation(db, id)),
    'claims.propose': ({ roundId }) => roundClaims(db, roundId),
    'claims.accept': ({ roundId, key }) => write(() => acceptClaim(db, roundId, key, now())),
    'claims.speakers': ({ roundId }) => speakersOfRound(db, roundId),
    'claims.mergeSpeaker': ({ from, into, name }) => write(() => mergeSpeakers(db, from, into, name, now())),
    'claims.unmergeSpeaker': ({ from }) => write(() => unmergeSpeaker(db, from)),
    'claims.quoteCredits': ({ roundId }) => roundQuoteCredits(db, roundId),
    'claims.reject': ({ roundId, key }) => write(() => rejectClaim(db, roundId, key, now())),
    'claims.unreject': ({ roundId, key }) => write(() => unrejectClaim(db, roundId, key)),
  }

  return {
    file,
    db,
    handlers,
    backup,
    importPaths: (paths) => runImport(collectPaths(paths)),
    close: () => {
      closed = true
      void pool?.close()
      db.close()
    },
  }
}

export interface FirstRun {
  notebook: Notebook
  created: boolean
  seeded: ImportResult[]
}

/** Opens the default notebook, creating it and importing the seed corpus the first time. */
export async function openOrCreateDefault(file: string, seedsDir: string | null, options: NotebookOptions = {}): Promise<FirstRun> {
  const created = !existsSync(file)
  const notebook = openNotebook(file, options)
  const seeded = created && seedsDir && existsSync(seedsDir) ? await notebook.importPaths([seedsDir]) : []
  return { notebook, created, seeded }
}

export { latestVersion, allBodies }
