import type { Highlight } from '@shared/model'

/**
 * How overlapping highlights are painted in the text: each stretch of text takes the tint of one
 * theme only (the innermost, i.e. shortest, highlight over it), never a blend of several; where
 * another theme also covers it, that theme's colour underlines the stretch. The margin stripes
 * (ArticleText) show every theme in full.
 *
 *   paintSegments([{ start: 0, end: 10, themeId: 1 }, { start: 5, end: 20, themeId: 2 }])
 *   // → [{0,5 tint 1}, {5,10 tint 1 under 2}, {10,20 tint 2}]
 */
export interface Segment {
  start: number
  end: number
  tint: number | null
  /** The theme underlining the stretch (undefined: only one theme covers it). */
  under?: number | null
}

type Coded = Pick<Highlight, 'start' | 'end' | 'themeId'>

export function paintSegments(highlights: Coded[], length = Infinity): Segment[] {
  const list = highlights
    .map((h) => ({ start: Math.max(0, h.start), end: Math.min(h.end, length), themeId: h.themeId }))
    .filter((h) => h.end > h.start)
  const cuts = [...new Set(list.flatMap((h) => [h.start, h.end]))].sort((a, b) => a - b)
  const byStart = [...list].sort((a, b) => a.start - b.start)
  const out: Segment[] = []
  // A sweep over the cuts keeps the highlights covering the current stretch (a thousand stay fast).
  let active: typeof list = []
  let next = 0
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number
    const end = cuts[i + 1] as number
    active = active.filter((h) => h.end > start)
    while (next < byStart.length && (byStart[next] as (typeof list)[number]).start <= start)
      active.push(byStart[next++] as (typeof list)[number])
    const over = [...active].sort((a, b) => a.end - a.start - (b.end - b.start))
    const [inner, ...rest] = over
    if (!inner) continue
    const other = rest.find((h) => h.themeId !== inner.themeId)
    const segment: Segment = other ? { start, end, tint: inner.themeId, under: other.themeId } : { start, end, tint: inner.themeId }
    // A highlight's boundary always starts a new stretch (so each highlight shows in the painted
    // ranges); between boundaries the same highlights cover everything, hence one range.
    out.push(segment)
  }
  return out
}

/**
 * Margin lanes for highlights by their vertical extent on screen: each highlight takes the first
 * lane free at its top, so overlapping passages stand side by side (as coding stripes do in QDA tools).
 */
export function assignLanes<T extends { top: number; bottom: number }>(items: T[]): Array<T & { lane: number }> {
  const ends: number[] = []
  return [...items]
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom)
    .map((item) => {
      let lane = ends.findIndex((bottom) => bottom <= item.top)
      if (lane === -1) lane = ends.length
      ends[lane] = item.bottom
      return { ...item, lane }
    })
}
