import type { MatrixCell } from '@shared/model'
import type { CellClaims } from '@shared/contract-claims'
import { CellEvidence } from './CellEvidence'
import { claimCounts } from './useCellClaims'
import '../claims/claims.css'
import type { ShownCell } from './useMatrix'
import type { MatrixActions } from './useMatrixActions'
import type { GridColumn, GridRow } from './types'

/** What an uncoded cell says: absence is a finding, so it is said explicitly. */
const COVERAGE: Record<MatrixCell['coverage'], string> = {
  coded: '',
  'mentioned-not-coded': 'Not covered yet — mentioned, not coded',
  'not-mentioned': 'Not covered — no article of this round mentions it',
  pending: 'Not coded — checking whether the round’s articles mention it…',
}

interface Props {
  cell: ShownCell
  round: GridRow
  theme: GridColumn
  /** `data-cell`: "row-column", the keyboard's address (useGridKeys). */
  address: string
  tabbable: boolean
  onFocus: () => void
  /** A collapsed row shows counts and coverage only. */
  collapsed: boolean
  /** The first lines of the cell's note, if it has one. */
  noteExcerpt: string | undefined
  /** The typed links touching the cell's passages (agree / differ), when there are any. */
  claims: CellClaims | undefined
  /** Whether this cell's note is open in the panel over the grid. */
  noteOpen: boolean
  onWriteHere: () => void
  actions: Pick<MatrixActions, 'mentionsHref' | 'openEvidence' | 'openNote'>
}

/** One round × theme cell: its counts or why it is empty, its evidence, and its note. */
export function GridCell({
  cell,
  round: r,
  theme: t,
  address,
  tabbable,
  onFocus,
  collapsed,
  noteExcerpt,
  claims,
  noteOpen,
  onWriteHere,
  actions,
}: Props): React.JSX.Element {
  return (
    <div
      role="gridcell"
      tabIndex={tabbable ? 0 : -1}
      data-cell={address}
      onFocus={onFocus}
      className={`matrix-cell coverage-${cell.coverage}`}
      data-testid="matrix-cell"
      aria-label={`${r.title}, ${t.name}: ${cell.coverage === 'coded' ? `${cell.articles} articles, ${cell.highlights} highlights` : COVERAGE[cell.coverage]}`}
    >
      {cell.coverage === 'coded' ? (
        <>
          <div className="cell-counts">
            {cell.articles} article{cell.articles === 1 ? '' : 's'} · {cell.highlights} highlight
            {cell.highlights === 1 ? '' : 's'}
          </div>
          {claims ? (
            <a
              className={`cell-claims${claims.differ ? ' differ' : ''}`}
              href={`#/matrix/${r.id}/claims/${t.id}`}
              title="Typed links touching this cell's passages: open them in the round panel"
              aria-label={`Claims in ${r.title}, ${t.name}: ${claimCounts(claims).replace(/ · /g, ', ')}`}
            >
              Claims: {claimCounts(claims)}
            </a>
          ) : null}
        </>
      ) : (
        <div className={`cell-empty ${cell.coverage}`}>
          {COVERAGE[cell.coverage]}
          {cell.coverage === 'mentioned-not-coded' ? (
            <>
              {' '}
              <a className="small cell-mentions" href={actions.mentionsHref(r.id, t.id)}>
                Show the mentions →
              </a>
            </>
          ) : null}
          {/* No mention found: the round's articles are what lies behind it, to read and code by hand. */}
          {cell.coverage === 'not-mentioned' && r.articles > 0 ? (
            <>
              {' '}
              <a className="small cell-mentions" href={actions.mentionsHref(r.id, t.id)}>
                Read {r.articles === 1 ? 'its article' : 'its articles'} →
              </a>
            </>
          ) : null}
        </div>
      )}
      {!collapsed ? (
        <>
          <CellEvidence
            evidence={cell.evidence}
            columnId={t.id}
            highlights={cell.highlights}
            passagesHref={`#/passages/${t.id}/round/${r.id}`}
            onOpen={(e) => actions.openEvidence(r.id, e.highlightId, e.articleId)}
          />
          {noteExcerpt ? (
            <p className="cell-note-excerpt" data-testid="cell-note-excerpt">
              {noteExcerpt}
            </p>
          ) : null}
          <button type="button" className="link small cell-note-here" aria-expanded={noteOpen} onClick={onWriteHere}>
            {cell.noteId ? 'Edit note here' : 'Write here'}
          </button>
          <span className="muted small" aria-hidden>
            {' · '}
          </span>
          <button type="button" className="link small cell-note" onClick={() => void actions.openNote(r.id, t.id)}>
            {cell.noteId ? 'Open cell note' : 'Write a note'}
          </button>
        </>
      ) : null}
    </div>
  )
}
