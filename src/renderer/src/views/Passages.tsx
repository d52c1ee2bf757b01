import { useCallback, useEffect, useState } from 'react'
import type { ArticleSummary, PassageList, PassageRow, PassageSort, Round, Suggestion } from '@shared/model'
import { api, errorMessage } from '../api'
import { formatDate } from '../format'
import { navigate } from '../navigation'
import { useNotebook } from '../state/notebook'
import { createHighlight } from '../state/coding'
import { MentionDecision } from '../reading/MentionDecision'
import { SelectionToolbar } from '../reading/SelectionToolbar'
import { useSelectionKeys } from '../reading/codingKeys'
import { themeOptionLabel } from '../reading/subThemes'
import { PassagesCodebook } from './PassagesCodebook'
import type { PassageLink } from '@shared/contract-claims'
import { LinkBadges } from '../claims/LinkBadges'

/** The filters last used, kept for the session (the view is left for the Reader and come back to). */
let kept: { roundId: string; outlet: string | null; from: string; to: string; sort: PassageSort } = {
  roundId: '',
  outlet: null,
  from: '',
  to: '',
  sort: 'date',
}

interface PassageSelection {
  articleId: number
  start: number
  end: number
  rect: DOMRect
}

/**
 * The selection inside one passage or mention (an element marked data-codable with its article and
 * its start offset in the article's body), as offsets in the article; null for any other selection.
 */
function codableSelection(): PassageSelection | null {
  const s = window.getSelection()
  if (!s || s.isCollapsed || s.rangeCount === 0) return null
  const range = s.getRangeAt(0)
  const node = range.commonAncestorContainer
  const host = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-codable]')
  if (!host) return null
  const before = document.createRange()
  before.selectNodeContents(host)
  before.setEnd(range.startContainer, range.startOffset)
  const text = range.toString()
  // Spaces at either end of a drag are not part of the passage to code.
  const lead = text.length - text.trimStart().length
  const start = before.toString().length + lead
  const end = start + text.trim().length
  if (end <= start) return null
  const base = Number(host.dataset.start)
  return { articleId: Number(host.dataset.article), start: base + start, end: base + end, rect: range.getBoundingClientRect() }
}

