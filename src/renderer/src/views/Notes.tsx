import { useCallback, useEffect, useState } from 'react'
import type { Highlight, Note, NoteSummary, SearchHit } from '@shared/model'
import { api, errorMessage } from '../api'
import { Backlinks } from '../components/Backlinks'
import { HIGHLIGHT_DRAG_TYPE, INSERT_EVIDENCE_EVENT, NoteEditor, type SaveState } from '../editor/NoteEditor'
import { formatDate } from '../format'
import { useNotebook } from '../state/notebook'
import { NOTE_SAVED } from '../navigation'

const SAVE_LABEL: Record<SaveState, string> = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' }

function relative(iso: string): string {
  const seconds = (Date.now() - new Date(iso).getTime()) / 1000
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
  if (seconds < 60) return 'just now'
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), 'minute')
  if (seconds < 86400) return rtf.format(-Math.round(seconds / 3600), 'hour')
  return rtf.format(-Math.round(seconds / 86400), 'day')
}

/** Highlights to drag into the note: search articles, then drag a passage (or click Insert). */
function EvidenceSidebar(): React.JSX.Element {
  const { themes } = useNotebook()
  const [query, setQuery] = useState('')
  const [articles, setArticles] = useState<Array<{ id: number; title: string; outlet: string | null; published: string | null }>>([])
  const [open, setOpen] = useState<number | null>(null)
  const [highlights, setHighlights] = useState<Highlight[]>([])
  useEffect(() => {
    let live = true
    const load = query.trim()
      ? api['articles.search']({ query, limit: 20 }).then((hits: SearchHit[]) =>
          hits.map((h) => ({ id: h.id, title: h.title.map((p) => p.text).join(''), outlet: h.outlet, published: h.published })),
        )
      : api['articles.list']({ sort: 'published', direction: 'desc' })
    void load.then((list) => live && setArticles(list))
    return () => {
      live = false
    }
  }, [query])
  useEffect(() => {
    if (open === null) return
    let live = true
    void api['highlights.list']({ articleId: open }).then((list) => live && setHighlights(list))
    return () => {
      live = false
    }
  }, [open])
  const article = articles.find((a) => a.id === open)
  return (
    <aside className="evidence-sidebar" aria-label="Evidence">
      <h3>Evidence</h3>
      <input
        type="search"
        aria-label="Find an article"
        placeholder="Find an article…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="evidence-articles">
        {articles.slice(0, 30).map((a) => (
          <li key={a.id}>
            <button type="button" className="link" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? null : a.id)}>
              {a.title}
            </button>
            {open === a.id ? (
              highlights.length === 0 ? (
                <p className="muted small">No highlights in this article yet.</p>
              ) : (
                <ul className="evidence-highlights">
                  {highlights.map((h) => {
                    const data = {
                      highlightId: h.id,
                      articleId: h.articleId,
                      text: h.exact,
                      title: article?.title ?? '',
                      outlet: article?.outlet ?? null,
                      published: article?.published ?? null,
                    }
                    return (
                      <li
                        key={h.id}
                        draggable
                        onDragStart={(e) => e.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify(data))}
                        title="Drag into the note, or use Insert"
                      >
                        <span className={`swatch swatch-${h.themeId ?? 'none'}`} aria-hidden />{' '}
                        <span className="evidence-text">{h.exact.length > 160 ? `${h.exact.slice(0, 160)}…` : h.exact}</span>{' '}
                        <button
                          type="button"
                          className="link small"
                          onClick={() => window.dispatchEvent(new CustomEvent(INSERT_EVIDENCE_EVENT, { detail: data }))}
                          aria-label={`Insert quote: ${h.exact.slice(0, 40)}`}
                        >
                          Insert
                        </button>
                        <span className="muted small"> {themes.find((t) => t.id === h.themeId)?.name ?? ''}</span>
                      </li>
                    )
                  })}
                </ul>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  )
}

export function Notes({ id }: { id: number | null }): React.JSX.Element {
  const { revision, perform, notify } = useNotebook()
  const [query, setQuery] = useState('')
  const [list, setList] = useState<NoteSummary[] | null>(null)
  const [note, setNote] = useState<Note | null>(null)
  const [title, setTitle] = useState('')
  const [save, setSave] = useState<{ state: SaveState; message?: string }>({ state: 'saved' })
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    const t = setTimeout(
      () => void api['notes.list']({ query: query.trim() || undefined }).then((l) => live && setList(l)),
      query ? 150 : 0,
    )
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [query, revision, save.state])

  // Load the note when the route changes (not on every change elsewhere: the editor owns its text).
  useEffect(() => {
    if (id === null) return
    let live = true
    api['notes.get']({ id }).then(
      (n) => {
        if (!live) return
        setNote(n)
        setTitle(n.title)
        setError(null)
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [id])

  const onSaved = useCallback((state: SaveState, message?: string) => {
    setSave({ state, message })
    // Views that show a note's text (a Matrix cell beside this note) refresh it; a save does not
    // bump the notebook's revision, which would refetch every view on each keystroke's autosave.
    if (state === 'saved') window.dispatchEvent(new CustomEvent(NOTE_SAVED))
  }, [])

  const create = async (): Promise<void> => {
    const created = await perform(
      () => api['notes.create']({}),
      (n) => ({ label: 'new note', undo: () => api['notes.delete']({ id: n.id }), redo: () => api['notes.restore']({ id: n.id }) }),
    )
    if (created) location.hash = `#/notes/${created.id}`
  }
  const remove = async (target: NoteSummary): Promise<void> => {
    const done = await perform(
      () => api['notes.delete']({ id: target.id }),
      () => ({
        label: `delete note ${target.title}`,
        undo: () => api['notes.restore']({ id: target.id }),
        redo: () => api['notes.delete']({ id: target.id }),
      }),
    )
    if (done) {
      notify(`Deleted “${target.title}”. Press Ctrl+Z to undo.`, 'info', true)
      location.hash = '#/notes'
    }
  }
  const rename = async (): Promise<void> => {
    if (!note || title.trim() === note.title) return
    setSave({ state: 'saving' })
    try {
      await api['notes.save']({ id: note.id, title: title.trim() || 'Untitled note' })
      setSave({ state: 'saved' })
    } catch (e) {
      setSave({ state: 'error', message: errorMessage(e) })
    }
  }

  return (
    <div className="notes-layout">
      <aside className="notes-list" aria-label="Notes">
        <div className="notes-list-head">
          <input
            type="search"
            aria-label="Search notes"
            placeholder="Search notes"
            title="Search notes"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" className="primary" onClick={() => void create()}>
            New note
          </button>
        </div>
        {list === null ? null : list.length === 0 ? (
          <p className="muted small panel-empty">
            {query
              ? `No note mentions “${query}”.`
              : 'No notes yet. Create one to write up what a round achieved, quoting the passages that prove it.'}
          </p>
        ) : (
          <ul>
            {list.map((n) => (
              <li key={n.id} aria-current={n.id === id ? 'true' : undefined}>
                <a href={`#/notes/${n.id}`}>
                  <span className="note-title" title={n.title}>
                    {n.title}
                  </span>
                  <span className="muted small">{relative(n.updatedAt)}</span>
                  <span className="note-excerpt small muted">{n.excerpt || 'Empty note'}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </aside>
      {id === null ? (
        <div className="empty">
          <h2>Choose a note or start a new one</h2>
          <p>Notes quote highlights and link to articles, rounds, themes and other notes. Type [[ in a note to link.</p>
        </div>
      ) : error ? (
        <div className="empty">
          <h2>This note cannot be shown</h2>
          <p>{error}</p>
        </div>
      ) : !note ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <section className="note-pane" aria-label="Note">
            <div className="note-head">
              <input
                className="note-title-input"
                aria-label="Note title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                onBlur={() => void rename()}
                onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
              />
              <span className={`save-state save-${save.state}`} role="status" title={save.message}>
                {SAVE_LABEL[save.state]}
                {save.state === 'error' && save.message ? `: ${save.message}` : ''}
              </span>
              <button type="button" className="danger" onClick={() => void remove(note)}>
                Delete
              </button>
            </div>
            <p className="muted small">
              Created {formatDate(note.createdAt.slice(0, 10))} · updated {relative(note.updatedAt)}
            </p>
            <NoteEditor key={note.id} note={note} onSaved={onSaved} />
            <Backlinks kind="note" id={note.id} />
          </section>
          <EvidenceSidebar />
        </>
      )}
    </div>
  )
}
