import { useNotebook } from '../state/notebook'

export function Toasts(): React.JSX.Element {
  const { toasts, dismiss, undo } = useNotebook()
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>
            {t.text}
            {t.hints?.length ? (
              <ul className="toast-hints">
                {t.hints.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            ) : null}
          </span>
          {t.actions?.map((a) => (
            <button key={a.label} type="button" className="link" onClick={() => (dismiss(t.id), a.run())}>
              {a.label}
            </button>
          ))}
          {t.undo ? (
            <button type="button" className="link" onClick={() => (dismiss(t.id), void undo())}>
              Undo
            </button>
          ) : null}
          <button type="button" className="link" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  )
}
