import type { ExportMismatch } from '../../../shared/model'
import type { EvidenceData } from '../../../shared/editor/EvidenceNode'
import type { RefData } from '../../../shared/editor/RefNode'
import { createHeadlessEditor } from '@lexical/headless'
import { $convertToMarkdownString } from '@lexical/markdown'
import type { SerializedEditorState } from 'lexical'
import { NOTE_NODES } from '../../../shared/editor/nodes'
import { noteTransformers, type MarkdownOptions } from '../../../shared/editor/transformers'
import type { ExportNote } from './data'
import { frontMatter } from './frontmatter'
import { escapeText, link } from './markdown'

/** Where things are in the vault, and whether a highlight can be quoted faithfully. */
export interface VaultIndex {
  wikilinks: boolean
  pathOf(kind: RefData['kind'], id: number): string | null
  titleOf(kind: RefData['kind'], id: number): string | null
  /** "Title, Outlet, 2025-05-23" from the article as it is now. */
  citationOf(articleId: number): string | null
  /** The block id of a highlight in its article file, or null when the highlight is gone or orphaned. */
  blockOf(highlightId: number): { articleId: number; block: string; exact: string } | null
}

export type Mismatch = ExportMismatch

const MISSING = 'parley-missing-target'

/**
 * Like notes/markdown.ts (the editor's nodes and transformers, one headless editor for all notes),
 * but blocks are separated by a blank line: two quotes in a row stay two blockquotes in CommonMark.
 */
function createConverter(options: MarkdownOptions): (content: unknown) => string {
  const editor = createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
  const transformers = noteTransformers(options)
  // The parsed JSON goes in as it is: stringifying it again only for Lexical to parse it back costs time.
  return (content) =>
    editor.parseEditorState(content as SerializedEditorState).read(() => $convertToMarkdownString(transformers, undefined, false))
}

interface SerializedNode {
  type?: string
  children?: SerializedNode[]
  highlightId?: number
  text?: string
  [key: string]: unknown
}

/** Evidence quotes are written with their text escaped (the shared transformer writes it as it is). */
function escapeQuotes(node: unknown, visit: (e: SerializedNode) => void): unknown {
  if (!node || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map((n) => escapeQuotes(n, visit))
  const n = node as SerializedNode
  const copy: SerializedNode = { ...n }
  if (n.type === 'parley-evidence') {
    visit(n)
    copy.text = (n.text ?? '')
      .split('\n')
      .map((line) => escapeText(line))
      .join('\n')
  }
  if (n.children) copy.children = n.children.map((c) => escapeQuotes(c, visit) as SerializedNode)
  if ('root' in n) copy.root = escapeQuotes(n.root, visit)
  return copy
}

/**
 * Converts notes with one headless editor (the editor's own nodes and transformers), mapping
 * notebook links to vault files and checking every quote against the article text.
 */
export function createNoteWriter(index: VaultIndex): (note: ExportNote, file: string, mismatches: Mismatch[]) => string {
  const fromDir = 'notes'
  let current: { file: string; noteId: number; differs: Set<number> } = { file: '', noteId: 0, differs: new Set() }
  const convert = createConverter({
    wikilinks: index.wikilinks,
    hrefFor: (ref) => {
      const path = index.pathOf(ref.kind, ref.id)
      if (!path) return MISSING
      return index.wikilinks ? path : `../${path}`
    },
    labelFor: (ref) => index.titleOf(ref.kind, ref.id) ?? ref.label,
    citationFor: (e: EvidenceData) => {
      const label = index.citationOf(e.articleId) ?? [e.title, e.outlet, e.published].filter(Boolean).join(', ')
      const at = index.blockOf(e.highlightId)
      const path = index.pathOf('article', e.articleId)
      const cite = at && path ? link(label, path, fromDir, index.wikilinks, at.block) : escapeText(label)
      const warning = current.differs.has(e.highlightId) ? " (⚠ this quote differs from the article's current text)" : ''
      return `— ${cite}${warning}`
    },
  })
  return (note, file, mismatches) => {
    current = { file, noteId: note.id, differs: new Set() }
    const content = escapeQuotes(note.content, (e) => {
      const id = e.highlightId ?? 0
      const at = index.blockOf(id)
      if (at && at.exact === e.text) return
      current.differs.add(id)
      mismatches.push({
        kind: 'quote',
        id: note.id,
        highlightId: id,
        file,
        reason: at ? "the quote differs from the article's current text" : 'the quoted highlight no longer exists or lost its place',
      })
    })
    let markdown: string
    try {
      markdown = content ? convert(content) : ''
    } catch {
      // A note Lexical cannot read (damaged JSON) is exported empty rather than stopping the export.
      markdown = ''
    }
    // Links to things that were deleted keep their label as plain text.
    markdown = markdown
      .replace(new RegExp(`\\[\\[${MISSING}\\|([^\\]]*)\\]\\]`, 'g'), '$1')
      .replace(new RegExp(`\\[((?:\\\\.|[^\\]\\\\])*)\\]\\(${MISSING}\\)`, 'g'), '$1')
    return markdown
  }
}

export interface NoteFileInput {
  note: ExportNote
  markdown: string
  round: string | null
  theme: string | null
}

/** `notes/<slug>.md`: properties, the title, the note as Markdown. */
export function noteFile({ note, markdown, round, theme }: NoteFileInput): string {
  const props = frontMatter({
    title: note.title || 'Untitled note',
    created: note.createdAt,
    updated: note.updatedAt,
    round,
    theme,
    tags: ['parley/note'],
    'parley-id': `note-${note.id}`,
  })
  return `${props}\n# ${escapeText(note.title || 'Untitled note')}\n\n${markdown.trim()}\n`
}
