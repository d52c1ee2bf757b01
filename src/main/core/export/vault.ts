import type { ExportMismatch, ExportSummary, Highlight } from '../../../shared/model'
import { citationLabel, wikiLink } from '../../../shared/editor/cite'
import { quotedHighlights } from '../../../shared/editor/json'
import { annotationCollection } from './annotations'
import { articleFile } from './articles'
import { codebookFile } from './codebook'
import { CLAIM_COLUMNS, HIGHLIGHT_COLUMNS, toCsv } from './csv'
import { statementsOf } from '../claims/statements'
import { quoteProvenance } from '../claims/provenance'
import type { PassageLink } from '../../../shared/contract-claims'
import { readExportData, type ExportArticle, type ExportData } from './data'
import { lockExportDir } from './lock'
import { checkExportDir, exportFailure, VaultWriter } from './manifest'
import { createNoteWriter, noteFile, type VaultIndex } from './notes'
import { qdpx, qdpxSources, qdpxWith, type QdpxInput } from './qdpx'
import { bibtex, citationKeys, cslItems } from './references'
import { exportableLinks, linkAnnotations, linksFile } from './links'
import { comparisonFile, roundFile, timelineFile, type RoundsContext } from './rounds'
import { SlugAllocator } from './slug'
import { escapeText } from './markdown'
import type { ReadableDB } from '../db/types'

export interface VaultOptions {
  /** `[[wikilinks]]` instead of relative Markdown links (the default, read by any CommonMark tool). */
  wikilinks?: boolean
  onProgress?: (done: number, total: number) => void
  /** fsync before the manifest (the default); off only to measure what durability costs. */
  durable?: boolean
}

export interface BuiltVault {
  files: Map<string, Buffer>
  mismatches: ExportMismatch[]
}

/** Names every item once, in id order, so a re-export gives each item the same file. */
function assignPaths(data: ExportData): { article: Map<number, string>; note: Map<number, string>; round: Map<number, string> } {
  const name = <T extends { id: number }>(folder: string, items: T[], title: (t: T) => string, fallback: string): Map<number, string> => {
    const slugs = new SlugAllocator()
    const out = new Map<number, string>()
    for (const item of [...items].sort((a, b) => a.id - b.id))
      out.set(item.id, `${folder}/${slugs.take(title(item), item.id, fallback)}.md`)
    return out
  }
  return {
    article: name('articles', data.articles, (a) => a.title, 'article'),
    note: name('notes', data.notes, (n) => n.title, 'note'),
    round: name('rounds', data.rounds, (r) => r.title, 'round'),
  }
}

/** Splits highlights into those whose stored quote is the body's text (written) and the rest (reported). */
function checkHighlights(data: ExportData, paths: Map<number, string>): { faithful: Highlight[]; mismatches: ExportMismatch[] } {
  const bodies = new Map(data.articles.map((a) => [a.id, a.body]))
  const faithful: Highlight[] = []
  const mismatches: ExportMismatch[] = []
  for (const h of data.highlights) {
    const body = bodies.get(h.articleId) ?? ''
    if (h.anchor !== 'orphan' && body.slice(h.start, h.end) === h.exact && h.exact.length > 0) faithful.push(h)
    else
      mismatches.push({
        kind: 'highlight',
        id: h.id,
        highlightId: h.id,
        file: paths.get(h.articleId) ?? '',
        reason:
          h.anchor === 'orphan'
            ? 'the highlight lost its place in the article (orphan)'
            : "the highlight's text differs from the article's text at its offsets",
      })
  }
  return { faithful, mismatches }
}

/** Every file of the vault, in memory, with what could not be written faithfully. */
export function buildVault(data: ExportData, options: VaultOptions = {}): BuiltVault {
  const files = new Map<string, Buffer>()
  const stages = buildStages(data, options)
  let stage = stages.next()
  for (; !stage.done; stage = stages.next()) for (const [path, bytes] of stage.value) files.set(path, bytes)
  files.set('parley.qdpx', qdpx(stage.value.qdpxInput))
  return { files, mismatches: stage.value.mismatches }
}

