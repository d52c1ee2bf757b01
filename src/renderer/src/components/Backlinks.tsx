import { useEffect, useState } from 'react'
import type { Backlink } from '@shared/model'
import { api } from '../api'
import { useNotebook } from '../state/notebook'

/** Notes that link to or quote something, each with the sentence around the link. */
export function Backlinks({
  kind,
  id,
  title = 'Linked from notes',
}: {
  kind: Backlink['kind']
  id: number
  title?: string
}): React.JSX.Element {
  const { revision } = useNotebook()
  const [links, setLinks] = useState<Backlink[] | null>(null)
  useEffect(() => {
    let live = true
    api['notes.backlinks']({ kind, id }).then(
      (list) => live && setLinks(list),
      () => live && setLinks([]),
    )
    return () => {
      live = false
    }
  }, [kind, id, revision])
  const unique = (links ?? []).filter((l, i, all) => all.findIndex((x) => x.noteId === l.noteId && x.context === l.context) === i)
  return (
    <section className="backlinks" aria-label={title}>
      <h3>
        {title} <span className="muted">{unique.length}</span>
      </h3>
      {links === null ? null : unique.length === 0 ? (
        <p className="muted small">No note links here yet.</p>
      ) : (
        <ul>
          {unique.map((l, i) => (
            <li key={`${l.noteId}-${i}`}>
              <a href={`#/notes/${l.noteId}`}>{l.noteTitle}</a>
              <div className="small muted backlink-context">{l.context}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
