import { useMemo, useRef, useState } from 'react'
import { RoundPanel } from '../rounds/RoundPanel'
import { useRowWindow } from '../rounds/virtualRows'
import { CellNotePanel } from '../matrix/CellNotePanel'
import { MatrixBar, type RowOrder } from '../matrix/MatrixBar'
import { MatrixGrid } from '../matrix/MatrixGrid'
import { useRowEstimate } from '../matrix/rowEstimates'
import type { OpenCellNote } from '../matrix/types'
import { useUnassigned } from '../matrix/UnassignedRow'
import { useCellNotes } from '../matrix/useCellNotes'
import { useGridKeys } from '../matrix/useGridKeys'
import { useMatrix } from '../matrix/useMatrix'
import { useMatrixActions } from '../matrix/useMatrixActions'
import { useMatrixFill } from '../matrix/useMatrixFill'
import { useNotebook } from '../state/notebook'
import { inRange, useDateRange } from '../state/dateRange'

/**
 * Rounds × themes: what each round's coverage says about each theme, with evidence, notes, and what
 * nobody reported. The parts live in matrix/: data (useMatrix, useMatrixFill), the grid (MatrixGrid,
 * GridCell, CellEvidence, RoundHeader), the bar above it, the keyboard (useGridKeys) and the actions.
 */
export function Matrix({ selected }: { selected: number | null }): React.JSX.Element {
  const { revision, notify, changed } = useNotebook()
  const { matrix, error, leftOut, asked, merge, cellAt, pendingRounds } = useMatrix(revision)
  const cellNotes = useCellNotes(revision)
  const unassigned = useUnassigned(revision)
  const [filter, setFilter] = useState('')
  const [hidden, setHidden] = useState<number[]>([])
  const [collapsed, setCollapsed] = useState<number[]>([])
  const [order, setOrder] = useState<RowOrder>('date')
  const [focus, setFocus] = useState<[number, number]>([0, 0])
  const [cellNote, setCellNote] = useState<OpenCellNote | null>(null)
  const grid = useRef<HTMLDivElement>(null)
  const scroller = useRef<HTMLDivElement>(null)

  const columns = useMemo(
    () => (matrix?.themes ?? []).map((t, index) => ({ ...t, index })).filter((t) => !hidden.includes(t.id)),
    [matrix, hidden],
  )
  const range = useDateRange()
  const rows = useMemo(() => {
    if (!matrix) return []
    const q = filter.trim().toLowerCase()
    const list = matrix.rounds
      .map((r, index) => ({ ...r, index }))
      .filter((r) => !q || `${r.title} ${r.venue ?? ''} ${r.date ?? ''}`.toLowerCase().includes(q))
      // The period brushed on the Timeline (renderer state).
      .filter((r) => !range || inRange(range, r.date))
    if (order === 'title') list.sort((a, b) => a.title.localeCompare(b.title))
    if (order === 'articles') list.sort((a, b) => b.articles - a.articles)
    return list
  }, [matrix, filter, order, range])

  const estimate = useRowEstimate(matrix, hidden, collapsed)
  const rowIds = useMemo(() => rows.map((r) => r.id), [rows])
  // Rows are 100-500 px tall: two ahead of the scroll and one behind (from the first idle moment).
  const win = useRowWindow({
    scroller,
    list: grid,
    keys: rowIds,
    estimate,
    overscan: { ahead: 2, behind: 1 },
    active: matrix !== null,
    pin: focus[0],
  })
  const visibleKey = rows
    .slice(win.start, win.end)
    .map((r) => r.id)
    .join(',')
  const rounds = useMatrixFill({ matrix, visibleKey, leftOut, asked, merge, notify })
  const actions = useMatrixActions(matrix, rounds)
  const { onKey, tabRow } = useGridKeys({ grid, win, rowIds, columns: columns.length, focus, setFocus })

  const round = rounds.find((r) => r.id === selected) ?? null

  if (error) return <p className="error">{error}</p>
  if (!matrix) return <p className="muted">Loading…</p>

  return (
    <div className={`matrix-layout${round ? ' with-panel' : ''}`}>
      <div className="matrix-main" ref={scroller}>
        <MatrixBar
          matrix={matrix}
          filter={filter}
          onFilter={setFilter}
          order={order}
          onOrder={setOrder}
          onDetect={actions.detect}
          hidden={hidden}
          onHidden={setHidden}
        />
        {matrix.rounds.length === 0 ? (
          <div className="empty">
            <h2>No rounds yet</h2>
            <p>
              Parley proposes rounds by grouping articles that report the same meeting (date, venue, people). Import articles, then choose
              Detect rounds.
            </p>
          </div>
        ) : (
          <MatrixGrid
            grid={grid}
            rows={rows}
            columns={columns}
            win={win}
            selected={selected}
            cellAt={cellAt}
            pending={pendingRounds.length > 0}
            unassigned={unassigned}
            collapsed={collapsed}
            onCollapsed={setCollapsed}
            cellNotes={cellNotes}
            cellNote={cellNote}
            onCellNote={setCellNote}
            focus={focus}
            onFocus={setFocus}
            onKey={onKey}
            tabRow={tabRow}
            actions={actions}
          />
        )}
      </div>
      {cellNote ? (
        <CellNotePanel
          key={`${cellNote.roundId}:${cellNote.themeId}`}
          roundId={cellNote.roundId}
          themeId={cellNote.themeId}
          label={cellNote.label}
          evidence={cellAt(cellNote.rowIndex, cellNote.themeIndex)?.evidence ?? null}
          onCreated={() => {
            if (!matrix.cells.some((c) => c.roundId === cellNote.roundId && c.themeId === cellNote.themeId && c.noteId !== null)) changed()
          }}
          onClose={() => setCellNote(null)}
        />
      ) : null}
      {round ? (
        <RoundPanel
          key={`${round.id}-${round.updatedAt}`}
          round={round}
          rounds={rounds}
          onClose={() => window.location.assign('#/matrix')}
        />
      ) : null}
    </div>
  )
}
