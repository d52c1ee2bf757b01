import { useEffect, useState } from 'react'
import type { CellClaims } from '@shared/contract-claims'
import { api } from '../api'

/** The typed links touching each cell's passages (matrix.claims), by "roundId:themeId"; read again at each `revision`. */
export function useCellClaims(revision: number): Map<string, CellClaims> {
  const [claims, setClaims] = useState<Map<string, CellClaims>>(new Map())
  useEffect(() => {
    let live = true
    api['matrix.claims']({}).then(
      (cells) => live && setClaims(new Map(cells.map((c) => [`${c.roundId}:${c.themeId}`, c]))),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [revision])
  return claims
}

/** "2 agree · 1 differ · 1 other", the parts that are not zero. */
export function claimCounts(c: CellClaims): string {
  return [c.agree ? `${c.agree} agree` : '', c.differ ? `${c.differ} differ` : '', c.other ? `${c.other} other` : '']
    .filter(Boolean)
    .join(' · ')
}
