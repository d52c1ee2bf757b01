import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef } from 'react'
import type { Highlight, Suggestion } from '@shared/model'
import { clearOwner, setRanges, themeHighlightName } from './highlightRegistry'
import { offsetAtPoint, paragraphsOf, rangeFor, selectionOffsets } from './offsets'
import { nextSelection, sentencesOf } from './keyboardSelect'

export interface Span {
  start: number
  end: number
}

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

/**
 * An article's clean text as plain text nodes, one <p> per paragraph (data-start = body offset).
 * Highlights, suggestions, find matches and the focused passage are painted with the CSS Custom
 * Highlight API, so the DOM never changes when they do and native selection keeps working.
 */
export const ArticleText = forwardRef<ArticleTextHandle, Props>(function ArticleText(props, ref) {
  const { body, highlights, suggestions, focus, find, findActive, onSelectionChange, onClickOffset, testId } = props
  const owner = useId()
  const root = useRef<HTMLDivElement>(null)
  const paragraphs = useMemo(() => paragraphsOf(body), [body])
  const sentences = useMemo(() => sentencesOf(paragraphs), [paragraphs])

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

  useEffect(() => {
    const el = root.current
    if (!el) return
    const byName = new Map<string, Range[]>()
    for (const h of highlights) {
      const range = rangeFor(el, paragraphs, h.start, Math.min(h.end, body.length))
      if (!range) continue
      const name = themeHighlightName(h.themeId)
      byName.set(name, [...(byName.get(name) ?? []), range])
    }
    const names = new Set([...byName.keys(), ...highlights.map((h) => themeHighlightName(h.themeId))])
    for (const name of names) setRanges(owner, name, byName.get(name) ?? [], 1)
    return () => {
      for (const name of names) setRanges(owner, name, [], 1)
    }
  }, [owner, highlights, paragraphs, body.length])

  useEffect(() => {
    const el = root.current
    if (!el) return
    const ranges = (list: Span[] | undefined): Range[] => (list ?? []).flatMap((s) => rangeFor(el, paragraphs, s.start, s.end) ?? [])
    setRanges(owner, 'suggestion', ranges(suggestions), 0)
    setRanges(owner, 'find', ranges(find), 2)
    setRanges(owner, 'find-active', ranges(findActive ? [findActive] : []), 3)
    setRanges(owner, 'focus', ranges(focus ? [focus] : []), 4)
  }, [owner, paragraphs, suggestions, find, findActive, focus])

  useEffect(() => () => clearOwner(owner), [owner])

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

  return (
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
        if (!onClickOffset || !root.current) return
        if (window.getSelection()?.isCollapsed === false) return
        const offset = offsetAtPoint(root.current, e.clientX, e.clientY)
        if (offset !== null) onClickOffset(offset, e)
      }}
    >
      {paragraphs.map((p) => (
        <p key={p.start} data-start={p.start}>
          {p.text}
        </p>
      ))}
    </div>
  )
})
