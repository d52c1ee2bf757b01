/**
 * A web page's publication date, in the order htmldate found to work across the web: the page's
 * own structured data (JSON-LD, meta tags, microdata), the URL's path, `<time>` elements, elements
 * whose markup says they hold a date (class, id or itemprop with "date", "time", "published"…), and
 * at last the dates written in the page's text. Modification dates only when nothing else says,
 * or when the page shows its readers the edit's day and not the publication's. Where the metadata
 * disagrees with itself, the day the page's date line shows decides (see `shownUpdate` and the
 * meta/JSON-LD check in `markupDate`): that is the day a reader sees and cites.
 */
import { asciiDigits, findDates, findRelativeTime, isoDay, plausible } from './dates'
import { isCaption } from './furniture'

export interface DateElement {
  getAttribute(name: string): string | null
  textContent: string | null
  tagName?: string
  nodeType?: number
  childNodes?: ArrayLike<DateElement>
  parentNode?: DateElement | null
  nextSibling?: DateElement | null
  firstChild?: DateElement | null
}

/**
 * The first `max` characters of an element's text, or null when it holds more: a date line is
 * short, and asking a page-wide container for its whole text on every candidate is quadratic.
 */
function boundedText(el: DateElement, max = 200): string | null {
  if (!el.childNodes) {
    const t = el.textContent ?? ''
    return t.length > max ? null : t
  }
  let out = ''
  const stack: DateElement[] = [el]
  while (stack.length) {
    const node = stack.pop() as DateElement
    if (node.nodeType === 3) {
      out += node.textContent ?? ''
      if (out.length > max) return null
      continue
    }
    const children = node.childNodes
    if (!children) continue
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DateElement)
  }
  return out
}
export interface DateDocument {
  querySelectorAll(selector: string): ArrayLike<DateElement>
}

/** Meta names (property, name, itemprop) that carry the first publication, most specific first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'published_time',
  'article.published',
  'datepublished',
  'date_published',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'publicationdate',
  'originalpublicationdate',
  'article_date_original',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'dc.date.issued',
  'dcterms.issued',
  'citation_publication_date',
  'citation_date',
  'cxenseparse:recs:publishtime',
  'datecreated',
  'dc.date.created',
  'dcterms.created',
  'date',
  'dc.date',
  'dcterms.date',
  'created',
  'release_date',
]
/** Meta names that state "a date" without saying of what (publication, generation, last change). */
const GENERIC_META = new Set(['date', 'dc.date', 'dcterms.date'])
const daysApart = (a: string, b: string): number => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000
const MODIFIED_META = [
  'article:modified_time',
  'og:article:modified_time',
  'og:updated_time',
  'modified_time',
  'datemodified',
  'dateupdate',
  'last-modified',
  'dcterms.modified',
  'dc.date.modified',
]

/** A date-bearing attribute or text value → YYYY-MM-DD: ISO at the start, else the first written date. */
export function dateValue(value: string | null | undefined, monthFirst = false): string | null {
  if (!value) return null
  const v = value.trim()
  const iso = /^((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:$|[T\s_])/.exec(v)
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  return findDates(v.slice(0, 200), { monthFirst, limit: 1 })[0]?.date ?? null
}

/**
 * A slashed date in metadata whose two first numbers could each be the month ("11/01/2023": 11
 * January or 1 November), read in the order the page's text settles: where the text writes one of
 * the two days in a form that is day first everywhere (01.11.2023) and never the other.
 */
export function settleOrder(raw: string | null | undefined, day: string, html: string | undefined): string {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?!\d)/.exec(raw ?? '')
  if (!m || !html) return day
  const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (a > 12 || b > 12 || a === b) return day
  const other = [isoDay(year, a, b), isoDay(year, b, a)].find((d) => d && d !== day)
  if (!other) return day
  const text = html.length > 2_000_000 ? html.slice(0, 2_000_000) : html
  const dotted = (d: string): boolean => {
    const [y, mo, da] = d.split('-')
    return new RegExp(String.raw`(?<![\d.])0?${Number(da)}\.\s?0?${Number(mo)}\.\s?${y}(?!\d)`).test(text)
  }
  return dotted(other) && !dotted(day) ? other : day
}

