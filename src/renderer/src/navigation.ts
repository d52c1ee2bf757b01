import { useEffect } from 'react'

/**
 * In-app navigation (issue 18). Every place is a hash route, so going somewhere is a new history
 * entry and Back/Forward walk the places visited, in Electron (where window.open is refused) and
 * in browser mode alike. Nothing here opens a window or a tab.
 */
export function navigate(href: string): void {
  if (!href.startsWith('#/')) return
  if (location.hash === href) return
  location.hash = href
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * Back and Forward: Alt+←/→ (Cmd+[ / Cmd+] on macOS) and the mouse's back and forward buttons.
 * Electron has no browser chrome to do this; in a browser the default is prevented so one press
 * moves one place, not two.
 */
export function useHistoryNavigation(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const alt = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')
      const cmd = isMac && e.metaKey && !e.altKey && !e.ctrlKey && (e.key === '[' || e.key === ']')
      if (!alt && !cmd) return
      // On macOS Alt+arrows move the caret by word in text; there Cmd+[ / ] is Back / Forward.
      if (alt && isMac && isEditable(e.target)) return
      e.preventDefault()
      if (e.key === 'ArrowLeft' || e.key === '[') history.back()
      else history.forward()
    }
    // Buttons 3 and 4 are the mouse's back and forward buttons; the browser acts on mouseup.
    const onMouse = (e: MouseEvent): void => {
      if (e.button !== 3 && e.button !== 4) return
      e.preventDefault()
      if (e.type !== 'mouseup') return
      if (e.button === 3) history.back()
      else history.forward()
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('mousedown', onMouse)
    window.addEventListener('mouseup', onMouse)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('mousedown', onMouse)
      window.removeEventListener('mouseup', onMouse)
    }
  }, [])
}

const OPEN_BESIDE = 'parley:open-beside'

/** Opens a place beside the current view (the Matrix keeps its cells in sight while a cell note is written). */
export function openBeside(href: string): void {
  window.dispatchEvent(new CustomEvent(OPEN_BESIDE, { detail: href }))
}

/** Listens for "open beside" requests (a Ctrl/Cmd+click on an in-app link); returns the unsubscribe. */
export function onOpenBeside(listener: (href: string) => void): () => void {
  const handler = (e: Event): void => listener((e as CustomEvent<string>).detail)
  window.addEventListener(OPEN_BESIDE, handler)
  // Taken in the capture phase, before any view or Lexical's link plugin (which would open a tab),
  // so every in-app link behaves alike: Ctrl/Cmd+click or a middle click opens it beside the view.
  const onClick = (e: MouseEvent): void => {
    const beside = (e.type === 'click' && e.button === 0 && (e.ctrlKey || e.metaKey)) || (e.type === 'auxclick' && e.button === 1)
    if (!beside || !(e.target instanceof Element)) return
    const a = e.target.closest('a[href^="#/"]')
    const href = a?.getAttribute('href')
    if (!href) return
    e.preventDefault()
    e.stopPropagation()
    window.dispatchEvent(new CustomEvent(OPEN_BESIDE, { detail: href }))
  }
  document.addEventListener('click', onClick, true)
  document.addEventListener('auxclick', onClick, true)
  return () => {
    window.removeEventListener(OPEN_BESIDE, handler)
    document.removeEventListener('click', onClick, true)
    document.removeEventListener('auxclick', onClick, true)
  }
}

/** Fired on window after a note is saved (see Notes.tsx). */
export const NOTE_SAVED = 'parley:note-saved'
