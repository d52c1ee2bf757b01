import { useCallback, useEffect, useRef, useState } from 'react'
import type { Highlight, Suggestion } from '@shared/model'
import { fileName, formatCount, formatDate } from '../format'
import { ArticleText, type ArticleTextHandle, type Span } from '../reading/ArticleText'
import { ArticleDetails } from '../reading/ArticleDetails'
import { CodingPanel } from '../reading/CodingPanel'
import { Removed } from '../reading/Removed'
import { Versions } from '../reading/Versions'
import { FindBar } from '../reading/FindBar'
import { HighlightPopover } from '../reading/HighlightPopover'
import { FocusScope } from '../components/focusTrap'
import { SelectionToolbar } from '../reading/SelectionToolbar'
import { themeKeyIndex, useTagSelection } from '../reading/codingKeys'
import { useArticleCoding } from '../reading/useArticleCoding'
import { acceptSuggestion, deleteHighlight, rejectSuggestion, resizeHighlight, updateHighlight } from '../state/coding'
import { useNotebook } from '../state/notebook'
import { useArticleActions } from '../state/articles'
import { api, errorMessage } from '../api'

/** The imported file's name when it reads as words; a hash- or number-like name becomes "Imported file". */
function readableName(name: string): string {
  const stem = name.replace(/\.[a-z0-9]{1,5}$/i, '')
  return /^[0-9a-f_-]{8,}$/i.test(stem) || !/[a-z]{3}/i.test(stem) ? 'Imported file' : name
}

