import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ArticleSort, ArticleSummary, SearchHit } from '@shared/model'
import { api, errorMessage } from '../api'
import { Snippet } from '../components/Snippet'
import { useConfirm } from '../components/Dialog'
import { Welcome } from '../components/Welcome'
import { formatDate } from '../format'
import { useNotebook } from '../state/notebook'
import { inRange, useDateRange } from '../state/dateRange'
import { DateRangeNotice } from '../components/DateRangeNotice'
import { LibraryBulk } from './LibraryBulk'
import { useRowWindow } from '../rounds/virtualRows'

/** A row's height before one is measured (one line: rows never wrap). */
const ROW_ESTIMATE = 37
/** Rows rendered beyond the viewport in the direction of scrolling, and behind it. */
const OVERSCAN_AHEAD = 15
const OVERSCAN_BEHIND = 3

/**
 * Windowing for the articles table (rounds/virtualRows.ts, on @tanstack/react-virtual): only the
 * rows near the scroll container's viewport are in the DOM, spacer rows stand for the rest, so
 * 50,000 articles scroll like 50 (issue 10). Rows are one line (nowrap), so one measured height
 * places every row. Every row a frame brings in costs DOM, style and text layout, so the window
 * stays small: rows ahead in the direction of scrolling, few behind, none extra on a jump.
 */
const OVERSCAN = { ahead: OVERSCAN_AHEAD, behind: OVERSCAN_BEHIND }
const rowEstimate = (): number => ROW_ESTIMATE

// One formatter for every row: `formatCount` builds an Intl.NumberFormat per call, which was the
// largest single cost of bringing rows in while scrolling.
const countFormat = new Intl.NumberFormat()
const dateTexts = new Map<string, string>()
/** Formatted dates by ISO date (a library has a few thousand distinct ones at most). */
function dateText(iso: string): string {
  let text = dateTexts.get(iso)
  if (text === undefined) dateTexts.set(iso, (text = formatDate(iso)))
  return text
}

/**
 * A date or outlet Parley could not find: a calm "add" link to the article's details (several at
 * once: select rows, then Set date or Set outlet), not a warning.
 */
function MissingDetail({ article, field }: { article: ArticleSummary; field: 'outlet' | 'published' }): React.JSX.Element {
  const what = field === 'outlet' ? 'outlet' : 'date'
  if (!article.needsAttention.includes(field)) return <span className="muted">No {what}</span>
  return (
    <a
      className="attention add-detail"
      href={`#/article/${article.id}`}
      title={`No ${what} was found. Open the article to add it, or select several rows and set it for all of them at once.`}
    >
      Add {what}
    </a>
  )
}

/** One article's row; memoised, so a scroll renders only the rows it brings in. */
const ArticleRow = memo(function ArticleRow({
  article: a,
  rowIndex,
  picked,
  onPick,
}: {
  article: ArticleSummary
  rowIndex: number
  picked: boolean
  onPick: (id: number, on: boolean) => void
}): React.JSX.Element {
  const row = useRef<HTMLTableRowElement>(null)
  const shown = useRef(a.id)
  useLayoutEffect(() => {
    // This row's elements now show another article: focus on them would silently move to it, so it
    // is dropped, as when a row leaves the DOM.
    if (shown.current !== a.id && row.current?.contains(document.activeElement)) (document.activeElement as HTMLElement).blur()
    shown.current = a.id
  }, [a.id])
  return (
    <tr aria-rowindex={rowIndex} data-row="" ref={row}>
      <td className="col-pick">
        <input type="checkbox" aria-label={`Select ${a.title}`} checked={picked} onChange={(e) => onPick(a.id, e.target.checked)} />
      </td>
      <td className="col-title">
        <a href={`#/article/${a.id}`} title={a.title}>
          {a.title}
        </a>
      </td>
      <td className="col-outlet">{a.outlet ?? <MissingDetail article={a} field="outlet" />}</td>
      <td className="col-wire">{a.wire ?? ''}</td>
      <td className="col-date">{a.published ? dateText(a.published) : <MissingDetail article={a} field="published" />}</td>
      <td className="col-words">{countFormat.format(a.words)}</td>
    </tr>
  )
})

const COLUMNS: Array<{ key: ArticleSort; label: string; className: string }> = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'outlet', label: 'Outlet', className: 'col-outlet' },
  { key: 'wire', label: 'Wire', className: 'col-wire' },
  { key: 'published', label: 'Date', className: 'col-date' },
  { key: 'words', label: 'Words', className: 'col-words' },
]

/** Rows asked for before the rest of the library: more than a tall window shows. */
const FIRST_PAGE = 120

