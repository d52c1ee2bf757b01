/**
 * The headline of a plain-text copy of a whole page (navigation, share bars and footers included),
 * in any language: the lines above where the article starts are scored on what a headline shows
 * wherever it is published — a date or byline line right under (or over) it, the article's own
 * words, a repeat of it close by (breadcrumb, then the heading), nearness to the article — and
 * what it is not: a menu item, a label, a caption, a date, a standfirst ending as a sentence.
 */
import { isByline, isCaption, isCredit, isTimestamp, furnitureDensity, NOTICE, NOTICE_OTHER } from './furniture'
import { findDates } from './dates'
import { remembered } from '../text/remembered'
import { letterRuns, squashSpaces, words, wordsIn } from '../text/words'

/** Words of a line; Chinese and Japanese lines are segmented (a run of ideographs is many words). */
export const lineWords = (p: string): number =>
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(p) ? wordsIn(p, 'zh').length : words(p).length

export const FURNITURE_LINE = /\b(support|subscribe|donate|newsletter|sign up|advertis|cookie|menu|search|log ?in|read more)\b/i

/**
 * Lines a page copy holds near its headline that are not it, in any language: captions and photo
 * credits, bylines ("Par …", "Von …", "Por …"), labelled lines ("Quelle: …", "Photo: …"),
 * breadcrumbs ("Home > World > …"), notices and share bars.
 */
export function notHeadline(p: string, n: number): boolean {
  return (
    isCaption(p, n) ||
    isCredit(p, n) ||
    /^(?:by|par|von|por|di|door|av|af|przez|от|від)\s+\p{Lu}/iu.test(p) ||
    /^[\p{L}-]{2,20}\s?:\s*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}$/u.test(p) ||
    // A closing guillemet ends a quotation that opened on the line: French and Swiss headlines quote so.
    (/\s[>»›]+\s|[>»›]$/.test(p) && !/[«‹][^»›]+[»›]$/.test(p)) ||
    // A list of tags or sections: "amiga, dogs, floppy, Hunde".
    (p.split(/\s*[,·|]\s*/).length >= 3 && p.split(/\s*[,·|]\s*/).every((item) => item.split(/\s+/).length <= 2)) ||
    NOTICE.test(p) ||
    NOTICE_OTHER.test(p) ||
    furnitureDensity(words(p)) >= 0.5
  )
}

/** A short line that dates or signs the article: "12. März 2020", "Posted on 2020-03-12 by …", "Von Jane Roe". */
function datesOrSigns(p: string | undefined): boolean {
  if (p === undefined || p.length > 300) return false
  const n = words(p).length
  if (n === 0 || n > 24) return false
  if (isByline(p, n) || /^(?:by|par|von|por|di|door|av|af|przez|от|від)\s+\p{Lu}/iu.test(p)) return true
  return isTimestamp(p, n) || findDates(p.slice(0, 200), { limit: 1 }).length > 0
}

const NO_WORDS: ReadonlySet<string> = new Set()

/** The word that introduces an author, alone on its line: the name is on the next line. */
const BY_ALONE = /^(?:by|par|von|por|di|door|av|af|przez|от|від)\s*:?$/iu

/** A line that is mostly a date ("1. November 2023", "03.11.2023 08:03"): never a headline. */
function isDateLine(p: string, n: number): boolean {
  if (n > 8) return false
  return isTimestamp(p, n) || findDates(p, { limit: 1 }).length > 0
}

const stem = (w: string): string => w.toLowerCase().slice(0, 5)
/** A line's word stems: the article's opening lines are read by every call for a page (remember recent ones). */
const stemsOf = remembered((p: string): ReadonlySet<string> => new Set(words(p).map(stem)), 1024)
const contentWords = (p: string): string[] => words(p).filter((w) => w.length > 3 && !/\d/.test(w))

/**
 * A menu as a page copy prints it on one line: items between separators ("News | Sport · Weather"),
 * or glued without spaces ("MagazineSubscribeSign In", "Facebook0Tweet0Email0"). A headline in
 * title case ("The Collapse of Old Ideas") is not one.
 */
