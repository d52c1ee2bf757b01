import type { EventSink, Handlers, Method } from '../../shared/contract'
import type { ReadableDB, WritableDB } from './db/types'
import type { SuggestionCache } from './themes/suggestions'

/**
 * What every feature's handlers share, made once per open notebook by openNotebook (notebook.ts),
 * which merges the features' handler objects into the contract's one.
 */
export interface HandlerContext {
  /** The notebook, to read. Writes get the writable handle from write() below. */
  readonly db: ReadableDB
  /**
   * The writable handle for the reads that keep a cache in the notebook (the Matrix's coverage
   * answers, migration 008); null when the notebook is read-only. Only such caches use it.
   */
  readonly cacheWriter: WritableDB | null
  readonly emit: EventSink
  readonly now: () => Date
  /** Theme suggestion statistics, dropped when the articles change. */
  readonly cache: SuggestionCache
  /**
   * Every write goes through here, and only here is the WritableDB: a repository's write function
   * called with `db` above is a type error. A read-only notebook refuses with a clear message.
   */
  write<T>(fn: (db: WritableDB) => T): T
  /** After dates were set or changed: round detection again (see afterDates in rounds/detection.ts). */
  redetectAfterDates(db: WritableDB, before: Map<number, string | null>): void
}

/** The contract's handlers whose names start with one of the prefixes: `HandlersOf<'notes' | 'links'>`. */
export type HandlersOf<P extends string> = { [M in Method as M extends `${P}.${string}` ? M : never]: Handlers[M] }
