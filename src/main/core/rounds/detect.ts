import type { RoundRole } from '../../../shared/model'
import { romanize } from '../claims/translit'
import { foldAccents } from '../text/terms'
import { compatible, describeDate, edtf, isExact, precision, type EventDate } from './dates'
import { articleEventSteps, type ArticleEvents, type DetectArticle, type EventMention } from './mentions'
import { cityLabel, cityNamed, cityKey as placeOf } from './gazetteer'
import { countryCode, isCountry, nameWordKey } from './places'

export type { DetectArticle } from './mentions'

/** A round detection proposes, with the articles that report or recall it and why. */
export interface ProposedRound {
  title: string
  /** EDTF (see dates.ts `edtf`), or null. */
  date: string | null
  venue: string | null
  participants: string[]
  reasons: string[]
  articles: Array<{ articleId: number; role: RoundRole }>
}

type Vector = Map<string, number>

interface Cluster {
  /** Creation order: among equal scores the older round wins, as it always has. */
  order: number
  venue: string | null
  date: EventDate
  /** First and last day (day numbers) its reports give, NaN while none gives a full date. */
  first: number
  last: number
  /** First and last day its reports other than previews give (NaN while none): the days the meeting was held. */
  heldFirst: number
  heldLast: number
  people: Map<string, string> // each name key (see `nameKeys`) → full name
  /**
   * The cities its reports name (place keys), by the language of each report, and those languages: a city
   * named in the same language as another city is another place; one named only in other languages
   * ("Genf", "Женева" beside "Geneva") says nothing either way.
   */
  cities: Map<string, Set<string>>
  languages: Set<string>
  /** Countries its reports name as where things happen (region codes: "Schweiz" is "Switzerland"), and the five-word runs of their quotations. */
  countries: Set<string>
  quotes: Set<string>
  vector: Vector
  /** Length of `vector`, kept as it grows (a round is compared with many reports). */
  norm: number
  /** `resolved`: the day an undated report's weekday or year-less date names among the round's days. */
  reports: Array<{ event: ArticleEvents; mention: EventMention; article: DetectArticle; resolved: EventDate | null; why: string[] }>
  recalls: Array<{ mention: EventMention; article: DetectArticle; datedBy: boolean }>
}

/**
 * A word of a person's name as compared. Declined Russian and Ukrainian names compare by their stem
 * ("Томаса Варги" is "Томас Варга"). Across scripts ("Варга" and "Varga", "Лавров" and "Lavrov",
 * "Керри" and "Kerry") the word compares in Latin letters, without accents and without its final vowels,
 * which declension and transliteration change. Two Latin names still compare whole ("Suprema" is not
 * "Supremo"): the stripped form is stored under one prefix and looked up under the other, so that only a
 * Cyrillic name finds a Latin one by it, and the other way round.
 */
function nameWord(word: string): { stored: string[]; looked: string[]; length: number } {
  const stem = nameWordKey(word)
  const latin = foldAccents(romanize(stem))
  const bare = latin.replace(/[aeiouy]+$/, '')
  const stripped = bare.length >= 3 ? bare : latin
  if (CYRILLIC.test(stem)) return { stored: [`c:${stripped}`], looked: [`c:${stripped}`, `l:${stripped}`], length: stem.length }
  return { stored: [latin, `l:${stripped}`], looked: [latin, `c:${stripped}`], length: stem.length }
}
const CYRILLIC = /\p{Script=Cyrillic}/u

/**
 * The words a person is known by: every word of the name but the first (a given name), so that
 * "Jan Olof Berg" and "Jan Olof", or "Anna Berg" and "Dr Anna Berg", are one person.
 */
const nameWords = (name: string): Array<ReturnType<typeof nameWord>> => {
  let known = nameWordsOf.get(name)
  if (!known) {
    const words = name.split(' ').map(nameWord)
    const rest = words.slice(1).filter((w) => w.length >= 3)
    known = rest.length ? rest : [words.at(-1) as ReturnType<typeof nameWord>]
    // Asked for every person of every round compared: a notebook's names are a few thousand.
    if (nameWordsOf.size > 50_000) nameWordsOf.clear()
    nameWordsOf.set(name, known)
  }
  return known
}
const nameWordsOf = new Map<string, Array<ReturnType<typeof nameWord>>>()
const knows = (people: Map<string, string>, name: string): boolean => nameWords(name).some((w) => w.looked.some((k) => people.has(k)))
const remember = (people: Map<string, string>, name: string): void => {
  for (const w of nameWords(name)) for (const k of w.stored) if (!people.has(k)) people.set(k, name)
}
/** A name word as written in any script, without accents or final vowels: "Анной", "Anna" → "ann". */
const looseWord = (word: string): string => {
  const latin = foldAccents(romanize(nameWordKey(word)))
  const bare = latin.replace(/[aeiouy]+$/, '')
  return bare.length >= 2 ? bare : latin
}
/**
 * People of `a` that `b` names in full, given name and surname alike, whatever the script ("Томас Варга" and
 * "Tomas Varga"): what reports in different languages share. A surname alone is not enough there: names of
 * institutions read as people share their common words ("Congresso Nacional", "Confederación Nacional").
 */
function namedInFull(a: Iterable<string>, b: Iterable<string>): number {
  const ends = (name: string): string | null => {
    const words = name.split(' ')
    // The last two words: a title may open the run in a language that capitalizes nouns ("Handelsminister Tomas Varga").
    return words.length >= 2 ? `${looseWord(words.at(-2) as string)} ${looseWord(words.at(-1) as string)}` : null
  }
  const theirs = new Set<string>()
  for (const q of b) {
    const k = ends(q)
    if (k) theirs.add(k)
  }
  const found = new Set<string>()
  for (const p of a) {
    const k = ends(p)
    if (k && theirs.has(k)) found.add(k)
  }
  return found.size
}

/** Whether two names are one person's (the same test as a round's people). */
export const samePerson = (a: string, b: string): boolean => {
  const people = new Map<string, string>()
  remember(people, b)
  return knows(people, a)
}
/** People two rounds both name (each person once, whichever words name them). */
const sharedPeople = (a: Map<string, string>, b: Map<string, string>): number => new Set([...a.values()].filter((p) => knows(b, p))).size
// Places compare by the city the gazetteer knows under that name in any language (Genf, Geneva,
// Женеве are one), else by their placeKey.
const sameVenue = (a: string | null, b: string | null): boolean => a !== null && b !== null && placeOf(a) === placeOf(b)
/** A city's place key, or null for no place or a country. */
const cityKey = (v: string | null): string | null => (v === null || isCountry(v) ? null : placeOf(v))
/** Region code of a country named (null for no place or a city). */
const codeOf = (v: string | null): string | null => (v === null ? null : countryCode(v))

