import type { ScaleTime } from 'd3-scale'

/** A round's label to place under the chart: its x on screen and its full title. */
export interface LabelItem {
  id: number
  x: number
  text: string
}

export interface PlacedLabel {
  id: number
  x: number
  lane: number
  /** The title, shortened with an ellipsis when it is longer than the room for it. */
  text: string
  full: string
  /** 'end' when the label ends at its mark (no room to its right). */
  anchor: 'start' | 'end'
}

/** Rounds with no room for a label, shown as one "+N" mark at their mean x (hover lists them). */
export interface LabelCluster {
  x: number
  ids: number[]
}

/**
 * Places labels left to right in `lanes` rows so that none overlaps another (each label is
 * estimated at `charWidth` per character). A title too long for its room is shortened; a round
 * with no room in any lane joins a cluster shown as a count. Pure, so it is unit-tested.
 *
 *   placeLabels(rounds.map(r => ({ id: r.id, x: scale(r.t), text: r.title })), { lanes: 3, width: 900 })
 */
export function placeLabels(
  items: LabelItem[],
  {
    lanes,
    width,
    charWidth = 6.6,
    gap = 10,
    maxChars = 28,
    minChars = 8,
    bin = 40,
  }: { lanes: number; width: number; charWidth?: number; gap?: number; maxChars?: number; minChars?: number; bin?: number },
): { placed: PlacedLabel[]; clusters: LabelCluster[] } {
  const sorted = [...items].filter((i) => i.x >= 0 && i.x <= width).sort((a, b) => a.x - b.x)
  const ends = Array.from({ length: lanes }, () => -Infinity)
  const placed: PlacedLabel[] = []
  const left: LabelItem[] = []
  for (const item of sorted) {
    let done = false
    for (let lane = 0; lane < lanes && !done; lane++) {
      const end = ends[lane] ?? Infinity
      if (item.x < end + gap) continue
      const want = Math.min(maxChars, item.text.length)
      // Beside the mark when the right edge leaves room, else ending at the mark (right edge of the chart).
      const right = Math.floor((width - item.x) / charWidth)
      const before = Math.floor((item.x - Math.max(0, end + gap)) / charWidth)
      const anchor: 'start' | 'end' = right >= Math.min(want, minChars + 4) || right >= before ? 'start' : 'end'
      const chars = Math.min(want, anchor === 'start' ? right : before)
      if (chars < Math.min(minChars, item.text.length)) continue
      const text = chars < item.text.length ? `${item.text.slice(0, Math.max(1, chars - 1)).trimEnd()}…` : item.text
      ends[lane] = anchor === 'start' ? item.x + text.length * charWidth : item.x
      placed.push({ id: item.id, x: item.x, lane, text, full: item.text, anchor })
      done = true
    }
    if (!done) left.push(item)
  }
  // Unplaced rounds share one count mark per `bin` pixels, so a dense stretch reads as a row of counts.
  const clusters: LabelCluster[] = []
  const bins = new Map<number, LabelItem[]>()
  for (const item of left) {
    const key = Math.floor(item.x / bin)
    bins.set(key, [...(bins.get(key) ?? []), item])
  }
  for (const run of bins.values()) clusters.push({ x: run.reduce((n, i) => n + i.x, 0) / run.length, ids: run.map((i) => i.id) })
  clusters.sort((a, b) => a.x - b.x)
  // Two marks from neighbouring bins may sit closer than a mark's width: the later one moves right.
  for (let i = 1; i < clusters.length; i++) clusters[i]!.x = Math.max(clusters[i]!.x, clusters[i - 1]!.x + 34)
  return { placed, clusters }
}

const fmt = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' })
const yearOnly = fmt({ year: 'numeric' })
const monthYear = fmt({ month: 'short', year: 'numeric' })
const dayMonthYear = fmt({ day: 'numeric', month: 'short', year: 'numeric' })

/**
 * Axis ticks for the visible domain, in the user's locale and always with a four-digit year:
 * years when the ticks are a year apart, months when they are months apart, else days.
 */
export function axisTicks(scale: ScaleTime<number, number>, width: number): Array<{ t: number; x: number; label: string }> {
  const ticks = scale.ticks(Math.max(2, Math.floor(width / 120)))
  const step = ticks.length > 1 ? ticks[1]!.getTime() - ticks[0]!.getTime() : Infinity
  const format = step >= 360 * DAY ? yearOnly : step >= 28 * DAY ? monthYear : dayMonthYear
  return ticks.map((d) => ({ t: d.getTime(), x: scale(d), label: format.format(d) }))
}

export const DAY = 86_400_000

/** A domain [from, to] zoomed by `factor` (> 1 zooms in) around `at`, kept inside `full` and at least two days wide. */
export function zoomDomain(view: [number, number], full: [number, number], factor: number, at: number): [number, number] {
  const span = Math.min(full[1] - full[0], Math.max(2 * DAY, (view[1] - view[0]) / factor))
  const ratio = (at - view[0]) / Math.max(1, view[1] - view[0])
  return clampDomain([at - ratio * span, at - ratio * span + span], full)
}

/** Moves a domain so that it lies inside `full` (keeping its width): every part of the range stays reachable, none beyond it. */
export function clampDomain([a, b]: [number, number], full: [number, number]): [number, number] {
  const span = Math.min(b - a, full[1] - full[0])
  const from = Math.min(Math.max(a, full[0]), full[1] - span)
  return [from, from + span]
}
