import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { ParleyError } from '../errors'
import { migrate } from './migrate'

export type Db = Database.Database

export interface OpenOptions {
  readOnly?: boolean
}

/**
 * Opens (or creates) a notebook file with Parley's pragmas and an up-to-date schema.
 * `:memory:` gives a throwaway notebook (the CLI's dry run).
 */
export function openDatabase(file: string, options: OpenOptions = {}): { db: Db; backup: string | null } {
  const memory = file === ':memory:'
  if (!memory && !options.readOnly) mkdirSync(dirname(file), { recursive: true })
  let db: Db
  try {
    db = new Database(file, { readonly: options.readOnly ?? false, fileMustExist: options.readOnly ?? false })
  } catch (error) {
    throw new ParleyError('cannot_open', `The notebook at ${file} cannot be opened: ${(error as Error).message}`)
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
    if (header !== 'ok') throw new ParleyError('corrupt', `The notebook at ${file} is damaged (${String(header)}).`)
    const backup = options.readOnly ? null : migrate(db, memory ? {} : { file })
    return { db, backup }
  } catch (error) {
    db.close()
    if (error instanceof ParleyError) throw error
    const message = (error as Error).message
    if (/not a database|malformed/i.test(message)) {
      throw new ParleyError('corrupt', `The file at ${file} is not a readable Parley notebook (${message}).`)
    }
    throw error
  }
}