function menuLine(p: string): boolean {
  const items = p.split(/\s+[|·•]\s+|\s{2,}/).filter(Boolean)
  if (items.length >= 3 && items.every((item) => item.split(/\s+/).length <= 3)) return true
  return p.split(/\s+/).some((token) => (token.match(/\p{Ll}\p{Lu}|\p{L}\d\p{Lu}/gu) ?? []).length >= 2)
}

/** Could this line be a headline at all (any length from one word, any script)? */
export function headlineShaped(p: string): boolean {
  if (p.length > 250 || p.length < 3) return false
  const n = lineWords(p)
  if (n < 1 || n > 30) return false
  if (/[,;:，：；|*]$/.test(p) || /^(?:[←-⇿<>|•·*+/\\\-–—©~≈…]|[»›]\s|[«‹]\s(?!.*[»›]))|(?:[←-⇿]|\s[»›])$/.test(p)) return false
  // A line wholly in brackets is a label or a dateline ("[Politics]", "(Rome, 14 May)").
  if (/^[([{].*[)\]}]$/.test(p)) return false
  // Two sentences or more are a standfirst or the lead, not a headline.
  // (A two-letter abbreviation, 'St. Louis', ends no sentence.)
  if (/\p{Ll}{3}[.!?。！？]\s+\p{Lu}|[^\p{L}]\p{Ll}{1,2}[!?。！？]\s+\p{Lu}/u.test(p) && n > 16) return false
  if (/[.。]$/.test(p) && n > 12) return false
  if ((p.match(/\p{L}/gu) ?? []).length < 3) return false
  // An address alone on its line (an e-mail, a web address, a domain) is a contact or a masthead.
  if (/^\S+@\S+\.\S+$|^(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?:\/\S*)?$/u.test(p.trim())) return false
  // A labelled list ("Tags: a, b c, d") or a line of parts between pipes is the page's metadata.
  if (/^[\p{L}]{2,20}\s?:\s/u.test(p) && p.split(',').length >= 3) return false
  if ((p.match(/\s\|\s/g) ?? []).length >= 2) return false
  return !menuLine(p) && !notHeadline(p, n) && !FURNITURE_LINE.test(p) && !isDateLine(p, n)
}

/**
 * What each feature of a candidate line (CandidateFeatures) weighs in its score. The weights come
 * from a conditional-logit fit over the candidate lines of the web benchmark's text renderings
 * (on each page, the annotated headline against every other candidate; about 660 pages whose
 * headline is among the candidates; 27 features of layout and word use, none naming a word, a
 * language or a site), blended 0.3 fit / 0.7 with the hand-set weights used before (the fit
 * alone moves titles on pages nobody annotated and with them the dates read near the title). A
 * date two lines over the headline then counts half as much as one right over it (0.51, 0.96):
 * a step search on the same pages found two more headlines and two more dates right so.
 */
export const WEIGHTS: Readonly<Record<keyof CandidateFeatures, number>> = {
  dateBelow: 2.06,
  dateAbove1: 0.96,
  dateAbove2: 0.51,
  dateNext: 0.57,
  dated: -1.03,
  copyNear: 1.28,
  copiesMany: 0.53,
  endsAnother: -1.41,
  share: 0.75,
  shareRaw: 0.98,
  usedCount: 0.26,
  n3: 1.16,
  n1: -1.15,
  caps: -1.34,
  person: -1.23,
  period: -1.57,
  sentences: -0.13,
  question: 0.15,
  between: -0.08,
  first: -0.11,
  gap: -0.62,
  aboveShaped: -0.73,
  belowShaped: -0.26,
  longerThanAbove: 0.67,
  longerThanBelow: 0.32,
  shorterThanAbove: 0.27,
  shorterThanBelow: 0.65,
}

/** What is known of a candidate headline line: each a count, a share or 0/1 (see scoreTitle). */
/** Read once: the list is walked for every candidate line of every article. */
const WEIGHT_KEYS = Object.keys(WEIGHTS) as ReadonlyArray<keyof CandidateFeatures>

