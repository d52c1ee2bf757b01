import { useEffect, useState } from 'react'
import type { HighlightState, LinkKind } from '@shared/model'
import { setEvidenceRenderer, type EvidenceData } from '@shared/editor/EvidenceNode'
import { setRefRenderer, type RefData } from '@shared/editor/RefNode'
import { api } from '../api'
import { formatDate } from '../format'

// Lookups are batched per animation frame: a note with 200 links makes one call, not 200.
function batcher<K, V>(fetchAll: (keys: K[]) => Promise<V[]>, keyOf: (k: K) => string): (key: K) => Promise<V> {
  let pending = new Map<string, { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[]>()
  let scheduled = false
  return (key) =>
    new Promise<V>((resolve, reject) => {
      const k = keyOf(key)
      pending.set(k, [...(pending.get(k) ?? []), { key, resolve, reject }])
      if (scheduled) return
      scheduled = true
      requestAnimationFrame(() => {
        const batch = pending
        pending = new Map()
        scheduled = false
        const keys = [...batch.values()].map((list) => (list[0] as { key: K }).key)
        fetchAll(keys).then(
          (values) => [...batch.values()].forEach((list, i) => list.forEach((w) => w.resolve(values[i] as V))),
          (e: unknown) => [...batch.values()].forEach((list) => list.forEach((w) => w.reject(e))),
        )
      })
    })
}

const lookupHighlight = batcher<number, HighlightState>((ids) => api['highlights.lookup']({ ids }), String)
const resolveRef = batcher<{ kind: LinkKind; id: number }, { title: string | null }>(
  (refs) => api['links.resolve']({ refs }),
  (r) => `${r.kind}:${r.id}`,
)

export function hrefForRef(ref: { kind: LinkKind; id: number }): string {
  if (ref.kind === 'article') return `#/article/${ref.id}`
  if (ref.kind === 'note') return `#/notes/${ref.id}`
  if (ref.kind === 'round') return `#/matrix/${ref.id}`
  return '#/themes'
}

/** Links inside the editor: Lexical would treat the click as a caret move, so navigate explicitly. */
function follow(event: React.MouseEvent<HTMLAnchorElement>): void {
  const href = event.currentTarget.getAttribute('href')
  if (!href) return
  event.preventDefault()
  event.stopPropagation()
  window.location.assign(href)
}

function EvidenceView({ data }: { data: EvidenceData }): React.JSX.Element {
  const [state, setState] = useState<HighlightState | null>(null)
  useEffect(() => {
    let live = true
    lookupHighlight(data.highlightId).then(
      (s) => live && setState(s),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [data.highlightId])
  const gone = state !== null && !state.exists
  const changed = state?.exists && state.exact !== null && state.exact !== data.text
  return (
    <figure className={`evidence${gone ? ' gone' : ''}`} data-testid="evidence" contentEditable={false}>
      <blockquote>{data.text}</blockquote>
      <figcaption>
        {gone ? (
          <span className="evidence-source">
            {data.title} · <em>the source highlight was deleted; the quote keeps its text</em>
          </span>
        ) : (
          <a className="evidence-source" href={`#/article/${data.articleId}/h/${data.highlightId}`} onClick={follow}>
            {data.title}
            {data.outlet ? ` · ${data.outlet}` : ''}
            {data.published ? ` · ${formatDate(data.published)}` : ''}
          </a>
        )}
        {changed ? (
          <span className="evidence-changed" title={`Now: ${state?.exact ?? ''}`}>
            {' '}
            · the source passage has changed since it was quoted
          </span>
        ) : null}
        {state?.orphan ? <span className="evidence-changed"> · the passage is no longer found in the article</span> : null}
      </figcaption>
    </figure>
  )
}

function RefChip({ data }: { data: RefData }): React.JSX.Element {
  const [title, setTitle] = useState<string | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    resolveRef({ kind: data.kind, id: data.id }).then(
      (r) => live && setTitle(r.title),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [data.kind, data.id])
  const missing = title === null
  return (
    <a
      className={`ref ref-${data.kind}${missing ? ' missing' : ''}`}
      href={missing ? undefined : hrefForRef(data)}
      title={missing ? 'This link’s target no longer exists' : `${data.kind}: ${title ?? data.label}`}
    >
      {title ?? data.label}
    </a>
  )
}

/** Installs the React views of Parley's own Lexical nodes (once, at startup). */
export function installNodeViews(): void {
  setEvidenceRenderer((data) => <EvidenceView data={data} />)
  setRefRenderer((data) => <RefChip data={data} />)
}
