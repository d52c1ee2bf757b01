import type { QuoteCarrier, QuoteProvenance, QuoteReuse } from '../../../shared/contract-claims'
import { sharedQuotes, wordDiff } from '../rounds/quotes'
import { creditNames, creditOf } from './credits'

/** An article as quote provenance reads it; `id` is the import order (ids grow with each import). */
export interface CarrierArticle {
  id: number
  title: string
  outlet: string | null
  published: string | null
  body: string
}

/** How far into a body a publication time is looked for (the dateline and byline lines). */
const HEAD = 800
// "2025-02-27T09:12:00Z", "2025-02-27 09:12+03:00": an ISO moment whose day is the article's.
const ISO_MOMENT = /\b(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?\b/g
// "09:12 GMT", "9.12 UTC", "14:05 (UTC+3)" on one of the first lines: a wire's time stamp.
const CLOCK_ZONE = /(?<![\d:.])(\d{1,2})[:.](\d{2})\s*(?:\(?\s*)(GMT|UTC)(?:\s*([+-]\d{1,2})(?::?(\d{2}))?)?\)?/g

/**
 * The publication time an article's text gives, in minutes after midnight UTC of its published
 * day, with how it was written. Parley stores only the day, so the time is read from the text:
 * an ISO moment on that day, or a clock time with a zone near the top. Null when none is given.
 *
 *   publishedTime('Published 2025-02-27T09:12Z …', '2025-02-27') → { minutes: 552, label: '09:12 UTC' }
 */
export function publishedTime(body: string, published: string | null): { minutes: number; label: string } | null {
  if (!published) return null
  const head = body.slice(0, HEAD)
  const minutesOf = (h: number, m: number, offset: number): { minutes: number; label: string } | null => {
    if (h > 23 || m > 59) return null
    const utc = h * 60 + m - offset
    const label = `${String(Math.floor((((utc % 1440) + 1440) % 1440) / 60)).padStart(2, '0')}:${String(((utc % 60) + 60) % 60).padStart(2, '0')} UTC`
    return { minutes: utc, label }
  }
  ISO_MOMENT.lastIndex = 0
  for (let m = ISO_MOMENT.exec(head); m; m = ISO_MOMENT.exec(head)) {
    if (m[1] !== published || !m[4]) continue
    const zone = m[4]
    const offset = /^[+-]/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) : 0
    const t = minutesOf(Number(m[2]), Number(m[3]), offset)
    if (t) return t
  }
  CLOCK_ZONE.lastIndex = 0
  const clock = CLOCK_ZONE.exec(head)
  if (clock) {
    const sign = clock[4]?.startsWith('-') ? -1 : 1
    const offset = clock[4] ? sign * (Math.abs(Number(clock[4])) * 60 + Number(clock[5] ?? 0)) : 0
    return minutesOf(Number(clock[1]), Number(clock[2]), offset)
  }
  return null
}

type Timed = CarrierArticle & { time: { minutes: number; label: string } | null }

/** Carrier order: publication day (undated last), then the time the text gives when both give one, then import order. */
function carrierOrder(a: Timed, b: Timed): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1
    if (b.published === null) return -1
    return a.published < b.published ? -1 : 1
  }
  if (a.time && b.time && a.time.minutes !== b.time.minutes) return a.time.minutes - b.time.minutes
  return a.id - b.id
}

/** Articles in the order that decides who carried a quotation first, each with the time its text gives. */
export function inCarrierOrder<T extends CarrierArticle>(articles: T[]): Array<T & { time: { minutes: number; label: string } | null }> {
  return articles.map((a) => ({ ...a, time: publishedTime(a.body, a.published) })).sort(carrierOrder)
}

/** An outlet, else the article's title (cut to a readable length). */
const name = (a: CarrierArticle): string => a.outlet ?? `“${a.title.length > 60 ? `${a.title.slice(0, 59).trimEnd()}…` : a.title}”`

/** Why `a` comes before `b` in carrier order, in words: the dates, times, credit or import order compared. */
function before(a: Timed, b: Timed, credited: Map<number, number | null>, credits: Map<number, string>): string {
  if (a.published !== b.published) {
    if (b.published === null) return `${name(a)} is dated ${a.published}; ${name(b)} gives no publication date`
    return `${name(a)} published ${a.published}, before ${name(b)} on ${b.published}`
  }
  const day = a.published === null ? 'neither gives a publication date' : `both published ${a.published}`
  if (a.time && b.time && a.time.minutes !== b.time.minutes) return `${day}; ${name(a)} at ${a.time.label}, ${name(b)} at ${b.time.label}`
  if (credited.get(b.id) === a.id) return `${day}; ${name(b)} credits ${credits.get(b.id) ?? name(a)} for the words`
  const times = a.time && b.time ? 'at the same time' : 'no time known for both'
  return `${day}, ${times}; ${name(a)} was imported first (import order breaks the tie)`
}

