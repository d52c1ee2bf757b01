/** Small helpers to print the bench's tables and verdicts. */

export interface Verdict {
  target: string
  /** null: not measured in this run. */
  pass: boolean | null
  detail: string
}

/** Nearest-rank percentile of a list of samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] as number
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`
}

const isNumeric = (cell: string): boolean => /^[\d,.]+( ms|×)?$/.test(cell)

/** A plain-text table: numbers right-aligned, text left-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[], header = false): string =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0
        return !header && isNumeric(cell) ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd()
  return [line(header, true), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r))].join('\n')
}

export function summary(verdicts: Verdict[]): string {
  const width = Math.max(...verdicts.map((v) => v.target.length))
  const lines = verdicts.map((v) => `${v.pass === null ? 'SKIP' : v.pass ? 'PASS' : 'FAIL'}  ${v.target.padEnd(width)}  ${v.detail}`)
  const failed = verdicts.filter((v) => v.pass === false).length
  const passed = verdicts.filter((v) => v.pass === true).length
  return ['Targets', ...lines, `${passed} passed, ${failed} failed${failed ? '  <-- FAIL' : ''}`].join('\n')
}