/**
 * How a city named in a report of `language` stands to a round's cities: the same city (by the
 * gazetteer's id where it knows the names, so "Genf", "Женева" and "Geneva" are one); another one (a
 * city the round's reports in that language name, and not this one); a city named only in other
 * languages that the gazetteer does not know under both names ('foreign': no rule here can tell one
 * such city from two); or unknown (a side names no city; a country named for want of a city does not
 * contradict a city).
 */
type Relation = 'same' | 'other' | 'foreign' | 'unknown'
function cityRelation(cities: Map<string, Set<string>>, key: string | null, language: string): Relation {
  if (key === null || cities.size === 0) return 'unknown'
  for (const set of cities.values()) if (set.has(key)) return 'same'
  return cities.has(language) ? 'other' : 'foreign'
}
/** The same between two rounds: another city when both name cities in one language and none in common. */
function roundsRelation(a: Cluster, b: Cluster): Relation {
  if (a.cities.size === 0 || b.cities.size === 0) return 'unknown'
  let bothName = false
  for (const [language, set] of a.cities) {
    for (const key of set) for (const other of b.cities.values()) if (other.has(key)) return 'same'
    if (b.cities.has(language)) bothName = true
  }
  return bothName ? 'other' : 'foreign'
}
/**
 * Two reports in different languages that name their cities differently (a city the gazetteer does not
 * know under both names): the same day and two people both
 * name in full (the heads of the delegations) are one meeting; nothing less (their words differ anyway, and
 * a word two languages share, or the same minister at two meetings, would join any two cities).
 */
const sameMeetingAbroad = (dayAgrees: boolean, people: number, a: Iterable<string>, b: Iterable<string>): boolean =>
  dayAgrees && people >= 2 && namedInFull(a, b) >= 2
/** Reports in no language in common: their words and quotes cannot match, only their people and days. */
const foreign = (a: Set<string>, b: Set<string>): boolean => {
  for (const l of a) if (b.has(l)) return false
  return true
}
function addCity(cities: Map<string, Set<string>>, language: string, key: string): void {
  const set = cities.get(language)
  if (set) set.add(key)
  else cities.set(language, new Set([key]))
}

function vectorOf(words: string[], idf: Map<string, number>): Vector {
  const v: Vector = new Map()
  for (const w of words) v.set(w, (v.get(w) ?? 0) + (idf.get(w) ?? 0))
  return v
}

/** Cosine similarity of two vectors of known lengths, looking up the shorter one's words in the longer. */
function cosine(a: Vector, aNorm: number, b: Vector, bNorm: number): number {
  if (!aNorm || !bNorm) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [k, x] of small) {
    const y = large.get(k)
    if (y !== undefined) dot += x * y
  }
  return dot / (aNorm * bNorm)
}

function norm(v: Vector): number {
  let sum = 0
  for (const x of v.values()) sum += x * x
  return Math.sqrt(sum)
}

function add(into: Vector, from: Vector): void {
  for (const [k, x] of from) into.set(k, (into.get(k) ?? 0) + x)
}

const dayIndex = (d: EventDate): number => Math.round(Date.UTC(d.year as number, (d.month as number) - 1, d.day as number) / 86_400_000)

/**
 * The rounds found so far, by exact day and by venue: a mention is compared only with rounds it can
 * be compatible with (within two days of an exact date, or of unknown day; at its venue, or of
 * unknown venue), not with every round of the notebook (10,000 articles took 50 s, nearly all here).
 */
class Clusters {
  readonly all: Cluster[] = []
  /** The venue keys each round is indexed under (its cities, or '' for none), as last placed. */
  private readonly keysOf = new Map<Cluster, string[]>()
  /**
   * In a notebook of several languages, rounds by the name keys of their people: an undated report in another
   * language than a round's, naming its city otherwise, finds the round by the people both name.
   */
  private readonly byPerson = new Map<string, Set<Cluster>>()
  private readonly gone = new WeakSet<Cluster>()

  /**
   * `wide`: the notebook holds articles in several languages, whose names of one city differ: a dated
   * mention is compared with the rounds of its days at every venue (as one without a venue is), not only at its own.
   */
  constructor(private readonly wide = false) {}
  /** Day number (or VAGUE) → lower-cased venue ('' when unknown) → rounds; a round is under each day its reports cover. */
  private readonly places = new Map<number, Map<string, Cluster[]>>()
  /** Lower-cased venue ('' when unknown) → rounds, whatever their days: for dates without a full day. */
  private readonly venues = new Map<string, Set<Cluster>>()

  add(cluster: Cluster): void {
    this.all.push(cluster)
    this.place(cluster)
  }

  /** Changes a round's date, venue or days, keeping the index right. */
  move(cluster: Cluster, change: { date?: EventDate; venue?: string | null; first?: number; last?: number }): void {
    this.unplace(cluster)
    Object.assign(cluster, change)
    this.place(cluster)
  }

  /** Every round that can match a mention of `date` at `venue`, and possibly some that cannot: callers still check. */
  candidates(date: EventDate, venue: string | null): Cluster[] {
    const key = venueKey(venue)
    const wide = this.wide && key !== ''
    // A month and year: the days of that month. Less than that: any round at that venue (or of none).
    const days =
      date.year !== null && date.month !== null && date.day === null
        ? [VAGUE, ...monthDays(date.year, date.month)]
        : isExact(date)
          ? [VAGUE, ...around(dayIndex(date), 2)]
          : null
    if (!days) return key === '' ? this.all : [...(this.venues.get(key) ?? []), ...(this.venues.get('') ?? [])]
    const out = new Set<Cluster>()
    for (const day of days) {
      const venues = this.places.get(day)
      if (!venues) continue
      if (key === '' || wide) for (const list of venues.values()) for (const c of list) out.add(c)
      else {
        for (const c of venues.get('') ?? []) out.add(c)
        for (const c of venues.get(key) ?? []) out.add(c)
      }
    }
    return byOrder(out)
  }

  /** Rounds within `radius` days of a round's days, at its venue or of no known city (the round itself among them). */
  near(cluster: Cluster, radius: number): Cluster[] {
    const keys = this.keys(cluster)
    const out = new Set<Cluster>()
    for (let day = cluster.first - radius; day <= cluster.last + radius; day++) {
      const venues = this.places.get(day)
      if (!venues) continue
      if (keys.includes('') || this.wide) for (const list of venues.values()) for (const c of list) out.add(c)
      else for (const key of ['', ...keys]) for (const c of venues.get(key) ?? []) out.add(c)
    }
    return byOrder(out)
  }