export interface CandidateFeatures {
  /** A date or byline line within four lines under it (not past the start). */
  dateBelow: number
  /** Otherwise one right over it, or two lines over it. */
  dateAbove1: number
  dateAbove2: number
  /** The very next line dates or signs it. */
  dateNext: number
  /** The line itself dates or signs. */
  dated: number
  /** Printed once more close by (a breadcrumb's last item, a share text), or many times. */
  copyNear: number
  copiesMany: number
  /** Lines close by that it ends with (a site name after the headline in a title line). */
  endsAnother: number
  /** The share of its content words the article's opening uses (doubled from two words), the plain share, how many. */
  share: number
  shareRaw: number
  usedCount: number
  /** Three words or more; a single word. */
  n3: number
  n1: number
  /** Written in capitals only (a label, a section name); scripts without case are never so. */
  caps: number
  /** Shaped as a person's name the article does not use (an author), or any name right beside a date or byline line (a byline). */
  person: number
  /** Ends with a full stop (weighted by length); holds two sentences; ends with ? or !. */
  period: number
  sentences: number
  question: number
  /** Headline-shaped lines between it and the start (other lines count a fifth); none; log of the distance. */
  between: number
  first: number
  gap: number
  /** The line over it / under it could be a headline too, and how their lengths compare (kicker, standfirst). */
  aboveShaped: number
  belowShaped: number
  longerThanAbove: number
  longerThanBelow: number
  shorterThanAbove: number
  shorterThanBelow: number
}

export interface ScoredTitle {
  title: string
  index: number
  score: number
  /** The standfirst passed over for the headline above it: article text, kept. */
  standfirst?: number
}

/**
 * The best headline line above (or at) `start`, the first line of the article's text in a page
 * copy. Bounded work: at most the 24 lines above the start are scored, each against a few
 * neighbours and the article's first paragraphs.
 */
