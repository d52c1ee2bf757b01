import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
// @tanstack/react-virtual belongs in eslint.config.mjs's RENDERER_PACKAGES (not this change's file to edit): until it is listed there.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'

/**
 * Row windowing for the app's long lists (the Library's articles table, the Matrix's rounds), on
 * @tanstack/react-virtual: only the rows near the scroll container's viewport are rendered, and
 * spacers above and below stand for the rest. The lists are a table and a CSS grid whose rows are
 * `display: contents`, so rows are not absolutely placed: the caller renders rows start..end in the
 * flow between two spacers of `before` and `after` px.
 *
 * Rows of varying height are measured through `measure(key)` (for the Matrix, the row's header
 * cell: in a CSS grid every cell of a row is as tall as the row); an unmeasured row counts at the
 * caller's estimate. Rows of one height (`uniformRow`) are measured once, from the first row.
 *
 *   const win = useRowWindow({ scroller, list, keys, estimate, overscan: { ahead: 15, behind: 3 }, active })
 *   rows.slice(win.start, win.end).map(…)
 */
export interface RowWindow {
  /** First and one-past-last row to render. */
  start: number
  end: number
  /** Heights of the spacers standing for the rows before start and after end. */
  before: number
  after: number
  /** Ref callback for a rendered row's measured element, with the row's key. */
  measure: (key: string | number) => (el: HTMLElement | null) => void
  /** Scrolls so that the row at index is rendered (then focus() on it scrolls it exactly into view). */
  reveal: (index: number) => void
  /**
   * The most rows a window can hold: keying rows by index modulo this lets a row leaving the window
   * hand its DOM to the one coming in (text changes, no new elements to style and lay out).
   */
  slots: number
}

export interface RowWindowOptions {
  /** The scroll container (read once `active`). */
  scroller: React.RefObject<HTMLElement | null>
  /** The element whose top is the first row's top (the rows' offset in the scroller is measured from it). */
  list: React.RefObject<HTMLElement | null>
  keys: ReadonlyArray<string | number>
  /** A row's height before it is measured, by key: the first frame lays out as many rows as these fill. */
  estimate: (key: string | number) => number
  /** A CSS selector of one row inside `list` when every row is as tall as it: measured once (and on resize). */
  uniformRow?: string
  /**
   * Rows rendered beyond the viewport in the direction of scrolling, and behind it. None extra while
   * the scroll jumps further than `ahead` reaches (a fast drag of the scroll bar replaces every row).
   */
  overscan: { ahead: number; behind: number }
  /** False while the scroll container is not in the DOM (loading): the listeners attach once it is. */
  active: boolean
  /**
   * A row kept rendered when it is near the window (the focused cell's): were it unmounted while
   * scrolling to it, it would take the keyboard focus with it.
   */
  pin?: number | null
}

/** How many rows beyond the window a pinned row may be and still be kept. */
const PIN_REACH = 12

