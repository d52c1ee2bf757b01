import type { RefKind } from './RefNode'

/** Minimal view of Lexical's serialized tree, enough to read text and links without an editor. */
interface SerializedNode {
  type?: string
  text?: string
  children?: SerializedNode[]
  kind?: RefKind
  id?: number
  label?: string
  highlightId?: number
  articleId?: number
}

export interface NoteLink {
  kind: RefKind | 'highlight'
  targetId: number
  /** The sentence (or block text) around the link, for backlinks. */
  context: string
}

/** A node's children that are nodes: stored JSON is not trusted to have Lexical's exact shape. */
const childrenOf = (node: SerializedNode): SerializedNode[] =>
  Array.isArray(node.children) ? node.children.filter((c): c is SerializedNode => !!c && typeof c === 'object') : []

const BLOCK = new Set(['paragraph', 'heading', 'quote', 'listitem', 'code', 'parley-evidence', 'root', 'list'])

function rootOf(content: unknown): SerializedNode | null {
  if (!content || typeof content !== 'object') return null
  const root = (content as { root?: SerializedNode }).root
  return root && typeof root === 'object' ? root : null
}

function textOf(node: SerializedNode): string {
  if (node.type === 'parley-evidence') return typeof node.text === 'string' ? node.text : ''
  if (node.type === 'parley-ref') return typeof node.label === 'string' ? node.label : ''
  if (typeof node.text === 'string') return node.text
  if (node.type === 'linebreak') return '\n'
  const parts = childrenOf(node).map(textOf)
  return BLOCK.has(node.type ?? '') && node.type !== 'root'
    ? parts.join('')
    : parts.join(node.type === 'root' || node.type === 'list' ? '\n' : '')
}

/** The note as plain text, one block per line (for search and the notes list). */
export function plainText(content: unknown): string {
  const root = rootOf(content)
  if (!root) return ''
  const lines: string[] = []
  const walk = (node: SerializedNode): void => {
    const type = node.type ?? ''
    if (type === 'root' || type === 'list') return childrenOf(node).forEach(walk)
    if (type === 'listitem' && childrenOf(node).some((c) => c.type === 'list')) {
      const own = childrenOf(node).filter((c) => c.type !== 'list')
      lines.push(own.map(textOf).join(''))
      return childrenOf(node)
        .filter((c) => c.type === 'list')
        .forEach(walk)
    }
    lines.push(textOf(node))
  }
  walk(root)
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
}

function sentenceAround(text: string, needle: string): string {
  const sentences = text.split(/(?<=[.!?])\s+/)
  const hit = sentences.find((s) => needle && s.includes(needle)) ?? text
  return hit.length > 300 ? `${hit.slice(0, 300)}…` : hit
}

/** Links and quotes in a note, each with the sentence around it: note_links is derived from this on every save. */
export function extractLinks(content: unknown): NoteLink[] {
  const root = rootOf(content)
  if (!root) return []
  const links: NoteLink[] = []
  const walk = (node: SerializedNode, block: SerializedNode): void => {
    const here = BLOCK.has(node.type ?? '') && node.type !== 'root' && node.type !== 'list' ? node : block
    if (node.type === 'parley-ref' && node.kind && Number.isInteger(node.id)) {
      links.push({
        kind: node.kind,
        targetId: node.id as number,
        context: sentenceAround(textOf(here), typeof node.label === 'string' ? node.label : ''),
      })
    }
    if (node.type === 'parley-evidence' && Number.isInteger(node.highlightId)) {
      const context = typeof node.text === 'string' ? node.text : ''
      links.push({
        kind: 'highlight',
        targetId: node.highlightId as number,
        context: context.length > 300 ? `${context.slice(0, 300)}…` : context,
      })
      if (Number.isInteger(node.articleId))
        links.push({
          kind: 'article',
          targetId: node.articleId as number,
          context: context.length > 300 ? `${context.slice(0, 300)}…` : context,
        })
    }
    for (const child of childrenOf(node)) walk(child, here)
  }
  walk(root, root)
  return links
}

/** The highlights a note quotes, each once, in the note's order (the export's REFI-QDA note references). */
export function quotedHighlights(content: unknown): number[] {
  const root = rootOf(content)
  const ids = new Set<number>()
  const walk = (node: SerializedNode): void => {
    if (node.type === 'parley-evidence' && Number.isInteger(node.highlightId)) ids.add(node.highlightId as number)
    childrenOf(node).forEach(walk)
  }
  if (root) walk(root)
  return [...ids]
}

/** An empty note's editor state. */
export const EMPTY_NOTE = {
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [], textFormat: 0, textStyle: '' }],
  },
}
