import { useEffect, useRef } from 'react'
import type { RowWindow } from '../rounds/virtualRows'

interface GridKeys {
  grid: React.RefObject<HTMLDivElement | null>
  win: RowWindow
  /** The rows' round ids, in the grid's order. */
  rowIds: number[]
  columns: number
  focus: [number, number]
  setFocus: (cell: [number, number]) => void
}

/**
 * The grid's keyboard: arrow keys, Home/End (Ctrl for the corners) and PageUp/PageDown move between
 * cells, rendering a row outside the window first; Enter on a cell opens its round. Cells carry
 * `data-cell="row-column"`. Returns the grid's onKeyDown and the row Tab enters at.
 */
export function useGridKeys({ grid, win, rowIds, columns, focus, setFocus }: GridKeys): {
  onKey: (e: React.KeyboardEvent) => void
  tabRow: number
} {
  const focusWanted = useRef<string | null>(null)

  const onKey = (e: React.KeyboardEvent): void => {
    const [r, c] = focus
    const page = Math.max(1, win.end - win.start - 4)
    const last = rowIds.length - 1
    const next: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(last, r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(columns - 1, c + 1)],
      Home: e.ctrlKey ? [0, 0] : [r, 0],
      End: e.ctrlKey ? [last, columns - 1] : [r, columns - 1],
      PageUp: [Math.max(0, r - page), c],
      PageDown: [Math.min(last, r + page), c],
    }
    const to = next[e.key]
    if (to) {
      e.preventDefault()
      setFocus(to)
      const el = grid.current?.querySelector<HTMLElement>(`[data-cell="${to[0]}-${to[1]}"]`)
      if (el) el.focus()
      else {
        focusWanted.current = `${to[0]}-${to[1]}`
        win.reveal(to[0])
      }
    } else if (e.key === 'Enter' && e.target === e.currentTarget.querySelector(`[data-cell="${r}-${c}"]`) && rowIds[r] !== undefined) {
      window.location.assign(`#/matrix/${rowIds[r]}`)
    }
  }

  // A cell asked for by the keyboard before its row was rendered takes focus once it is.
  useEffect(() => {
    if (!focusWanted.current) return
    const el = grid.current?.querySelector<HTMLElement>(`[data-cell="${focusWanted.current}"]`)
    if (el) {
      focusWanted.current = null
      el.focus()
    }
  })

  // The focused cell's row may be scrolled out of the window: Tab then enters at the first rendered row.
  const tabRow = focus[0] >= win.start && focus[0] < win.end ? focus[0] : win.start
  return { onKey, tabRow }
}
