import { Readability } from '@mozilla/readability'
import { getDomain } from 'tldts'
import { parseHTML } from 'linkedom'
import type { BlockHint } from './clean'
import { refused } from './decode'
import { markupDate, modifiedDate, textDate, type DateElement } from './page-date'
import { NOT_SINGLE_SPACES, recoverArticleBlocks, squash } from './dom-recover'

export interface HtmlExtract {
  title: string | null
  byline: string | null
  siteName: string | null
  published: string | null
  url: string | null
  /** Text blocks in reading order, with what the markup says about each; never HTML. */
  blocks: TextBlock[]
  /** Where the blocks come from: Readability's choice of the article, or a walk of the whole page. */
  source: 'readability' | 'page'
}

// Limits that keep hostile pages from eating the process; real articles are far below them.
const MAX_ELEMENTS = 200_000
const MAX_DEPTH = 1_000
/** Wall-clock budget for one page, checked between the parsing phases (parse, Readability, walk). */
export const HTML_TIME_LIMIT_MS = 15_000

/** Elements whose text is never page text (scripts, media, form controls). */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
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
/** Elements that start and end a block of text. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
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
  /** The element's name as written (linkedom keeps it; `nodeName` is made from it). */
  localName?: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
  lastChild: DomNode | null
  previousSibling: DomNode | null
  getAttribute?: (name: string) => string | null
  getAttributeNode?: (name: string) => { value: string } | null
}

/** One block of page text with what its markup says about it. */
export interface TextBlock {
  text: string
  hint: BlockHint
  /** The element whose class, role or name gave `hint.chrome` (a number unique within one walk). */
  cueOwner?: number
}

// Generic furniture words in class names, ids and roles, matched as whole parts of a token
// ("share-bar", "related_links"), never as substrings ("shared-reader" is not "share").
const CHROME_TOKEN =
  /(?:^|[-_])(share|sharing|social|related|recommended|newsletter|subscribe|subscription|promo|advert|advertisement|ad|ads|sponsored|cookie|cookies|consent|comments?|footer|breadcrumbs?|nav|navigation|menu|tags|topics|signup|donate|donation|popup|modal|toolbar|banner|caption|credit|byline|timestamp|dateline|more-stories|read-more|most-read|trending|author-bio|author-box|author-info|about-the-author|about-author|widget|widgets|widgettitle|widget-title|ratings?|post-ratings)(?:$|[-_])/i
/** CHROME_TOKEN in a list of tokens separated by white space. */
const CHROME_IN_TOKENS = new RegExp(CHROME_TOKEN.source.replace('(?:^|[-_])', '(?:^|[-_\\s])').replace('(?:$|[-_])', '(?:$|[-_\\s])'), 'i')
const CHROME_ROLE = /^(navigation|banner|contentinfo|complementary|search|dialog|alert)$/i

function chromeCue(node: DomNode, name: string): string | null {
  if (CHROME.has(name)) return name.toLowerCase()
  if (name === 'FIGCAPTION' || name === 'FIGURE') return 'caption'
  // The <body> and <html> wrap the whole page: their classes tell the page's state or its template
  // ("enable-ad-placeholder", "cookies-not-set", "mega-menu-primary"), never that their text is furniture.
  if (name === 'BODY' || name === 'HTML') return null
  const role = node.getAttribute?.('role')
  if (role && CHROME_ROLE.test(role)) return role.toLowerCase()
  const classes = classOf(node)
  const id = node.getAttribute?.('id') ?? ''
  if (!classes && !id) return null
  // The first token that is or holds a furniture word, found in the list as a whole: the same match
  // as token by token (white space bounds a word as a token's ends do), without an array per element.
  const m = CHROME_IN_TOKENS.exec(id ? `${classes} ${id}` : classes)
  return m?.[1] ? m[1].toLowerCase() : null
}

/** What the walk's first tidying of a block's text changes: a tab, a no-break space, two spaces in a row. */
const SPACE_RUN = /[\t\u00a0]| {2}/

/**
 * The element's class attribute as written. linkedom's `getAttribute('class')` joins the element's
 * class list into a new string on every call (and makes the list on the first); the attribute node
 * holds the same value, kept in step with the list.
 */
function classOf(node: DomNode): string {
  if (node.getAttributeNode) return node.getAttributeNode('class')?.value ?? ''
  return node.getAttribute?.('class') ?? ''
}

/**
 * Walks a DOM iteratively (deep trees must not blow the stack) and returns its text blocks with
 * their features: the innermost block element, the share of text inside links, and the nearest
 * furniture cue of an ancestor. `dropChrome` skips nav, header, footer, aside and form entirely.
 */
