import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs'
import { extname, join } from 'node:path'
import type { ImportResult } from '../../../shared/model'
import { cached } from '../db/statements'
import { errors, ParleyError } from '../errors'
import type { MarkedPassage } from './markdown'
import { anchor, describe } from '../highlights/anchor'
import { insertHighlight } from '../highlights/repo'
import { createTheme } from '../themes/repo'
import { applyEdits, parseEdits } from './edits'
import { findIdByHash, getArticleRow, insertArticle } from './repo'
import { nextId } from './trash'
import { findPreviousVersion } from './versions'
import { IMPORTABLE_EXTENSIONS, prepareArticle, readSource, type PreparedArticle, type SourceFile } from './prepare'
import type { WritableDB } from '../db/types'

export { IMPORTABLE_EXTENSIONS, prepareArticle, readSource, type PreparedArticle, type PrepareOptions, type SourceFile } from './prepare'

/**
 * What one imported file may add to the notebook's coding. Each new theme is another model that
 * every article's suggestions are scored against, on the core's thread (issue 17 F3: 9,000 theme
 * names fit in 64 KB of front matter), so a file that names more is cut short, and says so.
 */
export const MAX_NEW_THEMES_PER_FILE = 50
export const MAX_MARKS_PER_FILE = 2000

/**
 * Highlights the marked passages found again in the stored body (a theme is found by name, or
 * made, up to MAX_NEW_THEMES_PER_FILE); returns what was left out, as a sentence, or null.
 */
function highlightMarks(db: WritableDB, articleId: number, body: string, marks: MarkedPassage[], now: Date): string | null {
  const themeIds = new Map<string, number | null>()
  let created = 0
  let untheme = 0
  const themeId = (name: string | null): number | null => {
    if (!name?.trim()) return null
    const key = name.trim().toLowerCase()
    let id = themeIds.get(key)
    if (id === undefined) {
      id =
        (cached(db, 'SELECT id FROM themes WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').pluck().get(name.trim()) as
          number | undefined) ??
        (created < MAX_NEW_THEMES_PER_FILE ? (created++, createTheme(db, { name: name.trim().slice(0, 80) }).id) : null)
      themeIds.set(key, id)
    }
    if (id === null) untheme++
    return id
  }
  let from = 0
  // Numbered above the trash's highlights too (as a highlight the user makes), so a note quoting a
  // deleted article's passage never resolves to an imported one; counted on, not looked up per mark.
  let id = nextId(db, 'highlights')
  for (const mark of marks.slice(0, MAX_MARKS_PER_FILE)) {
    // Marks come in text order: look from the end of the previous one first.
    const guess = body.indexOf(mark.exact, from)
    const found = anchor(body, { start: guess < 0 ? 0 : guess, end: guess < 0 ? 0 : guess + mark.exact.length, ...mark })
    if (found.how === 'orphan') continue
    insertHighlight(db, {
      id: id++,
      articleId,
      themeId: themeId(mark.theme),
      selector: describe(body, found.start, found.end),
      comment: (mark.comment ?? '').slice(0, 10_000),
      at: now.toISOString(),
    })
    from = found.end
  }
  const left: string[] = []
  if (marks.length > MAX_MARKS_PER_FILE) left.push(`only the first ${MAX_MARKS_PER_FILE} of its ${marks.length} highlights were kept`)
  if (untheme)
    left.push(
      `it names more than ${MAX_NEW_THEMES_PER_FILE} new themes: the first ${MAX_NEW_THEMES_PER_FILE} were made and ${untheme} highlights of the others were kept without a theme`,
    )
  return left.length ? `The file holds more coding than one import may add: ${left.join('; ')}.` : null
}

/**
 * Stores one prepared article in one transaction; an identical body is reported as a duplicate.
 * A changed copy of an article already present becomes its newer version and keeps the user's edits.
 */
export function storeArticle(db: WritableDB, article: PreparedArticle, now = new Date()): ImportResult {
  return db
    .transaction((): ImportResult => {
      const existing = findIdByHash(db, article.content_hash)
      if (existing) return { file: article.source_name, status: 'duplicate', id: existing.id, title: existing.title }
      const { dropped: _dropped, marks, ...row } = article
      const versionOf = findPreviousVersion(db, article)
      const inherited = versionOf === null ? {} : parseEdits(getArticleRow(db, versionOf)?.edits)
      const { values, edits } = applyEdits(row, inherited)
      const id = insertArticle(db, {
        ...row,
        ...values,
        imported_at: now.toISOString(),
        version_of: versionOf,
        edits: JSON.stringify(edits),
      })
      const warning = marks?.length ? highlightMarks(db, id, article.body, marks, now) : null
      return { file: article.source_name, status: 'imported', id, title: article.title, ...(warning ? { warning } : {}) }
    })
    .immediate()
}

