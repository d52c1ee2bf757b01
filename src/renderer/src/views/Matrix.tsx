import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Matrix as MatrixData, MatrixCell, MatrixRow, PassageList, Round } from '@shared/model'
import { api, errorMessage } from '../api'
import { NOTE_SAVED, navigate, openBeside } from '../navigation'
import { formatDate } from '../format'
import { formatRoundDate } from '../rounds/dates'
import { RoundPanel } from '../rounds/RoundPanel'
import { useRowWindow } from '../rounds/virtualRows'
import { QuoteInNote } from '../components/QuoteInNote'
import { CellNotePanel } from '../matrix/CellNotePanel'
import { useNotebook } from '../state/notebook'
import { formatRange, inRange, setDateRange, useDateRange } from '../state/dateRange'

const COVERAGE: Record<MatrixCell['coverage'], string> = {
  coded: '',
  'mentioned-not-coded': 'Not covered yet — mentioned, not coded',
  'not-mentioned': 'Not covered — no article of this round mentions it',
  pending: 'Not coded — checking whether the round’s articles mention it…',
}

/**
 * Rounds per matrix.rows call that computes coverage: small, so the bridge stays free for other calls
 * in between. While the answers come back quickly (the core had them stored), the batch doubles.
 */
const COVERAGE_BATCH = 6
const COVERAGE_BATCH_MAX = 96
/** A coverage call answered within this many ms is taken as cheap. */
const COVERAGE_QUICK_MS = 150
/**
 * A row's height before it is measured, in px, from the cells it will show: the tallest cell's
 * passages (at most three; their placeholders in app.css are as tall as a typical passage, so a row
 * keeps its height when its evidence lands) or its 'not covered' text, or the round's own cell.
 * virtualRows scales these by how the measured rows compare.
 */
const ESTIMATE = { cell: 71, passage: 144, empty: 107, collapsed: 80, round: 116 }

type RowOrder = 'date' | 'title' | 'articles'

/**
 * The deferred matrix asked for as soon as the address changes to the Matrix, while the app is still
 * leaving the previous view (that takes tens of milliseconds): the view takes it when it mounts.
 * Listened to here, at load, so it runs before the app's own hashchange handler renders anything.
 */
let early: { promise: Promise<MatrixData>; at: number } | null = null
/** An early answer older than this is not taken (the view asks again). */
const EARLY_MS = 2000
if (typeof window !== 'undefined')
  window.addEventListener('hashchange', (e) => {
    const matrixRoute = /^#\/matrix(?:\/\d+)?$/
    // Only when arriving from another view (within the Matrix, selecting a round keeps the view).
    if (!matrixRoute.test(location.hash) || matrixRoute.test(new URL(e.oldURL).hash)) return
    if (early && performance.now() - early.at < EARLY_MS) return
    const promise = api['matrix.get']({ deferred: true })
    // Failures are the view's to show if it takes this promise; otherwise they are dropped here.
    promise.catch(() => undefined)
    early = { promise, at: performance.now() }
  })

/** The early matrix if it was asked for just now, else a new call. */
function deferredMatrix(): Promise<MatrixData> {
  const taken = early && performance.now() - early.at < EARLY_MS ? early.promise : null
  early = null
  return taken ?? api['matrix.get']({ deferred: true })
}

