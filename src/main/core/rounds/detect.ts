import type { RoundRole } from '../../../shared/model'
import { compatible, describeDate, edtf, isExact, precision, type EventDate } from './dates'
import { articleEvents, type ArticleEvents, type DetectArticle, type EventMention } from './mentions'

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
  people: Map<string, string> // surname → full name
  vector: Vector
  reports: Array<{ event: ArticleEvents; mention: EventMention; article: DetectArticle }>
  recalls: Array<{ mention: EventMention; article: DetectArticle; datedBy: boolean }>
}

const surname = (name: string): string => (name.split(' ').at(-1) as string).toLowerCase()
const sameVenue = (a: string | null, b: string | null): boolean => a !== null && b !== null && a.toLowerCase() === b.toLowerCase()
const venueConflict = (a: string | null, b: string | null): boolean => a !== null && b !== null && !sameVenue(a, b)

function vectorOf(words: string[], idf: Map<string, number>): Vector {
  const v: Vector = new Map()
  for (const w of words) v.set(w, (v.get(w) ?? 0) + (idf.get(w) ?? 0))
  return v
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (const [k, x] of a) {
    na += x * x
    dot += x * (b.get(k) ?? 0)
  }
  for (const x of b.values()) nb += x * x
  return na && nb ? dot / Math.sqrt(na * nb) : 0
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
  /** Day number (or VAGUE) → lower-cased venue ('' when unknown) → rounds. */
  private readonly places = new Map<number, Map<string, Cluster[]>>()

  add(cluster: Cluster): void {
    this.all.push(cluster)
    this.place(cluster)
  }

  /** Changes a round's date or venue, keeping the index right. */
  move(cluster: Cluster, date: EventDate, venue: string | null): void {
    if (date === cluster.date && venue === cluster.venue) return
    const list = this.places.get(dayKey(cluster.date))?.get(venueKey(cluster.venue)) as Cluster[]
    list.splice(list.indexOf(cluster), 1)
    cluster.date = date
    cluster.venue = venue
    this.place(cluster)
  }

  /** Every round that can match a mention of `date` at `venue`, and possibly some that cannot: callers still check. */
  candidates(date: EventDate, venue: string | null): Cluster[] {
    const days = isExact(date)
      ? [VAGUE, dayIndex(date) - 2, dayIndex(date) - 1, dayIndex(date), dayIndex(date) + 1, dayIndex(date) + 2]
      : [...this.places.keys()]
    const out: Cluster[] = []
    for (const day of days) {
      const venues = this.places.get(day)
      if (!venues) continue
      if (venue === null) for (const list of venues.values()) out.push(...list)
      else {
        out.push(...(venues.get('') ?? []))
        const key = venueKey(venue)
        if (key !== '') out.push(...(venues.get(key) ?? []))
      }
    }
    return out
  }

  private place(cluster: Cluster): void {
    const day = dayKey(cluster.date)
    let venues = this.places.get(day)
    if (!venues) this.places.set(day, (venues = new Map()))
    const key = venueKey(cluster.venue)
    const list = venues.get(key)
    if (list) list.push(cluster)
    else venues.set(key, [cluster])
  }
}

const VAGUE = Number.NEGATIVE_INFINITY
const dayKey = (d: EventDate): number => (isExact(d) ? dayIndex(d) : VAGUE)
const venueKey = (v: string | null): string => (v === null ? '' : v.toLowerCase())

/** The better of two candidates: the higher score, and among equal scores the older round. */
const better = (best: { cluster: Cluster; score: number } | null, cluster: Cluster, score: number): boolean =>
  !best || score > best.score || (score === best.score && cluster.order < best.cluster.order)

const moreExact = (a: EventDate, b: EventDate): EventDate => (precision(b) > precision(a) ? b : a)
const shared = (cluster: Cluster, people: string[]): string[] => people.filter((p) => cluster.people.has(surname(p)))
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

