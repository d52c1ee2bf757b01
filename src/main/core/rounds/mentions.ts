import { sentences } from '../text/sentences'
import { isStopWord, terms } from '../text/terms'
import { compatible, dateMentions, isoDay, latestFullDate, type DateKind, type EventDate } from './dates'

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
}

// Words that name a meeting. Weak ones ("met", "meeting") count only where two people are named.
const STRONG =
  /\b(?:talks|negotiations|consultations|summit|round of (?:talks|consultations|negotiations)|met with|meeting (?:with|between))\b/gi
const WEAK = /\b(?:met|meeting|discussions)\b/gi
const NOT_A_MEETING = /\b(?:in|into|for)\s+$/i // "in talks to buy", "entered into negotiations" say nothing of a meeting held
const FUTURE =
  /\b(?:will|would|could|should|may|might|shall|plans?|planned|planning|expected|next|upcoming|future|follow-up|another|approaching|soon|to (?:hold|meet|resume|start|begin|continue))\b/i
const CONNECTOR = /\b(?:after|before|following|followed|since|ahead of|than|while|preceded)\b/i

const MONTH_OR_DAY =
  /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/
// Words that make a capitalized run a title, an organization or a region rather than a person or a city.
const TITLES = new Set(
  'president vice prime minister ministers secretary deputy assistant under undersecretary foreign state senior ambassador envoy special spokesman spokeswoman spokesperson chancellor premier mr mrs ms dr sen rep gov governor mayor general chief head director commissioner chairman chairwoman chair leader king queen prince pope former acting interim consul counselor adviser advisor officer official officials lawmaker senator representative judge justice professor coach manager captain'.split(
    ' ',
  ),
)
const ORGS = new Set(
  'department ministry office house council committee agency union party times news post journal bank group court parliament congress senate assembly kremlin commission embassy consulate university institute association federation service services force forces army navy company corp inc ltd nations states republic kingdom airlines airways club city street square summit talks program programme festival cup league administration government cabinet foundation organization organisation treaty agreement accord alliance network press tribune herald daily weekly radio television tv channel centre center hospital school college museum police'.split(
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
  String.raw`\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:(?:${CAP}\s+)?(?:city|capital|town|port|resort|village)\s+of\s+)?(${CAP}(?:\s+${CAP})?)(?!['’]s)`,
  'gu',
)
const NAME_RUN = new RegExp(String.raw`${CAP}(?:\s+${CAP})*`, 'gu')
const DATELINE = /^\s*([A-Z][A-Z'’. -]{2,40}?)(?:,\s*([^:()\n]{1,40}?))?\s*(?:\([^)\n]{1,40}\))?\s*(?:[:—–]|--?)\s/

const tokens = (run: string): string[] => run.split(/\s+/)
const lower = (s: string): string => s.toLowerCase()
const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())

/** A capitalized run as a place name, or null if it reads as a title, organization or date. */
function asPlace(run: string): string | null {
  if (/['’]s$/.test(run)) return null
  const words = tokens(run)
  if (words.some((w) => MONTH_OR_DAY.test(w) || TITLES.has(lower(w)) || ORGS.has(lower(w)))) return null
  return run
}

/** The person name at the end of a capitalized run ("Deputy Foreign Minister Jane Roe" → "Jane Roe"), or null. */
function asPerson(run: string): string | null {
  const words = tokens(run).map((w) => w.replace(/['’]s$/, ''))
  let from = 0
  words.forEach((w, i) => {
    const l = lower(w)
    if (TITLES.has(l) || ORGS.has(l) || REGIONS.has(l) || MONTH_OR_DAY.test(w) || isStopWord(l) || l.length < 2) from = i + 1
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
export function dateline(body: string, ref: Date | null): Dateline | null {
  const m = DATELINE.exec(body.slice(0, 120))
  if (!m || !m[1]) return null
  const place = m[1].trim()
  if (NOT_A_DATELINE.test(place) || !/[A-Z]{3}/.test(place) || place.split(/\s+/).length > 4) return null
  const venue = asPlace(titleCase(place))
  if (!venue) return null
  const when = m[2] ? (dateMentions(m[2], ref)[0]?.date ?? null) : null
  return { venue, date: when, end: m[0].length }
}

interface Region {
  start: number
  end: number
  strong: boolean
  earlier: boolean
}

/** Meeting words of a sentence, merged into regions unless a connector ("after", "followed") separates them. */
function regions(text: string): Region[] {
  const hits: Array<{ start: number; end: number; strong: boolean }> = []
  for (const [re, strong] of [
    [STRONG, true],
    [WEAK, false],
  ] as const) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (NOT_A_MEETING.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
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
    if (last && !CONNECTOR.test(gap)) {
      last.end = h.end
      last.strong ||= h.strong
    } else out.push({ ...h, earlier: CONNECTOR.test(gap) && out.length > 0 })
    previousEnd = h.end
  }
  return out
}

const distance = (r: { start: number; end: number }, at: number): number => (at < r.start ? r.start - at : at > r.end ? at - r.end : 0)

function nearest<T extends { start: number; end: number }>(list: T[], at: number, max: number): T | null {
  let best: T | null = null
  for (const r of list) if (distance(r, at) <= max && (!best || distance(r, at) < distance(best, at))) best = r
  return best
}

/**
 * The meetings an article names, and which one it reports: the first past meeting in its lead
 * that is told as news (a weekday, "today", no date, or a date within a week of publication);
 * every other past meeting with a place or a date is a recall.
 */
export function articleEvents(article: DetectArticle): ArticleEvents {
  const { body } = article
  const published = isoDay(article.published)
  // Without a publication date, the latest complete date written in the text stands in for it.
  const ref = published ?? latestFullDate(body)
  const line = dateline(body, ref)
  const reference = published ? 'published' : ref ? 'text' : null
  const spans = sentences(body)
  const known = new Map<string, string>() // surname → full name, over the whole article
  const places = new Set<string>()
  for (const s of spans) {
    for (const m of s.text.matchAll(VENUE)) if (m[1] && asPlace(m[1])) places.add(m[1])
  }
  for (const s of spans) {
    for (const m of s.text.matchAll(NAME_RUN)) {
      const name = asPerson(m[0])
      if (name && !places.has(name)) known.set(lower(name.split(' ').at(-1) as string), name)
    }
  }
  if (line) places.add(line.venue)

  const mentions: EventMention[] = []
  const leadNames: string[] = []
  spans.forEach((s, index) => {
    const lead = index < 3
    const names: Array<{ name: string; at: number; written: boolean }> = []
    for (const m of s.text.matchAll(NAME_RUN)) {
      const full = asPerson(m[0])
      const single = tokens(m[0].replace(/['’]s$/, '')).at(-1) as string
      const name = full && !places.has(full) ? full : known.get(lower(single))
      if (name) names.push({ name, at: (m.index ?? 0) + m[0].length / 2, written: name === full })
    }
    // "met" or "meeting" alone is a meeting of people only when two people are named ("A and B met").
    const found = regions(s.text).filter((r) => r.strong || new Set(names.map((n) => n.name)).size >= 2)
    // "In attendance were A and B": people named in full in the lead took part ("the X administration" did not).
    if (lead && found.length === 0) leadNames.push(...names.filter((n) => n.written).map((n) => n.name))
    if (found.length === 0) return
    const dates = dateMentions(s.text, ref)
    const venues = [...s.text.matchAll(VENUE)].filter((m) => m[1] && asPlace(m[1]))
    for (const r of found) {
      const before = s.text.slice(Math.max(0, r.start - 60), r.start)
      const after = s.text.slice(r.end, r.end + 25)
      if (FUTURE.test(before) || FUTURE.test(after)) continue
      const mine = <T extends { at: number }>(list: T[], max: number): T[] => list.filter((x) => nearest(found, x.at, max) === r)
      const venue = mine(
        venues.map((v) => ({ v: v[1] as string, at: v.index ?? 0 })),
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
      }
      const myDates = mine(
        dates.map((d) => ({ ...d, at: d.start })),
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
  })

  const news = (m: EventMention): boolean => {
    if (m.earlier || !m.lead) return false
    if (m.dateKind === null || m.dateKind === 'weekday' || m.dateKind === 'relative') return true
    if (m.dateKind !== 'explicit' || !published || m.date.year === null) return false
    const at = Date.UTC(m.date.year, (m.date.month as number) - 1, m.date.day as number)
    return at <= published.getTime() + 86_400_000 && published.getTime() - at <= 7 * 86_400_000
  }
  const candidate = mentions.find((m) => news(m) && (m.venue || m.dateKind || m.participants.length))
  let main: EventMention | null = null
  const recalls: EventMention[] = []
  if (candidate) {
    main = { ...candidate, participants: [...new Set([...candidate.participants, ...leadNames])] }
    if (!main.venue && line) main.venue = line.venue
    if (!main.dateKind && line?.date) main.date = line.date
  }
  for (const m of mentions) {
    if (m === candidate || !main) {
      if (m !== candidate && (m.venue || m.date.month !== null)) recalls.push(m)
      continue
    }
    const sameVenue = m.venue === null || main.venue === null || m.venue === main.venue
    const adds = m.venue === null && m.dateKind === null
    const placesIt = main.venue === null && m.lead && m.dateKind === null
    if (!m.earlier && sameVenue && compatible(m.date, main.date) && (adds || placesIt || m.venue === main.venue)) {
      // People named where the same place is named (or in the lead) took part; others were only quoted.
      if (m.lead || m.venue !== null) main.participants = [...new Set([...main.participants, ...m.participants])]
      if (!main.venue) main.venue = m.venue
      if (!main.dateKind && m.dateKind) Object.assign(main, { date: m.date, dateKind: m.dateKind, dateSpan: m.dateSpan })
    } else if (m.venue || m.date.month !== null) recalls.push(m)
  }
  return { articleId: article.id, main, recalls, reference, terms: terms(`${article.title}\n${body}`) }
}