const plural = (n: number, word: string): string => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`

/** The order passages.list sorts by (highlights/passages.ts ORDER), to merge a theme's list with its sub-themes'. */
function comparePassages(sort: PassageSort, themeRank: (id: number) => number): (a: PassageRow, b: PassageRow) => number {
  const text = (x: string | null, y: string | null): number =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : x.localeCompare(y, undefined, { sensitivity: 'accent' })
  const rest = (a: PassageRow, b: PassageRow): number => text(a.published, b.published) || a.articleId - b.articleId || a.start - b.start
  switch (sort) {
    case 'article':
      return (a, b) =>
        a.articleTitle.localeCompare(b.articleTitle, undefined, { sensitivity: 'accent' }) || a.articleId - b.articleId || a.start - b.start
    case 'outlet':
      return (a, b) => text(a.outlet, b.outlet) || rest(a, b)
    case 'theme':
      return (a, b) => themeRank(a.themeId) - themeRank(b.themeId) || rest(a, b)
    default:
      return rest
  }
}

/** One list from a theme's and its sub-themes' lists: passages in the same order, totals and outlets summed. */
function mergeLists(lists: PassageList[], sort: PassageSort, themeRank: (id: number) => number, limit: number): PassageList {
  const outlets = new Map<string, number>()
  for (const l of lists) for (const o of l.outlets) outlets.set(o.outlet, (outlets.get(o.outlet) ?? 0) + o.passages)
  return {
    passages: lists
      .flatMap((l) => l.passages)
      .sort(comparePassages(sort, themeRank))
      .slice(0, limit),
    total: lists.reduce((n, l) => n + l.total, 0),
    outlets: [...outlets]
      .map(([outlet, passages]) => ({ outlet, passages }))
      .sort((a, b) => b.passages - a.passages || a.outlet.localeCompare(b.outlet)),
    articles: lists[0]?.articles ?? 0,
    byTheme: lists[0]?.byTheme ?? [],
  }
}

/** passages.list's default limit: the merged list stops at the same length. */
const LIST_LIMIT = 500
/** Passages has filter drop-downs: a digit typed there is not a theme key. */
const DROP_DOWNS = ['SELECT']

/**
 * Every coded passage of a theme across the notebook (issue 18; MAXQDA's Retrieved Segments):
 * the codebook's home. Filter by theme, round, outlet and dates, sort, and open any passage in
 * the Reader at the passage.
 */
export function Passages({
  themeId,
  roundId: routeRound = null,
}: {
  themeId: number | null
  /** 'none': articles in no round (the Matrix's Unassigned row). */
  roundId?: number | 'none' | null
}): React.JSX.Element {
  const { themes, revision, perform } = useNotebook()
  // Coding here works as in the Reader and Compare (issue 18, item 4): select words of a passage or
  // a mention, then the selection toolbar, keys 1–9, Escape, and Ctrl/Cmd+Z through the notebook's undo.
  const [selection, setSelection] = useState<PassageSelection | null>(null)
  useEffect(() => {
    const update = (): void => setSelection(codableSelection())
    document.addEventListener('mouseup', update)
    document.addEventListener('keyup', update)
    // The toolbar stays by the words when the window is resized or the list scrolls.
    window.addEventListener('resize', update)
    document.addEventListener('scroll', update, true)
    return () => {
      document.removeEventListener('mouseup', update)
      document.removeEventListener('keyup', update)
      window.removeEventListener('resize', update)
      document.removeEventListener('scroll', update, true)
    }
  }, [])
  const tag = useCallback(
    async (chosen: number | null, comment?: string) => {
      if (!selection) return
      const action = createHighlight({
        articleId: selection.articleId,
        start: selection.start,
        end: selection.end,
        themeId: chosen,
        comment,
      })
      await perform(action.run, action.undoable)
      window.getSelection()?.removeAllRanges()
      setSelection(null)
    },
    [selection, perform],
  )
  // A digit typed in the filters' drop-downs picks an option there.
  useSelectionKeys(selection, setSelection, themes, tag, DROP_DOWNS)
  // A round in the address (from a Matrix cell) wins over the one last chosen here.
  const [roundId, setRoundId] = useState(routeRound !== null ? String(routeRound) : kept.roundId)
  const [outlet, setOutlet] = useState<string | null>(kept.outlet)
  const [from, setFrom] = useState(kept.from)
  const [to, setTo] = useState(kept.to)
  const [sort, setSort] = useState<PassageSort>(kept.sort)
  // Open in Reader, then Back: the list comes back as it was left.
  useEffect(() => {
    kept = { roundId, outlet, from, to, sort }
  }, [roundId, outlet, from, to, sort])
  const [list, setList] = useState<PassageList | null>(null)
  const [rounds, setRounds] = useState<Round[]>([])
  const [error, setError] = useState<string | null>(null)
  const theme = themes.find((t) => t.id === themeId) ?? null
  // A theme's passages include its sub-themes' (one level), as a parent code's retrieval does in a
  // codebook; the box shows the theme's own passages only.
  const children = theme ? themes.filter((t) => t.parentId === theme.id) : []
  const parent = theme?.parentId != null ? (themes.find((t) => t.id === theme.parentId) ?? null) : null
  const [withSubs, setWithSubs] = useState(true)
  const listed = theme && withSubs && children.length ? [theme.id, ...children.map((c) => c.id)] : null
  const listedKey = listed?.join(',') ?? ''

  useEffect(() => {
    api['rounds.list']({}).then(setRounds, () => setRounds([]))
  }, [revision])

  // Typed links of the listed passages (issue 21), shown under each, both ways.
  const [links, setLinks] = useState<Map<number, PassageLink[]>>(new Map())
  useEffect(() => {
    let live = true
    api['passageLinks.list']({ limit: 5000 }).then(
      (all) => {
        if (!live) return
        const by = new Map<number, PassageLink[]>()
        for (const l of all) for (const id of [l.from.highlightId, l.to.highlightId]) by.set(id, [...(by.get(id) ?? []), l])
        setLinks(by)
      },
      () => live && setLinks(new Map()),
    )
    return () => {
      live = false
    }
  }, [revision])

  useEffect(() => {
    let live = true
    const filter = {
      roundId: roundId && roundId !== 'none' ? Number(roundId) : undefined,
      unassigned: roundId === 'none' || undefined,
      outlet: outlet ?? undefined,
      from: from || undefined,
      to: to || undefined,
      sort,
    }
    const ids = listedKey ? listedKey.split(',').map(Number) : null
    const rank = (id: number): number => themes.findIndex((t) => t.id === id)
    const request = ids
      ? Promise.all(ids.map((id) => api['passages.list']({ ...filter, themeId: id }))).then((lists) =>
          mergeLists(lists, sort, rank, LIST_LIMIT),
        )
      : api['passages.list']({ ...filter, themeId: themeId ?? undefined })
    request.then(
      (l) => {
        if (!live) return
        setList(l)
        setError(null)
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
    // themes only matters through listedKey (and the theme sort's ranks, which follow revision).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [themeId, roundId, outlet, from, to, sort, revision, listedKey])

  const themeOf = (id: number) => themes.find((t) => t.id === id)
  const filtered = roundId !== '' || outlet !== null || from !== '' || to !== ''

  return (
    <div className="passages">
      {selection ? <SelectionToolbar rect={selection.rect} themes={themes} onTag={(chosen, comment) => void tag(chosen, comment)} /> : null}
      <header className="passages-head">
        <h1>
          {theme ? (
            <>
              <span className={`swatch swatch-${theme.id}`} aria-hidden /> {theme.name}
            </>
          ) : (
            'All coded passages'
          )}
        </h1>
        {theme ? (
          <p className="muted">
            {parent ? (
              <>
                Sub-theme of <a href={`#/passages/${parent.id}`}>{parent.name}</a> ·{' '}
              </>
            ) : null}
            {theme.description ? `${theme.description} · ` : ''}
            {themes.indexOf(theme) < 9 ? `key ${themes.indexOf(theme) + 1} in the Reader · ` : ''}
            <a href="#/themes">edit the theme</a>
          </p>
        ) : null}
        {theme && children.length ? (
          <div
            className="passages-subthemes"
            role="group"
            aria-label={`Sub-themes of ${theme.name}`}
            style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px', alignItems: 'center', margin: '6px 0 10px' }}
          >
            <span className="muted small">Sub-themes:</span>{' '}
            {children.map((c) => (
              <a key={c.id} className="small" href={`#/passages/${c.id}`} data-testid="subtheme-link">
                <span className={`swatch swatch-${c.id}`} aria-hidden /> {c.name} ({c.highlights})
              </a>
            ))}{' '}
            <label className="small">
              <input type="checkbox" checked={withSubs} onChange={(e) => setWithSubs(e.target.checked)} /> Include their passages
            </label>
          </div>
        ) : null}
      </header>
      <div className="passages-filters" role="group" aria-label="Filter passages">
        <label>
          Theme
          <select value={themeId ?? ''} onChange={(e) => navigate(e.target.value ? `#/passages/${e.target.value}` : '#/passages')}>
            <option value="">All themes</option>
            {themes.map((t) => (
              <option key={t.id} value={t.id}>
                {themeOptionLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Round
          <select value={roundId} onChange={(e) => setRoundId(e.target.value)}>
            <option value="">Any round</option>
            <option value="none">No round (unassigned)</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outlet
          <select value={outlet ?? '*'} onChange={(e) => setOutlet(e.target.value === '*' ? null : e.target.value)}>
            <option value="*">Any outlet</option>
            {(list?.outlets ?? []).map((o) => (
              <option key={o.outlet} value={o.outlet}>
                {o.outlet || 'Unknown outlet'} ({o.passages})
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          Sort by
          <select value={sort} onChange={(e) => setSort(e.target.value as PassageSort)}>
            <option value="date">Date</option>
            <option value="article">Article</option>
            <option value="outlet">Outlet</option>
            <option value="theme">Theme</option>
          </select>
        </label>
        {filtered ? (
          <button
            type="button"
            className="link"
            onClick={() => {
              setRoundId('')
              setOutlet(null)
              setFrom('')
              setTo('')
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {!theme && list ? <PassagesCodebook themes={themes} list={list} /> : null}
      {list === null ? (
        <p className="muted">Loading…</p>
      ) : list.passages.length === 0 ? (
        <div className="empty">
          <h2>
            {filtered ? 'No passage matches these filters' : theme ? `No passage is coded “${theme.name}” yet` : 'No passage is coded yet'}
          </h2>
          <p>Select text in the Reader{theme ? ' or in a mention below' : ''} and press a theme’s number key to code it.</p>
        </div>
      ) : (
        <>
          <p className="passages-count" role="status">
            {list.total > list.passages.length
              ? `The first ${plural(list.passages.length, 'passage')} of ${list.total.toLocaleString()}`
              : plural(list.total, 'passage')}
            {' in '}
            {plural(new Set(list.passages.map((p) => p.articleId)).size, 'article')}
          </p>
          <ol className="passage-list" aria-label="Passages">
            {list.passages.map((p) => {
              const t = themeOf(p.themeId)
              return (
                <li key={p.highlightId} className="passage-card">
                  <blockquote>
                    <span className={`swatch swatch-${p.themeId}`} aria-hidden />
                    <span data-codable data-article={p.articleId} data-start={p.start} data-testid="passage-text">
                      {p.exact}
                    </span>
                  </blockquote>
                  <PassageEdit passage={p} />
                  <LinkBadges highlightId={p.highlightId} links={links.get(p.highlightId) ?? []} />
                  <div className="passage-meta">
                    {t && (!theme || t.id !== theme.id) ? <span className="passage-theme">{t.name}</span> : null}
                    <span className="passage-article">{p.articleTitle}</span>
                    <span>{p.outlet ?? 'Unknown outlet'}</span>
                    <span>{p.published ? formatDate(p.published) : 'Undated'}</span>
                    {p.rounds.map((r) => (
                      <a key={r.id} href={`#/matrix/${r.id}`} className="passage-round">
                        {r.title}
                      </a>
                    ))}
                    {p.orphan ? <span className="attention">no longer found in the article</span> : null}
                    <a className="passage-open" href={`#/article/${p.articleId}/h/${p.highlightId}`}>
                      Open in Reader
                    </a>
                  </div>
                </li>
              )
            })}
          </ol>
        </>
      )}
      {theme && list ? <Mentions themeId={theme.id} roundId={roundId} outlet={outlet} from={from} to={to} coded={list.passages} /> : null}
    </div>
  )
}

/** Articles searched for mentions at most: each costs a suggestions call (a large notebook keeps the first ones). */
const MENTION_ARTICLES = 150

/**
 * The theme's "mentioned, not coded" sentences in the articles the filters select (the theme's
 * suggestions, rejected ones excluded), shown apart from the coded passages, each codable or
 * dismissible in place with Undo.
 */
function Mentions({
  themeId,
  roundId,
  outlet,
  from,
  to,
  coded,
}: {
  themeId: number
  roundId: string
  outlet: string | null
  from: string
  to: string
  coded: PassageRow[]
}): React.JSX.Element | null {
  const { revision } = useNotebook()
  const [found, setFound] = useState<{ mentions: Array<Suggestion & { article: ArticleSummary }>; searched: number; of: number } | null>(
    null,
  )
  useEffect(() => {
    let live = true
    void (async () => {
      const [articles, rounds] = await Promise.all([api['articles.list']({ sort: 'published', direction: 'asc' }), api['rounds.list']({})])
      const reporting = new Set(rounds.flatMap((r) => r.articles.filter((a) => a.role === 'reports').map((a) => a.articleId)))
      const inRound =
        roundId && roundId !== 'none' ? new Set(rounds.find((r) => r.id === Number(roundId))?.articles.map((a) => a.articleId)) : null
      const chosen = articles.filter(
        (a) =>
          (outlet === null || (a.outlet ?? '') === outlet) &&
          (!from || (a.published !== null && a.published >= from)) &&
          (!to || (a.published !== null && a.published <= to)) &&
          (roundId !== 'none' || !reporting.has(a.id)) &&
          (inRound === null || inRound.has(a.id)),
      )
      const searched = chosen.slice(0, MENTION_ARTICLES)
      const mentions: Array<Suggestion & { article: ArticleSummary }> = []
      // A few calls at a time: the bridge answers in order, and the list fills as they come.
      for (let i = 0; i < searched.length && live; i += 6) {
        const batch = searched.slice(i, i + 6)
        const answers = await Promise.all(batch.map((a) => api['suggestions.list']({ articleId: a.id, themeId })))
        answers.forEach((list, k) => list.forEach((s) => mentions.push({ ...s, article: batch[k] as ArticleSummary })))
      }
      if (live) setFound({ mentions, searched: searched.length, of: chosen.length })
    })().catch(() => live && setFound({ mentions: [], searched: 0, of: 0 }))
    return () => {
      live = false
    }
  }, [themeId, roundId, outlet, from, to, revision])

  // A sentence coded with the theme is a passage above, no longer a mention.
  const open = (found?.mentions ?? []).filter(
    (m) => !coded.some((p) => p.articleId === m.articleId && p.themeId === m.themeId && p.start < m.end && m.start < p.end),
  )
  return (
    <section className="mentions" aria-label="Mentioned, not coded">
      <h2>Mentioned, not coded {found ? <span className="muted">({open.length})</span> : null}</h2>
      {found === null ? (
        <p className="muted small">Looking for mentions…</p>
      ) : open.length === 0 ? (
        <p className="muted small">No sentence of these articles is suggested for this theme beyond what is coded.</p>
      ) : (
        <ol className="passage-list" aria-label="Mentions">
          {open.map((m) => (
            <li key={`${m.articleId}-${m.start}`} className="passage-card mention-card">
              <blockquote data-codable data-article={m.articleId} data-start={m.start} data-testid="mention-text">
                {m.text}
              </blockquote>
              <div className="passage-meta">
                <span className="passage-article">{m.article.title}</span>
                <span>{m.article.outlet ?? 'Unknown outlet'}</span>
                <span>{m.article.published ? formatDate(m.article.published) : 'Undated'}</span>
                <span>matched: {m.reason.terms.join(', ')}</span>
                <span className="mention-actions">
                  <MentionDecision suggestion={m} />
                  <a href={`#/article/${m.articleId}`}>Open in Reader</a>
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
      {found && found.of > found.searched ? (
        <p className="muted small">
          Mentions were looked for in the first {found.searched} of {found.of} articles (by date); narrow the filters to see the others.
        </p>
      ) : null}
    </section>
  )
}

/**
 * Re-theming and commenting in place, as in the Reader's popover: one call each, one Undo. The list
 * refreshes after the change (a passage moved to another theme leaves a theme's list).
 */
function PassageEdit({ passage: p }: { passage: PassageRow }): React.JSX.Element {
  const { themes, perform } = useNotebook()
  const [editing, setEditing] = useState(false)
  const [comment, setComment] = useState(p.comment)
  const change = (patch: { themeId?: number; comment?: string }, label: string): void => {
    const before = { themeId: p.themeId, comment: p.comment }
    void perform(
      () => api['highlights.update']({ id: p.highlightId, ...patch }),
      () => ({
        label,
        undo: () =>
          api['highlights.update']({
            id: p.highlightId,
            ...(patch.themeId !== undefined ? { themeId: before.themeId } : {}),
            ...(patch.comment !== undefined ? { comment: before.comment } : {}),
          }),
        redo: () => api['highlights.update']({ id: p.highlightId, ...patch }),
      }),
    )
  }
  return (
    <div className="passage-edit">
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            setEditing(false)
            if (comment !== p.comment) change({ comment }, 'comment')
          }}
        >
          <input
            autoFocus
            aria-label="Comment on this passage"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setComment(p.comment)
                setEditing(false)
              }
            }}
          />
          <button type="submit">Save</button>
        </form>
      ) : (
        <>
          {p.comment ? <p className="passage-comment">{p.comment}</p> : null}
          <button type="button" className="link small" onClick={() => setEditing(true)}>
            {p.comment ? 'Edit comment' : 'Comment'}
          </button>
        </>
      )}
      <select
        aria-label="Theme of this passage"
        className="small"
        value={p.themeId}
        onChange={(e) => change({ themeId: Number(e.target.value) }, 're-theme')}
      >
        {themes.map((t) => (
          <option key={t.id} value={t.id}>
            {themeOptionLabel(t)}
          </option>
        ))}
      </select>
    </div>
  )
}
