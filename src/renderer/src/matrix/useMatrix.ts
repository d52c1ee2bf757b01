import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Matrix as MatrixData, MatrixCell, MatrixRow } from '@shared/model'
import { api, errorMessage } from '../api'

/**
 * The deferred matrix asked for as soon as the address changes to the Matrix, while the app is still
 * leaving the previous view (that takes tens of milliseconds): the view takes it when it mounts.
 * Listened to here, at load, so it runs before the app's own hashchange handler renders anything.
 */
let early: { promise: Promise<MatrixData>; at: number } | null = null
/** An early answer older than this is not taken (the view asks again). */
const EARLY_MS = 2000
if (typeof window !== 'undefined')
  window.addEventListener('hashchange', (e) => {
    const matrixRoute = /^#\/matrix(?:\/\d+)?$/
    // Only when arriving from another view (within the Matrix, selecting a round keeps the view).
    if (!matrixRoute.test(location.hash) || matrixRoute.test(new URL(e.oldURL).hash)) return
    if (early && performance.now() - early.at < EARLY_MS) return
    const promise = api['matrix.get']({ deferred: true })
    // Failures are the view's to show if it takes this promise; otherwise they are dropped here.
    promise.catch(() => undefined)
    early = { promise, at: performance.now() }
  })

/** The early matrix if it was asked for just now, else a new call. */
function deferredMatrix(): Promise<MatrixData> {
  const taken = early && performance.now() - early.at < EARLY_MS ? early.promise : null
  early = null
  return taken ?? api['matrix.get']({ deferred: true })
}

/** A cell with what matrix.rows brought; evidence null while it is still on its way. */
export type ShownCell = Omit<MatrixCell, 'evidence'> & { evidence: MatrixCell['evidence'] | null }

export interface MatrixState {
  matrix: MatrixData | null
  error: string | null
  /** Rounds whose evidence the deferred matrix left out (matrix.rows brings it). */
  leftOut: Set<number>
  /** Rounds already asked for with matrix.rows since this matrix arrived (replaced with each matrix). */
  asked: React.RefObject<Set<number>>
  /** Adds rows from matrix.rows; evidence-only answers never replace a row that came with coverage. */
  merge(list: MatrixRow[], withCoverage: boolean): void
  cellAt(rowIndex: number, themeIndex: number): ShownCell | undefined
  /** Rounds with an empty cell whose coverage is not known yet. */
  pendingRounds: number[]
}

/**
 * The matrix alone first (counts, notes, known coverage: it paints without waiting for the rest),
 * then the evidence and coverage matrix.rows brings, by round. Asked again at each `revision`.
 *
 * ```ts
 * const { matrix, cellAt } = useMatrix(revision)
 * const cell = cellAt(row.index, theme.index)
 * ```
 */
export function useMatrix(revision: number): MatrixState {
  const [matrix, setMatrix] = useState<MatrixData | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Evidence and coverage that arrived after the matrix (matrix.rows), by round.
  const [details, setDetails] = useState<Map<number, MatrixRow>>(new Map())
  const asked = useRef(new Set<number>())

  useEffect(() => {
    let live = true
    deferredMatrix().then(
      (m) => {
        if (!live) return
        asked.current = new Set()
        setDetails(new Map())
        setMatrix(m)
        setError(null)
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [revision])

  const leftOut = useMemo(() => new Set(matrix?.evidenceLeftOut ?? []), [matrix])
  const cellAt = (rowIndex: number, themeIndex: number): ShownCell | undefined => {
    const cell = matrix?.cells[rowIndex * (matrix?.themes.length ?? 0) + themeIndex]
    if (!cell) return undefined
    const more = details.get(cell.roundId)?.cells.find((c) => c.themeId === cell.themeId)
    if (more) return { ...cell, evidence: more.evidence, coverage: cell.coverage === 'coded' ? 'coded' : more.coverage }
    return leftOut.has(cell.roundId) ? { ...cell, evidence: null } : cell
  }
  const pendingRounds = useMemo(() => {
    if (!matrix) return []
    const ids = new Set(matrix.cells.filter((c) => c.coverage === 'pending').map((c) => c.roundId))
    return matrix.rounds.filter((r) => ids.has(r.id) && !details.get(r.id)?.cells.every((c) => c.coverage !== 'pending')).map((r) => r.id)
  }, [matrix, details])

  const merge = useCallback(
    (list: MatrixRow[], withCoverage: boolean): void =>
      setDetails((d) => {
        const next = new Map(d)
        for (const row of list) if (withCoverage || !next.has(row.roundId)) next.set(row.roundId, row)
        return next
      }),
    [],
  )

  return { matrix, error, leftOut, asked, merge, cellAt, pendingRounds }
}
