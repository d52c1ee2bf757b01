/**
 * A page's visible text as a browser's select-all copy gives it: one line per block, navigation,
 * captions and footers included; scripts, styles, hidden elements and the head left out. Used to
 * score Parley's plain-text import on the same annotated pages as its HTML import.
 */
import { parseHTML } from 'linkedom'
import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS } from '../src/main/core/articles/html'

// The page reader's skipped and block elements, plus line breaks and the title a browser shows.
const SKIP = new Set([...SKIPPED_ELEMENTS, 'HEAD'])
const BLOCK = new Set([...BLOCK_ELEMENTS, 'BR', 'TITLE'])

interface Node {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<Node>
  getAttribute?: (name: string) => string | null
}

const hidden = (node: Node): boolean => {
  if (node.getAttribute?.('hidden') !== null && node.getAttribute?.('hidden') !== undefined) return true
  if (node.getAttribute?.('aria-hidden') === 'true') return true
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(node.getAttribute?.('style') ?? '')
}

export function renderVisibleText(html: string): string {
  const { document } = parseHTML(html)
  // From the root, not <body>: on some malformed pages linkedom leaves <body> empty and puts what
  // follows it beside, under <html>, where a browser would show it in the body (25 of the
  // benchmark's pages rendered empty). The head stays out (SKIP).
  const doc = document as unknown as { documentElement: Node | null; body: Node | null }
  const body = doc.documentElement ?? doc.body
  if (!body) return ''
  const lines: string[] = []
  let current = ''
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim()
    if (line) lines.push(line)
    current = ''
  }
  const stack: Array<{ node: Node; exit: boolean }> = [{ node: body, exit: false }]
  while (stack.length) {
    const { node, exit } = stack.pop() as { node: Node; exit: boolean }
    if (node.nodeType === 3) {
      current += node.textContent ?? ''
      continue
    }
    if (node.nodeType !== 1) continue
    const name = node.nodeName.toUpperCase()
    if (exit) {
      if (BLOCK.has(name)) flush()
      continue
    }
    if (SKIP.has(name) || hidden(node)) continue
    if (BLOCK.has(name)) flush()
    stack.push({ node, exit: true })
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i] as Node, exit: false })
  }
  flush()
  return lines.join('\n')
}
