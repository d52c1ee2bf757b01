import { useCallback, useEffect, useRef, useState } from 'react'
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { ClickableLinkPlugin } from '@lexical/react/LexicalClickableLinkPlugin'
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { TabIndentationPlugin } from '@lexical/react/LexicalTabIndentationPlugin'
import {
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  DROP_COMMAND,
  PASTE_COMMAND,
  DRAGOVER_COMMAND,
  type EditorState,
} from 'lexical'
import type { Note } from '@shared/model'
import { $createEvidenceNode, type EvidenceData } from '@shared/editor/EvidenceNode'
import { NOTE_NODES } from '@shared/editor/nodes'
import { noteTransformers } from '@shared/editor/transformers'
import { api, errorMessage } from '../api'
import { cleanPasteHtml } from './cleanPaste'
import { LinkTypeahead } from './LinkTypeahead'
import { isSafeLink } from './safeLink'
import { Toolbar } from './Toolbar'

export const HIGHLIGHT_DRAG_TYPE = 'application/x-parley-highlight'
/** A window event carrying EvidenceData: "Insert" beside a highlight puts the quote at the caret. */
export const INSERT_EVIDENCE_EVENT = 'parley:insert-evidence'

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error'

const TRANSFORMERS = noteTransformers()
const AUTOSAVE_MS = 700

const theme = {
  paragraph: 'ed-p',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3' },
  quote: 'ed-quote',
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    listitemChecked: 'ed-li-checked',
    listitemUnchecked: 'ed-li-unchecked',
    nested: { listitem: 'ed-li-nested' },
  },
  link: 'ed-link',
  code: 'ed-code',
  text: { bold: 'ed-bold', italic: 'ed-italic', underline: 'ed-underline', code: 'ed-inline-code' },
}

/** Drops a highlight dragged from the evidence list where the pointer is: it becomes a quote. */
function DropHighlightPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const over = editor.registerCommand(
      DRAGOVER_COMMAND,
      (event) => {
        if (!event.dataTransfer?.types.includes(HIGHLIGHT_DRAG_TYPE)) return false
        event.preventDefault()
        return true
      },
      COMMAND_PRIORITY_HIGH,
    )
    const drop = editor.registerCommand(
      DROP_COMMAND,
      (event) => {
        const raw = event.dataTransfer?.getData(HIGHLIGHT_DRAG_TYPE)
        if (!raw) return false
        event.preventDefault()
        let data: EvidenceData
        try {
          data = JSON.parse(raw) as EvidenceData
        } catch {
          return true
        }
        editor.update(() => {
          const target = document.elementFromPoint(event.clientX, event.clientY)
          const node = target ? $getNearestNodeFromDOMNode(target) : null
          const block = node?.getTopLevelElement()
          const evidence = $createEvidenceNode(data)
          if (block) block.insertAfter(evidence)
          else if (node === null) $getRoot().append(evidence)
          else $insertNodes([evidence])
        })
        return true
      },
      COMMAND_PRIORITY_HIGH,
    )
    const insert = (event: Event): void => {
      const data = (event as CustomEvent<EvidenceData>).detail
      editor.update(() => {
        const selection = $getSelection()
        const block = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null
        const evidence = $createEvidenceNode(data)
        if (block) block.insertAfter(evidence)
        else $getRoot().append(evidence)
      })
    }
    window.addEventListener(INSERT_EVIDENCE_EVENT, insert)
    return () => {
      over()
      drop()
      window.removeEventListener(INSERT_EVIDENCE_EVENT, insert)
    }
  }, [editor])
  return null
}

interface Props {
  note: Note
  onSaved: (state: SaveState, message?: string) => void
}

/**
 * A note's editor with autosave: debounced while typing, at once on blur, on leaving the note and
 * when the window closes. The last content sent wins; a failed save keeps the text and says so.
 */
export function NoteEditor({ note, onSaved }: Props): React.JSX.Element {
  const latest = useRef<EditorState | null>(null)
  const dirty = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [initial] = useState(() => JSON.stringify(note.content))

  const save = useCallback(
    async (keepalive = false) => {
      if (timer.current) clearTimeout(timer.current)
      timer.current = null
      if (!dirty.current || !latest.current) return
      dirty.current = false
      const content = latest.current.toJSON()
      if (keepalive && !window.parley) {
        // The page is going away: a keepalive request outlives it.
        void fetch('/api/notes.save', {
          method: 'POST',
          keepalive: true,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: note.id, content }),
        })
        return
      }
      onSaved('saving')
      try {
        await api['notes.save']({ id: note.id, content: content as never })
        onSaved(dirty.current ? 'unsaved' : 'saved')
      } catch (e) {
        dirty.current = true
        onSaved('error', errorMessage(e))
      }
    },
    [note.id, onSaved],
  )

  useEffect(() => {
    const flush = (): void => void save(true)
    window.addEventListener('pagehide', flush)
    window.addEventListener('beforeunload', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('beforeunload', flush)
      void save()
    }
  }, [save])

  return (
    <LexicalComposer
      initialConfig={{
        namespace: `note-${note.id}`,
        nodes: NOTE_NODES,
        theme,
        editorState: initial,
        onError: (error) => onSaved('error', error.message),
      }}
    >
      <Toolbar />
      <div className="editor-shell">
        <RichTextPlugin
          contentEditable={
            <ContentEditable className="editor" aria-label="Note text" data-testid="note-editor" onBlur={() => void save()} />
          }
          placeholder={
            <div className="editor-placeholder">
              Write… Type [[ to link an article, note, round or theme; # for a heading; - for a list.
            </div>
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <CheckListPlugin />
      <LinkPlugin validateUrl={isSafeLink} />
      <ClickableLinkPlugin newTab />
      <TabIndentationPlugin />
      <MarkdownShortcutPlugin transformers={TRANSFORMERS} />
      <LinkTypeahead />
      <DropHighlightPlugin />
      <CleanPastePlugin />
      <OnChangePlugin
        ignoreSelectionChange
        onChange={(state) => {
          latest.current = state
          dirty.current = true
          onSaved('unsaved')
          if (timer.current) clearTimeout(timer.current)
          timer.current = setTimeout(() => void save(), AUTOSAVE_MS)
        }}
      />
    </LexicalComposer>
  )
}

// Pastes Parley has already cleaned (they come back through PASTE_COMMAND for Lexical's own handling).
const cleaned = new WeakSet<Event>()

/**
 * Clipboard HTML is cleaned (cleanPaste.ts) before Lexical turns it into nodes: a paste keeps its
 * text and structure, never a style, a script link or an element the note cannot hold. Lexical's
 * own clipboard format (which can carry styles) is not used; its HTML is.
 */
function CleanPastePlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (cleaned.has(event) || !(event instanceof ClipboardEvent) || !event.clipboardData) return false
          const html = event.clipboardData.getData('text/html')
          const lexical = event.clipboardData.types.includes('application/x-lexical-editor')
          if (!html && !lexical) return false
          event.preventDefault()
          const data = new DataTransfer()
          const text = event.clipboardData.getData('text/plain')
          if (html) data.setData('text/html', cleanPasteHtml(html))
          if (text) data.setData('text/plain', text)
          const again = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
          cleaned.add(again)
          editor.dispatchCommand(PASTE_COMMAND, again)
          return true
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  )
  return null
}
