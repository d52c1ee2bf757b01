import { useState } from 'react'
import type { Highlight, Theme } from '@shared/model'
import { Backlinks } from '../components/Backlinks'
import { QuoteInNote } from '../components/QuoteInNote'
import { PassageLinks } from '../claims/PassageLinks'

interface Props {
  highlight: Highlight
  themes: Theme[]
  rect: DOMRect | null
  bodyLength: number
  onRetheme: (themeId: number | null) => void
  onComment: (comment: string) => void
  onResize: (start: number, end: number) => void
  onDelete: () => void
  onClose: () => void
}

/** What a clicked highlight is: its theme, comment and the notes quoting it; re-theme, resize or delete. */
export function HighlightPopover({
  highlight,
  themes,
  rect,
  bodyLength,
  onRetheme,
  onComment,
  onResize,
  onDelete,
  onClose,
}: Props): React.JSX.Element {
  const [comment, setComment] = useState(highlight.comment)
  const theme = themes.find((t) => t.id === highlight.themeId)
  // Below the passage when there is room, else as high as needed; the popover scrolls if the window is short.
  const top = rect ? Math.max(8, Math.min(rect.bottom + 8, window.innerHeight - 480)) : 120
  const left = rect ? Math.min(Math.max(8, rect.left), window.innerWidth - 340) : 120
  const step = (delta: number, edge: 'start' | 'end'): void => {
    const start = edge === 'start' ? highlight.start + delta : highlight.start
    const end = edge === 'end' ? highlight.end + delta : highlight.end
    if (start >= 0 && end <= bodyLength && end > start) onResize(start, end)
  }
  return (
    <div className="popover" role="dialog" aria-label="Highlight" style={{ top, left, maxHeight: `calc(100vh - ${top + 8}px)` }}>
      <div className="popover-head">
        <strong>
          <span className={`swatch swatch-${highlight.themeId ?? 'none'}`} aria-hidden /> {theme?.name ?? 'No theme'}
        </strong>
        <button type="button" className="link" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <blockquote className="popover-quote">{highlight.exact}</blockquote>
      {highlight.anchor === 'orphan' ? (
        <p className="error">This passage is no longer found in the article text; it is kept as it was.</p>
      ) : null}
      <div className="chips" role="group" aria-label="Theme">
        {themes.map((t) => (
          <button key={t.id} type="button" aria-pressed={t.id === highlight.themeId} onClick={() => onRetheme(t.id)}>
            <span className={`swatch swatch-${t.id}`} aria-hidden />
            {t.name}
          </button>
        ))}
      </div>
      <label className="field">
        Comment
        <textarea
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          onBlur={() => comment !== highlight.comment && onComment(comment)}
        />
      </label>
      <div className="resize" role="group" aria-label="Resize">
        <span className="muted">Start</span>
        <button type="button" onClick={() => step(-1, 'start')} aria-label="Extend start">
          ◂
        </button>
        <button type="button" onClick={() => step(1, 'start')} aria-label="Shrink start">
          ▸
        </button>
        <span className="muted">End</span>
        <button type="button" onClick={() => step(-1, 'end')} aria-label="Shrink end">
          ◂
        </button>
        <button type="button" onClick={() => step(1, 'end')} aria-label="Extend end">
          ▸
        </button>
      </div>
      <PassageLinks highlightId={highlight.id} />
      <Backlinks kind="highlight" id={highlight.id} title="Quoted in notes" />
      <div className="popover-actions">
        <QuoteInNote highlightId={highlight.id} />
        <button type="button" className="danger" onClick={onDelete}>
          Delete highlight
        </button>
      </div>
    </div>
  )
}
