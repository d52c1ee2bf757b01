/**
 * Text repair below the level of blocks: words, sentence ends, lines broken mid-sentence and
 * sentences glued together without a space. Nothing here knows about page furniture.
 */

import { endsSentence, LINE_ENDS_IN_ABBREVIATION, opensSentence } from '../../../shared/sentences'
import { PROSE_WORDS } from './stopwords'

/** `words("It's 3.5% up")` → `["It's", "3", "5", "up"]`: letters and digits, with inner apostrophes and hyphens. */
export function words(text: string): readonly string[] {
  // Cleaning and metadata ask for the words of the same paragraph many times: remember recent ones.
  const hit = recentWords.get(text)
  if (hit) return hit
  const found = Object.freeze(runsOf(text, true))
  if (recentWords.size >= 4096) recentWords.clear()
  recentWords.set(text, found)
  return found
}
const recentWords = new Map<string, readonly string[]>()

/** `letterRuns("U.S.-Russia talks")` → `"U S Russia talks"`: runs of letters and digits joined by one space. */
export function letterRuns(text: string): string {
  // On a hostile paragraph of millions of runs, the array of runs is hundreds of megabytes where
  // the regular expression builds one flat string.
  if (text.length > 4096) return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return runsOf(text, false).join(' ')
}

/**
 * Runs of letters and digits (with inner apostrophes and hyphens when `inner`), by character code:
 * what the Unicode expression `[\p{L}\p{N}][\p{L}\p{N}'’-]*` (or `[\p{L}\p{N}]+`) matches, 2–3× faster;
 * this runs over every paragraph.
 */
function runsOf(text: string, inner: boolean): string[] {
  const found: string[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    const first = wordCharAt(text, i)
    if (first === 0) {
      i++
      continue
    }
    const start = i
    i += first
    while (i < n) {
      const c = text.charCodeAt(i)
      if (inner && (c === 39 || c === 0x2019 || c === 45)) i++
      else {
        const k = wordCharAt(text, i)
        if (k === 0) break
        i += k
      }
    }
    found.push(text.slice(start, i))
  }
  return found
}

const WORD_CHAR = /[\p{L}\p{N}]/u
/** Per BMP code unit: 0 not yet known, 1 a letter or digit, 2 not. */
const wordCharTable = new Uint8Array(0x10000)

/** The length (1, or 2 for an astral character) of the letter or digit at `i`, or 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (Number.isNaN(c)) return 0
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i) as number
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0
  }
  let known = wordCharTable[c] as number
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2
    wordCharTable[c] = known
  }
  return known === 1 ? 1 : 0
}

/** `p.replace(/\s+/g, ' ').trim()`, without building a new string when there is nothing to change (the usual case). */
export function squashSpaces(p: string): string {
  return hasLooseSpace(p) ? p.replace(/\s+/g, ' ').trim() : p
}

/**
 * Whether squashing would change `p`: a space other than U+0020, two in a row, or one at either
 * end (what `/[^\S ]| \s|^ | $/` matches), by character code: this runs over every paragraph.
 */
function hasLooseSpace(p: string): boolean {
  const last = p.length - 1
  for (let i = 0; i <= last; i++) {
    const c = p.charCodeAt(i)
    if (c === 32) {
      if (i === 0 || i === last || isSpaceCode(p.charCodeAt(i + 1))) return true
    } else if (c <= 32 ? c >= 9 && c <= 13 : c >= 0xa0 && isSpaceCode(c)) return true
  }
  return false
}

/** JavaScript's `\s`: ASCII tab to carriage return, space, and Unicode's spaces, separators and BOM. */
const isSpaceCode = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff

/** Languages written without spaces between words: words come from Intl.Segmenter there. */
const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my'])
const segmenters = new Map<string, Intl.Segmenter>()

/** The words of a text in its language: the character scan for spaced scripts, a word segmenter for Chinese, Japanese, Thai. */
export function wordsIn(text: string, language?: string): readonly string[] {
  if (!language || !UNSPACED.has(language)) return words(text)
  let segmenter = segmenters.get(language)
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })))
  const found: string[] = []
  for (const s of segmenter.segment(text.length > 20_000 ? text.slice(0, 20_000) : text)) if (s.isWordLike) found.push(s.segment)
  return found
}

/**
 * Share of words that are common function words: high in prose, low in menus and headlines. With
 * `stops`, the function words of the article's language; without, English ones.
 */
