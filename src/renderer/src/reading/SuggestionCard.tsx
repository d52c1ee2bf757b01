import { useLayoutEffect, useRef, useState } from 'react'
import type { Suggestion, Theme } from '@shared/model'
import { FocusScope } from '../components/focusTrap'
import { placeBeside } from './place'

/** Why Parley suggests a passage: the terms it matched and the highlight it resembles. */
export function SuggestionReason({ suggestion }: { suggestion: Suggestion }): React.JSX.Element {
  const { reason } = suggestion
  return (
    <div className="reason small muted">
      {reason.terms.length ? <>Matched: {reason.terms.join(', ')}</> : null}
      {reason.resembles ? <> · Resembles your highlight “{reason.resembles.text}”</> : null}
    </div>
  )
}

interface Props {
  suggestion: Suggestion
  themes: Theme[]
  rects: DOMRect[]
  column: DOMRect
  onAccept: () => void
  onReject: () => void
  onClose: () => void
}

/** A clicked suggestion underline: the passage, why it is suggested, accept or reject; beside the passage. */
export function SuggestionCard({ suggestion, themes, rects, column, onAccept, onReject, onClose }: Props): React.JSX.Element {
  const theme = themes.find((t) => t.id === suggestion.themeId)
  const box = useRef<HTMLDivElement>(null)
  const [height, setHeight] = useState(240)
  useLayoutEffect(() => setHeight(Math.ceil(box.current?.scrollHeight ?? 240) + 2), [])
  const place = placeBeside(rects, column, { width: 330, height }, { width: window.innerWidth, height: window.innerHeight })
  return (
    <FocusScope onEscape={onClose}>
      <div
        ref={box}
        className="popover"
        role="dialog"
        aria-label="Suggestion"
        style={{ top: place.top, left: place.left, width: place.width, maxHeight: place.maxHeight }}
      >
        <div className="popover-head">
          <strong>
            <span className={`swatch swatch-${suggestion.themeId}`} aria-hidden /> Suggested: {theme?.name ?? 'a theme'}
          </strong>
          <button type="button" className="link" onClick={onClose} aria-label="Close">
            ✕
          </button>
        </div>
        <blockquote className="popover-quote">{suggestion.text}</blockquote>
        <SuggestionReason suggestion={suggestion} />
        <div className="popover-actions suggestion-actions">
          <button type="button" className="primary" onClick={onAccept}>
            Accept
          </button>
          <button type="button" onClick={onReject}>
            Reject
          </button>
        </div>
      </div>
    </FocusScope>
  )
}
