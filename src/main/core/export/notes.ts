import type { ExportMismatch } from '../../../shared/model'
import type { EvidenceData } from '../../../shared/editor/EvidenceNode'
import type { RefData } from '../../../shared/editor/RefNode'
import { citationLabel } from '../../../shared/editor/cite'
import { createMarkdownConverter } from '../notes/markdown'
import type { ExportNote } from './data'
import { frontMatter } from './frontmatter'
import { escapeText, link, wikiLabel } from './markdown'

/** Where things are in the vault, and whether a highlight can be quoted faithfully. */
export interface VaultIndex {
  wikilinks: boolean
  pathOf(kind: RefData['kind'], id: number): string | null
  titleOf(kind: RefData['kind'], id: number): string | null
  /** "Title, Outlet, 2025-05-23" from the article as it is now. */
  citationOf(articleId: number): string | null
  /** The block id of a highlight in its article file, or null when the highlight is gone or orphaned. */
  blockOf(highlightId: number): { articleId: number; block: string; exact: string } | null
  /** The title of a deleted article (in the trash), so a quote of it can say its source was deleted. */
  deletedArticle?(articleId: number): string | null
}

export type Mismatch = ExportMismatch

interface SerializedNode {
  type?: string
  children?: SerializedNode[]
  highlightId?: number
  text?: string
  [key: string]: unknown
}

// Lexical's Markdown export escapes * _ ` ~ and \ in text, but not the rest of what CommonMark,
// GFM and Obsidian read as syntax: HTML (<), links and embeds ([, ![[), entities (&), tables (|),
// ==highlights==, %%comments%%, $math$, #tags, ^blocks. Before the conversion those characters
// become a marker and a key (a backslash would be escaped again by Lexical); after it, each pair
// becomes the backslash escape article text gets (escapeText). The marker itself, if a note holds
// it, travels as MARK + '0'.
const MARK = '\uE000'
const ESCAPED = '[]<>&|=%$#^{}-+.)'
const KEY = new Map([...ESCAPED].map((c, i) => [c, String.fromCharCode(65 + i)]))
const encode = (c: string): string => (c === MARK ? `${MARK}0` : `${MARK}${KEY.get(c) as string}`)

