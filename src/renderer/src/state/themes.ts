import type { Theme } from '@shared/model'
import { api } from '../api'
import type { UndoableAction } from './notebook'

// Every theme action as a contract call plus its inverse, for Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (as
// state/coding.ts does for highlights): the Themes view and the Matrix's column arrows use these.

type ThemePatch = { name?: string; color?: string; description?: string; keywords?: Theme['keywords'] }

export const createTheme = (name: string) => ({
  run: () => api['themes.create']({ name }),
  undoable: (t: Theme): UndoableAction => ({
    label: `add theme ${t.name}`,
    undo: () => api['themes.delete']({ id: t.id }),
    redo: () => api['themes.restore']({ id: t.id }),
  }),
})

/** A patch of the fields given; Undo puts back those fields as `theme` had them. */
export const updateTheme = (theme: Theme, patch: ThemePatch, label: string) => {
  const before = { name: theme.name, color: theme.color, description: theme.description, keywords: theme.keywords }
  const undoPatch = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof typeof before]]))
  return {
    run: () => api['themes.update']({ id: theme.id, ...patch }),
    undoable: (): UndoableAction => ({
      label,
      undo: () => api['themes.update']({ id: theme.id, ...undoPatch }),
      redo: () => api['themes.update']({ id: theme.id, ...patch }),
    }),
  }
}

/** The codebook's order from `ids` (as it is) to `next`. */
export const reorderThemes = (ids: number[], next: number[]) => ({
  run: () => api['themes.reorder']({ ids: next }),
  undoable: (): UndoableAction => ({
    label: 'reorder themes',
    undo: () => api['themes.reorder']({ ids }),
    redo: () => api['themes.reorder']({ ids: next }),
  }),
})

export const deleteTheme = (theme: Theme) => ({
  run: () => api['themes.delete']({ id: theme.id }),
  undoable: (): UndoableAction => ({
    label: `delete theme ${theme.name}`,
    undo: () => api['themes.restore']({ id: theme.id }),
    redo: () => api['themes.delete']({ id: theme.id }),
  }),
})

/** Under the theme `parentId` (one level; `themes` names it), or to the top level when null. */
export const setThemeParent = (theme: Theme, parentId: number | null, themes: readonly Theme[]) => {
  const target = parentId === null ? null : themes.find((t) => t.id === parentId)
  return {
    run: () => api['themes.setParent']({ id: theme.id, parentId }),
    undoable: (): UndoableAction => ({
      label: target ? `make ${theme.name} a sub-theme of ${target.name}` : `move ${theme.name} to the top level`,
      undo: () => api['themes.setParent']({ id: theme.id, parentId: theme.parentId }),
      redo: () => api['themes.setParent']({ id: theme.id, parentId }),
    }),
  }
}

export const mergeTheme = (theme: Theme, targetId: number) => ({
  run: () => api['themes.merge']({ sourceId: theme.id, targetId }),
  undoable: ({ moved }: { moved: number[] }): UndoableAction => ({
    label: `merge ${theme.name}`,
    undo: () => api['themes.unmerge']({ sourceId: theme.id, moved }),
    redo: () => api['themes.merge']({ sourceId: theme.id, targetId }),
  }),
})
