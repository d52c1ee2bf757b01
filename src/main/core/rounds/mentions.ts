import { sentences } from '../../../shared/sentences'
import { cjkDateline } from '../text/datelines'
import { detectLanguage } from '../text/language'
import { ENGLISH_MARKERS, stopWordsOf } from '../text/stopwords'
import { isStopWord, terms } from '../text/terms'
import { compatible, dateMentions, isoDay, latestFullDate, type DateKind, type EventDate } from './dates'
import { calendarPatterns } from './lexicon-dates'
import {
  buildingCityPattern,
  languagePatterns,
  localRoundOrdinal,
  nextMeetingWords,
  resumedAfterPause,
  type LanguagePatterns,
} from './lexicon'
import { cityNamed } from './gazetteer'
import { countryOfAdjective, isCountry, isDemonym, placeKey } from './places'
import { quotedSpans } from './quotes'

/** What detection reads of an article. */
export interface DetectArticle {
  id: number
  title: string
  outlet: string | null
  published: string | null
  body: string
}

/** One meeting named in an article: "Monday's talks in X between A and B". Offsets are into the body. */
export interface EventMention {
  articleId: number
  /** The sentence that names it. */
  start: number
  end: number
  date: EventDate
  dateKind: DateKind | null
  dateSpan: { start: number; end: number; text: string } | null
  venue: string | null
  participants: string[]
  terms: string[]
  /** Within the first sentences (or the dateline). */
  lead: boolean
  /** Introduced as an earlier event ("after X and Y met in Z", "followed June 28 talks"). */
  earlier: boolean
  /** Told as coming ("will meet on Saturday", "talks are expected to resume"): its date is looked for forward. */
  coming?: boolean
  /** "the talks entered their 15th day", "after eight days of talks": which day of the round its date is (1 = the first). */
  dayOfRound?: number
  /** "Talks resumed on Thursday after a few days' pause": the report continues a round begun days before. */
  resumed?: boolean
}

export interface ArticleEvents {
  articleId: number
  /** The meeting the article reports, if any. */
  main: EventMention | null
  /** Other meetings it recalls. */
  recalls: EventMention[]
  /** What dates were resolved against. */
  reference: 'published' | 'text' | null
  /** Content-word stems of the whole article. */
  terms: string[]
  /** Years written as digits in the title or text: an undated article's meeting falls in one of them (or after). */
  years: number[]
  /** Countries named as where things happen ("in X"): a report that names only a country agrees with a round whose reports name it. */
  countries: string[]
  /** Five-word runs of its quotations (lower case): reports of one meeting quote the same words. */
  quotes: string[]
  /** The highest "Nth round" it names ("the eighth round of talks"), or null: the round it tells of names itself so. */
  roundOrdinal: number | null
  /** The language it was read in ('en' also for languages without word lists): places are named in it. */
  language: string
}

// Words that name a meeting. Weak ones ("met", "meeting") count only where two people are named.
// A deal or an agreement reached, sealed or signed is what a meeting did.
const STRONG =
  /\b(?:talks|negotiations|consultations|summit|round of (?:talks|consultations|negotiations)|met with|meeting (?:with|between)|(?:deal|agreement|accord)(?: [\p{L}+-]+){0,6}? (?:sealed|reached|struck|clinched)|(?:sealed|reached|struck|clinched) (?:a|an|the) (?:[\p{L}-]+ ){0,2}(?:deal|agreement|accord))\b/giu
const WEAK = /\b(?:met|meeting|discussions)\b/gi
// "in talks to buy", "entered into negotiations" say nothing of a meeting held; nor does German "im
// Gespräch mit" (in conversation with: an interview), with an adjective or not ("im kurzen Gespräch").
const NOT_A_MEETING = /\b(?:in|into|for|im(?:\s+\p{Ll}+)?)\s+$/iu
const FUTURE =
  /\b(?:will|would|could|should|may|might|shall|plans?|planned|planning|expected|next|upcoming|coming|future|follow-up|another|approaching|soon|to (?:hold|meet|resume|start|begin|continue))\b/i
const SAID = /\b(?:said|says|told|announced|stated|added)\s+(?:on\s+)?$/i
const CONNECTOR = /\b(?:after|before|following|followed|since|ahead of|than|while|preceded)\b/i
const PRECEDES = /\bprecede[sd]?\b/i
const RESUMED = /\b(?:resum|restart|reconven)(?:e|ed|es|ing)?\b/i
const PAUSED = /\b(?:pause[ds]?|recess|hiatus|adjourned|interrupted)\b|\ba\s+(?:[\p{L}-]+\s+)?break\b/iu
// "described the talks as indirect, like those last weekend in X": what follows is another meeting, compared.
const COMPARED = /\b(?:(?:un)?like|similar\s+to|as\s+with)\s+(?:those|that|the\s+(?:ones?|last|previous|earlier|first)|last|earlier)\b/i

const MONTH_OR_DAY =
  /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/
// Words that make a capitalized run a title, an organization or a region rather than a person or a city.
const TITLES = new Set(
  'president vice prime minister ministers secretary deputy assistant under undersecretary foreign state senior ambassador envoy special spokesman spokeswoman spokesperson chancellor premier mr mrs ms dr sen rep gov governor mayor general chief head director commissioner chairman chairwoman chair leader king queen prince pope former acting interim consul counselor adviser advisor officer official officials lawmaker senator representative judge justice professor coach manager captain'.split(
    ' ',
  ),
)
const ORGS = new Set(
  'department ministry office house council committee agency union party times news post journal bank group court parliament congress senate assembly kremlin commission embassy consulate university institute association federation service services force forces army navy company corp inc ltd nations states republic kingdom airlines airways club city street square summit talks program programme festival cup league administration government cabinet foundation organization organisation treaty agreement accord plan action affairs alliance network press tribune herald daily weekly radio television tv channel centre center hospital school college museum police'.split(
    ' ',
  ),
)
// First words of regions and compound place names, never of a person's name here.
const REGIONS = new Set(
  'north south east west middle central northern southern eastern western upper lower greater new san santa saint st los las port fort mount lake cape'.split(
    ' ',
  ),
)
const NOT_A_DATELINE = /^(?:UPDATE|UPDATED|BREAKING|EXCLUSIVE|ANALYSIS|OPINION|WATCH|LIVE|EDITORIAL|COMMENT|NEWS|PHOTOS?|VIDEO)$/

