import { useEffect, useState } from 'react'
import type { LinkEnd, LinkRelation, PassageLink } from '@shared/contract-claims'
import { api } from '../api'
import { useNotebook } from '../state/notebook'
import { endSource, fromSide, passageHref, shortQuote } from './links'
import './claims.css'

/** A highlight's typed links, both ways, each followed in place; "Link to…" makes a new one (undoable). */
export function PassageLinks({ highlightId }: { highlightId: number }): React.JSX.Element {
  const { revision, perform } = useNotebook()
  const [links, setLinks] = useState<PassageLink[] | null>(null)
  const [adding, setAdding] = useState(false)
  useEffect(() => {
    let live = true
    api['passageLinks.list']({ highlightId }).then(
      (list) => live && setLinks(list),
      () => live && setLinks([]),
    )
    return () => {
      live = false
    }
  }, [highlightId, revision])
  const remove = (link: PassageLink): void => {
    void perform(
      () => api['passageLinks.delete']({ id: link.id }),
      () => ({
        label: `remove link (${link.relation})`,
        undo: () => api['passageLinks.restore']({ id: link.id }),
        redo: () => api['passageLinks.delete']({ id: link.id }),
      }),
    )
  }
  return (
    <section className="passage-links" aria-label="Links to other passages">
      <h3>
        Links to other passages <span className="muted">{links?.length ?? 0}</span>
      </h3>
      {links && links.length ? (
        <ul>
          {links.map((link) => {
            const { relation, other } = fromSide(link, highlightId)
            return (
              <li key={link.id} className="link-item">
                <div className="link-row">
                  <span>
                    <span className={`link-relation rel-${link.relation}`}>{relation}</span>{' '}
                    <a href={passageHref(other)} className="link-quote" title="Open that passage">
                      “{shortQuote(other.exact, 90)}”
                    </a>
                  </span>
                  <button type="button" className="link" aria-label={`Remove link ${relation}`} onClick={() => remove(link)}>
                    ✕
                  </button>
                </div>
                <span className="muted">{endSource(other)}</span>
                {link.note ? <span>{link.note}</span> : null}
              </li>
            )
          })}
        </ul>
      ) : null}
      {adding ? (
        <LinkForm highlightId={highlightId} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Link to another passage…
        </button>
      )}
    </section>
  )
}

/** Picks the other passage (search), the relation and a note; creating is undoable. */
function LinkForm({ highlightId, onDone }: { highlightId: number; onDone: () => void }): React.JSX.Element {
  const { perform } = useNotebook()
  const [query, setQuery] = useState('')
  const [targets, setTargets] = useState<LinkEnd[]>([])
  const [target, setTarget] = useState<number | null>(null)
  const [relations, setRelations] = useState<LinkRelation[]>([])
  const [relationId, setRelationId] = useState<number | null>(null)
  const [note, setNote] = useState('')
  const { revision } = useNotebook()
  useEffect(() => {
    void api['linkRelations.list']({}).then((list) => {
      setRelations(list)
      setRelationId((current) => (current !== null && list.some((r) => r.id === current) ? current : (list[0]?.id ?? null)))
    })
  }, [revision])
  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      void api['passageLinks.targets']({ query, except: highlightId, limit: 20 }).then((list) => live && setTargets(list))
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, highlightId])
  const create = async (): Promise<void> => {
    if (target === null || relationId === null) return
    const input = { fromId: highlightId, toId: target, relationId, note: note.trim() || undefined }
    const made = await perform(
      () => api['passageLinks.create'](input),
      (link) => ({
        label: `link passages (${link.relation})`,
        undo: () => api['passageLinks.delete']({ id: link.id }),
        redo: () => api['passageLinks.restore']({ id: link.id }),
      }),
    )
    if (made) onDone()
  }
  return (
    <div className="link-form" role="group" aria-label="New link">
      <input
        type="search"
        aria-label="Find a passage"
        placeholder="Find a passage: its words, article or outlet"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="link-targets" role="radiogroup" aria-label="Passages">
        {targets.length === 0 ? <span className="muted">No other passage matches.</span> : null}
        {targets.map((t) => (
          <label key={t.highlightId}>
            <input type="radio" name="link-target" checked={target === t.highlightId} onChange={() => setTarget(t.highlightId)} />
            <span>
              <span className="link-quote">“{shortQuote(t.exact, 100)}”</span> <span className="muted">{endSource(t)}</span>
            </span>
          </label>
        ))}
      </div>
      <label>
        Relation
        <select aria-label="Relation" value={relationId ?? ''} onChange={(e) => setRelationId(Number(e.target.value))}>
          {relations.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <RelationEditor relations={relations} />
      <label>
        Note (optional)
        <textarea aria-label="Link note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="link-form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={target === null || relationId === null} onClick={() => void create()}>
          Create link
        </button>
      </div>
    </div>
  )
}

/** The user's list of relations: add one, rename or delete (undoable) the ones there. */
function RelationEditor({ relations }: { relations: LinkRelation[] }): React.JSX.Element {
  const { perform } = useNotebook()
  const [name, setName] = useState('')
  const add = async (): Promise<void> => {
    const wanted = name.trim()
    if (!wanted) return
    const made = await perform(
      () => api['linkRelations.create']({ name: wanted }),
      (r) => ({
        label: `add relation ${r.name}`,
        undo: () => api['linkRelations.delete']({ id: r.id }),
        redo: () => api['linkRelations.restore']({ id: r.id }),
      }),
    )
    if (made) setName('')
  }
  const rename = (r: LinkRelation, next: string): void => {
    const to = next.trim()
    if (!to || to === r.name) return
    void perform(
      () => api['linkRelations.update']({ id: r.id, name: to }),
      () => ({
        label: `rename relation ${r.name}`,
        undo: () => api['linkRelations.update']({ id: r.id, name: r.name }),
        redo: () => api['linkRelations.update']({ id: r.id, name: to }),
      }),
    )
  }
  const remove = (r: LinkRelation): void => {
    void perform(
      () => api['linkRelations.delete']({ id: r.id }),
      () => ({
        label: `delete relation ${r.name}`,
        undo: () => api['linkRelations.restore']({ id: r.id }),
        redo: () => api['linkRelations.delete']({ id: r.id }),
      }),
    )
  }
  return (
    <details className="relation-editor">
      <summary>Edit relations</summary>
      <ul>
        {relations.map((r) => (
          <li key={r.id}>
            <input aria-label={`Rename relation ${r.name}`} defaultValue={r.name} onBlur={(e) => rename(r, e.target.value)} />
            <button type="button" className="link" aria-label={`Delete relation ${r.name}`} onClick={() => remove(r)}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="relation-add">
        <input aria-label="New relation" placeholder="New relation, e.g. explains" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="button" className="button" disabled={!name.trim()} onClick={() => void add()}>
          Add
        </button>
      </div>
    </details>
  )
}
