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
  /** The suggestions at the clicked point: one passage, one row per theme. */
  suggestions: Suggestion[]
  themes: Theme[]
  rects: DOMRect[]
  column: DOMRect
  onAccept: (s: Suggestion) => void
  onReject: (s: Suggestion) => void
  onClose: () => void
}

/** A clicked suggestion underline: the passage, why it is suggested, accept or reject; beside the passage. */
export function SuggestionCard({ suggestions, themes, rects, column, onAccept, onReject, onClose }: Props): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  const [height, setHeight] = useState(240)
  useLayoutEffect(() => setHeight(Math.ceil(box.current?.scrollHeight ?? 240) + 2), [])
  const place = placeBeside(rects, column, { width: 330, height }, { width: window.innerWidth, height: window.innerHeight })
  const first = suggestions[0] as Suggestion
  const name = (s: Suggestion): string => themes.find((t) => t.id === s.themeId)?.name ?? 'a theme'
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
            {suggestions.length === 1 ? (
              <>
                <span className={`swatch swatch-${first.themeId}`} aria-hidden /> Suggested: {name(first)}
              </>
            ) : (
              `Suggested for ${suggestions.length} themes`
            )}
          </strong>
          <button type="button" className="link" onClick={onClose} aria-label="Close">
            ✕
          </button>
        </div>
        <blockquote className="popover-quote">{first.text}</blockquote>
        {suggestions.map((s) => (
          <div key={s.themeId} className="suggestion-row">
            {suggestions.length > 1 ? (
              <div className="suggestion-theme">
                <span className={`swatch swatch-${s.themeId}`} aria-hidden /> {name(s)}
              </div>
            ) : null}
            <SuggestionReason suggestion={s} />
            <div className="popover-actions suggestion-actions">
              <button
                type="button"
                className="primary"
                onClick={() => onAccept(s)}
                aria-label={suggestions.length > 1 ? `Accept: ${name(s)}` : 'Accept'}
              >
                Accept
              </button>
              <button type="button" onClick={() => onReject(s)} aria-label={suggestions.length > 1 ? `Reject: ${name(s)}` : 'Reject'}>
                Reject
              </button>
            </div>
          </div>
        ))}
      </div>
    </FocusScope>
  )
}
