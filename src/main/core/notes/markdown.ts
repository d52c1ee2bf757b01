import { createHeadlessEditor } from '@lexical/headless'
import { $convertToMarkdownString } from '@lexical/markdown'
import { NOTE_NODES } from '../../../shared/editor/nodes'
import { noteTransformers, type MarkdownOptions } from '../../../shared/editor/transformers'

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
    const state = editor.parseEditorState(JSON.stringify(content))
    return state.read(() => $convertToMarkdownString(transformers, undefined, true))
  }
}
