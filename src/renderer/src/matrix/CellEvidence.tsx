import type { MatrixEvidence } from '@shared/model'
import { QuoteInNote } from '../components/QuoteInNote'
import { formatDate } from '../format'
import { useNotebook } from '../state/notebook'
import './matrix.css'

/** matrix.get and matrix.rows give each passage its own theme: the column's, or one of its sub-themes. */
type Evidence = MatrixEvidence & { themeId?: number }

/**
 * A cell's first three passages (placeholders as tall as a passage while they are on their way:
 * `evidence` null), each opening where it can be read and quotable into a note; then a link to all
 * of them.
 */
export function CellEvidence({
  evidence,
  columnId,
  highlights,
  passagesHref,
  onOpen,
}: {
  evidence: Evidence[] | null
  /** The column's theme: a passage of another theme (a sub-theme) is named. */
  columnId: number
  /** How many highlights the cell counts. */
  highlights: number
  passagesHref: string
  onOpen: (e: MatrixEvidence) => void
}): React.JSX.Element {
  const { themes } = useNotebook()
  const subTheme = (e: Evidence) => (e.themeId !== undefined && e.themeId !== columnId ? themes.find((t) => t.id === e.themeId) : undefined)
  return (
    <>
      <ul className="cell-evidence" aria-busy={evidence === null}>
        {evidence === null
          ? Array.from({ length: Math.min(3, highlights) }, (_, k) => <li key={k} className="evidence-loading" aria-hidden />)
          : null}
        {(evidence ?? []).slice(0, 3).map((e) => {
          const sub = subTheme(e)
          return (
            <li key={e.highlightId}>
              {sub ? (
                <span className="evidence-subtheme small" data-testid="evidence-subtheme">
                  <span className={`swatch swatch-${sub.id}`} aria-hidden /> {sub.name}
                </span>
              ) : null}
              <button
                type="button"
                className="passage"
                onClick={() => onOpen(e)}
                title="Open this passage (with the round's other articles beside it)"
              >
                {e.text.length > 120 ? `${e.text.slice(0, 120)}…` : e.text}
              </button>
              <span className="small muted">
                {e.outlet ?? 'Unknown outlet'}
                {e.published ? ` · ${formatDate(e.published)}` : ''}
              </span>
              <QuoteInNote highlightId={e.highlightId} compact />
            </li>
          )
        })}
      </ul>
      {highlights > 0 ? (
        <a className="small cell-passages" href={passagesHref}>
          All {highlights} passage{highlights === 1 ? '' : 's'} →
        </a>
      ) : null}
    </>
  )
}
