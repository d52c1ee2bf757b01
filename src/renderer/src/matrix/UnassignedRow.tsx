import { useEffect, useState } from 'react'
import type { PassageList, Theme } from '@shared/model'
import { api } from '../api'

export type Unassigned = Pick<PassageList, 'articles' | 'byTheme'>

/**
 * Articles that report no round get a row of their own ("Unassigned"): absence of a round is a
 * finding too, and their coded passages are one click away. Null until known (or when it failed).
 */
export function useUnassigned(revision: number): Unassigned | null {
  const [unassigned, setUnassigned] = useState<Unassigned | null>(null)
  useEffect(() => {
    let live = true
    api['passages.list']({ unassigned: true, limit: 1 }).then(
      (l) => live && setUnassigned({ articles: l.articles, byTheme: l.byTheme }),
      () => live && setUnassigned(null),
    )
    return () => {
      live = false
    }
  }, [revision])
  return unassigned
}

/** The grid's last row: per theme, how many coded passages the articles in no round hold. */
export function UnassignedRow({
  unassigned,
  columns,
  rowIndex,
}: {
  unassigned: Unassigned
  columns: Array<Pick<Theme, 'id' | 'name'>>
  rowIndex: number
}): React.JSX.Element {
  return (
    <div role="row" aria-rowindex={rowIndex} className="matrix-row matrix-unassigned" data-testid="matrix-unassigned">
      <div role="rowheader" className="matrix-round">
        <span className="round-title">Unassigned</span>
        <div className="small muted">
          {unassigned.articles} article{unassigned.articles === 1 ? '' : 's'} in no round
        </div>
      </div>
      {columns.map((t) => {
        const c = unassigned.byTheme.find((b) => b.themeId === t.id)
        return (
          <div
            role="gridcell"
            key={t.id}
            className={`matrix-cell ${c ? 'coverage-coded' : 'coverage-none'}`}
            aria-label={`Unassigned, ${t.name}: ${c ? `${c.articles} articles, ${c.passages} highlights` : 'no coded passage'}`}
          >
            {c ? (
              <>
                <div className="cell-counts">
                  {c.articles} article{c.articles === 1 ? '' : 's'} · {c.passages} highlight{c.passages === 1 ? '' : 's'}
                </div>
                <a className="small cell-passages" href={`#/passages/${t.id}/round/none`}>
                  All {c.passages} passage{c.passages === 1 ? '' : 's'} →
                </a>
              </>
            ) : (
              <div className="cell-empty">No coded passage</div>
            )}
          </div>
        )
      })}
    </div>
  )
}