  /** Takes a round out (joined into another). */
  remove(cluster: Cluster): void {
    this.unplace(cluster)
    this.keysOf.delete(cluster)
    this.gone.add(cluster)
    this.all.splice(this.all.indexOf(cluster), 1)
  }

  /** Files a round under the names of people it names (only in a notebook of several languages). */
  know(cluster: Cluster, names: Iterable<string>): void {
    if (!this.wide) return
    for (const name of names)
      for (const w of nameWords(name))
        for (const k of w.stored) {
          const set = this.byPerson.get(k)
          if (set) set.add(cluster)
          else this.byPerson.set(k, new Set([cluster]))
        }
  }

  /** Rounds that name one of these people, by any script (only in a notebook of several languages). */
  naming(names: string[]): Cluster[] {
    if (!this.wide) return []
    const out = new Set<Cluster>()
    for (const name of names)
      for (const w of nameWords(name))
        for (const k of w.looked) {
          const set = this.byPerson.get(k)
          // A name in hundreds of rounds (a minister at every meeting) does not say which: it keeps the work bounded.
          if (!set || set.size > MAX_NAMED) continue
          for (const c of set) if (!this.gone.has(c)) out.add(c)
        }
    return byOrder(out)
  }

  /** Rounds at this very venue (a city, not a country) with a report within `radius` days of `date`. */
  atVenue(date: EventDate, venue: string | null, radius: number): Cluster[] {
    const key = venueKey(venue)
    if (key === '' || !isExact(date)) return []
    const out = new Set<Cluster>()
    for (const day of around(dayIndex(date), radius)) for (const c of this.places.get(day)?.get(key) ?? []) out.add(c)
    return [...out]
  }

  private days(cluster: Cluster): number[] {
    if (Number.isNaN(cluster.first)) return [dayKey(cluster.date)]
    return Array.from({ length: cluster.last - cluster.first + 1 }, (_, i) => cluster.first + i)
  }

  /** The keys a round is indexed under: each city its reports name (in any language), or '' for none (a country stands for an unknown city). */
  private keys(cluster: Cluster): string[] {
    const keys = new Set<string>()
    for (const set of cluster.cities.values()) for (const k of set) keys.add(k)
    if (keys.size === 0) keys.add(venueKey(cluster.venue))
    return [...keys]
  }

  private place(cluster: Cluster): void {
    const keys = this.keys(cluster)
    this.keysOf.set(cluster, keys)
    for (const key of keys) {
      let atVenue = this.venues.get(key)
      if (!atVenue) this.venues.set(key, (atVenue = new Set()))
      atVenue.add(cluster)
    }
    for (const day of this.days(cluster)) {
      let venues = this.places.get(day)
      if (!venues) this.places.set(day, (venues = new Map()))
      for (const key of keys) {
        const list = venues.get(key)
        if (list) list.push(cluster)
        else venues.set(key, [cluster])
      }
    }
  }

  private unplace(cluster: Cluster): void {
    const keys = this.keysOf.get(cluster) ?? []
    for (const key of keys) this.venues.get(key)?.delete(cluster)
    for (const day of this.days(cluster))
      for (const key of keys) {
        const list = this.places.get(day)?.get(key)
        if (list) list.splice(list.indexOf(cluster), 1)
      }
  }
}

/** The day numbers of a month, and two days either side. */
const monthDays = (year: number, month: number): number[] => {
  const first = Math.round(Date.UTC(year, month - 1, 1) / 86_400_000)
  const next = Math.round(Date.UTC(year, month, 1) / 86_400_000)
  return Array.from({ length: next - first + 4 }, (_, i) => first - 2 + i)
}
const around = (day: number, radius: number): number[] => Array.from({ length: 2 * radius + 1 }, (_, i) => day - radius + i)

const VAGUE = Number.NEGATIVE_INFINITY
/** The most rounds a person may be named in for an undated report to be compared with them all (Clusters.naming). */
const MAX_NAMED = 200
/**
 * Rounds in creation order: which rounds a report or a round is compared with first must not depend on
 * which venue lists they were found in (a notebook of several languages looks at more lists), since
 * joining rounds one after another makes the order matter.
 */
const byOrder = (rounds: Set<Cluster>): Cluster[] => [...rounds].sort((a, b) => a.order - b.order)
/** Days between reports of one round that only shared evidence (place, people, words) can bridge. */
const NEAR = 7
/** Distinctive words an undated report must share with one report of a round to join it at its place. */
const SHARES = 6
/** The most days one round's reports may cover (a round of talks lasts days, at most a few weeks). */
const MAX_SPAN = 21

/** A round only previews tell of (every report announces a coming meeting). */
const previewsOnly = (c: Cluster): boolean => c.reports.every((r) => r.mention.coming === true)

/** Whether two rounds are one meeting: the rule a report meets to join a round, applied to rounds. */
function joinable(a: Cluster, b: Cluster): boolean {
  const relation = roundsRelation(a, b)
  if (relation === 'other') return false
  if (Math.max(a.last, b.last) - Math.min(a.first, b.first) > MAX_SPAN) return false
  const venueAgrees = relation === 'same'
  // Previews announce the meeting at their city that follows within a week (its day is not theirs): they
  // need share nothing more with its reports. The merge pass goes by day, so the first such round takes them.
  if (venueAgrees && previewsOnly(a) && !previewsOnly(b) && b.first >= a.last && b.first - a.last <= NEAR) return true
  const inCountry = (x: Cluster, y: Cluster): boolean => {
    const code = codeOf(x.venue)
    return code !== null && y.countries.has(code)
  }
  const placeAgrees = venueAgrees || inCountry(a, b) || inCountry(b, a)
  const gap = Math.max(0, Math.max(a.first, b.first) - Math.min(a.last, b.last))
  const dayAgrees = gap <= 2
  const people = sharedPeople(a.people, b.people)
  const [small, large] = a.quotes.size <= b.quotes.size ? [a.quotes, b.quotes] : [b.quotes, a.quotes]
  let quoted = false
  for (const q of small)
    if (large.has(q)) {
      quoted = true
      break
    }
  const similar = cosine(a.vector, a.norm, b.vector, b.norm)
  const content = people > 0 || quoted || similar >= 0.1
  if (relation === 'foreign') return sameMeetingAbroad(dayAgrees, people, a.people.values(), b.people.values())
  return placeAgrees
    ? (dayAgrees && (venueAgrees || content)) || (gap <= NEAR && content)
    : dayAgrees &&
        (quoted ||
          (people > 0 && similar >= 0.08) ||
          similar >= 0.2 ||
          (foreign(a.languages, b.languages) && sameMeetingAbroad(dayAgrees, people, a.people.values(), b.people.values())))
}

