import type { EventSink, Handlers, Method } from '../../shared/contract'
import type { Db } from './db/open'
import type { SuggestionCache } from './themes/suggestions'

/**
 * What every feature's handlers share, made once per open notebook by openNotebook (notebook.ts),
 * which merges the features' handler objects into the contract's one.
 */
export interface HandlerContext {
  readonly db: Db
  readonly emit: EventSink
  readonly now: () => Date
  /** Theme suggestion statistics, dropped when the articles change. */
  readonly cache: SuggestionCache
  /** Every write goes through here: a read-only notebook refuses it with a clear message. */
  write<T>(fn: () => T): T
  /** After dates were set or changed: round detection again (see afterDates in rounds/detection.ts). */
  redetectAfterDates(before: Map<number, string | null>): void
}

/** The contract's handlers whose names start with one of the prefixes: `HandlersOf<'notes' | 'links'>`. */
export type HandlersOf<P extends string> = { [M in Method as M extends `${P}.${string}` ? M : never]: Handlers[M] }
