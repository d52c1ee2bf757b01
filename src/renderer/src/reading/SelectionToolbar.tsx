import { useState } from 'react'
import type { Theme } from '@shared/model'

interface Props {
  rect: DOMRect
  themes: Theme[]
  onTag: (themeId: number | null, comment?: string) => void
}

/** Floats above a selection: one button per theme (keys 1–9), or a comment first. */
export function SelectionToolbar({ rect, themes, onTag }: Props): React.JSX.Element {
  const [commenting, setCommenting] = useState(false)
  const [comment, setComment] = useState('')
  const top = Math.max(8, rect.top - 48)
  const left = Math.min(Math.max(8, rect.left), window.innerWidth - 380)
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight selection"
      style={{ top, left }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {commenting ? (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            onTag(themes[0]?.id ?? null, comment)
          }}
        >
          <input
            autoFocus
            aria-label="Comment"
            placeholder="Comment (Enter to save)"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </form>
      ) : (
        <>
          {themes.slice(0, 9).map((t, i) => (
            <button key={t.id} type="button" onClick={() => onTag(t.id)} title={`${t.name} (${i + 1})`}>
              <span className={`swatch swatch-${t.id}`} aria-hidden />
              {t.name}
              <kbd>{i + 1}</kbd>
            </button>
          ))}
          <button type="button" onClick={() => setCommenting(true)} title="Highlight with a comment">
            Comment…
          </button>
        </>
      )}
    </div>
  )
}
