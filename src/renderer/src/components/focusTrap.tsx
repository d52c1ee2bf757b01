import { useEffect, useRef, type ReactNode, type RefObject } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]'

export const focusables = (root: HTMLElement): HTMLElement[] =>
  Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hidden && el.getClientRects().length > 0)

/**
 * Keeps keyboard focus inside `ref` while it is mounted: focuses the first field (or `initial`),
 * wraps Tab and Shift+Tab, closes on Escape, and gives focus back to whatever had it before.
 * Used by every dialog and popover, so none of them leaves focus behind the backdrop.
 *
 *   const box = useRef<HTMLDivElement>(null); useFocusTrap(box, onClose)
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, onEscape?: () => void, initial?: string): void {
  // The latest handler, so the trap is set up once per mount whatever the caller's closures.
  const escape = useRef(onEscape)
  useEffect(() => {
    escape.current = onEscape
  })
  useEffect(() => {
    const root = ref.current
    if (!root) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const first = (initial ? root.querySelector<HTMLElement>(initial) : null) ?? focusables(root)[0] ?? root
    if (first === root && !root.hasAttribute('tabindex')) root.tabIndex = -1
    first.focus()
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && escape.current) {
        e.preventDefault()
        e.stopPropagation()
        escape.current()
        return
      }
      if (e.key !== 'Tab') return
      const list = focusables(root)
      if (list.length === 0) return e.preventDefault()
      const head = list[0]!
      const tail = list[list.length - 1]!
      if (e.shiftKey && (document.activeElement === head || !root.contains(document.activeElement))) {
        e.preventDefault()
        tail.focus()
      } else if (!e.shiftKey && (document.activeElement === tail || !root.contains(document.activeElement))) {
        e.preventDefault()
        head.focus()
      }
    }
    root.addEventListener('keydown', onKey)
    return () => {
      root.removeEventListener('keydown', onKey)
      // Give focus back only if it is still inside the closed box (or lost): never steal it from where the user moved.
      if (
        before &&
        before.isConnected &&
        (!document.activeElement || document.activeElement === document.body || root.contains(document.activeElement))
      )
        before.focus()
    }
    // Once per mount: `ref` is stable and `initial` only matters for the first focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}

/**
 * Gives a popover made elsewhere the same focus behaviour as a dialog, without changing it: a box
 * with no layout of its own (display: contents) around it.
 *
 *   <FocusScope onEscape={close}><SomePopover … /></FocusScope>
 */
export function FocusScope({ onEscape, children }: { onEscape: () => void; children: ReactNode }): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  useFocusTrap(box, onEscape)
  return (
    <div ref={box} className="focus-scope">
      {children}
    </div>
  )
}