/**
 * Days before a round's first report and after its last that a date without its year may name (a
 * preview, a follow-up); a weekday alone, one day (three either side would let every weekday fit a
 * one-day round: the weekday would then be no evidence at all).
 */
const AROUND = 3
const AROUND_WEEKDAY = 1

/**
 * The day a date without its year (or a weekday alone) names among a round's days, give or take
 * AROUND days (a preview, a follow-up): the one nearest the round's days, or null when none fits.
 * A round with no full date fits any such date (null day: nothing to resolve).
 */
function dayAmong(
  c: Cluster,
  date: EventDate,
  dayOfRound = 1,
  aroundWeekday = AROUND_WEEKDAY,
  resumed = false,
): { fits: boolean; day: number | null } {
  if (Number.isNaN(c.first) || isExact(date)) return { fits: true, day: null }
  // The days the meeting's own reports give: a preview's day is the day it was written, not a day of the talks
  // (a "Thursday" between a Thursday preview and a Monday meeting is not the preview's Thursday).
  const [first, last] = Number.isNaN(c.heldFirst) ? [c.first, c.last] : [c.heldFirst, c.heldLast]
  if (date.day !== null && date.month !== null) {
    for (let d = first - AROUND; d <= last + AROUND; d++) {
      const at = new Date(d * 86_400_000)
      if (at.getUTCMonth() + 1 === date.month && at.getUTCDate() === date.day) return { fits: true, day: d }
    }
    return { fits: false, day: null }
  }
  if (date.weekday === null || date.month !== null) return { fits: true, day: null }
  let best: number | null = null
  // A report that counts the days of the talks ("their 15th day") tells of a day that many days after the
  // round began: its weekday may fall that much later than the round's reports.
  const span = Math.max(0, dayOfRound - 1)
  const gap = (d: number): number => (d < first ? first - d : d - span > last ? d - span - last : 0)
  // Talks resumed after a pause: the weekday is one of the round's later days (its last ones first), not of its first week.
  const end = resumed ? last : Math.min(last, first + 6)
  for (let d = first - aroundWeekday; d <= end + aroundWeekday + span; d++)
    if (
      (d + 4) % 7 === date.weekday &&
      gap(d) <= aroundWeekday &&
      (best === null || gap(d) < gap(best) || (resumed && gap(d) === gap(best)))
    )
      best = d
  return { fits: best !== null, day: best }
}
/** Widens the days a round's meeting was held to take in `first`..`last`. */
function hold(c: Cluster, first: number, last: number): void {
  if (!(first >= c.heldFirst)) c.heldFirst = first
  if (!(last <= c.heldLast)) c.heldLast = last
}

/** "Friday", "27 Feb": how an undated report named its day. */
const describeNamed = (d: EventDate): string =>
  describeDate(d)
    .replace(/^a /, '')
    .replace(/ \(.*\)$/, '')
const fromDay = (d: number): EventDate => {
  const at = new Date(d * 86_400_000)
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), weekday: at.getUTCDay() }
}

/** A round fits an article without a publication date if it is not older than the latest year the article writes. */
function yearFits(date: EventDate, event: ArticleEvents, latest: number): boolean {
  if (date.year === null || event.reference !== null) return true
  // Years an article writes are past or present ("the 2015 deal"), except plans (beyond every dated meeting).
  const written = event.years.filter((y) => y <= latest)
  return written.length === 0 || date.year >= Math.max(...written)
}
const dayKey = (d: EventDate): number => (isExact(d) ? dayIndex(d) : VAGUE)
// A country stands for an unknown city: its rounds are indexed with those of no venue, which every venue looks at.
const venueKey = (v: string | null): string => (v === null || isCountry(v) ? '' : placeOf(v))

/** The better of two candidates: the higher score, and among equal scores the older round. */
const better = (best: { cluster: Cluster; score: number } | null, cluster: Cluster, score: number): boolean =>
  !best || score > best.score || (score === best.score && cluster.order < best.cluster.order)

const moreExact = (a: EventDate, b: EventDate): EventDate => (precision(b) > precision(a) ? b : a)
const shared = (cluster: Cluster, people: string[]): string[] => [...new Set(people)].filter((p) => knows(cluster.people, p))
const excerpt = (body: string, m: EventMention): string => {
  const text = body.slice(m.start, m.end).replace(/\s+/g, ' ')
  return text.length > 160 ? `${text.slice(0, 157)}…` : text
}

/**
 * Groups the meetings articles report into rounds: reports that agree on the place, on the date
 * (± 2 days) and share people or distinctive words form one round; recalls link an article to a
 * round it does not report. Pure: the caller stores the result.
 *
 *   detectRounds([{ id: 1, title, outlet, published: '2025-03-01', body: 'GENEVA (Wire) - … held talks on Thursday …' }])
 *   → [{ title: 'Talks in Geneva, 2025-02-27', articles: [{ articleId: 1, role: 'reports' }], reasons: […] }]
 */