const CAP = String.raw`[A-Z][\p{Ll}][\p{L}'’-]*`
const VENUE = new RegExp(
  String.raw`\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:(?:${CAP}\s+)?(?:city|capital|town|port|resort|village)(?:\s+of|,)?\s+(?=[A-Z]))?(${CAP}(?:\s+${CAP})?)(?!['’]s)`,
  'gu',
)
const NAME_RUN = new RegExp(String.raw`${CAP}(?:\s+${CAP})*`, 'gu')
// In other languages a name may open with any capital letter (Сергей, Ülkü, Éric).
const NAME_RUN_ANY = /\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}'’-]*)*/gu

/**
 * How an article's language is read (lexicon.ts): English words always count; an article in another
 * language with a word list adds that language's words. `local` is null for English articles, which are
 * read exactly as before.
 */
export interface Reading {
  language: string
  local: LanguagePatterns | null
  /** Month and weekday names of the language: never a place ("Mart'ta", "in März"). */
  calendarWord: (word: string) => boolean
  /** Function words of the language, which open no person's name ("Die", "Les", "Los"). */
  stopWords: ReadonlySet<string>
  /**
   * In a language that capitalizes nouns (German), the capitalized words that are no place: those the
   * text writes after a determiner ("die Fabriken"), and those it writes only once ("in Serie", "in
   * Skigebieten"): a city where talks are held is named again (a dateline, the title, the text).
   */
  commonNouns?: (word: string) => boolean
  /** Where a place is named with a prefix that opens any word (LanguagePatterns.repeatedVenue): how often the article names a word, bare or prefixed. */
  timesNamed?: (word: string) => number
}

export const ENGLISH: Reading = { language: 'en', local: null, calendarWord: () => false, stopWords: new Set() }

/** See Reading.commonNouns: after a determiner, or written once in the text. */
function nounTest(text: string, afterDeterminer: Set<string>): (word: string) => boolean {
  const seen = new Map<string, number>()
  for (const m of text.matchAll(/\p{Lu}[\p{L}\p{M}-]*/gu)) seen.set(lower(m[0]), (seen.get(lower(m[0])) ?? 0) + 1)
  return (word) => afterDeterminer.has(lower(word)) || (seen.get(lower(word)) ?? 0) < 2
}

export function readingOf(text: string): Reading {
  const sample = proseSample(text)
  const language = englishEnough(sample) ? 'en' : (byScript(sample) ?? detectLanguage(sample.slice(0, 600)))
  const local = language === 'en' ? null : languagePatterns(language)
  if (!local) return ENGLISH
  const calendar = calendarPatterns(language)
  return {
    language,
    local,
    calendarWord: calendar ? calendar.isCalendarWord : () => false,
    stopWords: stopWordsOf(language),
    commonNouns: local.capitalizesNouns ? nounTest(text, local.commonNouns(text)) : undefined,
    timesNamed: local.repeatedVenue ? namings(text) : undefined,
  }
}

/** How often a text names each word, bare or after one or two prefix letters ("ז'נבה", "בז'נבה", "ובז'נבה"). */
function namings(text: string): (word: string) => number {
  const counts = new Map<string, number>()
  for (const m of text.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'׳"״-]*[\p{L}\p{M}]/gu)) {
    const token = m[0]
    // Each word counts once for each form it may be (itself, without one or two leading letters).
    for (const form of new Set([token, token.slice(1), token.slice(2)])) if (form.length >= 3) counts.set(form, (counts.get(form) ?? 0) + 1)
  }
  return (word) => counts.get(word) ?? 0
}

/**
 * The lines of a text that read as prose (eight words and more), up to 1,500 characters: a page copy opens
 * with menus and captions, which tell the language badly, and on prose the detector's English test
 * answers at once (franc, a few milliseconds an article, only for other languages). The text itself when it has none.
 */
function proseSample(text: string): string {
  let out = ''
  for (const line of text.split('\n')) {
    if (out.length >= 1_500) break
    if (line.length >= 40 && line.split(/\s+/).length >= 8) out += `${line}\n`
  }
  return out.length >= 200 ? out : text
}

/**
 * English news prose at a glance: 18 % of its words or more are the commonest English function words.
 * Names and numbers keep news below the detector's own bar (0.3; the English reports of rounds-dev
 * measure 0.24 to 0.30 on their prose lines), while German, French and Italian prose measures 0.05 to
 * 0.08 and Dutch 0.11 (self-written sentences): the detector, a few milliseconds an article, runs only for those.
 */
