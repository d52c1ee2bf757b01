import { useState } from 'react'
import type { Article, ArticleField } from '@shared/model'
import { api } from '../api'
import { useNotebook } from '../state/notebook'

const FIELDS: Array<{ key: ArticleField; label: string; type?: string; placeholder: string }> = [
  { key: 'title', label: 'Title', placeholder: 'Headline' },
  { key: 'outlet', label: 'Outlet', placeholder: 'Who published it' },
  { key: 'wire', label: 'Wire', placeholder: 'Agency, if a wire story' },
  { key: 'author', label: 'Author', placeholder: 'Byline' },
  { key: 'published', label: 'Published', type: 'date', placeholder: 'YYYY-MM-DD' },
  { key: 'url', label: 'URL', placeholder: 'https://…' },
]

/** Every detected field can be corrected; an edit survives re-import and re-clean, and can be reverted. */
export function ArticleDetails({ article, onClose }: { article: Article; onClose: () => void }): React.JSX.Element {
  const { perform } = useNotebook()
  const [values, setValues] = useState<Record<ArticleField, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f.key, (article[f.key] as string | null) ?? ''])) as Record<ArticleField, string>,
  )
  const save = async (): Promise<void> => {
    const patch: Record<string, string | null> = {}
    for (const f of FIELDS) {
      const before = (article[f.key] as string | null) ?? ''
      const after = values[f.key].trim()
      if (after !== before) patch[f.key] = after === '' && f.key !== 'title' ? null : after
    }
    if (Object.keys(patch).length === 0) return onClose()
    const undoPatch = Object.fromEntries(Object.keys(patch).map((k) => [k, (article[k as ArticleField] as string | null) ?? null]))
    const done = await perform(
      () => api['articles.update']({ id: article.id, ...patch }),
      () => ({
        label: 'edit details',
        undo: () => api['articles.update']({ id: article.id, ...undoPatch }),
        redo: () => api['articles.update']({ id: article.id, ...patch }),
      }),
    )
    if (done) onClose()
  }
  const revert = async (field: ArticleField): Promise<void> => {
    await perform(
      () => api['articles.update']({ id: article.id, revert: [field] }),
      () => ({
        label: `revert ${field}`,
        undo: () => api['articles.update']({ id: article.id, [field]: (article[field] as string | null) ?? null }),
        redo: () => api['articles.update']({ id: article.id, revert: [field] }),
      }),
    )
    onClose()
  }
  return (
    <form
      className="details-form"
      aria-label="Article details"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      {FIELDS.map((f) => (
        // The revert button sits outside the <label>: a button inside it would take the label.
        <div key={f.key} className={`detail-field${article.needsAttention.includes(f.key) ? ' needs' : ''}`}>
          <div className="detail-label">
            <label htmlFor={`detail-${f.key}`}>{f.label}</label>
            {article.edited.includes(f.key) ? (
              <button
                type="button"
                className="link small"
                onClick={() => void revert(f.key)}
                title="Forget your edit and use what Parley detected"
              >
                edited · revert
              </button>
            ) : null}
          </div>
          <input
            id={`detail-${f.key}`}
            type={f.type ?? 'text'}
            value={values[f.key]}
            placeholder={article.needsAttention.includes(f.key) ? `Not found — ${f.placeholder.toLowerCase()}` : f.placeholder}
            onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
          />
        </div>
      ))}
      <div className="details-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save details
        </button>
      </div>
    </form>
  )
}
