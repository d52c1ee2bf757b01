import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { EventSink, Handlers } from '../../shared/contract'
import type { ImportResult, RoundDetection } from '../../shared/model'
import { articleHandlers } from './articles/handlers'
import { collectPaths, importSources, type SourceFile } from './articles/import'
import { createPreparePool } from './articles/prepare-pool'
import { allBodies, countArticles, latestIdBySource } from './articles/repo'
import { claimHandlers } from './claims/handlers'
import { latestVersion, schemaVersion } from './db/migrate'
import { openDatabase, type Db } from './db/open'
import { readOnlyNotebook } from './errors'
import { checkPageDestination } from './export/destination'
import { exportKey, exportVault } from './export/vault'
import type { HandlerContext } from './handlers'
import { highlightHandlers } from './highlights/handlers'
import { linkHandlers } from './links/handlers'
import { noteHandlers } from './notes/handlers'
import { cellNoteIds } from './notes/cell'
import { compareRound } from './rounds/compare'
import { matrixRows, roundMatrix } from './rounds/matrix'
import {
  acceptRound,
  deleteRound,
  detectAndStoreAsync,
  publishedChanged,
  listRounds,
  mergeRounds,
  moveArticle,
  restoreRound,
  splitRound,
  updateRound,
} from './rounds/repo'
import { themeHandlers } from './themes/handlers'
import type { SuggestionCache } from './themes/suggestions'

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
  /** The seeds folder a first run imports into the default notebook; notebook.info's `seeded` looks for its files. */
  seedsDir?: string
}

/**
 * Whether this notebook holds articles imported from the seeds folder (first run's sample
 * notebook): the UI shows its welcome there only. Read from the articles themselves, so it holds
 * after a restart without a schema change.
 */
function holdsSeeds(db: Db, seedsDir: string | undefined): boolean {
  if (!seedsDir || !existsSync(seedsDir)) return false
  return readdirSync(seedsDir).some((name) => latestIdBySource(db, join(seedsDir, name)) !== null)
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
      // Sliced like every other detection (a date-dense file must not hold the core's thread, issue 17
      // F4), and awaited: the import's answer comes once its rounds are stored.
      if (added <= AUTO_DETECT_MAX_BATCH && countArticles(db) <= AUTO_DETECT_MAX_ARTICLES) {
        // A detection already running read the notebook before these articles: wait for it, then run one that sees them.
        if (detecting) await detecting.catch(() => undefined)
        const run = detectAndStoreAsync(db, now)
        detecting = run
        try {
          await run
        } finally {
          if (detecting === run) detecting = null
        }
      }
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

  const context: HandlerContext = { db, emit, now, cache, write, redetectAfterDates }
  // Each feature's calls live beside the feature (articles/handlers.ts, notes/handlers.ts…); the
  // notebook's own calls and the rounds' and matrix's are here.
  const handlers: Handlers = {
    ...articleHandlers(context, runImport),
    ...themeHandlers(context),
    ...highlightHandlers(context),
    ...noteHandlers(context),
    ...linkHandlers(context),
    ...claimHandlers(context),
    'notebook.info': () => ({
      path: file,
      articles: countArticles(db),
      schemaVersion: schemaVersion(db),
      readOnly,
      exportDir: join(homedir(), 'Documents', 'Parley export'),
      seeded: holdsSeeds(db, options.seedsDir),
    }),
    'notebook.export': ({ dir, wikilinks }) =>
      exportVault(db, options.exportFrom === 'terminal' ? dir : checkPageDestination(dir, exportKey(db)), {
        wikilinks,
        onProgress: (done, total) => emit('export.progress', { done, total }),
      }),
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
  const notebook = openNotebook(file, { ...options, seedsDir: seedsDir ?? undefined })
  const seeded = created && seedsDir && existsSync(seedsDir) ? await notebook.importPaths([seedsDir]) : []
  return { notebook, created, seeded }
}

export { latestVersion, allBodies }
