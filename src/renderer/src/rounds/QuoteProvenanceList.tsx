import { useEffect, useState } from 'react'
import '../claims/claims.css'
import type { QuoteCredit, QuoteProvenance, QuoteReuse } from '@shared/contract-claims'
import { api, errorMessage } from '../api'
import { formatDate } from '../format'
import { useNotebook } from '../state/notebook'

const TAG: Record<QuoteReuse, string> = {
  first: 'first',
  same: 'same words',
  trimmed: 'trimmed',
  extended: 'words added',
  changed: 'wording changed',
}

/**
 * Shared quotes of a round with their provenance: the first carrier (earliest day, then a time
 * the text gives, then import order), every later carrier with how it re-used the words (the
 * differing words shown), and the reason for each place in the order.
 */
export function QuoteProvenanceList({ roundId }: { roundId: number }): React.JSX.Element {
  const { revision } = useNotebook()
  const [quotes, setQuotes] = useState<QuoteProvenance[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Who each article credits for a quotation ("told Interfax"): which carrier the words came from.
  const [credits, setCredits] = useState<Map<string, QuoteCredit>>(new Map())
  useEffect(() => {
    let live = true
    api['claims.provenance']({ roundId }).then(
      (q) => live && setQuotes(q),
      (e: unknown) => live && setError(errorMessage(e)),
    )
    api['claims.quoteCredits']({ roundId }).then(
      (list) => live && setCredits(new Map(list.map((c) => [`${c.articleId}:${c.start}`, c]))),
      () => live && setCredits(new Map()),
    )
    return () => {
      live = false
    }
  }, [roundId, revision])
  if (error) return <p className="error">{error}</p>
  if (!quotes) return <p className="muted small">Reading quotations…</p>
  if (quotes.length === 0) return <p className="muted small">No quoted words appear in more than one article of this round.</p>
  return (
    <ul className="shared-quotes">
      {quotes.map((q, i) => {
        const first = q.carriers[0]
        return (
          <li key={i} className="quote-provenance">
            <blockquote>“{q.text}”</blockquote>
            {first ? (
              <p className="small provenance-first">
                First carried by <a href={`#/article/${first.articleId}`}>{first.outlet ?? first.title}</a>
                {first.published ? ` on ${formatDate(first.published)}` : ''}; re-used by {q.carriers.length - 1}{' '}
                {q.carriers.length === 2 ? 'other' : 'others'}.
              </p>
            ) : null}
            <ol className="small">
              {q.carriers.map((c, j) => {
                const credit = credits.get(`${c.articleId}:${c.start}`)
                const from = credit && q.carriers.find((x) => x.articleId === credit.sourceArticleId)
                return (
                  <li key={j}>
                    <a href={`#/article/${c.articleId}`} title={c.title}>
                      {c.outlet ?? 'Unknown outlet'}
                    </a>{' '}
                    · {formatDate(c.published)}
                    {c.time ? ` ${c.time}` : ''}
                    <span className={c.reuse === 'first' || c.reuse === 'same' ? 'tag' : 'tag warn'}>{TAG[c.reuse]}</span>
                    {credit ? (
                      <span className="tag" title="The credit phrase next to the quotation in this article">
                        {from ? `re-used from ${from.outlet ?? 'another article'}` : `credits ${credit.credit}`}
                      </span>
                    ) : null}
                    {c.reuse !== 'first' && c.reuse !== 'same' ? (
                      <div className="drift" aria-label="Differing words">
                        {c.diff.map((d, k) => (
                          <span key={k} className={`drift-${d.kind}`}>
                            {d.text}{' '}
                          </span>
                        ))}
                      </div>
                    ) : null}
                    <div className="muted provenance-why">Why: {c.why}</div>
                  </li>
                )
              })}
            </ol>
          </li>
        )
      })}
    </ul>
  )
}
