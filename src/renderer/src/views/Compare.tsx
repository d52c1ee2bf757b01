import { createRef, useCallback, useEffect, useMemo, useState, type RefObject } from 'react'
import { Group, Panel, Separator } from 'react-resizable-panels'
import type { Highlight, Suggestion } from '@shared/model'
import { formatDate } from '../format'
import { ArticlePicker } from '../reading/ArticlePicker'
import { ArticleText, type ArticleTextHandle, type Span } from '../reading/ArticleText'
import { FindBar } from '../reading/FindBar'
import { useArticleCoding } from '../reading/useArticleCoding'
import { useNotebook } from '../state/notebook'
import { MentionDecision } from '../reading/MentionDecision'
import { SelectionToolbar } from '../reading/SelectionToolbar'
import { useSelectionKeys, useTagSelection } from '../reading/codingKeys'
import { QuoteInNote } from '../components/QuoteInNote'
import { FocusScope } from '../components/focusTrap'
import { columnOf, parentName, ThemeButtonLabel } from '../reading/subThemes'

const MAX_COLUMNS = 4

export const compareHref = (ids: number[]): string => `#/compare/${ids.join(',')}`

interface ColumnProps {
  id: number
  index: number
  textRef: RefObject<ArticleTextHandle | null>
  themeFilter: number | null
  /** The themes the filter shows: the theme and, for a top-level theme, its sub-themes (as its Matrix column counts them). */
  members: ReadonlySet<number> | null
  position: number
  find: { matches: Span[]; active: Span | null }
  pinned: Span | null
  onHighlights: (index: number, list: Highlight[]) => void
  onSwap: () => void
  onRemove: (() => void) | null
}

function Column({
  id,
  index,
  textRef,
  themeFilter,
  members,
  position,
  find,
  pinned,
  onHighlights,
  onSwap,
  onRemove,
}: ColumnProps): React.JSX.Element {
  const { article, highlights, suggestions, error } = useArticleCoding(id)
  const { themes } = useNotebook()
  useEffect(() => onHighlights(index, highlights), [index, highlights, onHighlights])
  const passages = members === null ? highlights : highlights.filter((h) => h.themeId !== null && members.has(h.themeId))
  // With a theme filter, the sentences the theme's suggestions find are shown beside the coded
  // passages ("mentioned, not coded"), marked as suggestions, each one click from accept or reject.
  // A sentence already coded with the theme is a passage, no longer a mention.
  const mentioned =
    members === null
      ? []
      : suggestions.filter(
          (s) => members.has(s.themeId) && !highlights.some((h) => h.themeId === s.themeId && h.start < s.end && s.start < h.end),
        )
  const [clicked, setClicked] = useState<Highlight | null>(null)
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null)
  const [selection, setSelection] = useState<Span | null>(null)
  const [selectionRect, setSelectionRect] = useState<DOMRect | null>(null)
  const current = position >= 0 ? (passages[Math.min(position, passages.length - 1)] ?? null) : null

  // Coding in Compare works as in the Reader: the selection toolbar, keys 1–9, Ctrl/Cmd+Z.
  const tag = useTagSelection(article?.id ?? null, selection, setSelection)
  useSelectionKeys(selection, setSelection, themes, tag)
  const none = members !== null && passages.length === 0 && mentioned.length === 0
  return (
    <section className={`compare-column${none ? ' none' : ''}`} aria-label={article?.title ?? 'Article'} data-testid="compare-column">
      <header className="compare-head">
        <div className="compare-title" title={article?.title}>
          {article ? <a href={`#/article/${article.id}`}>{article.title}</a> : error ? <span className="error">{error}</span> : 'Loading…'}
        </div>
        <div className="muted small">
          {article?.outlet ?? 'Unknown outlet'} · {formatDate(article?.published ?? null)} ·{' '}
          {themeFilter === null
            ? `${highlights.length} highlights`
            : `${passages.length} ${themes.find((t) => t.id === themeFilter)?.name ?? ''} passage${passages.length === 1 ? '' : 's'}`}
          {mentioned.length ? <span className="compare-mentioned"> · {mentioned.length} mentioned, not coded</span> : null}
        </div>
        <div className="compare-tools">
          <button type="button" className="link" onClick={onSwap}>
            Swap…
          </button>
          {onRemove ? (
            <button type="button" className="link" onClick={onRemove}>
              Remove
            </button>
          ) : null}
        </div>
      </header>
      {/* Focusable, so the column scrolls with the keyboard too. */}
      <div className="compare-scroll" tabIndex={0}>
        {article ? (
          <ArticleText
            ref={textRef}
            body={article.body}
            highlights={highlights}
            suggestions={mentioned}
            focus={current ?? pinned}
            find={find.matches}
            findActive={find.active}
            testId={`compare-body-${index}`}
            onSelectionChange={(span) => {
              setSelection(span)
              setSelectionRect(span ? (textRef.current?.rectOf(span) ?? null) : null)
              if (span) {
                setClicked(null)
                setSuggestion(null)
              }
            }}
            onClickOffset={(offset) => {
              const hit =
                highlights.filter((h) => h.start <= offset && offset < h.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null
              setClicked(hit)
              setSuggestion(hit ? null : (mentioned.find((s) => s.start <= offset && offset < s.end) ?? null))
            }}
          />
        ) : null}
        {clicked ? (
          <FocusScope onEscape={() => setClicked(null)}>
            <div className="compare-card" role="dialog" aria-label="Passage">
              <div className="popover-head">
                <strong>
                  <span className={`swatch swatch-${clicked.themeId ?? 'none'}`} aria-hidden />{' '}
                  {themes.find((t) => t.id === clicked.themeId)?.name ?? 'No theme'}
                </strong>
                <button type="button" className="link" onClick={() => setClicked(null)} aria-label="Close">
                  ✕
                </button>
              </div>
              <blockquote className="popover-quote">{clicked.exact}</blockquote>
              <div className="popover-actions">
                <QuoteInNote highlightId={clicked.id} />
                <a href={`#/article/${clicked.articleId}/h/${clicked.id}`}>Open in Reader</a>
              </div>
            </div>
          </FocusScope>
        ) : null}
        {suggestion ? (
          <FocusScope onEscape={() => setSuggestion(null)}>
            <div className="compare-card" role="dialog" aria-label="Suggestion">
              <div className="popover-head">
                <strong>
                  <span className={`swatch swatch-${suggestion.themeId}`} aria-hidden />{' '}
                  {themes.find((t) => t.id === suggestion.themeId)?.name ?? ''}: mentioned, not coded
                </strong>
                <button type="button" className="link" onClick={() => setSuggestion(null)} aria-label="Close">
                  ✕
                </button>
              </div>
              <blockquote className="popover-quote">{suggestion.text}</blockquote>
              <div className="popover-actions">
                <MentionDecision suggestion={suggestion} onDecided={() => setSuggestion(null)} />
              </div>
            </div>
          </FocusScope>
        ) : null}
        {selection && selectionRect ? (
          <SelectionToolbar rect={selectionRect} themes={themes} onTag={(themeId, comment) => void tag(themeId, comment)} />
        ) : null}
      </div>
    </section>
  )
}

