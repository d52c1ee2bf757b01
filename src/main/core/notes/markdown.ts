import { createHeadlessEditor } from '@lexical/headless'
import { $convertToMarkdownString } from '@lexical/markdown'
import { NOTE_NODES } from '../../../shared/editor/nodes'
import { noteTransformers, type MarkdownOptions } from '../../../shared/editor/transformers'
import { errors, invalidInput } from '../errors'

/**
 * A note's Lexical JSON → Markdown, headless, with the editor's own nodes and transformers.
 * One editor is reused across notes (creating one per note costs more than converting).
 */
export function createMarkdownConverter(options: MarkdownOptions = {}): (content: unknown) => string {
  const editor = createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
  const transformers = noteTransformers(options)
  return (content) => {
    let state
    try {
      state = editor.parseEditorState(JSON.stringify(content))
    } catch (error) {
      // Only a note stored before saves were checked can get here.
      throw errors.unreadable_note(`This note cannot be opened as a document (${firstLine(error)}).`)
    }
    return state.read(() => $convertToMarkdownString(transformers, undefined, true))
  }
}

/**
 * Whether a note's content is a document the editor can open: the contract checks the JSON's
 * outline only, so a save that Lexical would refuse (a node without its fields, an unknown node
 * type) is refused with a reason instead of being stored and failing later in the Notes view,
 * Markdown conversion or export.
 */
export function createContentCheck(): (content: unknown) => void {
  const editor = createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
  return (content) => {
    try {
      editor.parseEditorState(JSON.stringify(content))
    } catch (error) {
      throw invalidInput(`content: the note is not a document the editor can open (${firstLine(error)}).`)
    }
  }
}

const firstLine = (error: unknown): string =>
  String((error as Error)?.message ?? error)
    .split('\n')[0]
    ?.slice(0, 160) ?? ''
