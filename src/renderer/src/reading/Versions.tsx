import { useEffect, useState } from 'react'
import type { ArticleVersions } from '@shared/model'
import { api } from '../api'
import { formatDate } from '../format'

/** The article's versions (a changed copy imported again) and what changed between them. */
export function Versions({ id }: { id: number }): React.JSX.Element | null {
  const [versions, setVersions] = useState<ArticleVersions | null>(null)
  const [open, setOpen] = useState(false)
  useEffect(() => {
    let live = true
    api['articles.versions']({ id }).then(
      (v) => live && setVersions(v),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [id])
  if (!versions || versions.chain.length < 2) return null
  return (
    <section className="versions" aria-label="Versions">
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {versions.chain.length} versions of this article
      </button>
      {open ? (
        <ol>
          {versions.chain.map((v, i) => {
            const diff = versions.diffs.find((d) => d.to === v.id)
            return (
              <li key={v.id}>
                <a href={`#/article/${v.id}`} aria-current={v.id === id ? 'true' : undefined}>
                  Version {i + 1}
                </a>{' '}
                <span className="muted small">imported {formatDate(v.importedAt.slice(0, 10))}</span>
                {diff ? (
                  <div className="small">
                    {diff.added.length} paragraph{diff.added.length === 1 ? '' : 's'} added, {diff.removed.length} removed, {diff.unchanged}{' '}
                    unchanged
                    {diff.fields.length ? `; changed: ${diff.fields.join(', ')}` : ''}
                    {diff.added.slice(0, 3).map((p, j) => (
                      <p key={`a${j}`} className="diff-added">
                        + {p}
                      </p>
                    ))}
                    {diff.removed.slice(0, 3).map((p, j) => (
                      <p key={`r${j}`} className="diff-removed">
                        − {p}
                      </p>
                    ))}
                  </div>
                ) : null}
              </li>
            )
          })}
        </ol>
      ) : null}
    </section>
  )
}