function reuseOf(diff: QuoteCarrier['diff'], exact: boolean): QuoteReuse {
  if (exact) return 'same'
  const added = diff.some((d) => d.kind === 'added')
  const removed = diff.some((d) => d.kind === 'removed')
  return removed && !added ? 'trimmed' : added && !removed ? 'extended' : 'changed'
}

const REUSE_WORDS: Record<Exclude<QuoteReuse, 'first'>, string> = {
  same: 'the same words',
  trimmed: 'trimmed',
  extended: 'with words added',
  changed: 'with changed words',
}

/** What changed, in words: "dropped “fair”; added “a”". */
function drift(diff: QuoteCarrier['diff']): string {
  const removed = diff.filter((d) => d.kind === 'removed').map((d) => `“${d.text}”`)
  const added = diff.filter((d) => d.kind === 'added').map((d) => `“${d.text}”`)
  return [removed.length ? `dropped ${removed.join(', ')}` : '', added.length ? `added ${added.join(', ')}` : ''].filter(Boolean).join('; ')
}

/**
 * Quotations several of the articles carry, each with its first carrier (earliest publication
 * day, then the time the text gives, then a credit phrase naming another carrier's outlet, "told
 * Tidewire", then import order) and how every later carrier re-used the words (the same, trimmed,
 * with words added, changed), each place in the order with its reason.
 *
 *   quoteProvenance([daily, wire]) → [{ text, carriers: [{ outlet: 'Wire', reuse: 'first', why: 'first carrier: Wire published 2025-02-27, before Daily on 2025-02-28' }, { outlet: 'Daily', reuse: 'trimmed', … }] }]
 */
export function quoteProvenance(articles: CarrierArticle[]): QuoteProvenance[] {
  const ordered = inCarrierOrder(articles)
  const byId = new Map(ordered.map((a) => [a.id, a]))
  return sharedQuotes(ordered.map((a) => ({ articleId: a.id, body: a.body }))).map((g) => {
    // Who each carrier credits for the words, when that is another carrier of the quotation.
    const credits = new Map<number, string>()
    const credited = new Map<number, number | null>()
    for (const o of g.occurrences) {
      const a = byId.get(o.articleId) as Timed
      const credit = creditOf(a.body, o.start, o.end)
      if (!credit) continue
      const source = g.occurrences.find((x) => x.articleId !== o.articleId && creditNames(credit, byId.get(x.articleId)?.outlet ?? null))
      if (!source) continue
      credits.set(o.articleId, credit)
      credited.set(o.articleId, source.articleId)
    }
    const timed = (id: number): Timed => byId.get(id) as Timed
    const sameMoment = (x: Timed, y: Timed): boolean =>
      x.published === y.published && !(x.time && y.time && x.time.minutes !== y.time.minutes)
    // On the same day and time, the carrier another one credits comes first; the rest keeps carrier order.
    const occurrences = [...g.occurrences].sort((p, q) => {
      const x = timed(p.articleId)
      const y = timed(q.articleId)
      if (sameMoment(x, y)) {
        if (credited.get(y.id) === x.id) return -1
        if (credited.get(x.id) === y.id) return 1
      }
      return carrierOrder(x, y)
    })
    const firstOccurrence = occurrences[0] as (typeof occurrences)[number]
    const first = timed(firstOccurrence.articleId)
    const next = timed(occurrences[1]?.articleId as number)
    const others = occurrences.length - 2
    const carriers = occurrences.map((o, k): QuoteCarrier => {
      const a = timed(o.articleId)
      const diff = k === 0 ? [] : wordDiff(firstOccurrence.text, o.text)
      const reuse: QuoteReuse =
        k === 0
          ? 'first'
          : reuseOf(
              diff,
              diff.every((d) => d.kind === 'same'),
            )
      const why =
        k === 0
          ? `first carrier: ${before(a, next, credited, credits)}${others === 1 ? ', and before the other carrier' : others > 1 ? `, and before the ${others} other carriers` : ''}`
          : `re-used ${reuse === 'same' ? REUSE_WORDS.same : REUSE_WORDS[reuse as Exclude<QuoteReuse, 'first'>]}${reuse === 'same' ? '' : ` (${drift(diff)})`}: ${before(first, a, credited, credits)}`
      return {
        articleId: a.id,
        title: a.title,
        outlet: a.outlet,
        published: a.published,
        time: a.time?.label ?? null,
        start: o.start,
        end: o.end,
        text: o.text,
        reuse,
        diff,
        why,
      }
    })
    return { text: firstOccurrence.text, carriers }
  })
}
