import Database from 'better-sqlite3'
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { errors, ParleyError, type RecoverOption } from '../errors'
import { migrate, type Migration } from './migrate'
import { readable, writableOf, type ReadableDB, type WritableDB } from './types'

/** The bare connection, for the migrations and the schema's own tests; features take a ReadableDB or a WritableDB (db/types.ts). */
export type Db = Database.Database

export interface OpenOptions {
  readOnly?: boolean
  /** Tests only: another list of migrations. */
  migrations?: Migration[]
}

/** The pre-migration backups beside a notebook (`<file>.v<N>-<time>.bak`), newest first. */
export function listBackups(file: string): string[] {
  const dir = dirname(file)
  const prefix = `${basename(file)}.v`
  let names: string[]
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix) && n.endsWith('.bak'))
  } catch {
    return []
  }
  return names.map((n) => join(dir, n)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs || b.localeCompare(a))
}

/** The ways out offered with an error about `file`: read-only first when it can help, then its backups, then another notebook. */
export function recoverOptions(file: string, readOnly: boolean): RecoverOption[] {
  const options: RecoverOption[] = []
  if (readOnly) options.push({ action: 'open_read_only', label: 'Open it read-only (nothing is changed)' })
  for (const backup of listBackups(file))
    options.push({ action: 'restore_backup', label: `Restore the copy made before an upgrade: ${backup}`, backup })
  options.push({ action: 'choose_another', label: 'Choose another notebook or folder' })
  return options
}

/**
 * A copy of a notebook (and its -wal) in a temporary folder. SQLite cannot read a WAL notebook where
 * it may not create its -shm file (a read-only folder or medium): read-only then reads a copy taken now.
 */
function snapshot(file: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'parley-read-only-')), basename(file))
  copyFileSync(file, copy)
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`)
  return copy
}

/**
 * SQLite says only "unable to open database file" when the process has no file descriptor left:
 * opening the notebook (or its folder) ourselves tells that apart from a read-only folder.
 */
function descriptorsExhausted(file: string): boolean {
  // A notebook in WAL mode needs three descriptors (file, -wal, -shm), a journal while migrating,
  // and temporary files for a migration that rebuilds an index or a full-text table: if eight
  // can be opened, descriptors were not what SQLite lacked.
  const opened: number[] = []
  try {
    for (let i = 0; i < 8; i++) opened.push(openSync(existsSync(file) ? file : dirname(file), 'r'))
    return false
  } catch (error) {
    const code = (error as { code?: unknown }).code
    return code === 'EMFILE' || code === 'ENFILE'
  } finally {
    for (const fd of opened) closeSync(fd)
  }
}

/** SQLite and file-system errors at open, as a ParleyError a user can act on (null when not one of them). */
function openError(file: string, error: unknown): ParleyError | null {
  const code = String((error as { code?: unknown }).code ?? '')
  const message = (error as Error).message
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return errors.locked(`The notebook at ${file} is in use by another program, which keeps it locked. Close it there and try again.`, [
      { action: 'retry', label: 'Try again' },
      ...recoverOptions(file, false),
    ])
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || /not a database|malformed/i.test(message))
    return errors.corrupt(
      `The file at ${file} is not a readable Parley notebook (${message}). It was left as it is.`,
      recoverOptions(file, false),
    )
  if (code === 'EMFILE' || code === 'ENFILE' || (code.startsWith('SQLITE_CANTOPEN') && descriptorsExhausted(file)))
    return errors.too_many_files(
      `The notebook at ${file} cannot be opened now: too many files are open on this computer. Close some programs and try again; nothing was changed.`,
      [{ action: 'retry', label: 'Try again' }, ...recoverOptions(file, false)],
    )
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return errors.io_error(
      `Reading or writing the notebook at ${file} failed (${message}): the disk may be failing, disconnected or full. Nothing was changed; check the disk and try again.`,
      [{ action: 'retry', label: 'Try again' }, ...recoverOptions(file, true)],
    )
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM')
    return errors.cannot_open(
      `Parley cannot write to the notebook at ${file} or its folder (${message}). The folder may be read-only or belong to another user.`,
      recoverOptions(file, true),
    )
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return errors.disk_full(`The disk holding ${file} is full. Free some space and try again; nothing was changed.`, [
      { action: 'retry', label: 'Try again' },
      ...recoverOptions(file, true),
    ])
  return null
}

/**
 * Opens (or creates) a notebook file with Parley's pragmas and an up-to-date schema.
 * `:memory:` gives a throwaway notebook (the CLI's dry run).
 */
export function openDatabase(file: string, options?: OpenOptions & { readOnly?: false }): { db: WritableDB; backup: string | null }
export function openDatabase(file: string, options: OpenOptions): { db: ReadableDB; backup: string | null }
export function openDatabase(file: string, options: OpenOptions = {}): { db: ReadableDB; backup: string | null } {
  const memory = file === ':memory:'
  let db: Db
  try {
    if (!memory && !options.readOnly) mkdirSync(dirname(file), { recursive: true })
    db = new Database(file, { readonly: options.readOnly ?? false, fileMustExist: options.readOnly ?? false })
  } catch (error) {
    throw (
      openError(file, error) ??
      errors.cannot_open(`The notebook at ${file} cannot be opened: ${(error as Error).message}`, recoverOptions(file, !options.readOnly))
    )
  }
  try {
    db.pragma('busy_timeout = 5000')
    db.pragma('foreign_keys = ON')
    if (!options.readOnly) {
      if (!memory) db.pragma('journal_mode = WAL')
      // WAL + NORMAL: a commit survives a killed process; only an OS crash or power loss can
      // lose the last transactions. FULL would fsync every commit (measured in npm run bench).
      db.pragma('synchronous = NORMAL')
    }
    const header = db.pragma('quick_check', { simple: true })
    if (header !== 'ok')
      throw errors.corrupt(`The notebook at ${file} is damaged (${String(header)}). It was left as it is.`, recoverOptions(file, false))
    let backup: string | null = null
    if (!options.readOnly) {
      try {
        backup = migrate(db, { ...(memory ? {} : { file }), ...(options.migrations ? { list: options.migrations } : {}) })
      } catch (error) {
        if (error instanceof ParleyError) throw errors[error.code](error.message, recoverOptions(file, true))
        if (openError(file, error)) throw error
        throw errors.migration_failed(
          `Upgrading the notebook at ${file} failed (${(error as Error).message}); it was rolled back and your data is as it was.`,
          recoverOptions(file, true),
        )
      }
    }
    // Writable exactly when SQLite opened it so (a read-only open gives only the ReadableDB).
    return { db: writableOf(db) ?? readable(db), backup }
  } catch (error) {
    db.close()
    if (error instanceof ParleyError) throw error
    if (options.readOnly && (error as { code?: unknown }).code === 'SQLITE_CANTOPEN') return openDatabase(snapshot(file), options)
    throw openError(file, error) ?? error
  }
}
