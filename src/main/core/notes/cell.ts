import type { ReadableDB } from '../db/types'

/** "Round title — Theme" for a matrix cell's note (rounds may not exist yet in older notebooks). */
export function cellTitle(db: ReadableDB, roundId: number, themeId: number): string {
  const theme = (db.prepare('SELECT name FROM themes WHERE id = ?').pluck().get(themeId) as string | undefined) ?? 'Theme'
  const hasRounds = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rounds'").get()
  const round = hasRounds ? (db.prepare('SELECT title FROM rounds WHERE id = ?').pluck().get(roundId) as string | undefined) : undefined
  return `${round ?? `Round ${roundId}`} — ${theme}`
}

/** The matrix's cells carry their note's id, when the cell has one. */
export function cellNoteIds(db: ReadableDB): Map<string, number> {
  const rows = db
    .prepare(
      'SELECT id, round_id AS roundId, theme_id AS themeId FROM notes WHERE round_id IS NOT NULL AND theme_id IS NOT NULL AND deleted_at IS NULL',
    )
    .all() as Array<{ id: number; roundId: number; themeId: number }>
  return new Map(rows.map((r) => [`${r.roundId}:${r.themeId}`, r.id]))
}
