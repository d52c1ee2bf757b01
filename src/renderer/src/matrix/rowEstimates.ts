import { useCallback, useMemo } from 'react'
import type { Matrix as MatrixData } from '@shared/model'

/**
 * A row's height before it is measured, in px, from the cells it will show: the tallest cell's
 * passages (at most three; their placeholders in matrix/matrix-view.css are as tall as a typical passage, so a row
 * keeps its height when its evidence lands) or its 'not covered' text, or the round's own cell.
 * A rendered row is measured (rounds/virtualRows.ts); these place the rows not rendered yet.
 */
const ESTIMATE = { cell: 71, passage: 144, empty: 107, collapsed: 80, round: 116 }

/** The estimate of each round's row by id, for useRowWindow. */
export function useRowEstimate(matrix: MatrixData | null, hidden: number[], collapsed: number[]): (id: string | number) => number {
  const estimates = useMemo(() => {
    const out = new Map<number, number>()
    if (!matrix) return out
    const shown = matrix.themes.map((t) => !hidden.includes(t.id))
    for (const [ri, r] of matrix.rounds.entries()) {
      let passages = 0
      for (let ti = 0; ti < matrix.themes.length; ti++)
        if (shown[ti]) passages = Math.max(passages, Math.min(3, matrix.cells[ri * matrix.themes.length + ti]?.highlights ?? 0))
      const cell = collapsed.includes(r.id) ? ESTIMATE.collapsed : passages ? ESTIMATE.cell + passages * ESTIMATE.passage : ESTIMATE.empty
      out.set(r.id, Math.max(ESTIMATE.round, cell))
    }
    return out
  }, [matrix, hidden, collapsed])
  return useCallback((id: string | number) => estimates.get(Number(id)) ?? ESTIMATE.round, [estimates])
}