export function textBlocks(root: DomNode, options: { dropChrome?: boolean; rawCues?: boolean } = {}): TextBlock[] {
  const blocks: TextBlock[] = []
  let current = ''
  let linked = 0
  let linkDepth = 0
  const tags: string[] = []
  const cues: Array<string | null> = []
  // For each open element, the index in `cues` of the nearest one with a cue (itself or an
  // ancestor), -1 for none: a block's cue without a search up the open elements at each block.
  const nearest: number[] = []
  const owners: number[] = []
  let elements = 0
  const flush = (): void => {
    // Most block boundaries hold no text (a <div> that opens right into a <p>): nothing to tidy.
    if (current === '') {
      linked = 0
      return
    }
    // Each replace only where it changes something (a replace copies the text even when it keeps every character).
    let text = SPACE_RUN.test(current) ? current.replace(/[ \t\u00a0]+/g, ' ') : current
    if (text.includes('\n')) text = text.replace(/ *\n */g, '\n')
    text = text.trim()
    if (text) {
      const at = nearest.length ? (nearest[nearest.length - 1] as number) : -1
      const chrome = cues[at] ?? undefined
      const tag = tags.at(-1)
      // Properties set one by one, not spread from temporary objects: thousands of blocks on a large page.
      const hint: BlockHint = { linkDensity: Math.min(1, linked / text.length) }
      if (tag) hint.tag = tag
      if (chrome) hint.chrome = chrome
      const block: TextBlock = { text, hint }
      if (chrome) block.cueOwner = owners[at]
      blocks.push(block)
    }
    current = ''
    linked = 0
  }
  // Nodes to visit, each with whether it is the exit of an element already entered (two arrays:
  // no object per node). Children are pushed last to first through the sibling links: linkedom
  // builds a new list on every `childNodes` read.
  const stack: DomNode[] = [root]
  const exits: boolean[] = [false]
  while (stack.length) {
    const node = stack.pop() as DomNode
    const exit = exits.pop() as boolean
    if (node.nodeType === 3) {
      const data = node.textContent ?? ''
      const text = NOT_SINGLE_SPACES.test(data) ? data.replace(/\s+/g, ' ') : data
      current += text
      if (linkDepth > 0) linked += text.trim().length
      continue
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue
    const name = upperName(node)
    const block = BLOCK_ELEMENTS.has(name)
    if (exit) {
      if (block) flush()
      if (block) tags.pop()
      if (name === 'A') linkDepth--
      if (node.nodeType === 1) {
        cues.pop()
        nearest.pop()
        owners.pop()
      }
      continue
    }
    if (SKIPPED_ELEMENTS.has(name) || (options.dropChrome && CHROME.has(name))) continue
    if (name === 'BR') {
      current += '\n'
      continue
    }
    if (block) flush()
    if (block) tags.push(name.toLowerCase())
    if (name === 'A') linkDepth++
    if (node.nodeType === 1) {
      const cue = chromeCue(node, name)
      nearest.push(cue !== null ? cues.length : nearest.length ? (nearest[nearest.length - 1] as number) : -1)
      cues.push(cue)
      owners.push(elements++)
    }
    stack.push(node)
    exits.push(true)
    if (node.nodeType === 1)
      for (let child = node.lastChild; child; child = child.previousSibling) {
        stack.push(child)
        exits.push(false)
      }
    else
      for (let i = node.childNodes.length - 1, children = node.childNodes; i >= 0; i--) {
        stack.push(children[i] as DomNode)
        exits.push(false)
      }
  }
  flush()
  return options.rawCues ? blocks : trustCues(blocks)
}

/**
 * The element's name in upper case. linkedom makes a new string on every `nodeName` read (its
 * `localName` upper-cased), and a new string is hashed anew at each set lookup; the names of one
 * page are few, so each is upper-cased once, keyed by the `localName` that the element keeps.
 */
const UPPER = new Map<string, string>()
function upperName(node: DomNode): string {
  const local = node.localName
  if (local === undefined) return node.nodeName.toUpperCase()
  let name = UPPER.get(local)
  if (name === undefined) {
    name = node.nodeName.toUpperCase()
    if (UPPER.size < 2000) UPPER.set(local, name)
  }
  return name
}

const LANDMARKS = new Set(['nav', 'header', 'footer', 'aside', 'form'])
/** The blocks a walk with `dropChrome` would give, from a walk with raw cues. */
const outsideLandmarks = (blocks: TextBlock[]): TextBlock[] =>
  trustCues(blocks.filter((b) => !b.hint.chrome || !LANDMARKS.has(b.hint.chrome)))

/** Markup cues are trusted only while they mark a minority of the text (a page may tag its whole article "share-enabled"). */
function trustCues(blocks: TextBlock[]): TextBlock[] {
  const total = blocks.reduce((n, b) => n + b.text.length, 0)
  const cued = blocks.reduce((n, b) => n + (b.hint.chrome ? b.text.length : 0), 0)
  if (cued <= total * 0.5) return blocks
  return blocks.map((b) => ({ text: b.text, hint: { ...b.hint, chrome: undefined } }))
}

function checkShape(html: string): void {
  // Cheap pre-parse guards: element count and nesting depth, measured on the source.
  let elements = 0
  let depth = 0
  let maxDepth = 0
  const tag = /<(?:(!--)|(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>)/g
  const voids = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li)$/i
  // What a script, a style or a comment holds is not markup (a script often carries HTML in a string).
  const raw = /^(script|style|textarea|title)$/i
  const skipTo = (end: RegExp): void => {
    end.lastIndex = tag.lastIndex
    tag.lastIndex = end.exec(html) ? end.lastIndex : html.length
  }
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const [, comment, closing, name = '', selfClosing] = m
    if (comment) {
      skipTo(/-->/g)
      continue
    }
    if (closing) {
      depth = Math.max(0, depth - 1)
      continue
    }
    elements++
    if (raw.test(name) && !selfClosing) skipTo(new RegExp(`</${name}`, 'gi'))
    else if (!selfClosing && !voids.test(name)) maxDepth = Math.max(maxDepth, ++depth)
    if (elements > MAX_ELEMENTS)
      throw refused(`The page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements; it does not look like an article.`)
    if (maxDepth > MAX_DEPTH) throw refused(`The page nests elements more than ${MAX_DEPTH} deep; it does not look like an article.`)
  }
  // Each character reference can become a node of its own: millions of them cost minutes and a gigabyte.
  let references = 0
  const reference = /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g
  while (reference.exec(html))
    if (++references > MAX_ELEMENTS)
      throw refused(
        `The page has more than ${MAX_ELEMENTS.toLocaleString('en')} character references (&…;); it does not look like an article.`,
      )
}

/** linkedom leaves a page without any element at the top (plain text saved as .html) with no documentElement. */
function dom(html: string): unknown {
  const { document } = parseHTML(html)
  if (!(document as { documentElement?: unknown }).documentElement)
    return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document
  placeBody(document as unknown as BodyDocument)
  return document
}

interface BodyNode {
  nodeType: number
  tagName?: string
  textContent: string | null
  childNodes: ArrayLike<BodyNode>
  nextElementSibling: BodyNode | null
  after(...nodes: BodyNode[]): void
  before(...nodes: BodyNode[]): void
  append(...nodes: BodyNode[]): void
}
interface BodyDocument {
  childNodes: ArrayLike<BodyNode>
  head: BodyNode
  body: BodyNode
  querySelectorAll(selector: string): ArrayLike<BodyNode>
}

