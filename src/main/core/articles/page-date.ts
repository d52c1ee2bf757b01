/**
 * A web page's publication date, in the order htmldate found to work across the web: the page's
 * own structured data (JSON-LD, meta tags, microdata), the URL's path, `<time>` elements, elements
 * whose markup says they hold a date (class, id or itemprop with "date", "time", "published"…), and
 * at last the dates written in the page's text. Modification dates only when nothing else says.
 */
import { findDates, isoDay, plausible } from './dates'

export interface DateElement {
  getAttribute(name: string): string | null
  textContent: string | null
  nodeType?: number
  childNodes?: ArrayLike<DateElement>
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
  'uploaddate',
  'date',
  'dc.date',
  'dcterms.date',
  'created',
  'release_date',
]
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified', 'dc.date.modified']

/** A date-bearing attribute or text value → YYYY-MM-DD: ISO at the start, else the first written date. */
export function dateValue(value: string | null | undefined, monthFirst = false): string | null {
  if (!value) return null
  const v = value.trim()
  const iso = /^((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:$|[T\s_])/.exec(v)
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  return findDates(v.slice(0, 200), { monthFirst, limit: 1 })[0]?.date ?? null
}

/** The date a URL's path carries: /2020/08/16/, /2020-08-16-, /20200816/. */
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
  return m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : null
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
}

/**
 * The publication date the page's markup states, or null. Read before Readability runs: it removes
 * the elements (bylines, date lines) that carry it.
 */
export function markupDate(input: PageDateInput): string | null {
  const ok = (d: string | null): string | null => plausible(d, input.now, '1995-01-01')
  const { meta, linkedData } = input
  for (const name of PUBLISHED_META) {
    const d = ok(dateValue(meta.get(name), input.monthFirst))
    if (d) return d
  }
  const ld = ok(dateValue(linkedData.datePublished)) ?? ok(dateValue(linkedData.dateCreated))
  if (ld) return ld
  const fromUrl = ok(urlDate(input.url))
  if (fromUrl) return fromUrl

  const elements = Array.from(input.document.querySelectorAll('time, [itemprop], abbr[title], [class], [id]'))
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
  for (const el of elements.slice(0, 5000)) {
    const markup = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`
    if (COMMENT_MARKUP.test(markup)) continue
    const time = el.getAttribute('datetime')
    if (time) {
      const d = ok(dateValue(time, input.monthFirst))
      if (d) return d
    }
    if (!DATE_MARKUP.test(markup)) continue
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

/** The date a text writes most often (the first written breaks ties), for pages whose markup says nothing. */
export function textDate(text: string, monthFirst: boolean, now: Date): string | null {
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
