import { useEffect, useRef, useState } from 'react'
import type { ClaimProposal, ClaimProposals, PassageLink } from '@shared/contract-claims'
import { api } from '../api'
import { useNotebook } from '../state/notebook'
import { endSource, passageHref, shortQuote } from './links'
import './claims.css'

const STATUS: Record<ClaimProposal['status'], string> = { agree: 'agree', differ: 'differ', 'only-here': 'only here' }

/**
 * The typed links between the round's passages, each end followed in place. With `themeId` (a
 * Matrix cell's claims, #/matrix/<round>/claims/<theme>) only the links touching that cell's
 * passages are listed, with a way back to all of them.
 */
export function RoundLinks({ roundId, themeId = null }: { roundId: number; themeId?: number | null }): React.JSX.Element {
  const { revision, themes } = useNotebook()
  const [links, setLinks] = useState<PassageLink[] | null>(null)
  // The cell's link ids, kept with the theme they were read for (a stale answer shows nothing).
  const [cellRead, setCell] = useState<{ themeId: number; ids: Set<number> } | null>(null)
  const cell = themeId !== null && cellRead?.themeId === themeId ? cellRead.ids : null
  const section = useRef<HTMLElement>(null)
  useEffect(() => {
    let live = true
    api['passageLinks.list']({ roundId }).then(
      (list) => live && setLinks(list),
      () => live && setLinks([]),
    )
    if (themeId !== null)
      api['matrix.claims']({ roundIds: [roundId] }).then(
        (cells) => live && setCell({ themeId, ids: new Set(cells.find((c) => c.themeId === themeId)?.linkIds ?? []) }),
        () => live && setCell({ themeId, ids: new Set() }),
      )
    return () => {
      live = false
    }
  }, [roundId, themeId, revision])
  // Arriving from a Matrix cell: the cell's claims are what the user asked to see.
  useEffect(() => {
    if (themeId !== null && cell) section.current?.scrollIntoView({ block: 'start' })
  }, [themeId, cell])
  const theme = themeId === null ? null : themes.find((t) => t.id === themeId)
  const shown = themeId !== null && !cell ? [] : (links ?? []).filter((l) => !cell || cell.has(l.id))
  return (
    <section ref={section} className="round-links" aria-label="Links between passages">
      <h3>
        Links between passages{theme ? ` — ${theme.name}` : ''} <span className="muted">{shown.length}</span>
      </h3>
      {cell ? (
        <p className="small muted">
          Only the links touching this round’s {theme ? `“${theme.name}”` : 'theme'} passages.{' '}
          <a href={`#/matrix/${roundId}`}>Show all links of the round</a>
        </p>
      ) : null}
      {links && shown.length === 0 ? <p className="small muted">No links yet: open a highlight and link it to another passage.</p> : null}
      <ul>
        {shown.map((l) => (
          <li key={l.id} className="link-item">
            <span>
              <a href={passageHref(l.from)} className="link-quote">
                “{shortQuote(l.from.exact, 80)}”
              </a>{' '}
              <span className="muted">({endSource(l.from)})</span> <span className={`link-relation rel-${l.relation}`}>{l.relation}</span>{' '}
              <a href={passageHref(l.to)} className="link-quote">
                “{shortQuote(l.to.exact, 80)}”
              </a>{' '}
              <span className="muted">({endSource(l.to)})</span>
            </span>
            {l.note ? <span className="muted">{shortQuote(l.note, 200)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Claims Parley proposes for the round, with why; accepting makes highlights and typed links (undoable), rejecting is remembered. */
export function RoundClaims({ roundId }: { roundId: number }): React.JSX.Element {
  const { revision, perform } = useNotebook()
  const [proposals, setProposals] = useState<ClaimProposals | null>(null)
  const [acrossOnly, setAcrossOnly] = useState(true)
  useEffect(() => {
    let live = true
    api['claims.propose']({ roundId }).then(
      (p) => live && setProposals(p),
      () => live && setProposals({ roundId, claims: [], rejected: [], truncated: false }),
    )
    return () => {
      live = false
    }
  }, [roundId, revision])
  const accept = (claim: ClaimProposal): void => {
    void perform(
      () => api['claims.accept']({ roundId, key: claim.key }),
      (result) => ({
        label: 'accept claim',
        undo: async () => {
          for (const l of result.links) await api['passageLinks.delete']({ id: l.id })
          for (const id of result.created) await api['highlights.delete']({ id })
        },
        redo: () => api['claims.accept']({ roundId, key: claim.key }),
      }),
    )
  }
  const reject = (claim: ClaimProposal): void => {
    void perform(
      () => api['claims.reject']({ roundId, key: claim.key }),
      () => ({
        label: 'reject claim',
        undo: () => api['claims.unreject']({ roundId, key: claim.key }),
        redo: () => api['claims.reject']({ roundId, key: claim.key }),
      }),
    )
  }
  const claims = (proposals?.claims ?? []).filter((c) => !acrossOnly || c.passages.length > 1)
  const counts = { agree: 0, differ: 0, 'only-here': 0 }
  for (const c of proposals?.claims ?? []) counts[c.status]++
  return (
    <section className="round-claims" aria-label="Claims across outlets">
      <h3>Claims across outlets</h3>
      {proposals === null ? (
        <p className="small muted">Reading the round…</p>
      ) : (
        <>
          <div className="claims-filter">
            <span className="muted">
              {counts.differ} differ · {counts.agree} agree · {counts['only-here']} only here
              {proposals.rejected.length ? ` · ${proposals.rejected.length} rejected` : ''}
            </span>
            <label>
              <input type="checkbox" checked={acrossOnly} onChange={(e) => setAcrossOnly(e.target.checked)} /> Only claims in several
              outlets
            </label>
          </div>
          {proposals.truncated ? <p className="small muted">This round is large: only part of it was read for claims.</p> : null}
          {claims.length === 0 ? <p className="small muted">No claims proposed{acrossOnly ? ' in several outlets' : ''}.</p> : null}
          <ul>
            {claims.map((c) => (
              <li key={c.key} className="claim" aria-label={`Claim: ${c.speaker ?? 'unattributed'}`}>
                <div className="claim-head">
                  <span className={`claim-status status-${c.status}`}>{STATUS[c.status]}</span>
                  <strong>{c.speaker ?? 'Unattributed'}</strong>
                  <span className="muted">
                    {c.passages.length} article{c.passages.length === 1 ? '' : 's'}
                  </span>
                </div>
                {c.passages.map((p) => (
                  <blockquote key={`${p.articleId}:${p.start}`} className="claim-passage">
                    <span className="link-quote">{p.text}</span>
                    <a href={`#/article/${p.articleId}`} className="small">
                      {[p.outlet ?? p.title, p.published].filter(Boolean).join(', ')}
                    </a>
                  </blockquote>
                ))}
                {c.differences.length ? (
                  <table className="claim-differences" aria-label="Differences">
                    <tbody>
                      {c.differences.map((d, i) => (
                        <tr key={i}>
                          <th scope="row">{d.kind}</th>
                          {d.values.map((v, k) => (
                            <td key={k}>
                              {v.value}{' '}
                              <span className="muted">({c.passages.find((p) => p.articleId === v.articleId)?.outlet ?? 'article'})</span>
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                <details>
                  <summary className="small">Why Parley proposes it</summary>
                  <ul className="small">
                    {c.reasons.map((r, i) => (
                      <li key={i}>{r}</li>
                    ))}
                  </ul>
                </details>
                {c.accepted ? (
                  <p className="small claim-accepted">✓ Accepted: its passages are highlighted and linked.</p>
                ) : (
                  <div className="claim-actions">
                    <button type="button" className="primary" onClick={() => accept(c)}>
                      Accept: highlight and link
                    </button>
                    <button type="button" className="button" onClick={() => reject(c)}>
                      Reject
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
