import { useEffect, useState } from 'react'
import { api } from '../api'

/** What cleaning removed from the original, block by block, with why: the cleaner is not a black box. */
export function Removed({ id }: { id: number }): React.JSX.Element {
  const [blocks, setBlocks] = useState<Array<{ text: string; reason: string }> | null>(null)
  useEffect(() => {
    let live = true
    api['articles.removed']({ id }).then(
      (b) => live && setBlocks(b),
      () => live && setBlocks([]),
    )
    return () => {
      live = false
    }
  }, [id])
  if (!blocks) return <p className="muted small">Loading…</p>
  return (
    <section className="removed" aria-label="Removed by cleaning">
      <h3>
        Removed by cleaning <span className="muted">{blocks.length}</span>
      </h3>
      {blocks.length === 0 ? (
        <p className="muted small">Nothing was removed.</p>
      ) : (
        <ul>
          {blocks.map((b, i) => (
            <li key={i}>
              <span className="reason-tag">{b.reason}</span>{' '}
              <span className="removed-text">{b.text.length > 300 ? `${b.text.slice(0, 300)}…` : b.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
