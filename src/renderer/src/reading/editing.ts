import { useSyncExternalStore } from 'react'
import type { Highlight, Suggestion } from '@shared/model'
import { stepEdge, type Edge, type Span, type Unit } from './wordSnap'

/**
 * What the Reader is editing, shared between the popover that edits a highlight and the text that
 * shows it (which draws the drag handles and reports where the passage is on screen), without
 * threading props through the view. One small store per kind; React reads them with
 * useSyncExternalStore.
 *
 *   editedHighlight.set({ highlight, resize }); const e = useStore(editedHighlight); e.resize(stepChange(body, 'end', 1, 'word'))
 */
export interface Store<T> {
  get(): T
  set(value: T): void
  subscribe(listener: () => void): () => void
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set: (next) => {
      if (Object.is(next, value)) return
      value = next
      for (const l of [...listeners]) l()
    },
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
}

export const useStore = <T>(store: Store<T>): T => useSyncExternalStore(store.subscribe, store.get, store.get)

/**
 * A resize as a change of the span, not a span: it is worked out from the span the store holds when
 * the resize's turn comes (every earlier write, an undo or redo included, answered), so it never acts
 * on an older span a view may still show. Null: nothing to change.
 */
export type SpanChange = (current: Span) => Span | null

/** One edge moved one word (or letter) from wherever it is when the change runs (wordSnap.stepEdge). */
export const stepChange =
  (body: string, edge: Edge, direction: -1 | 1, unit: Unit): SpanChange =>
  (current) =>
    stepEdge(body, current, edge, direction, unit)

/** The highlight whose popover is open, with the change that resizes it (one undoable contract call). */
export const editedHighlight = createStore<{ highlight: Highlight; resize: (change: SpanChange) => void } | null>(null)

/** Where the edited highlight is: its line boxes and its text column on screen, and the text it is in. */
export interface Placement {
  /** The highlight's id. */
  id: number
  rects: DOMRect[]
  column: DOMRect
  body: string
}
export const editedPlacement = createStore<Placement | null>(null)

/** A suggestion underline that was clicked, with where it is on screen (the coding panel shows its card). */
export const clickedSuggestion = createStore<{
  /** The text view it was clicked in (cleared when that view goes). */
  owner: string
  /** Every suggestion at the clicked point (one passage may be suggested for several themes). */
  suggestions: Suggestion[]
  rects: DOMRect[]
  column: DOMRect
} | null>(null)
