import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { LinkTarget } from '@shared/model'
import { api } from '../api'
import { useFocusTrap } from './focusTrap'

/** One thing the palette can do: a view to open, an action to run, or a place (article, note, round, theme). */
export interface Command {
  id: string
  name: string
  group: 'Views' | 'Actions' | 'Recent' | 'Articles' | 'Notes' | 'Rounds' | 'Passages'
  /** The keys that do the same, shown beside the name. */
  keys?: string
  /** Words that find it besides its name. */
  also?: string
  run: () => void
}

const GROUPS: Command['group'][] = ['Recent', 'Views', 'Actions', 'Passages', 'Articles', 'Notes', 'Rounds']

/** Every word typed appears in the name (or its other words), in any order: "tim" finds Timeline, "new no" New note. */
function matches(command: Command, query: string): boolean {
  const hay = `${command.name} ${command.also ?? ''}`.toLowerCase()
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word))
}

const hrefOf = (t: LinkTarget): string =>
  t.kind === 'article'
    ? `#/article/${t.id}`
    : t.kind === 'note'
      ? `#/notes/${t.id}`
      : t.kind === 'round'
        ? `#/matrix/${t.id}`
        : `#/passages/${t.id}`

/**
 * Ctrl/Cmd+K (or P): every view and action by name, recent articles and notes, and, as you type,
 * articles, notes, rounds and themes' passages from the notebook (links.search). A small own
 * component (a listbox driven by the arrow keys) rather than cmdk, which would bring four Radix
 * packages for what is a filtered list here.
 */
export function CommandPalette({ commands, onClose }: { commands: Command[]; onClose: () => void }): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  useFocusTrap(box, onClose, 'input')
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<LinkTarget[]>([])
  const [active, setActive] = useState(0)
  const listId = useId()

  useEffect(() => {
    const q = query.trim()
    if (q.length < 2) return
    let live = true
    const timer = setTimeout(() => {
      api['links.search']({ query: q, limit: 12 }).then(
        (list) => live && setFound(list),
        () => live && setFound([]),
      )
    }, 100)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query])

  const items = useMemo(() => {
    const q = query.trim()
    const own = q ? commands.filter((c) => matches(c, q)) : commands
    const places: Command[] =
      q.length < 2
        ? []
        : found.map((t) => ({
            id: `${t.kind}-${t.id}`,
            name: t.kind === 'theme' ? `Passages: ${t.title}` : t.title,
            group: t.kind === 'article' ? 'Articles' : t.kind === 'note' ? 'Notes' : t.kind === 'round' ? 'Rounds' : 'Passages',
            keys: t.detail,
            run: () => (location.hash = hrefOf(t)),
          }))
    const seen = new Set<string>()
    const all = [...own, ...places].filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
    return GROUPS.flatMap((g) => all.filter((c) => c.group === g))
  }, [commands, found, query])

  const current = Math.min(active, Math.max(0, items.length - 1))
  const choose = (c: Command | undefined): void => {
    if (!c) return
    onClose()
    c.run()
  }
  const onKey = (e: React.KeyboardEvent): void => {
    const move: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }
    if (e.key in move) {
      e.preventDefault()
      const next = Math.min(items.length - 1, Math.max(0, current + move[e.key]!))
      setActive(next)
      document.getElementById(`${listId}-${next}`)?.scrollIntoView({ block: 'nearest' })
    } else if (e.key === 'Enter') {
      e.preventDefault()
      choose(items[current])
    }
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} className="palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <input
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={items.length ? `${listId}-${current}` : undefined}
          aria-autocomplete="list"
          aria-label="Go to a view, run an action, or find an article, note or round"
          placeholder="Go to or do… (type a view, an action, an article, a note)"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKey}
        />
        <ul id={listId} role="listbox" aria-label="Results">
          {items.length === 0 ? (
            <li className="muted palette-empty" role="presentation">
              Nothing by that name.
            </li>
          ) : null}
          {items.map((c, i) => {
            const head = i === 0 || items[i - 1]!.group !== c.group ? c.group : null
            return [
              head ? (
                <li key={`h-${head}`} role="presentation" className="palette-group">
                  {head}
                </li>
              ) : null,
              <li
                key={c.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === current}
                className={i === current ? 'active' : undefined}
                onMouseMove={() => setActive(i)}
                onClick={() => choose(c)}
              >
                <span className="palette-name">{c.name}</span>
                {c.keys ? <span className="palette-keys">{c.keys}</span> : null}
              </li>,
            ]
          })}
        </ul>
        <p className="palette-foot muted small">↑ ↓ to choose · Enter to go · Esc to close · ? for every shortcut</p>
      </div>
    </div>
  )
}
