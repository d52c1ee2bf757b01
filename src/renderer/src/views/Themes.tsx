import { useState } from 'react'
import type { Theme } from '@shared/model'
import { useNotebook } from '../state/notebook'
import { createTheme, deleteTheme, mergeTheme, reorderThemes, setThemeParent, updateTheme } from '../state/themes'
import { MergeInto } from '../components/MergeInto'

const splitTerms = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

/** The theme's sub-themes, in list order (themes.list gives each parent followed by its sub-themes). */
const childrenOf = (themes: Theme[], id: number): Theme[] => themes.filter((t) => t.parentId === id)

/**
 * The new order after moving a theme one step: a top-level theme moves with its sub-themes past the
 * neighbouring top-level theme and its sub-themes; a sub-theme moves among its siblings. Null at an end.
 */
function moved(themes: Theme[], theme: Theme, delta: number): number[] | null {
  const blocks = themes.filter((t) => t.parentId === null).map((t) => [t, ...childrenOf(themes, t.id)])
  if (theme.parentId === null) {
    const i = blocks.findIndex((b) => b[0]?.id === theme.id)
    const j = i + delta
    if (i < 0 || j < 0 || j >= blocks.length) return null
    ;[blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!]
    return blocks.flat().map((t) => t.id)
  }
  const siblings = childrenOf(themes, theme.parentId)
  const i = siblings.findIndex((t) => t.id === theme.id)
  const j = i + delta
  if (j < 0 || j >= siblings.length) return null
  const ids = themes.map((t) => t.id)
  const a = ids.indexOf(theme.id)
  const b = ids.indexOf(siblings[j]!.id)
  ;[ids[a], ids[b]] = [ids[b]!, ids[a]!]
  return ids
}

function ThemeRow({ theme, index, count }: { theme: Theme; index: number; count: number }): React.JSX.Element {
  const { themes, perform, notify } = useNotebook()
  const children = childrenOf(themes, theme.id)
  const parent = theme.parentId === null ? null : (themes.find((t) => t.id === theme.parentId) ?? null)
  const withChildren = count + children.reduce((n, c) => n + c.highlights, 0)
  const [name, setName] = useState(theme.name)
  const [description, setDescription] = useState(theme.description)
  const [terms, setTerms] = useState(theme.keywords.terms.join(', '))
  const [context, setContext] = useState(theme.keywords.context.join(', '))
  const [mergeInto, setMergeInto] = useState('')

  const update = (patch: { name?: string; color?: string; description?: string; keywords?: Theme['keywords'] }, label: string): void => {
    const action = updateTheme(theme, patch, label)
    void perform(action.run, action.undoable)
  }
  const move = (delta: number): void => {
    const ids = themes.map((t) => t.id)
    const next = moved(themes, theme, delta)
    if (!next) return
    const action = reorderThemes(ids, next)
    void perform(action.run, action.undoable)
  }
  // Deleting and merging are undoable (themes.restore / themes.unmerge), so they act at once and offer Undo.
  const remove = async (): Promise<void> => {
    const action = deleteTheme(theme)
    const done = await perform(action.run, action.undoable)
    if (done)
      notify(
        `Deleted “${theme.name}”${count ? `; its ${count} highlight${count === 1 ? '' : 's'} lost the theme` : ''}${
          children.length ? `; its sub-themes stand at the top level` : ''
        }. Undo brings it back.`,
        'info',
        true,
      )
  }
  // Sub-theme of another theme (one level): undoable as every theme edit.
  const reparent = (value: string): void => {
    const action = setThemeParent(theme, value ? Number(value) : null, themes)
    void perform(action.run, action.undoable)
  }
  // Only top-level themes can hold sub-themes, and a theme with sub-themes stays at the top.
  const parents = themes.filter((t) => t.parentId === null && t.id !== theme.id)
  const siblings = theme.parentId === null ? themes.filter((t) => t.parentId === null) : childrenOf(themes, theme.parentId)
  const place = siblings.findIndex((t) => t.id === theme.id)
  const merge = async (): Promise<void> => {
    const targetId = Number(mergeInto)
    const target = themes.find((t) => t.id === targetId)
    if (!target) return
    const action = mergeTheme(theme, targetId)
    const done = await perform(action.run, action.undoable)
    if (done)
      notify(
        `Merged “${theme.name}” into “${target.name}”: ${done.moved.length} highlight${done.moved.length === 1 ? '' : 's'} moved.`,
        'info',
        true,
      )
  }

  return (
    <li
      className={parent ? 'theme-row theme-sub' : 'theme-row'}
      data-testid="theme-row"
      data-parent={parent?.id}
      aria-label={parent ? `${theme.name}, sub-theme of ${parent.name}` : undefined}
      // Indented under its parent with the parent's colour down the left edge, as a codebook tree.
      style={parent ? { marginLeft: 32, borderLeft: `4px solid ${parent.color}` } : undefined}
    >
      <div className="theme-order">
        <button type="button" onClick={() => move(-1)} disabled={place <= 0} aria-label={`Move ${theme.name} up`}>
          ▲
        </button>
        <button type="button" onClick={() => move(1)} disabled={place === siblings.length - 1} aria-label={`Move ${theme.name} down`}>
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
          <span className="muted small" data-testid="theme-count">
            key {index + 1 <= 9 ? index + 1 : '–'} · {count} highlight{count === 1 ? '' : 's'}
            {children.length
              ? ` · ${withChildren} with ${children.length === 1 ? 'its sub-theme' : `its ${children.length} sub-themes`}`
              : ''}
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
        <label className="small muted" style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          Sub-theme of
          <select
            aria-label={`${theme.name} is a sub-theme of`}
            value={theme.parentId ?? ''}
            disabled={children.length > 0}
            title={children.length > 0 ? 'It has sub-themes, so it stays at the top level (sub-themes go one level deep)' : undefined}
            onChange={(e) => reparent(e.target.value)}
          >
            <option value="">{children.length > 0 ? 'none (it has sub-themes)' : 'none (top level)'}</option>
            {parents.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
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
        <MergeInto
          label={`Merge ${theme.name} into`}
          items={themes}
          self={theme.id}
          name={(t) => t.name}
          value={mergeInto}
          onChange={setMergeInto}
          onMerge={() => void merge()}
        />
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
    const action = createTheme(trimmed)
    const created = await perform(action.run, action.undoable)
    if (created) setName('')
  }
  return (
    <div className="themes-view">
      <h1>Themes</h1>
      <p className="muted">
        Themes code passages. Keys 1–9 in the Reader tag a selection with the theme in that position. A theme can hold sub-themes (one
        level): its passages and counts include theirs.
      </p>
      <ul className="theme-list">
        {themes.map((t, i) => (
          <ThemeRow
            key={`${t.id}-${t.name}-${t.color}-${t.description}-${t.keywords.terms.join()}-${t.keywords.context.join()}-${t.parentId}`}
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
