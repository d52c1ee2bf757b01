import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { HighlightState, LinkKind } from '@shared/model'
import { setEvidenceRenderer, type EvidenceData } from '@shared/editor/EvidenceNode'
import { setRefRenderer, type RefData } from '@shared/editor/RefNode'
import { api } from '../api'
import { formatDate } from '../format'
import { navigate } from '../navigation'

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
const resolveRef = batcher<{ kind: LinkKind; id: number }, { title: string | null; was?: string }>(
  (refs) => api['links.resolve']({ refs }),
  (r) => `${r.kind}:${r.id}`,
)

export function hrefForRef(ref: { kind: LinkKind; id: number }): string {
  if (ref.kind === 'article') return `#/article/${ref.id}`
  if (ref.kind === 'note') return `#/notes/${ref.id}`
  if (ref.kind === 'round') return `#/matrix/${ref.id}`
  return `#/passages/${ref.id}`
}

/**
 * A link to a place in the notebook, inside a note. Lexical's ClickableLinkPlugin listens on the
 * editor's root and opens any clicked <a> with window.open (a second tab in browser mode, nothing
 * in Electron), and React's onClick runs only after it: so the click is taken here, natively, on
 * the link itself, and followed in place (a new history entry: Back returns to the note).
 */
function InAppLink({ href, className, title, children }: { href: string; className: string; title?: string; children: ReactNode }) {
  const ref = useRef<HTMLAnchorElement>(null)
  useEffect(() => {
    const a = ref.current
    if (!a) return
    const onClick = (e: MouseEvent): void => {
      if (e.button !== 0) return
      e.preventDefault()
      e.stopPropagation()
      navigate(href)
    }
    // The middle button would open a tab through the same plugin (on mouseup): keep it in place too.
    const onAux = (e: MouseEvent): void => {
      if (e.button !== 1) return
      e.preventDefault()
      e.stopPropagation()
    }
    a.addEventListener('click', onClick)
    a.addEventListener('mouseup', onAux)
    a.addEventListener('auxclick', onAux)
    return () => {
      a.removeEventListener('click', onClick)
      a.removeEventListener('mouseup', onAux)
      a.removeEventListener('auxclick', onAux)
    }
  }, [href])
  return (
    <a ref={ref} className={className} href={href} title={title}>
      {children}
    </a>
  )
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
            {data.title} ·{' '}
            <em>
              {state.articleDeleted
                ? 'the source article was deleted; the quote keeps its text'
                : 'the source highlight was deleted; the quote keeps its text'}
            </em>
          </span>
        ) : (
          <InAppLink className="evidence-source" href={`#/article/${data.articleId}/h/${data.highlightId}`}>
            {data.title}
            {data.outlet ? ` · ${data.outlet}` : ''}
            {data.published ? ` · ${formatDate(data.published)}` : ''}
          </InAppLink>
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
  const [resolved, setResolved] = useState<{ title: string | null; was?: string } | undefined>(undefined)
  useEffect(() => {
    let live = true
    resolveRef({ kind: data.kind, id: data.id }).then(
      (r) => live && setResolved(r),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [data.kind, data.id])
  const title = resolved?.title
  if (resolved && title === null) {
    return (
      <span
        className={`ref ref-${data.kind} missing`}
        title={
          resolved.was !== undefined
            ? 'This article was deleted (Undo in the Library brings it back)'
            : 'This link’s target no longer exists'
        }
      >
        {resolved.was ?? data.label}
        {resolved.was !== undefined ? <em className="ref-deleted"> (deleted)</em> : null}
      </span>
    )
  }
  return (
    <InAppLink className={`ref ref-${data.kind}`} href={hrefForRef(data)} title={`${data.kind}: ${title ?? data.label}`}>
      {title ?? data.label}
    </InAppLink>
  )
}

/** Installs the React views of Parley's own Lexical nodes (once, at startup). */
export function installNodeViews(): void {
  setEvidenceRenderer((data) => <EvidenceView data={data} />)
  setRefRenderer((data) => <RefChip data={data} />)
}