export function scoreTitle(
  paragraphs: readonly string[],
  start: number,
  trace?: (index: number, score: number, features?: CandidateFeatures) => void,
): ScoredTitle | null {
  if (start < 0 || start >= paragraphs.length) return null
  // The article's opening words, counted per line: the start line, a candidate too, must not
  // count its own words as the article's.
  // (Asked of the few stems of headline-shaped lines only: no table of every word of the opening.)
  const opening = paragraphs.slice(start, start + 8).map(stemsOf)
  const linesUsing = (s: string): number => opening.reduce((n, line) => (line.has(s) ? n + 1 : n), 0)
  // The opening's sentences only: a byline repeated under the start is not the article using a name.
  const proseLines = paragraphs
    .slice(start, start + 8)
    .filter((p) => lineWords(p) >= 8)
    .map(stemsOf)
  const prose: StemSet = { has: (s) => proseLines.some((line) => line.has(s)) }
  const from = Math.max(0, start - 24)
  const to = Math.min(paragraphs.length - 1, start)
  // A headline with its signature and date run into its line: "… by Jane Roe, 4 May 2020".
  const signedAt = perLine((i) => signedTail(paragraphs[i] ?? ''))
  // A headline the copy runs after the article's date on its line: "1 February 2022 Headline …".
  const headAt = perLine((i) => datedHeadAt(paragraphs[i] ?? ''))
  // A line under a lone "By" is the author's name, not a headline.
  const shape = perLine((i) => {
    const p = paragraphs[i]
    return p !== undefined && headlineShaped(p) && !BY_ALONE.test(paragraphs[i - 1] ?? '')
  })
  // Each line's key and date are asked for by several candidates: read once.
  const keyOf = perLine((j) => {
    const line = paragraphs[j] ?? ''
    // A line far longer than a headline is neither a copy of one nor a breadcrumb ending in one.
    return line.length > 400 ? '' : letterRuns(line.toLowerCase())
  })
  const dated = perLine((j) => datesOrSigns(paragraphs[j]))
  // A line printed again within ten lines (a search box's prompt, a section's name): the page's own label.
  const printedNear = (i: number): boolean => {
    const key = keyOf(i)
    for (let j = Math.max(0, i - 10); j <= Math.min(paragraphs.length - 1, i + 10); j++) if (j !== i && keyOf(j) === key) return true
    return false
  }
  let best: ScoredTitle | null = null
  const scores = new Map<number, number>()
  // How many of each candidate's content words the article's opening uses.
  const usedAt = new Map<number, number>()
  const sharesArticleWords = (i: number): boolean => (usedAt.get(i) ?? 0) > 0
  // Lines between a candidate and the start that could be headlines too count against it; dates,
  // bylines, captions and share buttons between a headline and its article do not.
  let between = 0
  for (let i = to; i >= from; i--) {
    const p = paragraphs[i] as string
    // A headline run together with its signature or date is one too; beside it, it is a date line.
    if (!shape(i) && !((signedAt(i) > 0 || headAt(i) > 0) && !BY_ALONE.test(paragraphs[i - 1] ?? ''))) {
      between += 0.2
      continue
    }
    const n = lineWords(p)
    const below = [1, 2, 3, 4].some((k) => i + k <= start + 1 && dated(i + k))
    // Printed twice close by (a breadcrumb's last item, then the heading): once more, not a menu's many times.
    const key = keyOf(i)
    let copies = 0
    let inside = false
    let endsAnother = 0
    for (let j = Math.max(0, i - 10); j <= Math.min(paragraphs.length - 1, i + 10); j++) {
      if (j === i) continue
      const other = keyOf(j)
      if (!other) continue
      if (other === key) copies++
      else if (n >= 3 && other.length > key.length && other.endsWith(` ${key}`)) inside = true
      else if (lineWords(paragraphs[j] as string) >= 3 && key.endsWith(` ${other}`) && shape(j)) endsAnother++
    }
    const c = contentWords(p)
    const own = i >= start ? stemsOf(p) : null
    const used = c.filter((w) => {
      const s = stem(w)
      return linesUsing(s) > (own?.has(s) ? 1 : 0)
    }).length
    const upperN = i > 0 && shape(i - 1) ? lineWords(paragraphs[i - 1] as string) : 0
    const lowerN = i + 1 < start && shape(i + 1) ? lineWords(paragraphs[i + 1] as string) : 0
    const f: CandidateFeatures = {
      dateBelow: below ? 1 : 0,
      dateAbove1: (!below && dated(i - 1)) || headAt(i) > 0 ? 1 : 0,
      dateAbove2: !below && !dated(i - 1) && dated(i - 2) ? 1 : 0,
      dateNext: (i + 1 <= start && dated(i + 1)) || signedAt(i) > 0 ? 1 : 0,
      dated: dated(i) && signedAt(i) < 0 && headAt(i) < 0 ? 1 : 0,
      copyNear: copies === 1 || (copies === 0 && inside) ? 1 : 0,
      copiesMany: copies > 1 ? 1 : 0,
      endsAnother,
      share: c.length ? ((c.length >= 2 ? 2 : 1) * used) / c.length : 0,
      shareRaw: c.length ? used / c.length : 0,
      usedCount: Math.min(4, used),
      n3: n >= 3 ? 1 : 0,
      n1: n === 1 ? 1 : 0,
      caps: !/\p{Ll}/u.test(p) && /\p{Lu}/u.test(p) ? 1 : 0,
      person: personName(p, prose) || ((dated(i + 1) || dated(i - 1)) && personName(p, NO_WORDS)) ? 1 : 0,
      period: /[.。]$/.test(p) ? (n >= 6 ? 1.5 : 0.5) : 0,
      sentences: n > 6 && /\p{Ll}[.!?]\s+\p{Lu}/u.test(p) ? 1 : 0,
      question: /[?!？！]$/.test(p) ? 1 : 0,
      between,
      first: between < 1 ? 1 : 0,
      gap: Math.log(1 + start - i),
      aboveShaped: upperN ? 1 : 0,
      belowShaped: lowerN ? 1 : 0,
      longerThanAbove: upperN && n >= upperN + 3 ? 1 : 0,
      longerThanBelow: lowerN && n >= lowerN + 3 ? 1 : 0,
      shorterThanAbove: upperN && upperN >= n + 3 ? 1 : 0,
      shorterThanBelow: lowerN && lowerN >= n + 3 ? 1 : 0,
    }
    let score = 0
    for (const k of WEIGHT_KEYS) score += WEIGHTS[k] * f[k]
    between += 1
    trace?.(i, score, f)
    scores.set(i, score)
    usedAt.set(i, used)
    if (!best || score >= best.score) best = { title: p, index: i, score }
  }
  // Two headline lines one above the other are a headline and its standfirst (or subtitle): the
  // standfirst uses more of the article's words, so the upper line wins when it scores nearly as well.
  const upper = best && shape(best.index - 1) ? scores.get(best.index - 1) : undefined
  if (
    best &&
    upper !== undefined &&
    upper >= best.score - 1 &&
    lineWords(paragraphs[best.index - 1] as string) >= 5 &&
    lineWords(best.title) >= 5
  )
    best = { title: paragraphs[best.index - 1] as string, index: best.index - 1, score: upper, standfirst: best.index }
  else if (
    best &&
    upper !== undefined &&
    upper >= best.score - 5 &&
    // Measured without a signature and date the copy ran into its line: they make no standfirst.
    standfirstUnder(
      paragraphs[best.index - 1] as string,
      signedAt(best.index) > 0 ? best.title.slice(0, signedAt(best.index)) : best.title,
    ) &&
    !printedNear(best.index - 1)
  ) {
    // A label between the headline and its standfirst ("This article is more than 4 years old", a
    // section's name): it shares no word with the article, the headline-shaped line above it does
    // and scores higher.
    const label = best.index - 1
    const above = shape(label - 1) ? scores.get(label - 1) : undefined
    const isLabel = above !== undefined && above > upper && !sharesArticleWords(label) && sharesArticleWords(label - 1)
    const at = isLabel ? label - 1 : label
    best = { title: paragraphs[at] as string, index: at, score: best.score, standfirst: best.index }
  }
  // A line printed between two copies of another ("Headline", "Kicker", "Headline", within two lines
  // either side): the copies are the headline (a teaser link and the heading, an image's text and the
  // heading), the line between them its label. The copy nearer the article is taken.
  if (best) {
    const at = best.index
    const below = [at + 1, at + 2].find(
      (k) =>
        k <= start && shape(k) && lineWords(paragraphs[k] as string) >= 3 && [at - 1, at - 2].some((j) => j >= 0 && keyOf(j) === keyOf(k)),
    )
    if (below !== undefined) best = { title: paragraphs[below] as string, index: below, score: scores.get(below) ?? best.score }
  }
  // A standfirst right under the headline chosen is the article's text, whatever its shape.
  if (best && best.standfirst === undefined && best.index + 1 < start && shape(best.index + 1)) {
    const next = lineWords(paragraphs[best.index + 1] as string)
    if (next >= Math.max(8, lineWords(best.title) + 3)) best = { ...best, standfirst: best.index + 1 }
  }
  return best
}