export function detectRounds(articles: DetectArticle[]): ProposedRound[] {
  const steps = detectSteps(articles)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * The same detection, giving the event loop a turn every 30 ms: on a large notebook it takes tens
 * of seconds, during which the app must go on answering (the bridge would otherwise time out).
 */
export async function detectRoundsAsync(articles: DetectArticle[], sliceMs = 30): Promise<ProposedRound[]> {
  const steps = detectSteps(articles)
  for (;;) {
    const start = performance.now()
    for (;;) {
      const step = steps.next()
      if (step.done) return step.value
      if (performance.now() - start >= sliceMs) break
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Detection as steps: it yields after each article in its long loops, and within an article's reading (a sentence, a piece of its text), so a caller can pause it. */
function* detectSteps(articles: DetectArticle[]): Generator<void, ProposedRound[]> {
  const events: Array<{ article: DetectArticle; event: ArticleEvents }> = []
  for (const a of articles) {
    // An article's reading yields too: one date-dense article was a step of ~0.2 s (issue 17, F4).
    events.push({ article: a, event: yield* articleEventSteps(a) })
    yield
  }
  const df = new Map<string, number>()
  for (const { event } of events) for (const t of new Set(event.terms)) df.set(t, (df.get(t) ?? 0) + 1)
  const n = events.length
  // Words in nearly every article (the corpus's subject) tell rounds apart no better than stop words.
  const idf = new Map([...df].map(([t, d]) => [t, Math.max(0, Math.log((n + 1) / (d + 0.5)) - 0.2)]))
  // Words a few articles share and the rest do not use: two reports of one meeting share several.
  const fewest = Math.max(3, Math.round(n * 0.02))
  const rareOf = new Map<ArticleEvents, Set<string>>()
  const rareTerms = (e: ArticleEvents): Set<string> => {
    let set = rareOf.get(e)
    if (!set) {
      set = new Set(
        e.terms.filter((t) => {
          const d = df.get(t) ?? 0
          // In a handful of articles every shared word is "rare": none counts there.
          return d >= 2 && d <= fewest && d <= n / 4 && !/^\d+$/.test(t)
        }),
      )
      rareOf.set(e, set)
    }
    return set
  }

  // Several languages: one city has several names, so dated reports look at every venue of their days.
  const index = new Clusters(new Set(events.map((e) => e.event.language)).size > 1)
  const clusters = index.all
  // In the order of the meetings' days (then undated ones): a round grows from its first reports.
  const dayOf = (e: ArticleEvents): number => (e.main && isExact(e.main.date) ? dayIndex(e.main.date) : Number.POSITIVE_INFINITY)
  const ordered = events
    .filter((e) => e.event.main)
    .sort(
      (a, b) =>
        dayOf(a.event) - dayOf(b.event) ||
        (a.article.published ?? '9999').localeCompare(b.article.published ?? '9999') ||
        a.article.id - b.article.id,
    )
  const latestYear = Math.max(0, ...ordered.map((e) => e.event.main?.date.year ?? 0))
  // Creation order of rounds (their count would repeat once joined rounds are taken out).
  let created = 0
  // Reports taken one by one can leave one meeting in two rounds (a preview and the day's reports
  // with too little in common, the one report that shares with both coming last): rounds at one
  // place, days apart, that share people, quotes or words are joined, earliest first.
  // It runs before the reports without a full date are placed, so that they are placed among whole
  // meetings (a preview's round and its meeting's, one meeting's first days and its last), and again at the end.
  function* joinRounds(): Generator<void> {
    const joined = new Set<Cluster>()
    for (const c of [...clusters].sort((a, b) => a.first - b.first || a.order - b.order)) {
      yield
      if (Number.isNaN(c.first) || joined.has(c)) continue
      for (const other of index.near(c, NEAR)) {
        if (other === c || Number.isNaN(other.first) || joined.has(other) || !joinable(c, other)) continue
        index.remove(other)
        joined.add(other)
        for (const [language, set] of other.cities) for (const k of set) addCity(c.cities, language, k)
        for (const l of other.languages) c.languages.add(l)
        const venue = c.venue === null || (isCountry(c.venue) && other.venue !== null && !isCountry(other.venue)) ? other.venue : c.venue
        index.move(c, {
          first: Math.min(c.first, other.first),
          last: Math.max(c.last, other.last),
          date: moreExact(c.date, other.date),
          venue,
        })
        c.reports.push(...other.reports)
        if (!Number.isNaN(other.heldFirst)) hold(c, other.heldFirst, other.heldLast)
        for (const [k, p] of other.people) if (!c.people.has(k)) c.people.set(k, p)
        index.know(c, other.people.values())
        for (const k of other.countries) c.countries.add(k)
        for (const q of other.quotes) c.quotes.add(q)
        add(c.vector, other.vector)
        c.norm = norm(c.vector)
      }
    }
  }

  let undatedYet = false
  for (const { article, event } of ordered) {
    yield
    const main = event.main as EventMention
    const vector = vectorOf(event.terms, idf)
    const vectorNorm = norm(vector)
    const day = isExact(main.date) ? dayIndex(main.date) : Number.NaN
    if (Number.isNaN(day) && !undatedYet) {
      undatedYet = true
      yield* joinRounds()
    }
    const countries = new Set(event.countries.map((k) => codeOf(k) ?? k.toLowerCase()))
    // A city the gazetteer knows is in its country: a report that names only the country ("w Szwajcarii") agrees
    // with a round at one of its cities, and a round named by its country with a report that names the city.
    const inCountry = main.venue !== null && !isCountry(main.venue) ? cityNamed(main.venue)?.country : undefined
    if (inCountry) countries.add(inCountry)
    const language = event.language
    const city = cityKey(main.venue)
    const country = codeOf(main.venue)
    let best: { cluster: Cluster; score: number; resolved: EventDate | null; why: string[] } | null = null
    let second = Number.NEGATIVE_INFINITY
    // Undated reports: how many dated rounds at its city its date fits, and the one it shares something with.
    let placeFits = 0
    let only: { cluster: Cluster; resolved: EventDate | null; why: string[] } | null = null
    const near = index.candidates(main.date, main.venue)
    const seen = new Set(near)
    // Talks resumed after a pause continue a round at their place begun up to MAX_SPAN days before.
    const reach = main.resumed ? MAX_SPAN : NEAR
    const consider = (c: Cluster): void => {
      if (seen.has(c)) return
      seen.add(c)
      near.push(c)
    }
    for (const c of index.atVenue(main.date, main.venue, reach)) consider(c)
    // Undated, in a notebook of several languages: the rounds that name its people, whatever their city's name.
    // Only for what the usual candidates cannot hold: a round that names its city otherwise (the rest was looked at, or does not fit).
    const viaNames = new Set<Cluster>()
    if (Number.isNaN(day) && main.participants.length >= 2)
      for (const c of index.naming(main.participants))
        if (!seen.has(c)) {
          viaNames.add(c)
          consider(c)
        }
    for (const c of near) {
      const relation = cityRelation(c.cities, city, language)
      if (relation === 'other' || (relation !== 'foreign' && viaNames.has(c))) continue
      // A city named otherwise in another language: only a round's full dates can tell the same day (below).
      if (relation === 'foreign' && Number.isNaN(c.first)) continue
      // The same city; or a country named by one side where the other names a city and that country.
      const venueAgrees = relation === 'same'
      const roundCountry = codeOf(c.venue)
      const countryAgrees =
        !venueAgrees &&
        ((country !== null && (c.countries.has(country) || country === roundCountry)) ||
          (roundCountry !== null && countries.has(roundCountry)))
      const placeAgrees = venueAgrees || countryAgrees
      const people = shared(c, main.participants).length
      const similar = cosine(c.vector, c.norm, vector, vectorNorm)
      // The same words quoted: the surest sign of one event reported twice.
      const quoted = event.quotes.some((q) => c.quotes.has(q))
      const content = people > 0 || quoted || similar >= 0.1
      let ok: boolean
      let shares = 0
      let sameCount = false
      let sameOrdinal = false
      let laterOrdinal = false
      let dayAgrees: boolean
      let resolved: EventDate | null = null
      let why: string[] = []
      if (!Number.isNaN(day) && !Number.isNaN(c.first)) {
        // Days apart from the days the round's reports already cover.
        const gap = day < c.first ? c.first - day : day > c.last ? day - c.last : 0
        if (Math.max(day, c.last) - Math.min(day, c.first) > MAX_SPAN) continue
        dayAgrees = gap <= 2
        // A round goes on for days: a report within a week of its last one, at its place, with its people,
        // its quotes or its words, continues it; two meetings at one place weeks apart stay two rounds.
        // Without a place in common, the same days and shared people, quotes or many words.
        // In another language than all the round's reports, words and quotes cannot match: the same day and two of
        // its people named in full are one meeting, whatever each language calls its city (sameMeetingAbroad). A report
        // that names only the country of the round's city, in a language none of its reports is in, has no words to share:
        // the same days are enough, as at the same city.
        const abroad = (): boolean => sameMeetingAbroad(dayAgrees, people, main.participants, c.people.values())
        ok =
          relation === 'foreign'
            ? abroad()
            : placeAgrees
              ? (dayAgrees && (venueAgrees || content || (countryAgrees && !c.languages.has(language)))) || (gap <= reach && content)
              : dayAgrees && (quoted || (people > 0 && similar >= 0.08) || similar >= 0.2 || (!c.languages.has(language) && abroad()))
      } else {
        // A date without its year, or none: only what it says must fit, and the years the article writes.
        // "The eighth round": a round whose reports number it alike is this one, and its weekday may then fall a
        // few days after them (the round went on). Another number is no evidence against it (a report of one
        // round may name only the round before it: "after the seventh round ended").
        const ordinal = event.roundOrdinal
        sameOrdinal = ordinal !== null && placeAgrees && c.reports.some((r) => r.event.roundOrdinal === ordinal)
        // A higher number than every one the round's reports name ("the eighth round" to a round its reports call the
        // seventh) tells of a later round: a report names the rounds before its own (or, a preview, its own), not after.
        laterOrdinal =
          ordinal !== null &&
          c.reports.every((r) => r.event.roundOrdinal === null || r.event.roundOrdinal < ordinal) &&
          c.reports.some((r) => r.event.roundOrdinal !== null)
        // A preview's weekday is the day it announces the meeting for: one of the days the meeting is held.
        const around = sameOrdinal ? AROUND : main.coming && main.dateKind === 'weekday' ? 0 : AROUND_WEEKDAY
        const among = dayAmong(c, main.date, main.dayOfRound, around, main.resumed === true)
        if (!among.fits || !yearFits(c.date, event, latestYear)) continue
        if (Number.isNaN(c.first) && !compatible(c.date, main.date)) continue
        // The day it names is among the round's days (or one a preview or follow-up tells of).
        dayAgrees = among.day !== null
        // A weekday alone fits a round every week, and the same people meet again: the same words quoted,
        // or at its place several words only a few articles use, shared with one of its reports, are needed.
        const mine = rareTerms(event)
        for (const r of c.reports) {
          let k = 0
          for (const t of rareTerms(r.event)) if (mine.has(t)) k++
          shares = Math.max(shares, k)
        }
        // Or at its place, on a day that fits, the same people: a date without its year found among
        // the round's days with one of them, a weekday with two (the heads of the delegations), or one and shared
        // words; or as many words in common as a dated report needs to join a round of its days without a place.
        const named = dayAgrees && main.dateKind === 'explicit'
        // "The first day of the talks ended on Tuesday" told by a dated report of the round as well: the same
        // day of the talks on the same weekday at its place (a weekday alone fits a round every week).
        const nth = main.dayOfRound
        sameCount =
          placeAgrees &&
          dayAgrees &&
          nth !== undefined &&
          main.date.weekday !== null &&
          c.reports.some((r) => {
            const when = r.resolved ?? r.mention.date
            return r.mention.dayOfRound === nth && isExact(when) && fromDay(dayIndex(when)).weekday === main.date.weekday
          })
        ok =
          sameCount ||
          (sameOrdinal && dayAgrees) ||
          (quoted && (placeAgrees || people > 0)) ||
          (placeAgrees && shares >= SHARES) ||
          (placeAgrees && dayAgrees && (people >= 2 || (people >= 1 && (named || shares >= 3)) || similar >= 0.2)) ||
          // A report that names no place at all: its day, one of the round's people and as many uncommon words as
          // an undated report needs at a place (a day of the week alone, or the words alone, would fit too many rounds).
          (main.venue === null && dayAgrees && people >= 1 && shares >= SHARES) ||
          // Talks resumed after a pause, at the round's place, on a weekday among its days, with one of its people.
          (main.resumed === true && placeAgrees && dayAgrees && people >= 1)
        // In another language, naming the city otherwise: its day among the round's days and two people named in full.
        if (relation === 'foreign') ok = sameMeetingAbroad(dayAgrees, people, main.participants, c.people.values())
        if (dayAgrees) resolved = fromDay(among.day as number)
        // What an undated report shares with the round, for its reason (only for a round it may join).
        const reasons = (): string[] =>
          [
            placeAgrees ? `the same place (${main.venue})` : '',
            resolved ? `its ${describeNamed(main.date)} is ${describeDate(resolved)}` : '',
            people ? `the same people (${shared(c, main.participants).join(', ')})` : '',
            quoted ? 'the same words quoted' : '',
            shares ? `${shares} uncommon words in common with one of its reports` : '',
            sameCount ? `the same day of the talks (day ${nth}) on the same weekday as one of its reports` : '',
            sameOrdinal ? `the same number of the round (${ordinal}) as one of its reports` : '',
          ].filter(Boolean)
        if (ok) why = reasons()
        // The only dated round at its city that its date can be: the same people, words or (a weekday) day are enough (below).
        if (venueAgrees && !Number.isNaN(c.first)) {
          placeFits++
          if (!ok && (people > 0 || similar >= 0.1 || dayAgrees))
            only = { cluster: c, resolved, why: [...reasons(), 'the only round at that place its date can be'] }
        }
      }
      const score =
        (venueAgrees ? 2 : countryAgrees ? 1 : 0) +
        (dayAgrees ? 2 : 0) +
        people +
        (quoted || sameCount || sameOrdinal ? 1 : 0) -
        (laterOrdinal ? 1 : 0) +
        similar +
        shares / 2
      if (!ok) continue
      if (!best || better(best, c, score)) {
        second = best?.score ?? second
        best = { cluster: c, score, resolved, why }
      } else second = Math.max(second, score)
    }
    // An article placed by no full date joins a round only if one round fits it clearly better than the others.
    if (best && Number.isNaN(day) && second > best.score - 0.5) best = null
    // A report without a full date at a city where the notebook has one dated round its date can be, sharing
    // people or words with it, reports that round (at a city of several rounds such evidence is no choice).
    if (!best && only && placeFits === 1) best = { ...only, score: 0 }
    const cluster: Cluster = best?.cluster ?? {
      order: created++,
      venue: null,
      date: main.date,
      first: Number.NaN,
      last: Number.NaN,
      heldFirst: Number.NaN,
      heldLast: Number.NaN,
      people: new Map(),
      cities: new Map(),
      languages: new Set(),
      countries: new Set(),
      quotes: new Set(),
      vector: new Map(),
      norm: 0,
      reports: [],
      recalls: [],
    }
    if (!best) index.add(cluster)
    if (city !== null) addCity(cluster.cities, language, city)
    cluster.languages.add(language)
    const venue = cluster.venue === null || (isCountry(cluster.venue) && main.venue && !isCountry(main.venue)) ? main.venue : cluster.venue
    index.move(cluster, {
      date: moreExact(cluster.date, main.date),
      venue,
      ...(Number.isNaN(day)
        ? {}
        : {
            first: Number.isNaN(cluster.first) ? day : Math.min(cluster.first, day),
            last: Number.isNaN(cluster.last) ? day : Math.max(cluster.last, day),
          }),
    })
    for (const p of main.participants) remember(cluster.people, p)
    index.know(cluster, main.participants)
    add(cluster.vector, vector)
    cluster.norm = norm(cluster.vector)
    for (const k of countries) cluster.countries.add(k)
    for (const q of event.quotes) cluster.quotes.add(q)
    cluster.reports.push({
      event,
      mention: main,
      article,
      resolved: best?.resolved ?? null,
      why: best && Number.isNaN(day) ? best.why : [],
    })
    const held = best?.resolved ?? main.date
    if (!main.coming && isExact(held)) hold(cluster, dayIndex(held), dayIndex(held))
  }

  // The last undated reports may have joined rounds the pass before them could not: once more.
  yield* joinRounds()

  // Recalls: each links its article to the best matching round it does not report.
  const leftovers: Array<{ mention: EventMention; article: DetectArticle }> = []
  const reportedBy = new Map<number, Set<Cluster>>()
  for (const c of clusters)
    for (const r of c.reports) {
      const set = reportedBy.get(r.article.id)
      if (set) set.add(c)
      else reportedBy.set(r.article.id, new Set([c]))
    }
  for (const { article, event } of events) {
    yield
    const reports = reportedBy.get(article.id)
    const links = new Map<Cluster, { mention: EventMention; score: number }>()
    for (const m of event.recalls) {
      const vector = vectorOf(m.terms, idf)
      const vectorNorm = norm(vector)
      let best: { cluster: Cluster; score: number } | null = null
      for (const c of index.candidates(m.date, m.venue)) {
        if (reports?.has(c)) continue
        const relation = cityRelation(c.cities, cityKey(m.venue), event.language)
        if (relation === 'other' || !compatible(c.date, m.date)) continue
        const place = relation === 'same' || (codeOf(m.venue) !== null && codeOf(m.venue) === codeOf(c.venue))
        const people = shared(c, m.participants).length
        const dayAgrees = isExact(c.date) && isExact(m.date)
        const similar = cosine(c.vector, c.norm, vector, vectorNorm)
        const ok = place ? people > 0 || dayAgrees || similar >= 0.05 : dayAgrees && people > 0
        const score = (place ? 2 : 0) + (dayAgrees ? 2 : 0) + people + similar
        if (ok && better(best, c, score)) best = { cluster: c, score }
      }
      if (!best) {
        leftovers.push({ mention: m, article })
        continue
      }
      const previous = links.get(best.cluster)
      if (!previous || best.score > previous.score) links.set(best.cluster, { mention: m, score: best.score })
    }
    for (const [cluster, { mention }] of links) {
      // A recall that names the day fills in a round whose reports only name a weekday.
      // Only a round that names its weekday, which the recalled day then matches: a round with no date at all
      // would take the day of whatever meeting at its place another article recalls.
      const recalledWeekday = isExact(mention.date) ? fromDay(dayIndex(mention.date)).weekday : mention.date.weekday
      const datedBy =
        cluster.date.month === null &&
        cluster.date.weekday !== null &&
        mention.date.month !== null &&
        mention.date.day !== null &&
        // "Thursday" is not dated by a recalled Friday (a meeting at the same place in another year).
        (recalledWeekday === null || recalledWeekday === cluster.date.weekday)
      if (datedBy) index.move(cluster, { date: { ...mention.date, weekday: mention.date.weekday ?? cluster.date.weekday } })
      cluster.recalls.push({ mention, article, datedBy })
    }
  }

  const proposals = clusters.map((c) => describe(c))
  // Meetings no article reports, recalled alike by several articles (same place, same day).
  const recalled: Array<Array<{ mention: EventMention; article: DetectArticle }>> = []
  for (const l of leftovers) {
    if (!l.mention.venue || l.mention.date.day === null) continue
    const group = recalled.find(
      (g) =>
        g.every((x) => x.article.id !== l.article.id) &&
        sameVenue(g[0]?.mention.venue ?? null, l.mention.venue) &&
        compatible(g[0]?.mention.date as EventDate, l.mention.date, 1),
    )
    if (group) group.push(l)
    else recalled.push([l])
  }
  for (const g of recalled.filter((x) => x.length >= 2)) {
    const first = g[0] as (typeof g)[number]
    const date = g.map((x) => x.mention.date).reduce(moreExact)
    proposals.push({
      title: titleOf(first.mention.venue, date),
      date: edtf(date),
      venue: first.mention.venue,
      participants: [...new Set(g.flatMap((x) => x.mention.participants))],
      reasons: [
        `No article reports it, but ${g.length} articles recall a meeting in ${first.mention.venue} on ${describeDate(date)}.`,
        ...g.map((x) => `“${x.article.title}” recalls it: “${excerpt(x.article.body, x.mention)}”`),
      ],
      articles: g.map((x) => ({ articleId: x.article.id, role: 'mentions' as const })),
    })
  }
  return proposals
}

function titleOf(venue: string | null, date: EventDate): string {
  const when = edtf(date) ? describeDate(date).replace(' (year unknown)', '') : null
  return [venue ? `Talks in ${venue}` : 'Talks', when].filter(Boolean).join(', ')
}

/** "27 Feb (year unknown)" + ["no publication date"] → "27 Feb (year unknown; no publication date)". */
const withDetails = (date: string, details: string[]): string =>
  !details.length ? date : date.endsWith(')') ? `${date.slice(0, -1)}; ${details.join('; ')})` : `${date} (${details.join('; ')})`

/** The day most reports give (the earliest of equally frequent ones): one report's slip does not move the round. */
function roundDate(c: Cluster): EventDate {
  const counts = new Map<number, { date: EventDate; n: number }>()
  const starts = new Map<number, number>()
  for (const r of c.reports) {
    const when = r.resolved ?? r.mention.date
    if (isExact(when)) {
      const day = dayIndex(when)
      // A day a report says the meeting took place counts more than a preview's or a publication day's.
      // Not a day talks resumed on after a pause: the round is known by its first days.
      const n = r.mention.dateKind !== null && !r.mention.coming && !r.mention.resumed ? 3 : 1
      const entry = counts.get(day)
      if (entry) entry.n += n
      else counts.set(day, { date: when, n })
      // A report that counts the days of the talks ("their 15th day") tells the round's first day, which names the round.
      const nth = r.mention.dayOfRound
      if (nth !== undefined && nth > 1) starts.set(day - (nth - 1), (starts.get(day - (nth - 1)) ?? 0) + 1)
    }
  }
  // The first day reports that count the days of the talks agree on (the earliest of equally frequent ones)
  // names the round, whatever day most reports give: a round is known by its first day.
  let start: { day: number; n: number } | null = null
  for (const [day, n] of starts) if (!start || n > start.n || (n === start.n && day < start.day)) start = { day, n }
  if (start) return fromDay(start.day)
  let best: { day: number; date: EventDate; n: number } | null = null
  for (const [day, { date, n }] of counts) if (!best || n > best.n || (n === best.n && day < best.day)) best = { day, date, n }
  return best?.date ?? c.date
}

/** The city most reports name (a country only when none names a city; the first of equally frequent ones). */
function roundVenue(c: Cluster): string | null {
  const counts = new Map<string, { name: string; n: number; city: boolean; forms: Map<string, number> }>()
  for (const r of c.reports) {
    const v = r.mention.venue
    if (!v) continue
    // A city as a reader looks it up, not in the case a sentence put it in ("Стамбулі" → "Стамбул").
    const form = isCountry(v) ? v : cityLabel(v)
    const entry = counts.get(placeOf(v))
    if (entry) {
      entry.n++
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1)
    } else counts.set(placeOf(v), { name: form, n: 1, city: !isCountry(v), forms: new Map([[form, 1]]) })
  }
  let best: { name: string; n: number; city: boolean; forms: Map<string, number> } | null = null
  for (const e of counts.values()) if (!best || (e.city && !best.city) || (e.city === best.city && e.n > best.n)) best = e
  if (!best) return c.venue
  // Reports in several languages, or in several cases, name one city several ways: the way most of them
  // write it, else the shortest (a nominative is rarely longer than its locative), else the first.
  let name = best.name
  for (const [form, n] of best.forms) {
    const m = best.forms.get(name) ?? 0
    if (n > m || (n === m && form.length < name.length)) name = form
  }
  return name
}

function describe(c: Cluster): ProposedRound {
  // Reports in publication order (they were grouped in the order of the meetings' days).
  c.reports.sort((a, b) => (a.article.published ?? '9999').localeCompare(b.article.published ?? '9999') || a.article.id - b.article.id)
  const date = roundDate(c)
  const venue = roundVenue(c)
  const count = c.reports.length
  const details: string[] = []
  const exact = c.reports.map((r) => r.mention.date).filter(isExact)
  if (exact.length > 1) {
    const days = exact.map((d) => Date.UTC(d.year as number, (d.month as number) - 1, d.day as number) / 86_400_000)
    const spread = Math.max(...days) - Math.min(...days)
    details.push(spread === 0 ? 'same date' : `dates agree within ${spread} day${spread === 1 ? '' : 's'}`)
  }
  const people = [...new Set(c.people.values())].filter(
    (p) => c.reports.filter((r) => r.mention.participants.some((q) => samePerson(q, p))).length > 1,
  )
  if (count > 1 && people.length) details.push(`shared participants: ${people.join(', ')}`)
  const quotedBy = new Map<string, number>()
  for (const r of c.reports) for (const q of r.event.quotes) quotedBy.set(q, (quotedBy.get(q) ?? 0) + 1)
  const sharedQuote = [...quotedBy].find(([, n]) => n > 1)?.[0]
  if (sharedQuote) details.push(`the same words quoted: “…${sharedQuote}…”`)
  if (c.reports.some((r) => (r.mention.dayOfRound ?? 0) > 1 && isExact(r.resolved ?? r.mention.date)))
    details.push('the first day of the talks, counted back from a report that numbers their days')
  if (c.reports.some((r) => r.event.reference === null)) details.push('no publication date, so no year is assumed')
  const reasons = [
    `${count} article${count === 1 ? ' reports' : 's report'} a meeting${venue ? ` in ${venue}` : ''} on ${withDetails(describeDate(date), details)}.`,
    ...c.reports.map((r) => `“${r.article.title}” reports it in its lead: “${excerpt(r.article.body, r.mention)}”`),
    // Why a report without a full date was placed in this round (its date alone does not say).
    ...c.reports
      .filter((r) => r.why.length)
      .map((r) => `“${r.article.title}” has no full date; it joins this round for ${r.why.join(', ')}.`),
    ...c.recalls.map(
      (r) => `“${r.article.title}” recalls it${r.datedBy ? ' and gives its date' : ''}: “${excerpt(r.article.body, r.mention)}”`,
    ),
  ]
  return {
    title: titleOf(venue, date),
    date: edtf(date),
    venue,
    participants: [...new Set(c.people.values())],
    reasons,
    articles: [
      ...c.reports.map((r) => ({ articleId: r.article.id, role: 'reports' as const })),
      ...c.recalls.map((r) => ({ articleId: r.article.id, role: 'mentions' as const })),
    ],
  }
}
