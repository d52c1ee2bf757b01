import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import type { Theme } from '@shared/model'
import { api, errorMessage, onEvent } from '../api'
import { errorToast, type Toast } from './errorToast'
import { applyThemeStyles } from '../reading/themeStyles'

/** One undoable action: what it did, and how to undo and redo it through the contract. */
export interface UndoableAction {
  label: string
  undo: () => Promise<unknown>
  redo: () => Promise<unknown>
}

export type { Toast } from './errorToast'

interface NotebookState {
  themes: Theme[]
  /** Bumped after every change, so views refetch what they show. */
  revision: number
  changed: () => void
  /**
   * Runs an action, records it for Ctrl/Cmd+Z (unless `undoable` says it did nothing: null), and
   * refreshes. Actions, undos and redos run one at a time, in the order asked (see `inTurn`).
   */
  perform: <T>(run: () => Promise<T>, undoable: (result: T) => UndoableAction | null) => Promise<T | undefined>
  undo: () => Promise<void>
  redo: () => Promise<void>
  toasts: Toast[]
  notify: (text: string, kind?: Toast['kind'], undo?: boolean) => void
  dismiss: (id: number) => void
  /** Shows a failed call, with its ways out; `retry` runs the call again. */
  notifyError: (error: unknown, retry?: () => void) => void
}

const Context = createContext<NotebookState | null>(null)

export function useNotebook(): NotebookState {
  const state = useContext(Context)
  if (!state) throw new Error('useNotebook outside NotebookProvider')
  return state
}

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

export function NotebookProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [themes, setThemes] = useState<Theme[]>([])
  const [revision, setRevision] = useState(0)
  const [toasts, setToasts] = useState<Toast[]>([])
  const done = useRef<UndoableAction[]>([])
  const undone = useRef<UndoableAction[]>([])
  const nextToast = useRef(1)
  // Every write through the undo stack waits for the one before to answer: an undo pressed while an
  // action is on its way undoes that action, not the one before it; an action asked right after an
  // undo (a resize key) runs on what the undo restored; two resizes never race.
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const inTurn = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.current.then(work)
    queue.current = turn.catch(() => undefined)
    return turn
  }, [])

  const changed = useCallback(() => setRevision((r) => r + 1), [])
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), [])
  const notify = useCallback(
    (text: string, kind: Toast['kind'] = 'info', undo = false) => {
      const id = nextToast.current++
      setToasts((list) => [...list.slice(-2), { id, text, kind, undo }])
      setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 5000)
    },
    [dismiss],
  )
  // An error the user can act on stays until dismissed (its buttons must not vanish mid-read).
  const notifyError = useCallback(
    (error: unknown, retry?: () => void) => {
      const id = nextToast.current++
      const toast = errorToast(error, retry)
      setToasts((list) => [...list.slice(-2), { id, ...toast }])
      if (!toast.actions?.length && !toast.hints?.length) setTimeout(() => dismiss(id), 8000)
    },
    [dismiss],
  )

  useEffect(() => {
    api['themes.list']({}).then(
      (list) => {
        setThemes(list)
        applyThemeStyles(list)
      },
      (e: unknown) => notifyError(e, changed),
    )
  }, [revision, notifyError, changed])

  useEffect(() => onEvent('library.changed', changed), [changed])

  const perform = useCallback(
    async function perform<T>(run: () => Promise<T>, undoable: (result: T) => UndoableAction | null): Promise<T | undefined> {
      return inTurn(async () => {
        try {
          const result = await run()
          const action = undoable(result)
          if (action) {
            done.current.push(action)
            undone.current = []
          }
          changed()
          return result
        } catch (e) {
          notifyError(e, () => void perform(run, undoable))
          return undefined
        }
      })
    },
    [changed, notifyError, inTurn],
  )

  // Undo and redo are one move: take the last action off one stack, run its side, put it on the other.
  const replay = useCallback(
    (from: RefObject<UndoableAction[]>, to: RefObject<UndoableAction[]>, side: 'undo' | 'redo') =>
      inTurn(async () => {
        const action = from.current.pop()
        if (!action) return notify(`Nothing to ${side}.`)
        try {
          await action[side]()
          to.current.push(action)
          notify(`${side === 'undo' ? 'Undid' : 'Redid'}: ${action.label}`)
        } catch (e) {
          notify(`Could not ${side} ${action.label}: ${errorMessage(e)}`, 'error')
        }
        changed()
      }),
    [changed, notify, inTurn],
  )
  const undo = useCallback(() => replay(done, undone, 'undo'), [replay])
  const redo = useCallback(() => replay(undone, done, 'redo'), [replay])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || isEditable(e.target)) return
      const key = e.key.toLowerCase()
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault()
        void undo()
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault()
        void redo()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [undo, redo])

  const value = useMemo(
    () => ({ themes, revision, changed, perform, undo, redo, toasts, notify, dismiss, notifyError }),
    [themes, revision, changed, perform, undo, redo, toasts, notify, dismiss, notifyError],
  )
  return <Context.Provider value={value}>{children}</Context.Provider>
}
