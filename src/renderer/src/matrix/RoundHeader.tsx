import { formatRoundDate } from '../rounds/dates'
import type { GridRow } from './types'

/** A row's first cell: the round's title (opens its panel), date, venue, articles, status, and Collapse. */
export function RoundHeader({
  round: r,
  collapsed,
  onCollapse,
  measure,
}: {
  round: GridRow
  collapsed: boolean
  onCollapse: (collapsed: boolean) => void
  /** useRowWindow's measure ref for this row (it marks the cell with data-index): in a CSS grid every cell of a row is as tall as the row. */
  measure: (el: HTMLElement | null) => void
}): React.JSX.Element {
  return (
    <div role="rowheader" className="matrix-round" ref={measure}>
      <a href={`#/matrix/${r.id}`} className="round-title" title={r.title}>
        {r.title}
      </a>
      <div className="small muted">
        {r.date && /^\d{4}/.test(r.date) ? (
          formatRoundDate(r.date)
        ) : (
          // No year: the round says how to place it, in place (its panel has a Date field).
          <a href={`#/matrix/${r.id}`} className="add-detail" title="Open the round and fill in its date">
            {r.date ? `${formatRoundDate(r.date)} · add the year` : 'Add date'}
          </a>
        )}
        {r.venue ? ` · ${r.venue}` : ''} · {r.articles} article{r.articles === 1 ? '' : 's'}
      </div>
      <div className="round-tags">
        <span className={`tag${r.status === 'proposed' ? ' warn' : ''}`}>{r.status === 'proposed' ? 'proposed' : 'accepted'}</span>
        <button type="button" className="link small" aria-expanded={!collapsed} onClick={() => onCollapse(!collapsed)}>
          {collapsed ? 'Expand' : 'Collapse'}
        </button>
      </div>
    </div>
  )
}
