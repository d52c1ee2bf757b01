/**
 * The baseline editor of the notes section: plain Lexical (rich text, history, the heading and
 * quote nodes the note uses), no React, no Parley plugins. Bundled by Vite into an IIFE that
 * defines window.PlainLexical.
 */
import { createEditor, type LexicalEditor } from 'lexical'
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text'
import { createEmptyHistoryState, registerHistory } from '@lexical/history'

export function mount(element: HTMLElement, json: string): LexicalEditor {
  const editor = createEditor({
    namespace: 'plain',
    nodes: [HeadingNode, QuoteNode],
    onError: (error) => {
      throw error
    },
  })
  editor.setRootElement(element)
  registerRichText(editor)
  registerHistory(editor, createEmptyHistoryState(), 300)
  editor.setEditorState(editor.parseEditorState(json))
  return editor
}
