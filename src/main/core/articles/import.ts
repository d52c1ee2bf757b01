import { createHash } from 'node:crypto'
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/contract'
import type { ArticleFormat, ImportResult } from '../../../shared/model'
import type { Db } from '../db/open'
import { ParleyError } from '../errors'
import { cleanParagraphs, paragraphsOf, words, type BlockHint } from './clean'
import { decode, refused } from './decode'
import { extractHtml, looksLikeHtml } from './html'
import { extractMarks, markdownBlocks, splitFrontMatter, type MarkedPassage } from './markdown'
import { anchor, describe } from '../highlights/anchor'
import { createTheme } from '../themes/repo'
import { detectMetadata, type MetadataHints } from './metadata'
import { applyEdits, parseEdits } from './edits'
import { findIdByHash, getArticleRow, insertArticle, type NewArticle } from './repo'
import { findPreviousVersion } from './versions'

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
  if (format === 'html') {
    const page = extractHtml(decoded.text)
    const split = page.blocks.flatMap((b) => paragraphsOf(b.text).map((text) => ({ text, hint: b.hint })))
    paragraphs = split.map((b) => b.text)
    blockHints = split.map((b) => b.hint)
    hints = { title: page.title, outlet: page.siteName, published: page.published, author: page.byline, url: page.url }
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

  const meta = detectMetadata(paragraphs, hints, basename(file.name))
  const indexes = paragraphs.flatMap((_, i) => (i === meta.titleIndex ? [] : [i]))
  const { kept, dropped } = cleanParagraphs(
    indexes.map((i) => meta.edits.get(i) ?? (paragraphs[i] as string)),
    { hints: indexes.map((i) => blockHints[i]), keep: new Set(indexes.flatMap((i, at) => (meta.keep.has(i) ? [at] : []))) },
  )
  const body = kept.join('\n\n')
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
    words: words(body).length,
    dropped: dropped.map((b) => ({ text: b.text, reason: b.reason ?? b.kind })),
    ...(marks.length ? { marks } : {}),
  }
}

/** Highlights the marked passages found again in the stored body (a theme is found by name, or made). */
function highlightMarks(db: Db, articleId: number, body: string, marks: MarkedPassage[], now: Date): void {
  const themeIds = new Map<string, number>()
  const themeId = (name: string | null): number | null => {
    if (!name?.trim()) return null
    const key = name.trim().toLowerCase()
    let id = themeIds.get(key)
    if (id === undefined) {
      id =
        (db.prepare('SELECT id FROM themes WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').pluck().get(name.trim()) as
          number | undefined) ?? createTheme(db, { name: name.trim().slice(0, 80) }).id
      themeIds.set(key, id)
    }
    return id
  }
  let from = 0
  for (const mark of marks) {
    // Marks come in text order: look from the end of the previous one first.
    const guess = body.indexOf(mark.exact, from)
    const found = anchor(body, { start: guess < 0 ? 0 : guess, end: guess < 0 ? 0 : guess + mark.exact.length, ...mark })
    if (found.how === 'orphan') continue
    const s = describe(body, found.start, found.end)
    db.prepare(
      `INSERT INTO highlights (article_id, theme_id, start, "end", exact, prefix, suffix, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(articleId, themeId(mark.theme), s.start, s.end, s.exact, s.prefix, s.suffix, now.toISOString(), now.toISOString())
    from = found.end
  }
}

const tooLarge = (bytes: number): ParleyError =>
  refused(`The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; Parley imports articles up to ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`)

/**
 * Stores one prepared article in one transaction; an identical body is reported as a duplicate.
 * A changed copy of an article already present becomes its newer version and keeps the user's edits.
 */
export function storeArticle(db: Db, article: PreparedArticle, now = new Date()): ImportResult {
  return db
    .transaction((): ImportResult => {
      const existing = findIdByHash(db, article.content_hash)
      if (existing) return { file: article.source_name, status: 'duplicate', id: existing.id, title: existing.title }
      const { dropped: _dropped, marks, ...row } = article
      const versionOf = findPreviousVersion(db, article)
      const inherited = versionOf === null ? {} : parseEdits(getArticleRow(db, versionOf)?.edits)
      const { values, edits } = applyEdits(row, inherited)
      const id = insertArticle(db, {
        ...row,
        ...values,
        imported_at: now.toISOString(),
        version_of: versionOf,
        edits: JSON.stringify(edits),
      })
      if (marks?.length) highlightMarks(db, id, article.body, marks, now)
      return { file: article.source_name, status: 'imported', id, title: article.title }
    })
    .immediate()
}

export function importOne(db: Db, file: SourceFile): ImportResult {
  try {
    return storeArticle(db, prepareArticle(file))
  } catch (error) {
    return failed(file.name, error)
  }
}

export function failed(file: string, error: unknown): ImportResult {
  const code = (error as { code?: unknown } | null)?.code
  const message =
    code === 'ENOENT'
      ? 'The file does not exist (it may have been moved or deleted).'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Parley is not allowed to read this file.'
        : code === 'ELOOP'
          ? 'The file is a symbolic link that leads back to itself.'
          : code === 'SQLITE_FULL' || code === 'ENOSPC'
            ? 'The disk is full: free some space and import this file again.'
            : error instanceof ParleyError
              ? error.message
              : error instanceof RangeError
                ? 'The file is too complex to read safely.'
                : `The file could not be imported (${(error as Error).message ?? String(error)}).`
  return { file, status: 'failed', error: message }
}

/** Reads a file from disk, refusing non-regular files and oversize files before reading them. */
export function readSource(path: string): SourceFile {
  const stat = statSync(path)
  if (stat.isDirectory()) throw refused('This is a folder, not a file.')
  if (!stat.isFile()) throw refused('This is not a regular file.')
  if (stat.size > MAX_IMPORT_FILE_BYTES) throw tooLarge(stat.size)
  return { name: path, bytes: readFileSync(path) }
}

/** Expands folders (recursively, importable extensions only, no symlink loops); named files are taken as they are. */
export function collectPaths(paths: string[]): string[] {
  const out: string[] = []
  const visit = (dir: string, depth: number): void => {
    if (depth > 20) return
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue
      const full = join(dir, entry.name)
      if (entry.isDirectory()) visit(full, depth + 1)
      else if (entry.isFile() && IMPORTABLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full)
    }
  }
  for (const path of paths) {
    let isDir = false
    try {
      isDir = lstatSync(path).isDirectory()
    } catch {
      // A missing path is reported by the import as a failed file.
    }
    if (isDir) visit(path, 0)
    else out.push(path)
  }
  return out
}

export interface ImportEvents {
  onResult?: (result: ImportResult, done: number, total: number) => void
}

/**
 * Imports many files, one transaction each: a bad file is reported and the rest go on.
 * Yields to the event loop between files so progress events reach the UI as they happen.
 */
export async function importSources(db: Db, sources: Array<SourceFile | string>, events: ImportEvents = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  let lastYield = performance.now()
  for (const [index, source] of sources.entries()) {
    let result: ImportResult
    if (typeof source === 'string') {
      try {
        result = importOne(db, readSource(source))
      } catch (error) {
        result = failed(source, error)
      }
    } else {
      result = importOne(db, source)
    }
    results.push(result)
    events.onResult?.(result, index + 1, sources.length)
    // Yield to the event loop now and then (not after every small file) so progress reaches the UI.
    if (performance.now() - lastYield > 30) {
      await new Promise((resolve) => setImmediate(resolve))
      lastYield = performance.now()
    }
  }
  return results
}
