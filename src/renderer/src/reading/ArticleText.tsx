import type { Span } from '@shared/body'
import { forwardRef, useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Highlight, Suggestion } from '@shared/model'
import { clearOwner, setRanges, themeHighlightName } from './highlightRegistry'
import { offsetAtPoint, paragraphsOf, rangeFor, selectionOffsets } from './offsets'
import { nextSelection, sentencesOf } from './keyboardSelect'
import { assignLanes, paintSegments } from './paint'
import { clickedSuggestion, editedHighlight, editedPlacement, stepChange, useStore } from './editing'
import { snapEdge, type Edge } from './wordSnap'
import '../styles/highlights.css'
import './reading.css'

/** An offset range into the body (the body model's). */
export type { Span } from '@shared/body'

export interface ArticleTextHandle {
  /** The current selection in this text, as body offsets. */
  selection(): Span | null
  /** Scrolls the passage into the middle of the view. */
  scrollTo(span: Span): void
  /** Screen rectangle of a passage (for toolbars and popovers). */
  rectOf(span: Span): DOMRect | null
  element(): HTMLElement | null
}

interface Props {
  body: string
  highlights: Highlight[]
  suggestions?: Suggestion[]
  focus?: Span | null
  find?: Span[]
  findActive?: Span | null
  onSelectionChange?: (span: Span | null) => void
  onClickOffset?: (offset: number, event: React.MouseEvent) => void
  testId?: string
}

interface Stripe {
  id: number
  themeId: number | null
  top: number
  bottom: number
  lane: number
}
interface HandleBox {
  x: number
  top: number
  height: number
}

/** Width of one margin stripe and the gap beside it, and the gutter they stand in (highlights.css), in px. */
const LANE = 5
const GUTTER = 24
/** Lanes that fit the gutter; a passage under more overlaps than that shares the outermost. */
const MAX_LANE = 3

/** Line boxes of a range that have a width (empty boxes at paragraph ends say nothing). */
const lineRects = (range: Range | null): DOMRect[] => (range ? Array.from(range.getClientRects()).filter((r) => r.width > 0.5) : [])

/** What a screen reader says for a handle: the words at that edge of the passage. */
function edgeText(body: string, span: { start: number; end: number }, edge: Edge): string {
  const words = body.slice(span.start, span.end).trim().split(/\s+/)
  return edge === 'start' ? `starts at “${words.slice(0, 3).join(' ')}”` : `ends at “${words.slice(-3).join(' ')}”`
}

/**
 * An article's clean text as plain text nodes, one <p> per paragraph (data-start = body offset).
 * Highlights, suggestions, find matches and the focused passage are painted with the CSS Custom
 * Highlight API, so the DOM never changes when they do and native selection keeps working.
 * Beside the text, one stripe per highlight in its theme's colour (overlaps side by side); on the
 * highlight being edited (its popover open), two handles that drag its edges from word to word.
 */
