import { useSyncExternalStore } from 'react'
import type { Highlight, Suggestion } from '@shared/model'
import type { Span } from './wordSnap'

/**
 * What the Reader is editing, shared between the popover that edits a highlight and the text that
 * shows it (which draws the drag handles and reports where the passage is on screen), without
 * threading props through the view. One small store per kind; React reads them with
 * useSyncExternalStore.
 *
 *   editedHighlight.set({ highlight, resize }); const e = useStore(editedHighlight)
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

/** The highlight whose popover is open, with the change that resizes it (one undoable contract call). */
export const editedHighlight = createStore<{ highlight: Highlight; resize: (span: Span) => void } | null>(null)

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
