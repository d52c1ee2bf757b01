import type { HandlerContext, HandlersOf } from '../handlers'
import { compareRound } from './compare'
import type { RoundDetectionRunner } from './detection'
import { acceptRound, deleteRound, listRounds, mergeRounds, moveArticle, restoreRound, splitRound, updateRound } from './repo'

/** The rounds.* calls. `detection` is the notebook's (imports and date edits start it too). */
export function roundHandlers({ db, now, write }: HandlerContext, detection: RoundDetectionRunner): HandlersOf<'rounds'> {
  return {
    'rounds.list': () => listRounds(db),
    'rounds.detect': () => write(() => detection.detect()),
    'rounds.update': ({ id, ...patch }) => write(() => updateRound(db, id, patch, now())),
    'rounds.accept': ({ id }) => write(() => acceptRound(db, id, now())),
    'rounds.merge': ({ sourceId, targetId }) => write(() => mergeRounds(db, sourceId, targetId, now())),
    'rounds.split': ({ id, articleIds, title }) => write(() => splitRound(db, id, articleIds, title, now())),
    'rounds.moveArticle': ({ articleId, fromId, toId, role }) => write(() => moveArticle(db, articleId, fromId, toId, role, now())),
    'rounds.delete': ({ id }) => write(() => deleteRound(db, id, now())),
    'rounds.restore': (snapshot) => write(() => restoreRound(db, snapshot, now())),
    'rounds.compare': ({ id }) => compareRound(db, id),
  }
}