export const ArticleText = forwardRef<ArticleTextHandle, Props>(function ArticleText(props, ref) {
  const { body, highlights, suggestions, focus, find, findActive, onSelectionChange, onClickOffset, testId } = props
  const owner = useId()
  const root = useRef<HTMLDivElement>(null)
  const wrap = useRef<HTMLDivElement>(null)
  const paragraphs = useMemo(() => paragraphsOf(body), [body])
  const sentences = useMemo(() => sentencesOf(body), [body])
  const editing = useStore(editedHighlight)
  const edited = editing && highlights.some((h) => h.id === editing.highlight.id) ? editing.highlight : null
  // While a handle is dragged, the passage as it would be if dropped here.
  const [draft, setDraft] = useState<Span | null>(null)
  useEffect(() => setDraft(null), [highlights, edited?.id])
  const shown = useMemo(
    () => highlights.map((h) => (draft && edited && h.id === edited.id ? { ...h, start: draft.start, end: draft.end } : h)),
    [highlights, draft, edited],
  )
  const editedSpan = edited ? (shown.find((h) => h.id === edited.id) ?? null) : null

  useImperativeHandle(
    ref,
    () => ({
      selection: () => (root.current ? selectionOffsets(root.current, body) : null),
      scrollTo: (span) => {
        const range = root.current ? rangeFor(root.current, paragraphs, span.start, span.end) : null
        const el = range?.startContainer.parentElement
        el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior })
      },
      rectOf: (span) => (root.current ? (rangeFor(root.current, paragraphs, span.start, span.end)?.getBoundingClientRect() ?? null) : null),
      element: () => root.current,
    }),
    [body, paragraphs],
  )

  // Text tints: one theme per stretch of text (paint.ts), never a blend; a second theme underlines.
  useEffect(() => {
    const el = root.current
    if (!el) return
    const byName = new Map<string, Range[]>()
    const add = (name: string, s: number, e: number): void => {
      const range = rangeFor(el, paragraphs, s, e)
      if (!range) return
      const list = byName.get(name)
      if (list) list.push(range)
      else byName.set(name, [range])
    }
    for (const seg of paintSegments(shown, body.length)) {
      add(themeHighlightName(seg.tint), seg.start, seg.end)
      if (seg.under !== undefined) add(`${themeHighlightName(seg.under)}-under`, seg.start, seg.end)
    }
    const names = new Set([...byName.keys(), ...shown.map((h) => themeHighlightName(h.themeId))])
    for (const name of names) setRanges(owner, name, byName.get(name) ?? [], 1)
    return () => {
      for (const name of names) setRanges(owner, name, [], 1)
    }
  }, [owner, shown, paragraphs, body.length])

  // Suggestions are underlined in their theme's colour (one named highlight per theme).
  useEffect(() => {
    const el = root.current
    if (!el) return
    const byName = new Map<string, Range[]>()
    for (const s of suggestions ?? []) {
      const range = rangeFor(el, paragraphs, s.start, s.end)
      const name = `suggestion-${s.themeId}`
      if (range) byName.set(name, [...(byName.get(name) ?? []), range])
    }
    for (const [name, ranges] of byName) setRanges(owner, name, ranges, 0)
    return () => {
      for (const name of byName.keys()) setRanges(owner, name, [], 0)
    }
  }, [owner, paragraphs, suggestions])

  useEffect(() => {
    const el = root.current
    if (!el) return
    const ranges = (list: Span[] | undefined): Range[] => (list ?? []).flatMap((s) => rangeFor(el, paragraphs, s.start, s.end) ?? [])
    setRanges(owner, 'find', ranges(find), 2)
    setRanges(owner, 'find-active', ranges(findActive ? [findActive] : []), 3)
    setRanges(owner, 'focus', ranges(focus ? [focus] : []), 4)
  }, [owner, paragraphs, find, findActive, focus])

  useEffect(() => () => clearOwner(owner), [owner])

  // Margin stripes and handles are measured from the laid-out text, again whenever it reflows.
  const [marks, setMarks] = useState<{ stripes: Stripe[]; start: HandleBox | null; end: HandleBox | null }>({
    stripes: [],
    start: null,
    end: null,
  })
  const measure = useCallback(() => {
    const el = root.current
    const box = wrap.current
    if (!el || !box) return
    const origin = box.getBoundingClientRect()
    const extents = shown.flatMap((h) => {
      const rects = lineRects(rangeFor(el, paragraphs, h.start, Math.min(h.end, body.length)))
      if (rects.length === 0) return []
      const top = Math.min(...rects.map((r) => r.top)) - origin.top
      const bottom = Math.max(...rects.map((r) => r.bottom)) - origin.top
      return [{ id: h.id, themeId: h.themeId, top, bottom }]
    })
    let start: HandleBox | null = null
    let end: HandleBox | null = null
    if (editedSpan) {
      const rects = lineRects(rangeFor(el, paragraphs, editedSpan.start, Math.min(editedSpan.end, body.length)))
      const first = rects[0]
      const last = rects[rects.length - 1]
      if (first && last) {
        start = { x: first.left - origin.left, top: first.top - origin.top, height: first.height }
        end = { x: last.right - origin.left, top: last.top - origin.top, height: last.height }
      }
    }
    setMarks({ stripes: assignLanes(extents), start, end })
  }, [shown, editedSpan, paragraphs, body.length])
  useLayoutEffect(measure, [measure])
  useEffect(() => {
    const el = root.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => measure())
    observer.observe(el)
    return () => observer.disconnect()
  }, [measure])

  // Where the edited passage is on screen, for its popover to stand beside it (kept up on scroll).
  useLayoutEffect(() => {
    const el = root.current
    if (!el || !editedSpan) return
    const publish = (): void => {
      const rects = lineRects(rangeFor(el, paragraphs, editedSpan.start, Math.min(editedSpan.end, body.length)))
      editedPlacement.set({ id: editedSpan.id, rects, column: el.getBoundingClientRect(), body })
    }
    publish()
    window.addEventListener('scroll', publish, { capture: true, passive: true })
    window.addEventListener('resize', publish)
    return () => {
      window.removeEventListener('scroll', publish, { capture: true })
      window.removeEventListener('resize', publish)
      if (editedPlacement.get()?.id === editedSpan.id) editedPlacement.set(null)
    }
  }, [editedSpan, paragraphs, body])

  useEffect(
    () => () => {
      if (clickedSuggestion.get()?.owner === owner) clickedSuggestion.set(null)
    },
    [owner],
  )

  /** Drags one edge of the edited highlight; the drop is one resize (one undo step). Alt: by character. */
  const drag =
    (edge: Edge) =>
    (e: React.PointerEvent<HTMLDivElement>): void => {
      const el = root.current
      const box = wrap.current
      if (!edited || !editing || !el || !box || e.button !== 0) return
      e.preventDefault()
      e.stopPropagation()
      // A handle pressed has the focus (mousedown's default, which would move the selection, is
      // prevented): ←/→ then move it on from the keyboard.
      e.currentTarget.focus({ preventScroll: true })
      const from = { start: edited.start, end: edited.end }
      // The pointer holds the knob above (start) or below (end) the line: aim at the line's middle.
      const line = (edge === 'start' ? marks.start : marks.end) as HandleBox
      const lineMiddle = box.getBoundingClientRect().top + line.top + line.height / 2
      const dy = lineMiddle - e.clientY
      let latest = from
      box.classList.add('dragging')
      const move = (ev: PointerEvent): void => {
        const offset = offsetAtPoint(el, ev.clientX, ev.clientY + dy)
        if (offset === null) return
        const at = snapEdge(body, edge, offset, from, ev.altKey ? 'char' : 'word')
        latest = edge === 'start' ? { start: at, end: from.end } : { start: from.start, end: at }
        setDraft(latest)
      }
      const stop = (commit: boolean): void => {
        window.removeEventListener('pointermove', move)
        window.removeEventListener('pointerup', up)
        window.removeEventListener('pointercancel', cancel)
        box.classList.remove('dragging')
        if (commit && (latest.start !== from.start || latest.end !== from.end)) {
          // The dragged edge goes where it was dropped; the other stays where the store has it (the
          // view may not show a change just made yet).
          const at = latest[edge]
          editing.resize((current) => {
            const span = edge === 'start' ? { start: at, end: current.end } : { start: current.start, end: at }
            return span.end > span.start ? span : null
          })
        } else setDraft(null)
      }
      const up = (): void => stop(true)
      const cancel = (): void => stop(false)
      window.addEventListener('pointermove', move)
      window.addEventListener('pointerup', up)
      window.addEventListener('pointercancel', cancel)
    }

  /**
   * A handle moved from the keyboard: ←/→ by a word, Alt+←/→ by a letter, one resize (and one undo
   * step) per key. The handle stays drawn through the resize, so it keeps the focus for the next key.
   */
  const keyStep =
    (edge: Edge) =>
    (e: React.KeyboardEvent<HTMLDivElement>): void => {
      if (!edited || !editing || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') || e.ctrlKey || e.metaKey || e.shiftKey) return
      e.preventDefault()
      e.stopPropagation()
      // Stepped from the span the store holds when the resize runs, not the one drawn now.
      editing.resize(stepChange(body, edge, e.key === 'ArrowLeft' ? -1 : 1, e.altKey ? 'char' : 'word'))
    }

  const report = (): void => {
    if (!onSelectionChange || !root.current) return
    onSelectionChange(selectionOffsets(root.current, body))
  }

  // Selecting without a mouse (F7 in the Reader focuses the text): arrows move and grow a selection
  // by sentence and word (keyboardSelect.ts); the number keys then code it as a mouse selection would.
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.target !== e.currentTarget || !root.current || e.metaKey) return
    const current = selectionOffsets(root.current, body)
    const next = nextSelection(e.key, { shift: e.shiftKey, alt: e.altKey, ctrl: e.ctrlKey }, current, sentences, body)
    if (!next) return
    e.preventDefault()
    const range = rangeFor(root.current, paragraphs, next.start, next.end)
    const selection = window.getSelection()
    if (!range || !selection) return
    selection.removeAllRanges()
    selection.addRange(range)
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' })
    report()
  }

  const lanes = marks.stripes.reduce((n, s) => Math.max(n, s.lane + 1), 0)
  return (
    <div ref={wrap} className="article-text" data-lanes={lanes}>
      <div className="hl-stripes" aria-hidden data-testid="highlight-stripes">
        {marks.stripes.map((s) => (
          <div
            key={s.id}
            className={`hl-stripe hl-tone-${s.themeId ?? 'none'}${edited?.id === s.id ? ' editing' : ''}`}
            data-theme={s.themeId ?? 'none'}
            style={{ top: s.top, height: Math.max(4, s.bottom - s.top), left: GUTTER - 8 - Math.min(s.lane, MAX_LANE) * LANE }}
          />
        ))}
      </div>
      <div
        ref={root}
        className="body"
        data-testid={testId ?? 'article-body'}
        tabIndex={0}
        role="document"
        aria-label="Article text. Down and Up arrows select a sentence; Shift with them selects more or less; then press a theme's number to code it."
        onKeyDown={onKeyDown}
        onMouseUp={report}
        onKeyUp={report}
        onClick={(e) => {
          if (!root.current) return
          if (window.getSelection()?.isCollapsed === false) return
          const offset = offsetAtPoint(root.current, e.clientX, e.clientY)
          if (offset === null) return
          onClickOffset?.(offset, e)
          // A suggestion underline clicked where no highlight is: its card (accept or reject) opens.
          const onHighlight = highlights.some((h) => h.start <= offset && offset < h.end)
          const hits = onHighlight ? [] : (suggestions ?? []).filter((s) => s.start <= offset && offset < s.end)
          const hit = hits[0]
          clickedSuggestion.set(
            hit
              ? {
                  owner,
                  suggestions: hits,
                  rects: lineRects(rangeFor(root.current, paragraphs, hit.start, hit.end)),
                  column: root.current.getBoundingClientRect(),
                }
              : null,
          )
        }}
      >
        {paragraphs.map((p) => (
          <p key={p.start} data-start={p.start}>
            {p.text}
          </p>
        ))}
      </div>
      {edited && marks.start && marks.end ? (
        <>
          {(['start', 'end'] as const).map((edge) => {
            const mark = marks[edge] as HandleBox
            const span = editedSpan ?? edited
            return (
              <div
                key={edge}
                className={`hl-handle hl-handle-${edge} hl-tone-${edited.themeId ?? 'none'}`}
                data-testid={`highlight-handle-${edge}`}
                role="slider"
                tabIndex={0}
                aria-label={edge === 'start' ? 'Start of the highlight' : 'End of the highlight'}
                aria-orientation="horizontal"
                aria-valuemin={0}
                aria-valuemax={body.length}
                aria-valuenow={span[edge]}
                aria-valuetext={edgeText(body, span, edge)}
                title={`Drag to move the ${edge} (word by word; hold Alt for letters), or focus it and press ←/→ (Alt: by a letter)`}
                style={{ left: mark.x, top: mark.top, height: mark.height }}
                onPointerDown={drag(edge)}
                onMouseDown={(e) => e.preventDefault()}
                onKeyDown={keyStep(edge)}
              />
            )
          })}
        </>
      ) : null}
    </div>
  )
})
