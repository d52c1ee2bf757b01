import { useState } from 'react'
import type { Theme } from '@shared/model'
import { api } from '../api'
import { useNotebook } from '../state/notebook'

const splitTerms = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

function ThemeRow({ theme, index, count }: { theme: Theme; index: number; count: number }): React.JSX.Element {
  const { themes, perform, notify } = useNotebook()
  const [name, setName] = useState(theme.name)
  const [description, setDescription] = useState(theme.description)
  const [terms, setTerms] = useState(theme.keywords.terms.join(', '))
  const [context, setContext] = useState(theme.keywords.context.join(', '))
  const [mergeInto, setMergeInto] = useState('')

  const update = (patch: { name?: string; color?: string; description?: string; keywords?: Theme['keywords'] }, label: string): void => {
    const before = { name: theme.name, color: theme.color, description: theme.description, keywords: theme.keywords }
    const undoPatch = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof typeof before]]))
    void perform(
      () => api['themes.update']({ id: theme.id, ...patch }),
      () => ({
        label,
        undo: () => api['themes.update']({ id: theme.id, ...undoPatch }),
        redo: () => api['themes.update']({ id: theme.id, ...patch }),
      }),
    )
  }
  const move = (delta: number): void => {
    const ids = themes.map((t) => t.id)
    const j = index + delta
    if (j < 0 || j >= ids.length) return
    const next = [...ids]
    ;[next[index], next[j]] = [next[j]!, next[index]!]
    void perform(
      () => api['themes.reorder']({ ids: next }),
      () => ({ label: 'reorder themes', undo: () => api['themes.reorder']({ ids }), redo: () => api['themes.reorder']({ ids: next }) }),
    )
  }
  // Deleting and merging are undoable (themes.restore / themes.unmerge), so they act at once and offer Undo.
  const remove = async (): Promise<void> => {
    const done = await perform(
      () => api['themes.delete']({ id: theme.id }),
      () => ({
        label: `delete theme ${theme.name}`,
        undo: () => api['themes.restore']({ id: theme.id }),
        redo: () => api['themes.delete']({ id: theme.id }),
      }),
    )
    if (done)
      notify(
        `Deleted “${theme.name}”${count ? `; its ${count} highlight${count === 1 ? '' : 's'} lost the theme` : ''}. Undo brings it back.`,
        'info',
        true,
      )
  }
  const merge = async (): Promise<void> => {
    const targetId = Number(mergeInto)
    const target = themes.find((t) => t.id === targetId)
    if (!target) return
    const done = await perform(
      () => api['themes.merge']({ sourceId: theme.id, targetId }),
      ({ moved }) => ({
        label: `merge ${theme.name}`,
        undo: () => api['themes.unmerge']({ sourceId: theme.id, moved }),
        redo: () => api['themes.merge']({ sourceId: theme.id, targetId }),
      }),
    )
    if (done)
      notify(
        `Merged “${theme.name}” into “${target.name}”: ${done.moved.length} highlight${done.moved.length === 1 ? '' : 's'} moved.`,
        'info',
        true,
      )
  }

  return (
    <li className="theme-row" data-testid="theme-row">
      <div className="theme-order">
        <button type="button" onClick={() => move(-1)} disabled={index === 0} aria-label={`Move ${theme.name} up`}>
          ▲
        </button>
        <button type="button" onClick={() => move(1)} disabled={index === themes.length - 1} aria-label={`Move ${theme.name} down`}>
          ▼
        </button>
      </div>
      <input
        type="color"
        aria-label={`Color of ${theme.name}`}
        value={theme.color}
        onChange={(e) => update({ color: e.target.value }, 'recolor')}
      />
      <div className="theme-fields">
        <div className="theme-line">
          <input
            className="theme-name"
            aria-label="Theme name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => name.trim() && name !== theme.name && update({ name: name.trim() }, 'rename theme')}
          />
          <span className="muted small">
            key {index + 1 <= 9 ? index + 1 : '–'} · {count} highlight{count === 1 ? '' : 's'}
          </span>
          <a className="small" href={`#/passages/${theme.id}`} aria-label={`Passages of ${theme.name}`}>
            Passages →
          </a>
        </div>
        <input
          aria-label="Description"
          placeholder="One line: what this theme covers"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          onBlur={() => description !== theme.description && update({ description }, 'describe theme')}
        />
        <label className="small muted">
          Keywords (comma-separated; suggestions look for these)
          <input
            value={terms}
            title={terms}
            onChange={(e) => setTerms(e.target.value)}
            onBlur={() =>
              terms !== theme.keywords.terms.join(', ') &&
              update({ keywords: { terms: splitTerms(terms), context: theme.keywords.context } }, 'keywords')
            }
          />
        </label>
        <label className="small muted">
          Context words (one must appear nearby; leave empty for none)
          <input
            value={context}
            title={context}
            onChange={(e) => setContext(e.target.value)}
            onBlur={() =>
              context !== theme.keywords.context.join(', ') &&
              update({ keywords: { terms: theme.keywords.terms, context: splitTerms(context) } }, 'context words')
            }
          />
        </label>
      </div>
      <div className="theme-actions">
        <select aria-label={`Merge ${theme.name} into`} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">Merge into…</option>
          {themes
            .filter((t) => t.id !== theme.id)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
        <button type="button" disabled={!mergeInto} onClick={() => void merge()}>
          Merge
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          Delete
        </button>
      </div>
    </li>
  )
}

export function Themes(): React.JSX.Element {
  const { themes, perform } = useNotebook()
  const [name, setName] = useState('')
  const add = async (): Promise<void> => {
    const trimmed = name.trim()
    if (!trimmed) return
    const created = await perform(
      () => api['themes.create']({ name: trimmed }),
      (t) => ({
        label: `add theme ${t.name}`,
        undo: () => api['themes.delete']({ id: t.id }),
        redo: () => api['themes.restore']({ id: t.id }),
      }),
    )
    if (created) setName('')
  }
  return (
    <div className="themes-view">
      <h1>Themes</h1>
      <p className="muted">Themes code passages. Keys 1–9 in the Reader tag a selection with the theme in that position.</p>
      <ul className="theme-list">
        {themes.map((t, i) => (
          <ThemeRow
            key={`${t.id}-${t.name}-${t.color}-${t.description}-${t.keywords.terms.join()}-${t.keywords.context.join()}`}
            theme={t}
            index={i}
            count={t.highlights}
          />
        ))}
      </ul>
      <form
        className="theme-add"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <input
          aria-label="New theme name"
          placeholder="New theme, e.g. Sanctions"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
        />
        <button type="submit" className="primary" disabled={!name.trim()}>
          Add theme
        </button>
      </form>
    </div>
  )
}