function englishEnough(sample: string): boolean {
  const words = sample
    .slice(0, 1_500)
    .toLowerCase()
    .match(/[a-z']+/g)
  if (!words || words.length < 40) return false
  let n = 0
  for (const w of words) if (ENGLISH_MARKERS.has(w)) n++
  return n / words.length >= 0.18
}

/**
 * Where the script alone chooses the words to read: Cyrillic text is read with the Russian and Ukrainian
 * words (lexicon-dates.ts groups them), Han without kana as Chinese. Latin and Arabic scripts are left
 * to the detector (Persian and Urdu share Arabic's letters, not its words).
 */
function byScript(sample: string): string | null {
  const head = sample.slice(0, 600)
  const letters = head.match(/\p{L}/gu)?.length ?? 0
  if (letters < 20) return null
  const share = (re: RegExp): number => (head.match(re)?.length ?? 0) / letters
  if (share(/\p{Script=Cyrillic}/gu) > 0.6) return /[іїєґ]/iu.test(head) ? 'uk' : 'ru'
  if (share(/\p{Script=Han}/gu) > 0.5 && !/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(head)) return 'zh'
  return null
}

const future = (x: Reading, text: string): boolean => FUTURE.test(text) || (x.local?.future.test(text) ?? false)
// "The next round of talks could be held in X": a meeting after the one the sentence's news is about.
const NEXT = /\bnext\b/i
const nextMeeting = (x: Reading, text: string): boolean =>
  NEXT.test(text) || (x.local ? (nextMeetingWords(x.language)?.test(text) ?? false) : false)
const said = (x: Reading, text: string): boolean => SAID.test(text) || (x.local?.said.test(text) ?? false)
const connector = (x: Reading, text: string): boolean => CONNECTOR.test(text) || (x.local?.connector.test(text) ?? false)
/** The text right after a meeting word opens with a postposed "after"/"before" ("会談後", "görüşmelerden sonra"): that meeting is the other one. */
const postposed = (x: Reading, after: string): boolean => x.local?.postConnector?.test(after) ?? false
/**
 * A meeting word within `within` characters after `from` that a postposed "after"/"before" follows ("ウィーンでの
 * 会談後", "Viyana'daki görüşmelerden sonra"): a place named there is the other meeting's, as after English "after talks in X".
 */
function postposedFrom(x: Reading, text: string, from: number, within: number): boolean {
  if (!x.local?.postConnector) return false
  const slice = text.slice(from, from + within + 40)
  for (const re of [x.local.strong, x.local.weak])
    for (const m of slice.matchAll(re)) {
      if (m.index > within) break
      const end = from + m.index + m[0].length
      if (postposed(x, text.slice(end, end + 24))) return true
    }
  return false
}

/** "in X", "at X" and the language's own forms ("в Женеве", "Cenevre'de"): place names (group 1) with their index. */
function* venueMatches(x: Reading, text: string): Generator<{ name: string; index: number }> {
  // The language's own prepositions stand for "in" and "at" (German "in Genf Gespräche" would be one English name).
  if (!x.local) for (const m of text.matchAll(VENUE)) if (m[1]) yield { name: m[1], index: m.index }
  // "en el consulado estadounidense de X", "en la ciudad de X": a city the gazetteer knows, not a country.
  const building = x.local ? buildingCityPattern(x.language) : null
  if (building)
    for (const m of text.matchAll(building)) {
      const name = m[1]
      if (name && !isCountry(name) && cityNamed(name)) yield { name, index: m.index }
    }
  if (x.local?.venue)
    for (const m of text.matchAll(x.local.venue)) {
      if (!m[1]) continue
      // A prefix that opens any word: a place the article names twice, or one after a word for "the city" (a space inside the match).
      if (x.timesNamed && !/\s/u.test(m[0].slice(0, -m[1].length)) && x.timesNamed(m[1]) < 2) continue
      // No letter tells a name: a word the gazetteer knows as a city.
      if (x.local.knownVenue && !cityNamed(m[1])) continue
      yield { name: withNextWord(text, m[1], m.index + m[0].length), index: m.index }
    }
}

const NEXT_NAME_WORD = /^[ -](\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}'’-]*)/u
/**
 * A place read as one word where a language's word order often puts a name right after it ("в Женеве Томас
 * Варга"), with the capitalized word that follows when the two are a city the gazetteer knows ("w Nowym Jorku").
 */
function withNextWord(text: string, name: string, end: number): string {
  if (!text.startsWith(name, end - name.length)) return name
  const next = NEXT_NAME_WORD.exec(text.slice(end, end + 40))?.[1]
  if (!next) return name
  const both = `${name}${text[end]}${next}`
  return cityNamed(both) ? both : name
}
const DATELINE = /^\s*([A-Z][A-Z'’. -]{2,40}?)(?:,\s*([^:()\n]{1,40}?))?\s*(?:\([^)\n]{1,40}\))?\s*(?:[:—–]|--?)\s/

// "then-President", "former minister", "the late": a run of a name right after (lower-case titles between).
const RECALLED_PERSON = /(?:\b[Tt]hen-|\b[Ff]ormer\s+|\b[Ee]x-|\b[Tt]he\s+late\s+)(?:\p{Ll}+\s+){0,2}$/u
const tokens = (run: string): string[] => run.split(/\s+/)
const lower = (s: string): string => s.toLowerCase()
const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())

/** A capitalized run as a place name, or null if it reads as a title, organization or date. */
function asPlace(run: string, x: Reading = ENGLISH): string | null {
  if (/['’]s$/.test(run)) return null
  // "Nordhavn's Harbour Hall": the possessor is the place.
  const owner = /^(.+?)['’]s\s/.exec(run)
  if (owner?.[1]) return asPlace(owner[1], x)
  const words = tokens(run)
  if (words.some((w) => MONTH_OR_DAY.test(w) || TITLES.has(lower(w)) || ORGS.has(lower(w)) || isDemonym(w))) return null
  if (
    x.local &&
    words.some(
      (w) => x.calendarWord(w) || x.local?.notPlace(w) || x.stopWords.has(lower(w)) || ENGLISH_MARKERS.has(lower(w)) || x.commonNouns?.(w),
    )
  )
    return null
  // "the Middle East", "the Far East", "the West": a part of the world, not where talks are held.
  if (/^(?:(?:middle|far|near)\s+)?(?:east|west|north|south)$/i.test(run)) return null
  return run
}

/** The person name at the end of a capitalized run ("Deputy Foreign Minister Jane Roe" → "Jane Roe"), or null. */
function asPerson(run: string, x: Reading = ENGLISH, places?: ReadonlySet<string>): string | null {
  const words = tokens(run).map((w) => w.replace(/['’]s$/, ''))
  let from = 0
  words.forEach((w, i) => {
    const l = lower(w)
    if (TITLES.has(l) || ORGS.has(l) || REGIONS.has(l) || MONTH_OR_DAY.test(w) || isStopWord(l) || l.length < 2) from = i + 1
    // Another language's function words, months and weekdays, and countries ("России Сергей Лавров") open no name.
    else if (x.local && (x.stopWords.has(l) || x.calendarWord(w) || isCountry(w) || x.local.meetingWord(w) || places?.has(w))) from = i + 1
  })
  const name = words.slice(from)
  if (name.length < 2 || name.length > 3) return null
  if (words.slice(from).some((w) => ORGS.has(lower(w)))) return null
  return name.join(' ')
}

export interface Dateline {
  venue: string
  date: EventDate | null
  end: number
}

/** "CITY:", "CITY (Agency) -", "CITY, March 3 --": the place (and date) the story was filed from. */
export function dateline(body: string, ref: Date | null, x: Reading = ENGLISH): Dateline | null {
  // A page copy often repeats its headline (or a kicker) above the story: the dateline then opens one of
  // its first lines, not the text.
  let from = 0
  for (let i = 0; i < DATELINE_LINES && from < DATELINE_WITHIN; i++) {
    const found = datelineAt(body.slice(from, from + 120), ref, x)
    if (found) return { ...found, end: from + found.end }
    const next = body.indexOf('\n', from)
    if (next < 0) break
    from = next + 1
    while (body[from] === '\n' || body[from] === '\r') from++
  }
  return null
}
/** How far down the text a dateline may open a line: the first few lines of its first 400 characters. */
const DATELINE_LINES = 4
const DATELINE_WITHIN = 400

// Datelines of other languages' agencies: capitals of any script ("ЖЕНЕВА, 3 марта. /Agency/."), and a
// city in title case before an agency's name in brackets ("Genf (Agency) -", "Ginebra, 3 mar (Agency).-"); capitals
// before the agency's ".-" too ("GINEBRA, 3 mar (Agency).- ").
const DATELINE_CAPS =
  /^\s*(\p{Lu}[\p{Lu}\p{M}'’. -]{2,40}?)(?:,\s*([^:()\n]{1,40}?))?\s*(?:\([^)\n]{1,40}\))?\s*(?:[:—–]|\.?--?|\.\s*\/[^/\n]{1,20}\/\.?)\s/u
const DATELINE_AGENCY =
  /^\s*(\p{Lu}[\p{Ll}\p{M}]+(?:[ -]\p{Lu}[\p{Ll}\p{M}]+)?)(?:,\s*([^:()\n]{1,40}?))?\s*\([^)\n]{1,40}\)\s*(?:\.?-+|[:—–]|\.)\s/u

function datelineAt(start: string, ref: Date | null, x: Reading): Dateline | null {
  // Japanese, Korean and Chinese agencies' datelines (text/datelines.ts).
  const cjk = x.local ? cjkDateline(start) : null
  if (cjk) {
    const venue = asPlace(cjk.city, x)
    if (!venue) return null
    const when = cjk.day ? (dateMentions(cjk.day, ref, { language: x.language })[0]?.date ?? null) : null
    return { venue, date: when, end: cjk.length }
  }
  const m = DATELINE.exec(start) ?? (x.local ? (DATELINE_CAPS.exec(start) ?? DATELINE_AGENCY.exec(start)) : null)
  if (!m || !m[1]) return null
  const place = m[1].trim()
  if (NOT_A_DATELINE.test(place) || !/[A-Z]{3}/.test(place) || place.split(/\s+/).length > 4) {
    if (!x.local || NOT_A_DATELINE.test(place) || place.split(/\s+/).length > 4 || !/\p{L}{3}/u.test(place)) return null
  }
  const venue = asPlace(titleCase(place), x)
  if (!venue) return null
  const when = m[2] ? (dateMentions(m[2], ref, { language: x.language })[0]?.date ?? null) : null
  return { venue, date: when, end: m[0].length }
}

interface Region {
  start: number
  end: number
  strong: boolean
  earlier: boolean
  /**
   * Followed by a postposed "after"/"before" ("会談後、"): what the sentence says past it (a day, a place) belongs to
   * the meeting that follows, as a verb-final language puts them before its own meeting word.
   */
  closed?: boolean
}

/** Meeting words of a sentence, merged into regions unless a connector ("after", "followed") separates them. */
function regions(text: string, x: Reading = ENGLISH): Region[] {
  const hits: Array<{ start: number; end: number; strong: boolean }> = []
  // Strong words first: a weak English word inside a language's strong phrase (Dutch "spraken … met elkaar") would hide it.
  const lists: Array<readonly [RegExp, boolean]> = x.local
    ? [
        [STRONG, true],
        [x.local.strong, true],
        [WEAK, false],
        [x.local.weak, false],
      ]
    : [
        [STRONG, true],
        [WEAK, false],
      ]
  for (const [re, strong] of lists) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (NOT_A_MEETING.test(text.slice(Math.max(0, m.index - 24), m.index))) continue
      if (hits.some((h) => m !== null && m.index < h.end && h.start < m.index + m[0].length)) continue
      hits.push({ start: m.index, end: m.index + m[0].length, strong })
    }
  }
  hits.sort((a, b) => a.start - b.start)
  const out: Region[] = []
  let previousEnd = 0
  for (const h of hits) {
    const gap = text.slice(previousEnd, h.start)
    const last = out.at(-1)
    // "ウィーンでの会談後、…ジュネーブで協議": a postposition after the last meeting makes that one the earlier, not this one.
    if (last && postposed(x, gap)) {
      last.earlier = true
      last.closed = true
      out.push({ ...h, earlier: false })
      previousEnd = h.end
      continue
    }
    const joined = connector(x, gap)
    if (last && !joined) {
      last.end = h.end
      last.strong ||= h.strong
    } else out.push({ ...h, earlier: joined && out.length > 0 })
    previousEnd = h.end
  }
  return out
}

const distance = (r: { start: number; end: number }, at: number): number => (at < r.start ? r.start - at : at > r.end ? at - r.end : 0)

function nearest<T extends { start: number; end: number; closed?: boolean }>(list: T[], at: number, max: number): T | null {
  let best: T | null = null
  for (const r of list) {
    if (r.closed && at > r.end) continue
    if (distance(r, at) <= max && (!best || distance(r, at) < distance(best, at))) best = r
  }
  return best
}

// Bounds that keep one article's cost constant whatever its size (issue 17, F4: a 1 MB file of dates
// took 11 s, 15 MB ran for minutes, since date parsing and the matching of dates, names and meeting
// words within a sentence grow faster than the text). A report names its meeting in its first
// paragraphs; what lies past the first 20,000 characters adds recalls at most.
const MAX_SCAN = 20_000
// A "sentence" longer than this is a list or a table, not prose: only its beginning is read.
const MAX_SENTENCE = 1_500

/** The part of a body that detection reads: the whole of a news article, the start of a longer text (cut at a paragraph or sentence end). */
function scanned(body: string): string {
  if (body.length <= MAX_SCAN) return body
  const head = body.slice(0, MAX_SCAN)
  const cut = Math.max(head.lastIndexOf('\n\n'), head.lastIndexOf('. '))
  return cut > MAX_SCAN / 2 ? head.slice(0, cut + 1) : head
}

/**
 * The meetings an article names, and which one it reports: the first past meeting in its lead
 * that is told as news (a weekday, "today", no date, or a date within a week of publication);
 * every other past meeting with a place or a date is a recall.
 */
export function articleEvents(article: DetectArticle): ArticleEvents {
  const steps = articleEventSteps(article)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * `articleEvents` as steps, for detection's slices (detect.ts `detectSteps`): it yields between
 * pieces of a few milliseconds (a part of the text searched for its latest date, one sentence), so
 * a date-dense article no longer holds the core's thread for its whole reading (issue 17, F4: one
 * such article was one step of ~0.2 s, up to 1 s under load). The result is that of one go.
 */
export function* articleEventSteps(article: DetectArticle): Generator<void, ArticleEvents> {
  const body = scanned(article.body)
  // A title is a line; a hostile file's "title" may be anything: only its start is read.
  const title = article.title.slice(0, 300)
  const published = isoDay(article.published)
  // The article's language decides which words are read besides English (lexicon.ts).
  const x = readingOf(`${title}\n${body.slice(0, 6_000)}`)
  // Without a publication date, the latest complete date written in the title or text stands in for it.
  const ref = published ?? (yield* latestDateSteps(`${title}\n${body}`, x.language))
  const line = dateline(body, ref, x)
  const reference = published ? 'published' : ref ? 'text' : null
  const spans = sentences(body).map((s) => (s.text.length > MAX_SENTENCE ? { ...s, text: s.text.slice(0, MAX_SENTENCE) } : s))
  const known = new Map<string, string>() // surname → full name, over the whole article
  const places = new Set<string>()
  const nameRun = x.local ? NAME_RUN_ANY : NAME_RUN
  for (const s of spans) {
    for (const m of venueMatches(x, s.text)) {
      const place = asPlace(m.name, x)
      if (place) places.add(place)
    }
  }
  yield
  for (const s of spans) {
    for (const m of s.text.matchAll(nameRun)) {
      const name = asPerson(m[0], x, places)
      if (name && !places.has(name)) known.set(lower(name.split(' ').at(-1) as string), name)
    }
  }
  if (line) places.add(line.venue)
  yield

  const mentions: EventMention[] = []
  const leadNames: string[] = []
  for (const [index, s] of spans.entries()) {
    // One sentence a step: its dates are parsed only when it names a meeting, but then it is the costly part.
    if (index > 0) yield
    // The first sentences, or the first lines of a page that keeps captions and standfirsts above its lead.
    const lead = index < 3 || s.start < 600
    const names: Array<{ name: string; at: number; written: boolean }> = []
    for (const m of s.text.matchAll(nameRun)) {
      // "then-President X", "former minister X": someone recalled, not one who takes part.
      if (RECALLED_PERSON.test(s.text.slice(Math.max(0, (m.index ?? 0) - 40), m.index))) continue
      const full = asPerson(m[0], x, places)
      const single = tokens(m[0].replace(/['’]s$/, '')).at(-1) as string
      const name = full && !places.has(full) ? full : known.get(lower(single))
      if (name) names.push({ name, at: (m.index ?? 0) + m[0].length / 2, written: name === full })
    }
    // "met" or "meeting" alone is a meeting of people only when two people are named ("A and B met").
    const found = regions(s.text, x).filter((r) => r.strong || new Set(names.map((n) => n.name)).size >= 2)
    // "In attendance were A and B": people named in full in the lead took part ("the X administration" did not).
    if (lead && found.length === 0) leadNames.push(...names.filter((n) => n.written).map((n) => n.name))
    if (found.length === 0) continue
    const dates = dateMentions(s.text, ref, { language: x.language })
    let ahead: typeof dates | null = null
    // Where the sentence compares with another meeting ("like those last weekend"), if it does.
    const comparedAt = COMPARED.exec(s.text)?.index ?? Number.POSITIVE_INFINITY
    const venues = [...venueMatches(x, s.text)].flatMap((m) => {
      const place = asPlace(m.name, x)
      return place ? [{ place, index: m.index }] : []
    })
    for (const r of found) {
      const before = s.text.slice(Math.max(0, r.start - 60), r.start)
      const after = s.text.slice(r.end, r.end + 25)
      // A coming meeting counts only in the lead: a preview reports the meeting it announces.
      const coming = future(x, before) || future(x, after)
      if (coming && !lead) continue
      if (coming) ahead ??= dateMentions(s.text, ref, { forward: true, language: x.language })
      // A place or day after a comparison with another meeting is that meeting's ("like those last weekend in X").
      const mine = <T extends { at: number }>(list: T[], max: number): T[] =>
        list.filter((x) => nearest(found, x.at, max) === r && !(comparedAt >= r.end && x.at > comparedAt))
      const venue = mine(
        venues.map((v) => ({ v: v.place, at: v.index })),
        90,
      )[0]?.v
      const people = [...new Set(mine(names, 120).map((n) => n.name))]
      const base = {
        articleId: article.id,
        start: s.start,
        end: s.end,
        venue: venue ?? null,
        participants: people,
        terms: terms(s.text),
        lead,
        earlier: r.earlier,
        coming,
      }
      const myDates = mine(
        (coming && ahead ? ahead : dates)
          // In a preview, "the EU said Thursday" dates the saying, not the meeting.
          .filter((d) => !coming || !said(x, s.text.slice(Math.max(0, d.start - 12), d.start)))
          .map((d) => ({ ...d, at: d.start })),
        100,
      )
      if (myDates.length === 0)
        mentions.push({ ...base, date: { year: null, month: null, day: null, weekday: null }, dateKind: null, dateSpan: null })
      for (const d of myDates)
        mentions.push({
          ...base,
          date: d.date,
          dateKind: d.kind,
          dateSpan: { start: s.start + d.start, end: s.start + d.end, text: d.text },
        })
    }
  }
  yield

  const news = (m: EventMention): boolean => {
    if (m.earlier || !m.lead || m.coming) return false
    if (m.dateKind === null || m.dateKind === 'weekday' || m.dateKind === 'relative') return true
    if (m.dateKind !== 'explicit' || !published || m.date.year === null) return false
    const at = Date.UTC(m.date.year, (m.date.month as number) - 1, m.date.day as number)
    return at <= published.getTime() + 86_400_000 && published.getTime() - at <= 7 * 86_400_000
  }
  const telling = (m: EventMention): boolean => Boolean(m.venue || m.dateKind || m.participants.length)
  // The meeting told as news in the lead; failing that, the one the lead announces (a preview); failing
  // that, when the title or the first sentence is about a meeting, the article as a whole (its place and date).
  let candidate =
    mentions.find((m) => news(m) && telling(m)) ??
    mentions.find((m) => m.coming && !m.earlier && m.lead && (m.venue !== null || (m.dateKind !== null && m.date.day !== null))) ??
    null
  const aboutMeeting = (text: string): boolean =>
    regions(text, x).some(
      (r) =>
        r.strong && !r.earlier && !future(x, text.slice(Math.max(0, r.start - 60), r.start)) && !future(x, text.slice(r.end, r.end + 25)),
    )
  // "Officials will travel to X next week, although they will not hold direct talks": the lead tells of a coming meeting.
  const announces = (text: string): boolean =>
    regions(text, x).some(
      (r) =>
        r.strong && !r.earlier && (future(x, text.slice(Math.max(0, r.start - 60), r.start)) || future(x, text.slice(r.end, r.end + 25))),
    )
  // A page copy may open a few sentences into the story: one of the first three sentences tells of the meeting,
  // not of one before or after the news ("after the meeting", "this precedes a summit").
  const tellsOf = (text: string): boolean =>
    regions(text, x).some((r) => {
      const before = text.slice(Math.max(0, r.start - 60), r.start)
      return (
        r.strong &&
        !r.earlier &&
        !future(x, before) &&
        !future(x, text.slice(r.end, r.end + 25)) &&
        !connector(x, before) &&
        !postposed(x, text.slice(r.end, r.end + 24)) &&
        !PRECEDES.test(before)
      )
    })
  // A sentence whose meeting has a date and is no news tells of an earlier meeting (a recall).
  const dated = (s: { start: number }): boolean => mentions.some((m) => m.start === s.start && (m.dateKind !== null || m.earlier))
  // A sentence that speaks of the future anywhere may announce the meeting ("the third round … is approaching").
  const opens = Boolean(spans[0] && (aboutMeeting(title) || aboutMeeting(spans[0].text)))
  // Only in a copy without a publication date (a clipping): a dated page's lead opens it, as the page shows it.
  const told =
    !candidate && !opens && !published ? spans.slice(1, 3).find((s) => tellsOf(s.text) && !dated(s) && !future(x, s.text)) : undefined
  if (!candidate && spans[0] && (opens || told)) {
    const first = told ?? spans[0]
    candidate = {
      // A title about the talks over a lead that announces them: a preview (its day is not the meeting's).
      coming: !aboutMeeting(first.text) && announces(first.text),
      articleId: article.id,
      start: first.start,
      end: first.end,
      date: line?.date ?? (published ? dateOf(published) : { year: null, month: null, day: null, weekday: null }),
      dateKind: null,
      dateSpan: null,
      venue: null,
      participants: [],
      terms: terms(first.text),
      lead: true,
      earlier: false,
    }
  }
  let main: EventMention | null = null
  const recalls: EventMention[] = []
  const { place: inText, counts: named } = bestPlace(title, spans, x, candidate?.coming === true)
  yield
  if (candidate) {
    main = { ...candidate, participants: [...new Set([...candidate.participants, ...leadNames])] }
    // A city named for the meeting, else the city the article names most; a country only when it names no city;
    // the dateline (where the reporter was) last.
    // A building or district named once ("at the X Palace") gives way to the city the article keeps naming.
    const often = (place: string | null): number => (place ? (named.get(place) ?? 0) : 0)
    if (!main.venue || isCountry(main.venue) || (inText && often(inText) >= 2 * Math.max(1, often(main.venue))))
      main.venue = inText ?? main.venue ?? line?.venue ?? null
    // "в Женеве" under the dateline "ЖЕНЕВА": the city as the dateline writes it (its nominative).
    if (x.local && line && main.venue && placeKey(main.venue) === placeKey(line.venue)) main.venue = line.venue
    if (!main.dateKind && line?.date) main.date = line.date
    // "said yesterday" in a copy with no full date resolves to no day at all: the dateline's day is the nearest one known.
    if (main.dateKind === 'relative' && main.date.month === null && line?.date) main.date = line.date
    // A report that names no day tells the news of its own day (its publication date, or the latest date it writes).
    if (!main.dateKind && !line?.date && ref) main.date = dateOf(ref)
  }
  for (const m of mentions) {
    if (m === candidate || !main) {
      if (m !== candidate && (m.venue || m.date.month !== null)) recalls.push(m)
      continue
    }
    // "Talks in Norway set to begin Friday" under a report of the talks in its capital that names no day: the
    // country stands for the city the report names (the lead tells of one meeting).
    const itsCountry = m.lead && !main.dateKind && m.dateKind !== null && m.venue !== null && isCountry(m.venue)
    const sameVenue = m.venue === null || main.venue === null || m.venue === main.venue || itsCountry
    const adds = m.venue === null && m.dateKind === null
    const placesIt = main.venue === null && m.lead && m.dateKind === null
    if (!m.earlier && sameVenue && compatible(m.date, main.date) && (adds || placesIt || itsCountry || m.venue === main.venue)) {
      // People named where the same place is named (or in the lead) took part; others were only quoted.
      if (m.lead || m.venue !== null) main.participants = [...new Set([...main.participants, ...m.participants])]
      if (!main.venue) main.venue = m.venue
      // The day the lead announces the meeting for: the report is its preview.
      if (!main.dateKind && m.dateKind)
        Object.assign(main, { date: m.date, dateKind: m.dateKind, dateSpan: m.dateSpan, coming: main.coming || m.coming })
    } else if (m.venue || m.date.month !== null) recalls.push(m)
  }
  // A meeting word with nothing that tells of a meeting: no place, no day the text names, fewer than two people
  // ("Difficult conversations: how to…", "on the occasion of the coalition talks, the association demands…").
  // Reports of a round name where, when or who; an article that names none of them reports no round.
  if (main && main.venue === null && main.dateKind === null && main.participants.length < 2) main = null
  // "Negotiations resumed on Thursday after a few days' pause", "restarted talks … were paused on December 3": the lead
  // tells of talks that go on after a pause, not of a new meeting.
  if (main && !main.coming) {
    const lead = spans
      .slice(0, 3)
      .map((s) => s.text)
      .join(' ')
    if ((RESUMED.test(lead) && PAUSED.test(lead)) || (x.local !== null && resumedAfterPause(lead, x.language))) main.resumed = true
  }
  // Which day of the round the report's day is, from the first sentences that count the days of the talks.
  // A report dated only by its publication day may count days that ended before it ("after five days of talks").
  if (main && main.dateKind !== null) {
    for (const s of spans.slice(0, 8)) {
      // A count in another sentence tells of the report's own day ("talks entered their fourth day"): it fits a
      // meeting the report dates by a weekday or today, not one it dates explicitly ("began on August 4").
      if (main.dateKind === 'explicit' && s.start !== main.start) continue
      const n = dayOfRound(s.text)
      if (n !== null) {
        main.dayOfRound = n
        break
      }
    }
  }
  yield
  const years = [...new Set([...`${title}\n${body}`.matchAll(/\b(?:19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[0])))]
  const countries = new Set<string>()
  for (const text of [title, ...spans.map((s) => s.text)]) {
    for (const m of venueMatches(x, text)) {
      // "in Oman's capital" names the country as much as "in Oman".
      const place = (m.name.split(/['’]s\b/)[0] as string).trim()
      if (place && isCountry(place)) countries.add(place)
    }
    // "the Omani capital": the country of the adjective.
    for (const m of text.matchAll(CAPITAL_OF)) {
      const country = countryOfAdjective(m[1] as string)
      if (country) countries.add(country)
    }
  }
  yield
  const quotes = quoteRuns(body)
  yield
  let roundOrdinal: number | null = null
  for (const m of `${title}\n${body}`.matchAll(NTH_ROUND)) {
    const n = ordinalNumber(m[1] as string)
    // A series of talks has a few dozen rounds at most: a larger number is something else.
    if (n >= 1 && n <= 31 && (roundOrdinal === null || n > roundOrdinal)) roundOrdinal = n
  }
  if (x.local) {
    const n = localRoundOrdinal(`${title}\n${body}`, x.language)
    if (n !== null && (roundOrdinal === null || n > roundOrdinal)) roundOrdinal = n
  }
  return {
    articleId: article.id,
    main,
    recalls,
    reference,
    terms: terms(`${title}\n${body}`),
    years,
    countries: [...countries],
    quotes,
    roundOrdinal,
    language: x.language,
  }
}

/** Below this many characters the text searched for its latest date is one piece (a few milliseconds of chrono). */
const DATE_PIECE = 2_000
// Where a text may be cut for date search without changing what chrono finds there: a paragraph break
// after a sentence's end, before a word that names no month or weekday. chrono's date patterns join
// their parts by spaces, commas, "of" or "-" (not a full stop), so no date spans such a break.
const QUIET_BREAK =
  /[.!?]["'”’)]?[ \t]*\n[ \t]*\n\s*(?=\p{L})(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\p{L}*\b)/giu

/** `latestFullDate` of a text in pieces cut at quiet paragraph breaks, a step each: the same date. Exported for its test. */
export function* latestDateSteps(text: string, language?: string): Generator<void, Date | null> {
  const cuts: number[] = []
  let from = 0
  for (const m of text.matchAll(QUIET_BREAK)) {
    const at = m.index + m[0].length
    if (at - from >= DATE_PIECE) cuts.push((from = at))
  }
  cuts.push(text.length)
  let best: Date | null = null
  from = 0
  for (const to of cuts) {
    const d = latestFullDate(text.slice(from, to), language)
    if (d && (!best || d > best)) best = d
    from = to
    yield
  }
  return best
}

const NUMBER_WORDS =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  )
const ORDINAL_WORDS =
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'.split(
    ' ',
  )
const COUNT = String.raw`(\d{1,2}|${NUMBER_WORDS.join('|')})`
const ORDINAL = String.raw`(\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS.join('|')})`
const MEETING_WORDS = String.raw`(?:talks|negotiations|consultations|meetings?|round)`
// "entered their 15th straight day", "on the second day of talks": the day of the round the sentence tells of.
const NTH_DAY = new RegExp(String.raw`\b${ORDINAL}\s+(?:straight\s+|consecutive\s+|successive\s+|full\s+)?day\b`, 'i')
// "after eight days of talks", "follows 18 days of intense negotiations": the round began that many days before, counting the day itself.
const DAYS_OF = new RegExp(
  String.raw`\b(?:after|following|follows|followed|ending|ended|concluded)\s+${COUNT}\s+days\s+of\s+(?:[\p{L}-]+\s+){0,2}${MEETING_WORDS}\b`,
  'iu',
)

// "the eighth round of talks", "a 3rd round": the rounds of a series numbered.
const NTH_ROUND = new RegExp(String.raw`\b${ORDINAL}\s+round\b`, 'giu')

/** "8", "eight", "8th", "eighth" → 8 (0 when none). */
function ordinalNumber(word: string): number {
  const lower = word.toLowerCase()
  const digits = Number.parseInt(lower, 10)
  if (!Number.isNaN(digits)) return digits
  const i = NUMBER_WORDS.indexOf(lower)
  return i >= 0 ? i + 1 : ORDINAL_WORDS.indexOf(lower) + 1
}

/** The day of the talks a sentence says its events fall on (1 = the first), or null. */
function dayOfRound(text: string): number | null {
  if (!new RegExp(String.raw`\b${MEETING_WORDS}\b`, 'i').test(text)) return null
  const number = ordinalNumber
  const nth = NTH_DAY.exec(text)
  const days = DAYS_OF.exec(text)
  const n = nth ? number(nth[1] as string) : days ? number(days[1] as string) : 0
  // A round of talks lasts days or weeks: a larger count is something else.
  return n >= 1 && n <= 31 ? n : null
}

const CAPITAL_OF = /\b([A-Z][\p{Ll}]+)\s+(?:capital|city|port|resort|town)\b/gu
const QUOTE_RUN = 5

/** Five-word runs of the quotations of a text (at most 200): what "the same quote" is measured by. */
function quoteRuns(body: string): string[] {
  const out = new Set<string>()
  for (const q of quotedSpans(body)) {
    // Letters with their combining marks: Devanagari writes vowels as marks ("उचित"), which would split a word.
    const words = q.text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
    for (let i = 0; i + QUOTE_RUN <= words.length && out.size < 200; i++) out.add(words.slice(i, i + QUOTE_RUN).join(' '))
  }
  return [...out]
}

const dateOf = (d: Date): EventDate => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  weekday: d.getUTCDay(),
})

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The city an article names most often as where things happen ("in X", "at X"), the title counting twice; null when it names none (countries aside). */
function bestPlace(
  title: string,
  spans: Array<{ text: string }>,
  x: Reading,
  coming: boolean,
): { place: string | null; counts: Map<string, number> } {
  const counts = new Map<string, number>()
  // Where a place is named for the meeting or the news, and where for a coming meeting: see `best` below.
  const told = new Set<string>()
  const comingAt = new Set<string>()
  const count = (text: string, weight: number): void => {
    const found: Array<{ name: string; index: number }> = []
    for (const re of [DESTINATION, NAMED_TALKS]) for (const m of text.matchAll(re)) if (m[1]) found.push({ name: m[1], index: m.index })
    for (const m of [...venueMatches(x, text), ...found]) {
      // "months after talks in X": an earlier meeting's place, not this one's.
      const before = text.slice(Math.max(0, m.index - 30), m.index)
      if (connector(x, before) || COMPARED.test(before) || postposedFrom(x, text, m.index, 30)) continue
      const place = asPlace(m.name, x)
      if (place && !isCountry(place)) {
        counts.set(place, (counts.get(place) ?? 0) + weight)
        ;(nextMeeting(x, text.slice(Math.max(0, m.index - 80), m.index)) ? comingAt : told).add(place)
      }
    }
  }
  // Titles are often in title case ("Talks In Nordhavn End"): only a one-word name counts there, and in a title
  // where most words are capitalized only one the text names too ("Hottest Year Ever in the Making" names no place).
  const words = title.match(/\p{L}{4,}/gu) ?? []
  const titleCased = words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length > 0.6 * words.length
  for (const m of venueMatches(x, title)) {
    const place = asPlace((m.name.split(/\s+/)[0] as string).replace(/['’]s$/, ''), x)
    if (!place || isCountry(place)) continue
    if (titleCased && !spans.some((s) => new RegExp(String.raw`(?<!\p{L})${escapeRegExp(place)}(?!\p{L})`, 'u').test(s.text))) continue
    counts.set(place, (counts.get(place) ?? 0) + 2)
    told.add(place)
  }
  spans.forEach((s, i) => count(s.text, i < 3 ? 1.5 : 1))
  // A city named only for a coming meeting ("the next round could be held in X") is that meeting's, not the place
  // of a meeting held: unless the article previews a coming meeting, it places nothing.
  let best: [string, number] | null = null
  for (const entry of counts) if ((coming || told.has(entry[0]) || !comingAt.has(entry[0])) && (!best || entry[1] > best[1])) best = entry
  return { place: best?.[0] ?? null, counts }
}

// "The X talks", "the X round": a meeting named by its place.
const NAMED_TALKS = new RegExp(String.raw`\b[Tt]he\s+(${CAP})\s+(?:talks|negotiations|round|meeting|summit|consultations)\b`, 'gu')

// Where delegations go is where they meet: "will travel to X", "flew to X" (not "returned to X": home).
const DESTINATION = new RegExp(
  String.raw`\b(?:travel(?:l?ed|l?ing|s)?|fl(?:y|ies|ew|ying)|head(?:ed|ing|s)?|arriv(?:e|ed|es|ing))\s+(?:to|in)\s+(${CAP}(?:\s+${CAP})?)(?!['’]s)`,
  'gu',
)
