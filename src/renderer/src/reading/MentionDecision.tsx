import type { Suggestion } from '@shared/model'
import { useNotebook, type UndoableAction } from '../state/notebook'
import { acceptSuggestion, rejectSuggestion } from '../state/coding'

/**
 * The two answers to a sentence that mentions a theme but is not coded with it: code it, or say it is
 * not this theme, each undoable. One place for both, so Compare's card and the Passages view's mention
 * list cannot drift apart. Renders the two buttons only; the caller wraps them.
 *
 *   <div className="popover-actions"><MentionDecision suggestion={s} onDecided={close} /></div>
 */
export function MentionDecision({ suggestion, onDecided }: { suggestion: Suggestion; onDecided?: () => void }): React.JSX.Element {
  const { perform } = useNotebook()
  const decide = <T,>(action: { run: () => Promise<T>; undoable: (result: T) => UndoableAction }): void => {
    void perform(action.run, action.undoable)
    onDecided?.()
  }
  return (
    <>
      <button type="button" className="primary" onClick={() => decide(acceptSuggestion(suggestion))}>
        Code it
      </button>
      <button type="button" onClick={() => decide(rejectSuggestion(suggestion))}>
        Not this theme
      </button>
    </>
  )
}
