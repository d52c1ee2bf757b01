import { createHeadlessEditor } from '@lexical/headless'
import { $convertToMarkdownString } from '@lexical/markdown'
import type { LexicalEditor, SerializedEditorState } from 'lexical'
import { NOTE_NODES } from '../../../shared/editor/nodes'
import { noteTransformers, type MarkdownOptions } from '../../../shared/editor/transformers'
import { errors, invalidInput } from '../errors'

/** A headless editor with the note editor's own nodes, failing loudly (the one factory for the core's conversions and checks). */
export function createNoteEditor(): LexicalEditor {
  return createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
}

export interface ConverterOptions extends MarkdownOptions {
  /**
   * Blocks separated by a blank line, as the vault export writes them (two quotes in a row stay two
   * blockquotes in CommonMark); by default one line break, as `notes.markdown` gives them.
   */
  blankLines?: boolean
}

/**
 * A note's Lexical JSON → Markdown, headless, with the editor's own nodes and transformers: the one
 * converter behind `notes.markdown` and the vault export. One editor is reused across notes
 * (creating one per note costs more than converting).
 */
export function createMarkdownConverter(options: ConverterOptions = {}): (content: unknown) => string {
  const editor = createNoteEditor()
  const transformers = noteTransformers(options)
  return (content) => {
    let state
    try {
      // The parsed JSON goes in as it is: stringifying it again only for Lexical to parse it back costs time.
      state = editor.parseEditorState(content as SerializedEditorState)
    } catch (error) {
      // Only a note stored before saves were checked can get here.
      throw errors.unreadable_note(`This note cannot be opened as a document (${firstLine(error)}).`)
    }
    return state.read(() => $convertToMarkdownString(transformers, undefined, !options.blankLines))
  }
}

/**
 * Whether a note's content is a document the editor can open: the contract checks the JSON's
 * outline only, so a save that Lexical would refuse (a node without its fields, an unknown node
 * type) is refused with a reason instead of being stored and failing later in the Notes view,
 * Markdown conversion or export.
 */
export function createContentCheck(): (content: unknown) => void {
  const editor = createNoteEditor()
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
