import type { Db } from '../db/open'

/** "Round title — Theme" for a matrix cell's note (rounds may not exist yet in older notebooks). */
export function cellTitle(db: Db, roundId: number, themeId: number): string {
  const theme = (db.prepare('SELECT name FROM themes WHERE id = ?').pluck().get(themeId) as string | undefined) ?? 'Theme'
  const hasRounds = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rounds'").get()
  const round = hasRounds ? (db.prepare('SELECT title FROM rounds WHERE id = ?').pluck().get(roundId) as string | undefined) : undefined
  return `${round ?? `Round ${roundId}`} — ${theme}`
}
