import type { MatrixEvidence } from '@shared/model'
import { QuoteInNote } from '../components/QuoteInNote'
import { formatDate } from '../format'

/**
 * A cell's first three passages (placeholders as tall as a passage while they are on their way:
 * `evidence` null), each opening where it can be read and quotable into a note; then a link to all
 * of them.
 */
export function CellEvidence({
  evidence,
  highlights,
  passagesHref,
  onOpen,
}: {
  evidence: MatrixEvidence[] | null
  /** How many highlights the cell counts. */
  highlights: number
  passagesHref: string
  onOpen: (e: MatrixEvidence) => void
}): React.JSX.Element {
  return (
    <>
      <ul className="cell-evidence" aria-busy={evidence === null}>
        {evidence === null
          ? Array.from({ length: Math.min(3, highlights) }, (_, k) => <li key={k} className="evidence-loading" aria-hidden />)
          : null}
        {(evidence ?? []).slice(0, 3).map((e) => (
          <li key={e.highlightId}>
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
        ))}
      </ul>
      {highlights > 0 ? (
        <a className="small cell-passages" href={passagesHref}>
          All {highlights} passage{highlights === 1 ? '' : 's'} →
        </a>
      ) : null}
    </>
  )
}
