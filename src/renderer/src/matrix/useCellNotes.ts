import { useEffect, useState } from 'react'
import { api } from '../api'
import { NOTE_SAVED } from '../navigation'

/**
 * What each cell's note says (its first lines), by "roundId:themeId", shown in the cell. Read again
 * at each `revision` and after each note save (NOTE_SAVED), wherever the note is written.
 */
export function useCellNotes(revision: number): Map<string, string> {
  const [cellNotes, setCellNotes] = useState<Map<string, string>>(new Map())
  const [notesSaved, setNotesSaved] = useState(0)
  useEffect(() => {
    const saved = (): void => setNotesSaved((n) => n + 1)
    window.addEventListener(NOTE_SAVED, saved)
    return () => window.removeEventListener(NOTE_SAVED, saved)
  }, [])
  useEffect(() => {
    let live = true
    api['notes.list']({}).then(
      (notes) =>
        live &&
        setCellNotes(
          new Map(
            notes.filter((n) => n.roundId !== null && n.themeId !== null && n.excerpt).map((n) => [`${n.roundId}:${n.themeId}`, n.excerpt]),
          ),
        ),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [revision, notesSaved])
  return cellNotes
}