/**
 * A standfirst under its headline: a line of ten words or more, four more than the line above it,
 * which reads as a headline of its own (four words or more, opening with a capital, a figure or a
 * quote; not a breadcrumb, a line in capitals or a row of counters). Its many words of the article
 * make the standfirst score higher than the headline; the headline is the line above.
 */
function standfirstUnder(head: string, line: string): boolean {
  const h = lineWords(head)
  if (h < 4 || lineWords(line) < Math.max(10, h + 4)) return false
  if (!/^[\p{Lu}\p{Lo}\p{N}"“„«‘']/u.test(head) || /[›»>|]/.test(head) || !/\p{Ll}|\p{Lo}/u.test(head)) return false
  // Words run together ("SportsWorld Cup"): two links or a label and its value the copy glued, not a headline.
  if (/\p{Ll}\p{Lu}/u.test(head)) return false
  return head.split(/\s+/).filter((t) => /^\d+$/.test(t)).length * 2 < h
}

/**
 * A person's name on a line of its own (the author's, a photographer's): two or three capitalised
 * words, no figure, none of them a word the article's opening uses. A headline of that shape names
 * what the article is about, and the article uses its words.
 */
/** What personName asks of the article's words. */
interface StemSet {
  has(stem: string): boolean
}

function personName(p: string, body: StemSet): boolean {
  const parts = p.split(/\s+/)
  if (parts.length < 2 || parts.length > 3) return false
  if (!parts.every((w) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?\.?$/u.test(w) || /^\p{Lu}\.$/u.test(w))) return false
  return !parts.some((w) => body.has(stem(w)))
}

/** `read(i)` for a line index, computed once per index (several candidates ask about the same lines). */
function perLine<T>(read: (i: number) => T): (i: number) => T {
  const known = new Map<number, T>()
  return (i) => {
    if (known.has(i)) return known.get(i) as T
    const value = read(i)
    known.set(i, value)
    return value
  }
}

// Marks a page prints before its headline: arrows, bullets, the bracket of a "back" link; a mark that
// the line closes again (»quote«, [Section] …) is part of the headline.
const LEADING_MARKS = /^[\s›»>•·|[–—-]+(?=[\p{L}\p{N}"„“«‘'])/u
const CLOSING: Record<string, string> = { '»': '«', '›': '‹', '[': ']' }
const LEADING_NUMERIC_DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\s+[-–—|]\s+/u
// A person's name: two to four capitalised words.
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}`
// "Headline by Jane Roe": a byline run into the headline's line, after a word that only introduces an
// author. "von", "de", "di" introduce places and people alike ("die Leute von Sri Lanka"): SIGNATURE
// below takes them only on evidence.
const TRAILING_BYLINE = new RegExp(String.raw`\s+(?:by|par|por|door|av|przez)\s+${NAME}$`, 'u')

/**
 * Where the headline starts on a line that a page copy opens with the article's date ("1. Februar
 * 2022 Headline …", "[ 10 May 2020 ] Headline …", "03.04.2024 - Headline"): the index after the date
 * and its marks, or -1. What follows must read as a headline of three words or more.
 */
export function datedHeadAt(line: string): number {
  // A full date holds a figure (its year at least) within its first words.
  if (line.length > 400 || !/^[[(\s]*[\p{L}\p{N}]/u.test(line) || !/\d/.test(line.slice(0, 60))) return -1
  const tokens = [...line.matchAll(/\S+/gu)]
  for (let k = 1; k <= Math.min(6, tokens.length - 3); k++) {
    const token = tokens[k - 1]?.[0] ?? ''
    // A copy that glued the date to the headline's first word ("03.04.2024Headline …"): the word
    // is the headline's, the date ends at its last figure.
    const glued = /\d(\p{Lu}\p{L}*)$/u.exec(token)?.[1]?.length ?? 0
    const end = (tokens[k - 1]?.index ?? 0) + token.length - glued
    const found = findDates(line.slice(0, end), { limit: 1 })[0]
    if (!found) continue
    if (found.index > 2) return -1
    // "9 November 1989: The night the wall fell" names its date: a headline's own words.
    if (/:$/u.test(line.slice(0, end)) || /^\s*:/u.test(line.slice(end))) return -1
    const rest = /^[\s\])|·•–—-]*/u.exec(line.slice(end))?.[0].length ?? 0
    const at = end + rest
    const head = line.slice(at)
    // A date, then the section and the tags of an article ("… Politics Budget, left, unions").
    const items = head.split(/\s*,\s*/)
    if (items.length >= 3 && items.every((item) => lineWords(item) <= 3)) return -1
    return lineWords(head) >= 3 && headlineShaped(head) ? at : -1
  }
  return -1
}

// A word that introduces who signed (a "de" or "di" introduces places as often: not here).
const SIGNING = /^(?:by|von|vom|durch|par|por|door|av|przez|от|від):?$/iu
const SEPARATOR = /^[|·•–—-]+$/u

/**
 * Where a signature and a date that a page copy ran into its headline's line begin: "… by Jane Roe
 * on 4 May 2020", "… von Jane · 18. Oktober 2019", "… jeudi 13 juin 2019, par Jane Roe", "… by: Jane
 * Roe". The index the headline ends at, or -1. A date right after the word ("… extended by 31 March
 * 2021") is the headline's own, and so is a signature with neither a date nor a colon (withoutSignature
 * asks the page for evidence of those).
 */
export function signedTail(line: string): number {
  const at = tailAt(line)
  // Only a headline so signed: not a date line signed so ("Published on Fri, 4 May 2020 by …").
  return at > 0 && headlineShaped(line.slice(0, at).trim()) ? at : -1
}

function tailAt(line: string): number {
  if (line.length > 400) return -1
  const tokens = [...line.matchAll(/\S+/gu)]
  // Every such tail holds a word that signs; most lines hold none (read once, not per cut).
  if (tokens.length < 5 || !tokens.some((t) => SIGNING.test(t[0]))) return -1
  for (let k = 3; k < tokens.length - 1; k++) {
    const at = tokens[k]?.index ?? 0
    const tail = line.slice(at)
    if (tail.length > 140) continue
    const b = SEPARATOR.test(tokens[k]?.[0] ?? '') ? k + 1 : k
    const word = tokens[b]?.[0] ?? ''
    const date = findDates(tail, { limit: 1 })[0]
    if (SIGNING.test(word)) {
      const name = tokens[b + 1]?.[0] ?? ''
      if (word.endsWith(':') || name === ':') return at
      // The date after the name: "by March 31, 2021" dates the headline's own news.
      const after = (tokens[b + 1]?.index ?? 0) - at
      if (date && date.index > after && /^\p{L}/u.test(name)) return at
    } else if (date && date.index <= 12) {
      // A date, then who signed: "… jeudi 3 avril 2024, par Léa Marin".
      const by = tokens.slice(b + 1).find((t) => SIGNING.test(t[0]) && (t.index ?? 0) - at > date.index)
      if (by && /^\p{Lu}/u.test(line.slice((by.index ?? 0) + by[0].length).trim())) return at
    }
  }
  return -1
}

/**
 * A headline line of a text copy as the page ran it together: printed once (not twice in a row),
 * without the marks before it, the
 * breadcrumb trail it ends ("home / Section / Headline"), a numeric date before it, a byline or
 * signature after it, or a kicker the page prints apart (printedPart). What is left must still read
 * as a headline (three words or more); otherwise that step leaves the line as it is.
 */
export function trimHeadline(given: string, page: readonly string[] = []): string {
  // A heading a copy printed twice on one line (its text and its accessible label run together:
  // "Night FerriesNight Ferries") is that heading once.
  const line = /^(\S.*?\s.*?)\s?\1$/su.exec(given)?.[1] ?? given
  const marks = LEADING_MARKS.exec(line)?.[0] ?? ''
  const closed = [...marks].some((m) => CLOSING[m] !== undefined && line.includes(CLOSING[m] as string))
  let out = closed ? line : line.slice(marks.length)
  const crumbs = out.split(/\s+(?:\/|>|»|›)\s+/)
  if (crumbs.length >= 3 && crumbs.slice(0, -1).every((c) => lineWords(c) <= 3)) {
    const last = crumbs.at(-1) as string
    if (lineWords(last) >= 3) out = last
  }
  // A numeric date printed before the headline on its line ("23.01.2022 - Headline") is the page's metadata.
  const dated = LEADING_NUMERIC_DATE.exec(out)
  const datedAt = datedHeadAt(out)
  if (dated && lineWords(out.slice(dated[0].length)) >= 3) out = out.slice(dated[0].length)
  else if (datedAt > 0) out = out.slice(datedAt)
  const byline = TRAILING_BYLINE.exec(out)
  const signed = signedTail(out)
  if (signed > 0 && (!byline || signed < byline.index)) out = out.slice(0, signed)
  else if (byline && lineWords(out.slice(0, byline.index)) >= 3) out = out.slice(0, byline.index)
  else out = withoutSignature(out, page)
  out = printedPart(out.trim(), page)
  return colonAsProse(out.trim(), page) || line
}

/**
 * A space before a colon that the page's prose does not write ("Kicker : Headline"): a copy of a
 * kicker and a headline printed in two elements, the colon after the first. The headline is written
 * as the page writes its sentences ("Kicker: Headline"); where the prose spaces its colons too
 * (French typography) the line stays as it is.
 */
function colonAsProse(out: string, page: readonly string[]): string {
  if (!/\s:\s/u.test(out)) return out
  let spaced = 0
  let tight = 0
  for (const p of page) {
    if (p === out || p.length > 5000 || lineWords(p) < 20) continue
    spaced += (p.match(/\s:\s/gu) ?? []).length
    tight += (p.match(/[\p{L}\p{N})"”»']:\s/gu) ?? []).length
  }
  return tight >= 2 && spaced === 0 ? out.replace(/\s+:\s/gu, ': ') : out
}

const SEPARATED_TAIL = /\s[/>»›|–—-]\s+$/u
const SEPARATED_HEAD = /^\s+[|–—-]\s/u

/**
 * A headline line that a page copy ran together with the kicker over it ("Forderungen sichern
 * Eigentumsvorbehalt: Was Käufer wissen"): when the page prints the line's end (three words or more)
 * elsewhere as the last item of a breadcrumb ("home / … / …", "… › …") or as the first part of a
 * title line ("… - Site", "… | Site"), that end is the headline. The longest such end wins. Not a
 * part printed after a colon (a tag line, a sentence) nor a short line of its own (a shorter name of
 * the subject), which pages print as often for a headline's words as for a kicker's; a line of its
 * own five words long or more after a kicker of three words at most is the headline.
 */
function printedPart(out: string, page: readonly string[]): string {
  if (!page.length) return out
  const tokens = out.split(/\s+/)
  if (tokens.length < 4 || tokens.length > 40) return out
  // Other lines: not the headline's line nor its copies.
  // A paragraph of the article (most of the page, by length) is not such a line: it is left out
  // before its spaces are squashed (a line of over 800 characters is not 400 once squashed).
  // Every part tried ends with the line's last word: a line without it prints none of them.
  const last = tokens.at(-1) as string
  const others = page
    .filter((p) => p.length <= 800 && p.includes(last))
    .map(squashSpaces)
    .filter((p) => p.length <= 400 && !p.includes(out))
  for (let a = 1; a <= tokens.length - 3; a++) {
    const part = tokens.slice(a).join(' ')
    if (lineWords(part) < 3) break
    const printed = others.some(
      (p) =>
        (p.endsWith(part) && SEPARATED_TAIL.test(p.slice(0, -part.length))) ||
        (p.startsWith(part) && SEPARATED_HEAD.test(p.slice(part.length))),
    )
    if (printed) return part
    // A whole headline of five words or more, printed as a line of its own, after a kicker of at
    // most three words ("Neue Saison Nachtfähren fahren wieder …"): a part that long is no shorter name of the
    // subject but the headline, and the words before it its kicker (a section, a topic).
    if (a <= 3 && lineWords(part) >= 5 && /^[^\p{Ll}]/u.test(part) && others.some((p) => p === part)) return part
  }
  return out
}
// A signature a page copy joins to its headline's line (the byline's line opens in lower case, so
// the copy reads it as the headline's continuation): "… von Jane Roe", "… durch Jane Roe", a list of
// names, perhaps after a relative time ("vor 11 Minuten") and before a timestamp ("Erstellt am …").
const SIGNATURE = new RegExp(
  String.raw`\s+(?:\p{Ll}+\s+\d{1,3}\s+\p{L}+\s+)?(?:by|von|durch|par|por|door|av|przez|di|de)\s+(${NAME})((?:,\s*${NAME})*)(\s+\S.{0,150})?$`,
  'u',
)

/**
 * The headline without a signature run into its line, on evidence that it is one: the name printed
 * on a short line of its own elsewhere on the page (an author box, a photo credit), or a date after
 * it. Without such evidence the words stay ("Die Fähren von Nord Havn" names a place).
 */
function withoutSignature(out: string, page: readonly string[]): string {
  const m = SIGNATURE.exec(out)
  if (!m || lineWords(out.slice(0, m.index)) < 3) return out
  const name = m[1] as string
  const tail = m[3]
  if (tail !== undefined)
    return findDates(tail, { limit: 1 }).length || isTimestamp(tail.trim(), lineWords(tail)) ? out.slice(0, m.index) : out
  const head = out.slice(0, m.index)
  const elsewhere = page.filter((p) => p.includes(name) && !p.includes(head))
  // The name alone on a line ("Jane Roe", "© Jane Roe"), not in a list of tags; or a list of authors
  // ("von Jane Roe, John Doe") whose first name the page prints again. A place or a subject the
  // article's prose keeps naming is what the headline is about, not who signed it.
  const alone = elsewhere.some((p) => !p.includes(',') && lineWords(p.replace(name, '')) <= 3)
  const subject = elsewhere.filter((p) => lineWords(p) >= 15).length > 1
  return !subject && (alone || (m[2] && elsewhere.length)) ? head : out
}
