import { NOT_TERMS } from './stopwords'

/**
 * A light English stemmer, enough to meet "staffing"/"staff", "flights"/"flight",
 * "expelled"/"expel" and "properties"/"property" on both sides of a comparison.
 *
 * Not a Snowball stemmer (issue 20 item 8 proposed one), by measurement: on the seeds' 841
 * distinct words (300,000 calls, unmemoized) this took 61-74 ms, @orama/stemmers 3.1.18 english
 * 256-263 ms and snowball-stemmers 0.6.0 english 1,499-1,661 ms; their stems differ here on 214
 * and 199 of the 841 words, and Porter2 undoubles after "-ing" ("staffing" → "staf", "staff" →
 * "staff"): with snowball-stemmers five tests' expected behaviour changed (terms, claims/propose,
 * rounds/detect).
 */
export function stem(word: string): string {
  let s = stems.get(word)
  if (s === undefined) {
    s = stemWord(word)
    remember(stems, word, s)
  }
  return s
}

// Word → stem memos (here and the piece table below). A notebook's vocabulary is a few tens of
// thousands of words, each stemmed thousands of times by suggestions and corpus statistics; the
// regexes in stemWord cost far more than a lookup. Bounded so an unusual corpus cannot grow them without end.
const MEMO_LIMIT = 200_000
const stems = new Map<string, string>()

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(key, value)
}

function stemWord(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/[’']/g, '')
  if (w.length <= 3) return w
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3)
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2)
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1)
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|ff|zz)$/.test(word.toLowerCase().replace(/(ing|ed)$/, ''))) w = w.slice(0, -1)
  else if (/(ll)$/.test(w) && /(lled|lling)$/.test(word.toLowerCase())) w = w.slice(0, -1)
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
  return w
}

/** Letters a word's inflections replace at its end ("санкции" → "санкций", "Kontrolle" → "Kontrollen", "sanzione" → "sanzioni"). */
const TRAILING_VOWELS = /[aeiouyäöüáéíóúàèìòùâêîôûãõåæøаеёиоуыэюяьйіїєъ]+$/u

/**
 * The part of a word that its inflected forms begin with, in languages that inflect at the end of
 * their words (the English stemmer above knows English only): lower case, accents folded, final
 * vowels left out. `inflectionBase('Sanción') === 'sancion'`, `inflectionBase('санкции') === 'санкц'`.
 * Theme suggestions (themes/suggest.ts) and search (search/fts.ts) compare other languages' words by it.
 */
export function inflectionBase(word: string): string {
  return foldAccents(word).replace(TRAILING_VOWELS, '')
}

/** A word in lower case with its accents folded: `foldAccents('Sanción') === 'sancion'`. */
export function foldAccents(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
}

export const isStopWord = (word: string): boolean => NOT_TERMS.has(word.toLowerCase())

/** Content-word stems of a text, in order (stop words and one-letter tokens left out). */
export function terms(text: string): string[] {
  const out: string[] = []
  eachTerm(text, (t) => out.push(t))
  return out
}

/**
 * Calls `visit` with each term of `text.slice(from, to)`, in order: exactly `terms()` of that
 * slice, without allocating it or a string per word. Words are runs of `[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*`
 * split at hyphens; each piece is looked up by its characters in a table of pieces already seen.
 */
export function eachTerm(text: string, visit: (term: string) => void, from = 0, to = text.length): void {
  let i = from
  while (i < to) {
    let c = text.charCodeAt(i)
    let units = c < 128 ? (ASCII_WORD[c] as number) : wordUnits(text, i, to)
    if (units === 0) {
      i++
      continue
    }
    let start = i
    let hash = c
    if (units === 2) hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0
    i += units
    while (i < to) {
      c = text.charCodeAt(i)
      // ASCII first: nearly every character of an English body.
      if (c < 128) {
        if (ASCII_WORD[c] === 1 || c === APOSTROPHE) {
          hash = (Math.imul(hash, 31) + c) | 0
          i++
          continue
        }
        if (c !== HYPHEN) break
        piece(text, start, i, hash, visit)
        i++
        start = i
        hash = 0
        continue
      }
      // A combining mark goes on the word it marks: Devanagari, Bengali, Tamil and Thai write vowels as
      // marks ("वार्ता"), and a word cut at each would be pieces of no language.
      units = c === RIGHT_QUOTE ? 1 : wordUnits(text, i, to) || markUnits(text, i, to)
      if (units === 0) break
      hash = (Math.imul(hash, 31) + c) | 0
      if (units === 2) hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0
      i += units
    }
    piece(text, start, i, hash, visit)
  }
}

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0,
)
const HYPHEN = 0x2d
const APOSTROPHE = 0x27
const RIGHT_QUOTE = 0x2019
const WORD_CHAR = /^[\p{L}\p{N}]$/u
// Per BMP code unit: 0 not yet known, 1 a letter or digit, 2 not one.
const wordChar = new Uint8Array(0x10000)

