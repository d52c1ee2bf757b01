import type { Span } from '@shared/body'

/**
 * Where a highlight's edges may stop when it is resized: at word boundaries, so a resize can never
 * leave half a word (`diplomats f` ending a passage). Words are the language's own (Intl.Segmenter);
 * punctuation is a stop of its own, so "relations," can end before or after the comma. Spaces never
 * start or end a passage.
 *
 *   snapEdge(body, 'end', 31, { start: 8, end: 29 })      // → 30, the nearest word end
 *   stepEdge(body, { start: 8, end: 30 }, 'end', 1, 'word') // → the end of the next word
 */

/** An offset range into the body (the body model's). */
export type { Span } from '@shared/body'
export type Edge = 'start' | 'end'
export type Unit = 'word' | 'char'

interface Stops {
  /** Offsets where a word or punctuation mark begins, ascending. */
  starts: number[]
  /** Offsets where one ends, ascending. */
  ends: number[]
}

// One body at a time is edited: the last one's stops are kept (an article of 100k characters
// takes a few milliseconds to segment, not worth doing on every pointer move).
let cache: { body: string; stops: Stops } | null = null

export function stopsOf(body: string): Stops {
  if (cache?.body === body) return cache.stops
  const starts: number[] = []
  const ends: number[] = []
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
  for (const s of segmenter.segment(body)) {
    if (!/\S/.test(s.segment)) continue
    starts.push(s.index)
    ends.push(s.index + s.segment.length)
  }
  cache = { body, stops: { starts, ends } }
  return cache.stops
}

/** Index of the first value >= x in an ascending list. */
function lowerBound(list: number[], x: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((list[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

const isSpace = (body: string, i: number): boolean => /\s/.test(body[i] ?? ' ')

/**
 * The edge position nearest to `offset` that keeps the passage at least one character long:
 * a word boundary, or (unit 'char', Alt held) any character that is not a space at the edge.
 */
export function snapEdge(body: string, edge: Edge, offset: number, span: Span, unit: Unit = 'word'): number {
  const at = Math.max(0, Math.min(body.length, offset))
  if (unit === 'char') {
    if (edge === 'start') {
      let i = Math.min(at, span.end - 1)
      while (i < span.end - 1 && isSpace(body, i)) i++
      return i
    }
    let i = Math.max(at, span.start + 1)
    while (i > span.start + 1 && isSpace(body, i - 1)) i--
    return i
  }
  const { starts, ends } = stopsOf(body)
  const list = edge === 'start' ? starts.filter((s) => s < span.end) : ends.filter((e) => e > span.start)
  if (list.length === 0) return edge === 'start' ? span.start : span.end
  const i = lowerBound(list, at)
  const after = list[i]
  const before = list[i - 1]
  if (after === undefined) return before as number
  if (before === undefined) return after
  return at - before <= after - at ? before : after
}

/**
 * One edge moved one word (or one character) in `direction` (-1 left, +1 right); null when it
 * cannot move (the start of the text, or the passage would become empty).
 */
export function stepEdge(body: string, span: Span, edge: Edge, direction: -1 | 1, unit: Unit = 'word'): Span | null {
  const current = span[edge]
  let next: number | undefined
  if (unit === 'char') {
    next = current + direction
    // A step by character still skips spaces: an edge never rests on one.
    while (next > 0 && next < body.length && (edge === 'start' ? isSpace(body, next) : isSpace(body, next - 1))) next += direction
  } else {
    const { starts, ends } = stopsOf(body)
    const list = edge === 'start' ? starts : ends
    const i = lowerBound(list, current)
    next = direction > 0 ? list[list[i] === current ? i + 1 : i] : list[i - 1]
  }
  if (next === undefined || next < 0 || next > body.length) return null
  const out = edge === 'start' ? { start: next, end: span.end } : { start: span.start, end: next }
  return out.end > out.start ? out : null
}
