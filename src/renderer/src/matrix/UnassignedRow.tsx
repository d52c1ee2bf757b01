import { useEffect, useState } from 'react'
import type { PassageList, Theme } from '@shared/model'
import { api } from '../api'
import { useNotebook } from '../state/notebook'
import { columnOf } from '../reading/subThemes'

/** byTheme per column (a top-level theme with its sub-themes' passages, as the Matrix's cells count). */
export type Unassigned = Pick<PassageList, 'articles' | 'byTheme'>

/**
 * Articles that report no round get a row of their own ("Unassigned"): absence of a round is a
 * finding too, and their coded passages are one click away. Null until known (or when it failed).
 */
export function useUnassigned(revision: number): Unassigned | null {
  const { themes } = useNotebook()
  const [unassigned, setUnassigned] = useState<Unassigned | null>(null)
  useEffect(() => {
    let live = true
    const load = async (): Promise<Unassigned> => {
      const l = await api['passages.list']({ unassigned: true, limit: 1 })
      const column = columnOf(themes)
      const byColumn = new Map<number, Array<Unassigned['byTheme'][number]>>()
      for (const b of l.byTheme) {
        const c = column.get(b.themeId) ?? b.themeId
        byColumn.set(c, [...(byColumn.get(c) ?? []), b])
      }
      const byTheme = await Promise.all(
        [...byColumn].map(async ([themeId, parts]) => {
          const passages = parts.reduce((n, b) => n + b.passages, 0)
          if (parts.length === 1) return { themeId, articles: parts[0]!.articles, passages }
          // An article with passages of a theme and of its sub-theme is one article: counted from the lists.
          const lists = await Promise.all(parts.map((b) => api['passages.list']({ unassigned: true, themeId: b.themeId, limit: 5000 })))
          return { themeId, articles: new Set(lists.flatMap((x) => x.passages.map((p) => p.articleId))).size, passages }
        }),
      )
      return { articles: l.articles, byTheme }
    }
    load().then(
      (u) => live && setUnassigned(u),
      () => live && setUnassigned(null),
    )
    return () => {
      live = false
    }
  }, [revision, themes])
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
              <div className="cell-empty">
                No coded passage {/* The Passages view lists the theme's mentions in these articles, ready to code. */}
                <a className="small cell-mentions" href={`#/passages/${t.id}/round/none`}>
                  Look for mentions →
                </a>
              </div>
            )}
          </div>
        )
      })}
    </div>
  )
}
