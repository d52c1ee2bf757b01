import type { HandlerContext, HandlersOf } from '../handlers'
import {
  createLink,
  createRelation,
  deleteLink,
  deleteRelation,
  listLinks,
  listRelations,
  passageTargets,
  restoreLink,
  restoreRelation,
  updateLink,
  updateRelation,
} from './repo'

/** Typed links between passages (passageLinks.*) and their relations (linkRelations.*). */
export function linkHandlers({ db, now, write }: HandlerContext): HandlersOf<'passageLinks' | 'linkRelations'> {
  return {
    'passageLinks.list': (filter) => listLinks(db, filter),
    'passageLinks.targets': ({ query, except, limit }) => passageTargets(db, query, limit, except),
    'passageLinks.create': (input) => write((db) => createLink(db, input, now())),
    'passageLinks.update': ({ id, ...patch }) => write((db) => updateLink(db, id, patch)),
    'passageLinks.delete': ({ id }) => write((db) => deleteLink(db, id, now())),
    'passageLinks.restore': ({ id }) => write((db) => restoreLink(db, id)),
    'linkRelations.list': () => listRelations(db),
    'linkRelations.create': (input) => write((db) => createRelation(db, input)),
    'linkRelations.update': ({ id, ...patch }) => write((db) => updateRelation(db, id, patch)),
    'linkRelations.delete': ({ id }) => write((db) => deleteRelation(db, id, now())),
    'linkRelations.restore': ({ id }) => write((db) => restoreRelation(db, id)),
  }
}