/** How many code units the letter or digit at `i` takes (1, or 2 for a surrogate pair), or 0 when there is none. */
const wordUnits = (text: string, i: number, to: number): number => unitsOf(text, i, to, WORD_CHAR, wordChar)

/**
 * How many code units the character at `i` that `pattern` (one character) matches takes: 1, or 2 for a
 * surrogate pair; 0 when it does not match. BMP answers are kept per code unit in `table`.
 */
function unitsOf(text: string, i: number, to: number, pattern: RegExp, table: Uint8Array): number {
  const c = text.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return pattern.test(text.slice(i, i + 2)) ? 2 : 0
  }
  let known = table[c]
  if (!known) table[c] = known = pattern.test(String.fromCharCode(c)) ? 1 : 2
  return known === 1 ? 1 : 0
}

const MARK_CHAR = /^\p{M}$/u
// Per BMP code unit: 0 not yet known, 1 a combining mark, 2 not one.
const markChar = new Uint8Array(0x10000)

/** How many code units the combining mark at `i` takes (1, or 2 for a surrogate pair), or 0 when there is none. */
const markUnits = (text: string, i: number, to: number): number => unitsOf(text, i, to, MARK_CHAR, markChar)

// Hyphen-free piece → term (null when left out), as an open-addressing table keyed by the piece's
// characters, so a word seen before costs a hash and a comparison, not a new string.
let slots = 1 << 12
let keys: Array<string | undefined> = new Array<string | undefined>(slots)
let values: Array<string | null> = new Array<string | null>(slots)
let hashes = new Int32Array(slots)
let filled = 0

function piece(text: string, start: number, end: number, hash: number, visit: (term: string) => void): void {
  // One-letter (and empty) pieces are never terms.
  if (end - start <= 1) return
  const length = end - start
  let slot = (hash ^ (hash >>> 15)) & (slots - 1)
  for (;;) {
    const key = keys[slot]
    if (key === undefined) break
    if (hashes[slot] === hash && key.length === length && text.startsWith(key, start)) {
      const term = values[slot] as string | null
      if (term !== null) visit(term)
      return
    }
    slot = (slot + 1) & (slots - 1)
  }
  // A copy, not a slice: the table must not keep the whole body alive.
  const token = flat(text.slice(start, end))
  const term = isStopWord(token) ? null : stem(token)
  if (filled >= MEMO_LIMIT) resize(1 << 12)
  else if ((filled + 1) * 2 > slots) resize(slots * 2)
  insert(token, hash, term)
  if (term !== null) visit(term)
}

function insert(key: string, hash: number, term: string | null): void {
  let slot = (hash ^ (hash >>> 15)) & (slots - 1)
  while (keys[slot] !== undefined) slot = (slot + 1) & (slots - 1)
  keys[slot] = key
  values[slot] = term
  hashes[slot] = hash
  filled++
}

/** A table of `size` slots holding the current entries, or none when it was full (the memo's bound). */
function resize(size: number): void {
  const old = { keys, values, hashes }
  const keep = size > slots
  slots = size
  keys = new Array<string | undefined>(size)
  values = new Array<string | null>(size)
  hashes = new Int32Array(size)
  filled = 0
  if (!keep) return
  old.keys.forEach((key, slot) => {
    if (key !== undefined) insert(key, old.hashes[slot] as number, old.values[slot] as string | null)
  })
}

/** A string that shares no storage with the text it was sliced from (V8 keeps long slices as views). */
const flat = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1))