/** Rounds × themes: what each round's coverage says about each theme, with evidence, notes, and what nobody reported. */
export function Matrix({ selected }: { selected: number | null }): React.JSX.Element {
  const { revision, perform, notify, themes, changed } = useNotebook()
  const [matrix, setMatrix] = useState<MatrixData | null>(null)
  const [rounds, setRounds] = useState<Round[]>([])
  const [error, setError] = useState<string | null>(null)
  const [filter, setFilter] = useState('')
  const [hidden, setHidden] = useState<number[]>([])
  const [collapsed, setCollapsed] = useState<number[]>([])
  const [order, setOrder] = useState<RowOrder>('date')
  const [focus, setFocus] = useState<[number, number]>([0, 0])
  // Evidence and coverage that arrived after the matrix (matrix.rows), by round.
  const [details, setDetails] = useState<Map<number, MatrixRow>>(new Map())
  const grid = useRef<HTMLDivElement>(null)
  const scroller = useRef<HTMLDivElement>(null)
  const asked = useRef(new Set<number>())
  const focusWanted = useRef<string | null>(null)

  // The matrix alone first (counts, notes, known coverage): it paints without waiting for the rest.
  useEffect(() => {
    let live = true
    deferredMatrix().then(
      (m) => {
        if (!live) return
        asked.current = new Set()
        setDetails(new Map())
        setMatrix(m)
        setError(null)
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [revision])

  // What each cell's note says (its first lines), shown in the cell.
  const [cellNotes, setCellNotes] = useState<Map<string, string>>(new Map())
  const [notesSaved, setNotesSaved] = useState(0)
  // The cell whose note is open inside the Matrix (issue 18, item 5), by its indexes in matrix.cells.
  const [cellNote, setCellNote] = useState<{
    rowIndex: number
    themeIndex: number
    roundId: number
    themeId: number
    label: string
  } | null>(null)
  useEffect(() => {
    const saved = (): void => setNotesSaved((n) => n + 1)
    window.addEventListener(NOTE_SAVED, saved)
    return () => window.removeEventListener(NOTE_SAVED, saved)
  }, [])
  useEffect(() => {
    let live = true
    api['notes.list']({}).then(
      (notes) =>
        live &&
        setCellNotes(
          new Map(
            notes.filter((n) => n.roundId !== null && n.themeId !== null && n.excerpt).map((n) => [`${n.roundId}:${n.themeId}`, n.excerpt]),
          ),
        ),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [revision, notesSaved])

  // Articles that report no round get a row of their own ("Unassigned"): absence of a round is a
  // finding too, and their coded passages are one click away.
  const [unassigned, setUnassigned] = useState<Pick<PassageList, 'articles' | 'byTheme'> | null>(null)
  useEffect(() => {
    let live = true
    api['passages.list']({ unassigned: true, limit: 1 }).then(
      (l) => live && setUnassigned({ articles: l.articles, byTheme: l.byTheme }),
      () => live && setUnassigned(null),
    )
    return () => {
      live = false
    }
  }, [revision])

  const columns = useMemo(
    () => (matrix?.themes ?? []).map((t, index) => ({ ...t, index })).filter((t) => !hidden.includes(t.id)),
    [matrix, hidden],
  )
  const range = useDateRange()
  const undated = useMemo(() => (matrix?.rounds ?? []).filter((r) => !r.date || !/^\d{4}/.test(r.date)).length, [matrix])
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

  const leftOut = useMemo(() => new Set(matrix?.evidenceLeftOut ?? []), [matrix])
  /** The cell with what matrix.rows brought; evidence null while it is still on its way. */
  const cellAt = (
    rowIndex: number,
    themeIndex: number,
  ): (Omit<MatrixCell, 'evidence'> & { evidence: MatrixCell['evidence'] | null }) | undefined => {
    const cell = matrix?.cells[rowIndex * (matrix?.themes.length ?? 0) + themeIndex]
    if (!cell) return undefined
    const more = details.get(cell.roundId)?.cells.find((c) => c.themeId === cell.themeId)
    if (more) return { ...cell, evidence: more.evidence, coverage: cell.coverage === 'coded' ? 'coded' : more.coverage }
    return leftOut.has(cell.roundId) ? { ...cell, evidence: null } : cell
  }
  const pendingRounds = useMemo(() => {
    if (!matrix) return []
    const ids = new Set(matrix.cells.filter((c) => c.coverage === 'pending').map((c) => c.roundId))
    return matrix.rounds.filter((r) => ids.has(r.id) && !details.get(r.id)?.cells.every((c) => c.coverage !== 'pending')).map((r) => r.id)
  }, [matrix, details])

  const estimates = useMemo(() => {
    const out = new Map<number, number>()
    if (!matrix) return out
    const shown = matrix.themes.map((t) => !hidden.includes(t.id))
    for (const [ri, r] of matrix.rounds.entries()) {
      let passages = 0
      for (let ti = 0; ti < matrix.themes.length; ti++)
        if (shown[ti]) passages = Math.max(passages, Math.min(3, matrix.cells[ri * matrix.themes.length + ti]?.highlights ?? 0))
      const cell = collapsed.includes(r.id) ? ESTIMATE.collapsed : passages ? ESTIMATE.cell + passages * ESTIMATE.passage : ESTIMATE.empty
      out.set(r.id, Math.max(ESTIMATE.round, cell))
    }
    return out
  }, [matrix, hidden, collapsed])
  const estimate = useCallback((id: string | number) => estimates.get(Number(id)) ?? ESTIMATE.round, [estimates])

  const win = useRowWindow(
    scroller,
    grid,
    rows.map((r) => r.id),
    estimate,
    matrix !== null,
    focus[0],
  )
  const visible = rows.slice(win.start, win.end).map((r) => r.id)
  const visibleKey = visible.join(',')

  const visibleNow = useRef(new Set<number>())
  useEffect(() => {
    visibleNow.current = new Set(visibleKey.split(',').map(Number))
  }, [visibleKey])

  /** Adds rows from matrix.rows; evidence-only answers never replace a row that came with coverage. */
  const merge = (list: MatrixRow[], withCoverage: boolean): void =>
    setDetails((d) => {
      const next = new Map(d)
      for (const row of list) if (withCoverage || !next.has(row.roundId)) next.set(row.roundId, row)
      return next
    })

  // Evidence calls in flight: the bridge answers calls in the order they come, so the slower
  // background calls (coverage, rounds.list) wait for these rather than hold up what is on screen.
  const evidenceCalls = useRef(new Set<Promise<unknown>>())
  const evidenceSettled = useCallback(async (): Promise<void> => {
    while (evidenceCalls.current.size) await Promise.allSettled([...evidenceCalls.current])
  }, [])

  // Evidence of the rows scrolled into view (a deferred matrix comes without it).
  useEffect(() => {
    const want = visibleKey
      .split(',')
      .map(Number)
      .filter((id) => leftOut.has(id) && !asked.current.has(id))
    if (!want.length) return
    for (const id of want) asked.current.add(id)
    const from = asked.current
    const call = api['matrix.rows']({ roundIds: want, coverage: false }).then(
      // A newer matrix started afresh (asked was replaced): this answer may be stale.
      (list) => from === asked.current && merge(list, false),
      () => {
        for (const id of want) from.delete(id)
      },
    )
    evidenceCalls.current.add(call)
    void call.finally(() => evidenceCalls.current.delete(call))
  }, [visibleKey, leftOut])

  // Rounds with their articles, once the matrix has painted (only the panel and Compare need them),
  // asked after the visible rows' evidence (the bridge answers in order and this answer is large);
  // a failure says so without taking the matrix away.
  useEffect(() => {
    if (!matrix) return
    let live = true
    void evidenceSettled()
      .then(() => (live ? api['rounds.list']({}) : null))
      .then(
        (r) => live && r && setRounds(r),
        (e: unknown) => live && notify(`The rounds' articles could not be loaded: ${errorMessage(e)}`, 'error'),
      )
    return () => {
      live = false
    }
  }, [matrix, notify, evidenceSettled])

  // Coverage of empty cells not known yet: the visible rows first, then the rest, a few rounds per call.
  useEffect(() => {
    if (!matrix) return
    let live = true
    const todo = new Set(matrix.cells.filter((c) => c.coverage === 'pending').map((c) => c.roundId))
    const order = matrix.rounds.map((r) => r.id).filter((id) => todo.has(id))
    void (async () => {
      // Rounds stay 'pending' while the core builds its corpus statistics a slice per call; a
      // failed call (the bridge busy, say) is tried again a few times.
      let idle = 0
      let failures = 0
      let size = COVERAGE_BATCH
      while (live && todo.size && idle < 100) {
        const open = order.filter((id) => todo.has(id))
        const batch = [...open.filter((id) => visibleNow.current.has(id)), ...open.filter((id) => !visibleNow.current.has(id))].slice(
          0,
          size,
        )
        let list: MatrixRow[]
        try {
          await evidenceSettled()
          if (!live) return
          const asked = performance.now()
          list = await api['matrix.rows']({ roundIds: batch, coverage: true })
          const quick = performance.now() - asked < COVERAGE_QUICK_MS
          size = quick ? Math.min(COVERAGE_BATCH_MAX, size * 2) : COVERAGE_BATCH
          failures = 0
        } catch (e) {
          if (!live) return
          if (++failures >= 3) return notify(`Checking which themes the rounds mention failed: ${errorMessage(e)}`, 'error')
          await new Promise((r) => setTimeout(r, 1000))
          continue
        }
        if (!live) return
        merge(list, true)
        const before = todo.size
        for (const id of batch) {
          const row = list.find((r) => r.roundId === id)
          // A round deleted meanwhile comes back as nothing: nothing left to check.
          if (!row || row.cells.every((c) => c.coverage !== 'pending')) todo.delete(id)
        }
        idle = todo.size < before ? 0 : idle + 1
      }
    })()
    return () => {
      live = false
    }
    // notify is stable; a new matrix (after any change) starts the check afresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matrix])

  const detect = (): void => {
    void perform(
      () => api['rounds.detect']({}),
      (r) => {
        notify(
          `Found ${r.rounds} round${r.rounds === 1 ? '' : 's'}: ${r.created} new, ${r.updated} updated from the articles${r.kept ? `, ${r.kept} you accepted or edited left as they were` : ''}${r.removed ? `, ${r.removed} no longer supported by any article and removed` : ''}.`,
        )
        return {
          label: 'detect rounds',
          undo: async () => notify('Detection cannot be undone; your own rounds were not touched.'),
          redo: () => api['rounds.detect']({}),
        }
      },
    )
  }

  // "Mentioned, not coded" opens the round's articles with the theme's mentions shown, ready to code.
  const mentionsHref = (roundId: number, themeId: number): string => {
    const round = rounds.find((r) => r.id === roundId)
    const ids = (round?.articles ?? []).filter((a) => a.role === 'reports').map((a) => a.articleId)
    return `#/compare/${ids.slice(0, 4).join(',')}/t/${themeId}`
  }
  // Evidence opens where it can be read: the Reader at the passage when the round has one article,
  // else Compare of the round's articles with the passage's own article among the (up to 4) columns.
  const openCompare = (roundId: number, highlightId: number, articleId: number): void => {
    const round = rounds.find((r) => r.id === roundId)
    const others = (round?.articles ?? []).filter((a) => a.role === 'reports' && a.articleId !== articleId).map((a) => a.articleId)
    const ids = [articleId, ...others].slice(0, 4)
    navigate(ids.length < 2 ? `#/article/${articleId}/h/${highlightId}` : `#/compare/${ids.join(',')}/h/${highlightId}`)
  }
  // A cell note opens beside the Matrix: the cell's evidence stays in sight to quote, and the
  // cell shows what the note says.
  const openNote = async (roundId: number, themeId: number): Promise<void> => {
    try {
      const note = await api['notes.cell']({ roundId, themeId })
      openBeside(`#/notes/${note.id}`)
      // A note made just now: the cell learns it has one.
      if (!matrix?.cells.some((c) => c.roundId === roundId && c.themeId === themeId && c.noteId !== null)) changed()
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

  // Arrow keys move between cells (rows outside the window are rendered first); Enter opens the round.
  const onKey = (e: React.KeyboardEvent): void => {
    const [r, c] = focus
    const page = Math.max(1, win.end - win.start - 4)
    const next: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(rows.length - 1, r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(columns.length - 1, c + 1)],
      Home: e.ctrlKey ? [0, 0] : [r, 0],
      End: e.ctrlKey ? [rows.length - 1, columns.length - 1] : [r, columns.length - 1],
      PageUp: [Math.max(0, r - page), c],
      PageDown: [Math.min(rows.length - 1, r + page), c],
    }
    const to = next[e.key]
    if (to) {
      e.preventDefault()
      setFocus(to)
      const el = grid.current?.querySelector<HTMLElement>(`[data-cell="${to[0]}-${to[1]}"]`)
      if (el) el.focus()
      else {
        focusWanted.current = `${to[0]}-${to[1]}`
        win.reveal(to[0])
      }
    } else if (e.key === 'Enter' && e.target === e.currentTarget.querySelector(`[data-cell="${r}-${c}"]`) && rows[r]) {
      window.location.assign(`#/matrix/${rows[r].id}`)
    }
  }
  // A cell asked for by the keyboard before its row was rendered takes focus once it is.
  useEffect(() => {
    if (!focusWanted.current) return
    const el = grid.current?.querySelector<HTMLElement>(`[data-cell="${focusWanted.current}"]`)
    if (el) {
      focusWanted.current = null
      el.focus()
    }
  })

  const round = rounds.find((r) => r.id === selected) ?? null
  // The focused cell's row may be scrolled out of the window: Tab then enters at the first rendered row.
  const tabRow = focus[0] >= win.start && focus[0] < win.end ? focus[0] : win.start

  if (error) return <p className="error">{error}</p>
  if (!matrix) return <p className="muted">Loading…</p>

  return (
    <div className={`matrix-layout${round ? ' with-panel' : ''}`}>
      <div className="matrix-main" ref={scroller}>
        <div className="matrix-bar">
          <h1>Rounds × themes</h1>
          <input
            type="search"
            aria-label="Filter rounds"
            placeholder="Filter rounds"
            title="Filter rounds by title, venue or date"
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
        {undated > 0 && matrix.rounds.length > 0 ? (
          <p className="matrix-hint">
            {undated === matrix.rounds.length
              ? 'No round has a date with a year yet'
              : `${undated} of ${matrix.rounds.length} rounds have no date with a year`}
            , so they sort last and stay off the Timeline. Open a round (click its title) and fill in its date, or{' '}
            <a href="#/library/attention">add dates to the articles</a> and detect rounds again.
          </p>
        ) : null}
        {range ? (
          <p className="range-filter" role="status">
            Showing rounds dated {formatRange(range)} (chosen on the <a href="#/timeline">Timeline</a>).{' '}
            <button type="button" className="link" onClick={() => setDateRange(null)}>
              Show every date
            </button>
          </p>
        ) : null}
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
            aria-rowcount={rows.length + 1 + (unassigned && unassigned.articles > 0 ? 1 : 0)}
            aria-busy={pendingRounds.length > 0}
            data-coverage={pendingRounds.length > 0 ? 'pending' : 'complete'}
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
                  <div role="rowheader" className="matrix-round" ref={win.measure(r.id)}>
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
                        tabIndex={tabRow === ri && focus[1] === ci ? 0 : -1}
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
                          <div className={`cell-empty ${cell.coverage}`}>
                            {COVERAGE[cell.coverage]}
                            {cell.coverage === 'mentioned-not-coded' ? (
                              <>
                                {' '}
                                <a className="small cell-mentions" href={mentionsHref(r.id, t.id)}>
                                  Show the mentions →
                                </a>
                              </>
                            ) : null}
                          </div>
                        )}
                        {!isCollapsed ? (
                          <>
                            <ul className="cell-evidence" aria-busy={cell.evidence === null}>
                              {cell.evidence === null
                                ? Array.from({ length: Math.min(3, cell.highlights) }, (_, k) => (
                                    <li key={k} className="evidence-loading" aria-hidden />
                                  ))
                                : null}
                              {(cell.evidence ?? []).slice(0, 3).map((e) => (
                                <li key={e.highlightId}>
                                  <button
                                    type="button"
                                    className="passage"
                                    onClick={() => openCompare(r.id, e.highlightId, e.articleId)}
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
                            {cell.highlights > 0 ? (
                              <a className="small cell-passages" href={`#/passages/${t.id}/round/${r.id}`}>
                                All {cell.highlights} passage{cell.highlights === 1 ? '' : 's'} →
                              </a>
                            ) : null}
                            {cellNotes.get(`${r.id}:${t.id}`) ? (
                              <p className="cell-note-excerpt" data-testid="cell-note-excerpt">
                                {cellNotes.get(`${r.id}:${t.id}`)}
                              </p>
                            ) : null}
                            <button
                              type="button"
                              className="link small cell-note-here"
                              aria-expanded={cellNote?.roundId === r.id && cellNote.themeId === t.id}
                              onClick={() =>
                                setCellNote({
                                  rowIndex: r.index,
                                  themeIndex: t.index,
                                  roundId: r.id,
                                  themeId: t.id,
                                  label: `${r.title} — ${t.name}`,
                                })
                              }
                            >
                              {cell.noteId ? 'Edit note here' : 'Write here'}
                            </button>
                            <span className="muted small" aria-hidden>
                              {' · '}
                            </span>
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
            {win.after > 0 ? <div className="matrix-spacer" aria-hidden style={{ height: win.after }} /> : null}
            {unassigned && unassigned.articles > 0 ? (
              <div role="row" aria-rowindex={rows.length + 2} className="matrix-row matrix-unassigned" data-testid="matrix-unassigned">
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
                        <div className="cell-empty">No coded passage</div>
                      )}
                    </div>
                  )
                })}
              </div>
            ) : null}
          </div>
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
            if (!matrix?.cells.some((c) => c.roundId === cellNote.roundId && c.themeId === cellNote.themeId && c.noteId !== null)) changed()
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
