/**
 * The web benchmark (`../shared/corpora/web-eval`): trafilatura's 990 annotated pages and htmldate's
 * 945 dated pages. Every page goes through the same core code as `analyze` (prepareArticle) as HTML,
 * and again as a text rendering (the page's visible text, one line per block, as a browser's
 * select-all copy gives). Bare Readability on linkedom is measured in the same run as the floor.
 * Scoring follows upstream: whitespace-normalised substring matching of 'with' / 'without' snippets.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { getDomain, getDomainWithoutSuffix, parse } from 'tldts'
import { decode } from '../src/main/core/articles/decode'
import { storeArticle } from '../src/main/core/articles/import'
import { prepareArticle, type PreparedArticle } from '../src/main/core/articles/prepare'
import { openDatabase } from '../src/main/core/db/open'
import { detectAndStore, listRounds } from '../src/main/core/rounds/repo'
import { detectLanguage } from '../src/main/core/text/language'
import { renderVisibleText } from './render-text'
import { corporaDir } from './run'
import { table, type EvalOptions, type SectionResult } from './report'

interface ExtractionEntry {
  file: string
  with: string[]
  without: string[]
  title?: string
  date?: string
  sitename?: string
}
interface DateEntry {
  file: string
  date: string
  set: string
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()
/** Titles compare case-insensitively, whitespace and typographic quotes normalised. */
export const titleKey = (s: string | null | undefined): string =>
  // Soft hyphens are invisible: a title with or without them reads the same.
  squash((s ?? '').replace(/\u00ad/g, ''))
    .toLowerCase()
    .replace(/[“”„«»"]/g, '"')
    .replace(/[‘’‚']/g, "'")
    .replace(/[–—]/g, '-')
const outletKey = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
/** Addresses spell umlauts and ß out ("Übermedien" at uebermedien.de): the name is also compared so spelt. */
const spelledOut = (s: string): string => s.replace(/[äÄ]/g, 'ae').replace(/[öÖ]/g, 'oe').replace(/[üÜ]/g, 'ue').replace(/ß/g, 'ss')
const outletKeys = (s: string): string[] => [...new Set([outletKey(s), outletKey(spelledOut(s))])]

/** The outlet matches when it contains the site's registrable domain label (`bbc` for www.bbc.co.uk) or the annotated site name. */
export function outletMatches(outlet: string | null, url: string, sitename?: string): boolean {
  if (!outlet) return false
  const got = outletKeys(outlet)
  // An archived copy names the original page after the archive's prefix.
  const original = /^https?:\/\/web\.archive\.org\/web\/[^/]+\/(https?:\/\/.+)$/.exec(url)?.[1] ?? url
  const host = original.startsWith('hard::') ? hardHost(original) : new URL(original).hostname
  const label = getDomainWithoutSuffix(host, { allowPrivateDomains: true }) ?? getDomain(host) ?? host
  const wanted = [label, sitename].filter((w): w is string => Boolean(w)).map(outletKey)
  return got.some((g) => wanted.some((w) => w.length > 0 && g.includes(w)))
}

/**
 * The evaluation's "hard" pages have no address, but their key names the site before a slug:
 * "hard::news.example.com-slug.html", "example.de.slug.html" → the longest such start whose
 * ending is a known public suffix.
 */
function hardHost(key: string): string {
  const name = key.slice('hard::'.length).replace(/\.html?$/, '')
  const cuts = [...[...name.matchAll(/[-.]/g)].map((m) => m.index), name.length].reverse()
  for (const at of cuts) {
    const host = name.slice(0, at)
    const parsed = parse(host)
    if (parsed.isIcann && parsed.domain && parsed.publicSuffix && host.endsWith(`.${parsed.publicSuffix}`)) return host
  }
  return 'invalid'
}

function pagesDir(): string | null {
  const corpus = join(corporaDir(), 'web-eval')
  const archive = join(corpus, 'pages.tar.xz')
  if (!existsSync(archive)) return null
  const dir = join(tmpdir(), 'parley-web-eval')
  const pages = join(dir, 'pages')
  if (!existsSync(pages) || readdirSync(pages).length < 1382) {
    mkdirSync(dir, { recursive: true })
    execFileSync('tar', ['-xJf', archive, '-C', dir])
  }
  return pages
}

interface Output {
  title: string | null
  outlet: string | null
  published: string | null
  body: string
  failed: string | null
  dropped?: Array<{ text: string; reason: string }>
  /** What import would store (its raw bytes left out), for the rounds check on unrelated pages. */
  prepared?: PreparedArticle
}

function runParley(name: string, bytes: Uint8Array): Output {
  try {
    const a: PreparedArticle = prepareArticle({ name, bytes })
    const prepared = { ...a, raw: '', dropped: [] }
    return { title: a.title, outlet: a.outlet, published: a.published, body: a.body, failed: null, dropped: a.dropped, prepared }
  } catch (error) {
    return { title: null, outlet: null, published: null, body: '', failed: error instanceof Error ? error.message : String(error) }
  }
}

function runReadability(html: string): Output {
  try {
    const { document } = parseHTML(html)
    const article = new Readability(document as unknown as Document).parse()
    return {
      title: article?.title ?? null,
      outlet: article?.siteName ?? null,
      published: article?.publishedTime?.slice(0, 10) ?? null,
      body: article?.textContent ?? '',
      failed: article ? null : 'no article',
    }
  } catch (error) {
    return { title: null, outlet: null, published: null, body: '', failed: String(error) }
  }
}

interface Tally {
  tp: number
  fn: number
  fp: number
  tn: number
  pages: number
  failed: number
}
const tally = (): Tally => ({ tp: 0, fn: 0, fp: 0, tn: 0, pages: 0, failed: 0 })
function score(t: Tally, entry: ExtractionEntry, out: Output): void {
  const text = squash(`${out.title ?? ''} ${out.body}`)
  t.pages++
  if (out.failed || !out.body.trim()) t.failed++
  for (const s of entry.with)
    if (text.includes(squash(s))) t.tp++
    else t.fn++
  for (const s of entry.without)
    if (text.includes(squash(s))) t.fp++
    else t.tn++
}
const prf = (t: Tally): { p: number; r: number; f: number } => {
  const p = t.tp / Math.max(1, t.tp + t.fp)
  const r = t.tp / Math.max(1, t.tp + t.fn)
  return { p, r, f: (2 * p * r) / Math.max(1e-9, p + r) }
}

interface Rate {
  right: number
  of: number
}
const rate = (): Rate => ({ right: 0, of: 0 })
const mark = (r: Rate, ok: boolean): void => {
  r.of++
  if (ok) r.right++
}
const ratio = (r: Rate): number => r.right / Math.max(1, r.of)

export async function evalWeb(options: EvalOptions): Promise<SectionResult | null> {
  const pages = pagesDir()
  if (!pages) {
    console.log(`web: skipped — ${join(corporaDir(), 'web-eval')} is absent (set PARLEY_CORPORA to the corpora folder).`)
    return null
  }
  const corpus = join(corporaDir(), 'web-eval')
  const extraction = JSON.parse(readFileSync(join(corpus, 'extraction.json'), 'utf8')) as Record<string, ExtractionEntry>
  const dates = JSON.parse(readFileSync(join(corpus, 'dates.json'), 'utf8').replace(/:\s*NaN\b/g, ': null')) as Record<string, DateEntry>

  // Every page once: file → url(s) and annotations.
  const byFile = new Map<string, { url: string; extraction?: ExtractionEntry; dates: DateEntry[] }>()
  for (const [url, e] of Object.entries(extraction)) byFile.set(e.file, { url, extraction: e, dates: [] })
  for (const [url, d] of Object.entries(dates)) {
    if (!d.date) continue // upstream keeps a few pages whose date it could not establish
    const found = byFile.get(d.file) ?? { url, dates: [] }
    found.dates.push(d)
    byFile.set(d.file, found)
  }
  let files = [...byFile.keys()].sort()
  if (options.files) files = files.filter((f) => options.files?.includes(f))
  // A partial run samples evenly across the sorted names (the first names are one kind of page).
  if (options.limit) files = files.filter((_, i) => i % Math.ceil(files.length / (options.limit ?? 1)) === 0)

  const groups = new Map<string, { parley: Tally; readability: Tally }>()
  const group = (name: string): { parley: Tally; readability: Tally } => {
    let g = groups.get(name)
    if (!g) groups.set(name, (g = { parley: tally(), readability: tally() }))
    return g
  }
  const title = { parley: rate(), readability: rate(), text: rate() }
  const outlet = { parley: rate(), readability: rate(), text: rate() }
  const dateSets = new Map<string, { parley: Rate; readability: Rate; text: Rate }>()
  const dateSet = (name: string): { parley: Rate; readability: Rate; text: Rate } => {
    let s = dateSets.get(name)
    if (!s) dateSets.set(name, (s = { parley: rate(), readability: rate(), text: rate() }))
    return s
  }
  const textSnippets = { kept: rate(), removed: rate(), failed: 0, pages: 0 }
  const wrong: string[] = []
  let parleyMs = 0
  let readabilityMs = 0

  const stored = { html: [] as PreparedArticle[], text: [] as PreparedArticle[] }
  let done = 0
  for (const file of files) {
    const info = byFile.get(file)
    if (!info) continue
    const bytes = readFileSync(join(pages, file))
    let t0 = performance.now()
    const parley = runParley(file, bytes)
    if (options.files) console.log(JSON.stringify({ file, ...parley, body: parley.body.slice(0, 600) }, null, 1))
    parleyMs += performance.now() - t0
    const html = decode(bytes).text
    t0 = performance.now()
    const readability = runReadability(html)
    readabilityMs += performance.now() - t0
    const rendering = renderVisibleText(html)
    const text = runParley(file.replace(/\.html?$/, '.txt'), new TextEncoder().encode(rendering))
    if (parley.prepared) stored.html.push(parley.prepared)
    if (text.prepared) stored.text.push(text.prepared)

    const e = info.extraction
    if (e) {
      const lang = detectLanguage(readability.body || parley.body)
      const g = lang === 'en' ? 'English' : 'other languages'
      for (const name of ['all', g]) {
        score(group(name).parley, e, parley)
        score(group(name).readability, e, readability)
      }
      if (options.verbose && parley.failed) wrong.push(`failed ${file}: ${parley.failed}`)
      if (options.verbose) {
        const out = squash(`${parley.title ?? ''} ${parley.body}`)
        for (const s of e.without) if (out.includes(squash(s))) wrong.push(`html kept ${file}: "${s.slice(0, 70)}"`)
        for (const s of e.with)
          if (!out.includes(squash(s))) {
            const why = parley.dropped?.find((d) => squash(d.text).includes(squash(s)))
            wrong.push(`html lost ${file}: "${s.slice(0, 60)}" — ${why ? `${why.reason}: ${why.text.slice(0, 60)}` : 'not extracted'}`)
          }
      }
      if (e.title) {
        mark(title.parley, titleKey(parley.title) === titleKey(e.title))
        mark(title.readability, titleKey(readability.title) === titleKey(e.title))
        mark(title.text, titleKey(text.title) === titleKey(e.title))
        if (options.verbose && titleKey(text.title) !== titleKey(e.title)) wrong.push(`text title ${file}: ${text.title} ≠ ${e.title}`)
        if (options.verbose && titleKey(parley.title) !== titleKey(e.title)) wrong.push(`title ${file}: ${parley.title} ≠ ${e.title}`)
      }
      mark(outlet.parley, outletMatches(parley.outlet, info.url, e.sitename))
      mark(outlet.readability, outletMatches(readability.outlet, info.url, e.sitename))
      mark(outlet.text, outletMatches(text.outlet, info.url, e.sitename))
      if (options.verbose && !outletMatches(parley.outlet, info.url, e.sitename))
        wrong.push(`outlet ${file}: ${parley.outlet} (${info.url})`)
      if (e.date) {
        const s = dateSet('trafilatura')
        mark(s.parley, parley.published === e.date)
        if (options.verbose && parley.published !== e.date) wrong.push(`date trafilatura ${file}: ${parley.published} ≠ ${e.date}`)
        mark(s.readability, readability.published === e.date)
        mark(s.text, text.published === e.date)
        if (options.verbose && text.published !== e.date) wrong.push(`text date trafilatura ${file}: ${text.published} ≠ ${e.date}`)
      }
      // Text rendering: only snippets the rendering holds can be kept or removed.
      const flat = squash(rendering)
      const out = squash(`${text.title ?? ''} ${text.body}`)
      textSnippets.pages++
      if (text.failed) textSnippets.failed++
      for (const s of e.with) {
        if (!flat.includes(squash(s))) continue
        mark(textSnippets.kept, out.includes(squash(s)))
        if (options.verbose && !out.includes(squash(s))) {
          const why = text.dropped?.find((d) => squash(d.text).includes(squash(s)))
          wrong.push(
            `text lost ${file}: "${s.slice(0, 60)}" — ${why ? `${why.reason}: ${why.text.slice(0, 80)}` : (text.failed ?? 'split across blocks')}`,
          )
        }
      }
      for (const s of e.without) {
        if (!flat.includes(squash(s))) continue
        mark(textSnippets.removed, !out.includes(squash(s)))
        if (options.verbose && out.includes(squash(s))) {
          const line = text.body.split('\n\n').find((p) => squash(p).includes(squash(s))) ?? ''
          wrong.push(`text kept ${file}: "${s.slice(0, 60)}" in "${line.slice(0, 100)}"`)
        }
      }
    }
    for (const d of info.dates) {
      const s = dateSet(d.set)
      mark(s.parley, parley.published === d.date)
      mark(s.readability, readability.published === d.date)
      mark(s.text, text.published === d.date)
      if (options.verbose && parley.published !== d.date) wrong.push(`date ${d.set} ${file}: ${parley.published} ≠ ${d.date}`)
      if (options.verbose && text.published !== d.date) wrong.push(`text date ${d.set} ${file}: ${text.published} ≠ ${d.date}`)
    }
    if (++done % 200 === 0) console.log(`web: ${done}/${files.length} pages`)
  }

  const figures: Record<string, number> = {}
  const rows: Array<Array<string | number>> = []
  for (const [name, g] of [...groups.entries()].sort()) {
    const a = prf(g.parley)
    const b = prf(g.readability)
    rows.push([`${name} (${g.parley.pages} pages)`, a.p, a.r, a.f, b.f, String(g.parley.failed), String(g.readability.failed)])
    const key = name === 'all' ? 'all' : name === 'English' ? 'en' : 'other'
    figures[`web.html.f1.${key}`] = a.f
    figures[`web.html.f1margin.${key}`] = a.f - b.f
    if (key === 'all') {
      figures['web.html.precision'] = a.p
      figures['web.html.recall'] = a.r
      figures['web.html.readability.f1'] = b.f
      figures['web.html.failedPages'] = g.parley.failed
    }
  }
  const lines = [
    'Extraction (HTML), title + body, upstream scoring:',
    ...table(['group', 'P', 'R', 'F1', 'Readability F1', 'failed', 'R. failed'], rows),
    '  published on these 990 pages: trafilatura 0.924, magic-html 0.889, readability-lxml 0.826, html_text 0.691',
    '',
  ]
  figures['web.html.title'] = ratio(title.parley)
  figures['web.html.outlet'] = ratio(outlet.parley)
  figures['web.text.title'] = ratio(title.text)
  figures['web.text.outlet'] = ratio(outlet.text)
  const metaRows: Array<Array<string | number>> = [
    [`title exact (${title.parley.of})`, ratio(title.parley), ratio(title.readability), ratio(title.text)],
    [`outlet (${outlet.parley.of})`, ratio(outlet.parley), ratio(outlet.readability), ratio(outlet.text)],
  ]
  for (const [name, s] of [...dateSets.entries()].sort()) {
    metaRows.push([`date exact, ${name} (${s.parley.of})`, ratio(s.parley), ratio(s.readability), ratio(s.text)])
    figures[`web.html.date.${name}`] = ratio(s.parley)
    figures[`web.text.date.${name}`] = ratio(s.text)
  }
  lines.push(...table(['metadata', 'Parley HTML', 'Readability', 'Parley text'], metaRows))
  lines.push('  published: htmldate extensive 0.903 accuracy on the 1,000 dated pages, htmldate fast 0.861, newspaper4k 0.680')
  figures['web.text.kept'] = ratio(textSnippets.kept)
  figures['web.text.removed'] = ratio(textSnippets.removed)
  figures['web.text.failedPages'] = textSnippets.failed
  lines.push(
    '',
    'Text renderings (visible text, one line per block):',
    ...table(
      ['', 'value'],
      [
        [`'with' snippets kept (${textSnippets.kept.of})`, ratio(textSnippets.kept)],
        [`'without' snippets removed (${textSnippets.removed.of})`, ratio(textSnippets.removed)],
        [`pages failed (of ${textSnippets.pages})`, String(textSnippets.failed)],
      ],
    ),
    '',
    `Speed: Parley prepare ${(parleyMs / files.length).toFixed(1)} ms/page, bare Readability ${(readabilityMs / files.length).toFixed(1)} ms/page`,
  )
  // Rounds on pages about everything but talks: what detection makes of them in any language.
  const apart = { html: roundsAmong(stored.html), text: roundsAmong(stored.text) }
  figures['web.html.roundsSolo'] = apart.html.solo
  figures['web.text.roundsSolo'] = apart.text.solo
  lines.push(
    '',
    'Rounds among these pages (unrelated news, blogs and shops in many languages: a page in a round is',
    "most likely a false one; a few pages do report a negotiation). Issue 16's solo, on real pages:",
    ...table(
      ['imported as', 'pages', 'in a round', 'rounds', 'left out of every round'],
      (['html', 'text'] as const).map((k) => [k, String(apart[k].pages), String(apart[k].inRound), String(apart[k].rounds), apart[k].solo]),
    ),
  )
  if (options.verbose) for (const k of ['html', 'text'] as const) lines.push(...apart[k].listed.map((l) => `round ${k}: ${l}`))
  if (options.verbose) lines.push('', ...wrong)
  return { figures, lines }
}

/**
 * Stores the prepared pages in a throwaway notebook, as `analyze` does, runs round detection, and
 * tells how many pages ended in a round. Identical copies are stored once (as import does).
 */
function roundsAmong(prepared: PreparedArticle[]): { pages: number; inRound: number; rounds: number; solo: number; listed: string[] } {
  const { db } = openDatabase(':memory:')
  try {
    let pages = 0
    for (const a of prepared) if (storeArticle(db, a).status === 'imported') pages++
    detectAndStore(db, new Date())
    const rounds = listRounds(db)
    const members = new Set<number>()
    const listed: string[] = []
    for (const r of rounds) {
      const reports = r.articles.filter((a) => a.role === 'reports')
      for (const a of reports) members.add(a.articleId)
      listed.push(
        `${r.date ?? '—'} ${r.venue ?? '—'}: ${reports
          .map((a) => a.title)
          .join(' | ')
          .slice(0, 160)}`,
      )
    }
    return { pages, inRound: members.size, rounds: rounds.length, solo: pages ? 1 - members.size / pages : 1, listed }
  } finally {
    db.close()
  }
}
