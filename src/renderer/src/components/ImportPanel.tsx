import type { ImportState } from '../useImport'
import { fileName } from '../format'

const LABEL = { imported: 'Imported', duplicate: 'Already in library', failed: 'Failed' } as const

export function ImportPanel({ state, onDismiss }: { state: ImportState; onDismiss: () => void }): React.JSX.Element | null {
  if (state.total === 0) return null
  const count = (s: keyof typeof LABEL): number => state.results.filter((r) => r.status === s).length
  return (
    <section className="import-panel" aria-live="polite" data-testid="import-panel">
      <div className="import-head">
        {state.running ? (
          <>
            <strong>
              Importing {state.done} of {state.total}…
            </strong>
            <progress max={state.total} value={state.done} />
          </>
        ) : (
          <>
            <strong>
              {count('imported')} imported, {count('duplicate')} already in library, {count('failed')} failed
            </strong>
            <button type="button" className="link" onClick={onDismiss}>
              Dismiss
            </button>
          </>
        )}
      </div>
      {state.results.length ? (
        <ul className="import-results">
          {state.results.map((r, i) => (
            <li key={`${r.file}-${i}`} className={`status-${r.status}`}>
              <span className="status">{LABEL[r.status]}</span>
              <span className="file" title={r.file}>
                {fileName(r.file)}
              </span>
              <span className="detail">
                {r.status === 'failed' ? r.error : r.id ? <a href={`#/article/${r.id}`}>{r.title}</a> : r.title}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
