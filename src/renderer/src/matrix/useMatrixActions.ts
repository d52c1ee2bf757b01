import type { Matrix as MatrixData, Round } from '@shared/model'
import { api, errorMessage } from '../api'
import { navigate, openBeside } from '../navigation'
import { useNotebook } from '../state/notebook'
import { reorderThemes } from '../state/themes'
import { movedWithSubThemes } from '../reading/subThemes'

export interface MatrixActions {
  /** Detect rounds again (the user's own rounds are kept); says what it found. */
  detect(): void
  /** "Mentioned, not coded" opens the round's articles with the theme's mentions shown, ready to code. */
  mentionsHref(roundId: number, themeId: number): string
  /** Opens a passage of a cell's evidence where it can be read. */
  openEvidence(roundId: number, highlightId: number, articleId: number): void
  /** Opens (making it if needed) a cell's note beside the Matrix. */
  openNote(roundId: number, themeId: number): Promise<void>
  /** Moves a theme's column (with its sub-themes) one place left (-1) or right (1), with undo. */
  moveTheme(themeId: number, delta: number): void
}

/** What the Matrix's buttons and links do; `rounds` (with their articles) may still be on their way. */
export function useMatrixActions(matrix: MatrixData | null, rounds: Round[]): MatrixActions {
  const { perform, notify, themes, changed } = useNotebook()
  const reporters = (roundId: number): number[] =>
    (rounds.find((r) => r.id === roundId)?.articles ?? []).filter((a) => a.role === 'reports').map((a) => a.articleId)
  const hasNote = (roundId: number, themeId: number): boolean =>
    matrix?.cells.some((c) => c.roundId === roundId && c.themeId === themeId && c.noteId !== null) ?? false

  return {
    detect: () => {
      void perform(
        () => api['rounds.detect']({}),
        (r) => {
          notify(
            `Found ${r.rounds} round${r.rounds === 1 ? '' : 's'}: ${r.created} new, ${r.updated} updated from the articles${r.kept ? `, ${r.kept} you accepted or edited left as they were` : ''}${r.removed ? `, ${r.removed} no longer supported by any article and removed` : ''}.`,
          )
          return {
            label: 'detect rounds',
            undo: async () => notify('Detection cannot be undone; your own rounds were not touched.'),
            redo: () => api['rounds.detect']({}),
          }
        },
      )
    },
    mentionsHref: (roundId, themeId) => `#/compare/${reporters(roundId).slice(0, 4).join(',')}/t/${themeId}`,
    // Evidence opens where it can be read: the Reader at the passage when the round has one article,
    // else Compare of the round's articles with the passage's own article among the (up to 4) columns.
    openEvidence: (roundId, highlightId, articleId) => {
      const ids = [articleId, ...reporters(roundId).filter((id) => id !== articleId)].slice(0, 4)
      navigate(ids.length < 2 ? `#/article/${articleId}/h/${highlightId}` : `#/compare/${ids.join(',')}/h/${highlightId}`)
    },
    // A cell note opens beside the Matrix: the cell's evidence stays in sight to quote, and the
    // cell shows what the note says.
    openNote: async (roundId, themeId) => {
      try {
        const note = await api['notes.cell']({ roundId, themeId })
        openBeside(`#/notes/${note.id}`)
        // A note made just now: the cell learns it has one.
        if (!hasNote(roundId, themeId)) changed()
      } catch (e) {
        notify(errorMessage(e), 'error')
      }
    },
    moveTheme: (themeId, delta) => {
      const ids = themes.map((t) => t.id)
      const next = movedWithSubThemes(themes, themeId, delta)
      if (!next) return
      const action = reorderThemes(ids, next)
      void perform(action.run, action.undoable)
    },
  }
}
