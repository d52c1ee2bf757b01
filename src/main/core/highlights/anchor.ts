import search from 'approx-string-match'

/** W3C TextQuoteSelector + TextPositionSelector over a plain-text body. */
export interface Selector {
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
}

export const CONTEXT_CHARS = 32

/** The selector for body[start:end], with 32 characters of context each side (as Hypothesis stores). */
export function describe(body: string, start: number, end: number): Selector {
  return {
    start,
    end,
    exact: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: body.slice(end, end + CONTEXT_CHARS),
  }
}

export type Anchored = { start: number; end: number; how: 'position' | 'quote' | 'fuzzy' } | { how: 'orphan' }

const MIN_SCORE = 0.75

function similarity(a: string, b: string): number {
  if (!a && !b) return 1
  if (!a || !b) return 0
  const errors = search(b, a, Math.ceil(a.length / 2))[0]?.errors
  return errors === undefined ? 0 : 1 - errors / a.length
}

/**
 * Finds a selector's passage in a (possibly changed) body: its stored position, then the exact
 * quote nearest that position (prefix/suffix break ties), then a fuzzy match scored as in
 * Hypothesis's match-quote (quote 50, prefix 20, suffix 20, position 2). Below 0.75 it is an
 * orphan: kept by the caller, never silently attached somewhere wrong.
 */
export function anchor(body: string, selector: Selector): Anchored {
  const { start, end, exact, prefix, suffix } = selector
  if (body.slice(start, end) === exact) return { start, end, how: 'position' }

  const exactHits: number[] = []
  for (let at = body.indexOf(exact); at !== -1 && exactHits.length < 1000; at = body.indexOf(exact, at + 1)) exactHits.push(at)
  if (exactHits.length) {
    const score = (at: number): number =>
      (body.slice(Math.max(0, at - prefix.length), at) === prefix ? 2 : 0) +
      (body.slice(at + exact.length, at + exact.length + suffix.length) === suffix ? 2 : 0) -
      Math.abs(at - start) / Math.max(1, body.length)
    const best = exactHits.reduce((a, b) => (score(b) > score(a) ? b : a))
    return { start: best, end: best + exact.length, how: 'quote' }
  }

  if (exact.length < 4) return { how: 'orphan' }
  const maxErrors = Math.min(256, Math.floor(exact.length / 2))
  const candidates = search(body, exact, maxErrors)
  let best: { start: number; end: number; score: number } | null = null
  for (const c of candidates.slice(0, 200)) {
    const quoteSim = 1 - c.errors / exact.length
    const prefixSim = similarity(prefix, body.slice(Math.max(0, c.start - prefix.length), c.start))
    const suffixSim = similarity(suffix, body.slice(c.end, c.end + suffix.length))
    const posSim = 1 - Math.abs(c.start - start) / Math.max(1, body.length)
    const score = (50 * quoteSim + 20 * prefixSim + 20 * suffixSim + 2 * posSim) / 92
    if (!best || score > best.score) best = { start: c.start, end: c.end, score }
  }
  return best && best.score >= MIN_SCORE ? { start: best.start, end: best.end, how: 'fuzzy' } : { how: 'orphan' }
}
