/**
 * What a stored note may hold beyond Lexical's own checks. Notes arrive from paste, from the
 * renderer (which an attacker may drive through the bridge) and from older stores, so the core
 * cleans every saved note and the exporter cleans every note it writes:
 * - web links only to http(s) and mailto (no javascript:, data:, file: or custom schemes); a link
 *   to anything else keeps its text and loses the link;
 * - no inline CSS: Lexical applies a text node's `style` (and an element's `textStyle`, given to
 *   text typed into it) through CSSOM, which the page's CSP does not govern, so a note could
 *   cover the window with a fake dialog.
 *
 *   cleanNoteContent({ root: { type: 'root', children: [p([link('javascript:x', 'a')])] } })
 *   // → the paragraph holds the text "a", no link
 */

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/** http(s) or mailto, as the URL parser reads it (so `java\tscript:` and `JaVaScRiPt:` are caught). */
export function isSafeLink(url: string): boolean {
  try {
    return SAFE_SCHEMES.has(new URL(url).protocol)
  } catch {
    return false
  }
}

type JsonNode = Record<string, unknown>

const isNode = (value: unknown): value is JsonNode => !!value && typeof value === 'object' && !Array.isArray(value)
const isLink = (node: JsonNode): boolean => node.type === 'link' || node.type === 'autolink'

function cleanChildren(children: unknown[]): unknown[] {
  return children.flatMap((child) => {
    if (!isNode(child)) return [child]
    // An unsafe link is replaced by what it shows: its children, cleaned.
    if (isLink(child) && !(typeof child.url === 'string' && isSafeLink(child.url)))
      return Array.isArray(child.children) ? cleanChildren(child.children) : []
    return [cleanNode(child)]
  })
}

function cleanNode(node: JsonNode): JsonNode {
  const copy: JsonNode = { ...node }
  if ('style' in copy) copy.style = ''
  if ('textStyle' in copy) copy.textStyle = ''
  if (Array.isArray(node.children)) copy.children = cleanChildren(node.children)
  return copy
}

/** A copy of a note's serialized editor state without unsafe links or inline styles (anything else is left as it is). */
export function cleanNoteContent(content: unknown): unknown {
  if (!isNode(content) || !isNode(content.root)) return content
  return { ...content, root: cleanNode(content.root) }
}
