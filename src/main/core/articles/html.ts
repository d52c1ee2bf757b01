import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { refused } from './decode'

export interface HtmlExtract {
  title: string | null
  byline: string | null
  siteName: string | null
  published: string | null
  url: string | null
  /** Text blocks in reading order; never HTML. */
  blocks: string[]
}

// Limits that keep hostile pages from eating the process; real articles are far below them.
const MAX_ELEMENTS = 200_000
const MAX_DEPTH = 1_000

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'HEAD',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'BUTTON',
  'INPUT',
  'TEXTAREA',
])
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'HR',
  'FORM',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'BODY',
  'HTML',
])
// Page chrome that Readability sometimes keeps; dropped in the fallback walk.
const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM'])

interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
}

/** Walks a DOM iteratively (deep trees must not blow the stack) and returns its text blocks. */
export function textBlocks(root: DomNode, options: { dropChrome?: boolean } = {}): string[] {
  const blocks: string[] = []
  let current = ''
  const flush = (): void => {
    const text = current
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim()
    if (text) blocks.push(text)
    current = ''
  }
  const stack: Array<{ node: DomNode; exit: boolean }> = [{ node: root, exit: false }]
  while (stack.length) {
    const { node, exit } = stack.pop() as { node: DomNode; exit: boolean }
    if (node.nodeType === 3) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ')
      continue
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue
    const name = node.nodeName.toUpperCase()
    if (exit) {
      if (BLOCK.has(name)) flush()
      continue
    }
    if (SKIP.has(name) || (options.dropChrome && CHROME.has(name))) continue
    if (name === 'BR') {
      current += '\n'
      continue
    }
    if (BLOCK.has(name)) flush()
    stack.push({ node, exit: true })
    const children = node.childNodes
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as DomNode, exit: false })
  }
  flush()
  return blocks
}

function checkShape(html: string): void {
  // Cheap pre-parse guards: element count and nesting depth, measured on the source.
  let elements = 0
  let depth = 0
  let maxDepth = 0
  const tag = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g
  const voids = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li)$/i
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[1]) {
      depth = Math.max(0, depth - 1)
      continue
    }
    elements++
    if (!m[3] && !voids.test(m[2] ?? '')) maxDepth = Math.max(maxDepth, ++depth)
    if (elements > MAX_ELEMENTS)
      throw refused(`The page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements; it does not look like an article.`)
    if (maxDepth > MAX_DEPTH) throw refused(`The page nests elements more than ${MAX_DEPTH} deep; it does not look like an article.`)
  }
}

interface QueryElement {
  getAttribute(name: string): string | null
  textContent: string | null
}
/** The part of a DOM document this module reads (linkedom's types and the DOM lib do not meet in Node). */
interface QueryDocument {
  querySelector(selector: string): QueryElement | null
  querySelectorAll(selector: string): ArrayLike<QueryElement>
  body: unknown
}

function meta(document: QueryDocument, ...names: string[]): string | null {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`)
    const value = el?.getAttribute('content')?.trim()
    if (value) return value
  }
  return null
}

function jsonLd(document: QueryDocument): { datePublished?: string; publisher?: string; headline?: string } {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '')
      const items = (Array.isArray(data) ? data : [data]).flatMap((d: unknown) =>
        d && typeof d === 'object' && '@graph' in d && Array.isArray((d as { '@graph': unknown })['@graph'])
          ? (d as { '@graph': unknown[] })['@graph']
          : [d],
      )
      for (const item of items) {
        if (!item || typeof item !== 'object') continue
        const rec = item as Record<string, unknown>
        if (typeof rec.datePublished === 'string') {
          const publisher = rec.publisher && typeof rec.publisher === 'object' ? (rec.publisher as Record<string, unknown>).name : undefined
          return {
            datePublished: rec.datePublished,
            publisher: typeof publisher === 'string' ? publisher : undefined,
            headline: typeof rec.headline === 'string' ? rec.headline : undefined,
          }
        }
      }
    } catch {
      // Broken JSON-LD is common and harmless: ignore it.
    }
  }
  return {}
}

/**
 * HTML → text blocks and page metadata. Nothing is executed or fetched: linkedom has no script
 * engine or resource loader, and only text leaves this function.
 */
export function extractHtml(html: string): HtmlExtract {
  checkShape(html)
  const { document } = parseHTML(html)
  const doc = document as unknown as QueryDocument
  const ld = jsonLd(doc)
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url')
  const headTitle = doc.querySelector('title')?.textContent?.trim() || null
  const info = {
    title: meta(doc, 'og:title', 'twitter:title') ?? ld.headline ?? headTitle,
    siteName: meta(doc, 'og:site_name', 'application-name') ?? ld.publisher ?? null,
    published:
      meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date.issued') ?? ld.datePublished ?? null,
    byline: meta(doc, 'author', 'article:author', 'byl'),
    url: canonical && /^https?:\/\//i.test(canonical) ? canonical : null,
  }

  let blocks: string[] = []
  try {
    const article = new Readability<DomNode>(document as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: (node) => node as unknown as DomNode,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse()
    if (article?.content) {
      blocks = textBlocks(article.content)
      info.title = info.title ?? article.title ?? null
      info.siteName = info.siteName ?? article.siteName ?? null
      info.byline = info.byline ?? article.byline ?? null
      info.published = info.published ?? article.publishedTime ?? null
    }
  } catch {
    // Readability gives up on some pages; the plain walk below still gets the text.
  }
  if (blocks.join('').length < 200) {
    const { document: fresh } = parseHTML(html)
    const body = (fresh as unknown as QueryDocument).body as DomNode | null
    const fallback = body ? textBlocks(body, { dropChrome: true }) : []
    if (fallback.join('').length > blocks.join('').length) blocks = fallback
  }
  return { ...info, blocks }
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(0, 2048))
}
