import { useEffect, useState } from 'react'
import type { Article } from '@shared/model'
import { api, errorMessage } from '../api'
import { fileName, formatCount, formatDate } from '../format'

export function Reader({ id }: { id: number }): React.JSX.Element {
  const [article, setArticle] = useState<Article | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [original, setOriginal] = useState(false)

  useEffect(() => {
    api['articles.get']({ id }).then(setArticle, (e: unknown) => setError(errorMessage(e)))
  }, [id])

  if (error) {
    return (
      <div className="reader">
        <a href="#/library" className="back">
          ← Library
        </a>
        <div className="empty">
          <h2>This article cannot be shown</h2>
          <p>{error}</p>
        </div>
      </div>
    )
  }
  if (!article) return <p className="muted">Loading…</p>

  return (
    <article className="reader" aria-labelledby="article-title">
      <div className="reader-bar">
        <a href="#/library" className="back">
          ← Library
        </a>
        <div className="segmented" role="group" aria-label="Text shown">
          <button type="button" aria-pressed={!original} onClick={() => setOriginal(false)}>
            Clean text
          </button>
          <button type="button" aria-pressed={original} onClick={() => setOriginal(true)}>
            Original
          </button>
        </div>
      </div>
      <header className="article-head">
        <h1 id="article-title">{article.title}</h1>
        <p className="meta">
          <span>{article.outlet ?? 'Unknown outlet'}</span>
          {article.wire ? <span>via {article.wire}</span> : null}
          <span>{formatDate(article.published)}</span>
          <span>{formatCount(article.words)} words</span>
          <span title={article.sourceName}>{fileName(article.sourceName)}</span>
        </p>
      </header>
      {original ? (
        <pre className="raw" data-testid="original">
          {article.raw}
        </pre>
      ) : (
        <div className="body" data-testid="article-body">
          {article.body.split('\n\n').map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
    </article>
  )
}
