import type { HandlerContext, HandlersOf } from '../handlers'
import { compareRound } from './compare'
import type { RoundDetectionRunner } from './detection'
import { acceptRound, deleteRound, listRounds, mergeRounds, moveArticle, restoreRound, splitRound, updateRound } from './repo'

/** The rounds.* calls. `detection` is the notebook's (imports and date edits start it too). */
export function roundHandlers({ db, now, write }: HandlerContext, detection: RoundDetectionRunner): HandlersOf<'rounds'> {
  return {
    'rounds.list': () => listRounds(db),
    'rounds.detect': () => write((db) => detection.detect(db)),
    'rounds.update': ({ id, ...patch }) => write((db) => updateRound(db, id, patch, now())),
    'rounds.accept': ({ id }) => write((db) => acceptRound(db, id, now())),
    'rounds.merge': ({ sourceId, targetId }) => write((db) => mergeRounds(db, sourceId, targetId, now())),
    'rounds.split': ({ id, articleIds, title }) => write((db) => splitRound(db, id, articleIds, title, now())),
    'rounds.moveArticle': ({ articleId, fromId, toId, role }) => write((db) => moveArticle(db, articleId, fromId, toId, role, now())),
    'rounds.delete': ({ id }) => write((db) => deleteRound(db, id, now())),
    'rounds.restore': (snapshot) => write((db) => restoreRound(db, snapshot, now())),
    'rounds.compare': ({ id }) => compareRound(db, id),
  }
}
