/**
 * Bytes → a clean article ready to store: decode, format, extraction, cleaning, metadata. Pure (no
 * database, no clock), so it can run in a worker thread; `import.ts` stores what it returns.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/contract'
import type { ArticleFormat } from '../../../shared/model'
import type { ParleyError } from '../errors'
import { classifyBlocks, cleanParagraphs, type BlockHint } from './clean'
import { paragraphsOf, words } from '../text/words'
import { decode, refused } from './decode'
import { extractHtml, looksLikeHtml } from './html'
import { extractMarks, markdownBlocks, splitFrontMatter, type MarkedPassage } from './markdown'
import { detectMetadata, type MetadataHints } from './metadata'
import { detectLanguage } from '../text/language'
import type { NewArticle } from './repo'

export interface SourceFile {
  /** What the user calls the file: its name or path. */
  name: string
  bytes: Uint8Array
}

export interface PreparedArticle extends Omit<NewArticle, 'imported_at' | 'version_of' | 'edits'> {
  /** Blocks the cleaner dropped, with why (for `analyze` and for the Reader's "original" view). */
  dropped: Array<{ text: string; reason: string }>
  /** Passages marked `==…==` in Markdown: highlighted once the article is stored. */
  marks?: MarkedPassage[]
}

export const IMPORTABLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.mdown', '.html', '.htm', '.xhtml'])

function formatOf(name: string, text: string): ArticleFormat {
  const ext = extname(name).toLowerCase()
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || looksLikeHtml(text)) return 'html'
  if (ext === '.md' || ext === '.markdown' || ext === '.mdown') return 'markdown'
  return 'text'
}

export interface PrepareOptions {
  /** The format when already known (re-clean of a stored article); otherwise from the name and text. */
  format?: ArticleFormat
}

/** Bytes → a clean article ready to store. Pure: no database, no clock. Throws ParleyError with a reason. */
export function prepareArticle(file: SourceFile, options: PrepareOptions = {}): PreparedArticle {
  if (file.bytes.length > MAX_IMPORT_FILE_BYTES) throw tooLarge(file.bytes.length)
  const decoded = decode(file.bytes)
  const format = options.format ?? formatOf(file.name, decoded.text)
  let paragraphs: string[]
  let blockHints: BlockHint[] = []
  let hints: MetadataHints = {}
  let marks: MarkedPassage[] = []
  let chosen = false
  if (format === 'html') {
    const page = extractHtml(decoded.text)
    chosen = page.source === 'readability'
    const split = page.blocks.flatMap((b) => paragraphsOf(b.text).map((text) => ({ text, hint: b.hint })))
    paragraphs = split.map((b) => b.text)
    blockHints = split.map((b) => b.hint)
    hints = { title: page.title, outlet: page.siteName, published: page.published, author: page.byline, url: page.url, extracted: true }
  } else if (format === 'markdown') {
    const { front, body } = splitFrontMatter(decoded.text)
    const marked = extractMarks(body, front.highlightThemes)
    marks = marked.marks
    const md = markdownBlocks(marked.markdown)
    paragraphs = md.blocks
    blockHints = md.hints
    hints = { ...front, title: front.title ?? md.heading }
  } else {
    paragraphs = paragraphsOf(decoded.text)
  }

  // The language of the prose: menus, link lists and captions say little about it.
  const prose = paragraphs.filter((p) => words(p).length >= 8)
  const language = detectLanguage((prose.length ? prose : paragraphs).join('\n'))
  // A text copy of a whole page: where the cleaner sees the article start tells where its headline is.
  if (format === 'text' && paragraphs.length >= 12) {
    const start = classifyBlocks(paragraphs, { language }).findIndex((b) => b.kind === 'good')
    if (start > 0) hints = { ...hints, articleStart: start }
  }
  const meta = detectMetadata(paragraphs, hints, basename(file.name))
  const indexes = paragraphs.flatMap((_, i) => (i === meta.titleIndex ? [] : [i]))
  const texts = indexes.map((i) => meta.edits.get(i) ?? (paragraphs[i] as string))
  const { kept, dropped, all } = cleanParagraphs(texts, {
    hints: indexes.map((i) => blockHints[i]),
    keep: new Set(indexes.flatMap((i, at) => (meta.keep.has(i) ? [at] : []))),
    language,
    evidenceOnly: chosen,
    metadataLines: [meta.author, meta.outlet].filter((x): x is string => Boolean(x)),
  })
  // Never worse than the extractor underneath: when the cleaner would keep far less than Readability
  // chose, its evidence is not to be trusted on this page; keep Readability's text (less repeats).
  const floor = chosen && chars(kept) < chars(texts) * 0.4
  const parts = floor ? all.filter((b) => b.reason !== 'repeated' && b.reason !== 'no words').map((b) => b.text) : kept
  const body = parts.join('\n\n')
  if (!body.trim()) throw refused('No article text was found in the file after removing page furniture.')
  return {
    title: meta.title,
    outlet: meta.outlet,
    wire: meta.wire,
    author: meta.author,
    published: meta.published,
    url: meta.url,
    source_name: file.name,
    format,
    encoding: decoded.encoding,
    content_hash: createHash('sha256').update(body).digest('hex'),
    body,
    raw: decoded.text,
    // No word runs across the blank line between two parts: the body's count is the sum of theirs,
    // which the cleaner has counted already (words() remembers them), without a pass over the body.
    words: parts.reduce((n, p) => n + words(p).length, 0),
    dropped: (floor ? [] : dropped).map((b) => ({ text: b.text, reason: b.reason ?? b.kind })),
    ...(marks.length ? { marks } : {}),
  }
}

const chars = (list: readonly string[]): number => list.reduce((n, t) => n + t.length, 0)

const tooLarge = (bytes: number): ParleyError =>
  refused(`The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; Parley imports articles up to ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`)

/** Reads a file from disk, refusing non-regular files and oversize files before reading them. */
export function readSource(path: string): SourceFile {
  const stat = statSync(path)
  if (stat.isDirectory()) throw refused('This is a folder, not a file.')
  if (!stat.isFile()) throw refused('This is not a regular file.')
  if (stat.size > MAX_IMPORT_FILE_BYTES) throw tooLarge(stat.size)
  return { name: path, bytes: readFileSync(path) }
}