/**
 * Puts a page back in the shape a browser gives it, where linkedom does not. linkedom takes the
 * first element as the root and `document.body` as the element right after `<head>` (a new empty
 * one otherwise), so a PHP warning or a `<style>` before `<html>`, a `<meta>` between `</head>` and
 * `<body>`, or a second document pasted into the page leaves the page's text out of what Readability
 * reads, and the page "empty". As a browser does: what stands outside `<html>` goes into the body,
 * and the `<body>` with the most text takes its place after `<head>`.
 */
function placeBody(document: BodyDocument): void {
  const top = Array.from(document.childNodes)
  const root = top.find((n) => n.tagName === 'HTML')
  if (root && top.some((n) => n !== root && n.nodeType === 1)) {
    const at = top.indexOf(root)
    const before = top.slice(0, at).filter((n) => n.nodeType !== 10)
    const after = top.slice(at + 1)
    const body = Array.from(root.childNodes).find((n) => n.tagName === 'BODY')
    if (body) {
      const first = body.childNodes[0]
      if (first) first.before(...before)
      else body.append(...before)
      body.append(...after)
    } else root.append(...before, ...after)
  }
  const head = document.head
  const next = head.nextElementSibling
  // A body with content in its place (the usual page): nothing to do, and no text to gather.
  if (next?.tagName === 'BODY' && next.childNodes.length > 0) return
  let best: BodyNode | null = null
  let most = 0
  for (const body of Array.from(document.querySelectorAll('body'))) {
    const length = (body.textContent ?? '').length
    if (length > most) [best, most] = [body, length]
  }
  if (best && best !== next) head.after(best)
}

interface QueryElement {
  getAttribute(name: string): string | null
  textContent: string | null
  tagName?: string
  matches?(selector: string): boolean
}
/** The part of a DOM document this module reads (linkedom's types and the DOM lib do not meet in Node). */
interface QueryDocument {
  querySelector(selector: string): QueryElement | null
  querySelectorAll(selector: string): ArrayLike<QueryElement>
  body: unknown
}

const LINKED_DATA = 'script[type="application/ld+json"]'

/**
 * The page's `<meta>` elements, JSON-LD scripts, `<h1>` elements and elements with a `datetime`, in
 * page order, from one query: linkedom walks the whole page for every query, and a 1 MB page takes
 * some 2 ms a walk.
 */
function headElements(document: QueryDocument): Record<'metas' | 'scripts' | 'h1s' | 'dated', QueryElement[]> {
  const out = { metas: [] as QueryElement[], scripts: [] as QueryElement[], h1s: [] as QueryElement[], dated: [] as QueryElement[] }
  for (const el of Array.from(document.querySelectorAll(`meta, ${LINKED_DATA}, h1, [datetime]`))) {
    const dated = el.getAttribute('datetime') !== null
    if (dated) out.dated.push(el)
    const tag = el.tagName?.toUpperCase()
    if (tag === 'META') out.metas.push(el)
    else if (tag === 'H1') out.h1s.push(el)
    // A script found for its datetime alone is no JSON-LD.
    else if (tag === 'SCRIPT' && (!dated || el.matches?.(LINKED_DATA))) out.scripts.push(el)
  }
  return out
}

/** Every `<meta>` of the page by property, name and itemprop, read in one pass (one query per name walked the whole page each time). */
function metaTags(metas: readonly QueryElement[]): Map<string, string> {
  const found = new Map<string, string>()
  for (const el of metas) {
    const value = el.getAttribute('content')?.trim()
    if (!value) continue
    for (const key of ['property', 'name', 'itemprop']) {
      const name = el.getAttribute(key)?.toLowerCase()
      if (name && !found.has(name)) found.set(name, value)
    }
  }
  return found
}

function meta(tags: Map<string, string>, ...names: string[]): string | null {
  for (const name of names) {
    const value = tags.get(name)
    if (value) return value
  }
  return null
}

interface LinkedData {
  datePublished?: string
  dateCreated?: string
  dateModified?: string
  publisher?: string
  headline?: string
  author?: string
}

const nameOf = (value: unknown): string | undefined => {
  const list = Array.isArray(value) ? value : [value]
  const names = list.flatMap((v: unknown) =>
    typeof v === 'string'
      ? [v]
      : v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string'
        ? [(v as { name: string }).name]
        : [],
  )
  return names.length ? names.join(', ') : undefined
}

const ARTICLE_TYPE = /Article|Posting|Report|BlogPosting|WebPage|CreativeWork/i

/** The page's JSON-LD, read from its article-like item first (NewsArticle, BlogPosting, WebPage…). */
function jsonLd(scripts: readonly QueryElement[]): LinkedData {
  const items: Array<Record<string, unknown>> = []
  const visit = (value: unknown, depth: number): void => {
    if (!value || typeof value !== 'object' || depth > 4 || items.length > 200) return
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1)
      return
    }
    const rec = value as Record<string, unknown>
    items.push(rec)
    if (Array.isArray(rec['@graph'])) visit(rec['@graph'], depth + 1)
    if (rec.mainEntity && typeof rec.mainEntity === 'object') visit(rec.mainEntity, depth + 1)
  }
  for (const script of scripts) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0)
    } catch {
      // Broken JSON-LD is common and harmless: ignore it.
    }
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
  const typeOf = (rec: Record<string, unknown>): string =>
    [rec['@type']]
      .flat()
      .filter((t) => typeof t === 'string')
      .join(' ')
  const ranked = [
    ...items.filter((r) => /Article|Posting|Report/i.test(typeOf(r))),
    ...items.filter((r) => !/Article|Posting|Report/i.test(typeOf(r)) && ARTICLE_TYPE.test(typeOf(r))),
    ...items.filter((r) => !ARTICLE_TYPE.test(typeOf(r))),
  ]
  const first = <T>(pick: (r: Record<string, unknown>) => T | undefined): T | undefined => {
    for (const r of ranked) {
      const v = pick(r)
      if (v !== undefined) return v
    }
    return undefined
  }
  return {
    datePublished: first((r) => str(r.datePublished)),
    dateCreated: first((r) => str(r.dateCreated) ?? str(r.uploadDate)),
    dateModified: first((r) => str(r.dateModified)),
    publisher: first((r) => (/Article|Posting|Report|WebPage/i.test(typeOf(r)) ? nameOf(r.publisher) : undefined)),
    headline: first((r) => (/Article|Posting|Report/i.test(typeOf(r)) ? str(r.headline) : undefined)),
    author: first((r) => (/Article|Posting|Report/i.test(typeOf(r)) ? nameOf(r.author) : undefined)),
  }
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0]

