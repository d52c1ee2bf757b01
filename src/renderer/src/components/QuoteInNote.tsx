import { useState } from 'react'
import type { NoteSummary } from '@shared/model'
import { api, errorMessage } from '../api'
import { useNotebook } from '../state/notebook'

/** "Quote in note": appends the highlight as a quote to a recent note, or to a new one. */
export function QuoteInNote({ highlightId, compact = false }: { highlightId: number; compact?: boolean }): React.JSX.Element {
  const { notify, changed } = useNotebook()
  const [notes, setNotes] = useState<NoteSummary[] | null>(null)
  const open = (): void => void api['notes.list']({}).then((list) => setNotes(list.slice(0, 8)))
  const quote = async (noteId: number | null): Promise<void> => {
    try {
      const target = noteId ?? (await api['notes.create']({ title: 'Untitled note' })).id
      const note = await api['notes.appendQuote']({ noteId: target, highlightId })
      setNotes(null)
      changed()
      notify(`Quoted in “${note.title}”.`)
    } catch (e) {
      notify(errorMessage(e), 'error')
    }
  }
  return (
    <div className={`quote-in-note${compact ? ' compact' : ''}`}>
      <button
        type="button"
        className={compact ? 'link small' : undefined}
        onClick={() => (notes ? setNotes(null) : open())}
        aria-expanded={notes !== null}
      >
        {compact ? 'Quote…' : 'Quote in note…'}
      </button>
      {notes ? (
        <ul className="menu" role="menu" aria-label="Quote in note">
          <li>
            <button type="button" role="menuitem" onClick={() => void quote(null)}>
              + New note
            </button>
          </li>
          {notes.map((n) => (
            <li key={n.id}>
              <button type="button" role="menuitem" onClick={() => void quote(n.id)}>
                {n.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
