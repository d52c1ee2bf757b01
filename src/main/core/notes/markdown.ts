import { createHeadlessEditor } from '@lexical/headless'
import { $convertToMarkdownString } from '@lexical/markdown'
import type { LexicalEditor, SerializedEditorState } from 'lexical'
import { wikiLabel } from '../../../shared/editor/cite'
import type { EvidenceData } from '../../../shared/editor/EvidenceNode'
import { NOTE_NODES } from '../../../shared/editor/nodes'
import { defaultCitation, noteTransformers, type MarkdownOptions } from '../../../shared/editor/transformers'
import { errors, invalidInput } from '../errors'
import { escapeText } from '../export/markdown'

/**
 * A note's document as Markdown: the one headless editor factory and the one converter behind
 * `notes.markdown` and the vault export. Both routes write the same Markdown for the same note
 * (text escaped to read as it is stored, blocks separated by a blank line, so two quotes in a row
 * stay two blockquotes); they differ only where a notebook link goes and how a quote's source is
 * cited, which is what a route says.
 */

/** A headless editor with the note editor's own nodes, failing loudly (the one factory for the core's conversions and checks). */
export function createNoteEditor(): LexicalEditor {
  return createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error
    },
  })
}

/**
 * Where a note's links go (`hrefFor`, `labelFor`, `wikilinks`) and how its quotes are cited
 * (`citationFor`); by default `parley:kind/id` links with the labels stored in the note and the
 * citation stored with the quote. How labels are escaped is not a route's choice: as article text.
 */
export type MarkdownRoute = Omit<MarkdownOptions, 'escapeLabel'>

/** A quote as it is stored in the note, seen before conversion (the export checks it against the article). */
export interface StoredQuote {
  highlightId?: number
  articleId?: unknown
  text?: string
}

/** The default citation: the quote's own title, outlet and date, as Markdown text. */
const storedCitation = (e: EvidenceData): string => defaultCitation(e, escapeText)

/**
 * A note's Lexical JSON → Markdown, headless, with the editor's own nodes and transformers. One
 * editor is reused across notes (creating one per note costs more than converting). `onQuote`
 * sees each quote as stored, in the note's order, before it is converted.
 */
export function createMarkdownConverter(route: MarkdownRoute = {}): (content: unknown, onQuote?: (quote: StoredQuote) => void) => string {
  const editor = createNoteEditor()
  const transformers = noteTransformers({
    ...route,
    citationFor: route.citationFor ?? storedCitation,
    // A label is an imported title or pasted text: escaped as article text is.
    escapeLabel: route.wikilinks ? wikiLabel : escapeText,
  })
  return (content, onQuote) => {
    const prepared = prepare(content, onQuote ?? (() => undefined))
    let state
    try {
      // The parsed JSON goes in as it is: stringifying it again only for Lexical to parse it back costs time.
      state = editor.parseEditorState(prepared as SerializedEditorState)
    } catch (error) {
      // Only a note stored before saves were checked can get here.
      throw errors.unreadable_note(`This note cannot be opened as a document (${firstLine(error)}).`)
    }
    // Blank lines between blocks (the last argument: no single-newline blocks).
    return decodeText(state.read(() => $convertToMarkdownString(transformers, undefined, false)))
  }
}

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
    copy.listType = typeof n.listType === 'string' && ['bullet', 'number', 'check'].includes(n.listType) ? n.listType : 'bullet'
    copy.start = int(n.start, 0, 1e9, 1)
  }
  if (type === 'listitem') {
    copy.value = int(n.value, 0, 1e9, 1)
    if (typeof n.checked !== 'boolean') delete copy.checked
  }
  // Fields are read only as strings: a stored document's field may be any JSON (an object has no string form).
  if (type === 'heading') copy.tag = typeof n.tag === 'string' && /^h[1-6]$/.test(n.tag) ? n.tag : 'h2'
  // Spaces, angle brackets, quotes and brackets would end or break a Markdown link target.
  if ((type === 'link' || type === 'autolink') && typeof n.url === 'string')
    copy.url = n.url.replace(/[\s<>"`\\{}|^[\]]/g, (c) => encodeURIComponent(c))
  if (n.children) {
    const code = inCode || type === 'code'
    let start = LINE_BLOCKS.has(type)
    copy.children = n.children.map((c) => {
      const out = prepare(c, visit, code, start) as SerializedNode
      const t = (c as SerializedNode | null)?.type
      start = t === 'linebreak' || (start && TEXT_TYPES.has(t ?? '') && !(typeof c.text === 'string' ? c.text : '').trim())
      return out
    })
  }
  if ('root' in n) copy.root = prepare(n.root, visit)
  return copy
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