export function stopDensity(text: string, stops?: ReadonlySet<string>, language?: string): number {
  const list = stops && stops.size ? stops : PROSE_WORDS
  // The cleaner asks twice about most blocks (the span's choice, then each block's class): remember recent ones.
  const hit = recentDensity.get(text)
  if (hit && hit.list === list && hit.language === language) return hit.density
  const w = wordsIn(text, language)
  let n = 0
  // (Every list is in lower case: one lookup of the lower-case form finds what the written form would.)
  for (const x of w) if (list.has(x.toLowerCase())) n++
  const density = w.length === 0 ? 0 : n / w.length
  if (recentDensity.size >= 4096) recentDensity.clear()
  recentDensity.set(text, { list, language, density })
  return density
}
const recentDensity = new Map<string, { list: ReadonlySet<string>; language: string | undefined; density: number }>()

const insideUrl = (whole: string, offset: number): boolean =>
  /(https?:\/\/|www\.|@)\S*$/i.test(whole.slice(Math.max(0, offset - 60), offset))

/**
 * Splits sentences glued without a space ("Geneva.The talks" → "Geneva. The talks") and
 * restores the space after a comma ("2018,Officials"), leaving abbreviations (U.S.), decimals
 * (3.5, 1,000) and URLs alone.
 */
export function splitGluedSentences(text: string): string {
  // Most paragraphs have no stop or comma directly followed by a letter: skip the two costly patterns.
  if (!GLUE_CANDIDATE.test(text)) return text
  // Exactly two letters or digits before the stop: `{2,}` would rescan a long run from every
  // position (quadratic on a 1 MB word); the replacement puts the same characters back.
  return text
    .replace(
      /(\p{Ll}{2}|\p{Ll}[)"”’]|\p{N}{2}|\d%)([.!?])(["”’]?)([“‘"]?\p{Lu}\p{Ll})/gu,
      (m, a: string, p: string, q: string, b: string, offset: number, whole: string) =>
        insideUrl(whole, offset + a.length) ? m : `${a}${p}${q} ${b}`,
    )
    .replace(/(\p{Ll}{2}|\p{N}{2}),(\p{L}{2})/gu, (m, a: string, b: string, offset: number, whole: string) =>
      insideUrl(whole, offset + a.length) ? m : `${a}, ${b}`,
    )
}

const GLUE_CANDIDATE = /[.!?,]["”’]?[“‘"]?\p{L}/u

/** Rejoins lines broken inside a sentence, e.g. a line ending in an abbreviation followed by its continuation. */
export function rejoinLines(lines: string[]): string[] {
  const out: string[] = []
  for (const raw of lines) {
    const line = raw.trim()
    const prev = out.at(-1)
    if (prev !== undefined && line && shouldJoin(prev, line)) out[out.length - 1] = `${prev} ${line}`
    else out.push(line)
  }
  return out
}

function shouldJoin(prev: string, next: string): boolean {
  if (!prev) return false
  const first = words(next)[0] ?? ''
  const startsLower = /^\p{Ll}/u.test(next)
  if (LINE_ENDS_IN_ABBREVIATION.test(prev)) {
    return startsLower || (/^\p{Lu}/u.test(first) && !opensSentence(first))
  }
  // A long line that stops mid-sentence and a next line that carries on in lower case.
  return !endsSentence(prev) && !/[:;]$/.test(prev) && startsLower && words(prev).length >= 6
}

/** Splits text into paragraphs: blank-line separated when the text uses them, otherwise one per line. */
export function paragraphsOf(text: string): string[] {
  const lines = text.split('\n')
  const blankSeparated = /\n[ \t]*\n/.test(text)
  if (!blankSeparated) return rejoinLines(lines).filter(Boolean)
  const paragraphs: string[] = []
  let current: string[] = []
  // Hard-wrapped text: most lines inside multi-line paragraphs stop mid-sentence.
  // Short lines (menus, lists) say nothing about the wrap: only lines of prose length count.
  const inner = lines.filter((l, i) => l.trim().length >= 40 && lines[i + 1]?.trim())
  const wrapped = inner.length >= 3 && inner.filter((l) => !endsSentence(l.trim())).length > inner.length * 0.6
  const flush = (): void => {
    const prose = current.slice(0, -1).every((l) => l.length >= 30)
    if (current.length) paragraphs.push(...(wrapped && prose ? [current.join(' ')] : rejoinLines(current)))
    current = []
  }
  for (const line of lines) {
    if (line.trim()) current.push(line.trim())
    else flush()
  }
  flush()
  return paragraphs.map(squashSpaces).filter(Boolean)
}
