import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { scaleUtc } from 'd3-scale'
import { utcDay } from 'd3-time'
import type { ArticleSummary, Matrix, Round } from '@shared/model'
import { api, errorMessage } from '../api'
import { dayOf } from '../rounds/axis'
import { formatRoundDate } from '../rounds/dates'
import { axisTicks, clampDomain, DAY, placeLabels, zoomDomain } from '../rounds/timelineLayout'
import { setDateRange, useDateRange } from '../state/dateRange'
import { DateRangeNotice } from '../components/DateRangeNotice'
import { useNotebook } from '../state/notebook'

const TOP = 34
const LABEL_LANE = 17
const LABEL_LANES = 3
const OVERVIEW = 30

type Lanes = 'outlet' | 'theme'

const roundTime = (r: { date: string | null }): number | null => (r.date && !r.date.startsWith('XXXX') ? dayOf(r.date) : null)
const short = (name: string, chars: number): string => (name.length > chars ? `${name.slice(0, Math.max(1, chars - 1))}…` : name)

/** Rounds and articles on a zoomable time axis (d3-scale), one lane per outlet or per theme. */
export function Timeline(): React.JSX.Element {
  const { revision } = useNotebook()
  const [rounds, setRounds] = useState<Round[]>([])
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [matrix, setMatrix] = useState<Matrix | null>(null)
  const [lanes, setLanes] = useState<Lanes>('outlet')
  const [error, setError] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [width, setWidth] = useState(900)
  const [view, setView] = useState<[number, number] | null>(null)
  const [brush, setBrush] = useState<[number, number] | null>(null)
  const range = useDateRange()
  const box = useRef<HTMLDivElement>(null)
  const drag = useRef<{ kind: 'pan' | 'brush' | 'overview'; x0: number; view: [number, number] } | null>(null)

  useEffect(() => {
    let live = true
    Promise.all([api['rounds.list']({}), api['articles.list']({ sort: 'published', direction: 'asc' }), api['matrix.get']({})]).then(
      ([r, a, m]) => {
        if (!live) return
        setRounds(r)
        setArticles(a)
        setMatrix(m)
        setLoaded(true)
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [revision])

  // The chart takes the width of the window (less the lane names), and follows it.
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const observer = new ResizeObserver(() => setWidth(Math.max(320, el.clientWidth)))
    observer.observe(el)
    setWidth(Math.max(320, el.clientWidth))
    return () => observer.disconnect()
  }, [loaded])

  // An article sits at its publication date, or else at the date of the round it reports.
  const articleTime = useMemo(() => {
    const reported = new Map<number, number>()
    for (const r of rounds) {
      const t = roundTime(r)
      if (t !== null) for (const x of r.articles) if (x.role === 'reports' && !reported.has(x.articleId)) reported.set(x.articleId, t)
    }
    const map = new Map<number, number>()
    for (const a of articles) {
      const t = (a.published ? dayOf(a.published) : null) ?? reported.get(a.id) ?? null
      if (t !== null) map.set(a.id, t)
    }
    return map
  }, [articles, rounds])
  const mentionsOnly = useMemo(() => {
    const reports = new Set<number>()
    const mentions = new Set<number>()
    for (const r of rounds) for (const x of r.articles) (x.role === 'reports' ? reports : mentions).add(x.articleId)
    return new Set([...mentions].filter((id) => !reports.has(id)))
  }, [rounds])

  const times = useMemo(
    () => [...rounds.map(roundTime).filter((t): t is number => t !== null), ...articleTime.values()],
    [rounds, articleTime],
  )
  const full = useMemo<[number, number]>(() => {
    if (!times.length) return [0, DAY]
    const lo = Math.min(...times)
    const hi = Math.max(...times)
    const pad = Math.max(5 * DAY, (hi - lo) * 0.04)
    return [utcDay.floor(new Date(lo - pad)).getTime(), utcDay.ceil(new Date(hi + pad)).getTime()]
  }, [times])
  const shown = view ? clampDomain(view, full) : full
  const zoomed = shown[1] - shown[0] < full[1] - full[0] - DAY

  const laneNames = useMemo(
    () =>
      lanes === 'outlet'
        ? [...new Set(articles.filter((a) => articleTime.has(a.id)).map((a) => a.outlet ?? 'Outlet not set'))].sort()
        : (matrix?.themes ?? []).map((t) => t.name),
    [lanes, articles, articleTime, matrix],
  )
  const left = Math.min(170, Math.round(width * 0.2))
  // Few lanes get taller, so the chart uses the window rather than a strip of it.
  const LANE = Math.round(Math.min(72, Math.max(32, (window.innerHeight - 400) / Math.max(1, laneNames.length))))
  const plot = Math.max(200, width - left - 16)
  const scale = scaleUtc().domain(shown).range([0, plot])
  const overview = scaleUtc().domain(full).range([0, plot])
  const lanesBottom = TOP + laneNames.length * LANE
  const labelsTop = lanesBottom + 8
  const clustersTop = labelsTop + LABEL_LANES * LABEL_LANE + 2
  const overviewTop = clustersTop + 22
  const height = overviewTop + OVERVIEW + 6

  const dated = rounds.filter((r) => roundTime(r) !== null)
  const labels = placeLabels(
    dated.map((r) => ({ id: r.id, x: scale(roundTime(r)!), text: r.title })),
    { lanes: LABEL_LANES, width: plot },
  )
  const roundById = new Map(rounds.map((r) => [r.id, r]))
  const namedIds = new Map(labels.placed.map((l) => [l.id, l.lane]))
  const undatedRounds = rounds.filter((r) => roundTime(r) === null)
  const undatedArticles = articles.filter((a) => !articleTime.has(a.id))

  const zoomBy = (factor: number, at = (shown[0] + shown[1]) / 2): void => setView(zoomDomain(shown, full, factor, at))
  const panBy = (fraction: number): void =>
    setView(clampDomain([shown[0] + fraction * (shown[1] - shown[0]), shown[1] + fraction * (shown[1] - shown[0])], full))
  const timeAt = (clientX: number, s = scale): number => {
    const rect = box.current?.querySelector('svg')?.getBoundingClientRect()
    return s.invert(clientX - (rect?.left ?? 0) - left).getTime()
  }

  const onPointerDown = (e: React.PointerEvent<SVGSVGElement>): void => {
    if (e.button !== 0) return
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top
    const inPlot = e.clientX - e.currentTarget.getBoundingClientRect().left >= left
    if (!inPlot || (e.target as Element).closest('a')) return
    const kind = y < TOP ? 'brush' : y >= overviewTop - 4 ? 'overview' : 'pan'
    drag.current = { kind, x0: e.clientX, view: shown }
    e.currentTarget.setPointerCapture(e.pointerId)
    if (kind === 'overview') centreOn(timeAt(e.clientX, overview))
    if (kind === 'brush') setBrush([timeAt(e.clientX), timeAt(e.clientX)])
  }
  const centreOn = (t: number): void => {
    const half = (shown[1] - shown[0]) / 2
    setView(clampDomain([t - half, t + half], full))
  }
  const onPointerMove = (e: React.PointerEvent<SVGSVGElement>): void => {
    const d = drag.current
    if (!d) return
    if (d.kind === 'pan') {
      const dt = ((e.clientX - d.x0) / plot) * (d.view[1] - d.view[0])
      setView(clampDomain([d.view[0] - dt, d.view[1] - dt], full))
    } else if (d.kind === 'overview') centreOn(timeAt(e.clientX, overview))
    else setBrush((b) => (b ? [b[0], timeAt(e.clientX)] : b))
  }
  const onPointerUp = (): void => {
    const d = drag.current
    drag.current = null
    if (d?.kind !== 'brush' || !brush) return
    setBrush(null)
    const [a, b] = brush[0] < brush[1] ? brush : [brush[1], brush[0]]
    // A click without a drag clears the filter; a drag sets it to whole days.
    if (Math.abs(scale(b) - scale(a)) < 4) return
    setDateRange({ from: utcDay.floor(new Date(a)).getTime(), to: utcDay.ceil(new Date(b)).getTime() })
  }
  const onWheel = (e: React.WheelEvent): void => {
    if (e.ctrlKey || e.metaKey) zoomBy(e.deltaY < 0 ? 1.25 : 0.8, timeAt(e.clientX))
    else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) panBy((e.deltaX || e.deltaY) / plot)
  }
  const onKey = (e: React.KeyboardEvent): void => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => panBy(-0.2),
      ArrowRight: () => panBy(0.2),
      '+': () => zoomBy(1.5),
      '=': () => zoomBy(1.5),
      '-': () => zoomBy(1 / 1.5),
      '0': () => setView(null),
    }
    const run = keys[e.key]
    if (run && e.target === e.currentTarget) {
      e.preventDefault()
      run()
    }
  }

  if (error) return <p className="error">{error}</p>

  const band = brush ?? (range ? [range.from, range.to] : null)
  const dot = (x: number, lane: number): { cx: number; cy: number } => ({ cx: left + x, cy: TOP + lane * LANE + LANE / 2 })
  const visible = (x: number): boolean => x >= -8 && x <= plot + 8

  return (
    <div className="timeline-view">
      <div className="matrix-bar">
        <h1>Timeline</h1>
        <div className="segmented" role="group" aria-label="Lanes">
          <button type="button" aria-pressed={lanes === 'outlet'} onClick={() => setLanes('outlet')}>
            Lanes by outlet
          </button>
          <button type="button" aria-pressed={lanes === 'theme'} onClick={() => setLanes('theme')}>
            Lanes by theme
          </button>
        </div>
        <div className="zoom" role="group" aria-label="Zoom">
          <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out" title="Zoom out (−)" disabled={!zoomed}>
            −
          </button>
          <button type="button" onClick={() => zoomBy(1.5)} aria-label="Zoom in" title="Zoom in (+)">
            +
          </button>
          <button type="button" onClick={() => setView(null)} disabled={!zoomed} title="Show the whole range (0)">
            Show all
          </button>
        </div>
        <button type="button" onClick={() => setDateRange({ from: shown[0], to: shown[1] })} disabled={!times.length}>
          Filter to this period
        </button>
        <a className="button" href="#/matrix">
          Matrix
        </a>
      </div>
      <DateRangeNotice>
        {(period) => (
          <>
            Library and Matrix show only <strong>{period}</strong>.
          </>
        )}
      </DateRangeNotice>
      {!loaded ? (
        <p className="muted">Loading…</p>
      ) : times.length === 0 ? (
        <div className="empty">
          <h2>Nothing to place on a timeline yet</h2>
          <p>Rounds and articles appear here once they have a date with a year.</p>
          <ol className="next-steps">
            <li>
              <a href="#/library/attention">Add dates to articles</a> in the Library (several at once: select them, then Set date).
            </li>
            <li>
              Or give a round its date in the <a href="#/matrix">Matrix</a> (open the round and fill in its date).
            </li>
          </ol>
        </div>
      ) : (
        <>
          <Legend lanes={lanes} themes={matrix?.themes ?? []} counts={labels.clusters.length > 0} />
          <div className="timeline-scroll" ref={box}>
            <svg
              width={width}
              height={height}
              role="group"
              aria-label="Timeline of rounds and articles. Arrow keys move, + and − zoom, 0 shows all."
              aria-roledescription="timeline"
              data-testid="timeline"
              tabIndex={0}
              onKeyDown={onKey}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onWheel={onWheel}
            >
              <defs>
                <clipPath id="timeline-plot">
                  <rect x={left - 8} y={0} width={plot + 16} height={overviewTop - 6} />
                </clipPath>
              </defs>
              <rect x={left} y={0} width={plot} height={TOP - 6} className="brush-zone">
                <title>Drag across the dates to show only that period in the Library and Matrix</title>
              </rect>
              {laneNames.map((name, i) => (
                <g key={name}>
                  <line x1={left} x2={left + plot} y1={TOP + i * LANE + LANE / 2} y2={TOP + i * LANE + LANE / 2} className="lane" />
                  <text x={left - 10} y={TOP + i * LANE + LANE / 2 + 4} textAnchor="end" className="lane-name">
                    {short(name, Math.max(6, Math.floor((left - 14) / 7)))}
                    <title>{name}</title>
                  </text>
                </g>
              ))}
              <g clipPath="url(#timeline-plot)">
                {/* A tick whose label would run past the right edge keeps its line and drops its label. */}
                {axisTicks(scale, plot).map((t) => (
                  <g key={t.t}>
                    <line x1={left + t.x} x2={left + t.x} y1={TOP - 8} y2={lanesBottom} className="grid" />
                    {t.x + 3 + t.label.length * 6.6 <= plot + 8 ? (
                      <text x={left + t.x + 3} y={TOP - 12} className="tick">
                        {t.label}
                      </text>
                    ) : null}
                  </g>
                ))}
                {band ? (
                  <rect
                    x={left + Math.min(scale(band[0]), scale(band[1]))}
                    width={Math.max(2, Math.abs(scale(band[1]) - scale(band[0])))}
                    y={TOP - 8}
                    height={lanesBottom - TOP + 8}
                    className="brush"
                    data-testid="brush"
                  />
                ) : null}
                {dated.map((r) => {
                  const x = scale(roundTime(r)!)
                  if (!visible(x)) return null
                  // A named round's line runs down to its label; the others are a mark on the axis and a faint line.
                  const named = namedIds.has(r.id)
                  return (
                    <a key={`r${r.id}`} href={`#/matrix/${r.id}`} aria-label={`Round: ${r.title}, ${formatRoundDate(r.date)}`}>
                      <line
                        x1={left + x}
                        x2={left + x}
                        y1={TOP - 8}
                        y2={named ? labelsTop + namedIds.get(r.id)! * LABEL_LANE + 2 : lanesBottom}
                        className={named ? 'round-line' : 'round-line faint'}
                      />
                      <line x1={left + x} x2={left + x} y1={TOP - 8} y2={TOP} className="round-rug" />
                      <title>
                        {r.title} — {formatRoundDate(r.date)}
                      </title>
                    </a>
                  )
                })}
                {lanes === 'outlet'
                  ? articles.map((a) => {
                      const t = articleTime.get(a.id)
                      if (t === undefined || !visible(scale(t))) return null
                      const lane = laneNames.indexOf(a.outlet ?? 'Outlet not set')
                      const only = mentionsOnly.has(a.id)
                      return (
                        <a key={`a${a.id}`} href={`#/article/${a.id}`} aria-label={`Article: ${a.title}`}>
                          <circle {...dot(scale(t), lane)} r={6} className={only ? 'dot mentions' : 'dot'}>
                            <title>
                              {a.title}
                              {only ? ' (mentions a round without reporting it)' : ''}
                            </title>
                          </circle>
                        </a>
                      )
                    })
                  : (matrix?.rounds ?? []).flatMap((r, ri) => {
                      const t = roundTime(r)
                      if (t === null || !matrix || !visible(scale(t))) return []
                      return matrix.themes.map((theme, ti) => {
                        const cell = matrix.cells[ri * matrix.themes.length + ti]
                        if (!cell || cell.coverage === 'not-mentioned') return null
                        const coded = cell.coverage === 'coded'
                        return (
                          <a key={`c${r.id}-${theme.id}`} href={`#/matrix/${r.id}`} aria-label={`${r.title}: ${theme.name}`}>
                            <circle
                              {...dot(scale(t), ti)}
                              r={coded ? 7 : 5}
                              className={coded ? 'dot coded' : 'dot mentions'}
                              style={coded ? { fill: theme.color } : { stroke: theme.color }}
                            >
                              <title>
                                {r.title} — {theme.name}: {coded ? `${cell.highlights} highlights` : 'mentioned, not coded'}
                              </title>
                            </circle>
                          </a>
                        )
                      })
                    })}
                {labels.placed.map((l) => (
                  <a key={`l${l.id}`} href={`#/matrix/${l.id}`} tabIndex={-1} aria-hidden>
                    <text
                      x={left + l.x + (l.anchor === 'start' ? 3 : -3)}
                      y={labelsTop + l.lane * LABEL_LANE + 12}
                      textAnchor={l.anchor}
                      className="round-label"
                    >
                      {l.text}
                      <title>
                        {l.full} — {formatRoundDate(roundById.get(l.id)?.date ?? null)}
                      </title>
                    </text>
                  </a>
                ))}
                {labels.clusters.map((c) => {
                  const names = c.ids.map((id) => roundById.get(id)?.title ?? '')
                  const times = c.ids.map((id) => roundTime(roundById.get(id)!)!).sort((a, b) => a - b)
                  const zoomTo = (): void => setView(clampDomain([times[0]! - 3 * DAY, times[times.length - 1]! + 3 * DAY], full))
                  return (
                    <g
                      key={`k${c.ids[0]}`}
                      className="label-cluster"
                      data-testid="label-cluster"
                      role="button"
                      tabIndex={0}
                      aria-label={`${c.ids.length} more round${c.ids.length === 1 ? '' : 's'} here: show them`}
                      onClick={zoomTo}
                      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), zoomTo())}
                    >
                      <rect x={left + c.x - 16} y={clustersTop} width={32} height={16} rx={8} />
                      <text x={left + c.x} y={clustersTop + 12} textAnchor="middle">
                        +{c.ids.length}
                      </text>
                      <title>
                        {`${c.ids.length} more rounds here (click to zoom in):\n${names.slice(0, 12).join('\n')}${names.length > 12 ? `\n…and ${names.length - 12} more` : ''}`}
                      </title>
                    </g>
                  )
                })}
              </g>
              <g className="overview" aria-hidden>
                <rect x={left} y={overviewTop} width={plot} height={OVERVIEW - 8} className="overview-track" />
                {dated.map((r) => (
                  <line
                    key={r.id}
                    x1={left + overview(roundTime(r)!)}
                    x2={left + overview(roundTime(r)!)}
                    y1={overviewTop + 3}
                    y2={overviewTop + OVERVIEW - 11}
                    className="overview-mark"
                  />
                ))}
                <rect
                  x={left + overview(shown[0])}
                  y={overviewTop}
                  width={Math.max(6, overview(shown[1]) - overview(shown[0]))}
                  height={OVERVIEW - 8}
                  className="overview-window"
                />
                <text x={left - 10} y={overviewTop + 15} textAnchor="end" className="tick">
                  {new Date(full[0]).getUTCFullYear() === new Date(full[1]).getUTCFullYear()
                    ? new Date(full[0]).getUTCFullYear()
                    : `${new Date(full[0]).getUTCFullYear()}–${new Date(full[1]).getUTCFullYear()}`}
                </text>
              </g>
            </svg>
          </div>
          <p className="muted small timeline-help">
            Drag the chart or the strip below it to move; Ctrl+wheel or + and − to zoom. Drag across the dates at the top to show only that
            period in the Library and Matrix.
          </p>
        </>
      )}
      {loaded && (undatedRounds.length || undatedArticles.length) ? (
        <section className="undated">
          <h2>Not on the axis yet (no date with a year)</h2>
          <p className="muted small">
            Give them a date to place them: <a href="#/library/attention">articles in the Library</a>, rounds in the{' '}
            <a href="#/matrix">Matrix</a>.
          </p>
          <ul className="small">
            {undatedRounds.map((r) => (
              <li key={`r${r.id}`}>
                <a href={`#/matrix/${r.id}`}>Round: {r.title}</a> <span className="muted">{formatRoundDate(r.date)}</span>
              </li>
            ))}
            {undatedArticles.map((a) => (
              <li key={`a${a.id}`}>
                <a href={`#/article/${a.id}`}>{a.title}</a> <span className="muted">{a.outlet ?? ''}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

function Legend({ lanes, themes, counts }: { lanes: Lanes; themes: Matrix['themes']; counts: boolean }): React.JSX.Element {
  return (
    <ul className="timeline-legend" aria-label="Legend">
      <li>
        <svg width="14" height="14" aria-hidden>
          <line x1="7" x2="7" y1="0" y2="14" className="round-line" />
        </svg>
        Round (opens in the Matrix)
      </li>
      {counts ? (
        <li>
          <span className="legend-count" aria-hidden>
            +3
          </span>
          Rounds too close to name (hover to list, click to zoom)
        </li>
      ) : null}
      {lanes === 'outlet' ? (
        <>
          <li>
            <svg width="14" height="14" aria-hidden>
              <circle cx="7" cy="7" r="5" className="dot" />
            </svg>
            Article reporting a round
          </li>
          <li>
            <svg width="14" height="14" aria-hidden>
              <circle cx="7" cy="7" r="5" className="dot mentions" />
            </svg>
            Article that only mentions one
          </li>
        </>
      ) : (
        <>
          {themes.map((t) => (
            <li key={t.id}>
              <svg width="14" height="14" aria-hidden>
                <circle cx="7" cy="7" r="6" style={{ fill: t.color }} />
              </svg>
              {t.name}
            </li>
          ))}
          <li>
            <svg width="14" height="14" aria-hidden>
              <circle cx="7" cy="7" r="5" className="dot mentions" />
            </svg>
            Mentioned, not coded
          </li>
        </>
      )}
    </ul>
  )
}
