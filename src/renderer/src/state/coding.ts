import type { Highlight, Suggestion } from '@shared/model'
import { api } from '../api'
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

export const updateHighlight = (before: Highlight, patch: { themeId?: number | null; comment?: string; start?: number; end?: number }) => ({
  run: () => api['highlights.update']({ id: before.id, ...patch }),
  undoable: (): UndoableAction => ({
    label: patch.themeId !== undefined ? 're-theme' : patch.comment !== undefined ? 'comment' : 'resize',
    undo: () =>
      api['highlights.update']({
        id: before.id,
        ...(patch.themeId !== undefined ? { themeId: before.themeId } : {}),
        ...(patch.comment !== undefined ? { comment: before.comment } : {}),
        ...(patch.start !== undefined ? { start: before.start, end: before.end } : {}),
      }),
    redo: () => api['highlights.update']({ id: before.id, ...patch }),
  }),
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
