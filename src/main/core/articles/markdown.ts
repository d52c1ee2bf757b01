import type { BlockHint } from './clean'
import { parse as parseYaml } from 'yaml'

export interface FrontMatter {
  title?: string
  outlet?: string
  published?: string
  author?: string
  url?: string
  wire?: string
  /** When the page was saved (a web clipper's `created`): a known date to resolve "on Tuesday" against. */
  reference?: string
  /** Parley's exports: the theme of each `==…==` mark, in order. */
  highlightThemes?: string[]
}

const MAX_FRONT_MATTER = 64 * 1024

const KEYS: Record<Exclude<keyof FrontMatter, 'highlightThemes'>, string[]> = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'source', 'publication', 'publisher', 'site', 'site_name', 'siteName'],
  published: ['published', 'date', 'datePublished', 'published_at', 'pubdate'],
  author: ['author', 'byline', 'authors'],
  url: ['url', 'source_url', 'link', 'canonical'],
  wire: ['wire', 'agency'],
  reference: ['created', 'clipped', 'saved', 'accessed', 'retrieved'],
}

/** Splits optional YAML front matter from a Markdown document. A broken or hostile header is ignored, never fatal. */
export function splitFrontMatter(text: string): { front: FrontMatter; body: string } {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text.slice(0, MAX_FRONT_MATTER + 16))
  if (!match) return { front: {}, body: text }
  const body = text.slice(match[0].length)
  let data: unknown
  try {
    // Aliases are capped (billion laughs) and the core schema has no custom tags.
    data = parseYaml(match[1] ?? '', { maxAliasCount: 20, schema: 'core', uniqueKeys: false, logLevel: 'error' })
  } catch {
    return { front: {}, body }
  }
  const front: FrontMatter = {}
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { front, body }
  const record = data as Record<string, unknown>
  const marked = record['highlight-themes']
  if (Array.isArray(marked)) front.highlightThemes = marked.slice(0, 100_000).map((t) => (typeof t === 'string' ? t.slice(0, 200) : ''))
  for (const [field, keys] of Object.entries(KEYS) as Array<[Exclude<keyof FrontMatter, 'highlightThemes'>, string[]]>) {
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue
      const value = record[key]
      const text =
        value instanceof Date
          ? value.toISOString().slice(0, 10)
          : Array.isArray(value)
            ? value.filter((v) => typeof v === 'string').join(', ')
            : typeof value === 'string' || typeof value === 'number'
              ? String(value)
              : ''
      if (!text.trim()) continue
      // Web clippers write the page address as `source:`; it is the URL, not the outlet.
      if (field === 'outlet' && /^https?:\/\//i.test(text.trim())) {
        front.url ??= text.trim().slice(0, 1000)
        continue
      }
      front[field] = text.trim().slice(0, 1000)
      break
    }
  }
  return { front, body }
}

/** Markdown → plain text blocks (markup removed, the words kept verbatim), each with its construct and link density. */
export function markdownBlocks(markdown: string): { blocks: string[]; hints: BlockHint[]; heading: string | null } {
  const withoutHtml = markdown
    .replace(/<(script|style|template|iframe|object|svg)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-zA-Z][^>\n]*>/g, '')
  const blocks: string[] = []
  const hints: BlockHint[] = []
  let heading: string | null = null
  let inFence = false
  let paragraph: string[] = []
  let source: string[] = []
  let tag = 'p'
  const push = (text: string, hint: BlockHint): void => {
    blocks.push(text)
    hints.push(hint)
  }
  const flush = (): void => {
    const text = paragraph.join(' ').replace(/\s+/g, ' ').trim()
    if (text) push(text, { tag, linkDensity: linkDensity(source.join(' '), text) })
    paragraph = []
    source = []
    tag = 'p'
  }
  const add = (raw: string, kind: string): void => {
    paragraph.push(inline(raw))
    source.push(raw)
    tag = kind
  }
  for (const line of withoutHtml.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      flush()
      inFence = !inFence
      continue
    }
    if (inFence) {
      if (line.trim()) push(line.trim(), { tag: 'pre' })
      continue
    }
    if (!line.trim() || /^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush()
      continue
    }
    const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (h) {
      flush()
      const text = inline(h[2] ?? '')
      if (h[1] === '#' && heading === null && blocks.length === 0) heading = text
      else if (text) push(text, { tag: `h${h[1]?.length ?? 2}`, linkDensity: linkDensity(h[2] ?? '', text) })
      continue
    }
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line)
    if (item) {
      flush()
      add(item[1] ?? '', 'li')
      continue
    }
    const quote = /^\s*>/.test(line)
    add(line.replace(/^\s*(>\s?)+/, ''), quote ? 'blockquote' : paragraph.length ? tag : 'p')
  }
  flush()
  return { blocks, hints, heading }
}

/** Share of a block's text that sits inside Markdown links. */
function linkDensity(source: string, text: string): number {
  if (!text) return 0
  let linked = 0
  for (const m of source.matchAll(/\[([^[\]]{0,1000})\]\([^)]{0,2000}\)|\[([^[\]]{0,1000})\]\[[^\]]{0,200}\]|<https?:\/\/[^>\s]+>/g)) {
    linked += inline(m[1] ?? m[2] ?? m[0]).trim().length
  }
  return Math.min(1, linked / text.length)
}