/** The date a URL's path carries: /2020/08/16/, /2020-08-16-, /20200816/, /16-08-2020. */
export function urlDate(url: string | null | undefined): string | null {
  if (!url) return null
  let path = url
  try {
    path = new URL(url).pathname
  } catch {
    // Not a full URL: read it as a path.
  }
  const m =
    /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(path) ?? /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path)
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]))
  // A path segment that is a day-first date: /news/29-10-2021, /29.10.2021/.
  const dayFirst = /\/(\d{1,2})([-.])(\d{1,2})\2((?:19|20)\d{2})(?:[/.]|$)/.exec(path)
  return dayFirst ? isoDay(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1])) : null
}

const DATE_MARKUP =
  /(?:^|[-_\s])(?:date|datum|time|zeit|published|publish|pubdate|posted|post-?meta|entry-?meta|meta|byline|dateline|fecha|data|article-?info|timestamp|stand)(?:$|[-_\s\d])|date|datum|publish/i
/** A publication date that a page's scripts hold as JSON. */
const SCRIPT_DATE =
  /["'](?:datePublished|published_at|publishedAt|publishDate|pubDate|date_published|firstPublished|publication_date|first_published_at)["']\s*:\s*["']([^"']{8,40})["']/
const COMMENT_MARKUP = /comment|reply|respon|kommentar|sidebar|widget|related|footer/i

export interface PageDateInput {
  document: DateDocument
  /** Meta tags of the page by lower-cased property, name and itemprop. */
  meta: ReadonlyMap<string, string>
  /** JSON-LD values found on the page. */
  linkedData: { datePublished?: string; dateCreated?: string; dateModified?: string }
  url: string | null
  /** The page's source, for dates that scripts hold as JSON ("published_at": "…"). */
  html?: string
  /** American month-first numeric dates (en-US pages). */
  monthFirst: boolean
  now: Date
  /** The page's `<h1>` elements in page order, when the caller has them already (else queried). */
  headings?: readonly DateElement[]
  /** The page's elements with a `datetime` attribute in page order, when the caller has them already (else queried). */
  dated?: readonly DateElement[]
}

/**
 * The publication date the page's markup states, or null. Read before Readability runs: it removes
 * the elements (bylines, date lines) that carry it.
 */
export function markupDate(input: PageDateInput): string | null {
  const ok = (d: string | null): string | null => plausible(d, input.now, '1995-01-01')
  const { meta, linkedData } = input
  let found: DateElement[] | undefined
  // Asked for only when the page's metadata does not settle the date (a large page has thousands).
  const elementsOf = (): DateElement[] =>
    (found ??= Array.from(input.document.querySelectorAll('time, [itemprop], abbr[title], [class], [id]')))
  const fromUrl = ok(urlDate(input.url))
  const lists: PageElements = {
    marked: elementsOf,
    gathered: () => found !== undefined,
    dated: () => input.dated ?? Array.from(input.document.querySelectorAll('[datetime]')),
  }
  let shown: string[] | undefined
  const shownOf = (): string[] => (shown ??= shownDates(elementsOf(), input))
  let underHeadline: string | null | undefined
  const headline = (): string | null => (underHeadline ??= ok(headlineDate(input.document, input.monthFirst, input.headings)))
  const local = (raw: string | null | undefined, d: string): string =>
    shownUpdate(d, input, shownOf) ?? localDay(raw, d, fromUrl, lists, input.monthFirst)
  const ldRaw = ok(dateValue(linkedData.datePublished)) ? linkedData.datePublished : linkedData.dateCreated
  const ld = ok(dateValue(ldRaw))
  for (const name of PUBLISHED_META) {
    const raw = meta.get(name)
    const read = ok(dateValue(raw, input.monthFirst))
    if (!read) continue
    const d = settleOrder(raw, read, input.html)
    // The meta tags and the JSON-LD (its publication or creation) state two days: the one the page
    // shows is the publication.
    const stated = [ld, ok(dateValue(linkedData.dateCreated))].filter((day): day is string => Boolean(day) && day !== d)
    const first = stated.length ? shownOf()[0] : undefined
    if (first && stated.includes(first)) return first
    const shownDay = headline()
    // Other publication tags state another day ("pubdate" and "DC.date.issued" disagree): the one
    // the date line under the headline shows.
    const named = PUBLISHED_META.map((other) => (other === name ? null : ok(dateValue(meta.get(other), input.monthFirst))))
    if (shownDay && shownDay !== d && (stated.includes(shownDay) || named.includes(shownDay))) return shownDay
    // A bare "date" names no event: content systems fill it with the day the page was generated or
    // last saved. Where the page's own date line shows another day near it, that line is the article's.
    if (GENERIC_META.has(name) && shownDay && shownDay !== d && daysApart(shownDay, d) <= 60) return shownDay
    return local(raw, d)
  }
  if (ld) return local(ldRaw, ld)
  // A video's or an image's upload day (schema.org uploadDate): the article's own date when it states none.
  const upload = ok(dateValue(meta.get('uploaddate'), input.monthFirst))
  if (upload) return local(meta.get('uploaddate'), upload)
  if (fromUrl) return fromUrl
  const elements = elementsOf()
  // Explicit markup of the publication first: itemprop=datePublished, <time pubdate>, <time datetime> outside comments.
  for (const el of elements) {
    const prop = el.getAttribute('itemprop')?.toLowerCase()
    if (prop === 'datepublished' || prop === 'datecreated') {
      const d = ok(dateValue(el.getAttribute('content') ?? el.getAttribute('datetime') ?? boundedText(el), input.monthFirst))
      if (d) return d
    }
  }
  const scripted = input.html ? SCRIPT_DATE.exec(input.html.length > 2_000_000 ? input.html.slice(0, 2_000_000) : input.html) : null
  const fromScript = ok(dateValue(scripted?.[1]))
  if (fromScript) return fromScript
  const scanned = elements.slice(0, 5000)
  // A machine-readable <time datetime> outside comments and side lists (the element's own markup or
  // its container's: a comment's <time> often has no class of its own).
  for (const el of scanned) {
    const time = el.getAttribute('datetime')
    if (!time || COMMENT_MARKUP.test(markupOf(el)) || inComments(el)) continue
    const d = ok(dateValue(time, input.monthFirst))
    if (d) return d
  }
  // The date line under the headline, before the page's other dated elements (teaser lists).
  if (headline()) return headline()
  for (const el of scanned) {
    const markup = markupOf(el)
    if (COMMENT_MARKUP.test(markup) || !DATE_MARKUP.test(markup)) continue
    const text = boundedText(el)
    if (text === null) continue
    const fromMarkup =
      ok(dateValue(el.getAttribute('title'), input.monthFirst)) ??
      ok(dateValue(el.getAttribute('content'), input.monthFirst)) ??
      ok(dateValue(text, input.monthFirst))
    if (fromMarkup) return fromMarkup
  }
  return null
}

const markupOf = (el: DateElement): string =>
  `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`

/** Whether one of an element's few nearest containers is marked as a comment, a sidebar or a footer. */
function inComments(el: DateElement): boolean {
  let at = el.parentNode
  for (let depth = 0; at && depth < 6; depth++, at = at.parentNode) {
    if (at.nodeType !== 1 || typeof at.getAttribute !== 'function') break
    if (COMMENT_MARKUP.test(markupOf(at))) return true
  }
  return false
}

const NOT_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG'])

/**
 * The date line under the page's headline: the first date in a short run of text (a line of its
 * own, not a sentence) among the first few hundred characters after the page's main <h1> (its
 * longest: a logo can be an <h1> too). A page prints its date there in any language and template.
 */
export function headlineDate(doc: DateDocument, monthFirst: boolean, headings?: readonly DateElement[]): string | null {
  let headline: DateElement | null = null
  let longest = 0
  for (const h of (headings ?? Array.from(doc.querySelectorAll('h1'))).slice(0, 5)) {
    const t = boundedText(h, 400)?.trim() ?? ''
    if (t.length > longest) [headline, longest] = [h, t.length]
  }
  if (!headline) return null
  const after = (n: DateElement | null | undefined): DateElement | null => {
    for (let at = n; at; at = at.parentNode) if (at.nextSibling) return at.nextSibling
    return null
  }
  let seen = 0
  let node = after(headline)
  for (let steps = 0; node && seen < 400 && steps < 3000; steps++) {
    if (node.nodeType === 3) {
      const t = (node.textContent ?? '').replace(/\s+/g, ' ').trim()
      seen += t.length
      if (t.length >= 6 && t.length <= 100 && /\d/.test(t)) {
        const found = findDates(t, { monthFirst, limit: 1 })[0]
        if (found) return found.date
      }
      node = after(node)
    } else if (
      node.nodeType === 1 &&
      node.firstChild &&
      !NOT_SHOWN.has(node.tagName ?? '') &&
      // Another heading is another title (a teaser's, a section's), unless it is a date and little else.
      !(/^H[1-6]$/i.test(node.tagName ?? '') && boundedText(node, 40) === null)
    )
      node = node.firstChild
    else node = after(node)
  }
  return null
}

/**
 * The page's metadata states a publication and a later edit, but the page shows its readers only
 * the edit: the first date line of the page is the modification day and no date line shows the
 * publication day (a page rewritten and re-dated, or a date line that reads "Updated …" alone).
 * The day the page shows is the one a reader sees and cites. Where the page shows both days
 * ("Published …", "Updated …"), the original publication stands.
 */
function shownUpdate(published: string, input: PageDateInput, shownOf: () => readonly string[]): string | null {
  const modified = modifiedDate(input)
  // An edit comes after the publication: an earlier "modified" day is another record's.
  if (!modified || modified <= published) return null
  const shown = shownOf()
  return shown[0] === modified && !shown.includes(published) ? modified : null
}

/** The dates the page's date lines show in its body (a `<time>`, an element marked as a date), in page order. */
function shownDates(elements: readonly DateElement[], input: PageDateInput, max = 25): string[] {
  const out: string[] = []
  for (const el of elements.slice(0, 5000)) {
    const tag = el.tagName?.toLowerCase()
    if (tag === 'meta' || tag === 'link' || tag === 'script') continue
    const datetime = el.getAttribute('datetime')
    const markup = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`
    if (!datetime && tag !== 'time' && !DATE_MARKUP.test(markup)) continue
    if (COMMENT_MARKUP.test(markup)) continue
    const text = boundedText(el)
    const d = plausible(
      dateValue(datetime, input.monthFirst) ?? (text === null ? null : dateValue(text, input.monthFirst)),
      input.now,
      '1995-01-01',
    )
    if (!d) continue
    out.push(d)
    if (out.length >= max) break
  }
  return out
}

/** A timestamp stated in UTC ("…T02:25:54Z", "+00:00", "GMT"): its day is Greenwich's, not the publisher's. */
const UTC_STAMP = /(?:\d[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)|\bGMT|\bUTC)\s*$/i
/** A machine-readable date and time, with its offset when it has one. */
const STAMP = /^((?:19|20)\d{2}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/

/** The page's elements that the markup date reads, each list gathered when first asked for. */
interface PageElements {
  /** Elements whose markup can mark a date (time, [itemprop], abbr[title], [class], [id]), in page order. */
  marked: () => readonly DateElement[]
  /** Whether `marked` has been gathered already. */
  gathered: () => boolean
  /** Elements with a `datetime` attribute, in page order. */
  dated: () => readonly DateElement[]
}

/**
 * The publisher's own day for a date read from a UTC timestamp. A page published in the evening in
 * the Americas or in the morning in Asia carries a UTC stamp of the next or the previous day. Where
 * the page states the same moment in its own time (a `<time>` element whose clock differs from the
 * stamp by a time zone's offset), or its URL's path writes the day one apart, that is the day its
 * readers saw. Without such a sign the stamp's day stands.
 */
function localDay(
  raw: string | null | undefined,
  day: string,
  fromUrl: string | null,
  elements: PageElements,
  monthFirst: boolean,
): string {
  if (!raw || !UTC_STAMP.test(raw.trim())) return day
  const instant = Date.parse(raw.trim().replace(/^(\d{4})(\d{2})(\d{2})T/, '$1-$2-$3T'))
  const t = Date.parse(`${day}T00:00:00Z`)
  const adjacent = (d: string): boolean => Math.abs(Date.parse(`${d}T00:00:00Z`) - t) === 86_400_000
  if (Number.isNaN(instant)) return day
  if (fromUrl) {
    // The URL's day one apart only where a zone could make it so (UTC−10 to UTC+12).
    const hour = new Date(instant).getUTCHours()
    const t2 = Date.parse(`${fromUrl}T00:00:00Z`)
    return (t2 < t && hour < 10) || (t2 > t && hour >= 12) ? (adjacent(fromUrl) ? fromUrl : day) : day
  }
  // Only an element with a stamp of the adjacent day can settle it: where the page has none at all,
  // the page's thousands of marked elements need not be gathered.
  const stamped = (): boolean =>
    elements.dated().some((el) => {
      const m = STAMP.exec(el.getAttribute('datetime')?.trim() ?? '')
      return m !== null && adjacent(m[1] as string)
    })
  const candidates = elements.gathered() || stamped() ? elements.marked().slice(0, 5000) : []
  for (const el of candidates) {
    const m = STAMP.exec(el.getAttribute('datetime')?.trim() ?? '')
    if (!m || !adjacent(m[1] as string)) continue
    const clock = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z`)
    const sameMoment = m[5]
      ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${m[5] === 'Z' ? 'Z' : m[5]}`) === instant
      : // No offset: the same moment in some zone differs by whole quarter hours, within 14 hours.
        Math.abs(clock - instant) <= 14 * 3_600_000 && (clock - instant) % 900_000 === 0 && (m[4] !== undefined || clock % 60_000 === 0)
    if (sameMoment) return m[1] as string
  }
  // A stamp at exactly 21:00, 22:00 or 23:00 UTC is midnight of the next day from UTC+1 to UTC+3:
  // a day stored as a date by a publisher east of Greenwich and written out in UTC. Not on en-US
  // pages, whose evening stamps are the same day.
  if (!monthFirst && /T2[123]:00(?::00(?:\.0+)?)?\s*(?:Z|[+-]00:?00)$/i.test(raw.trim())) {
    return new Date(t + 86_400_000).toISOString().slice(0, 10)
  }
  return day
}

/**
 * The date a page's text gives: the first date line near its top (a short line that is mostly a
 * date: "Datum: 18.10.2021", "January 18, 2020", "02.11.2022 - …"), else the date it writes most
 * often (the first written breaks ties). A date inside a sentence of the text is as often an event
 * it reports as the day it was written; a line of its own is the page dating itself.
 */
export function textDate(text: string, monthFirst: boolean, now: Date): string | null {
  for (const line of text.slice(0, 6000).split('\n').slice(0, 60)) {
    const t = line.trim()
    if (t.length > 50) continue
    const d = plausible(findDates(t, { monthFirst, limit: 1 })[0]?.date ?? null, now, '1995-01-01')
    if (d) return d
  }
  const counts = new Map<string, number>()
  // The first 30,000 characters: the date lines of a page sit near its top, and this runs on every page without one in its markup.
  for (const { date } of findDates(text.length > 30_000 ? text.slice(0, 30_000) : text, { monthFirst, limit: 200 })) {
    if (plausible(date, now, '1995-01-01')) counts.set(date, (counts.get(date) ?? 0) + 1)
  }
  let best: string | null = null
  for (const [date, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = date
  return best
}

/** The last modification the page states: a last resort. */
export function modifiedDate(input: Pick<PageDateInput, 'meta' | 'linkedData' | 'monthFirst' | 'now'>): string | null {
  const ok = (d: string | null): string | null => plausible(d, input.now, '1995-01-01')
  for (const name of MODIFIED_META) {
    const d = ok(dateValue(input.meta.get(name), input.monthFirst))
    if (d) return d
  }
  return ok(dateValue(input.linkedData.dateModified))
}

/** Runs of letters and digits counted as words; Chinese and Japanese, written without spaces, as a word per three characters. */
function lineWordCount(p: string): number {
  // The same lines are counted again and again (as prose, as a date line, as a neighbour): remember recent ones.
  let n = recentCounts.get(p)
  if (n === undefined) {
    const cjk = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(p)
      ? (p.match(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/gu) ?? []).length
      : 0
    n = (p.match(/[\p{L}\p{N}]+/gu) ?? []).length + Math.floor(cjk / 3)
    if (recentCounts.size >= 2048) recentCounts.clear()
    recentCounts.set(p, n)
  }
  return n
}
const recentCounts = new Map<string, number>()

/**
 * A line's shape: its letters and digits each folded to one mark, so that the entries of a list of
 * teasers ("Jane Roe 16/06/2020", "Agency 05/06/2020") read alike and a page's own date line
 * ("23/06/2020 16h45") stands apart.
 */
const lineShape = (p: string): string =>
  p
    .replace(/\p{L}+/gu, 'a')
    .replace(/\d+/g, '0')
    .replace(/\s+/g, ' ')
    .replace(/(?:a )+a/g, 'a')

/** A paragraph that opens with a date, its year followed by a space or a dash: "27.1.2022 – …", "4 March 2024: …". */
const OPENING_DATE = /^\P{L}?\d[^\p{L}]*?(?:\p{L}+\.?[^\p{L}]*?)?(?:19|20)\d{2}(?=\s|[-–—:|,])/u
/** A sentence's end in any script (Unicode's sentence terminals: . ! ? … 。 ։ । ؟), a closing quote after it at most. */
const SENTENCE_END = /[\p{STerm}…]["'”’»」)]*$/u
/** Prose: a paragraph of a text, not a menu, a teaser's headline or a date line. */
const isProse = (p: string | undefined): boolean =>
  p !== undefined && p.length >= 40 && (SENTENCE_END.test(p.slice(-4)) || p.length >= 200) && lineWordCount(p) >= 18

/** A line of a page copy that holds a date (or a relative time, `date` null), as `datelineOverLead` reads it. */
interface DatedLine {
  date: string | null
  /** Where the date starts in the line. */
  index: number
  words: number
  /** A caption or a sentence: it dates a photo or an event. */
  told: boolean
}

/**
 * The date line right over the lead of a page copy: a short line that is a date and little else
 * (its date at its start, or after a time of day, a weekday or a label of a few words), followed
 * within a few short lines (a share bar, a place, a category) by the article's first paragraph of
 * prose. A page prints its own date there in any language and template, and a copy of the whole
 * page keeps it where its headline may be hard to tell from a teaser's.
 *
 * Searched down from `anchor` (the headline, or where the article starts), 40 lines deep: the
 * first dated line of its own decides. Over the lead, its date is the article's, and so is the date
 * a lead opens with ("27.1.2022 – …"); any other first dated line (a byline with its date at the
 * end, "16 hours ago", a caption, a sentence, a labelled "published … updated …" line, a date over a
 * picture) leaves the page to the other rules (null). Where the lead comes right under the headline
 * with no dated line between, a date line just above the headline is the article's. The dated
 * entries of a list of teasers, a ticker or comments are passed over: a line whose shape two other
 * lines nearby repeat is one of many. So is a date inside a longer line (a teaser's headline).
 */
export function datelineOverLead(paragraphs: readonly string[], anchor: number, monthFirst: boolean, now: Date): string | null {
  const at = Math.max(0, anchor)
  const seen = new Map<number, DatedLine | null>()
  const shapes = new Map<number, string>()
  const shapeOf = (i: number): string => {
    let shape = shapes.get(i)
    if (shape === undefined) shapes.set(i, (shape = lineShape(asciiDigits(paragraphs[i] as string))))
    return shape
  }
  const dated = (i: number): DatedLine | null => {
    let line = seen.get(i)
    if (line === undefined) seen.set(i, (line = datedLine(i)))
    return line
  }
  const datedLine = (i: number): DatedLine | null => {
    // Digits of any script ("١ / ١٢ / ٢٠٢٠") as ASCII digits.
    const p = asciiDigits(paragraphs[i] as string)
    if (!/\d/.test(p)) return null
    // A byline's "16 hours ago" dates the article as a date line would, but names no day (looked
    // for only in a short line with a number that is not a clock time's or a date's).
    const found =
      // (In a longer line, only a date at its start counts: the first few words are read.)
      findDates(p.slice(0, p.length > 120 ? 60 : 200), { limit: 1, monthFirst })[0] ??
      (p.length <= 100 && /(?<![\d:./,])\d{1,3}(?![\d:./,]?\d)/.test(p) && lineWordCount(p) <= 12
        ? { ...(findRelativeTime(p) ?? { index: -1 }), date: null }
        : undefined)
    if (!found || found.index < 0 || (found.date !== null && !plausible(found.date, now, '1995-01-01'))) return null
    const n = lineWordCount(p)
    // A date inside a longer line is a headline's ("… (2020/7/11)") or an event's; one that opens
    // its paragraph is a dateline, one after a short label a date line ("Published: …, updated: …").
    if ((n > 12 || p.length > 120) && lineWordCount(p.slice(0, found.index)) > 3) return null
    if (n > 20 && found.index > 3) return null
    const shape = shapeOf(i)
    let alike = 0
    for (let j = Math.max(0, i - 8); j <= Math.min(paragraphs.length - 1, i + 8); j++)
      // A list's entries are of a length: a much longer or shorter line is not one of them.
      if (j !== i && Math.abs((paragraphs[j] as string).length - p.length) <= 40 && shapeOf(j) === shape) alike++
    if (alike >= 2) return null
    // A caption or a sentence ("On 12 March the pier was closed.") dates an event or a photo: it
    // stops the search as a dated line, but is no date line.
    // (Slashes between the numbers of a date, "1 / 12 / 2023", are no credit's.)
    const told =
      isCaption(p.replace(/(\d)\s\/\s(?=\d)/g, '$1/'), n) || (n >= 5 && SENTENCE_END.test(p.slice(-4)) && !/\d[:.]\d{2}\b/.test(p))
    return { ...found, words: n, told }
  }
  // A date line: the date first (up to a dozen words after it), or after a short label, a time of
  // day or a weekday.
  const dateline = (found: DatedLine): boolean =>
    found.date !== null && !found.told && found.words <= (found.index <= 2 ? 12 : 9) && (found.index <= 24 || found.words <= 4)
  const overProse = (i: number): boolean => {
    for (let j = i + 1; j <= Math.min(paragraphs.length - 1, i + 5); j++) {
      const q = paragraphs[j] as string
      if (isProse(q)) return true
      // A standfirst (a sentence or two) may come between; a teaser's headline may not.
      if (lineWordCount(q) > 12 && !SENTENCE_END.test(q.slice(-4))) return false
    }
    return false
  }
  for (let i = at; i < Math.min(paragraphs.length, at + 40); i++) {
    const found = dated(i)
    if (!found) {
      // The lead reached with no date line under the headline: the page prints it just above the
      // headline, if anywhere near ("4 February 2022, 15:29", the headline, the lead). Not where a
      // date line follows a standfirst.
      const standfirst = (): boolean =>
        [1, 2, 3].some((d) => {
          const next = i + d < paragraphs.length ? dated(i + d) : null
          return next !== null && dateline(next)
        })
      if (i > at && i - at <= 6 && isProse(paragraphs[i]) && !standfirst()) {
        for (let k = at - 1; k >= Math.max(0, at - 6); k--) {
          const above = dated(k)
          if (above) return dateline(above) ? above.date : null
        }
      }
      continue
    }
    // A lead that opens with its date ("27.1.2022 – The council …") is dated as by a line of its own
    // (not a teaser's text run into its date: "06.03.2016Plan your route…").
    if (found.date !== null && found.index <= 1 && isProse(paragraphs[i]) && OPENING_DATE.test(paragraphs[i] as string)) return found.date
    return dateline(found) && overProse(i) ? found.date : null
  }
  return null
}
