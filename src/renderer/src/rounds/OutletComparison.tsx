import { useEffect, useState } from 'react'
import type { RoundComparison } from '@shared/model'
import { api, errorMessage } from '../api'
import { formatDate } from '../format'
import { useNotebook } from '../state/notebook'
import type { QuoteCredit } from '@shared/contract-claims'

const passageHref = (articleId: number, highlightId?: number): string =>
  highlightId ? `#/article/${articleId}/h/${highlightId}` : `#/article/${articleId}`

/** Within a round: what each outlet covered, the quotes they share (and where wording drifted), and what they disagree on. */
export function OutletComparison({ roundId }: { roundId: number }): React.JSX.Element {
  const { revision } = useNotebook()
  const [data, setData] = useState<RoundComparison | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Who each article credits for a quotation ("told Interfax"): which carrier the words came from.
  const [credits, setCredits] = useState<Map<string, QuoteCredit>>(new Map())
  useEffect(() => {
    let live = true
    api['claims.quoteCredits']({ roundId }).then(
      (list) => live && setCredits(new Map(list.map((c) => [`${c.articleId}:${c.start}`, c]))),
      () => live && setCredits(new Map()),
    )
    return () => {
      live = false
    }
  }, [roundId, revision])
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
      {data.quotes.length === 0 ? (
        <p className="muted small">No quoted words appear in more than one article of this round.</p>
      ) : (
        <ul className="shared-quotes">
          {data.quotes.map((q, i) => (
            <li key={i}>
              <blockquote>“{q.text}”</blockquote>
              <ol className="small">
                {q.occurrences.map((o, j) => (
                  <li key={j}>
                    <a href={passageHref(o.articleId)}>{o.outlet ?? 'Unknown outlet'}</a> · {formatDate(o.published)}
                    {o.first ? (
                      <span className="tag">first</span>
                    ) : o.exact ? (
                      <span className="tag">same words</span>
                    ) : (
                      <span className="tag warn">wording drifted</span>
                    )}
                    {(() => {
                      const c = credits.get(`${o.articleId}:${o.start}`)
                      if (!c) return null
                      const from = q.occurrences.find((x) => x.articleId === c.sourceArticleId)
                      return (
                        <span className="tag" title="The credit phrase next to the quotation in this article">
                          {from ? `re-used from ${from.outlet ?? 'another article'}` : `credits ${c.credit}`}
                        </span>
                      )
                    })()}
                    {!o.first && !o.exact ? (
                      <div className="drift">
                        {o.diff.map((d, k) => (
                          <span key={k} className={`drift-${d.kind}`}>
                            {d.text}{' '}
                          </span>
                        ))}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
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
