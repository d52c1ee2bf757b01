import type { ReactNode } from 'react'
import { formatRange, setDateRange, useDateRange } from '../state/dateRange'

/**
 * The period chosen on the Timeline, said where it filters (Library, Matrix, Timeline), with
 * "Show every date" to lift it. Nothing while no period is chosen. `children` words the period
 * (already formatted) for the view showing it.
 */
export function DateRangeNotice({ children }: { children: (period: string) => ReactNode }): React.JSX.Element | null {
  const range = useDateRange()
  if (!range) return null
  return (
    <p className="range-filter" role="status">
      {children(formatRange(range))}{' '}
      <button type="button" className="link" onClick={() => setDateRange(null)}>
        Show every date
      </button>
    </p>
  )
}
