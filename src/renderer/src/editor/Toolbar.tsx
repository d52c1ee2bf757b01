import { useCallback, useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { TOGGLE_LINK_COMMAND } from '@lexical/link'
import { INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list'
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text'
import { $setBlocksType } from '@lexical/selection'
import { mergeRegister } from '@lexical/utils'
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical'
import { isSafeLink } from './safeLink'
import { Dialog } from '../components/Dialog'

/** A small toolbar; every button has a keyboard shortcut or Markdown shortcut too. */
export function Toolbar(): React.JSX.Element {
  const [editor] = useLexicalComposerContext()
  const [formats, setFormats] = useState<Set<TextFormatType>>(new Set())
  const [canUndo, setCanUndo] = useState(false)
  const [canRedo, setCanRedo] = useState(false)
  // The link dialog takes focus from the editor, so the selection it links is kept and put back on submit.
  const [linking, setLinking] = useState<{ selection: BaseSelection | null; url: string } | null>(null)

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) =>
          editorState.read(() => {
            const selection = $getSelection()
            if (!$isRangeSelection(selection)) return
            setFormats(new Set((['bold', 'italic', 'underline', 'code'] as TextFormatType[]).filter((f) => selection.hasFormat(f))))
          }),
        ),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  )

  const block = useCallback(
    (make: () => ReturnType<typeof $createParagraphNode> | ReturnType<typeof $createHeadingNode> | ReturnType<typeof $createQuoteNode>) =>
      editor.update(() => {
        const selection = $getSelection()
        if ($isRangeSelection(selection)) $setBlocksType(selection, make)
      }),
    [editor],
  )
  const heading = (tag: HeadingTagType) => () => block(() => $createHeadingNode(tag))
  const format = (f: TextFormatType) => () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f)

  const button = (label: string, title: string, run: () => void, pressed?: boolean, disabled?: boolean): React.JSX.Element => (
    <button
      type="button"
      title={title}
      aria-label={title}
      aria-pressed={pressed}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  )

  return (
    <>
      <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
        {button('↶', 'Undo (Ctrl+Z)', () => editor.dispatchCommand(UNDO_COMMAND, undefined), undefined, !canUndo)}
        {button('↷', 'Redo (Shift+Ctrl+Z)', () => editor.dispatchCommand(REDO_COMMAND, undefined), undefined, !canRedo)}
        <span className="sep" />
        {button('¶', 'Paragraph', () => block(() => $createParagraphNode()))}
        {button('H1', 'Heading 1 (# )', heading('h1'))}
        {button('H2', 'Heading 2 (## )', heading('h2'))}
        {button('H3', 'Heading 3 (### )', heading('h3'))}
        <span className="sep" />
        {button('B', 'Bold (Ctrl+B)', format('bold'), formats.has('bold'))}
        {button('I', 'Italic (Ctrl+I)', format('italic'), formats.has('italic'))}
        {button('U', 'Underline (Ctrl+U)', format('underline'), formats.has('underline'))}
        {button('</>', 'Code (`code`)', format('code'), formats.has('code'))}
        <span className="sep" />
        {button('•', 'Bulleted list (- )', () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined))}
        {button('1.', 'Numbered list (1. )', () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined))}
        {button('☑', 'Check list ([ ] )', () => editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined))}
        {button('❝', 'Block quote (> )', () => block(() => $createQuoteNode()))}
        {button('Link', 'Link (Ctrl+K)', () =>
          setLinking({ selection: editor.getEditorState().read(() => $getSelection()?.clone() ?? null), url: '' }),
        )}
      </div>
      {linking ? (
        <Dialog title="Link" onClose={() => setLinking(null)} initialFocus="input">
          <form
            onSubmit={(e) => {
              e.preventDefault()
              const url = linking.url.trim()
              setLinking(null)
              editor.focus()
              editor.update(() => {
                if (linking.selection) $setSelection(linking.selection)
                // An empty or unsafe address removes the link, as the old prompt did.
                editor.dispatchCommand(TOGGLE_LINK_COMMAND, url && isSafeLink(url) ? url : null)
              })
            }}
          >
            <label className="field">
              Link address
              <input
                type="text"
                inputMode="url"
                placeholder="https://…"
                value={linking.url}
                onChange={(e) => setLinking({ ...linking, url: e.target.value })}
              />
            </label>
            <div className="details-actions">
              <button type="button" onClick={() => setLinking(null)}>
                Cancel
              </button>
              <button type="submit" className="primary">
                Set link
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  )
}