export function Library({
  revision,
  onImport,
  attention: askForDetails = false,
  seeded = false,
}: {
  revision: number
  /** This is the sample notebook first run made (its welcome shows). */
  seeded?: boolean
  onImport: (files: File[]) => Promise<void>
  /** Open on the articles that miss a date or an outlet (the first-run's "add dates" step). */
  attention?: boolean
}): React.JSX.Element {
  const [sort, setSort] = useState<ArticleSort>('published')
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc')
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null)
  /** The whole list has arrived (not only its first page). */
  const [complete, setComplete] = useState(false)
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { themes } = useNotebook()
  const [themeId, setThemeId] = useState<number | undefined>(undefined)
  const [attention, setAttention] = useState(askForDetails)
  const [table, setTable] = useState<HTMLTableElement | null>(null)
  const { perform, notify } = useNotebook()
  const confirm = useConfirm()
  const [selected, setSelected] = useState<number[]>([])
  const picker = useRef<HTMLInputElement>(null)
  const searchBox = useRef<HTMLInputElement>(null)

  useEffect(() => {
    // A screenful first, then the whole list: a large library paints at once instead of waiting
    // for every summary (50,000 of them are about 14 MB of JSON).
    let current = true
    const failed = (e: unknown): void => {
      if (current) setError(errorMessage(e))
    }
    api['articles.list']({ sort, direction, themeId, limit: FIRST_PAGE }).then((first) => {
      if (!current) return
      setArticles(first)
      setComplete(first.length < FIRST_PAGE)
      setError(null)
      if (first.length < FIRST_PAGE) return
      api['articles.list']({ sort, direction, themeId }).then((all) => {
        if (!current) return
        setArticles(all)
        setComplete(true)
      }, failed)
    }, failed)
    return () => {
      current = false
    }
  }, [sort, direction, revision, themeId])

  useEffect(() => {
    const q = query.trim()
    if (!q) return
    const timer = setTimeout(() => {
      api['articles.search']({ query: q, limit: 100, themeId }).then(setHits, (e: unknown) => setError(errorMessage(e)))
    }, 120)
    return () => clearTimeout(timer)
  }, [query, revision, themeId])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault()
        searchBox.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const range = useDateRange()
  const listed = useMemo(() => {
    let list = articles ?? []
    if (attention) list = list.filter((a) => a.needsAttention.length)
    // The period brushed on the Timeline (renderer state): articles published in it.
    if (range) list = list.filter((a) => inRange(range, a.published))
    return list
  }, [articles, attention, range])
  const scroller = useMemo(() => ({ current: table?.closest<HTMLElement>('.content') ?? null }), [table])
  const body = useMemo(() => ({ current: table?.tBodies[0] ?? null }), [table])
  const ids = useMemo(() => listed.map((a) => a.id), [listed])
  const rows = useRowWindow({
    scroller,
    list: body,
    keys: ids,
    estimate: rowEstimate,
    uniformRow: 'tr[data-row]',
    overscan: OVERSCAN,
    active: table !== null,
  })
  const pick = useCallback((id: number, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id))), [])
  // Deleted articles drop out of the selection once the whole list has come back without them.
  const chosen = useMemo(() => {
    if (!articles || !complete) return selected
    const present = new Set(articles.map((a) => a.id))
    return selected.filter((id) => present.has(id))
  }, [selected, articles, complete])
  const picked = useMemo(() => new Set(chosen), [chosen])
  const titleOf = useCallback((id: number) => articles?.find((a) => a.id === id)?.title, [articles])
  const allPicked = listed.length > 0 && listed.every((a) => picked.has(a.id))

  const toggleSort = (key: ArticleSort): void => {
    if (key === sort) setDirection(direction === 'asc' ? 'desc' : 'asc')
    else {
      setSort(key)
      setDirection(key === 'title' || key === 'outlet' ? 'asc' : 'desc')
    }
  }

  return (
    <div className="library">
      {articles?.length ? <Welcome firstArticle={articles[0]?.id ?? null} seeded={seeded} /> : null}
      <div className="toolbar">
        <input
          ref={searchBox}
          type="search"
          className="search"
          placeholder="Search titles and text (Ctrl+F)"
          aria-label="Search articles"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('')
          }}
        />
        <select
          aria-label="Filter by theme"
          value={attention ? 'attention' : (themeId ?? '')}
          onChange={(e) => {
            setAttention(e.target.value === 'attention')
            setThemeId(e.target.value && e.target.value !== 'attention' ? Number(e.target.value) : undefined)
          }}
        >
          <option value="">All articles</option>
          <option value="attention">Missing a date or outlet</option>
          {themes.map((t) => (
            <option key={t.id} value={t.id}>
              Coded: {t.name}
            </option>
          ))}
        </select>
        {themeId !== undefined ? (
          <a className="button" href={`#/passages/${themeId}`}>
            Show passages
          </a>
        ) : null}
        <button
          type="button"
          title="Clean every article's original text again with the current cleaner; your edits and highlights are kept"
          onClick={async () => {
            // A re-clean cannot be undone (the originals stay, but the cleaned text is replaced), so it asks first.
            const ok = await confirm({
              title: 'Clean every article again?',
              body: 'Each article is cleaned again from its original file with the current cleaner. Details you edited are kept and highlights move with their text.',
              confirm: 'Re-clean all',
            })
            if (!ok) return
            void perform(
              () => api['articles.reclean']({}),
              (r) => {
                notify(
                  `Re-cleaned ${r.articles} articles: ${r.changed} changed, ${r.moved} highlights moved, ${r.orphaned} no longer found${r.failed.length ? `, ${r.failed.length} failed` : ''}.`,
                )
                return {
                  label: 're-clean',
                  undo: async () => notify('A re-clean cannot be undone; your originals are unchanged.'),
                  redo: () => api['articles.reclean']({}),
                }
              },
            )
          }}
        >
          Re-clean
        </button>
        <button type="button" className="primary" onClick={() => picker.current?.click()}>
          Import…
        </button>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          data-testid="file-picker"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? [])
            e.target.value = ''
            void onImport(files)
          }}
        />
      </div>
      {attention && listed.length > 1 ? (
        <p className="range-filter">
          To fill in many at once, tick the articles (the box in the header ticks all of them), then choose Set date or Set outlet.
        </p>
      ) : null}
      <DateRangeNotice>
        {(period) => (
          <>
            Showing articles published {period} (chosen on the <a href="#/timeline">Timeline</a>).
          </>
        )}
      </DateRangeNotice>
      {chosen.length ? <LibraryBulk selected={chosen} titleOf={titleOf} onClear={() => setSelected([])} /> : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {query.trim() && hits ? (
        <SearchResults hits={hits} query={query.trim()} />
      ) : articles === null ? (
        <p className="muted">Loading…</p>
      ) : articles.length === 0 && themeId !== undefined ? (
        <div className="empty">
          <h2>No article has passages coded with this theme yet</h2>
          <p>Highlight passages in the Reader, or choose All articles.</p>
        </div>
      ) : articles.length === 0 ? (
        <div className="empty">
          <h2>Your library is empty</h2>
          <p>
            Drop article files anywhere in this window, or choose Import… Parley reads plain text, Markdown and saved web pages, and cleans
            away page furniture.
          </p>
        </div>
      ) : (
        <table className="articles" aria-label="Articles" aria-rowcount={listed.length + 1} ref={setTable}>
          <thead>
            <tr>
              <th className="col-pick">
                <input
                  type="checkbox"
                  aria-label={allPicked ? 'Clear the selection' : `Select all ${listed.length} articles listed`}
                  checked={allPicked}
                  onChange={(e) => setSelected(e.target.checked ? listed.map((a) => a.id) : [])}
                />
              </th>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={c.className}
                  aria-sort={sort === c.key ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" onClick={() => toggleSort(c.key)}>
                    {c.label}
                    <span className="sort-mark" aria-hidden>
                      {sort === c.key ? (direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.before > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={COLUMNS.length + 1} style={{ height: rows.before, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {listed.slice(rows.start, rows.end).map((a, i) => (
              <ArticleRow
                key={(rows.start + i) % rows.slots}
                article={a}
                rowIndex={rows.start + i + 2}
                picked={picked.has(a.id)}
                onPick={pick}
              />
            ))}
            {rows.after > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={COLUMNS.length + 1} style={{ height: rows.after, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      )}
    </div>
  )
}

function SearchResults({ hits, query }: { hits: SearchHit[]; query: string }): React.JSX.Element {
  if (hits.length === 0) {
    return (
      <div className="empty">
        <h2>No articles match “{query}”</h2>
        <p>Try fewer words, or end a word with * to match its beginning (embass*).</p>
      </div>
    )
  }
  return (
    <>
      <p className="hits-count" role="status">
        {hits.length === 100 ? 'The 100 best matches' : `${hits.length} article${hits.length === 1 ? '' : 's'} match`}
      </p>
      <ol className="hits" aria-label="Search results">
        {hits.map((h) => (
          <li key={h.id}>
            <a href={`#/article/${h.id}`} className="hit-title">
              <Snippet parts={h.title} />
            </a>
            <div className="hit-meta">
              {h.outlet ?? 'Unknown outlet'} · {formatDate(h.published)}
            </div>
            <p className="hit-snippet">
              <Snippet parts={h.snippet} />
            </p>
          </li>
        ))}
      </ol>
    </>
  )
}
