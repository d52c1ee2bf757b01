import { createContext, useCallback, useContext, useId, useRef, useState, type ReactNode } from 'react'
import { useFocusTrap } from './focusTrap'

/**
 * An app-styled modal: a labelled `role="dialog"` that takes focus, keeps it inside, closes on
 * Escape or a click on the backdrop, and gives focus back on close.
 *
 *   {open ? <Dialog title="Delete?" onClose={() => setOpen(false)}>…</Dialog> : null}
 */
export function Dialog({
  title,
  onClose,
  children,
  className,
  initialFocus,
  label,
}: {
  title?: string
  /** The accessible name when the dialog shows no title of its own. */
  label?: string
  onClose: () => void
  children: ReactNode
  className?: string
  /** A selector inside the dialog to focus first (default: the first focusable element). */
  initialFocus?: string
}): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  const titleId = useId()
  useFocusTrap(box, onClose, initialFocus)
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={`dialog${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={title ? titleId : undefined}
        aria-label={title ? undefined : label}
      >
        {title ? <h2 id={titleId}>{title}</h2> : null}
        {children}
      </div>
    </div>
  )
}

export interface ConfirmOptions {
  title: string
  body?: ReactNode
  /** The verb on the button that goes ahead ("Delete", "Merge", "Re-clean"). */
  confirm: string
  /** A destructive action gets a red button; Cancel is then the first focus. */
  danger?: boolean
}

type Ask = (options: ConfirmOptions) => Promise<boolean>

const ConfirmContext = createContext<Ask | null>(null)

/** `const confirm = useConfirm(); if (!(await confirm({ title, confirm: 'Delete' }))) return` */
export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext)
  if (!ask) throw new Error('useConfirm outside ConfirmProvider')
  return ask
}

/** Holds the one open confirmation of the app (a question is answered before the next one is asked). */
export function ConfirmProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [pending, setPending] = useState<{ options: ConfirmOptions; resolve: (ok: boolean) => void } | null>(null)
  const ask = useCallback<Ask>(
    (options) =>
      new Promise<boolean>((resolve) => {
        setPending((previous) => {
          previous?.resolve(false)
          return { options, resolve }
        })
      }),
    [],
  )
  const answer = (ok: boolean): void => {
    pending?.resolve(ok)
    setPending(null)
  }
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {pending ? (
        <Dialog
          title={pending.options.title}
          onClose={() => answer(false)}
          className="confirm-dialog"
          initialFocus={pending.options.danger ? '[data-cancel]' : '[data-confirm]'}
        >
          {pending.options.body ? <div className="dialog-body">{pending.options.body}</div> : null}
          <div className="details-actions">
            <button type="button" data-cancel onClick={() => answer(false)}>
              Cancel
            </button>
            <button type="button" data-confirm className={pending.options.danger ? 'danger' : 'primary'} onClick={() => answer(true)}>
              {pending.options.confirm}
            </button>
          </div>
        </Dialog>
      ) : null}
    </ConfirmContext.Provider>
  )
}