function encodeText(text: string, atLineStart: boolean): string {
  // At a line start, "-", "+" and "1." / "1)" would begin a list (as in escapeParagraph).
  const start = atLineStart ? '^|\\n' : '\\n'
  return text
    .replace(/[\uE000[\]<>&|=%$#^{}]/g, encode)
    .replace(new RegExp(`(${start})([ \\t]*)([-+])`, 'g'), (_, at: string, space: string, c: string) => at + space + encode(c))
    .replace(new RegExp(`(${start})([ \\t]*\\d{1,9})([.)])`, 'g'), (_, at: string, n: string, c: string) => at + n + encode(c))
}

function decodeText(markdown: string): string {
  return markdown.replace(/\uE000([0A-Z])/g, (_, k: string) => (k === '0' ? MARK : `\\${ESCAPED[k.charCodeAt(0) - 65] as string}`))
}

const TEXT_TYPES = new Set(['text', 'code-highlight'])
const LINE_BLOCKS = new Set(['paragraph', 'heading', 'quote', 'listitem'])
const CODE_FORMAT = 16
const int = (v: unknown, min: number, max: number, fallback: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback

/**
 * The note's JSON made safe to convert: text escaped (see encodeText; code is literal and left as it
 * is), evidence quotes escaped with escapeText, link targets percent-encoded where Markdown would
 * end them, and the fields Lexical's exporter writes unchecked (code language, list numbers,
 * heading levels, node state) reduced to what they can legitimately be.
 */
function prepare(node: unknown, visit: (e: SerializedNode) => void, inCode = false, atLineStart = false): unknown {
  if (!node || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map((n) => prepare(n, visit, inCode, atLineStart))
  const n = node as SerializedNode
  const { $: _state, ...copy } = n as SerializedNode & { $?: unknown }
  const type = n.type ?? ''
  if (TEXT_TYPES.has(type) && typeof n.text === 'string' && !inCode && !(int(n.format, 0, 2 ** 31, 0) & CODE_FORMAT))
    copy.text = encodeText(n.text, atLineStart)
  if (type === 'parley-evidence') {
    visit(n)
    copy.text = (n.text ?? '')
      .split('\n')
      .map((line) => escapeText(line))
      .join('\n')
  }
  if (type === 'code') copy.language = typeof n.language === 'string' && /^[\w#+.-]{1,40}$/.test(n.language) ? n.language : null
  if (type === 'list') {
    copy.listType = ['bullet', 'number', 'check'].includes(String(n.listType)) ? n.listType : 'bullet'
    copy.start = int(n.start, 0, 1e9, 1)
  }
  if (type === 'listitem') {
    copy.value = int(n.value, 0, 1e9, 1)
    if (typeof n.checked !== 'boolean') delete copy.checked
  }
  if (type === 'heading') copy.tag = /^h[1-6]$/.test(String(n.tag)) ? n.tag : 'h2'
  // Spaces, angle brackets, quotes and brackets would end or break a Markdown link target.
  if ((type === 'link' || type === 'autolink') && typeof n.url === 'string')
    copy.url = n.url.replace(/[\s<>"`\\{}|^[\]]/g, (c) => encodeURIComponent(c))
  if (n.children) {
    const code = inCode || type === 'code'
    let start = LINE_BLOCKS.has(type)
    copy.children = n.children.map((c) => {
      const out = prepare(c, visit, code, start) as SerializedNode
      const t = (c as SerializedNode | null)?.type
      start = t === 'linebreak' || (start && TEXT_TYPES.has(t ?? '') && !String(c.text ?? '').trim())
      return out
    })
  }
  if ('root' in n) copy.root = prepare(n.root, visit)
  return copy
}

/**
 * Converts notes with one headless editor (the editor's own nodes and transformers), mapping
 * notebook links to vault files and checking every quote against the article text.
 */
export function createNoteWriter(index: VaultIndex): (note: ExportNote, file: string, mismatches: Mismatch[]) => string {
  const fromDir = 'notes'
  let current: { file: string; noteId: number; differs: Set<number> } = { file: '', noteId: 0, differs: new Set() }
  const convert = createMarkdownConverter({
    blankLines: true,
    wikilinks: index.wikilinks,
    hrefFor: (ref) => {
      const path = index.pathOf(ref.kind, ref.id)
      // A link to something deleted keeps its label as plain text.
      if (!path) return null
      return index.wikilinks ? path : `../${path}`
    },
    labelFor: (ref) => index.titleOf(ref.kind, ref.id) ?? ref.label,
    // A label is an imported title or pasted text: escaped as article text is.
    escapeLabel: index.wikilinks ? wikiLabel : escapeText,
    citationFor: (e: EvidenceData) => {
      const label = index.citationOf(e.articleId) ?? citationLabel(e)
      const at = index.blockOf(e.highlightId)
      const path = index.pathOf('article', e.articleId)
      const cite = at && path ? link(label, path, fromDir, index.wikilinks, at.block) : escapeText(label)
      const deleted = at ? null : (index.deletedArticle?.(e.articleId) ?? null)
      if (deleted !== null) return `— ${escapeText(deleted || label)} (the source article was deleted)`
      const warning = current.differs.has(e.highlightId) ? " (⚠ this quote differs from the article's current text)" : ''
      return `— ${cite}${warning}`
    },
  })
  return (note, file, mismatches) => {
    current = { file, noteId: note.id, differs: new Set() }
    const content = prepare(note.content, (e) => {
      const id = e.highlightId ?? 0
      const at = index.blockOf(id)
      if (at && at.exact === e.text) return
      current.differs.add(id)
      mismatches.push({
        kind: 'quote',
        id: note.id,
        highlightId: id,
        file,
        reason: at
          ? "the quote differs from the article's current text"
          : typeof e.articleId === 'number' && index.deletedArticle?.(e.articleId) != null
            ? 'the source article was deleted'
            : 'the quoted highlight no longer exists or lost its place',
      })
    })
    try {
      return content ? decodeText(convert(content)) : ''
    } catch {
      // A note Lexical cannot read (damaged JSON) is exported empty rather than stopping the export.
      return ''
    }
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
