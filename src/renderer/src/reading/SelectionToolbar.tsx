import { useLayoutEffect, useRef, useState } from 'react'
import type { Theme } from '@shared/model'
import { isSubTheme, ThemeButtonLabel, themeTitle } from './subThemes'
import './reading.css'

interface Props {
  rect: DOMRect
  themes: Theme[]
  onTag: (themeId: number | null, comment?: string) => void
}

/** Floats above a selection: one button per theme (keys 1–9), or a comment first. */
export function SelectionToolbar({ rect, themes, onTag }: Props): React.JSX.Element {
  const [commenting, setCommenting] = useState(false)
  const [comment, setComment] = useState('')
  const box = useRef<HTMLDivElement>(null)
  // Placed from its measured size: with more themes (sub-themes among them) it is wider than the
  // 380 px once assumed and ran off the window's right edge; it wraps when wider than the window.
  const [size, setSize] = useState({ width: 380, height: 40 })
  useLayoutEffect(() => {
    const el = box.current
    if (el && (el.offsetWidth !== size.width || el.offsetHeight !== size.height))
      setSize({ width: el.offsetWidth, height: el.offsetHeight })
  }, [size.width, size.height, rect, themes, commenting])
  const top = Math.max(8, rect.top - size.height - 8)
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - size.width - 8))
  return (
    <div
      ref={box}
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
            <button
              key={t.id}
              type="button"
              className={isSubTheme(t, themes) ? 'sub-theme' : undefined}
              onClick={() => onTag(t.id)}
              title={`${themeTitle(t, themes)} (${i + 1})`}
            >
              <ThemeButtonLabel theme={t} themes={themes} />
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
