import { useEffect, useMemo, useState } from 'react'
import type { ArticleSummary, Matrix, Round } from '@shared/model'
import { api, errorMessage } from '../api'
import { brokenAxis, dayOf } from '../rounds/axis'
import { formatRoundDate } from '../rounds/dates'
import { useNotebook } from '../state/notebook'

const LANE = 44
const LEFT = 170
const TOP = 40

type Lanes = 'outlet' | 'theme'

function tickLabel(t: number, span: number): string {
  const d = new Date(t)
  return span > 400 * 86_400_000
    ? String(d.getUTCFullYear())
    : new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: '2-digit', timeZone: 'UTC' }).format(d)
}

/** Rounds and articles on a broken time axis, one lane per outlet or per theme. */
export function Timeline(): React.JSX.Element {
  const { revision } = useNotebook()
  const [rounds, setRounds] = useState<Round[]>([])
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [matrix, setMatrix] = useState<Matrix | null>(null)
  const [lanes, setLanes] = useState<Lanes>('outlet')
  const [zoom, setZoom] = useState(1)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    Promise.all([api['rounds.list']({}), api['articles.list']({ sort: 'published', direction: 'asc' }), api['matrix.get']({})]).then(
      ([r, a, m]) => {
        if (!live) return
        setRounds(r)
        setArticles(a)
        setMatrix(m)
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [revision])

  const roundTime = (r: Round): number | null => (r.date && !r.date.startsWith('XXXX') ? dayOf(r.date) : null)
  // An article sits at its publication date, or else at the date of the round it reports.
  const articleTime = useMemo(() => {
    const map = new Map<number, number>()
    for (const a of articles) {
      const own = a.published ? dayOf(a.published) : null
      const reported = rounds.find((r) => r.articles.some((x) => x.articleId === a.id && x.role === 'reports'))
      const t = own ?? (reported ? roundTime(reported) : null)
      if (t !== null) map.set(a.id, t)
    }
    return map
  }, [articles, rounds])

  const times = [...rounds.map(roundTime).filter((t): t is number => t !== null), ...articleTime.values()]
  const width = Math.max(600, 1000 * zoom)
  const axis = brokenAxis(times, width)
  const laneNames =
    lanes === 'outlet' ? [...new Set(articles.map((a) => a.outlet ?? 'Unknown outlet'))].sort() : (matrix?.themes ?? []).map((t) => t.name)
  const height = TOP + laneNames.length * LANE + 30
  const undatedRounds = rounds.filter((r) => roundTime(r) === null)
  const undatedArticles = articles.filter((a) => !articleTime.has(a.id))

  if (error) return <p className="error">{error}</p>

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
          <button type="button" onClick={() => setZoom(Math.max(0.5, zoom / 1.5))} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={() => setZoom(Math.min(8, zoom * 1.5))} aria-label="Zoom in">
            +
          </button>
        </div>
        <a className="button" href="#/matrix">
          Matrix
        </a>
      </div>
      {times.length === 0 ? (
        <div className="empty">
          <h2>Nothing to place on a timeline yet</h2>
          <p>
            Rounds with a known date and dated articles appear here. Add dates in the Reader (Edit details) or on a round in the Matrix.
          </p>
        </div>
      ) : (
        <div className="timeline-scroll">
          <svg width={LEFT + width + 40} height={height} role="img" aria-label="Timeline of rounds and articles" data-testid="timeline">
            {axis.segments.map((s, i) => (
              <g key={i}>
                <line x1={LEFT + s.x} x2={LEFT + s.x + s.width} y1={TOP - 10} y2={TOP - 10} className="axis" />
                <text x={LEFT + s.x} y={TOP - 18} className="tick">
                  {tickLabel(s.start + 3 * 86_400_000, s.end - s.start)}
                </text>
                {s.end - s.start > 20 * 86_400_000 ? (
                  <text x={LEFT + s.x + s.width} y={TOP - 18} className="tick" textAnchor="end">
                    {tickLabel(s.end - 3 * 86_400_000, s.end - s.start)}
                  </text>
                ) : null}
                {i < axis.segments.length - 1 ? (
                  <text x={LEFT + s.x + s.width + 18} y={TOP - 6} className="break" textAnchor="middle">
                    ⋯
                  </text>
                ) : null}
              </g>
            ))}
            {laneNames.map((name, i) => (
              <g key={name}>
                <line x1={LEFT} x2={LEFT + width} y1={TOP + i * LANE + LANE / 2} y2={TOP + i * LANE + LANE / 2} className="lane" />
                <text x={LEFT - 10} y={TOP + i * LANE + LANE / 2 + 4} textAnchor="end" className="lane-name">
                  {name.length > 22 ? `${name.slice(0, 21)}…` : name}
                </text>
              </g>
            ))}
            {rounds.map((r) => {
              const t = roundTime(r)
              if (t === null) return null
              const x = LEFT + axis.x(t)
              return (
                <a key={`r${r.id}`} href={`#/matrix/${r.id}`} aria-label={`Round: ${r.title}, ${formatRoundDate(r.date)}`}>
                  <line x1={x} x2={x} y1={TOP - 4} y2={height - 26} className="round-line" />
                  <text x={x + 4} y={height - 12} className="round-label">
                    {r.title}
                  </text>
                </a>
              )
            })}
            {lanes === 'outlet'
              ? articles.map((a) => {
                  const t = articleTime.get(a.id)
                  if (t === undefined) return null
                  const lane = laneNames.indexOf(a.outlet ?? 'Unknown outlet')
                  const mentionsOnly =
                    rounds.some((r) => r.articles.some((x) => x.articleId === a.id && x.role === 'mentions')) &&
                    !rounds.some((r) => r.articles.some((x) => x.articleId === a.id && x.role === 'reports'))
                  return (
                    <a key={`a${a.id}`} href={`#/article/${a.id}`} aria-label={`Article: ${a.title}`}>
                      <circle
                        cx={LEFT + axis.x(t)}
                        cy={TOP + lane * LANE + LANE / 2}
                        r={6}
                        className={mentionsOnly ? 'dot mentions' : 'dot'}
                      >
                        <title>
                          {a.title}
                          {mentionsOnly ? ' (mentions a round without reporting it)' : ''}
                        </title>
                      </circle>
                    </a>
                  )
                })
              : (matrix?.rounds ?? []).flatMap((r, ri) => {
                  const round = rounds.find((x) => x.id === r.id)
                  const t = round ? roundTime(round) : null
                  if (t === null || !matrix) return []
                  return matrix.themes.map((theme, ti) => {
                    const cell = matrix.cells[ri * matrix.themes.length + ti]
                    if (!cell || cell.coverage === 'not-mentioned') return null
                    return (
                      <a key={`c${r.id}-${theme.id}`} href={`#/matrix/${r.id}`} aria-label={`${r.title}: ${theme.name}`}>
                        <circle
                          cx={LEFT + axis.x(t)}
                          cy={TOP + ti * LANE + LANE / 2}
                          r={cell.coverage === 'coded' ? 7 : 5}
                          className={cell.coverage === 'coded' ? `dot swatch-fill-${theme.id}` : 'dot mentions'}
                        >
                          <title>
                            {r.title} — {theme.name}: {cell.coverage === 'coded' ? `${cell.highlights} highlights` : 'mentioned, not coded'}
                          </title>
                        </circle>
                      </a>
                    )
                  })
                })}
          </svg>
        </div>
      )}
      {undatedRounds.length || undatedArticles.length ? (
        <section className="undated">
          <h3>Not on the axis (no known year)</h3>
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