/** 2–4 articles side by side: resizable columns, a theme filter across all, and stepping through passages together. */
export function Compare({
  ids,
  highlightId = null,
  themeId = null,
}: {
  ids: number[]
  highlightId?: number | null
  /** Opened with a theme filter on (a Matrix cell's "mentioned, not coded"). */
  themeId?: number | null
}): React.JSX.Element {
  const { themes } = useNotebook()
  const [themeFilter, setThemeFilter] = useState<number | null>(themeId)
  const [step, setStep] = useState(-1)
  const [picking, setPicking] = useState<number | 'add' | null>(ids.length === 0 ? 'add' : null)
  const [finding, setFinding] = useState(false)
  const [find, setFind] = useState<Array<{ matches: Span[]; active: Span | null }>>([])
  const [texts, setTexts] = useState<string[]>([])
  const [columns, setColumns] = useState<Highlight[][]>([])
  const refs = useMemo(() => ids.map(() => createRef<ArticleTextHandle>()), [ids])

  const onHighlights = useCallback((index: number, list: Highlight[]) => {
    setColumns((prev) => {
      const next = [...prev]
      next[index] = list
      return next
    })
  }, [])
  // Opened from a matrix cell at a passage: show that passage in its column, once it has loaded.
  const [shown, setShown] = useState(false)
  const [focusSpan, setFocusSpan] = useState<{ column: number; span: Span } | null>(null)
  useEffect(() => {
    if (highlightId === null || shown) return
    columns.forEach((list, i) => {
      const target = list?.find((h) => h.id === highlightId)
      if (!target) return
      setShown(true)
      setFocusSpan({ column: i, span: target })
      requestAnimationFrame(() => refs[i]?.current?.scrollTo(target))
    })
  }, [columns, highlightId, shown, refs])
  // A top-level theme's filter takes in its sub-themes: a Matrix cell "mentioned" through a sub-theme
  // opens here with its parent's filter, and those sentences must be there.
  const members = useMemo(() => {
    if (themeFilter === null) return null
    const column = columnOf(themes)
    return new Set(themes.filter((t) => t.id === themeFilter || column.get(t.id) === themeFilter).map((t) => t.id))
  }, [themes, themeFilter])
  const passagesOf = (i: number): Highlight[] =>
    (columns[i] ?? []).filter((h) => members === null || (h.themeId !== null && members.has(h.themeId)))

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault()
        setTexts(refs.map((r) => r.current?.element()?.innerText ?? ''))
        setFinding(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [refs])

  const go = (next: number): void => {
    setStep(next)
    ids.forEach((_, i) => {
      const list = passagesOf(i)
      const target = list[Math.min(Math.max(0, next), list.length - 1)]
      if (target) refs[i]?.current?.scrollTo(target)
    })
  }
  const most = Math.max(0, ...ids.map((_, i) => passagesOf(i).length))

  const setIds = (next: number[]): void => {
    window.location.assign(compareHref(next))
  }

  return (
    <div className="compare" data-theme-filter={themeFilter ?? undefined}>
      <div className="compare-bar">
        <a href="#/library" className="back">
          ← Library
        </a>
        <div className="chips" role="group" aria-label="Theme filter">
          <button type="button" aria-pressed={themeFilter === null} onClick={() => (setThemeFilter(null), setStep(-1))}>
            All themes
          </button>
          {themes.map((t) => (
            <button
              key={t.id}
              type="button"
              aria-pressed={themeFilter === t.id}
              title={parentName(t, themes) ? `Sub-theme of ${parentName(t, themes)}` : undefined}
              onClick={() => (setThemeFilter(t.id), setStep(-1))}
            >
              <ThemeButtonLabel theme={t} themes={themes} />
            </button>
          ))}
        </div>
        <div className="stepper">
          <button type="button" onClick={() => go(step - 1)} disabled={step <= 0} aria-label="Previous passage">
            ← Previous passage
          </button>
          <span className="muted small" aria-live="polite">
            {step >= 0 ? `Passage ${step + 1} of ${most}` : `${most} passage${most === 1 ? '' : 's'} to step through together`}
          </span>
          <button type="button" onClick={() => go(step + 1)} disabled={step >= most - 1} aria-label="Next passage">
            Next passage →
          </button>
        </div>
        {ids.length < MAX_COLUMNS ? (
          <button type="button" onClick={() => setPicking('add')}>
            Add article
          </button>
        ) : null}
      </div>
      {finding ? (
        <FindBar
          texts={texts}
          onChange={(matches, active) => {
            setFind(ids.map((_, i) => ({ matches: matches[i] ?? [], active: active?.text === i ? active.span : null })))
            if (active) refs[active.text]?.current?.scrollTo(active.span)
          }}
          onClose={() => (setFinding(false), setFind([]))}
        />
      ) : null}
      {ids.length === 0 ? (
        <div className="empty">
          <h2>Choose articles to compare</h2>
          <p>Pick two to four articles; each gets a column that scrolls on its own.</p>
        </div>
      ) : (
        <Group orientation="horizontal" className="compare-columns">
          {ids.flatMap((id, i) => [
            i > 0 ? <Separator key={`sep-${id}-${i}`} className="compare-separator" /> : null,
            <Panel key={`${id}-${i}`} minSize={15} defaultSize={100 / ids.length}>
              <Column
                id={id}
                index={i}
                textRef={refs[i]!}
                themeFilter={themeFilter}
                members={members}
                position={step}
                find={find[i] ?? { matches: [], active: null }}
                pinned={focusSpan?.column === i ? focusSpan.span : null}
                onHighlights={onHighlights}
                onSwap={() => setPicking(i)}
                onRemove={ids.length > 1 ? () => setIds(ids.filter((_, j) => j !== i)) : null}
              />
            </Panel>,
          ])}
        </Group>
      )}
      {picking !== null ? (
        <div className="modal-backdrop">
          <ArticlePicker
            exclude={ids}
            onCancel={() => setPicking(null)}
            onPick={(picked) => {
              setPicking(null)
              setIds(picking === 'add' ? [...ids, picked].slice(0, MAX_COLUMNS) : ids.map((x, j) => (j === picking ? picked : x)))
            }}
          />
        </div>
      ) : null}
    </div>
  )
}
