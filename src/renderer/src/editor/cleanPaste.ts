import { isSafeLink } from './safeLink'

/**
 * Clipboard HTML reduced to what a note can hold, before Lexical sees it: the structure (paragraphs,
 * headings, lists, quotes, code, line breaks), bold/italic/underline/strike/code, and links to
 * http(s) or mailto. Everything else goes: scripts, styles, frames, images, forms, SVG and MathML
 * with their content; every attribute (inline styles, event handlers, classes) but a safe `href`.
 * Unknown elements are unwrapped, their text kept. Parsed with DOMParser, an inert document:
 * nothing in it loads or runs while it is cleaned.
 *
 *   cleanPasteHtml('<p style="position:fixed" onclick="x()">Hi <img src=x onerror=alert(1)></p>') // '<p>Hi </p>'
 */
const KEEP = new Set([
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'sub',
  'sup',
  'a',
  'div',
  'span',
])
const DROP = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'noscript',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'canvas',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'portal',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
])

export function cleanPasteHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const clean = (node: Element): void => {
    for (const child of [...node.children]) {
      const tag = child.localName
      if (DROP.has(tag) || child.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
        child.remove()
        continue
      }
      clean(child)
      // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold.
      const notBold = tag === 'b' && /font-weight\s*:\s*(normal|[1-4]00)/i.test(child.getAttribute('style') ?? '')
      if (!KEEP.has(tag) || notBold) {
        child.replaceWith(...child.childNodes)
        continue
      }
      const href = tag === 'a' ? (child.getAttribute('href') ?? '').trim() : ''
      for (const attr of [...child.attributes]) child.removeAttribute(attr.name)
      if (tag === 'a' && isSafeLink(href)) child.setAttribute('href', href)
    }
  }
  clean(doc.body)
  // Comments and processing instructions carry nothing a note needs.
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION)
  const junk: Node[] = []
  while (walker.nextNode()) junk.push(walker.currentNode)
  junk.forEach((n) => n.parentNode?.removeChild(n))
  return doc.body.innerHTML
}
