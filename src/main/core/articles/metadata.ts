import { cjkDateline } from '../text/datelines'
import { casual as chronoCasual, strict as chronoStrict } from 'chrono-node/en'
import { endsWithCredit, furnitureDensity, isByline, isCaption, isMenu, isTimestamp, NOTICE, NOTICE_OTHER } from './furniture'
import { words, wordsIn } from '../text/words'
import { asciiDigits, findDates, isoDay, writesMonthFirst } from './dates'
import { datelineOverLead, urlDate } from './page-date'
import { scoreTitle, trimHeadline } from './text-title'
import { addressOutlet, copyrightOutlet } from './copyright'
import { sentences } from '../../../shared/sentences'

export interface MetadataHints {
  title?: string | null
  outlet?: string | null
  published?: string | null
  author?: string | null
  url?: string | null
  wire?: string | null
  /** A date the article is known to be no later than (when it was saved), for relative days. */
  reference?: string | null
  /** In a copy of a whole page: the paragraph where the article's text starts, as the cleaner sees it. */
  articleStart?: number
  /** The paragraphs are what an extractor chose from a page (HTML), not the whole page with its footer. */
  extracted?: boolean
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
  /** Paragraph indexes that are article text whatever their shape (the line a sign-off was cut from). */
  keep: Set<number>
}