export function Reader({ id, highlightId = null }: { id: number; highlightId?: number | null }): React.JSX.Element {
  const { themes, perform } = useNotebook()
  const { article, highlights, suggestions, error } = useArticleCoding(id)
  const { remove } = useArticleActions()
  const [original, setOriginal] = useState(false)
  const [editing, setEditing] = useState(false)
  const [selection, setSelection] = useState<Span | null>(null)
  const [selectionRect, setSelectionRect] = useState<DOMRect | null>(null)
  const [openId, setOpenId] = useState<number | null>(null)
  const [openRect, setOpenRect] = useState<DOMRect | null>(null)
  const [focus, setFocus] = useState<Span | null>(null)
  const [finding, setFinding] = useState(false)
  const [find, setFind] = useState<{ matches: Span[]; active: Span | null }>({ matches: [], active: null })
  const text = useRef<ArticleTextHandle>(null)
  const open = highlights.find((h) => h.id === openId) ?? null

  const tag = useTagSelection(article?.id ?? null, selection, setSelection)

  // F7: select with the keyboard (the article text takes focus; arrows select sentences).
  useEffect(() => {
    const onF7 = (e: KeyboardEvent): void => {
      if (e.key !== 'F7') return
      e.preventDefault()
      text.current?.element()?.focus()
    }
    window.addEventListener('keydown', onF7)
    return () => window.removeEventListener('keydown', onF7)
  }, [])
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault()
        setFinding(true)
        return
      }
      if (e.key === 'Escape') {
        setOpenId(null)
        setSelection(null)
      }
      const i = selection ? themeKeyIndex(e, themes.length) : null
      if (i !== null) {
        e.preventDefault()
        void tag(themes[i]!.id)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [selection, themes, tag])

  const show = (span: Span, highlight?: Highlight): void => {
    text.current?.scrollTo(span)
    setFocus(span)
    setOpenId(highlight?.id ?? null)
    setOpenRect(highlight ? (text.current?.rectOf(span) ?? null) : null)
    setTimeout(() => setFocus(null), 1600)
  }

  // Opened at a passage (from a quote or a matrix cell): scroll to it and show it, once.
  const shownFromRoute = useRef(false)
  useEffect(() => {
    if (highlightId === null || shownFromRoute.current) return
    const target = highlights.find((h) => h.id === highlightId)
    if (!target) return
    shownFromRoute.current = true
    requestAnimationFrame(() => show(target, target))
  })

  const onFind = useCallback((matches: Span[][], active: { text: number; span: Span } | null) => {
    setFind({ matches: matches[0] ?? [], active: active?.span ?? null })
    if (active) text.current?.scrollTo(active.span)
  }, [])

  if (error) {
    return (
      <div className="reader">
        <a href="#/library" className="back">
          ← Library
        </a>
        <DeletedArticle id={id} error={error} />
      </div>
    )
  }
  if (!article) return <p className="muted">Loading…</p>

  const accept = (s: Suggestion): void => {
    const a = acceptSuggestion(s)
    void perform(a.run, a.undoable)
  }
  const reject = (s: Suggestion): void => {
    const a = rejectSuggestion(s)
    void perform(a.run, a.undoable)
  }

  return (
    <div className="reader-layout">
      <article className="reader" aria-labelledby="article-title">
        <div className="reader-bar">
          <a href="#/library" className="back">
            ← Library
          </a>
          <div className="reader-actions">
            <a className="button" href={`#/compare/${article.id}`}>
              Compare…
            </a>
            <button
              type="button"
              className="danger"
              title="Delete this article with its highlights (Undo brings it back)"
              onClick={() => {
                void remove([article.id], `“${article.title}”`).then((done) => {
                  if (done) location.hash = '#/library'
                })
              }}
            >
              Delete
            </button>
            <div className="segmented" role="group" aria-label="Text shown">
              <button type="button" aria-pressed={!original} onClick={() => setOriginal(false)}>
                Clean text
              </button>
              <button type="button" aria-pressed={original} onClick={() => setOriginal(true)}>
                Original
              </button>
            </div>
          </div>
        </div>
        {finding && !original ? <FindBar texts={[article.body]} onChange={onFind} onClose={() => setFinding(false)} /> : null}
        <header className="article-head">
          <h1 id="article-title">{article.title}</h1>
          <p className="meta">
            <span className={article.outlet ? '' : 'missing'}>{article.outlet ?? 'Outlet not found'}</span>
            {/* "AFP via AFP" says nothing: the agency is named only when another outlet carries its story. */}
            {article.wire && article.wire !== article.outlet ? <span>{article.wire} story</span> : null}
            {article.author ? <span>by {article.author}</span> : null}
            <span className={article.published ? '' : 'missing'}>
              {article.published ? formatDate(article.published) : 'Date not found'}
            </span>
            <span>{formatCount(article.words)} words</span>
            {/* A file name made of a hash or a number says nothing; it stays on hover of "Imported file". */}
            <span title={article.sourceName}>{readableName(fileName(article.sourceName))}</span>
            <button type="button" className="link" onClick={() => setEditing(!editing)} aria-expanded={editing}>
              {article.needsAttention.length ? 'Add missing details' : 'Edit details'}
            </button>
          </p>
          {editing ? <ArticleDetails article={article} onClose={() => setEditing(false)} /> : null}
          <Versions id={article.id} />
        </header>
        {original ? (
          <>
            <Removed id={article.id} />
            <h3 className="raw-head">Original file</h3>
            <pre className="raw" data-testid="original">
              {article.raw}
            </pre>
          </>
        ) : (
          <ArticleText
            ref={text}
            body={article.body}
            highlights={highlights}
            suggestions={suggestions}
            focus={focus}
            find={finding ? find.matches : []}
            findActive={finding ? find.active : null}
            onSelectionChange={(span) => {
              setSelection(span)
              setSelectionRect(span ? (text.current?.rectOf(span) ?? null) : null)
              if (span) setOpenId(null)
            }}
            onClickOffset={(offset) => {
              const hit = highlights
                .filter((h) => h.start <= offset && offset < h.end)
                .sort((a, b) => a.end - a.start - (b.end - b.start))[0]
              setOpenId(hit?.id ?? null)
              setOpenRect(hit ? (text.current?.rectOf(hit) ?? null) : null)
            }}
          />
        )}
      </article>
      <CodingPanel
        articleId={article.id}
        themes={themes}
        highlights={highlights}
        suggestions={suggestions}
        onShow={show}
        onAccept={accept}
        onReject={reject}
      />
      {selection && selectionRect ? (
        <SelectionToolbar rect={selectionRect} themes={themes} onTag={(themeId, comment) => void tag(themeId, comment)} />
      ) : null}
      {open ? (
        <FocusScope onEscape={() => setOpenId(null)}>
          <HighlightPopover
            key={open.id + open.updatedAt}
            highlight={open}
            themes={themes}
            rect={openRect}
            bodyLength={article.body.length}
            onClose={() => setOpenId(null)}
            onRetheme={(themeId) => {
              const a = updateHighlight(open, { themeId })
              void perform(a.run, a.undoable)
            }}
            onComment={(comment) => {
              const a = updateHighlight(open, { comment })
              void perform(a.run, a.undoable)
            }}
            onResize={(change) => {
              const a = resizeHighlight(open, change)
              void perform(a.run, a.undoable)
            }}
            onDelete={() => {
              const a = deleteHighlight(open.id)
              void perform(a.run, a.undoable)
              setOpenId(null)
            }}
          />
        </FocusScope>
      ) : null}
    </div>
  )
}

/**
 * Why an article cannot be shown. One that was deleted (Back and links can still lead to it) says
 * so and can be brought back here, with everything that went with it.
 */
function DeletedArticle({ id, error }: { id: number; error: string }): React.JSX.Element {
  const { changed, notify } = useNotebook()
  const [was, setWas] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    api['links.resolve']({ refs: [{ kind: 'article', id }] }).then(
      ([r]) => live && setWas(r?.deleted ? (r.was ?? '') : null),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [id])
  if (was === null) {
    return (
      <div className="empty">
        <h2>This article cannot be shown</h2>
        <p>{error}</p>
      </div>
    )
  }
  return (
    <div className="empty">
      <h2>“{was}” was deleted</h2>
      <p>Its highlights, round memberships and note links were kept aside; bringing it back restores all of them.</p>
      <button
        type="button"
        className="primary"
        onClick={() => {
          api['articles.restore']({ ids: [id] }).then(
            (r) => {
              notify(`Brought back “${was}” with ${r.highlights} highlight${r.highlights === 1 ? '' : 's'}.`)
              changed()
            },
            (e: unknown) => notify(errorMessage(e), 'error'),
          )
        }}
      >
        Bring it back
      </button>
    </div>
  )
}
