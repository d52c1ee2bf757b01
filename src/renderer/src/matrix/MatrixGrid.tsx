import type { RowWindow } from '../rounds/virtualRows'
import { GridCell } from './GridCell'
import { RoundHeader } from './RoundHeader'
import type { GridColumn, GridRow, OpenCellNote } from './types'
import { UnassignedRow, type Unassigned } from './UnassignedRow'
import type { ShownCell } from './useMatrix'
import type { MatrixActions } from './useMatrixActions'
import { useCellClaims } from './useCellClaims'
import { useNotebook } from '../state/notebook'

interface Props {
  grid: React.RefObject<HTMLDivElement | null>
  rows: GridRow[]
  columns: GridColumn[]
  /** Which rows are rendered (the rest are spacers). */
  win: RowWindow
  selected: number | null
  cellAt: (rowIndex: number, themeIndex: number) => ShownCell | undefined
  /** Whether any round's coverage is still being checked. */
  pending: boolean
  unassigned: Unassigned | null
  collapsed: number[]
  onCollapsed: (collapsed: number[]) => void
  cellNotes: Map<string, string>
  cellNote: OpenCellNote | null
  onCellNote: (note: OpenCellNote) => void
  focus: [number, number]
  onFocus: (cell: [number, number]) => void
  onKey: (e: React.KeyboardEvent) => void
  /** The row Tab enters the grid at. */
  tabRow: number
  actions: MatrixActions
}

/** Rounds × themes as an ARIA grid: the themes' header row, the rendered rounds' rows, Unassigned last. */
export function MatrixGrid({
  grid,
  rows,
  columns,
  win,
  selected,
  cellAt,
  pending,
  unassigned,
  collapsed,
  onCollapsed,
  cellNotes,
  cellNote,
  onCellNote,
  focus,
  onFocus,
  onKey,
  tabRow,
  actions,
}: Props): React.JSX.Element {
  const { revision } = useNotebook()
  const cellClaims = useCellClaims(revision)
  return (
    <div
      ref={grid}
      className="matrix"
      role="grid"
      aria-label="Rounds by themes"
      aria-rowcount={rows.length + 1 + (unassigned && unassigned.articles > 0 ? 1 : 0)}
      aria-busy={pending}
      data-coverage={pending ? 'pending' : 'complete'}
      onKeyDown={onKey}
      style={{
        gridTemplateColumns: `minmax(var(--round-column, 220px), 1.1fr) repeat(${columns.length}, minmax(var(--theme-column, 200px), 1fr))`,
      }}
    >
      <div role="row" aria-rowindex={1} className="matrix-row matrix-head">
        <div role="columnheader" className="matrix-corner">
          Round
        </div>
        {columns.map((t) => (
          <div role="columnheader" key={t.id} className="matrix-theme">
            <span className={`swatch swatch-${t.id}`} aria-hidden /> {t.name}
            <span className="col-move">
              <button type="button" className="link" aria-label={`Move ${t.name} left`} onClick={() => actions.moveTheme(t.id, -1)}>
                ◂
              </button>
              <button type="button" className="link" aria-label={`Move ${t.name} right`} onClick={() => actions.moveTheme(t.id, 1)}>
                ▸
              </button>
            </span>
          </div>
        ))}
      </div>
      {win.before > 0 ? <div className="matrix-spacer" aria-hidden style={{ height: win.before }} /> : null}
      {rows.slice(win.start, win.end).map((r, i) => {
        const ri = win.start + i
        const isCollapsed = collapsed.includes(r.id)
        return (
          <div
            role="row"
            key={r.id}
            aria-rowindex={ri + 2}
            className={`matrix-row${r.id === selected ? ' selected' : ''}`}
            data-testid="matrix-row"
          >
            <RoundHeader
              round={r}
              collapsed={isCollapsed}
              onCollapse={(c) => onCollapsed(c ? [...collapsed, r.id] : collapsed.filter((x) => x !== r.id))}
              measure={win.measure(r.id)}
            />
            {columns.map((t, ci) => {
              const cell = cellAt(r.index, t.index)
              if (!cell) return <div role="gridcell" key={t.id} />
              return (
                <GridCell
                  key={t.id}
                  cell={cell}
                  round={r}
                  theme={t}
                  address={`${ri}-${ci}`}
                  tabbable={tabRow === ri && focus[1] === ci}
                  onFocus={() => onFocus([ri, ci])}
                  collapsed={isCollapsed}
                  noteExcerpt={cellNotes.get(`${r.id}:${t.id}`)}
                  claims={cellClaims.get(`${r.id}:${t.id}`)}
                  noteOpen={cellNote?.roundId === r.id && cellNote.themeId === t.id}
                  onWriteHere={() =>
                    onCellNote({ rowIndex: r.index, themeIndex: t.index, roundId: r.id, themeId: t.id, label: `${r.title} — ${t.name}` })
                  }
                  actions={actions}
                />
              )
            })}
          </div>
        )
      })}
      {win.after > 0 ? <div className="matrix-spacer" aria-hidden style={{ height: win.after }} /> : null}
      {unassigned && unassigned.articles > 0 ? (
        <UnassignedRow unassigned={unassigned} columns={columns} rowIndex={rows.length + 2} />
      ) : null}
    </div>
  )
}
