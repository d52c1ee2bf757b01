import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Highlight, Theme } from '@shared/model'
import { isSubTheme, parentName, ThemeButtonLabel, themeTitle } from './subThemes'
import './reading.css'
import { editedHighlight, editedPlacement, stepChange, useStore, type SpanChange } from './editing'
import { placeBeside } from './place'
import type { Edge } from './wordSnap'
import { Backlinks } from '../components/Backlinks'
import { QuoteInNote } from '../components/QuoteInNote'
import { PassageLinks } from '../claims/PassageLinks'

interface Props {
  highlight: Highlight
  themes: Theme[]
  rect: DOMRect | null
  bodyLength: number
  onRetheme: (themeId: number | null) => void
  onComment: (comment: string) => void
  /** Resizes by a change worked out from the span the store holds at the resize's turn (editing.ts). */
  onResize: (change: SpanChange) => void
  onDelete: () => void
  onClose: () => void
}

// The popover is made anew after every change of its highlight (the view keys it by updatedAt): the
// resize control last used gets the focus back, so a resize can be repeated from the keyboard.
let lastControl: { label: string; at: number } | null = null

/**
 * What a clicked highlight is: its theme, comment and the notes quoting it; re-theme, resize or delete.
 * It stands beside the passage, never over it (place.ts), and while it is open the text shows drag
 * handles on the passage's edges (ArticleText). Shift+Alt+→/← move the end by a word,
 * Shift+Alt+Ctrl+→/← the start (as keyboard selection does); every resize is one undo step.
 */
export function HighlightPopover({
  highlight,
  themes,
  rect,
  bodyLength,
  onRetheme,
  onComment,
  onResize,
  onDelete,
  onClose,
}: Props): React.JSX.Element {
  const [comment, setComment] = useState(highlight.comment)
  const theme = themes.find((t) => t.id === highlight.themeId)
  const box = useRef<HTMLDivElement>(null)
  const resize = useRef(onResize)
  useEffect(() => {
    resize.current = onResize
  })

  // The text showing this highlight draws its handles and reports where it is.
  useEffect(() => {
    editedHighlight.set({ highlight, resize: (change) => resize.current(change) })
    return () => {
      if (editedHighlight.get()?.highlight.id === highlight.id) editedHighlight.set(null)
    }
  }, [highlight])
  const placement = useStore(editedPlacement)
  const here = placement?.id === highlight.id ? placement : null

  // Placed from its real height, again whenever the passage moves (scroll, resize, reflow).
  const [height, setHeight] = useState(420)
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const measure = (): void => setHeight(Math.ceil(el.scrollHeight) + 2)
    measure()
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    for (const child of Array.from(el.children)) observer?.observe(child)
    return () => observer?.disconnect()
  }, [])
  const rects = here?.rects ?? (rect ? [rect] : [])
  const place = placeBeside(rects, here?.column ?? null, { width: 330, height }, { width: window.innerWidth, height: window.innerHeight })

  /**
   * One edge one word (or, Alt held, one letter) left or right: a resize through the view, one undo
   * step. It moves the edge from where the store has it when the resize runs, never from the span
   * shown here, which lags behind a resize, undo or redo just made (each key is its own step).
   */
  const step = (edge: Edge, direction: -1 | 1, byChar: boolean): void => {
    const body = here?.body
    onResize(
      body
        ? stepChange(body, edge, direction, byChar ? 'char' : 'word')
        : (span) => {
            // Not yet placed (no text to find words in): by a letter.
            const next =
              edge === 'start' ? { start: span.start + direction, end: span.end } : { start: span.start, end: span.end + direction }
            return next.start >= 0 && next.end <= bodyLength && next.end > next.start ? next : null
          },
    )
  }
  const stepRef = useRef(step)
  useEffect(() => {
    stepRef.current = step
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || !e.shiftKey || !e.altKey || e.metaKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return
      const target = e.target as HTMLElement | null
      if (target && ['INPUT', 'TEXTAREA'].includes(target.tagName)) return
      e.preventDefault()
      stepRef.current(e.ctrlKey ? 'start' : 'end', e.key === 'ArrowLeft' ? -1 : 1, false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  // Made anew after a resize, the popover would leave the focus on the page: the control used last
  // (or the first one) gets it back. On a first opening the focus trap around the popover has
  // already placed it, and this does nothing.
  useEffect(() => {
    const recent = lastControl && Date.now() - lastControl.at < 3000 ? lastControl : null
    const frame = requestAnimationFrame(() => {
      const el = box.current
      if (!el || (document.activeElement && document.activeElement !== document.body)) return
      const target = recent ? el.querySelector<HTMLElement>(`[aria-label="${recent.label}"]`) : null
      ;(target ?? el.querySelector<HTMLElement>('button'))?.focus()
    })
    return () => cancelAnimationFrame(frame)
  }, [])
  const control = (label: string, edge: Edge, direction: -1 | 1, glyph: string): React.JSX.Element => (
    <button
      type="button"
      aria-label={label}
      title={`${label} by a word (Alt: by a letter)`}
      onClick={(e) => {
        lastControl = { label, at: Date.now() }
        step(edge, direction, e.altKey)
      }}
    >
      {glyph}
    </button>
  )
  return (
    <div
      ref={box}
      className="popover"
      role="dialog"
      aria-label="Highlight"
      data-placement={here ? 'beside' : 'rect'}
      style={{ top: place.top, left: place.left, width: place.width, maxHeight: place.maxHeight }}
    >
      <div className="popover-head">
        <strong>
          <span className={`swatch swatch-${highlight.themeId ?? 'none'}`} aria-hidden /> {theme?.name ?? 'No theme'}
        </strong>
        {theme && isSubTheme(theme, themes) ? <span className="muted small">sub-theme of {parentName(theme, themes)}</span> : null}
        <button type="button" className="link" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <blockquote className="popover-quote">{highlight.exact}</blockquote>
      {highlight.anchor === 'orphan' ? (
        <p className="error">This passage is no longer found in the article text; it is kept as it was.</p>
      ) : null}
      <div className="chips" role="group" aria-label="Theme">
        {themes.map((t) => (
          <button
            key={t.id}
            type="button"
            className={isSubTheme(t, themes) ? 'sub-theme' : undefined}
            title={isSubTheme(t, themes) ? themeTitle(t, themes) : undefined}
            aria-pressed={t.id === highlight.themeId}
            onClick={() => onRetheme(t.id)}
          >
            <ThemeButtonLabel theme={t} themes={themes} />
          </button>
        ))}
      </div>
      <label className="field">
        Comment
        <textarea
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          onBlur={() => comment !== highlight.comment && onComment(comment)}
        />
      </label>
      <div className="resize" role="group" aria-label="Resize by a word">
        <span className="muted">Start</span>
        {control('Extend start', 'start', -1, '◂')}
        {control('Shrink start', 'start', 1, '▸')}
        <span className="muted">End</span>
        {control('Shrink end', 'end', -1, '◂')}
        {control('Extend end', 'end', 1, '▸')}
      </div>
      <p className="resize-hint">
        Drag the handles in the text (or click one and press ←/→), or Shift+Alt+←/→ (with Ctrl for the start). Alt: by a letter.
      </p>
      <PassageLinks highlightId={highlight.id} />
      <Backlinks kind="highlight" id={highlight.id} title="Quoted in notes" />
      <div className="popover-actions">
        <QuoteInNote highlightId={highlight.id} />
        <button type="button" className="danger" onClick={onDelete}>
          Delete highlight
        </button>
      </div>
    </div>
  )
}