const FURNITURE_LINE = /\b(support|subscribe|donate|newsletter|sign up|advertis|cookie|menu|search|log ?in|read more)\b/i
const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec'
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/
/** An ISO date opening a text copy, with an optional label and time: "date 2021-04-02", "Published: 2021-04-02T10:00Z". */
const LEADING_DATE =
  /^\s*(?:(?:date|dated|published|posted|first published|updated)\s*:?\s*)?((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\s+|$)/i

/** What chrono (English) reads relative to the clock: "12 minutes ago", "today", "last week". */
const RELATIVE = /\b(?:ago|today|tonight|yesterday|tomorrow|now|last|next|this|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b/i

/** A date string from metadata or text → YYYY-MM-DD, or null. */
export function normalizeDate(value: string | null | undefined, reference = new Date(), monthFirst = false): string | null {
  if (!value) return null
  const iso = ISO_DATE.exec(value.trim())
  if (iso) return validDate(`${iso[1]}-${iso[2]}-${iso[3]}`)
  // A certain year needs digits: skip chrono (the costliest step of metadata) on text without any.
  if (!/\d/.test(value)) return null
  // Dotted numeric dates are day first wherever they are written (07.11.2023 is 7 November).
  const dotted = /(?:^|[^\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)/.exec(value)
  if (dotted) return validDate(`${dotted[3]}-${(dotted[2] as string).padStart(2, '0')}-${(dotted[1] as string).padStart(2, '0')}`)
  // Slashed and dashed numeric dates are read as most of the world writes them, day first, unless the
  // second number cannot be a month (04/13/2020 is American, month first) or the page writes month first.
  const slashed = /(?:^|[^\d/-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/.exec(value)
  if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[3])]
    const [day, month] = b > 12 || (monthFirst && a <= 12) ? [b, a] : [a, b]
    return validDate(`${slashed[4]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
  }
  // A year is certain only where one is written: chrono also dates "12 minutes ago" and "today"
  // (certain, relative to the clock), which in a saved copy are the day it is read, not published.
  // Chrono reads numeric forms month first and a schedule ("19.1.23, 10:00-11:30") as a date: only
  // forms with a word in them are its to read.
  const parsed = chronoStrict
    .parse(value, reference)
    .find((r) => r.start.isCertain('year') && !RELATIVE.test(r.text) && /\p{L}/u.test(r.text))
  // A numeric form with a two-digit year ("30/10/23", "07.11.23 - 10:11") is read day first as well;
  // not a schedule's ("19.1.23, 10:00-11:30").
  if (!parsed) {
    const short = /(?:^|[^\d./])(\d{1,2})([./])(\d{1,2})\2(\d{2})(?![\d.,/]?\d)(?![\s,|–-]*\d{1,2}[:.]\d{2}\s*[-–]\s*\d)/.exec(
      asciiDigits(value),
    )
    if (!short) return null
    const [a, b] = [Number(short[1]), Number(short[3])]
    const [day, month] = b > 12 || (monthFirst && a <= 12) ? [b, a] : [a, b]
    return isoDay(2000 + Number(short[4]), month, day)
  }
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

/** Words of a line; Chinese and Japanese lines are segmented (a run of ideographs is many words). */
const lineWords = (p: string): number => (/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(p) ? wordsIn(p, 'zh').length : words(p).length)

function looksLikeHeadline(p: string): boolean {
  const n = lineWords(p)
  return (
    n >= 3 &&
    n <= 30 &&
    p.length <= 250 &&
    !/[.:;,。，：；]$/.test(p) &&
    !FURNITURE_LINE.test(p) &&
    !/\s\/\s/.test(p) &&
    !isMenu(p) &&
    !notHeadline(p, n) &&
    // A date and time with a source or section ("2025年02月27日 19:32 来源：…", "27.02.2025 | Politik").
    !isTimestamp(p, n)
  )
}

/**
 * Lines a page copy holds near its headline that are not it, in any language: captions and photo
 * credits, bylines ("Par …", "Von …", "Por …"), labelled lines ("Quelle: …", "Photo: …"),
 * breadcrumbs ("Home > World > …"), notices and share bars.
 */
function notHeadline(p: string, n: number): boolean {
  return (
    isCaption(p, n) ||
    /^(?:by|par|von|por|di|door|av|af|przez|от|від)\s+\p{Lu}/iu.test(p) ||
    /^[\p{L}-]{2,20}\s?:\s*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}$/u.test(p) ||
    /\s[>»›]\s|[>»›]$/.test(p) ||
    // A list of tags or sections: "amiga, dogs, floppy, Hunde".
    (p.split(/\s*[,·|]\s*/).length >= 3 && p.split(/\s*[,·|]\s*/).every((item) => item.split(/\s+/).length <= 2)) ||
    NOTICE.test(p) ||
    NOTICE_OTHER.test(p) ||
    furnitureDensity(words(p)) >= 0.5
  )
}

/** Share of a candidate's content words that the article's opening also uses. */
function overlap(candidate: string, lead: Set<string>): number {
  const content = words(candidate).filter((w) => w.length > 3)
  if (content.length < 3) return 0
  return content.filter((w) => lead.has(stem(w))).length / content.length
}

/**
 * Where the article starts in a copy of a whole page: the first long paragraph of prose that
 * another paragraph of prose follows or precedes (a lone long line in a menu is not the lead).
 */
export function leadIndex(paragraphs: readonly string[]): number {
  // Words as the script counts them: a Chinese or Japanese sentence is one run of letters.
  const count = lineWords
  const prose = (p: string | undefined): boolean => p !== undefined && count(p) >= 15
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] as string
    if (/[.!?…"”»。！？」]$/.test(p) && count(p) >= 25 && (prose(paragraphs[i + 1]) || prose(paragraphs[i - 1]))) return i
  }
  return -1
}

/** A headline above the lead of a page copy: the nearest headline-shaped line, skipping bylines, dates and captions. */
/** A headline found in a page copy, and the standfirst under it when one was passed over (article text, kept). */
interface FoundTitle {
  title: string
  index: number
  standfirst?: number
}

function titleAboveLead(paragraphs: string[], lead: number): FoundTitle | null {
  for (let i = lead - 1; i >= Math.max(0, lead - 12); i--) {
    const p = paragraphs[i] as string
    const n = words(p).length
    if (n < 2 || isByline(p, n) || isTimestamp(p, n) || findDates(p, { limit: 1 }).length) continue
    if (looksLikeHeadline(p) || (n >= 2 && n <= 30 && /[?!]$/.test(p))) return headlineOverDek(paragraphs, i, lead)
  }
  return null
}

/** Content words of a line: longer than three letters, no figures. */
const contentWords = (p: string): string[] => words(p).filter((w) => w.length > 3 && !/\d/.test(w))

/** The share of a line's content words that the article's first paragraphs (from `lead`) use. */
function bodyShare(paragraphs: readonly string[], lead: number): (line: string) => number {
  const body = new Set(
    paragraphs
      .slice(lead, lead + 6)
      .flatMap(words)
      .map(stem),
  )
  return (line) => {
    const c = contentWords(line)
    return c.length ? c.filter((w) => body.has(stem(w))).length / c.length : 0
  }
}

/**
 * The line found nearest the lead is often not the headline but what follows it: a standfirst, an
 * author's name, a list of tags. A headline-shaped line a few lines higher whose words the article
 * uses is the headline when the nearer line is longer (a standfirst), or uses fewer of the article's words.
 */
function headlineOverDek(paragraphs: string[], at: number, lead: number): FoundTitle {
  const near = paragraphs[at] as string
  const used = bodyShare(paragraphs, lead)
  for (let j = at - 1; j >= Math.max(0, at - 8); j--) {
    const p = paragraphs[j] as string
    const n = lineWords(p)
    if (n < 2 || n > 30 || p.length > 250 || /[.:;,。，：；]$/.test(p) || isMenu(p) || notHeadline(p, n) || FURNITURE_LINE.test(p)) continue
    if (isByline(p, n) || isTimestamp(p, n) || findDates(p, { limit: 1 }).length || contentWords(p).length < 2) continue
    const share = used(p)
    if (share < (n <= 3 ? 1 : 0.5)) continue
    const nearWords = lineWords(near)
    if (nearWords >= Math.max(8, n + 3) && n >= 3 && j >= at - 3) return { title: p, index: j, standfirst: at }
    if (n >= 4 && used(near) < share) return { title: p, index: j }
  }
  return { title: near, index: at }
}

/**
 * The headline is normally the first headline-shaped block, before the article's first long paragraph.
 * A masthead (the site's name, 1-4 words) can come first: a longer candidate before the lead wins.
 */
function firstHeadline(paragraphs: string[]): FoundTitle | null {
  let first: FoundTitle | null = null
  for (let i = 0; i < Math.min(paragraphs.length, 6); i++) {
    const p = paragraphs[i] ?? ''
    // Counted as a reader counts them: a Chinese or Japanese headline is one run of characters.
    const n = lineWords(p)
    if (n >= 20) break
    if (!looksLikeHeadline(p) || paragraphs[i + 1] === undefined) continue
    if (n >= 5) return { title: p, index: i }
    first ??= { title: p, index: i }
  }
  return first
}

function findTitle(paragraphs: string[], articleStart?: number): FoundTitle | null {
  // A copy of a whole page (menus above the article): the headline sits just above the lead, or
  // just above where the article's text starts when that is earlier (a short first paragraph).
  const leadParagraph = leadIndex(paragraphs)
  const leadAt =
    articleStart !== undefined && articleStart > 0 && (leadParagraph < 0 || articleStart < leadParagraph) ? articleStart : leadParagraph
  if (leadAt > (articleStart !== undefined ? 1 : 8)) {
    // Where the cleaner sees the article start and where the first long paragraph is can differ (a
    // blurb about the author above the article, a short first paragraph): the headline is the better
    // one found above either.
    let scored = scoreTitle(paragraphs, leadAt)
    const other = leadAt === leadParagraph ? (articleStart ?? -1) : leadParagraph
    if (other > 5 && other !== leadAt) {
      const there = scoreTitle(paragraphs, other)
      if (there && (!scored || there.score > scored.score + 3)) scored = there
    }
    if (scored)
      return { title: scored.title, index: scored.index, ...(scored.standfirst !== undefined ? { standfirst: scored.standfirst } : {}) }
    const above = titleAboveLead(paragraphs, leadAt)
    if (above) return above
  }
  const first = firstHeadline(paragraphs)
  if (leadAt > 0 && leadAt <= 8) {
    // Near the top, a first line that the article does not use ("skip to content", a menu item)
    // gives way to the line above the lead when the article uses that one's words.
    const share = bodyShare(paragraphs, leadAt)
    const above = first && share(first.title) >= 0.5 ? null : titleAboveLead(paragraphs, leadAt)
    if (above && share(above.title) >= 0.5) return above
  }
  if (first) return first
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

const JOURNALISTS = /\bjournalists (?:of|at) (the [\p{Lu}][\p{L}\s]{2,40}?)[,.]/iu
const SOCIAL = String.raw`(?:facebook|twitter|x|instagram|telegram|linkedin|whatsapp|google news|youtube|mastodon|bluesky|threads)`
const OUTLET_PATTERNS = [
  /^follow (.{2,40}?) on (?:facebook|twitter|x|instagram|telegram|linkedin|whatsapp|google news)\b/i,
  // The same in the languages most pages are written in: "Suivre X sur Twitter", "Folgen Sie X auf
  // Facebook", "Siga a X en Instagram", "Segui X su", "Volg X op", "Obserwuj X na".
  new RegExp(
    String.raw`^(?:suivre|suivez|suivez-nous|folge|folgen sie|folgt|siga(?: a)?|sigue(?: a)?|seguir a|segui|seguite|volg|obserwuj|следите за|подписывайтесь на)\s+(?:(?:dem|der|den|die|das|la|le|les|el|il|lo)\s+)?(.{2,40}?)\s+(?:sur|auf|bei|en|no|na|su|op|в|на)\s+${SOCIAL}\b`,
    'iu',
  ),
  // "Support Us" names nobody.
  /^support (?!us\b|me\b|them\b|this\b)(.{2,60}?)!?$/i,
  /^a message from (.{2,60}?):?$/i,
  JOURNALISTS,
]

/** A publication's name: capitalised words, a few joiners, no sentence. */
const NAME_SHAPE =
  /^(?:the\s+)?[\p{Lu}\d][\p{L}\d'’&.-]*(?:\s+(?:of|and|&|on|the|de|du|des|del|la|le|di|der|für|y|e|[\p{Lu}\d][\p{L}\d'’&.-]*)){0,5}$/u

/**
 * Generic: the wire agencies' long names and the short names they sign with, so that a wire's
 * copyright line is not taken for the outlet, and a wire is named one way whether a page writes
 * "(AP)" or "By Jane Roe, Associated Press".
 */
const AGENCY_SHORT: Readonly<Record<string, string>> = {
  'associated press': 'AP',
  'agence france-presse': 'AFP',
  'press association': 'PA',
  'united press international': 'UPI',
  'deutsche presse-agentur': 'dpa',
}
const AGENCIES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(AGENCY_SHORT).map(([long, short]) => [short.toLowerCase(), long]),
)
/** A wire by the short name it signs with, when it is one of AGENCY_SHORT's. */
const shortAgency = (wire: string): string => AGENCY_SHORT[wire.toLowerCase().replace(/^the\s+/, '')] ?? wire
export function sameAgency(name: string, wire: string | null): boolean {
  if (!wire) return false
  const n = name.toLowerCase().replace(/^the\s+/, '')
  const w = wire.toLowerCase()
  return n === w || n === AGENCIES[w] || n.startsWith(`${w} `)
}

function findOutlet(paragraphs: string[], wire: string | null): string | null {
  for (const p of paragraphs) {
    const line = p.trim()
    for (const pattern of OUTLET_PATTERNS) {
      // The one unanchored pattern would scan every paragraph: look for its literal word first.
      if (pattern === JOURNALISTS && !/journalists/i.test(line)) continue
      const m = pattern.exec(line)
      const name = m?.[1]?.trim().replace(/[.,:;!]+$/, '')
      if (
        name &&
        words(name).length <= 6 &&
        NAME_SHAPE.test(name) &&
        !/^(all rights|by |the author)/i.test(name) &&
        !sameAgency(name, wire)
      )
        return name
    }
  }
  return copyrightOutlet(paragraphs, (n) => sameAgency(n, wire)) ?? masthead(paragraphs)
}

/**
 * The site's name printed above the article: a short name-shaped first line that the page's footer
 * prints again, or a name line carrying the date ("Harbour Gazette, 9 April 2025").
 */
function masthead(paragraphs: string[]): string | null {
  for (const p of paragraphs.slice(0, 6)) {
    const dated = /^(.{2,50}?),\s+(.{6,40})$/.exec(p)
    // "Freitag, November 22, 2019" is a date line, the weekday no name.
    if (dated?.[1] && NAME_SHAPE.test(dated[1]) && normalizeDate(dated[2]) && !isByline(p, words(p).length) && !isWeekday(dated[1]))
      return dated[1]
  }
  const top = paragraphs[0]?.trim() ?? ''
  const n = words(top).length
  if (n < 1 || n > 4 || !NAME_SHAPE.test(top) || isMenu(top)) return null
  const rest = paragraphs.slice(1)
  const stem = top.replace(/^the\s+/i, '').split(/\s+/)[0] ?? top
  // A section kicker ("Science", a country) is a word the article's own prose keeps using; a
  // masthead is not. Two long paragraphs using it mean it is the subject, not the site.
  const inProse = rest.filter(
    (q) => words(q).length >= 20 && new RegExp(`\\b${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(q),
  ).length
  if (inProse >= 2) return null
  // A menu item ("Home", "Politics") also heads a page and is repeated by its breadcrumb: a
  // masthead is the site's name, which the page's footer prints again ("About X", "© X").
  if (furnitureDensity(words(top)) > 0) return null
  const footer = paragraphs.slice(Math.floor(paragraphs.length * 0.8))
  // The footer names the site as a name: a whole word ("Abo-Service", "Forenprofi" and "Verbands-News"
  // hold a menu word, not a name), in its rights line or opening a short line of its own ("About X"
  // aside), never as a label ("Thema: …").
  const name = top.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const whole = new RegExp(`(?<![\\p{L}\\p{N}-])${name}(?![\\p{L}\\p{N}-])`, 'u')
  const label = new RegExp(`^${name}\\s*:`, 'u')
  const rights = /©|\(c\)|copyright|rights|rechte|droits|derechos|direitos|diritti|rechten|prawa|права|\b(?:19|20)\d{2}\b/iu
  const about = new RegExp(`^(?:about|über|à propos d[e'’]|acerca de|sobre|chi siamo|over|o)\\s+${name}`, 'iu')
  // A name of two words or a web address is hardly a common word: anywhere in the footer will do.
  const distinct = words(top).length >= 2 || /\.\p{L}{2,}$/u.test(top)
  const named = (q: string): boolean => rights.test(q) || about.test(q) || distinct || (q.startsWith(top) && words(q).length <= 8)
  return footer.some((q) => q !== top && whole.test(q) && !label.test(q) && named(q)) ? top : null
}

let weekdayNames: Set<string> | null = null
/** A weekday's name in the languages ICU knows best ("Freitag", "vendredi", "piątek"), lower case. */
function isWeekday(word: string): boolean {
  if (!weekdayNames) {
    weekdayNames = new Set()
    for (const locale of ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sv', 'da', 'nb', 'fi', 'ru', 'uk', 'tr', 'hu', 'ro', 'el'])
      for (let i = 0; i < 7; i++)
        weekdayNames.add(
          new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 7 + i)).toLowerCase(),
        )
  }
  return weekdayNames.has(word.trim().toLowerCase())
}

/** An agency name as written in a sign-off, dateline or byline: short, capitalised, no sentence. */
// Some agencies write their name in lower case ("dpa", "dpa-AFX"): a short lower-case name, alone or before a capitalised one.
const AGENCY = String.raw`(?:[\p{Lu}][\p{L}&.-]{1,24}|\p{Ll}{2,4}(?=[-/)]))(?:[ /-][\p{Lu}][\p{L}&.-]{1,24}){0,2}`
const SIGN_OFF =
  /(?:(?<=[.!?"”’)])\s*|\s+|\s*[†‡*]\s*)(?:[-–—]+\s*(\p{Lu}{2,6}(?:\/\p{Lu}{2,6})?)|\((\p{Lu}{2,6}(?:\/\p{Lu}{2,6})?)\))\s*[†‡*]?\s*$/u
// "CITY (AGENCY) –", "CITY, Region (AGENCY) –", "CITY, June 29 (AGENCY) --", "CIUDAD, 27 feb (AGENCIA).-".
const SIGN_OFF_LINE = /^[-–—]+\s*(\p{Lu}{2,6}(?:\/\p{Lu}{2,6})?)$/u
const DATELINE = new RegExp(String.raw`^(?:\p{Lu}[\p{Lu} .'-]{2,40}(?:,\s*[\p{L}\d .]{2,30})?)\s*\((${AGENCY})\)\.?\s*[-–—:]\s*`, 'u')
// The same in a script without capitals ("CITY (AGENCY) - …" in Arabic or Hebrew): a city of up to three words, an agency of up to three.
const CASELESS_WORDS = String.raw`[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Devanagari}\p{sc=Thai}\p{M}]+(?:\s[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Devanagari}\p{sc=Thai}\p{M}]+){0,2}`
const CASELESS_DATELINE = new RegExp(String.raw`^${CASELESS_WORDS}\s*\((${CASELESS_WORDS})\)\s*[-–—:]\s*`, 'u')
const BYLINE_AGENCY =
  /^by\s+(?:[^|,]{2,60}?[|,]\s*)?(\p{Lu}{2,6}|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+){0,3} (?:Press|Agency|Wire|News Service))$/iu

/**
 * Wire agencies sign their copy at the end ("…measures –AGENCY", "(AGENCY)"), in a dateline
 * ("PARIS (AGENCY) —") or in a byline ("By Jane Roe | AGENCY"). Page furniture after the
 * sign-off is skipped; the sign-off is cut from the text and its line kept as article text.
 */
/** An agency's own dateline, "Tehran, AGENCY – …": the copy is the agency's. */
const AGENCY_OWN = /^\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+){0,2}, (\p{Lu}{2,6}) [–—-] /u
/**
 * An agency's own dateline in its slashed form, "CITY, May 9. /AGENCY/.": the outlet when the page
 * names no other (the agency's own site); under another site's copyright line, the wire it carries.
 */
const AGENCY_SLASHED = /^[\p{Lu}][\p{Lu} .'-]{2,40},[^/]{3,30}\/([\p{Lu}][\p{L}-]{1,20})\/[.,:]?\s/u

/** "(SITE- WIRE) The talks…": an aggregator's credit of the site it publishes and the wire it carries. */
function syndicationCredit(paragraphs: string[]): { outlet: string; wire: string } | null {
  for (const p of paragraphs.slice(0, 8)) {
    const m = /^\((\p{Lu}[\p{L}\d.&'-]{1,30})\s*-\s*(\p{Lu}[\p{L}\d.&' -]{1,30}?)\)\s/u.exec(p)
    if (m?.[1] && m[2]) return { outlet: m[1], wire: m[2].trim() }
  }
  return null
}

function findWire(paragraphs: string[]): { wire: string; index: number; text: string; agencyOwn?: boolean } | null {
  for (let i = paragraphs.length - 1; i >= Math.max(0, paragraphs.length - 12); i--) {
    const p = paragraphs[i] ?? ''
    // The sign-off is at the very end: match the tail only (an end-anchored pattern is tried at
    // every position of the string otherwise).
    const from = Math.max(0, p.length - 120)
    const m = SIGN_OFF.exec(p.slice(from))
    const agency = m?.[1] ?? m?.[2]
    const at = (m?.index ?? 0) + from
    if (m && agency && words(p).length > 6 && /\p{Ll}/u.test(p.slice(0, at))) {
      return { wire: agency, index: i, text: p.slice(0, at).trimEnd() }
    }
    // The sign-off on a line of its own under the article's last paragraph ("–AGENCY").
    const alone = SIGN_OFF_LINE.exec(p)
    const above = paragraphs[i - 1] ?? ''
    if (alone?.[1] && words(above).length > 6 && /\p{Ll}/u.test(above)) return { wire: alone[1], index: i, text: p }
  }
  for (let i = 0; i < Math.min(12, paragraphs.length); i++) {
    const p = paragraphs[i] ?? ''
    const dateline = DATELINE.exec(p) ?? CASELESS_DATELINE.exec(p)
    if (dateline?.[1]) return { wire: dateline[1], index: i, text: p }
    // Japanese, Korean and Chinese agencies' datelines (text/datelines.ts).
    const cjk = cjkDateline(p)
    if (cjk) return { wire: cjk.agency, index: i, text: p }
    const byline = words(p).length <= 12 ? BYLINE_AGENCY.exec(p) : null
    if (byline?.[1]) return { wire: byline[1], index: i, text: p }
    const own = AGENCY_OWN.exec(p)
    if (own?.[1] && words(p).length >= 12) return { wire: own[1], index: i, text: p, agencyOwn: true }
    const slashed = AGENCY_SLASHED.exec(p)
    if (slashed?.[1]) return { wire: slashed[1], index: i, text: p, agencyOwn: true }
  }
  return null
}

function findAuthor(paragraphs: string[]): string | null {
  for (const p of paragraphs.slice(0, 8)) {
    if (!isByline(p, words(p).length)) continue
    const name = p
      .replace(/^(by|words by|reporting by|story by|written by)\s+/i, '')
      .split(/\s*[|,•·]\s*|\s+[-–—]\s+|\s+(?=(?:published|updated|posted)\b)/i)[0]
      ?.replace(
        new RegExp(
          String.raw`\s+(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+)?\b(?:${MONTHS})[a-z]*\.?\s+\d.*$`,
          'i',
        ),
        '',
      )
      .trim()
    if (name && words(name).length <= 6) return name
  }
  return null
}

/**
 * A date line near the headline of a page copy (the page's byline and date sit between the headline
 * and the lead): any short line there holding a full date, in any of the languages `findDates` reads.
 */
function dateNearTitle(paragraphs: string[], titleIndex: number, monthFirst = false): string | null {
  const lead = leadIndex(paragraphs)
  const from = Math.max(0, (titleIndex >= 0 ? titleIndex : lead) - 3)
  // To the lead, and at least a few lines under the headline (a page copy puts the byline, the
  // date line and a caption there, and its lead may be far below or not found).
  const to = Math.min(paragraphs.length, Math.max(lead >= 0 ? lead + 2 : from + 10, (titleIndex >= 0 ? titleIndex : from) + 8))
  let fallback: string | null = null
  for (let i = from; i < to; i++) {
    const p = paragraphs[i] as string
    const n = words(p).length
    // A photo caption dates the photo, not the article. A line of parts between slashes ("Jane Roe /
    // 07.11.2023 / 09:30 / Photo: Agency") is a byline and date line when a part starts with its
    // date or is little more than one ("27 January 2014 by Jane Roe / Categories: …").
    const slashed = /\s\/\s/.test(p) && !endsWithCredit(p)
    if (isCaption(p, n) && !slashed) continue
    const found = slashed
      ? (p
          .split(/\s\/\s/)
          .filter((part) => words(part).length <= 12 && !PHOTO_WORD.test(part))
          .map((part) => {
            const d = findDates(part, { limit: 1, monthFirst })[0]
            return d && (d.index <= 2 || words(part).length <= 4) ? d.date : undefined
          })
          .find(Boolean) ?? null)
      : (findDates(p.slice(0, 400), { limit: 1, monthFirst })[0]?.date ?? null)
    if (!found || found > new Date().toISOString().slice(0, 10)) continue
    // A short line is a date line; a date inside the lead's prose is only a fallback (it may be an
    // event's), and one inside a sentence of its own ("On 12 March the pier was closed.") is neither.
    const told = sentence(p, n) && !/^\P{L}{0,3}\d/u.test(p)
    if (n <= 25 && !told) return found
    fallback ??= i === lead || told ? null : found
  }
  return fallback
}

const BYLINE_WORD = /^(?:by|von|par|por|di|door|av|af|przez|от|від)\s/iu
/** A sentence of prose, not a date line: six words or more ending as sentences end, no clock time, byline or "published" label. */
const sentence = (p: string, n: number): boolean =>
  n >= 6 &&
  /[.!?…]$/.test(p) &&
  !/\d[:.]\d{2}\b/.test(p) &&
  !PUBLISHED_WORD.test(p) &&
  !UPDATED_WORD.test(p) &&
  !isByline(p, n) &&
  !BYLINE_WORD.test(p)

/**
 * The line right under the headline of a page copy, when it is a short date or byline line with the
 * date near its start ("26. September 2019 Jane Roe Leave a comment", "By Jane Roe, 4 May 2020"):
 * the article's own date, before any date the page's top or sidebars print.
 */
function dateUnderTitle(paragraphs: readonly string[], titleIndex: number, monthFirst = false): string | null {
  if (titleIndex < 0) return null
  const p = paragraphs[titleIndex + 1]
  // A sentence there is a standfirst or a caption, and its date an event's.
  if (p === undefined || words(p).length > 25 || photoCredit(p) || /[.!?…]$/.test(p)) return null
  const found = findDates(p.slice(0, 200), { limit: 1, monthFirst })[0]
  // A longer line counts when it opens with its date ("October 26, 2020 Jane Roe Audio, Local News").
  const limit = words(p).length > 15 ? 3 : 40
  return found && found.index <= limit && found.date <= new Date().toISOString().slice(0, 10) ? found.date : null
}

/**
 * Other places a page copy prints its headline (a teaser or a player above the article, the
 * article's own heading): its date line may sit beside any of them. At most three.
 */
function titleCopies(paragraphs: readonly string[], titleIndex: number): number[] {
  const line = paragraphs[titleIndex]
  if (line === undefined || words(line).length < 3) return []
  const found: number[] = []
  for (let i = 0; i < paragraphs.length && found.length < 3; i++) if (i !== titleIndex && paragraphs[i] === line) found.push(i)
  return found
}

/**
 * Last resort in a page copy: the first line below the headline that is a date and little else
 * ("6. November 2023", "03.11.2023 08:03", "Updated June 13, 2019"), where a page prints its date
 * line apart from the headline (after a share bar, a gallery or the standfirst).
 */
function dateLine(paragraphs: string[], titleIndex: number, monthFirst = false): string | null {
  const today = new Date().toISOString().slice(0, 10)
  // Not in the page's last quarter, where comments and "more from us" lists carry their own dates.
  const end = Math.ceil(paragraphs.length * 0.75)
  const dateAt = (i: number): string | null => {
    const p = paragraphs[i] as string
    const n = words(p).length
    if (n > 8 || photoCredit(p)) return null
    const found = findDates(p, { limit: 1, monthFirst })[0]
    if (!found || found.date > today) return null
    // The date first (a weekday before it at most), or after a "published" or "updated" label.
    return found.index <= 12 || (found.index <= 25 && (PUBLISHED_WORD.test(p) || UPDATED_WORD.test(p))) ? found.date : null
  }
  // Many pages print the date line just above the headline ("14 February 2012", a print link, the headline):
  // the nearest of those few lines above, unless one below is nearer.
  let above: { date: string; distance: number } | null = null
  if (titleIndex > 0)
    for (let i = titleIndex - 1; i >= Math.max(0, titleIndex - ABOVE_TITLE) && !above; i--) {
      const date = dateAt(i)
      if (date) above = { date, distance: titleIndex - i }
    }
  for (let i = Math.max(0, titleIndex + 1); i < end; i++) {
    if (above && i - titleIndex > above.distance) break
    const date = dateAt(i)
    if (date) return date
  }
  return above?.date ?? null
}
const ABOVE_TITLE = 6

/**
 * The very last resort in a page copy: the date line nearest the headline (or the article's start),
 * wherever it is — a "published" line printed far under the article, a date line above a gallery, a
 * headline repeated with its date. A short line that is a date and little else, or that a
 * "published" word labels; not in the page's last quarter (comments and lists carry their own dates)
 * unless nothing nearer has one. Lines without a year are passed over without parsing.
 */
function nearestDateLine(paragraphs: readonly string[], anchor: number, monthFirst = false): string | null {
  const today = new Date().toISOString().slice(0, 10)
  const at = anchor >= 0 ? anchor : 0
  const end = Math.ceil(paragraphs.length * 0.75)
  const dateAt = (i: number): string | null => {
    const p = paragraphs[i]
    if (p === undefined || i >= end || !/(?:19|20)\d{2}/.test(p)) return null
    const n = words(p).length
    if (photoCredit(p) || (n > 20 && !PUBLISHED_WORD.test(p))) return null
    const found = findDates(p.slice(0, 300), { limit: 1, monthFirst })[0]
    if (!found || found.date > today) return null
    return n <= 12 || found.index <= 40 || PUBLISHED_WORD.test(p) || UPDATED_WORD.test(p) ? found.date : null
  }
  // Outward from the anchor, below first at each distance (a date line follows its headline more
  // often). Further up than a few lines, a bare date is the page's own (a masthead's "today"); a
  // line that says more (a byline, "posted by", a dated breadcrumb) is an article's. Bounded.
  for (let d = 0; d < Math.min(paragraphs.length, 400); d++) {
    const date = dateAt(at + d) ?? (d > 0 && (d <= ABOVE_TITLE || words(paragraphs[at - d] ?? '').length >= 5) ? dateAt(at - d) : null)
    if (date) return date
  }
  // Nothing nearer: a page whose article is short beside its furniture (a long menu above it, a
  // list of teasers under it) prints its date line in its last quarter. There, only a line that is
  // a date and little else, or that a "published" or "updated" word labels, nearest the article first.
  for (let i = Math.max(end, at + 1); i < Math.min(paragraphs.length, end + 400); i++) {
    const p = paragraphs[i] as string
    const n = words(p).length
    if (n > 8 || photoCredit(p)) continue
    const found = findDates(p, { limit: 1, monthFirst })[0]
    if (found && found.date <= today && (found.index <= 2 || PUBLISHED_WORD.test(p) || UPDATED_WORD.test(p))) return found.date
  }
  return null
}

const UPDATED_WORD = /^(?:updated|last updated|aktualisiert|actualizado|actualisé|mis à jour|aggiornato|atualizado|zaktualizowano)\b/i
const PHOTO_WORD = /\b(?:photo|foto|picture|image)s?\s*[:|]/i
/** A caption carrying a photo credit ("(Jane Roe/Agency)", "(Photo: …)", "Foto: …"): the date in it is the photo's. */
const photoCredit = (p: string): boolean => endsWithCredit(p) || PHOTO_WORD.test(p)

/**
 * "Published" as pages write it before their date, in the languages of the web's news (a short line
 * holding one of them and a date is the publication line, wherever it stands in the line).
 */
const PUBLISHED_WORD =
  /(?:^|[\s(|:–-])(?:published|posted|first published|veröffentlicht|publiziert|erschienen|publié|publiée|publicado|publicada|pubblicato|gepubliceerd|opublikowano|publikováno|publicerad|publisert|udgivet|julkaistu|közzétéve|publicat|objavljeno|опубликовано|опубліковано|публикувано|δημοσιεύθηκε|yayınlanma|נפרסם|نشر|نُشر)(?=$|[\s:.,])/iu

/** Explicit dates only: a "Published" line first, then dated bylines and timestamp lines near the top or bottom. */
function findPublished(paragraphs: string[], near: number, monthFirst = false): string | null {
  const around = near > 8 ? paragraphs.slice(Math.max(8, near - 4), near + 12) : []
  const candidates = [...paragraphs.slice(0, 8), ...around, ...paragraphs.slice(-4)]
  // Each candidate is read once (date parsing is the costliest step of metadata); both passes reuse it.
  const seen = new Map<string, string | null>()
  const dated = (p: string): string | null => {
    let date = seen.get(p)
    if (date === undefined) {
      const n = words(p).length
      // A photo caption dates the photo, not the article.
      date = n <= 20 && !photoCredit(p) && (isTimestamp(p, n) || isByline(p, n)) ? normalizeDate(p, new Date(), monthFirst) : null
      seen.set(p, date)
    }
    return date
  }
  for (const p of candidates) if (/^(published|posted|first published)\b/i.test(p) && dated(p)) return dated(p)
  // In any language, and anywhere in a short line ("Source: Agency. Published: 30.07.2019 09:35").
  for (const p of candidates) {
    if (!PUBLISHED_WORD.test(p) || words(p).length > 20 || photoCredit(p)) continue
    const date = findDates(p.slice(0, 300), { limit: 1, monthFirst })[0]?.date
    if (date && date <= new Date().toISOString().slice(0, 10)) return date
  }
  // In a copy of a whole page (the headline far down), a bare date line among its first lines is the
  // site's masthead ("Sunday, 19 July"): the day it was saved, not the article's. Unlabelled date
  // lines count there only by the headline and at the bottom.
  const unlabelled = near > 8 ? [...around, ...paragraphs.slice(-4)] : candidates
  for (const p of unlabelled) {
    if (/^(updated|last (updated|modified)|modified)\b/i.test(p)) continue
    const date = dated(p)
    if (date) return date
  }
  return null
}

/** A date the article cannot be later than: when it was saved, or an "Updated" line. */
function findReference(paragraphs: string[], hints: MetadataHints): string | null {
  const saved = normalizeDate(hints.reference)
  if (saved) return saved
  for (const p of [...paragraphs.slice(0, 8), ...paragraphs.slice(-4)]) {
    if (/^(updated|last (updated|modified)|modified)\b/i.test(p) && words(p).length <= 20) {
      const date = normalizeDate(p)
      if (date) return date
    }
  }
  return null
}

const WEEKDAY = /\b(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i

/**
 * "said on Tuesday" in the lead, resolved with chrono-node against a known later date: the most
 * recent such day on or before it (news reports days of the past week). Only the lead counts:
 * later paragraphs often recall other days.
 */
export function relativePublished(lead: string, reference: string | null): string | null {
  if (!reference || !WEEKDAY.test(lead)) return null
  const ref = new Date(`${reference}T12:00:00Z`)
  const day = WEEKDAY.exec(lead)?.[1] ?? ''
  const parsed = chronoCasual.parseDate(day, { instant: ref, timezone: 0 }, { forwardDate: false })
  if (!parsed) return null
  let when = Date.UTC(parsed.getUTCFullYear(), parsed.getUTCMonth(), parsed.getUTCDate())
  const week = 7 * 86_400_000
  while (when > ref.getTime()) when -= week
  while (when <= ref.getTime() - week) when += week
  return new Date(when).toISOString().slice(0, 10)
}

/** Word-stem overlap of two short texts (0..1), for a headline repeated with small changes. */
function similarity(a: string, b: string): number {
  const sa = new Set(words(a).map(stem))
  const sb = new Set(words(b).map(stem))
  if (!sa.size || !sb.size) return 0
  let shared = 0
  for (const x of sa) if (sb.has(x)) shared++
  return shared / Math.max(sa.size, sb.size)
}

/** "Headline | Site", "Headline - Site" → "Headline" when the tail is the site's name or name-shaped. */
export function stripSiteSuffix(title: string, site: string | null | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/)
  if (parts.length < 2) return title
  const last = parts.at(-1) ?? ''
  const first = parts[0] ?? ''
  const isSite = (part: string): boolean =>
    (site ? similarity(part, site) >= 0.5 : false) ||
    (words(part).length <= 3 && /^\p{Lu}/u.test(part) && words(first).length >= 4 && parts.length === 2 && /[|]/.test(title))
  if (isSite(last)) return parts.slice(0, -1).join(' - ')
  if (site && isSite(first) && words(last).length >= 3) return parts.slice(1).join(' - ')
  return title
}

/**
 * Title, outlet, date, author and wire for an article: explicit metadata first (front matter,
 * HTML meta), then what the text itself shows.
 */
export function detectMetadata(given: string[], hints: MetadataHints, fileName: string): Metadata {
  const edits = new Map<number, string>()
  const keep = new Set<number>()
  // A copy that opens with its date ("2021-04-02 Headline…", "Published: 2021-04-02"): the date is
  // metadata, the rest of the line is the article's.
  let paragraphs = given
  const opening = LEADING_DATE.exec(given[0] ?? '')
  const leadingDate = opening ? validDate(`${opening[1]}-${opening[2]}-${opening[3]}`) : null
  if (opening && leadingDate) {
    const rest = (given[0] ?? '').slice(opening[0].length).trim()
    paragraphs = [rest, ...given.slice(1)]
    edits.set(0, rest)
  }
  const found = findWire(paragraphs)
  const credit = syndicationCredit(paragraphs)
  let outlet = hints.outlet?.trim() || credit?.outlet || findOutlet(paragraphs, hints.wire?.trim() || found?.wire || credit?.wire || null)
  const hintTitle = hints.title ? stripSiteSuffix(hints.title.replace(/\s+/g, ' ').trim(), outlet) : null
  let title: string | null = null
  let titleIndex = -1
  if (hintTitle) {
    title = hintTitle
    titleIndex = paragraphs.slice(0, 6).findIndex((p) => similarity(p, hintTitle) >= 0.8 && words(p).length <= words(hintTitle).length + 4)
  } else {
    const found = findTitle(paragraphs, hints.articleStart)
    // The headline line as a text copy runs it together with a breadcrumb or a byline: the headline.
    if (found) ({ title, index: titleIndex } = { ...found, title: trimHeadline(found.title, paragraphs) })
    if (found?.standfirst !== undefined) keep.add(found.standfirst)
  }
  if (!title) title = fallbackTitle(paragraphs, fileName)
  // The order the page writes its numeric dates in (03/04/2020), from the dates it prints unambiguously;
  // not in photo captions and credits, which agencies write in their own order. Only a page with a
  // slashed or dashed numeric date needs it (dotted dates are day first everywhere).
  const text = paragraphs.filter((p) => !p.includes('©') && !photoCredit(p)).join('\n')
  const monthFirst = !hints.published && /(?<!\d)\d{1,2}[/-]\d{1,2}[/-]\d{2}/.test(text) && writesMonthFirst(text)
  // "Headline | Section | Site | 02.04.2021": the headline, the site and the date of a page title line.
  let titleDate: string | null = null
  if (!hintTitle && / \| /.test(title)) {
    const parts = title.split(/\s+\|\s+/).map((p) => p.trim())
    const dated = parts.map((p) => (words(p).length <= 4 ? (findDates(p, { limit: 1, monthFirst })[0]?.date ?? null) : null))
    titleDate = dated.find(Boolean) ?? null
    const head = parts.reduce((a, b) => (words(b).length > words(a).length ? b : a), parts[0] ?? title)
    const site = parts.filter((p, i) => p !== head && !dated[i] && words(p).length <= 4 && NAME_SHAPE.test(p)).at(-1)
    // Cut only where every other part reads as a section, a site or a date: "Headline | Politik | Site".
    const others = parts.filter((p) => p !== head)
    const labels = others.every((p) => words(p).length <= 4 || dated[parts.indexOf(p)] || NAME_SHAPE.test(p))
    if (words(head).length >= 3 && labels) title = head
    if (!outlet && site && parts.indexOf(site) > parts.indexOf(head) + 1) outlet = site
  }
  if (!outlet && found?.agencyOwn) outlet = found.wire
  // The site's own address last: a page that gives no name in words still prints where it lives (in
  // its footer: a copy of the whole page has one, the blocks an extractor chose do not).
  if (!outlet && !hints.extracted) outlet = addressOutlet(paragraphs)

  const wire = hints.wire?.trim() || credit?.wire || null
  if (found && found.index !== titleIndex && found.text !== paragraphs[found.index]) {
    edits.set(found.index, found.text)
    keep.add(found.index)
  }

  return {
    title: label(title).slice(0, 300) || 'Untitled',
    titleIndex,
    outlet: outlet === null ? null : label(outlet) || null,
    published:
      normalizeDate(hints.published) ??
      // The date the page prints in its own title line beats a label put before the copy.
      titleDate ??
      leadingDate ??
      // The date line right over the lead, the dates of teasers, tickers and comments passed over
      // (page-date.ts): before the rules that read the lines beside a headline that may be a teaser's.
      datelineOverLead(paragraphs, titleIndex >= 0 ? titleIndex : (hints.articleStart ?? leadIndex(paragraphs)), monthFirst, new Date()) ??
      dateUnderTitle(paragraphs, titleIndex, monthFirst) ??
      findPublished(paragraphs, titleIndex >= 0 ? titleIndex : (hints.articleStart ?? -1), monthFirst) ??
      dateNearTitle(paragraphs, titleIndex, monthFirst) ??
      titleCopies(paragraphs, titleIndex).reduce<string | null>((found, i) => found ?? dateNearTitle(paragraphs, i, monthFirst), null) ??
      (hints.articleStart !== undefined ? dateNearTitle(paragraphs, hints.articleStart, monthFirst) : null) ??
      urlDate(hints.url) ??
      dateLine(paragraphs, titleIndex, monthFirst) ??
      relativePublished(paragraphs.find((p, i) => i !== titleIndex && words(p).length >= 15) ?? '', findReference(paragraphs, hints)) ??
      nearestDateLine(paragraphs, titleIndex >= 0 ? titleIndex : (hints.articleStart ?? leadIndex(paragraphs)), monthFirst),
    author: label(hints.author ?? '') || findAuthor(paragraphs),
    wire: shortAgency(label(wire ?? (found && found.wire !== outlet ? found.wire : null) ?? '')) || null,
    url: hints.url ?? null,
    edits,
    keep,
  }
}

/**
 * A one-line label for the library (title, outlet, author): without the invisible characters that
 * reorder or hide what is shown (bidi embeddings, overrides and isolates, zero-width space, word
 * joiner, BOM). Joiners that scripts and emoji need (ZWJ, ZWNJ) and the plain LRM/RLM marks stay.
 */
const label = (text: string): string =>
  text
    .replace(/[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()

/** A dateline opening a paragraph: "VIENNA —", "WASHINGTON (AGENCY) -", "PARIS, May 9:". */
const LEADING_DATELINE = /^\p{Lu}[\p{Lu} .'’/,-]{2,60}?(?:,\s*[\p{L}\d .]{2,30})?(?:\s*\([^)\n]{1,40}\))?\s*(?:[:—–]|--?)\s+/u

/** With no headline in the copy: the first sentence of its first paragraph, without its dateline. */
function fallbackTitle(paragraphs: string[], fileName: string): string {
  const given = paragraphs.find((p) => words(p).length >= 8)
  if (given) {
    const dateline = LEADING_DATELINE.exec(given)
    const first = dateline && words(given.slice(dateline[0].length)).length >= 5 ? given.slice(dateline[0].length) : given
    // Abbreviations ("U.S.", "Mr.") end no sentence (shared/sentences.ts).
    const sentence = sentences(first)[0]?.text ?? first
    const w = sentence.split(/\s+/)
    return w.length > 14 ? `${w.slice(0, 14).join(' ')}…` : sentence
  }
  return fileName.replace(/\.[^.]+$/, '') || 'Untitled'
}