/** What Readability alone returns for a page, as text blocks (also the baseline the cleaner is measured against). */
export function readabilityBlocks(
  document: unknown,
  keepClasses = true,
): { blocks: TextBlock[]; title?: string; siteName?: string; byline?: string; publishedTime?: string } {
  const article = new Readability<DomNode>(document as ReadabilityDocument, {
    serializer: (node) => node as unknown as DomNode,
    maxElemsToParse: MAX_ELEMENTS,
    keepClasses,
  }).parse()
  if (!article?.content) return { blocks: [] }
  return {
    blocks: textBlocks(article.content).map(leadOfHeader),
    title: article.title ?? undefined,
    siteName: article.siteName ?? undefined,
    byline: article.byline ?? undefined,
    publishedTime: article.publishedTime ?? undefined,
  }
}

/**
 * The text of the templates a page shows through a script (`<script type="text/template">`, which
 * some blog platforms fill the article from): parsed as the page's own markup is, never run.
 */
function templateBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = []
  const template = /<script\b[^>]*\btype\s*=\s*["']?text\/(?:template|html|x-template)["']?[^>]*>([\s\S]*?)<\/script\s*>/gi
  for (let m = template.exec(html); m && blocks.length < 5000; m = template.exec(html)) {
    const inner = m[1] ?? ''
    if (inner.length < 200) continue
    const body = (dom(`<!doctype html><html><head></head><body>${inner}</body></html>`) as QueryDocument).body as DomNode | null
    if (body) blocks.push(...textBlocks(body))
  }
  return blocks
}

/**
 * Inside the article Readability chose, a <header> holds the headline and often the lead: a
 * paragraph of prose there (not a byline, a date or a row of links) is the article's, not the page's chrome.
 */
function leadOfHeader(block: TextBlock): TextBlock {
  const { hint, text } = block
  if (hint.chrome !== 'header' || text.length < 100 || (hint.linkDensity ?? 0) >= 0.2 || text.split(/\s+/).length < 15) return block
  return { text, hint: { ...hint, chrome: undefined } }
}

/**
 * A heading at the end of the article heads nothing of it: the title of a box of teasers or links
 * ("More on this", "Read next") whose items Readability or the cleaner left out.
 */
export function withoutTrailingHeadings(blocks: TextBlock[]): TextBlock[] {
  let end = blocks.length
  while (end > 1 && /^h[1-6]$/.test(blocks[end - 1]?.hint.tag ?? '')) end--
  return end === blocks.length ? blocks : blocks.slice(0, end)
}

/**
 * The share of the chosen text that the walk of the whole page finds inside a landmark (nav,
 * header, footer, aside, form): where Readability took page furniture for the article.
 */
export function insideLandmarks(chosen: readonly TextBlock[], page: readonly TextBlock[]): number {
  const total = chosen.reduce((n, b) => n + b.text.length, 0)
  if (!total || !page.length) return 0
  // Whether every page block of a chosen text is inside a landmark (undefined: the page has none).
  // Only the chosen texts are kept: a page has thousands of blocks, the choice a few hundred.
  const landmark = new Map<string, boolean | undefined>(chosen.map((b) => [squash(b.text), undefined]))
  for (const b of page) {
    const k = squash(b.text)
    if (landmark.has(k)) landmark.set(k, (landmark.get(k) ?? true) && Boolean(b.hint.chrome && LANDMARKS.has(b.hint.chrome)))
  }
  let inside = 0
  for (const b of chosen) if (landmark.get(squash(b.text))) inside += b.text.length
  return inside / total
}

/** Parses HTML with linkedom after the shape guards. */
export function parsePage(html: string): unknown {
  checkShape(html)
  return dom(html)
}

/**
 * HTML → text blocks and page metadata. Nothing is executed or fetched: linkedom has no script
 * engine or resource loader, and only text leaves this function.
 */
