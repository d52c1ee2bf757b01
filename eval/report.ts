/** What an evaluation section hands back: named figures (0–1) and the lines it prints. */
export interface SectionResult {
  /** Figures by key, e.g. `web.html.f1`; floors in eval/floors.json are keyed the same way. */
  figures: Record<string, number>
  /** The section's table, ready to print. */
  lines: string[]
}

export interface EvalOptions {
  /** Evaluate at most this many items per set (for a quick look); floors are not judged then. */
  limit?: number
  /** Print one line per failed or wrong item. */
  verbose?: boolean
  /** Only these files (names in the corpus), printing what Parley made of each. */
  files?: string[]
}

export const pct = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  —  ')

/** A fixed-width table: first column left, the rest right. */
export function table(header: string[], rows: Array<Array<string | number>>): string[] {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? pct(c) : c)))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)))
  return cells.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0))).join('  '))
}
