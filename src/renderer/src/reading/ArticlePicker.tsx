import { useEffect, useRef, useState } from 'react'
import type { ArticleSummary, SearchHit } from '@shared/model'
import { api } from '../api'
import { useFocusTrap } from '../components/focusTrap'

/** Picks an article by searching the library (title and text). */
export function ArticlePicker({
  onPick,
  onCancel,
  exclude,
}: {
  onPick: (id: number) => void
  onCancel: () => void
  exclude: number[]
}): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  useFocusTrap(box, onCancel)
  const [query, setQuery] = useState('')
  const [all, setAll] = useState<ArticleSummary[]>([])
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  useEffect(() => {
    void api['articles.list']({ sort: 'published', direction: 'desc' }).then(setAll)
  }, [])
  useEffect(() => {
    if (!query.trim()) return
    const t = setTimeout(() => void api['articles.search']({ query, limit: 30 }).then(setHits), 120)
    return () => clearTimeout(t)
  }, [query])
  const options =
    query.trim() && hits
      ? hits.map((h) => ({ id: h.id, title: h.title.map((p) => p.text).join(''), outlet: h.outlet }))
      : all.map((a) => ({ id: a.id, title: a.title, outlet: a.outlet }))
  return (
    <div ref={box} className="picker" role="dialog" aria-modal="true" aria-label="Choose an article">
      <input
        type="search"
        aria-label="Search the library"
        placeholder="Search the library…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul>
        {options
          .filter((o) => !exclude.includes(o.id))
          .slice(0, 30)
          .map((o) => (
            <li key={o.id}>
              <button type="button" onClick={() => onPick(o.id)}>
                <span className="picker-title">{o.title}</span>
                <span className="muted small">{o.outlet ?? 'Unknown outlet'}</span>
              </button>
            </li>
          ))}
      </ul>
      <button type="button" className="link" onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