/** Detection as steps: it yields after each article in its long loops, so a caller can pause it. */
function* detectSteps(articles: DetectArticle[]): Generator<void, ProposedRound[]> {
  const events: Array<{ article: DetectArticle; event: ArticleEvents }> = []
  for (const a of articles) {
    events.push({ article: a, event: articleEvents(a) })
    yield
  }
  const df = new Map<string, number>()
  for (const { event } of events) for (const t of new Set(event.terms)) df.set(t, (df.get(t) ?? 0) + 1)
  const n = events.length
  // Words in nearly every article (the corpus's subject) tell rounds apart no better than stop words.
  const idf = new Map([...df].map(([t, d]) => [t, Math.max(0, Math.log((n + 1) / (d + 0.5)) - 0.2)]))

  const index = new Clusters()
  const clusters = index.all
  const ordered = events
    .filter((e) => e.event.main)
    .sort((a, b) => (a.article.published ?? '9999').localeCompare(b.article.published ?? '9999') || a.article.id - b.article.id)
  for (const { article, event } of ordered) {
    yield
    const main = event.main as EventMention
    const vector = vectorOf(event.terms, idf)
    let best: { cluster: Cluster; score: number } | null = null
    for (const c of index.candidates(main.date, main.venue)) {
      if (venueConflict(c.venue, main.venue) || !compatible(c.date, main.date)) continue
      const venueAgrees = sameVenue(c.venue, main.venue)
      const dayAgrees = isExact(c.date) && isExact(main.date)
      const people = shared(c, main.participants).length
      const similar = cosine(c.vector, vector)
      const ok = venueAgrees ? dayAgrees || people > 0 || similar >= 0.25 : dayAgrees && (people > 0 || similar >= 0.3)
      const score = (venueAgrees ? 2 : 0) + (dayAgrees ? 2 : 0) + people + similar
      if (ok && better(best, c, score)) best = { cluster: c, score }
    }
    const cluster: Cluster = best?.cluster ?? {
      order: clusters.length,
      venue: null,
      date: main.date,
      people: new Map(),
      vector: new Map(),
      reports: [],
      recalls: [],
    }
    if (!best) index.add(cluster)
    index.move(cluster, moreExact(cluster.date, main.date), cluster.venue ?? main.venue)
    for (const p of main.participants) if (!cluster.people.has(surname(p))) cluster.people.set(surname(p), p)
    add(cluster.vector, vector)
    cluster.reports.push({ event, mention: main, article })
  }

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
      let best: { cluster: Cluster; score: number } | null = null
      for (const c of index.candidates(m.date, m.venue)) {
        if (reports?.has(c)) continue
        if (venueConflict(c.venue, m.venue) || !compatible(c.date, m.date)) continue
        const people = shared(c, m.participants).length
        const dayAgrees = isExact(c.date) && isExact(m.date)
        const similar = cosine(c.vector, vector)
        const ok = sameVenue(c.venue, m.venue) ? people > 0 || dayAgrees || similar >= 0.05 : dayAgrees && people > 0
        const score = (sameVenue(c.venue, m.venue) ? 2 : 0) + (dayAgrees ? 2 : 0) + people + similar
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
      const datedBy = cluster.date.month === null && mention.date.month !== null && mention.date.day !== null
      if (datedBy) index.move(cluster, { ...mention.date, weekday: mention.date.weekday ?? cluster.date.weekday }, cluster.venue)
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

function describe(c: Cluster): ProposedRound {
  const count = c.reports.length
  const details: string[] = []
  const exact = c.reports.map((r) => r.mention.date).filter(isExact)
  if (exact.length > 1) {
    const days = exact.map((d) => Date.UTC(d.year as number, (d.month as number) - 1, d.day as number) / 86_400_000)
    const spread = Math.max(...days) - Math.min(...days)
    details.push(spread === 0 ? 'same date' : `dates agree within ${spread} day${spread === 1 ? '' : 's'}`)
  }
  const people = [...c.people.values()].filter(
    (p) => c.reports.filter((r) => r.mention.participants.some((q) => surname(q) === surname(p))).length > 1,
  )
  if (count > 1 && people.length) details.push(`shared participants: ${people.join(', ')}`)
  if (c.reports.some((r) => r.event.reference === null)) details.push('no publication date, so no year is assumed')
  const reasons = [
    `${count} article${count === 1 ? ' reports' : 's report'} a meeting${c.venue ? ` in ${c.venue}` : ''} on ${withDetails(describeDate(c.date), details)}.`,
    ...c.reports.map((r) => `“${r.article.title}” reports it in its lead: “${excerpt(r.article.body, r.mention)}”`),
    ...c.recalls.map(
      (r) => `“${r.article.title}” recalls it${r.datedBy ? ' and gives its date' : ''}: “${excerpt(r.article.body, r.mention)}”`,
    ),
  ]
  return {
    title: titleOf(c.venue, c.date),
    date: edtf(c.date),
    venue: c.venue,
    participants: [...c.people.values()],
    reasons,
    articles: [
      ...c.reports.map((r) => ({ articleId: r.article.id, role: 'reports' as const })),
      ...c.recalls.map((r) => ({ articleId: r.article.id, role: 'mentions' as const })),
    ],
  }
}
