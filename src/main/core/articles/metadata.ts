import { strict as chronoStrict } from 'chrono-node/en'
import { words } from './clean'

export interface MetadataHints {
  title?: string | null
  outlet?: string | null
  published?: string | null
  author?: string | null
  url?: string | null
  wire?: string | null
}

export interface Metadata {
  title: string
  /** Index of the paragraph that is the headline (removed from the body), or -1. */
  titleIndex: number
  outlet: string | null
  published: string | null
  author: string | null
  wire: string | null
  url: string | null
  /** Paragraph index → replacement text (a sign-off or dateline cut from the article text). */
  edits: Map<number, string>
}

const FURNITURE_LINE = /\b(support|subscribe|donate|newsletter|sign up|advertis|cookie|menu|search|log ?in|read more)\b/i
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/

/** A date string from metadata or text → YYYY-MM-DD, or null. */
export function normalizeDate(value: string | null | undefined, reference = new Date()): string | null {
  if (!value) return null
  const iso = ISO_DATE.exec(value.trim())
  if (iso) return validDate(`${iso[1]}-${iso[2]}-${iso[3]}`)
  const parsed = chronoStrict.parse(value, reference)[0]
  if (!parsed || !parsed.start.isCertain('year')) return null
  const d = parsed.start
  return validDate(`${d.get('year')}-${String(d.get('month')).padStart(2, '0')}-${String(d.get('day')).padStart(2, '0')}`)
}

function validDate(iso: string): string | null {
  const d = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return null
  const year = d.getUTCFullYear()
  return year >= 1800 && year <= 2200 ? iso : null
}

const stem = (w: string): string =>
  w
    .toLowerCase()
    .replace(/[’']s$/, '')
    .slice(0, 5)

function looksLikeHeadline(p: string): boolean {
  const n = words(p).length
  return n >= 3 && n <= 30 && p.length <= 250 && !/[.:;,]$/.test(p) && !FURNITURE_LINE.test(p) && !/\s\/\s/.test(p)
}

/** Share of a candidate's content words that the article's opening also uses. */
function overlap(candidate: string, lead: Set<string>): number {
  const content = words(candidate).filter((w) => w.length > 3)
  if (content.length < 3) return 0
  return content.filter((w) => lead.has(stem(w))).length / content.length
}

function findTitle(paragraphs: string[]): { title: string; index: number } | null {
  // The headline is normally the first headline-shaped block, before the article's first long paragraph.
  for (let i = 0; i < Math.min(paragraphs.length, 6); i++) {
    const p = paragraphs[i] ?? ''
    if (words(p).length >= 35) break
    if (looksLikeHeadline(p) && paragraphs[i + 1] !== undefined) return { title: p, index: i }
  }
  // Otherwise a headline-shaped line elsewhere (a "related" list often repeats it) that matches the lead.
  const long = paragraphs.filter((p) => words(p).length >= 20).slice(0, 2)
  const lead = new Set(long.flatMap(words).map(stem))
  let best: { title: string; index: number; score: number } | null = null
  paragraphs.forEach((p, index) => {
    const candidate = p.replace(/^\[[^\]]{1,40}\]\s*[-–—]\s*/, '')
    if (!looksLikeHeadline(candidate)) return
    const score = overlap(candidate, lead)
    if (score >= 0.6 && (!best || score > best.score)) best = { title: candidate, index, score }
  })
  return best ? { title: (best as { title: string }).title, index: (best as { index: number }).index } : null
}

function findOutlet(paragraphs: string[]): string | null {
  const patterns = [
    /^support (.{2,60}?)!?$/i,
    /^a message from (.{2,60}?):?$/i,
    /\bjournalists of (the [\p{Lu}][\p{L}\s]{2,40}?)[,.]/iu,
    /^(?:©|copyright)\s*(?:\d{4}\s*)?(.{2,60}?)\.?(?:\s+all rights reserved.*)?$/i,
  ]
  for (const p of paragraphs) {
    for (const pattern of patterns) {
      const m = pattern.exec(p.trim())
      if (m?.[1]) return m[1].trim().replace(/^the\s+(?=\p{Lu})/iu, (t) => t)
    }
  }
  return null
}

/** Wire agencies signal themselves at the end ("…measures –AFP") or in a dateline ("PARIS (AFP) —"). */
function findWire(paragraphs: string[]): { wire: string; index: number; text: string } | null {
  const lastIndex = paragraphs.length - 1
  const last = paragraphs[lastIndex] ?? ''
  const signOff = /\s*[†‡*]?\s*[-–—]+\s*([A-Z]{2,6}(?:\/[A-Z]{2,6})?)\s*$/.exec(last)
  if (signOff?.[1] && words(last).length > 3) return { wire: signOff[1], index: lastIndex, text: last.slice(0, signOff.index).trimEnd() }
  for (let i = 0; i < Math.min(3, paragraphs.length); i++) {
    const p = paragraphs[i] ?? ''
    const dateline = /^([A-Z][A-Z .'-]{2,40}(?:,\s*[A-Za-z .]{2,30})?)\s*\(([A-Za-z][\w .&-]{1,30})\)\s*[-–—:]\s*/.exec(p)
    if (dateline?.[2]) return { wire: dateline[2], index: i, text: p }
  }
  return null
}

function findPublished(paragraphs: string[]): string | null {
  // Only explicit dates with a year, in short timestamp-like lines near the top or bottom.
  const candidates = [...paragraphs.slice(0, 6), ...paragraphs.slice(-4)]
  for (const p of candidates) {
    if (words(p).length > 14) continue
    const date = normalizeDate(p)
    if (date) return date
  }
  return null
}

/**
 * Title, outlet, date, author and wire for an article: explicit metadata first (front matter,
 * HTML meta), then what the text itself shows.
 */
export function detectMetadata(paragraphs: string[], hints: MetadataHints, fileName: string): Metadata {
  const edits = new Map<number, string>()
  const hintTitle = hints.title?.replace(/\s+/g, ' ').trim()
  let title: string | null = null
  let titleIndex = -1
  if (hintTitle) {
    title = hintTitle
    const cleanHint = hintTitle.toLowerCase()
    titleIndex = paragraphs.slice(0, 4).findIndex((p) => p.toLowerCase() === cleanHint)
  } else {
    const found = findTitle(paragraphs)
    if (found) ({ title, index: titleIndex } = found)
  }
  if (!title) title = fallbackTitle(paragraphs, fileName)

  const wire = hints.wire ?? null
  const found = wire ? null : findWire(paragraphs)
  if (found && found.index !== titleIndex && found.text !== paragraphs[found.index]) edits.set(found.index, found.text)

  return {
    title: title.slice(0, 300),
    titleIndex,
    outlet: hints.outlet?.trim() || findOutlet(paragraphs),
    published: normalizeDate(hints.published) ?? findPublished(paragraphs),
    author: hints.author?.trim() || null,
    wire: wire ?? found?.wire ?? null,
    url: hints.url ?? null,
    edits,
  }
}

function fallbackTitle(paragraphs: string[], fileName: string): string {
  const first = paragraphs.find((p) => words(p).length >= 8)
  if (first) {
    const sentence = first.split(/(?<=[.!?])\s/)[0] ?? first
    const w = sentence.split(/\s+/)
    return w.length > 14 ? `${w.slice(0, 14).join(' ')}…` : sentence
  }
  return fileName.replace(/\.[^.]+$/, '') || 'Untitled'
}
