import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

/**
 * Row virtualization for the matrix grid: only the rows near the scroll container's viewport are
 * rendered; spacers above and below stand for the rest. Rows vary in height (evidence, collapsed
 * rows), so each rendered row's height is measured (its header cell: in a CSS grid every cell of a
 * row is as tall as the row); an unmeasured row counts at the caller's estimate for it, scaled by how
 * the measured rows compared with theirs (fonts and widths differ from one screen to another).
 * Written here rather than pulled in as a dependency: the grid's rows are `display: contents`, which
 * a generic virtualizer cannot measure, and this is all the matrix needs.
 */
export interface RowWindow {
  /** First and one-past-last row to render. */
  start: number
  end: number
  /** Heights of the spacers standing for the rows before start and after end. */
  before: number
  after: number
  /** Ref callback for a rendered row's header cell, with the row's key. */
  measure: (key: string | number) => (el: HTMLElement | null) => void
  /** Scrolls so that the row at index is rendered (then focus() on it scrolls it exactly into view). */
  reveal: (index: number) => void
}

const OVERSCAN_PX = 600
/** How many rows beyond the window a pinned row may be and still be kept. */
const PIN_REACH = 12

export function useRowWindow(
  scroller: React.RefObject<HTMLElement | null>,
  grid: React.RefObject<HTMLElement | null>,
  keys: Array<string | number>,
  /** A row's height before it is measured, by key: the first frame lays out as many rows as these fill. */
  estimate: (key: string | number) => number,
  /** False while the scroll container is not in the DOM (loading): the listeners attach once it is. */
  active: boolean,
  /**
   * A row kept rendered when it is near the window (the focused cell's): were it unmounted while
   * scrolling to it, it would take the keyboard focus with it.
   */
  pin: number | null = null,
): RowWindow {
  const [heights, setHeights] = useState<ReadonlyMap<string | number, number>>(new Map())
  const observed = useRef(new Map<Element, string | number>())
  const [view, setView] = useState({ top: 0, height: 800 })
  // The first paint lays out only the rows the viewport shows; the overscan (for smooth scrolling)
  // follows once the browser is idle, rather than in the frames right after that first paint.
  const [overscan, setOverscan] = useState(0)
  useEffect(() => {
    if (!active) return
    const idle = requestIdleCallback(() => setOverscan(OVERSCAN_PX), { timeout: 500 })
    return () => cancelIdleCallback(idle)
  }, [active])
  const observer = useRef<ResizeObserver | null>(null)

  // A row is measured when it is first observed, and again when its height changes (evidence and
  // coverage arriving, a row collapsed).
  useEffect(() => {
    const ro = new ResizeObserver((entries) => {
      setHeights((before) => {
        let next: Map<string | number, number> | null = null
        for (const e of entries) {
          const key = observed.current.get(e.target)
          const h = (e.target as HTMLElement).getBoundingClientRect().height
          if (key !== undefined && h > 0 && before.get(key) !== h) (next ??= new Map(before)).set(key, h)
        }
        return next ?? before
      })
    })
    observer.current = ro
    for (const el of observed.current.keys()) ro.observe(el)
    return () => ro.disconnect()
  }, [])

  const measure = useCallback(
    (key: string | number) => (el: HTMLElement | null) => {
      if (!el || observed.current.get(el) === key) return
      for (const [other, k] of observed.current) {
        if (k === key || !other.isConnected) {
          observer.current?.unobserve(other)
          observed.current.delete(other)
        }
      }
      observed.current.set(el, key)
      observer.current?.observe(el)
    },
    [],
  )

  // The viewport in the grid's coordinates, kept up to date on scroll and resize (one update per frame).
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    let frame = 0
    const update = (): void => {
      frame = 0
      const offset = grid.current ? grid.current.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop : 0
      setView((v) => {
        const next = { top: el.scrollTop - offset, height: el.clientHeight }
        return v.top === next.top && v.height === next.height ? v : next
      })
    }
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    update()
    el.addEventListener('scroll', schedule, { passive: true })
    const ro = new ResizeObserver(schedule)
    ro.observe(el)
    return () => {
      el.removeEventListener('scroll', schedule)
      ro.disconnect()
      if (frame) cancelAnimationFrame(frame)
    }
  }, [scroller, grid, active])

  let measured = 0
  let estimated = 0
  for (const [key, h] of heights) {
    measured += h
    estimated += estimate(key)
  }
  const scale = measured > 0 && estimated > 0 ? Math.min(2, Math.max(0.5, measured / estimated)) : 1
  const heightOf = (i: number): number => heights.get(keys[i]!) ?? estimate(keys[i]!) * scale
  // The head row sits above the first row; its height is small next to the overscan, so it is ignored.
  let start = 0
  let y = 0
  while (start < keys.length && y + heightOf(start) < view.top - overscan) y += heightOf(start++)
  let end = start
  while (end < keys.length && y < view.top + view.height + overscan) y += heightOf(end++)
  if (pin !== null && pin >= 0 && pin < keys.length) {
    if (pin < start && start - pin <= PIN_REACH) start = pin
    if (pin >= end && pin - end < PIN_REACH) end = pin + 1
  }
  let before = 0
  for (let i = 0; i < start; i++) before += heightOf(i)
  let after = 0
  for (let i = end; i < keys.length; i++) after += heightOf(i)

  const reveal = (index: number): void => {
    const el = scroller.current
    if (!el || index < 0 || index >= keys.length || (index >= start && index < end)) return
    let top = 0
    for (let i = 0; i < index; i++) top += heightOf(i)
    const offset = grid.current ? grid.current.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop : 0
    const target = Math.max(0, offset + top - el.clientHeight / 3)
    el.scrollTo({ top: target })
    setView({ top: target - offset, height: el.clientHeight })
  }

  return { start, end, before, after, measure, reveal }
}
