import type { PassageList, Theme } from '@shared/model'
import { isSubTheme } from '../reading/subThemes'
import './codebook.css'

const plural = (n: number, word: string): string => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`

/** Examples shown per theme: enough to recall what it codes, few enough to scan the codebook. */
const EXAMPLES = 2

/**
 * The codebook (issue 18, item 3): the Passages view with no theme chosen lists every theme in
 * codebook order (sub-themes under their parent) with its colour, key, description, counts under
 * the current filters, and its first passages as examples; each opens the theme's passages.
 */
export function PassagesCodebook({ themes, list }: { themes: Theme[]; list: PassageList }): React.JSX.Element | null {
  if (themes.length === 0) return null
  const counts = new Map(list.byTheme.map((b) => [b.themeId, b]))
  return (
    // Folded away by a click on its summary, when the user wants the passages first.
    <details className="codebook" open>
      <summary>
        <h2>Codebook</h2> <span className="muted small">{plural(themes.length, 'theme')}: open one to see all its passages</span>
      </summary>
      <ul className="codebook-list" aria-label="Codebook">
        {themes.map((t, i) => {
          const count = counts.get(t.id)
          const examples = list.passages.filter((p) => p.themeId === t.id).slice(0, EXAMPLES)
          const sub = isSubTheme(t, themes)
          return (
            <li key={t.id} className={`codebook-theme${sub ? ' sub' : ''}`} data-testid="codebook-theme">
              <div className="codebook-head">
                {sub ? (
                  <span className="sub-theme-mark" aria-hidden>
                    ↳
                  </span>
                ) : null}
                <span className={`swatch swatch-${t.id}`} aria-hidden />
                <a href={`#/passages/${t.id}`} className="codebook-name">
                  {t.name}
                </a>
                <span className="muted small">
                  {i < 9 ? `key ${i + 1} · ` : ''}
                  {count ? `${plural(count.passages, 'passage')} in ${plural(count.articles, 'article')}` : 'no passage yet'}
                </span>
              </div>
              {t.description ? <p className="codebook-description small">{t.description}</p> : null}
              {examples.length ? (
                <ul className="codebook-examples" aria-label={`Examples of ${t.name}`}>
                  {examples.map((p) => (
                    <li key={p.highlightId} className="small">
                      <a href={`#/article/${p.articleId}/h/${p.highlightId}`} title={`${p.articleTitle}: open in the Reader`}>
                        “{p.exact.length > 140 ? `${p.exact.slice(0, 140)}…` : p.exact}”
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          )
        })}
      </ul>
    </details>
  )
}
