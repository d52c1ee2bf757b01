import { wikiLabel } from '../../../shared/editor/cite'

/**
 * Markdown text that reads exactly as the stored text, in CommonMark/GFM and in Obsidian.
 *
 *   escapeText('Costs rose 5% to $3 *per* unit == #1') // 'Costs rose 5% to \$3 \*per\* unit \=\= \#1'
 *
 * Every ASCII punctuation character may be backslash-escaped in CommonMark, and the import's
 * Markdown reader (articles/markdown.ts) removes exactly those escapes again, so an exported
 * article imports back to the same words.
 */

// Inline syntax: emphasis, code, links/images, HTML and entities, GFM strikethrough and tables,
// and Obsidian's ==highlight==, %%comment%%, $math$, #tags, ^block ids and [[links]].
const INLINE = /[\\`*_[\]<>&~|=%$#^{}]/g

export function escapeText(text: string): string {
  return text.replace(INLINE, '\\$&')
}

/** A paragraph of article text: inline escapes plus block starts (lists, headings, quotes, breaks, code). */
export function escapeParagraph(text: string): string {
  // Most paragraphs are one line: the search for a newline is much cheaper than the regex.
  const line = text.includes('\n') ? text.replace(/[\t ]*\n[\t ]*/g, ' ') : text
  const escaped = escapeText(line)
  // "1." / "1)" ordered list, "-", "+" bullets (also "---" thematic breaks), leading spaces (code block).
  return escaped
    .replace(/^(\s*)(\d{1,9})([.)])/, '$1$2\\$3')
    .replace(/^(\s*)([-+])/, '$1\\$2')
    .replace(/^\s+/, '')
}

/** Text inside a GFM table cell: a pipe always ends the cell, even inside code or links. */
export function escapeCell(text: string): string {
  return escapeText(text.replace(/\s+/g, ' ').trim())
}

/** A relative link target, percent-encoded where CommonMark or Obsidian would stop or misread it. */
export function encodeHref(path: string): string {
  return path
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%2E/gi, '.'))
    .join('/')
}

export { wikiLabel }

/** `[label](href)` or, with wikilinks, `[[vault/path|label]]` (the path without `.md`, from the vault root). */
export function link(label: string, vaultPath: string, fromDir: string, wikilinks: boolean, block?: string): string {
  return linkTo(label, vaultPath, fromDir, wikilinks)(block)
}

/** `link` with the label and path prepared once, for a file linked to many times (one block each). */
export function linkTo(label: string, vaultPath: string, fromDir: string, wikilinks: boolean): (block?: string) => string {
  if (wikilinks) {
    // wikiLink's shape, with the label made safe once.
    const target = vaultPath.replace(/\.md$/, '')
    const text = wikiLabel(label)
    return (block) => `[[${target}${block ? `#^${block}` : ''}|${text}]]`
  }
  const start = `[${escapeText(label)}](${encodeHref(relativePath(fromDir, vaultPath))}`
  return (block) => `${start}${block ? `#^${block}` : ''})`
}

/** Path of `target` (from the vault root) as seen from the folder `fromDir` ('' = root). */
export function relativePath(fromDir: string, target: string): string {
  const up = fromDir ? fromDir.split('/').map(() => '..') : []
  return [...up, target].join('/')
}