export function importOne(db: WritableDB, file: SourceFile): ImportResult {
  try {
    return storeArticle(db, prepareArticle(file))
  } catch (error) {
    return failed(file.name, error)
  }
}

export function failed(file: string, error: unknown): ImportResult {
  const code = (error as { code?: unknown } | null)?.code
  const message =
    code === 'ENOENT'
      ? 'The file does not exist (it may have been moved or deleted).'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Parley is not allowed to read this file.'
        : code === 'ELOOP'
          ? 'The file is a symbolic link that leads back to itself.'
          : code === 'EMFILE' || code === 'ENFILE'
            ? 'Too many files are open at once on this computer: close some programs, then import this file again.'
            : code === 'SQLITE_FULL' || code === 'ENOSPC'
              ? 'The disk is full: free some space and import this file again.'
              : error instanceof ParleyError
                ? error.message
                : error instanceof RangeError
                  ? 'The file is too complex to read safely.'
                  : `The file could not be imported (${(error as Error).message ?? String(error)}).`
  return { file, status: 'failed', error: message }
}

/** A folder's entries; a folder that cannot be listed refuses the import with a reason (nothing is imported yet). */
function listFolder(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw errors.unreadable_folder(
      code === 'EMFILE' || code === 'ENFILE'
        ? `The folder ${dir} cannot be listed now: too many files are open on this computer. Close some programs, then import again.`
        : code === 'EACCES' || code === 'EPERM'
          ? `Parley is not allowed to read the folder ${dir}.`
          : `The folder ${dir} could not be read (${(error as Error).message}).`,
    )
  }
}

/** Expands folders (recursively, importable extensions only, no symlink loops); named files are taken as they are. */
export function collectPaths(paths: string[]): string[] {
  const out: string[] = []
  const visit = (dir: string, depth: number): void => {
    if (depth > 20) return
    for (const entry of listFolder(dir).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue
      const full = join(dir, entry.name)
      if (entry.isDirectory()) visit(full, depth + 1)
      else if (entry.isFile() && IMPORTABLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full)
    }
  }
  for (const path of paths) {
    let isDir = false
    try {
      isDir = lstatSync(path).isDirectory()
    } catch {
      // A missing path is reported by the import as a failed file.
    }
    if (isDir) visit(path, 0)
    else out.push(path)
  }
  return out
}

export interface ImportEvents {
  onResult?: (result: ImportResult, done: number, total: number) => void
}

/** Where bytes become a clean article: in process by default; a host may hand it to worker threads. */
export type Prepare = ((source: SourceFile | string) => Promise<PreparedArticle>) & {
  /** Prepares one waiting file on this thread, if there is one it may take; false otherwise. */
  helpOne?: () => boolean
}

/** How long one commit group may run before it is committed and the event loop gets a turn. */
const GROUP_MS = 30
/** Prepared files worth one commit: fewer commits mean fewer FTS5 segments to write and merge. */
const GROUP_FILES = 16
/**
 * Files handed to the workers ahead of the one being stored: enough that a worker never runs dry
 * while this thread stores a group (about 30 ms, some twenty short articles), so the two work at
 * once; and bounded in bytes too, since a prepared file waits here with its text and its source.
 */
const WINDOW = 128
const WINDOW_BYTES = 64 * 1024 * 1024

/**
 * Imports many files: each file is stored atomically in its own savepoint, so a bad file is
 * reported and rolled back alone while the rest go on. Files are committed in groups of up to
 * about 30 ms of work (one WAL commit per article made large imports spend most of their time
 * writing the same index pages again); a file's result is reported only once its group is
 * committed. A group is written synchronously, from files already prepared, and committed before
 * any await: no transaction stays open across a turn of the event loop, so a write the UI makes
 * meanwhile (a note saved during an import) commits on its own and is never held in, or lost with,
 * an import's group.
 */
