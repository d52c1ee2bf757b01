import { warmGazetteer } from './gazetteer'
import type { EventSink } from '../../../shared/contract'
import type { RoundDetection } from '../../../shared/model'
import { countArticles } from '../articles/repo'
import { detectAndStoreAsync, publishedChanged } from './repo'
import type { WritableDB } from '../db/types'

/** Above this size, import no longer re-runs round detection by itself. */
export const AUTO_DETECT_MAX_ARTICLES = 300
/** …and only after a small import (a few articles dropped in), not a bulk one. */
export const AUTO_DETECT_MAX_BATCH = 50

/**
 * When round detection runs for an open notebook: on request (rounds.detect), after a small import
 * and after a publication date changed. One detection at a time; it is sliced (detectAndStoreAsync),
 * so a date-dense file never holds the core's thread (issue 17 F4).
 *
 * Detection writes (it stores the rounds), so each call takes the notebook's WritableDB: only a
 * writable notebook, inside its write(), has one to give.
 *
 * ```ts
 * const detection = roundDetection(now, emit)
 * await detection.afterImport(db, 3) // the import's answer comes once its rounds are stored
 * ```
 */
export interface RoundDetectionRunner {
  /** A detection now; a second request while one runs gets the same answer. */
  detect(db: WritableDB): Promise<RoundDetection>
  /** After `added` articles were imported: detection that sees them, for small imports into small notebooks. */
  afterImport(db: WritableDB, added: number): Promise<void>
  /** After dates were set or changed (`before` from publishedOf): detection again if any changed. */
  afterDates(db: WritableDB, before: Map<number, string | null>): void
  /** The notebook is closing: a detection still running tells no one. */
  close(): void
}

export function roundDetection(now: () => Date, emit: EventSink): RoundDetectionRunner {
  let detecting: Promise<RoundDetection> | null = null
  let closed = false
  // The gazetteer's table is made in the background soon after the notebook opens, in small steps,
  // rather than at once by the first detection (unref: a command that is done does not wait for it).
  setTimeout(() => void warmGazetteer(), 500).unref()
  const detect = (db: WritableDB): Promise<RoundDetection> => (detecting ??= detectAndStoreAsync(db, now).finally(() => (detecting = null)))

  // After a date is set, changed or removed, the articles' rounds may change: detection runs again at
  // once (a small notebook's is done before the next call is read, so what the user sees next is
  // current), paced; edits made while it runs are taken by one more run after it. The library is told
  // when the rounds are stored. The user's accepted, edited, split and merged rounds and placed
  // articles still win (storeDetection).
  let redetectPending = false
  const redetect = (db: WritableDB): void => {
    redetectPending = false
    void detect(db).then(
      () => {
        if (closed) return
        emit('library.changed', { reason: 'edit' })
        if (redetectPending) redetect(db)
      },
      // The notebook was closed meanwhile: nothing to store.
      () => undefined,
    )
  }

  return {
    detect,
    afterImport: async (db, added) => {
      // New articles may report new rounds: propose them (the user's own decisions are kept).
      // Detection reads every article, so large notebooks leave it to "Detect rounds".
      if (added > AUTO_DETECT_MAX_BATCH || countArticles(db) > AUTO_DETECT_MAX_ARTICLES) return
      // A detection already running read the notebook before these articles: wait for it, then run one that sees them.
      if (detecting) await detecting.catch(() => undefined)
      const run = detectAndStoreAsync(db, now)
      detecting = run
      try {
        await run
      } finally {
        if (detecting === run) detecting = null
      }
    },
    afterDates: (db, before) => {
      if (!publishedChanged(db, before)) return
      if (detecting) redetectPending = true
      else redetect(db)
    },
    close: () => {
      closed = true
    },
  }
}
