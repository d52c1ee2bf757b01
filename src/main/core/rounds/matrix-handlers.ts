import type { HandlerContext, HandlersOf } from '../handlers'
import { cellNoteIds } from '../notes/cell'
import { matrixRows, roundMatrix } from './matrix'
import { matrixClaims } from './matrix-claims'

/** The matrix.* calls (rounds × themes, built in matrix.ts); each cell carries its note's id. */
export function matrixHandlers({ db, cacheWriter, cache }: HandlerContext): HandlersOf<'matrix'> {
  return {
    'matrix.get': ({ deferred }) => {
      const matrix = roundMatrix(db, cacheWriter, cache, { deferred })
      const notes = cellNoteIds(db)
      for (const cell of matrix.cells) cell.noteId = notes.get(`${cell.roundId}:${cell.themeId}`) ?? null
      return matrix
    },
    'matrix.rows': ({ roundIds, coverage }) => matrixRows(db, cacheWriter, cache, roundIds, coverage),
    'matrix.claims': ({ roundIds }) => matrixClaims(db, roundIds),
  }
}
