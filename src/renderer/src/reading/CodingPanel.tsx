import { useState } from 'react'
import type { Highlight, Suggestion, Theme } from '@shared/model'
import { Backlinks } from '../components/Backlinks'
import { clickedSuggestion, useStore } from './editing'
import { SuggestionCard, SuggestionReason } from './SuggestionCard'
import { columnOf } from './subThemes'
import './reading.css'

interface Props {
  articleId: number
  themes: Theme[]
  highlights: Highlight[]
  suggestions: Suggestion[]
  onShow: (span: { start: number; end: number }, highlight?: Highlight) => void
  onAccept: (s: Suggestion) => void
  onReject: (s: Suggestion) => void
}

/** Passages listed per theme before "Show all": a heavily coded article must not build thousands of rows to open. */
const GROUP_PREVIEW = 50

/**
 * The article's highlights grouped by theme, and Parley's suggestions with their reasons. A
 * suggestion underline clicked in this article's text opens its card (accept or reject) here.
 */
export function CodingPanel({ articleId, themes, highlights, suggestions, onShow, onAccept, onReject }: Props): React.JSX.Element {
  const [tab, setTab] = useState<'highlights' | 'suggestions'>('highlights')
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const clicked = useStore(clickedSuggestion)
  const card = clicked?.suggestions[0]?.articleId === articleId ? clicked : null
  const column = columnOf(themes)
  const all = [...themes.map((t) => ({ key: String(t.id), theme: t as Theme | null })), { key: 'none', theme: null }].map((g) => ({
    ...g,
    items: highlights.filter((h) => (g.theme ? h.themeId === g.theme.id : h.themeId === null)),
  }))
  // Sub-themes' groups sit indented inside their parent's, which shows (with their passages in its
  // count) even when only its sub-themes have passages here.
  const subgroups = (id: number): typeof all =>
    all.filter((g) => g.theme && g.theme.id !== id && column.get(g.theme.id) === id && g.items.length)
  const groups = all
    .filter((g) => !g.theme || column.get(g.theme.id) === g.theme.id)
    .map((g) => ({ ...g, subs: g.theme ? subgroups(g.theme.id) : [] }))
    .filter((g) => g.items.length || g.subs.length)
  const list = (g: (typeof all)[number]): React.JSX.Element => (
    <>
      {g.items.length ? (
        <ul>
          {(expanded.has(g.key) ? g.items : g.items.slice(0, GROUP_PREVIEW)).map((h) => (
            <li key={h.id}>
              <button type="button" className="passage" onClick={() => onShow(h, h)}>
                {h.exact.length > 180 ? `${h.exact.slice(0, 180)}…` : h.exact}
              </button>
              {h.comment ? <div className="comment">{h.comment}</div> : null}
              {h.anchor === 'orphan' ? <div className="error small">Passage no longer found in the text</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {g.items.length > GROUP_PREVIEW && !expanded.has(g.key) ? (
        <button type="button" className="link small" onClick={() => setExpanded(new Set([...expanded, g.key]))}>
          Show all {g.items.length}
        </button>
      ) : null}
    </>
  )
  return (
    <aside className="coding-panel" aria-label="Coding">
      <div className="segmented full" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'highlights'} onClick={() => setTab('highlights')}>
          Highlights ({highlights.length})
        </button>
        <button type="button" role="tab" aria-selected={tab === 'suggestions'} onClick={() => setTab('suggestions')}>
          Suggestions ({suggestions.length})
        </button>
      </div>
      {tab === 'highlights' ? (
        groups.length === 0 ? (
          <p className="muted small panel-empty">Select text and press 1–9, or pick a theme from the toolbar, to highlight a passage.</p>
        ) : (
          groups.map((g) => (
            <section key={g.key} className="panel-group">
              <h3>
                <span className={`swatch swatch-${g.theme?.id ?? 'none'}`} aria-hidden /> {g.theme?.name ?? 'No theme'}{' '}
                <span className="muted">{g.items.length + g.subs.reduce((n, s) => n + s.items.length, 0)}</span>
              </h3>
              {list(g)}
              {g.subs.map((s) => (
                <section key={s.key} className="panel-subgroup" aria-label={`${s.theme?.name}, sub-theme of ${g.theme?.name}`}>
                  <h3>
                    <span className="sub-theme-mark" aria-hidden>
                      ↳
                    </span>
                    <span className={`swatch swatch-${s.theme?.id}`} aria-hidden /> {s.theme?.name}{' '}
                    <span className="muted">{s.items.length}</span>
                  </h3>
                  {list(s)}
                </section>
              ))}
            </section>
          ))
        )
      ) : null}
      {tab === 'highlights' ? (
        <Backlinks kind="article" id={articleId} />
      ) : suggestions.length === 0 ? (
        <p className="muted small panel-empty">
          No suggestions for this article. Add keywords to a theme, or highlight a few passages: suggestions learn from them.
        </p>
      ) : (
        <ul className="suggestions" aria-label="Suggestions">
          {suggestions.map((s) => {
            const theme = themes.find((t) => t.id === s.themeId)
            return (
              <li key={`${s.themeId}-${s.start}`}>
                <div className="suggestion-theme">
                  <span className={`swatch swatch-${s.themeId}`} aria-hidden /> {theme?.name}
                </div>
                <button type="button" className="passage" onClick={() => onShow(s)}>
                  {s.text.length > 220 ? `${s.text.slice(0, 220)}…` : s.text}
                </button>
                <SuggestionReason suggestion={s} />
                <div className="suggestion-actions">
                  <button type="button" onClick={() => onAccept(s)}>
                    Accept
                  </button>
                  <button type="button" onClick={() => onReject(s)}>
                    Reject
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
      {card ? (
        <SuggestionCard
          key={card.suggestions.map((s) => `${s.themeId}-${s.start}`).join()}
          suggestions={card.suggestions}
          themes={themes}
          rects={card.rects}
          column={card.column}
          onAccept={(s) => {
            clickedSuggestion.set(null)
            onAccept(s)
          }}
          onReject={(s) => {
            clickedSuggestion.set(null)
            onReject(s)
          }}
          onClose={() => clickedSuggestion.set(null)}
        />
      ) : null}
    </aside>
  )
}
