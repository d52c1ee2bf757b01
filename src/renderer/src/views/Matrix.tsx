import { useEffect, useMemo, useRef, useState } from 'react'
import type { Matrix as MatrixData, MatrixCell, Round } from '@shared/model'
import { api, errorMessage } from '../api'
import { formatDate } from '../format'
import { formatRoundDate } from '../rounds/dates'
import { RoundPanel } from '../rounds/RoundPanel'
import { QuoteInNote } from '../components/QuoteInNote'
import { useNotebook } from '../state/notebook'

const COVERAGE: Record<MatrixCell['coverage'], string> = {
  coded: '',
  'mentioned-not-coded': 'Not covered yet — mentioned, not coded',
  'not-mentioned': 'Not covered — no article of this round mentions it',
  pending: 'Not covered — checking whether the round’s articles mention it…',
}

type RowOrder = 'date' | 'title' | 'articles'

const ROW_PAGE = 60

/** Rounds × themes: what each round's coverage says about each theme, with evidence, notes, and what nobody reported. */
export function Matrix({ selected }: { selected: number | null }): React.JSX.Element {
  const { revision, perform, notify, themes } = useNotebook()
  const [matrix, setMatrix] = useState<MatrixData | null>(null)
  const [rounds, setRounds] = useState<Round[]>([])
  const [error, setError] = useState<string | null>(null)
  const [filter, setFilter] = useState('')
  const [hidden, setHidden] = useState<number[]>([])
  const [collapsed, setCollapsed] = useState<number[]>([])
  const [order, setOrder] = useState<RowOrder>('date')
  const [focus, setFocus] = useState<[number, number]>([0, 0])
  // Many rounds render in pages, so the first paint stays fast.
  const [shown, setShown] = useState(ROW_PAGE)
  const grid = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let live = true
    Promise.all([api['matrix.get']({}), api['rounds.list']({})]).then(
      ([m, r]) => {
        if (!live) return
        setMatrix(m)
        setRounds(r)
        setError(null)
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [revision])

  const columns = useMemo(
    () => (matrix?.themes ?? []).map((t, index) => ({ ...t, index })).filter((t) => !hidden.includes(t.id)),
    [matrix, hidden],
  )
  const rows = useMemo(() => {
    if (!matrix) return []
    const q = filter.trim().toLowerCase()
    const list = matrix.rounds
      .map((r, index) => ({ ...r, index }))
      .filter((r) => !q || `${r.title} ${r.venue ?? ''} ${r.date ?? ''}`.toLowerCase().includes(q))
    if (order === 'title') list.sort((a, b) => a.title.localeCompare(b.title))
    if (order === 'articles') list.sort((a, b) => b.articles - a.articles)
    return list
  }, [matrix, filter, order])

  const cellAt = (rowIndex: number, themeIndex: number): MatrixCell | undefined =>
    matrix?.cells[rowIndex * (matrix?.themes.length ?? 0) + themeIndex]

  const detect = (): void => {
    void perform(
      () => api['rounds.detect']({}),
      (r) => {
        notify(
          `Rounds: ${r.rounds} in all, ${r.created} new, ${r.updated} refreshed, ${r.kept} of yours kept${r.removed ? `, ${r.removed} no longer found` : ''}.`,
        )
        return {
          label: 'detect rounds',
          undo: async () => notify('Detection cannot be undone; your own rounds were not touched.'),
          redo: () => api['rounds.detect']({}),
        }
      },
    )
  }

  const openCompare = (roundId: number, highlightId: number): void => {
    const round = rounds.find((r) => r.id === roundId)
    const ids = (round?.articles ?? [])
      .filter((a) => a.role === 'reports')
      .map((a) => a.articleId)
      .slice(0, 4)
    window.location.assign(`#/compare/${ids.join(',')}/h/${highlightId}`)
  }
  const openNote = async (roundId: number, themeId: number): Promise<void> => {
    try {
      const note = await api['notes.cell']({ roundId, themeId })
      window.location.assign(`#/notes/${note.id}`)
    } catch (e) {
      notify(errorMessage(e), 'error')
    }
  }
  const moveTheme = (themeId: number, delta: number): void => {
    const ids = themes.map((t) => t.id)
    const i = ids.indexOf(themeId)
    const j = i + delta
    if (i < 0 || j < 0 || j >= ids.length) return
    const next = [...ids]
    ;[next[i], next[j]] = [next[j]!, next[i]!]
    void perform(
      () => api['themes.reorder']({ ids: next }),
      () => ({ label: 'reorder themes', undo: () => api['themes.reorder']({ ids }), redo: () => api['themes.reorder']({ ids: next }) }),
    )
  }

  // Arrow keys move between cells; Enter opens the round.
  const onKey = (e: React.KeyboardEvent): void => {
    const [r, c] = focus
    const next: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(rows.length - 1, r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(columns.length - 1, c + 1)],
      Home: [r, 0],
      End: [r, columns.length - 1],
    }
    const to = next[e.key]
    if (to) {
      e.preventDefault()
      setFocus(to)
      grid.current?.querySelector<HTMLElement>(`[data-cell="${to[0]}-${to[1]}"]`)?.focus()
    } else if (e.key === 'Enter' && rows[r]) {
      window.location.assign(`#/matrix/${rows[r].id}`)
    }
  }

  const round = rounds.find((r) => r.id === selected) ?? null

  if (error) return <p className="error">{error}</p>
  if (!matrix) return <p className="muted">Loading…</p>

  return (
    <div className={`matrix-layout${round ? ' with-panel' : ''}`}>
      <div className="matrix-main">
        <div className="matrix-bar">
          <h1>Rounds × themes</h1>
          <input
            type="search"
            aria-label="Filter rounds"
            placeholder="Filter rounds (title, venue, date)"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <select aria-label="Order rounds" value={order} onChange={(e) => setOrder(e.target.value as RowOrder)}>
            <option value="date">By date</option>
            <option value="title">By title</option>
            <option value="articles">By articles</option>
          </select>
          <button type="button" onClick={detect}>
            Detect rounds
          </button>
          <a className="button" href="#/timeline">
            Timeline
          </a>
        </div>
        <div className="chips" role="group" aria-label="Theme columns">
          {matrix.themes.map((t) => (
            <button
              key={t.id}
              type="button"
              aria-pressed={!hidden.includes(t.id)}
              onClick={() => setHidden(hidden.includes(t.id) ? hidden.filter((x) => x !== t.id) : [...hidden, t.id])}
            >
              <span className={`swatch swatch-${t.id}`} aria-hidden />
              {t.name}
            </button>
          ))}
        </div>
        {matrix.rounds.length === 0 ? (
          <div className="empty">
            <h2>No rounds yet</h2>
            <p>
              Parley proposes rounds by grouping articles that report the same meeting (date, venue, people). Import articles, then choose
              Detect rounds.
            </p>
          </div>
        ) : (
          <div
            ref={grid}
            className="matrix"
            role="grid"
            aria-label="Rounds by themes"
            aria-rowcount={rows.length + 1}
            onKeyDown={onKey}
            style={{ gridTemplateColumns: `minmax(220px, 1.1fr) repeat(${columns.length}, minmax(200px, 1fr))` }}
          >
            <div role="row" className="matrix-row matrix-head">
              <div role="columnheader" className="matrix-corner">
                Round
              </div>
              {columns.map((t) => (
                <div role="columnheader" key={t.id} className="matrix-theme">
                  <span className={`swatch swatch-${t.id}`} aria-hidden /> {t.name}
                  <span className="col-move">
                    <button type="button" className="link" aria-label={`Move ${t.name} left`} onClick={() => moveTheme(t.id, -1)}>
                      ◂
                    </button>
                    <button type="button" className="link" aria-label={`Move ${t.name} right`} onClick={() => moveTheme(t.id, 1)}>
                      ▸
                    </button>
                  </span>
                </div>
              ))}
            </div>
            {rows.slice(0, shown).map((r, ri) => {
              const isCollapsed = collapsed.includes(r.id)
              return (
                <div role="row" key={r.id} className={`matrix-row${r.id === selected ? ' selected' : ''}`} data-testid="matrix-row">
                  <div role="rowheader" className="matrix-round">
                    <a href={`#/matrix/${r.id}`} className="round-title">
                      {r.title}
                    </a>
                    <div className="small muted">
                      {formatRoundDate(r.date)}
                      {r.venue ? ` · ${r.venue}` : ''} · {r.articles} article{r.articles === 1 ? '' : 's'}
                    </div>
                    <div className="round-tags">
                      <span className={`tag${r.status === 'proposed' ? ' warn' : ''}`}>
                        {r.status === 'proposed' ? 'proposed' : 'accepted'}
                      </span>
                      <button
                        type="button"
                        className="link small"
                        aria-expanded={!isCollapsed}
                        onClick={() => setCollapsed(isCollapsed ? collapsed.filter((x) => x !== r.id) : [...collapsed, r.id])}
                      >
                        {isCollapsed ? 'Expand' : 'Collapse'}
                      </button>
                    </div>
                  </div>
                  {columns.map((t, ci) => {
                    const cell = cellAt(r.index, t.index)
                    if (!cell) return <div role="gridcell" key={t.id} />
                    return (
                      <div
                        role="gridcell"
                        key={t.id}
                        tabIndex={focus[0] === ri && focus[1] === ci ? 0 : -1}
                        data-cell={`${ri}-${ci}`}
                        onFocus={() => setFocus([ri, ci])}
                        className={`matrix-cell coverage-${cell.coverage}`}
                        data-testid="matrix-cell"
                        aria-label={`${r.title}, ${t.name}: ${cell.coverage === 'coded' ? `${cell.articles} articles, ${cell.highlights} highlights` : COVERAGE[cell.coverage]}`}
                      >
                        {cell.coverage === 'coded' ? (
                          <div className="cell-counts">
                            {cell.articles} article{cell.articles === 1 ? '' : 's'} · {cell.highlights} highlight
                            {cell.highlights === 1 ? '' : 's'}
                          </div>
                        ) : (
                          <div className={`cell-empty ${cell.coverage}`}>{COVERAGE[cell.coverage]}</div>
                        )}
                        {!isCollapsed ? (
                          <>
                            <ul className="cell-evidence">
                              {cell.evidence.slice(0, 3).map((e) => (
                                <li key={e.highlightId}>
                                  <button
                                    type="button"
                                    className="passage"
                                    onClick={() => openCompare(r.id, e.highlightId)}
                                    title="Open the round's articles side by side at this passage"
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
                            <button type="button" className="link small cell-note" onClick={() => void openNote(r.id, t.id)}>
                              {cell.noteId ? 'Open cell note' : 'Write a note'}
                            </button>
                          </>
                        ) : null}
                      </div>
                    )
                  })}
                </div>
              )
            })}
          </div>
        )}
        {rows.length > shown ? (
          <button type="button" className="show-more" onClick={() => setShown(shown + ROW_PAGE)}>
            Show {Math.min(ROW_PAGE, rows.length - shown)} more rounds ({rows.length - shown} not shown)
          </button>
        ) : null}
      </div>
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
