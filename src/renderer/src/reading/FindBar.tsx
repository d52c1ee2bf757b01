import { useEffect, useMemo, useRef, useState } from 'react'
import type { Span } from './ArticleText'

/** Case-insensitive matches of `query` in each text, as spans. */
export function findAll(text: string, query: string): Span[] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  const lower = text.toLowerCase()
  const out: Span[] = []
  for (let at = lower.indexOf(q); at !== -1 && out.length < 5000; at = lower.indexOf(q, at + q.length))
    out.push({ start: at, end: at + q.length })
  return out
}

interface Props {
  /** Texts searched together (one per column); matches are stepped through in order. */
  texts: string[]
  onChange: (matches: Span[][], active: { text: number; span: Span } | null) => void
  onClose: () => void
}

/** Ctrl/Cmd+F inside the open article(s): matches lit with a CSS highlight, Enter steps through them. */
export function FindBar({ texts, onChange, onClose }: Props): React.JSX.Element {
  const [query, setQuery] = useState('')
  const [index, setIndex] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const matches = useMemo(() => texts.map((t) => findAll(t, query)), [texts, query])
  const flat = useMemo(() => matches.flatMap((list, text) => list.map((span) => ({ text, span }))), [matches])
  const active = flat.length ? (flat[((index % flat.length) + flat.length) % flat.length] ?? null) : null

  useEffect(() => input.current?.focus(), [])
  useEffect(() => onChange(matches, active), [matches, active, onChange])

  return (
    <div className="findbar" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setIndex(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setIndex((i) => i + (e.shiftKey ? -1 : 1))
          if (e.key === 'Escape') onClose()
        }}
      />
      <span className="muted" aria-live="polite">
        {query.trim() ? (flat.length ? `${flat.indexOf(active as (typeof flat)[number]) + 1} of ${flat.length}` : 'No matches') : ''}
      </span>
      <button type="button" onClick={() => setIndex((i) => i - 1)} disabled={!flat.length} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => setIndex((i) => i + 1)} disabled={!flat.length} aria-label="Next match">
        ↓
      </button>
      <button type="button" onClick={onClose} aria-label="Close find">
        ✕
      </button>
    </div>
  )
}
