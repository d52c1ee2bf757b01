import type { PassageLink } from '@shared/contract-claims'
import { endSource, fromSide, passageHref, shortQuote } from './links'
import './claims.css'

/** A passage's typed links in a list row (Passages view): relation and the other passage, followed in place. */
export function LinkBadges({ highlightId, links }: { highlightId: number; links: PassageLink[] }): React.JSX.Element | null {
  if (!links.length) return null
  return (
    <ul className="link-badges" aria-label="Links">
      {links.map((l) => {
        const { relation, other } = fromSide(l, highlightId)
        return (
          <li key={l.id}>
            <span className={`link-relation rel-${l.relation}`}>{relation}</span>{' '}
            <a href={passageHref(other)} className="link-quote">
              “{shortQuote(other.exact, 80)}”
            </a>{' '}
            <span className="muted">({endSource(other)})</span>
          </li>
        )
      })}
    </ul>
  )
}
