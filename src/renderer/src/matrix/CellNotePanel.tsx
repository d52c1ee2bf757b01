import { useCallback, useEffect, useRef, useState } from 'react'
import type { MatrixEvidence, Note } from '@shared/model'
import type { EvidenceData } from '@shared/editor/EvidenceNode'
import { api, errorMessage } from '../api'
import { INSERT_EVIDENCE_EVENT, NoteEditor, type SaveState } from '../editor/NoteEditor'
import { formatDate } from '../format'
import { NOTE_SAVED, openBeside } from '../navigation'

const SAVE_LABEL: Record<SaveState, string> = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' }

interface Props {
  roundId: number
  themeId: number
  label: string
  /** The cell's evidence (null while it is on its way): each passage can be quoted into the note. */
  evidence: MatrixEvidence[] | null
  /** Called once the cell's note exists (it may be created on opening). */
  onCreated: () => void
  onClose: () => void
}

/**
 * A cell's note written inside the Matrix (issue 18, item 5): the note's editor beside the cell's
 * evidence, each passage one click from being quoted at the caret, without leaving the grid.
 */
/** The titles of these articles (those that exist; a deleted one has none to cite). */
async function articleTitles(ids: number[]): Promise<Map<number, string>> {
  try {
    const found = await api['links.resolve']({ refs: ids.map((id) => ({ kind: 'article' as const, id })) })
    return new Map(found.flatMap((r) => (r.title && !r.deleted ? [[r.id, r.title] as const] : [])))
  } catch {
    return new Map()
  }
}

export function CellNotePanel({ roundId, themeId, label, evidence, onCreated, onClose }: Props): React.JSX.Element {
  const [note, setNote] = useState<Note | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [save, setSave] = useState<{ state: SaveState; message?: string }>({ state: 'saved' })

  useEffect(() => {
    let live = true
    api['notes.cell']({ roundId, themeId }).then(
      (n) => {
        if (!live) return
        setNote(n)
        onCreated()
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
    // onCreated is the Matrix's callback; asking again when it changes would recreate nothing but cost a call.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roundId, themeId])

  useEffect(() => {
    const key = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', key)
    return () => window.removeEventListener('keydown', key)
  }, [onClose])

  const onSaved = useCallback((state: SaveState, message?: string) => {
    setSave({ state, message })
    // The cell's excerpt follows what was written (the Matrix listens for this, as for the Notes view).
    if (state === 'saved') window.dispatchEvent(new CustomEvent(NOTE_SAVED))
  }, [])

  // The evidence's article titles (the Matrix's evidence carries outlet and date, not the title): a
  // quote cites its article as one quoted from the Reader does, so the note and its export name it.
  const [titles, setTitles] = useState<ReadonlyMap<number, string>>(new Map())
  const asked = useRef(new Set<number>())
  useEffect(() => {
    // Each article asked once (one without a title, or a failed call, is not asked again in a loop).
    const wanted = [...new Set((evidence ?? []).map((e) => e.articleId))].filter((id) => !asked.current.has(id))
    if (wanted.length === 0) return
    wanted.forEach((id) => asked.current.add(id))
    void articleTitles(wanted).then((found) => found.size > 0 && setTitles((prev) => new Map([...prev, ...found])))
  }, [evidence])

  const quote = async (e: MatrixEvidence): Promise<void> => {
    // Asked for the moment it is missing (clicked before the titles came): never quoted without one.
    const title = titles.get(e.articleId) ?? (await articleTitles([e.articleId])).get(e.articleId) ?? ''
    const data: EvidenceData = {
      highlightId: e.highlightId,
      articleId: e.articleId,
      text: e.text,
      title,
      outlet: e.outlet,
      published: e.published,
    }
    window.dispatchEvent(new CustomEvent(INSERT_EVIDENCE_EVENT, { detail: data }))
  }

  return (
    <section className="cell-note-panel" role="dialog" aria-label={`Cell note: ${label}`} data-testid="cell-note-panel">
      <header className="cell-note-panel-head">
        <h2>{label}</h2>
        <span role="status" className={`small save-${save.state}`} title={save.message}>
          {SAVE_LABEL[save.state]}
        </span>
        {note ? (
          <button type="button" className="link small" onClick={() => openBeside(`#/notes/${note.id}`)}>
            Open in Notes
          </button>
        ) : null}
        <button type="button" className="link small" onClick={onClose} aria-label="Close the cell note">
          Close
        </button>
      </header>
      <div className="cell-note-panel-body">
        <div className="cell-note-panel-editor">
          {error ? <p role="alert">{error}</p> : null}
          {note ? <NoteEditor key={note.id} note={note} onSaved={onSaved} /> : error ? null : <p className="muted">Opening the note…</p>}
        </div>
        <aside className="cell-note-panel-evidence" aria-label="Evidence in this cell">
          <h3 className="small">Evidence</h3>
          {evidence === null ? <p className="muted small">Loading the passages…</p> : null}
          {evidence !== null && evidence.length === 0 ? <p className="muted small">No coded passage in this cell yet.</p> : null}
          <ul>
            {(evidence ?? []).map((e) => (
              <li key={e.highlightId}>
                <p className="evidence-text">{e.text.length > 220 ? `${e.text.slice(0, 220)}…` : e.text}</p>
                <span className="small muted">
                  {titles.get(e.articleId) ? `${titles.get(e.articleId)} · ` : ''}
                  {e.outlet ?? 'Unknown outlet'}
                  {e.published ? ` · ${formatDate(e.published)}` : ''}
                </span>{' '}
                <button type="button" className="link small" onClick={() => void quote(e)} aria-label={`Quote: ${e.text.slice(0, 40)}`}>
                  Quote
                </button>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </section>
  )
}
