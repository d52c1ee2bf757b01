import { useMemo } from 'react'
import type { Matrix as MatrixData } from '@shared/model'
import { DateRangeNotice } from '../components/DateRangeNotice'

export type RowOrder = 'date' | 'title' | 'articles'

interface Props {
  matrix: MatrixData
  filter: string
  onFilter: (filter: string) => void
  order: RowOrder
  onOrder: (order: RowOrder) => void
  onDetect: () => void
  /** Theme ids whose columns are hidden. */
  hidden: number[]
  onHidden: (hidden: number[]) => void
}

/**
 * Above the grid: the title and the rows' filter, order and actions; what to do about undated
 * rounds; the Timeline's period when one is chosen; and a chip per theme to show or hide its column.
 */
export function MatrixBar({ matrix, filter, onFilter, order, onOrder, onDetect, hidden, onHidden }: Props): React.JSX.Element {
  const undated = useMemo(() => matrix.rounds.filter((r) => !r.date || !/^\d{4}/.test(r.date)).length, [matrix])
  return (
    <>
      <div className="matrix-bar">
        <h1>Rounds × themes</h1>
        <input
          type="search"
          aria-label="Filter rounds"
          placeholder="Filter rounds"
          title="Filter rounds by title, venue or date"
          value={filter}
          onChange={(e) => onFilter(e.target.value)}
        />
        <select aria-label="Order rounds" value={order} onChange={(e) => onOrder(e.target.value as RowOrder)}>
          <option value="date">By date</option>
          <option value="title">By title</option>
          <option value="articles">By articles</option>
        </select>
        <button type="button" onClick={onDetect}>
          Detect rounds
        </button>
        <a className="button" href="#/timeline">
          Timeline
        </a>
      </div>
      {undated > 0 && matrix.rounds.length > 0 ? (
        <p className="matrix-hint">
          {undated === matrix.rounds.length
            ? 'No round has a date with a year yet'
            : `${undated} of ${matrix.rounds.length} rounds have no date with a year`}
          , so they sort last and stay off the Timeline. Open a round (click its title) and fill in its date, or{' '}
          <a href="#/library/attention">add dates to the articles</a> and detect rounds again.
        </p>
      ) : null}
      <DateRangeNotice>
        {(period) => (
          <>
            Showing rounds dated {period} (chosen on the <a href="#/timeline">Timeline</a>).
          </>
        )}
      </DateRangeNotice>
      <div className="chips" role="group" aria-label="Theme columns">
        {matrix.themes.map((t) => (
          <button
            key={t.id}
            type="button"
            aria-pressed={!hidden.includes(t.id)}
            onClick={() => onHidden(hidden.includes(t.id) ? hidden.filter((x) => x !== t.id) : [...hidden, t.id])}
          >
            <span className={`swatch swatch-${t.id}`} aria-hidden />
            {t.name}
          </button>
        ))}
      </div>
    </>
  )
}
