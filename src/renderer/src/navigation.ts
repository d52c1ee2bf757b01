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