export function extractHtml(html: string, options: { timeLimitMs?: number; now?: () => number } = {}): HtmlExtract {
  const now = options.now ?? (() => performance.now())
  const started = now()
  const limit = options.timeLimitMs ?? HTML_TIME_LIMIT_MS
  // Cooperative: a phase is not interrupted, but the next one does not start once the budget is spent.
  const budget = (): void => {
    if (now() - started > limit)
      throw refused(`The page took more than ${Math.round(limit / 1000)} s to read; it does not look like an article.`)
  }
  const document = parsePage(html)
  budget()
  const doc = document as QueryDocument
  const head = headElements(doc)
  const tags = metaTags(head.metas)
  const ld = jsonLd(head.scripts)
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(tags, 'og:url')
  const headTitle = doc.querySelector('title')?.textContent?.trim() || null
  const saved = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+)\s*-->/i.exec(html.slice(0, 4096))?.[1] ?? null
  const pageUrl = canonical && /^https?:\/\//i.test(canonical) ? canonical : saved
  const h1s = head.h1s as unknown as DomNode[]
  // An <h1> that only links home is the masthead: the site's name as the page writes it.
  const masthead = h1s.filter(isHomeLink).map((h) => squashed(h.textContent))[0] || null
  // A web archive's copy (…/web/20160330101229/http://site/path) is the archived site's page.
  const archived = pageUrl ? /\/web\/\d{8,14}[a-z_]*\/(https?:\/\/.+)$/i.exec(pageUrl)?.[1] : undefined
  const address = archived ?? pageUrl
  // Without an address of its own, the site most of the page's links go to: a guess, which the
  // names a page shows come before.
  const guessed = address ? null : homeUrl(doc)
  const domain = siteFromUrl(address ?? guessed)
  // As the outlet, a masthead only when it spells the domain ("Time 4 talks" for time4talks.com):
  // a blog's motto in the same place is not its name.
  const label = key(domain?.split('.')[0] ?? '')
  const spelled = masthead && label.length > 2 && key(masthead).includes(label) && masthead.length <= 60 ? masthead : null
  const headlines = [meta(tags, 'og:title'), ld.headline, meta(tags, 'twitter:title'), headTitle]
  const declaredSite = declaredName(
    [meta(tags, 'og:site_name'), meta(tags, 'application-name'), meta(tags, 'publisher'), meta(tags, 'dc.publisher'), ld.publisher],
    headlines,
    domain,
    label,
  )
  const info = {
    title: chooseTitle(
      h1s.map(headingText).filter((variants) => variants.length > 0),
      headlines,
      declaredSite ?? masthead,
      archived ?? pageUrl,
    ),
    siteName: titledSite(declaredSite, headTitle, domain, label) ?? declaredSite ?? spelled ?? (address ? domain : null),
    published: null as string | null,
    byline: meta(tags, 'author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator') ?? ld.author ?? null,
    url: pageUrl,
  }
  if (info.byline && /^https?:\/\//i.test(info.byline)) info.byline = ld.author ?? null

  // The date first: Readability removes the elements (date lines, bylines) that carry it.
  const lang = (doc.querySelector('html')?.getAttribute('lang') ?? '').toLowerCase()
  const dating = {
    document: doc,
    html,
    meta: tags,
    linkedData: ld,
    url: info.url,
    monthFirst: lang === 'en' || lang === 'en-us',
    now: new Date(),
    headings: head.h1s as unknown as DateElement[],
    dated: head.dated as unknown as DateElement[],
  }
  info.published = markupDate(dating)
  // A page that states no name and no address of its own (a file saved without them): the name it
  // shows, read before Readability removes the header and footer.
  if (!info.siteName) info.siteName = titleSiteName(headTitle, info.title, html) ?? domain ?? shownSiteName(doc)
  // The whole page's blocks, walked before Readability changes the page: the date's text when the
  // markup gives none, and what Readability's blocks are aligned with to take back what it left out.
  const walked = doc.body ? textBlocks(doc.body as DomNode, { rawCues: true }) : null
  let blocks: TextBlock[] = []
  // The text Readability chose, read for a date the markup does not give (the blocks taken back around it are not).
  let chosen: TextBlock[] = []
  try {
    const article = readabilityBlocks(document)
    chosen = article.blocks
    blocks = withoutTrailingHeadings(recoverArticleBlocks(article.blocks, walked ?? []))
    info.title = info.title ?? article.title ?? null
    info.siteName = info.siteName ?? article.siteName ?? null
    info.byline = info.byline ?? article.byline ?? null
  } catch {
    // Readability gives up on some pages; the plain walk below still gets the text.
  }
  budget()
  const length = (list: TextBlock[]): number => list.reduce((n, b) => n + b.text.length, 0)
  // Text outside links: what a list of links does not give.
  const prose = (list: TextBlock[]): number => length(list.filter((b) => (b.hint.linkDensity ?? 0) < 0.5))
  // Paragraphs of prose by their shape (long, few links, a sentence's end): what an article is made of.
  const paragraphs = (list: TextBlock[]): number =>
    length(list.filter((b) => (b.hint.linkDensity ?? 0) < 0.2 && b.text.length >= 80 && /[.!?…。！？"”»)]\s*$/u.test(b.text)))
  // Where Readability finds next to nothing, or chose a box inside the page's landmarks (a
  // newsletter form in the footer, a sidebar), the page's text outside its landmarks is the article.
  let source: HtmlExtract['source'] = 'readability'
  const furniture = length(blocks) >= 200 && insideLandmarks(chosen, walked ?? []) >= 0.8
  if (length(blocks) < 200 || furniture) {
    const body = walked ? null : ((dom(html) as QueryDocument).body as DomNode | null)
    let page = walked ? outsideLandmarks(walked) : body ? textBlocks(body, { dropChrome: true }) : []
    // No prose outside the landmarks either: the article stands inside one (a <header> left open
    // wraps the rest of the page, an <aside> or a <form> holds the whole content), or in a template
    // that a script shows. Both are read, navigation and footers still left out, and the cleaner
    // judges their blocks on evidence as any other's.
    if (prose(page) < 200) {
      const whole = walked ?? (body ? textBlocks(body, { rawCues: true }) : [])
      const opened = trustCues(
        whole
          .filter((b) => b.hint.chrome !== 'nav' && b.hint.chrome !== 'footer')
          .map((b) => (b.hint.chrome && LANDMARKS.has(b.hint.chrome) ? { text: b.text, hint: { ...b.hint, chrome: undefined } } : b)),
      )
      const templated = templateBlocks(html)
      for (const other of [opened, templated]) if (prose(other) > Math.max(prose(page), 200)) page = other
    }
    // Readability's furniture gives way only to more prose than it holds.
    if (furniture ? paragraphs(page) > Math.max(paragraphs(blocks), 200) : length(page) > length(blocks)) {
      blocks = page
      source = 'page'
    }
  }
  if (!info.published) {
    info.published =
      textDate((source === 'page' ? blocks : chosen).map((b) => b.text).join('\n'), dating.monthFirst, dating.now) ??
      textDate((walked ?? []).map((b) => b.text).join('\n'), dating.monthFirst, dating.now) ??
      modifiedDate(dating)
  }
  budget()
  return { ...info, blocks, source }
}

// Soft hyphens are invisible break hints, not part of a word.
const squashed = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim()
const key = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')

/** The site's registrable domain (`bbc.co.uk` for www.bbc.co.uk): the outlet when the page names none. */
export function siteFromUrl(url: string | null): string | null {
  if (!url) return null
  try {
    return getDomain(new URL(url).hostname, { allowPrivateDomains: true }) ?? null
  } catch {
    return null
  }
}

/** Hosts of shared infrastructure (social networks, CDNs, ad and font services) that link from every site. */
const THIRD_PARTY =
  /(^|\.)(facebook|fbcdn|twitter|x|t|google|googleapis|googlesyndication|googleusercontent|gstatic|googletagmanager|google-analytics|doubleclick|youtube|youtu|ytimg|instagram|linkedin|pinterest|whatsapp|telegram|reddit|tiktok|vk|xing|tumblr|flickr|vimeo|gravatar|wp|wordpress|w3|schema|creativecommons|cloudflare|cloudfront|akamaihd|jquery|bootstrapcdn|jsdelivr|unpkg|fontawesome|typekit|addthis|sharethis|disqus|amazon|amazonaws|apple|microsoft|bing|yahoo|archive|gmpg|ogp|purl|feedburner|adobe|outbrain|taboola|criteo|matomo|hotjar|cookiebot|usercentrics|onetrust)\.[a-z.]+$/i

/**
 * Where a saved page came from when it names no canonical address: the site that most of its
 * absolute links and resources point to, shared infrastructure left out.
 */
function homeUrl(doc: QueryDocument): string | null {
  const counts = new Map<string, number>()
  const elements = Array.from(doc.querySelectorAll('a[href], link[href]'))
  for (const el of elements.slice(0, 3000)) {
    // An archived copy's links go through the archive's prefix (/web/20070228213001/http://site/…).
    const ref = (el.getAttribute('href') ?? '').replace(/^(?:(?:https?:)?\/\/[^/]+)?\/web\/\d{8,14}[a-z_]*\/(?=(?:https?:)?\/\/)/i, '')
    const m = /^(?:https?:)?\/\/([^/?#:]+)/i.exec(ref)
    if (!m?.[1]) continue
    const host = m[1].toLowerCase()
    const domain = getDomain(host, { allowPrivateDomains: true })
    if (!domain || THIRD_PARTY.test(host)) continue
    counts.set(domain, (counts.get(domain) ?? 0) + 1)
  }
  let best: string | null = null
  for (const [domain, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = domain
  return best && (counts.get(best) ?? 0) >= 3 ? `https://${best}/` : null
}

/** Words a home link says instead of the site's name. */
const HOME_WORDS =
  /^(?:home(?:\s?page)?|start(?:seite)?|accueil|inicio|portada|início|pagina iniziale|strona główna|úvod|etusivu|hem|forside|главная|головна|начало|αρχική|ana sayfa|首页|ホーム|홈)$|\b(?:startseite|homepage|home page|back to|zurück|retour|volver)\b/i

/** A shown name as a site name: the name before a tagline or notice, without "logo", of a name's length. */
function fitsName(name: string | null | undefined): string | null {
  // The name before a tagline or a notice ("Site.org: the magic of words", "Site - VAT no. …"),
  // without the word "logo" that alt texts add.
  const n = (squashed(name).split(/\s+[|–—·•-]+\s+|:\s/)[0] ?? '')
    .replace(/(?:^|\s|-)logo$|^logo(?:\s|-|$)/i, '')
    .replace(/^[\s|:–—-]+|[\s|:–—.,;-]+$/g, '')
    .trim()
  return n.length >= 2 && n.length <= 60 && n.split(' ').length <= 8 && !HOME_WORDS.test(n) && !/^\d+$/.test(n) ? n : null
}

/** Holders named in the page's copyright notices ("© 2020, Boys' Choir of the Town. All rights reserved"). */
function copyrightHolders(text: string): string[] {
  const holders: string[] = []
  const notice = /(?:©|&copy;|&#169;|\(c\)|copyright)\s*(?:\d{4}\s*(?:[-–]\s*\d{4})?\s*,?\s*)?([^\n<|©]{2,80})/gi
  for (let m = notice.exec(text); m && holders.length < 20; m = notice.exec(text)) {
    const holder = m[1]
      ?.replace(/\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)\b.*$/i, '')
      .replace(/\s*\d{4}\s*$/, '')
    if (holder?.trim()) holders.push(holder)
  }
  return holders
}

/**
 * The site's name in a page title that states no other: the part beside the headline at either end
 * ("Our history - Boys' Choir of the Town", "Boys' Choir of the Town | Our history"), or an end part
 * that the page's copyright notice names as well.
 */
function titleSiteName(headTitle: string | null, title: string | null, html: string): string | null {
  if (!headTitle) return null
  const parts = headTitle.split(TITLE_PARTS)
  if (parts.length < 2) return null
  const headline = key(title ?? '')
  for (let k = 1; headline && k < parts.length; k++) {
    if (key(parts.slice(0, k).join(' ')) === headline) return fitsName(parts.at(-1))
    if (key(parts.slice(parts.length - k).join(' ')) === headline) return fitsName(parts[0])
  }
  const holders = copyrightHolders(html).map(key)
  for (const end of [parts.at(-1), parts[0]]) {
    const k = key(end ?? '')
    if (k.length >= 4 && holders.some((h) => h.includes(k))) return fitsName(end)
  }
  return null
}

/**
 * The site's name as a page without metadata shows it elsewhere: the logo or text of its link to
 * the home page, else the holder in the copyright line of its footer ("© 2020, Boys' Choir of the Town").
 */
function shownSiteName(doc: QueryDocument): string | null {
  for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, 400) as unknown as DomNode[]) {
    const href = (a.getAttribute?.('href') ?? '').trim()
    if (!/^(?:\.?\/|\/?index\.\w+)$/i.test(href)) continue
    const img = (a as unknown as { querySelector(s: string): DomNode | null }).querySelector('img[alt]')
    const named = fitsName(img?.getAttribute?.('alt')) ?? fitsName(a.textContent)
    if (named) return named
  }
  const footer = Array.from(doc.querySelectorAll('footer, [class*="footer"], [id*="footer"]')).at(-1) as DomNode | undefined
  return fitsName(copyrightHolders(footer?.textContent ?? '')[0])
}

/** `key` with the transliterations that domain names use for umlauts and ß ("Süddeutsche" → "sueddeutsche"). */
const domainKey = (s: string): string =>
  key(s.toLowerCase().replace(/[äæ]/g, 'ae').replace(/[öø]/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'))
/** Whether a name spells the site's domain label ("Arte Radio" for arteradio.com), as written or transliterated. */
const spellsDomain = (name: string, domainLabel: string): boolean =>
  domainLabel.length >= 3 && (key(name).includes(domainLabel) || domainKey(name).includes(domainLabel))

/** A site name left as a template's placeholder ("{$site_name}", "{{ site.title }}", "%%sitename%%"). */
const PLACEHOLDER = /\{\{|\{\$|\$\{|<%|%%|\[\[/

/**
 * The site's name as the page declares it (og:site_name, application-name, publisher, JSON-LD
 * publisher): the first declared name that spells the domain, else the first declared at all. A
 * placeholder is no name, and neither is the page's headline set as the site's name (six words or
 * more, equal to a meta title): of such a name, only a part that spells the domain is the site's
 * ("Headline - Site TV" for sitetv.example).
 */
function declaredName(
  names: Array<string | null | undefined>,
  headlines: Array<string | null | undefined>,
  domain: string | null,
  domainLabel: string,
): string | null {
  const titles = new Set(headlines.map((h) => key(squashed(h))).filter((k) => k.length > 0))
  const words = (s: string): number => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length
  const usable = names
    .map((n) => squashed(n))
    .filter((n) => n && !PLACEHOLDER.test(n))
    .map((n) => (words(n) >= 6 && titles.has(key(n)) ? titledPart(n, domain, domainLabel, true) : n))
    .filter((n): n is string => Boolean(n))
  return usable.find((n) => spellsDomain(n, domainLabel)) ?? usable[0] ?? null
}

/**
 * The part of a page title ("Headline | site.ch | Our magazine") that is the site's domain or its
 * label, if any; or, with `loose`, that holds the label ("Headline - SiteTV Library").
 */
function titledPart(title: string, domain: string | null, domainLabel: string, loose = false): string | null {
  const parts = title.split(TITLE_PARTS).map((p) => squashed(p).replace(/^[\s|:–—/·•»-]+|[\s|:–—/·•»-]+$/g, ''))
  if (parts.length < 2 || domainLabel.length < 3) return null
  const spelled = [domainLabel, key(domain ?? '')]
  return parts.find((p) => p.length <= 60 && (spelled.includes(key(p)) || (loose && spellsDomain(p, domainLabel)))) ?? null
}

/**
 * A declared site name that is not the site's (a section, a blog's motto, a publisher's person)
 * gives way to a part of the page title that spells the domain ("… | Arte Radio" for arteradio.com,
 * "… | site.ch | Our magazine"): the name the site gives itself where every page shows it.
 */
function titledSite(declared: string | null, headTitle: string | null, domain: string | null, domainLabel: string): string | null {
  // A declared name that is only the address ("site.eu") gives way too: the title names the site in words.
  if (!headTitle || (declared && spellsDomain(declared, domainLabel) && key(declared) !== key(domain ?? ''))) return null
  return titledPart(headTitle, domain, domainLabel)
}

/** Separators between a headline and the site's name in a page title: "Headline | Site", "Site – Headline". */
/** Blog software's own archive labels at the start of a page title ("Blog Archive » Headline"). */
const CMS_LABEL = /^(?:blog[ -]?archiv(?:e)?|archiv(?:e|es)?)$/i
const TITLE_PARTS = /\s+[|–—\-·•⋆│»:]+\s+|\s+::\s+|\s*\|\s*/

// A kicker (overline, roofline, eyebrow) above a headline inside the same <h1>: a CMS convention
// in many languages' newsrooms, named by these generic class words; text hidden for screen
// readers only ("visually-hidden", "sr-only") is not what the page shows.
const KICKER_CLASS =
  /(?:^|[-_\s])(kicker|overline|roofline|dachzeile|spitzmarke|eyebrow|topline|supertitle|surtitle|pretitle|pre-title|overhead)(?:$|[-_\s])/i
/** A label class that, on the first part of a headline followed by more, marks that part as a kicker. */
const LEAD_LABEL_CLASS = /(?:^|[-_\s])(sub-?title|sub-?headline|topic|label|rubri[ck]|categor(?:y|ie)|section|tag)(?:$|[-_\s])/i
const HIDDEN_CLASS = /(?:^|[-_\s])(visually-hidden|sr-only|screen-reader-text|visuallyhidden|a11y-hidden)(?:$|[-_\s])/i

/** An element whose only content is a link to the site's home page (a logo or masthead). */
export function isHomeLink(h: DomNode): boolean {
  let home = false
  for (let i = 0; i < h.childNodes.length; i++) {
    const child = h.childNodes[i] as DomNode
    if (child.nodeType === 3 && (child.textContent ?? '').trim()) return false
    if (child.nodeType !== 1) continue
    if (child.nodeName.toUpperCase() !== 'A') return false
    // An archived copy's links are prefixed with the archive's own path.
    const href = (child.getAttribute?.('href') ?? '').replace(/^.*\/web\/\d+[a-z_]*\/(?=https?:)/, '')
    if (!/^(?:(?:https?:)?\/\/[^/?#]+)?\/?(?:index\.\w+)?$/i.test(href)) return false
    home = true
  }
  return home
}

/**
 * An <h1>'s visible text (styles and scripts inside it skipped), and the same without a kicker
 * when it has one. An <h1> that is only a link to the site's home page is the logo, not a headline.
 */
export function headingText(h: DomNode): string[] {
  let full = ''
  let bare = ''
  let kicker = false
  const walk = (node: DomNode, inKicker: boolean): void => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? ''
      full += t
      if (!inKicker) bare += t
      return
    }
    if (node.nodeType !== 1) return
    const name = node.nodeName.toUpperCase()
    if (SKIPPED_ELEMENTS.has(name)) return
    const cls = node.getAttribute?.('class') ?? ''
    if (HIDDEN_CLASS.test(cls)) return
    const isKicker = !inKicker && KICKER_CLASS.test(cls)
    if (isKicker) kicker = true
    if (BLOCK_ELEMENTS.has(name) || name === 'BR') {
      full += ' '
      bare += ' '
    }
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode, inKicker || isKicker)
  }
  if (isHomeLink(h)) return []
  const lead = leadPart(h)
  for (let i = 0; i < h.childNodes.length; i++) walk(h.childNodes[i] as DomNode, false)
  const clean = (s: string): string => squashed(s.replace(/^[\s:|–—-]+/, ''))
  if (!kicker && lead) {
    // The first part set apart by the markup (a line break after it, a block, a label): a kicker.
    full = ''
    bare = ''
    const skipLead = (node: DomNode, inLead: boolean): void => {
      if (node.nodeType === 3) {
        full += node.textContent ?? ''
        if (!inLead) bare += node.textContent ?? ''
        return
      }
      if (node.nodeType !== 1) return
      const name = node.nodeName.toUpperCase()
      if (SKIPPED_ELEMENTS.has(name) || HIDDEN_CLASS.test(node.getAttribute?.('class') ?? '')) return
      if (BLOCK_ELEMENTS.has(name) || name === 'BR') {
        full += ' '
        bare += ' '
      }
      for (let i = 0; i < node.childNodes.length; i++) skipLead(node.childNodes[i] as DomNode, inLead || node === lead)
    }
    for (let i = 0; i < h.childNodes.length; i++) skipLead(h.childNodes[i] as DomNode, false)
    const rest = clean(bare)
    if (wordCount(rest) >= 2) return [rest, squashed(full)]
  }
  return kicker && clean(bare) ? [clean(bare), squashed(full)] : [squashed(full)]
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length

/**
 * The first part of a headline that its markup sets apart from the rest: an element followed by a
 * line break, a block inside the heading, a `<small>`, or an element with a label's class, when it
 * is short (a few words) and more of the headline follows. Looked for through wrappers that hold
 * the whole heading (`<h1><span class="title"><small>…</small><br>…</span></h1>`).
 */
function leadPart(h: DomNode): DomNode | null {
  const significant = (n: DomNode): boolean =>
    n.nodeType === 1
      ? !SKIPPED_ELEMENTS.has(n.nodeName.toUpperCase()) && !HIDDEN_CLASS.test(n.getAttribute?.('class') ?? '')
      : n.nodeType === 3 && (n.textContent ?? '').trim() !== ''
  let container = h
  for (let depth = 0; depth < 4; depth++) {
    const parts = Array.from({ length: container.childNodes.length }, (_, i) => container.childNodes[i] as DomNode).filter(significant)
    if (parts.length === 1 && parts[0]?.nodeType === 1) {
      container = parts[0]
      continue
    }
    const [first, next] = parts
    if (!first || !next || first.nodeType !== 1) return null
    const name = first.nodeName.toUpperCase()
    const setApart =
      next.nodeName.toUpperCase() === 'BR' ||
      (BLOCK_ELEMENTS.has(name) && name !== 'BR') ||
      name === 'SMALL' ||
      LEAD_LABEL_CLASS.test(first.getAttribute?.('class') ?? '')
    const text = squashed(first.textContent)
    return setApart && text && wordCount(text) <= 6 ? first : null
  }
  return null
}

/**
 * The headline: the page's own `<h1>` when a meta title (og:title, JSON-LD headline, `<title>`)
 * confirms it (the visible headline, free of kickers and site names); otherwise the first meta title
 * without the parts that are the site's name or domain; otherwise a lone `<h1>`.
 */
export function chooseTitle(
  /** Each <h1>'s text, or its variants (without a kicker first, then whole). */
  h1s: Array<string | string[]>,
  metaTitles: Array<string | null | undefined>,
  siteName: string | null,
  url: string | null,
): string | null {
  const site = [siteName, siteFromUrl(url)?.split('.')[0]].filter((s): s is string => Boolean(s)).map(key)
  const isSite = (part: string): boolean => {
    const k = key(part)
    // "Cicero Online" is the site; "Caritas-Präsidentin gewählt" only names it.
    return (
      k.length > 0 &&
      site.some((s) => s.length > 2 && (k === s || (k.includes(s) && k.length - s.length <= 12) || (s.includes(k) && k.length >= 4)))
    )
  }
  // At either end of a page title, after a separator, a part that holds the site's name is the site
  // ("Europe's athletes ready - Championships Munich 2022"), and so is a CMS's archive label.
  const isSitePart = (part: string): boolean => {
    const k = key(part)
    return isSite(part) || CMS_LABEL.test(part.trim()) || (k.length > 0 && site.some((s) => s.length > 3 && k.includes(s)))
  }
  const metas = metaTitles.map(squashed).filter(Boolean)
  const fit = (h: string): boolean => h.length >= 3 && h.length <= 300 && !isSite(h)
  const headings = h1s.map((h) => (Array.isArray(h) ? h : [h]).map(squashed).filter(fit)).filter((v) => v.length > 0)
  const heads = headings.flat()
  for (const h of heads) {
    const k = key(h)
    if (k.length >= 6 && metas.some((m) => key(m).includes(k))) return h
  }
  // An <h1> that is a kicker followed by a meta title (markup the kicker walk cannot see): the meta title.
  for (const h of heads) {
    const k = key(h)
    for (const m of metas) {
      const mk = key(m)
      if (mk.length >= 12 && mk.length < k.length && k.endsWith(mk)) return m
    }
  }
  // A lone <h1> that a meta title words differently ("Leasing or buying" for "Leasing or buying:
  // which pays?"): the page's visible headline, when the two share their words.
  if (headings.length === 1 && metas.length) {
    const h = heads[0] as string
    const content = (s: string): Set<string> =>
      new Set(
        s
          .split(/[^\p{L}\p{N}]+/u)
          .map(key)
          .filter((w) => w.length >= 4),
      )
    const hw = content(h)
    const mw = content(metas[0] as string)
    const shared = [...hw].filter((w) => mw.has(w)).length
    if (hw.size >= 2 && shared >= Math.max(2, Math.min(hw.size, mw.size) * 0.5)) return h
  }
  for (const m of metas) {
    const parts = m.split(TITLE_PARTS)
    if (parts.length < 2) return m
    const kept = parts.filter((p) => !isSitePart(p))
    // Only site names at the ends are cut: a colon inside a headline stays.
    if (kept.length === parts.length) return m
    let from = 0
    let to = parts.length
    while (from < to && isSitePart(parts[from] as string)) from++
    while (to > from && isSitePart(parts[to - 1] as string)) to--
    if (to > from) {
      const first = m.indexOf(parts[from] as string)
      const last = m.lastIndexOf(parts[to - 1] as string) + (parts[to - 1] as string).length
      return m.slice(first, last).trim()
    }
  }
  return headings.length === 1 ? (heads[0] as string) : (metas[0] ?? heads[0] ?? null)
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(0, 2048))
}
