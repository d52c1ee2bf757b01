import { useCallback } from 'react'
import type { ArticleBulkPatch, DeletedArticles } from '@shared/model'
import { api } from '../api'
import { useNotebook } from './notebook'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** What went with a delete, in a sentence: the user knows what Undo will bring back. */
export function deletedText(label: string, r: DeletedArticles): string {
  const parts = [
    r.highlights ? plural(r.highlights, 'highlight') : null,
    r.rounds ? `its place in ${plural(r.rounds, 'round')}` : null,
  ].filter(Boolean)
  const notes = r.notes ? ` ${plural(r.notes, 'note')} keep${r.notes === 1 ? 's' : ''} the quoted text.` : ''
  return `Deleted ${label}${parts.length ? ` with ${parts.join(' and ')}` : ''}.${notes}`
}

/** Deleting and bulk-editing articles, each undoable (toast and Ctrl/Cmd+Z). */
export function useArticleActions(): {
  remove: (ids: number[], label: string) => Promise<DeletedArticles | undefined>
  update: (patches: ArticleBulkPatch[], label: string) => Promise<boolean>
  addToRound: (roundId: number, ids: number[], label: string) => Promise<boolean>
} {
  const { perform, notify } = useNotebook()
  const remove = useCallback(
    async (ids: number[], label: string) => {
      const done = await perform(
        () => api['articles.delete']({ ids }),
        (r) => ({
          label: `delete ${label}`,
          undo: () => api['articles.restore']({ ids: r.ids }),
          redo: () => api['articles.delete']({ ids: r.ids }),
        }),
      )
      if (done) notify(deletedText(label, done), 'info', true)
      return done
    },
    [perform, notify],
  )
  const update = useCallback(
    async (patches: ArticleBulkPatch[], label: string) => {
      const done = await perform(
        () => api['articles.updateMany']({ patches }),
        (r) => ({
          label,
          undo: () => api['articles.updateMany']({ patches: r.undo }),
          redo: () => api['articles.updateMany']({ patches }),
        }),
      )
      if (done) notify(`${label[0]?.toUpperCase() ?? ''}${label.slice(1)}.`, 'info', true)
      return done !== undefined
    },
    [perform, notify],
  )
  const addToRound = useCallback(
    async (roundId: number, ids: number[], label: string) => {
      const done = await perform(
        () => api['articles.addToRound']({ roundId, ids }),
        (r) => ({
          label,
          undo: () =>
            r.added.length || r.promoted.length
              ? api['articles.removeFromRound']({ roundId, ids: r.added, restore: r.promoted })
              : Promise.resolve(null),
          redo: () => api['articles.addToRound']({ roundId, ids }),
        }),
      )
      if (done) {
        const placed = done.added.length + done.promoted.length
        const already = ids.length - placed
        notify(`${label[0]?.toUpperCase() ?? ''}${label.slice(1)}${already ? ` (${already} already in it)` : ''}.`, 'info', placed > 0)
      }
      return done !== undefined
    },
    [perform, notify],
  )
  return { remove, update, addToRound }
}
