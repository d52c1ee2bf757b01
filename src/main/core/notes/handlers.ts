import type { HandlerContext, HandlersOf } from '../handlers'
import { withTrashedArticles } from '../articles/trash'
import { cellTitle } from './cell'
import { createContentCheck, createMarkdownConverter } from './markdown'
import {
  appendQuote,
  backlinks,
  cellNote,
  createNote,
  deleteNote,
  getNote,
  linkTargets,
  listNotes,
  resolveLinks,
  restoreNote,
  saveNote,
} from './repo'

/** The notes.* calls and the targets of a note's links (links.*). */
export function noteHandlers({ db, now, write }: HandlerContext): HandlersOf<'notes' | 'links'> {
  // Headless editors, made at their first use (each costs a few milliseconds).
  let markdown: ((content: unknown) => string) | undefined
  let checkContent: ((content: unknown) => void) | undefined
  return {
    'notes.list': ({ query }) => listNotes(db, query),
    'notes.get': ({ id }) => getNote(db, id),
    'notes.create': (input) =>
      write((db) => {
        if (input.content !== undefined) (checkContent ??= createContentCheck())(input.content)
        return createNote(db, input, now())
      }),
    'notes.save': ({ id, ...patch }) =>
      write((db) => {
        if (patch.content !== undefined) (checkContent ??= createContentCheck())(patch.content)
        return saveNote(db, id, patch, now())
      }),
    'notes.delete': ({ id }) => write((db) => deleteNote(db, id, now())),
    'notes.restore': ({ id }) => write((db) => restoreNote(db, id)),
    'notes.cell': ({ roundId, themeId }) => write((db) => cellNote(db, roundId, themeId, cellTitle(db, roundId, themeId), now())),
    'notes.backlinks': ({ kind, id }) => backlinks(db, kind, id),
    'notes.appendQuote': ({ noteId, highlightId }) => write((db) => appendQuote(db, noteId, highlightId, now())),
    'notes.markdown': ({ id }) => (markdown ??= createMarkdownConverter())(getNote(db, id).content),
    'links.search': ({ query, limit }) => linkTargets(db, query, limit),
    'links.resolve': ({ refs }) => withTrashedArticles(db, resolveLinks(db, refs)),
  }
}
