import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { EventSink, Handlers } from '../../shared/contract'
import type { ImportResult } from '../../shared/model'
import { articleHandlers } from './articles/handlers'
import { collectPaths, importSources, type SourceFile } from './articles/import'
import { createPreparePool } from './articles/prepare-pool'
import { allBodies, countArticles } from './articles/repo'
import { holdsSeeds } from './articles/seeds'
import { claimHandlers } from './claims/handlers'
import { latestVersion, schemaVersion } from './db/migrate'
import { openDatabase } from './db/open'
import { writableOf, type ReadableDB, type WritableDB } from './db/types'
import { readOnlyNotebook } from './errors'
import { exportHandlers } from './export/handlers'
import type { HandlerContext } from './handlers'
import { highlightHandlers } from './highlights/handlers'
import { linkHandlers } from './links/handlers'
import { noteHandlers } from './notes/handlers'
import { pieceWriter } from './search/chunks'
import { roundDetection } from './rounds/detection'
import { roundHandlers } from './rounds/handlers'
import { matrixHandlers } from './rounds/matrix-handlers'
import { themeHandlers } from './themes/handlers'
import type { SuggestionCache } from './themes/suggestions'

/**
 * An open notebook. `D` is its connection's type: WritableDB when it was opened writable (the
 * default), ReadableDB when it may be read-only (openNotebook's overloads say which).
 */
export interface Notebook<D extends ReadableDB = ReadableDB> {
  readonly file: string
  readonly db: D
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

/** Opens a notebook file and implements the contract on it. The core knows no host. */
export function openNotebook(file: string, options?: NotebookOptions & { readOnly?: false }): Notebook<WritableDB>
export function openNotebook(file: string, options: NotebookOptions): Notebook
export function openNotebook(file: string, options: NotebookOptions = {}): Notebook {
  const { db, backup } = openDatabase(file, { readOnly: options.readOnly })
  const emit: EventSink = options.emit ?? (() => undefined)
  const readOnly = options.readOnly ?? false
  // The writable handle exists only when SQLite opened the notebook writable; write() alone hands it out.
  const writable = readOnly ? null : writableOf(db)
  const now = (): Date => new Date()
  const cache: SuggestionCache = { stats: null }
  const pool = options.prepareWorker && !readOnly ? createPreparePool({ script: options.prepareWorker }) : null
  // Large bodies are indexed in pieces between turns of the event loop (search/chunks.ts): queued by
  // an import or an edit, taken up again at open.
  const pieces = writable ? pieceWriter(writable) : null
  pieces?.kick()
  // Every write goes through here: a read-only notebook refuses it with a clear message. The
  // types already forbid it (no WritableDB without this); the check stays as defence in depth.
  const write = <T>(fn: (db: WritableDB) => T): T => {
    if (readOnly || !writable) throw readOnlyNotebook()
    const result = fn(writable)
    pieces?.kick()
    return result
  }
  const detection = roundDetection(now, emit)

  const runImport = async (sources: Array<SourceFile | string>): Promise<ImportResult[]> => {
    if (readOnly || !writable) throw readOnlyNotebook()
    const batch = randomUUID()
    const results = await importSources(
      writable,
      sources,
      { onResult: (result, done, total) => emit('import.progress', { batch, done, total, result }) },
      pool?.prepare,
    )
    pieces?.kick()
    const added = results.filter((r) => r.status === 'imported').length
    if (added > 0) {
      cache.stats = null
      // Awaited: the import's answer comes once its rounds are stored.
      await detection.afterImport(writable, added)
      emit('library.changed', { reason: 'import' })
    }
    return results
  }

  const context: HandlerContext = { db, cacheWriter: writable, emit, now, cache, write, redetectAfterDates: detection.afterDates }
  // Each feature's calls live beside the feature (articles/handlers.ts, rounds/handlers.ts…); only
  // notebook.info, which describes this open notebook, is here.
  const handlers: Handlers = {
    ...articleHandlers(context, runImport),
    ...themeHandlers(context),
    ...highlightHandlers(context),
    ...noteHandlers(context),
    ...linkHandlers(context),
    ...claimHandlers(context),
    ...roundHandlers(context, detection),
    ...matrixHandlers(context),
    ...exportHandlers(context, options.exportFrom ?? 'page'),
    'notebook.info': () => ({
      path: file,
      articles: countArticles(db),
      schemaVersion: schemaVersion(db),
      readOnly,
      exportDir: join(homedir(), 'Documents', 'Parley export'),
      seeded: holdsSeeds(db, options.seedsDir),
    }),
  }

  return {
    file,
    db,
    handlers,
    backup,
    // Paths come from a command line, a first run or the desktop's Import: its answer comes once large
    // bodies are indexed too (pieces yield to the event loop), so `parley import` leaves every one findable.
    importPaths: async (paths) => {
      const results = await runImport(collectPaths(paths))
      await pieces?.idle()
      return results
    },
    close: () => {
      detection.close()
      pieces?.close()
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