// Backslash escapes (any ASCII punctuation, as in CommonMark) are set aside as private-use
// characters while markup is removed, so an escaped `*` or `[` is kept as text.
const ESCAPE_BASE = 0xf0000

function inline(text: string): string {
  const hidden = text.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => String.fromCodePoint(ESCAPE_BASE + c.charCodeAt(0)))
  return hidden
    .replace(/!\[[^[\]]{0,1000}\]\([^)]{0,2000}\)/g, '')
    .replace(/\[([^[\]]{0,1000})\]\([^)]{0,2000}\)/g, '$1')
    .replace(/\[([^[\]]{0,1000})\]\[[^\]]{0,200}\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]{1,2000}?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_]{1,2000}?\S)\2(?!\w)/g, '$1$3')
    .replace(/`([^`]{1,2000})`/g, '$1')
    .replace(/[\u{f0021}-\u{f007e}]/gu, (c) => String.fromCharCode((c.codePointAt(0) as number) - ESCAPE_BASE))
}

/** A passage marked `==…==` in Markdown (Obsidian's highlight), as plain text with some context. */
export interface MarkedPassage {
  exact: string
  prefix: string
  suffix: string
  /** From the `highlight-themes` property, in the same order as the marks (Parley's own exports). */
  theme: string | null
  /** The comment Parley's export writes under the mark's paragraph as a `> [!note] Comment on “…”` callout. */
  comment?: string
}

// The callout Parley's vault writes under a commented highlight's paragraph (export/vault.ts withComments).
const COMMENT_CALLOUT = /^> \[!note\] Comment on “(.*)”\s*$/

/**
 * Takes `==…==` marks and `^block-id`s out of a Markdown body (Parley exports articles with them):
 * the text comes back without them, and each mark as a passage to highlight after import.
 *
 *   extractMarks('A ==big== step. ^h-3', ['Staffing']) // { markdown: 'A big step.', marks: [{ exact: 'big', prefix: 'A ', suffix: ' step.', theme: 'Staffing' }] }
 */
export function extractMarks(markdown: string, themes: string[] = []): { markdown: string; marks: MarkedPassage[] } {
  const marks: MarkedPassage[] = []
  let inFence = false
  // Comment callouts (Parley's own export) go back onto the mark they name, among the marks of the
  // paragraph just above; they are not article text.
  const source = markdown.split('\n')
  const kept: string[] = []
  const comments: Array<{ line: number; title: string; text: string }> = []
  // The last line of text kept so far (a callout belongs to the marked paragraph above it).
  let above = ''
  for (let i = 0; i < source.length; i++) {
    const line = source[i] as string
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence
    // Only under a marked paragraph with a block id, as Parley writes it: anyone else's callout is text.
    const callout = inFence || !/==.*\^[A-Za-z0-9-]+\s*$/.test(above) ? null : COMMENT_CALLOUT.exec(line)
    if (!callout) {
      kept.push(line)
      if (line.trim() !== '') above = line
      continue
    }
    const body: string[] = []
    while (i + 1 < source.length && /^>( |$)/.test(source[i + 1] as string)) body.push((source[++i] as string).replace(/^> ?/, ''))
    comments.push({
      line: kept.length,
      title: inline(callout[1] ?? ''),
      text: body
        .map((l) => inline(l))
        .join('\n')
        .trim(),
    })
    if (kept.at(-1) === '' && source[i + 1] === '') kept.pop()
  }
  inFence = false
  const marksBefore: number[] = []
  const lines = kept.map((line, index) => {
    marksBefore[index] = marks.length
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence
    if (inFence || !line.includes('==')) return line.replace(/ \^[A-Za-z0-9-]+\s*$/, '')
    const parts = line.replace(/ \^[A-Za-z0-9-]+\s*$/, '').split(/(?<!\\)==/)
    if (parts.length < 3) return parts.join('==')
    // Odd parts are inside marks; an unclosed last mark is left as text.
    const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1
    for (let i = 1; i < closed; i += 2) {
      const exact = inline(parts[i] ?? '')
        .replace(/\s+/g, ' ')
        .trim()
      if (!exact) continue
      // Only 32 characters of context are kept: inline a window around the mark, not the whole
      // line for every mark (quadratic on a line of many marks).
      const before = inline(
        parts
          .slice(Math.max(0, i - 8), i)
          .join('')
          .slice(-400),
      ).replace(/\s+/g, ' ')
      const after = inline(
        parts
          .slice(i + 1, i + 9)
          .join('')
          .slice(0, 400),
      ).replace(/\s+/g, ' ')
      marks.push({ exact, prefix: before.slice(-32), suffix: after.slice(0, 32), theme: themes[marks.length] || null })
    }
    return parts.slice(0, closed).join('') + (closed < parts.length ? `==${parts[closed]}` : '')
  })
  for (const c of comments) {
    // The marks written before the callout, nearest first; its title is the mark's text (cut at 59 characters and "…").
    const title = c.title.replace(/…$/, '').replace(/\s+/g, ' ').trim()
    const upTo = c.line < kept.length ? (marksBefore[c.line] ?? marks.length) : marks.length
    for (let m = upTo - 1; m >= 0; m--) {
      const mark = marks[m] as MarkedPassage
      if (mark.comment === undefined && title && mark.exact.startsWith(title)) {
        mark.comment = c.text
        break
      }
    }
  }
  return { markdown: lines.join('\n'), marks }
}