/** Files besides one per article, note and round: comparison, timeline, codebook, CSV, JSON-LD, CSL-JSON, BibTeX, .qdpx, links.md, links.jsonld, claims.csv. */
const FIXED_FILES = 11

/** Who is said to speak in a passage (its first attributed statement), for claims.csv. */
const speakerOf = (text: string): string | null => statementsOf(text).find((s) => s.speaker)?.speaker ?? null

/**
 * Everything but the .qdpx (put together last: its sources may be deflating meanwhile), in two
 * batches: the articles, then the rest. An export writes the articles while the rest is built.
 */
function* buildStages(
  data: ExportData,
  options: VaultOptions,
): Generator<Map<string, Buffer>, { mismatches: ExportMismatch[]; qdpxInput: QdpxInput }> {
  const wikilinks = options.wikilinks ?? false
  const path = assignPaths(data)
  const articles = new Map(data.articles.map((a) => [a.id, a]))
  const themes = new Map(data.themes.map((t) => [t.id, t]))
  const themeName = (id: number | null): string | null => (id === null ? null : (themes.get(id)?.name ?? null))
  const { faithful, mismatches } = checkHighlights(data, path.article)
  const byArticle = groupBy(faithful, (h) => h.articleId)
  const roundsOf = new Map<number, number[]>()
  for (const r of data.rounds)
    for (const a of r.articles) {
      const list = roundsOf.get(a.articleId)
      if (list) list.push(r.id)
      else roundsOf.set(a.articleId, [r.id])
    }
  const rounds = new Map(data.rounds.map((r) => [r.id, r]))
  const notes = new Map(data.notes.map((n) => [n.id, n]))
  const roundRef = (id: number): string => {
    const r = rounds.get(id)
    const p = path.round.get(id)
    if (!r || !p) return ''
    return wikilinks ? wikiLink(p, r.title) : r.title
  }

  let files = new Map<string, Buffer>()
  const put = (p: string, text: string | Buffer): void => void files.set(p, Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'))

  const blocks = new Map<number, string>()
  for (const a of data.articles) {
    const file = articleFile({
      article: a,
      highlights: byArticle.get(a.id) ?? [],
      themeName,
      rounds: (roundsOf.get(a.id) ?? []).map(roundRef).filter(Boolean),
    })
    for (const [h, block] of file.blocks) blocks.set(h, block)
    put(path.article.get(a.id) as string, withComments(file.text, byArticle.get(a.id) ?? [], file.blocks))
  }
  yield files
  files = new Map()

  const faithfulById = new Map(faithful.map((h) => [h.id, h]))
  const index: VaultIndex = {
    wikilinks,
    pathOf: (kind, id) =>
      kind === 'article'
        ? (path.article.get(id) ?? null)
        : kind === 'note'
          ? (path.note.get(id) ?? null)
          : kind === 'round'
            ? (path.round.get(id) ?? null)
            : themes.has(id)
              ? 'comparison.md'
              : null,
    titleOf: (kind, id) =>
      kind === 'article'
        ? (articles.get(id)?.title ?? null)
        : kind === 'note'
          ? (notes.get(id)?.title ?? null)
          : kind === 'round'
            ? (rounds.get(id)?.title ?? null)
            : themeName(id),
    citationOf: (id) => {
      const a = articles.get(id)
      return a ? citationLabel(a) : null
    },
    blockOf: (id) => {
      const h = faithfulById.get(id)
      const block = blocks.get(id)
      return h && block ? { articleId: h.articleId, block, exact: h.exact } : null
    },
    deletedArticle: (id) => (articles.has(id) ? null : (data.deletedArticles?.get(id) ?? null)),
  }
  const writeNote = createNoteWriter(index)
  const noteMarkdown = new Map<number, string>()
  for (const n of data.notes) {
    const file = path.note.get(n.id) as string
    const markdown = writeNote(n, file, mismatches)
    noteMarkdown.set(n.id, markdown)
    put(file, noteFile({ note: n, markdown, round: n.roundId === null ? null : roundRef(n.roundId) || null, theme: themeName(n.themeId) }))
  }

  const exported = new Set(faithful.map((h) => h.id))
  const links = exportableLinks(data.links ?? [], (id) => (exported.has(id) ? blocks.get(id) : undefined))
  // Who carried each shared quotation first, per round: comparison.md lists it, claims.csv names the first carrier.
  const provenance = new Map(data.rounds.map((r) => [r.id, quoteProvenance(r.articles.flatMap((x) => articles.get(x.articleId) ?? []))]))
  const firstCarrier = (e: PassageLink['from']): string | null => {
    for (const id of roundsOf.get(e.articleId) ?? [])
      for (const q of provenance.get(id) ?? []) {
        const first = q.carriers[0]
        if (first && q.carriers.some((c) => c.articleId === e.articleId && c.start < e.end && e.start < c.end))
          return [first.outlet, first.title, first.published].filter(Boolean).join(' — ')
      }
    return null
  }
  const ctx: RoundsContext = {
    provenance,
    links,
    wikilinks,
    articles,
    themes: data.themes,
    highlightsByArticle: byArticle,
    notes: data.notes,
    path,
    blockOf: (id) => blocks.get(id),
  }
  for (const r of data.rounds) put(path.round.get(r.id) as string, roundFile(ctx, r))
  put('comparison.md', comparisonFile(ctx, data.rounds))
  put('timeline.md', timelineFile(ctx, data.rounds))
  put('codebook.md', codebookFile({ ...ctx, highlights: faithful }))

  const roundTitles = (articleId: number): string => (roundsOf.get(articleId) ?? []).map((id) => rounds.get(id)?.title ?? '').join('; ')
  const faithfulIds = new Set(faithful.map((h) => h.id))
  put(
    'highlights.csv',
    toCsv([
      [...HIGHLIGHT_COLUMNS],
      ...data.highlights.map((h) => {
        const a = articles.get(h.articleId) as ExportArticle
        const status = faithfulIds.has(h.id) ? 'verbatim' : h.anchor === 'orphan' ? 'orphan' : 'mismatch'
        return [
          h.id,
          a.id,
          a.title,
          a.outlet,
          a.published,
          roundTitles(a.id),
          themeName(h.themeId),
          h.exact,
          h.comment,
          h.start,
          h.end,
          h.prefix,
          h.suffix,
          status,
          path.article.get(a.id),
          h.createdAt,
        ]
      }),
    ]),
  )
  put('highlights.jsonld', `${JSON.stringify(annotationCollection(faithful, articles, themeName), null, 2)}\n`)
  put('links.md', linksFile({ wikilinks, articles, articlePath: path.article, blockOf: (id) => blocks.get(id) }, links))
  put('links.jsonld', `${JSON.stringify(linkAnnotations(links, articles), null, 2)}\n`)
  put(
    'claims.csv',
    toCsv([
      [...CLAIM_COLUMNS],
      ...links.flatMap((l) =>
        (['from', 'to'] as const).map((side) => {
          const e = l[side]
          const a = articles.get(e.articleId)
          return [
            l.id,
            side === 'from' ? l.relation : l.inverse || l.relation,
            side,
            speakerOf(e.exact),
            a?.outlet,
            e.articleId,
            a?.title,
            a?.published,
            roundTitles(e.articleId),
            e.highlightId,
            e.exact,
            l.note,
            path.article.get(e.articleId),
            l.createdAt,
            firstCarrier(e),
          ]
        }),
      ),
    ]),
  )
  const keys = citationKeys(data.articles)
  put('references.json', `${JSON.stringify(cslItems(data.articles, keys), null, 2)}\n`)
  put('references.bib', bibtex(data.articles, keys))
  const qdpxInput: QdpxInput = {
    name: 'Parley notebook',
    articles: data.articles,
    themes: data.themes,
    highlights: faithful,
    notes: data.notes.map((n) => ({
      id: n.id,
      title: n.title,
      markdown: noteMarkdown.get(n.id) ?? '',
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      quotes: quotedHighlights(n.content).filter((id) => faithfulIds.has(id)),
    })),
    links: links.map((l) => ({ id: l.id, from: l.from.highlightId, to: l.to.highlightId, relation: l.relation, note: l.note })),
  }
  yield files
  return { mismatches, qdpxInput }
}

/**
 * Each highlight's comment under its paragraph, as a callout (`> [!note] Comment on “…”`): Obsidian
 * shows a callout, pandoc and CommonMark a blockquote. The paragraph is the line that ends with the
 * highlight's block id; a paragraph with several commented highlights gets their callouts in order.
 */
export function withComments(text: string, highlights: Highlight[], blocks: Map<number, string>): string {
  const byBlock = new Map<string, Highlight[]>()
  for (const h of highlights) {
    const block = blocks.get(h.id)
    if (!h.comment.trim() || !block) continue
    const list = byBlock.get(block)
    if (list) list.push(h)
    else byBlock.set(block, [h])
  }
  if (!byBlock.size) return text
  return text
    .split('\n')
    .flatMap((line) => {
      const m = / \^([\w-]+)$/.exec(line)
      const commented = m ? byBlock.get(m[1] as string) : undefined
      if (!commented) return [line]
      const callouts = commented.flatMap((h) => {
        const quote = h.exact.replace(/\s+/g, ' ').trim()
        const title = quote.length > 60 ? `${quote.slice(0, 59)}…` : quote
        return [
          '',
          `> [!note] Comment on “${escapeText(title)}”`,
          ...h.comment
            .trim()
            .split(/\r?\n/)
            .map((l) => `> ${escapeText(l)}`.trimEnd()),
        ]
      })
      return [line, ...callouts]
    })
    .join('\n')
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>()
  for (const item of items) {
    const list = out.get(key(item))
    if (list) list.push(item)
    else out.set(key(item), [item])
  }
  return out
}

/** The key this notebook signs its export manifests with (migration 011). */
export function exportKey(db: ReadableDB): Buffer {
  const key = db.prepare("SELECT value FROM notebook_secrets WHERE name = 'export-mac'").pluck().get() as Buffer | undefined
  if (!key) throw new Error('The notebook has no export key (migration 011 did not run).')
  return key
}

/** Exports the notebook into `dir` (see manifest.ts for what happens to files already there). */
export async function exportVault(db: ReadableDB, dir: string, options: VaultOptions = {}): Promise<ExportSummary> {
  // Locked before anything is built: a second export into the same folder is refused at once.
  const root = checkExportDir(dir)
  let release: () => void
  try {
    release = lockExportDir(root)
  } catch (error) {
    throw exportFailure(error, root, 0, 0)
  }
  try {
    return await exportLocked(db, dir, options)
  } finally {
    release()
  }
}

async function exportLocked(db: ReadableDB, dir: string, options: VaultOptions): Promise<ExportSummary> {
  const root = checkExportDir(dir)
  const data = readExportData(db)
  // The .qdpx sources (all article text) deflate on a worker while the Markdown is built here.
  const sources = qdpxSources(data.articles)
  sources.catch(() => undefined) // handled below; a failed build must not leave an unhandled rejection
  const total = data.articles.length + data.notes.length + data.rounds.length + FIXED_FILES
  let writer: VaultWriter | null = null
  try {
    writer = new VaultWriter(root, { key: exportKey(db), onProgress: options.onProgress, durable: options.durable, total })
    // Each batch is written (and starts flushing to disk) before the next one is built.
    let files = 0
    const stages = buildStages(data, options)
    let stage = stages.next()
    for (; !stage.done; stage = stages.next()) {
      files += stage.value.size
      await writer.add(stage.value)
    }
    await writer.add(new Map([['parley.qdpx', await qdpxWith(stage.value.qdpxInput, sources)]]))
    const report = await writer.finish()
    return { dir, files: files + 1, ...report, mismatches: stage.value.mismatches }
  } catch (error) {
    throw exportFailure(error, root, writer?.written ?? 0, total)
  } finally {
    writer?.close()
  }
}