export function useRowWindow({ scroller, list, keys, estimate, uniformRow, overscan, active, pin = null }: RowWindowOptions): RowWindow {
  // The first paint lays out only the rows the viewport shows; the overscan (for smooth scrolling)
  // follows once the browser is idle, rather than in the frames right after that first paint.
  const [idle, setIdle] = useState(false)
  useEffect(() => {
    if (!active) return
    const handle = requestIdleCallback(() => setIdle(true), { timeout: 500 })
    return () => cancelIdleCallback(handle)
  }, [active])

  // The rows' top in the scroller's content coordinates (a toolbar and a header sit above them), and
  // the one row height of a uniform list: read once per frame on scroll and on resize.
  const [margin, setMargin] = useState(0)
  const [rowHeight, setRowHeight] = useState(0)
  useLayoutEffect(() => {
    const el = scroller.current
    const rows = list.current
    if (!active || !el || !rows) return
    let frame = 0
    let measured = 0
    const update = (): void => {
      frame = 0
      const top = rows.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop
      setMargin((m) => (m === top ? m : top))
      if (uniformRow && !measured) {
        measured = rows.querySelector(uniformRow)?.getBoundingClientRect().height ?? 0
        if (measured) setRowHeight(measured)
      }
    }
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    update()
    el.addEventListener('scroll', schedule, { passive: true })
    // A resize (zoom, window width, a banner above the list) may move the rows and change their height.
    const ro = new ResizeObserver(() => {
      measured = 0
      schedule()
    })
    ro.observe(el)
    ro.observe(rows)
    return () => {
      el.removeEventListener('scroll', schedule)
      ro.disconnect()
      if (frame) cancelAnimationFrame(frame)
    }
  }, [scroller, list, uniformRow, active])

  // Which way the last scroll went, and whether it jumped past the rows rendered ahead.
  const last = useRef<Range | null>(null)
  const motion = useRef({ forward: true, fast: false })
  const { ahead, behind } = overscan
  const rangeExtractor = useCallback(
    (range: Range): number[] => {
      const before = last.current
      last.current = range
      if (before && before.startIndex !== range.startIndex) {
        motion.current = { forward: range.startIndex > before.startIndex, fast: Math.abs(range.startIndex - before.startIndex) > ahead }
      }
      const far = idle ? (motion.current.fast ? behind : ahead) : 0
      const near = idle ? behind : 0
      const [above, below] = motion.current.forward ? [near, far] : [far, near]
      let start = Math.max(0, range.startIndex - above)
      let end = Math.min(range.count - 1, range.endIndex + below)
      if (pin !== null && pin >= 0 && pin < range.count) {
        if (pin < start && start - pin <= PIN_REACH) start = pin
        if (pin > end && pin - end <= PIN_REACH) end = pin
      }
      // Contiguous, as the spacers need (the default extractor with no overscan gives start..end).
      return defaultRangeExtractor({ ...range, startIndex: start, endIndex: end, overscan: 0 })
    },
    [ahead, behind, idle, pin],
  )

  const getItemKey = useCallback((i: number) => keys[i] as string | number, [keys])
  const uniform = uniformRow && rowHeight > 0 ? rowHeight : 0
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => uniform || estimate(keys[i] as string | number),
    getItemKey,
    scrollMargin: margin,
    rangeExtractor,
    enabled: active,
  })
  // tanstack keeps what it computed from the estimates until a row resizes or the keys or offset
  // change: told once the uniform row height is known. Not on every change of a varying list's
  // estimates: measure() also forgets the rendered rows' measured heights, which it reads again only
  // when they resize; the new estimates apply from its next recomputation.
  useLayoutEffect(() => {
    if (uniform) virtualizer.measure()
  }, [virtualizer, uniform])

  // One ref callback per row and index, so React calls it only when the row's element or place
  // changes: tanstack measures synchronously when handed an element, then on resize by itself.
  const refs = useRef(new Map<string | number, { index: number; ref: (el: HTMLElement | null) => void }>())
  const indexOf = new Map(keys.map((k, i) => [k, i]))
  const measure = (key: string | number): ((el: HTMLElement | null) => void) => {
    const index = indexOf.get(key) ?? -1
    const known = refs.current.get(key)
    if (known && known.index === index) return known.ref
    const ref = (el: HTMLElement | null): void => {
      if (!el) return
      // tanstack finds the row by this attribute.
      el.dataset.index = String(index)
      virtualizer.measureElement(el)
    }
    refs.current.set(key, { index, ref })
    return ref
  }

  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const lastItem = items[items.length - 1]
  const start = first?.index ?? 0
  const end = lastItem ? lastItem.index + 1 : 0
  const before = first ? first.start - margin : 0
  const after = lastItem ? Math.max(0, virtualizer.getTotalSize() - (lastItem.end - margin)) : 0
  // Uniform rows only (others are keyed by their own key): the viewport's rows plus the overscan.
  const unit = uniform || estimate(keys[0] ?? 0)
  const slots = Math.max(end - start, Math.ceil((virtualizer.scrollRect?.height ?? 1000) / unit) + 2 + ahead + behind)

  const reveal = (index: number): void => {
    if (index < 0 || index >= keys.length || (index >= start && index < end)) return
    virtualizer.scrollToIndex(index, { align: 'center' })
  }

  return { start, end, before, after, measure, reveal, slots }
}
