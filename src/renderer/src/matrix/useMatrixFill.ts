import { useCallback, useEffect, useRef, useState } from 'react'
import type { Matrix as MatrixData, MatrixRow, Round } from '@shared/model'
import { api, errorMessage } from '../api'
import type { MatrixState } from './useMatrix'

/**
 * Rounds per matrix.rows call that computes coverage: small, so the bridge stays free for other calls
 * in between. While the answers come back quickly (the core had them stored), the batch doubles.
 */
const COVERAGE_BATCH = 6
const COVERAGE_BATCH_MAX = 96
/** A coverage call answered within this many ms is taken as cheap. */
const COVERAGE_QUICK_MS = 150

interface Fill {
  matrix: MatrixData | null
  /** The rows rendered now, their ids joined by commas (a stable dependency). */
  visibleKey: string
  leftOut: MatrixState['leftOut']
  asked: MatrixState['asked']
  merge: MatrixState['merge']
  notify: (message: string, kind: 'error') => void
}

/**
 * What a deferred matrix leaves out, filled in after it paints: the evidence of the rows in view,
 * then the rounds with their articles (only the panel and Compare need them), then the coverage of
 * empty cells not known yet (the visible rows first). Returns the rounds.
 */
export function useMatrixFill({ matrix, visibleKey, leftOut, asked, merge, notify }: Fill): Round[] {
  const [rounds, setRounds] = useState<Round[]>([])
  const visibleNow = useRef(new Set<number>())
  useEffect(() => {
    visibleNow.current = new Set(visibleKey.split(',').map(Number))
  }, [visibleKey])

  // Evidence calls in flight: the bridge answers calls in the order they come, so the slower
  // background calls (coverage, rounds.list) wait for these rather than hold up what is on screen.
  const evidenceCalls = useRef(new Set<Promise<unknown>>())
  const evidenceSettled = useCallback(async (): Promise<void> => {
    while (evidenceCalls.current.size) await Promise.allSettled([...evidenceCalls.current])
  }, [])

  // Evidence of the rows scrolled into view (a deferred matrix comes without it).
  useEffect(() => {
    const want = visibleKey
      .split(',')
      .map(Number)
      .filter((id) => leftOut.has(id) && !asked.current.has(id))
    if (!want.length) return
    for (const id of want) asked.current.add(id)
    const from = asked.current
    const call = api['matrix.rows']({ roundIds: want, coverage: false }).then(
      // A newer matrix started afresh (asked was replaced): this answer may be stale.
      (list) => from === asked.current && merge(list, false),
      () => {
        for (const id of want) from.delete(id)
      },
    )
    evidenceCalls.current.add(call)
    void call.finally(() => evidenceCalls.current.delete(call))
  }, [visibleKey, leftOut, asked, merge])

  // Rounds with their articles, once the matrix has painted (only the panel and Compare need them),
  // asked after the visible rows' evidence (the bridge answers in order and this answer is large);
  // a failure says so without taking the matrix away.
  useEffect(() => {
    if (!matrix) return
    let live = true
    void evidenceSettled()
      .then(() => (live ? api['rounds.list']({}) : null))
      .then(
        (r) => live && r && setRounds(r),
        (e: unknown) => live && notify(`The rounds' articles could not be loaded: ${errorMessage(e)}`, 'error'),
      )
    return () => {
      live = false
    }
  }, [matrix, notify, evidenceSettled])

  // Coverage of empty cells not known yet: the visible rows first, then the rest, a few rounds per call.
  useEffect(() => {
    if (!matrix) return
    let live = true
    const todo = new Set(matrix.cells.filter((c) => c.coverage === 'pending').map((c) => c.roundId))
    const order = matrix.rounds.map((r) => r.id).filter((id) => todo.has(id))
    void (async () => {
      // Rounds stay 'pending' while the core builds its corpus statistics a slice per call; a
      // failed call (the bridge busy, say) is tried again a few times.
      let idle = 0
      let failures = 0
      let size = COVERAGE_BATCH
      while (live && todo.size && idle < 100) {
        const open = order.filter((id) => todo.has(id))
        const batch = [...open.filter((id) => visibleNow.current.has(id)), ...open.filter((id) => !visibleNow.current.has(id))].slice(
          0,
          size,
        )
        let list: MatrixRow[]
        try {
          await evidenceSettled()
          if (!live) return
          const asked = performance.now()
          list = await api['matrix.rows']({ roundIds: batch, coverage: true })
          const quick = performance.now() - asked < COVERAGE_QUICK_MS
          size = quick ? Math.min(COVERAGE_BATCH_MAX, size * 2) : COVERAGE_BATCH
          failures = 0
        } catch (e) {
          if (!live) return
          if (++failures >= 3) return notify(`Checking which themes the rounds mention failed: ${errorMessage(e)}`, 'error')
          await new Promise((r) => setTimeout(r, 1000))
          continue
        }
        if (!live) return
        merge(list, true)
        const before = todo.size
        for (const id of batch) {
          const row = list.find((r) => r.roundId === id)
          // A round deleted meanwhile comes back as nothing: nothing left to check.
          if (!row || row.cells.every((c) => c.coverage !== 'pending')) todo.delete(id)
        }
        idle = todo.size < before ? 0 : idle + 1
      }
    })()
    return () => {
      live = false
    }
    // notify and merge are stable; a new matrix (after any change) starts the check afresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matrix])

  return rounds
}
