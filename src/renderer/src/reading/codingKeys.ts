import { useCallback, useEffect } from 'react'
import type { Span } from '@shared/body'
import { createHighlight } from '../state/coding'
import { useNotebook } from '../state/notebook'

/** Fields where a typed digit is text, not a theme key. */
const TYPING = ['INPUT', 'TEXTAREA']

/**
 * The index (0–8) of the theme a key press codes a selection with: keys 1–9 without a modifier,
 * outside fields where the key is typed (INPUT and TEXTAREA, plus `fields`); null otherwise.
 * The Reader, Compare and the Passages view code a selection by this one rule.
 */
export function themeKeyIndex(e: KeyboardEvent, themeCount: number, fields: readonly string[] = []): number | null {
  const target = e.target as HTMLElement
  if (e.ctrlKey || e.metaKey || e.altKey || TYPING.includes(target.tagName) || fields.includes(target.tagName)) return null
  const n = Number(e.key)
  return Number.isInteger(n) && n >= 1 && n <= 9 && n <= themeCount ? n - 1 : null
}

const NONE: readonly string[] = []

/**
 * While a selection is open: Escape drops it, keys 1–9 code it with that theme (themeKeyIndex).
 *
 *   useSelectionKeys(selection, setSelection, themes, tag)
 */
export function useSelectionKeys(
  selection: unknown,
  setSelection: (none: null) => void,
  themes: ReadonlyArray<{ id: number }>,
  tag: (themeId: number) => Promise<void>,
  fields: readonly string[] = NONE,
): void {
  useEffect(() => {
    if (!selection) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') return setSelection(null)
      const i = themeKeyIndex(e, themes.length, fields)
      if (i === null) return
      e.preventDefault()
      void tag(themes[i]!.id)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [selection, setSelection, themes, tag, fields])
}

/**
 * Codes the open selection of an article's body with a theme (and a comment), undoably, then
 * clears the browser's selection and the view's: the Reader's and Compare's toolbar and keys.
 */
export function useTagSelection(
  articleId: number | null,
  selection: Span | null,
  setSelection: (none: null) => void,
): (themeId: number | null, comment?: string) => Promise<void> {
  const { perform } = useNotebook()
  return useCallback(
    async (themeId: number | null, comment?: string) => {
      if (articleId === null || !selection) return
      const action = createHighlight({ articleId, start: selection.start, end: selection.end, themeId, comment })
      await perform(action.run, action.undoable)
      window.getSelection()?.removeAllRanges()
      setSelection(null)
    },
    [articleId, selection, setSelection, perform],
  )
}
