import { useEffect, useState } from 'react'
import type { RoundComparison } from '@shared/model'
import { api, errorMessage } from '../api'
import { useNotebook } from '../state/notebook'
import { QuoteProvenanceList } from './QuoteProvenanceList'

const passageHref = (articleId: number, highlightId?: number): string =>
  highlightId ? `#/article/${articleId}/h/${highlightId}` : `#/article/${articleId}`

/** Within a round: what each outlet covered, the quotes they share (who carried them first, who re-used them), and what they disagree on. */
export function OutletComparison({ roundId }: { roundId: number }): React.JSX.Element {
  const { revision } = useNotebook()
  const [data, setData] = useState<RoundComparison | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    api['rounds.compare']({ id: roundId }).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [roundId, revision])
  if (error) return <p className="error">{error}</p>
  if (!data) return <p className="muted small">Comparing outlets…</p>
  return (
    <section className="outlets" aria-label="Outlets in this round">
      <h3>Outlets</h3>
      {data.outlets.length === 0 ? <p className="muted small">No article reports this round.</p> : null}
      <div className="outlet-grid">
        {data.outlets.map((o) => (
          <div key={o.outlet} className="outlet-card">
            <strong>{o.outlet}</strong>
            <ul className="small">
              {o.articles.map((a) => (
                <li key={a.articleId}>
                  <a href={`#/article/${a.articleId}`}>{a.title}</a>{' '}
                  <span className="muted">{a.role === 'mentions' ? '(mentions)' : ''}</span>
                </li>
              ))}
            </ul>
            {o.themes.length === 0 ? (
              <p className="muted small">No passage coded yet.</p>
            ) : (
              o.themes.map((t) => (
                <div key={t.themeId} className="outlet-theme">
                  <span className={`swatch swatch-${t.themeId}`} aria-hidden /> {t.name}{' '}
                  <span className="muted">{t.highlights.length}</span>
                  {t.highlights.slice(0, 2).map((h) => (
                    <a key={h.highlightId} className="outlet-passage" href={passageHref(h.articleId, h.highlightId)}>
                      {h.text.length > 140 ? `${h.text.slice(0, 140)}…` : h.text}
                    </a>
                  ))}
                </div>
              ))
            )}
          </div>
        ))}
      </div>
      <h3>Shared quotes</h3>
      <QuoteProvenanceList roundId={roundId} />
      <h3>Disagreements</h3>
      {data.disagreements.length === 0 ? (
        <p className="muted small">No differing numbers or dates found.</p>
      ) : (
        <ul className="disagreements">
          {data.disagreements.map((d, i) => (
            <li key={i}>
              <strong>{d.kind === 'date' ? 'Meeting date' : d.subject}</strong>
              <ul className="small">
                {d.values.map((v, j) => (
                  <li key={j}>
                    <span className="value">{v.value}</span> —{' '}
                    {v.passages.map((p, k) => (
                      <a key={k} href={passageHref(p.articleId)} title={p.text}>
                        {p.outlet ?? 'Unknown outlet'}
                        {k < v.passages.length - 1 ? ', ' : ''}
                      </a>
                    ))}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