export async function importSources(
  db: WritableDB,
  sources: Array<SourceFile | string>,
  events: ImportEvents = {},
  prepare?: Prepare,
): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  let pending: ImportResult[] = []
  const commit = (): void => {
    if (db.inTransaction) {
      try {
        db.exec('COMMIT')
      } catch (error) {
        // The group is lost as a whole (e.g. the disk filled at commit): every file in it failed.
        if (db.inTransaction) db.exec('ROLLBACK')
        pending = pending.map((r) => (r.status === 'failed' ? r : failed(r.file, error)))
      }
    }
    for (const result of pending) {
      results.push(result)
      events.onResult?.(result, results.length, sources.length)
    }
    pending = []
  }
  const nameOf = (source: SourceFile | string): string => (typeof source === 'string' ? source : source.name)
  const store = (source: SourceFile | string, prepared: Settled<PreparedArticle>): void => {
    let result: ImportResult
    if (!prepared.ok) result = failed(nameOf(source), prepared.error)
    else {
      try {
        if (!db.inTransaction) db.exec('BEGIN IMMEDIATE')
        result = storeArticle(db, prepared.value)
      } catch (error) {
        result = failed(nameOf(source), error)
      }
    }
    pending.push(result)
  }
  const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
  /**
   * Lets a call that came in during a group be read and answered before the next one: a call on a
   * new connection needs two polls of the event loop (accept, then read), and a setImmediate made
   * during the poll phase runs before the loop polls again. Measured with a 150 ms task between
   * turns: one turn answered in two tasks' time, two or three turns in one.
   */
  const yieldToCalls = async (): Promise<void> => {
    for (let turn = 0; turn < 3; turn++) await yieldTurn()
  }

  if (!prepare) {
    // In process: each file is prepared inside the group, synchronously, as before.
    let index = 0
    while (index < sources.length) {
      const groupStart = performance.now()
      while (index < sources.length && performance.now() - groupStart <= GROUP_MS) {
        const source = sources[index++] as SourceFile | string
        let prepared: Settled<PreparedArticle>
        try {
          prepared = { ok: true, value: prepareArticle(typeof source === 'string' ? readSource(source) : source) }
        } catch (error) {
          prepared = { ok: false, error }
        }
        store(source, prepared)
      }
      commit()
      await yieldToCalls()
    }
    return results
  }

  // Through workers: files are prepared ahead; a group stores the run of files already prepared.
  const settled: Array<Settled<PreparedArticle> | undefined> = []
  let wake: (() => void) | null = null
  /** Bytes that files handed out and not yet stored will hold once prepared (estimated from their size). */
  let held = 0
  let next = 0
  const weights: number[] = []
  /** Hands files out up to WINDOW ahead of `from` while they would hold under WINDOW_BYTES; always `from` itself. */
  const topUp = (from: number): void => {
    while (next < sources.length && next < from + WINDOW && (next <= from || held < WINDOW_BYTES)) {
      const at = next++
      const source = sources[at] as SourceFile | string
      // Prepared, a file holds its source and its text, each as large as the file or (as UTF-16) twice.
      weights[at] = 4 * sizeOfSource(source)
      held += weights[at] as number
      void settle(prepare(source)).then((s) => {
        settled[at] = s
        wake?.()
      })
    }
  }
  topUp(0)
  const readyRun = (from: number): number => {
    let run = 0
    while (from + run < sources.length && settled[from + run] !== undefined) run++
    return run
  }
  /** Waits until a group is worth writing: enough files prepared, the last ones, or 30 ms of waiting. */
  const gather = async (from: number): Promise<void> => {
    const since = performance.now()
    for (;;) {
      const run = readyRun(from)
      const waited = performance.now() - since
      if (run >= GROUP_FILES || from + run === sources.length || (run > 0 && waited >= GROUP_MS)) return
      // Rather than wait idle for a worker, prepare a waiting file here (the workers keep the rest).
      if (prepare.helpOne?.()) {
        await yieldTurn()
        continue
      }
      await new Promise<void>((resolve) => {
        wake = resolve
        if (run > 0) setTimeout(resolve, Math.max(1, GROUP_MS - waited))
      })
      wake = null
    }
  }
  let index = 0
  while (index < sources.length) {
    await gather(index)
    const groupStart = performance.now()
    while (index < sources.length && settled[index] !== undefined && performance.now() - groupStart <= GROUP_MS) {
      const prepared = settled[index] as Settled<PreparedArticle>
      // A long store goes in a group of its own: nothing stored before it waits for it to commit.
      if (pending.length > 0 && heavy(prepared)) break
      settled[index] = undefined
      held -= weights[index] ?? 0
      store(sources[index] as SourceFile | string, prepared)
      index++
      topUp(index)
    }
    commit()
    // A turn of the event loop after every commit, the last one too: gather() returns at once when
    // files are ready, and the caller's next step (round detection) would otherwise follow the
    // last group before a waiting call is read.
    await yieldToCalls()
  }
  return results
}

/** A source's size in bytes, or 0 when it cannot be read now (preparing it will say why). */
function sizeOfSource(source: SourceFile | string): number {
  if (typeof source !== 'string') return source.bytes.length
  try {
    return statSync(source).size
  } catch {
    return 0
  }
}

/** A body this long (in characters, the raw text counting an eighth) or this many marks make a store long enough to stand alone. */
const HEAVY_CHARS = 256 * 1024
const HEAVY_MARKS = 256

function heavy(prepared: Settled<PreparedArticle>): boolean {
  if (!prepared.ok) return false
  const { body, raw, marks } = prepared.value
  return body.length + raw.length / 8 > HEAVY_CHARS || (marks?.length ?? 0) > HEAVY_MARKS
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
}
