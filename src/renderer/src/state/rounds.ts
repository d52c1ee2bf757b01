import type { Round, RoundSnapshot } from '@shared/model'
import { api } from '../api'
import type { UndoableAction } from './notebook'

// Every round action as a contract call plus its inverse, for Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (as
// state/coding.ts and state/themes.ts do). Where a call has no exact inverse, Undo says what to do
// instead (`say`).

type RoundPatch = Pick<Round, 'title' | 'date' | 'venue' | 'participants' | 'summary'>

export const updateRound = (round: Round, patch: RoundPatch) => {
  const before = { title: round.title, date: round.date, venue: round.venue, participants: round.participants, summary: round.summary }
  return {
    run: () => api['rounds.update']({ id: round.id, ...patch }),
    undoable: (): UndoableAction => ({
      label: 'edit round',
      undo: () => api['rounds.update']({ id: round.id, ...before }),
      redo: () => api['rounds.update']({ id: round.id, ...patch }),
    }),
  }
}

export const deleteRound = (round: Round) => ({
  run: () => api['rounds.delete']({ id: round.id }),
  undoable: (snapshot: RoundSnapshot): UndoableAction => ({
    label: `delete round ${round.title}`,
    undo: () => api['rounds.restore'](snapshot),
    redo: () => api['rounds.delete']({ id: round.id }),
  }),
})

/** An article of `round` to the round `toId`, or out of every round (null). */
export const moveRoundArticle = (round: Round, articleId: number, toId: number | null) => ({
  run: () => api['rounds.moveArticle']({ articleId, fromId: round.id, toId }),
  undoable: (): UndoableAction => ({
    label: 'move article',
    undo: () => api['rounds.moveArticle']({ articleId, fromId: toId, toId: round.id }),
    redo: () => api['rounds.moveArticle']({ articleId, fromId: round.id, toId }),
  }),
})

export const splitRound = (round: Round, articleIds: number[]) => ({
  run: () => api['rounds.split']({ id: round.id, articleIds }),
  undoable: ({ to }: { to: Round }): UndoableAction => ({
    label: 'split round',
    undo: () => api['rounds.merge']({ sourceId: to.id, targetId: round.id }),
    redo: () => api['rounds.split']({ id: round.id, articleIds }),
  }),
})

/** No exact undo (the merged articles cannot be told apart again): Undo says how to split it. */
export const mergeRounds = (round: Round, target: Round, say: (text: string) => void) => ({
  run: () => api['rounds.merge']({ sourceId: round.id, targetId: target.id }),
  undoable: (): UndoableAction => ({
    label: 'merge rounds',
    undo: async () => say(`Undo a merge by splitting “${target.title}” (articles: ${round.articles.length}).`),
    redo: () => api['rounds.merge']({ sourceId: round.id, targetId: target.id }),
  }),
})

export const acceptRound = (round: Round, say: (text: string) => void) => ({
  run: () => api['rounds.accept']({ id: round.id }),
  undoable: (): UndoableAction => ({
    label: 'accept round',
    undo: async () => say('Accepted rounds stay accepted; edit or delete it instead.'),
    redo: () => api['rounds.accept']({ id: round.id }),
  }),
})
