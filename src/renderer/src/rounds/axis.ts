/** A time axis that breaks long empty gaps, so talks years apart and days apart both read well. */
export interface Segment {
  start: number
  end: number
  x: number
  width: number
}

const DAY = 86_400_000

export function dayOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso)
  if (!m) return null
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 15)
}

/**
 * Groups times into segments separated by gaps longer than `gapDays`; each segment gets width in
 * proportion to its span (with a floor), and segments are laid out left to right with a gap.
 */
export function brokenAxis(
  times: number[],
  width: number,
  gapDays = 120,
  breakWidth = 36,
): { segments: Segment[]; x: (t: number) => number } {
  const sorted = [...new Set(times)].sort((a, b) => a - b)
  if (sorted.length === 0) return { segments: [], x: () => 0 }
  const groups: Array<[number, number]> = []
  for (const t of sorted) {
    const last = groups.at(-1)
    if (last && t - last[1] <= gapDays * DAY) last[1] = t
    else groups.push([t, t])
  }
  // Pad each group a little so single days are not at the very edge.
  const padded = groups.map(([a, b]) => [a - 3 * DAY, b + 3 * DAY] as [number, number])
  const spans = padded.map(([a, b]) => b - a)
  const minWidth = 140
  const available = Math.max(width - breakWidth * (groups.length - 1), minWidth * groups.length)
  const total = spans.reduce((n, s) => n + s, 0)
  const raw = spans.map((s) => (s / total) * available)
  const widths = raw.map((w) => Math.max(minWidth, w))
  const scale = available / widths.reduce((n, w) => n + w, 0)
  let x = 0
  const segments: Segment[] = padded.map(([start, end], i) => {
    const w = (widths[i] ?? minWidth) * Math.min(1, scale)
    const seg = { start, end, x, width: w }
    x += w + breakWidth
    return seg
  })
  return {
    segments,
    x: (t) => {
      const seg =
        segments.find((s) => t >= s.start && t <= s.end) ??
        segments.reduce((best, s) => (Math.abs(s.start - t) < Math.abs(best.start - t) ? s : best))
      return seg.x + ((Math.min(Math.max(t, seg.start), seg.end) - seg.start) / Math.max(1, seg.end - seg.start)) * seg.width
    },
  }
}
