import type { Highlight, Suggestion } from '@shared/model'
import type { Span } from '@shared/body'
import { api, ClientError } from '../api'
import type { UndoableAction } from './notebook'

// Every coding action as a contract call plus its inverse, for Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z.

const restoreInput = (h: Highlight) => ({
  id: h.id,
  articleId: h.articleId,
  themeId: h.themeId,
  start: h.start,
  end: h.end,
  comment: h.comment,
  createdAt: h.createdAt,
})

export const createHighlight = (input: { articleId: number; start: number; end: number; themeId: number | null; comment?: string }) => ({
  run: () => api['highlights.create'](input),
  undoable: (h: Highlight): UndoableAction => ({
    label: 'highlight',
    undo: () => api['highlights.delete']({ id: h.id }),
    redo: () => api['highlights.restore'](restoreInput(h)),
  }),
})

export const deleteHighlight = (id: number) => ({
  run: () => api['highlights.delete']({ id }),
  undoable: (h: Highlight): UndoableAction => ({
    label: 'delete highlight',
    undo: () => api['highlights.restore'](restoreInput(h)),
    redo: () => api['highlights.delete']({ id: h.id }),
  }),
})

/**
 * The highlight as the store holds it. Read inside a write's run, at its turn in the notebook's queue
 * (every earlier write, undo and redo answered), it is what the write changes and what its undo goes
 * back to, never an older version a view still shows while its list refreshes.
 */
async function stored(h: Pick<Highlight, 'id' | 'articleId'>): Promise<Highlight> {
  const found = (await api['highlights.list']({ articleId: h.articleId })).find((x) => x.id === h.id)
  if (!found) throw new ClientError('not_found', 'This highlight is no longer there.')
  return found
}

/** Re-theme or comment; the undo restores the theme or comment the store had just before. */
export const updateHighlight = (target: Highlight, patch: { themeId: number | null } | { comment: string }) => ({
  run: async () => {
    const before = await stored(target)
    return { before, after: await api['highlights.update']({ id: target.id, ...patch }) }
  },
  undoable: ({ before }: { before: Highlight }): UndoableAction => ({
    label: 'themeId' in patch ? 're-theme' : 'comment',
    undo: () =>
      api['highlights.update']({ id: before.id, ...('themeId' in patch ? { themeId: before.themeId } : { comment: before.comment }) }),
    redo: () => api['highlights.update']({ id: before.id, ...patch }),
  }),
})

/**
 * Resize by a change of the span (a step, a drop), worked out from the span the store holds at the
 * resize's turn: a key pressed right after a resize, undo or redo moves on from that one's result.
 * Nothing changed, nothing is recorded.
 */
export const resizeHighlight = (target: Highlight, change: (current: Span) => Span | null) => ({
  run: async () => {
    const before = await stored(target)
    const span = change({ start: before.start, end: before.end })
    if (!span || (span.start === before.start && span.end === before.end)) return null
    return { before, after: await api['highlights.update']({ id: before.id, start: span.start, end: span.end }) }
  },
  undoable: (done: { before: Highlight; after: Highlight } | null): UndoableAction | null =>
    done && {
      label: 'resize',
      undo: () => api['highlights.update']({ id: done.before.id, start: done.before.start, end: done.before.end }),
      redo: () => api['highlights.update']({ id: done.after.id, start: done.after.start, end: done.after.end }),
    },
})

export const acceptSuggestion = (s: Suggestion) =>
  createHighlight({ articleId: s.articleId, start: s.start, end: s.end, themeId: s.themeId })

export const rejectSuggestion = (s: Suggestion) => {
  const span = { articleId: s.articleId, themeId: s.themeId, start: s.start, end: s.end }
  return {
    run: () => api['suggestions.reject'](span),
    undoable: (): UndoableAction => ({
      label: 'reject suggestion',
      undo: () => api['suggestions.unreject'](span),
      redo: () => api['suggestions.reject'](span),
    }),
  }
}
