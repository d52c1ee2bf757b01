import { parse } from 'chrono-node/en'
import { findDates } from '../articles/dates'
import { calendarPatterns, calendarWords } from './lexicon-dates'

/**
 * A date as far as the text tells it: any field may be unknown. "on Thursday" in an article
 * without a publication date is `{ weekday: 4 }`; "Feb. 27" is `{ month: 2, day: 27 }`.
 */
export interface EventDate {
  year: number | null
  month: number | null
  day: number | null
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number | null
}

/** How the text named the date: news style names days of the past week by weekday, older ones by date. */
export type DateKind = 'weekday' | 'relative' | 'explicit' | 'month'

export interface DateMention {
  start: number
  end: number
  text: string
  date: EventDate
  kind: DateKind
}

const DAY = 86_400_000

type Components = ReturnType<typeof parse>[number]['start']
/** The components the text stated (not those chrono implied from the reference instant). */
function certain(c: Components): { year?: number; month?: number; day?: number; weekday?: number } {
  const out: { year?: number; month?: number; day?: number; weekday?: number } = {}
  for (const k of ['year', 'month', 'day', 'weekday'] as const) if (c.isCertain(k)) out[k] = c.get(k) ?? undefined
  return out
}
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')
const WEEKDAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ')

const MONTH_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i
// chrono fills in years for relative words ("past few years"); only a year written as digits counts.
const writtenYear = (raw: string, year: number | undefined): number | null => (year !== undefined && /\b\d{4}\b/.test(raw) ? year : null)
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d))
const full = (d: Date): EventDate => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() })
export const isExact = (d: EventDate): boolean => d.year !== null && d.month !== null && d.day !== null

/** Parses an ISO date (YYYY-MM-DD) as a UTC day; null for anything else. */
export function isoDay(iso: string | null): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null
  return m ? utc(Number(m[1]), Number(m[2]), Number(m[3])) : null
}

// A date that is a plan, not the event: "scheduled for June", "postponed until May".
const NOT_THE_EVENT =
  /\b(?:scheduled|planned|set|due|postponed|delayed|moved|until|since|by|before)\s+(?:for\s+|to\s+|until\s+)?(?:on\s+|in\s+)?$/i
const RELATIVE = /\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening|week|month)|last\s+(?:night|week|month))\b/i

/**
 * Dates named in a text, resolved against `ref` (the publication date, or the latest complete
 * date of the text). Without a reference only what the words say is kept: no year is invented.
 *
 *   dateMentions("talks on Thursday", isoDay("2025-03-01")) → [{ text: "Thursday", date: 2025-02-27, kind: "weekday" }]
 */
export function dateMentions(text: string, ref: Date | null, options: { forward?: boolean; language?: string } = {}): DateMention[] {
  const out: DateMention[] = []
  // In another language the article's own calendar words are read first; chrono (English) adds what they do not cover.
  const own = options.language && options.language !== 'en' ? localMentions(text, ref, options.language, options.forward ?? false) : []
  out.push(...own)
  // chrono needs some instant; only the components it was told (knownValues) are used.
  for (const r of parse(text, { instant: new Date(Date.UTC(2000, 0, 1)) }, { forwardDate: false })) {
    const known = certain(r.start)
    let at = r.index
    let raw = r.text
    const lead = /^(?:on|in|at|late|early)\s+/i.exec(raw)
    if (lead) {
      at += lead[0].length
      raw = raw.slice(lead[0].length)
    }
    if (NOT_THE_EVENT.test(text.slice(Math.max(0, at - 30), at))) continue
    if (own.some((o) => o.start < at + raw.length && at < o.end)) continue
    const rel = RELATIVE.exec(raw)
    let date: EventDate
    let kind: DateKind
    if (rel) {
      kind = 'relative'
      date = ref ? relative(rel[0].toLowerCase(), ref) : { year: null, month: null, day: null, weekday: null }
    } else if (known.day !== undefined && known.month !== undefined && /\d/.test(raw)) {
      kind = 'explicit'
      date = monthDay(known.month, known.day, writtenYear(raw, known.year), ref)
    } else if (known.month !== undefined && known.day === undefined && MONTH_NAME.test(raw)) {
      kind = 'month'
      date = monthOnly(known.month, writtenYear(raw, known.year), ref)
    } else if (known.weekday !== undefined && known.day === undefined) {
      kind = 'weekday'
      date = ref
        ? options.forward
          ? weekdayFrom(known.weekday, ref)
          : weekdayBefore(known.weekday, ref, /\bnext\b/i.test(r.text))
        : { year: null, month: null, day: null, weekday: known.weekday }
    } else continue
    out.push({ start: at, end: at + raw.length, text: raw, date, kind })
  }
  return own.length ? out.sort((a, b) => a.start - b.start) : out
}

// A date that is a plan, not the event, in other languages: "geplant für", "prévu pour", "previsto para", "запланирован на", "until".
const NOT_THE_EVENT_LOCAL =
  /(?<![\p{L}])(?:geplant|vorgesehen|verschoben|bis|prévue?s?|reportée?s?|jusqu['’]|previst[oa]s?|aplazad[oa]s?|hasta|até|запланирован\p{L}*|перенесен\p{L}*|намечен\p{L}*|до|zaplanowan\p{L}*|do)\s+(?:für\s+|pour\s+|para\s+|per\s+|на\s+|au\s+|à\s+|el\s+|le\s+|il\s+|o\s+|on\s+|zum\s+|am\s+|im\s+|en\s+)?$/iu

const planned = (text: string, at: number): boolean => NOT_THE_EVENT_LOCAL.test(text.slice(Math.max(0, at - 30), at))

/** Dates in the calendar words of `language` (lexicon-dates.ts): day and month, weekdays, today and yesterday. */
function localMentions(text: string, ref: Date | null, language: string, forward: boolean): DateMention[] {
  const p = calendarPatterns(language)
  const words = calendarWords(language)
  if (!p || !words) return []
  const out: DateMention[] = []
  const taken = (start: number, end: number): boolean => out.some((o) => o.start < end && start < o.end)
  for (const m of text.matchAll(p.dayMonth)) {
    const month = words.months.get((m[2] as string).toLowerCase())
    const day = Number(m[1])
    if (!month || day < 1 || day > 31 || planned(text, m.index)) continue
    const date = monthDay(month, day, m[3] ? Number(m[3]) : null, ref)
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date, kind: 'explicit' })
  }
  if (p.numericMonth)
    for (const m of text.matchAll(p.numericMonth)) {
      const month = Number(m[2])
      const day = Number(m[3])
      if (month < 1 || month > 12 || day < 1 || day > 31 || taken(m.index, m.index + m[0].length)) continue
      const date = monthDay(month, day, m[1] ? Number(m[1]) : null, ref)
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date, kind: 'explicit' })
    }
  // "27日", "27일": a day of the month named alone, as Japanese, Korean and Chinese news dates its events.
  if (p.dayOnly)
    for (const m of text.matchAll(p.dayOnly)) {
      const day = Number(m[1])
      const end = m.index + m[0].length
      if (day < 1 || day > 31 || taken(m.index, end) || planned(text, m.index)) continue
      out.push({ start: m.index, end, text: m[0], date: dayAlone(day, ref, forward), kind: 'explicit' })
    }
  if (p.monthAlone)
    for (const m of text.matchAll(p.monthAlone)) {
      const month = words.fullMonths.get((m[1] as string).toLowerCase())
      const at = m.index + m[0].indexOf(m[1] as string)
      if (!month || taken(at, m.index + m[0].length)) continue
      if (planned(text, m.index)) continue
      const date = monthOnly(month, m[2] ? Number(m[2]) : null, ref)
      out.push({ start: at, end: m.index + m[0].length, text: text.slice(at, m.index + m[0].length), date, kind: 'month' })
    }
  for (const m of text.matchAll(p.weekday)) {
    const weekday = words.weekdays.get((m[1] as string).toLowerCase())
    if (weekday === undefined || taken(m.index, m.index + m[0].length) || planned(text, m.index)) continue
    const date = ref
      ? forward
        ? weekdayFrom(weekday, ref)
        : weekdayBefore(weekday, ref, false)
      : { year: null, month: null, day: null, weekday }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date, kind: 'weekday' })
  }
  if (p.relative)
    for (const m of text.matchAll(p.relative)) {
      const word = (m[1] as string).toLowerCase()
      const back = words.yesterday.includes(word) ? 1 : 0
      const date = ref ? full(new Date(ref.getTime() - back * DAY)) : { year: null, month: null, day: null, weekday: null }
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date, kind: 'relative' })
    }
  return out.sort((a, b) => a.start - b.start)
}

function relative(word: string, ref: Date): EventDate {
  if (/yesterday|last night/.test(word)) return full(new Date(ref.getTime() - DAY))
  if (/week/.test(word)) return { year: null, month: null, day: null, weekday: null }
  if (/last month/.test(word)) {
    const m = ref.getUTCMonth() === 0 ? 12 : ref.getUTCMonth()
    return { year: m === 12 ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear(), month: m, day: null, weekday: null }
  }
  if (/month/.test(word)) return { year: ref.getUTCFullYear(), month: ref.getUTCMonth() + 1, day: null, weekday: null }
  return full(ref)
}

/** News reports the past: a weekday is the latest such day on or before the reference ("next Monday" looks forward). */
function weekdayBefore(weekday: number, ref: Date, next: boolean): EventDate {
  const back = (ref.getUTCDay() - weekday + 7) % 7
  return full(new Date(ref.getTime() + (next ? (weekday - ref.getUTCDay() + 7) % 7 || 7 : -back) * DAY))
}

/** A coming event ("will meet on Saturday"): the first such day on or after the reference. */
function weekdayFrom(weekday: number, ref: Date): EventDate {
  return full(new Date(ref.getTime() + ((weekday - ref.getUTCDay() + 7) % 7) * DAY))
}

/** A month-day without a year is the latest one not more than two weeks after the reference. */
function monthDay(month: number, day: number, year: number | null, ref: Date | null): EventDate {
  if (year !== null) return full(utc(year, month, day))
  if (!ref) return { year: null, month, day, weekday: null }
  const same = utc(ref.getUTCFullYear(), month, day)
  return full(same.getTime() - ref.getTime() > 14 * DAY ? utc(ref.getUTCFullYear() - 1, month, day) : same)
}

/**
 * A day of the month without its month: the latest such day on or before the reference (on or after
 * it for a coming event), else the same day of the month before (after); unknown month and year without a reference.
 */
function dayAlone(day: number, ref: Date | null, forward: boolean): EventDate {
  if (!ref) return { year: null, month: null, day, weekday: null }
  const year = ref.getUTCFullYear()
  const month = ref.getUTCMonth() + 1
  const fits = (y: number, m: number): boolean => utc(y, m, day).getUTCDate() === day
  if (forward) {
    if (day >= ref.getUTCDate() && fits(year, month)) return full(utc(year, month, day))
    const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1]
    return fits(y, m) ? full(utc(y, m, day)) : { year: null, month: null, day, weekday: null }
  }
  if (day <= ref.getUTCDate()) return full(utc(year, month, day))
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1]
  return fits(y, m) ? full(utc(y, m, day)) : { year: null, month: null, day, weekday: null }
}

function monthOnly(month: number, year: number | null, ref: Date | null): EventDate {
  if (year !== null) return { year, month, day: null, weekday: null }
  if (!ref) return { year: null, month, day: null, weekday: null }
  return { year: month > ref.getUTCMonth() + 1 ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear(), month, day: null, weekday: null }
}

/** The latest complete date (day, month and year) written in a text: the reference when the article has no date. */
export function latestFullDate(text: string, language?: string): Date | null {
  let best: Date | null = null
  // Another language's full dates ("3. März 2025", "3 марта 2025 года", "2025年3月3日"): the import's multilingual reader.
  if (language && language !== 'en')
    for (const f of findDates(text, { limit: 200 })) {
      const d = isoDay(f.date)
      if (d && (!best || d > best)) best = d
    }
  for (const r of parse(text, { instant: new Date(Date.UTC(2000, 0, 1)) })) {
    const k = certain(r.start)
    if (
      k.year === undefined ||
      k.month === undefined ||
      k.day === undefined ||
      !/\b\d{4}\b/.test(r.text) ||
      !/\d{1,2}\b/.test(r.text.replace(/\b\d{4}\b/, ''))
    )
      continue
    const d = utc(k.year, k.month, k.day)
    if (!best || d > best) best = d
  }
  return best
}

/** Two partial dates can be the same day, give or take `slack` days. */
export function compatible(a: EventDate, b: EventDate, slack = 2): boolean {
  if (isExact(a) && isExact(b)) return Math.abs(dayNumber(a) - dayNumber(b)) <= slack * DAY
  if (a.year !== null && b.year !== null && a.year !== b.year) return false
  if (a.month !== null && b.month !== null && a.day !== null && b.day !== null) {
    // Month-days without a common year: compare within the year (leap days aside).
    const diff = Math.abs(utc(2001, a.month, a.day).getTime() - utc(2001, b.month, b.day).getTime())
    return Math.min(diff, 365 * DAY - diff) <= slack * DAY
  }
  if (a.month !== null && b.month !== null && a.month !== b.month) return false
  const wa = weekdayOf(a)
  const wb = weekdayOf(b)
  if (wa !== null && wb !== null) {
    const diff = Math.abs(wa - wb)
    return Math.min(diff, 7 - diff) <= slack
  }
  return true
}

const dayNumber = (d: EventDate): number => utc(d.year as number, d.month as number, d.day as number).getTime()
const weekdayOf = (d: EventDate): number | null =>
  isExact(d) ? utc(d.year as number, d.month as number, d.day as number).getUTCDay() : d.weekday

/** How much a date says: used to keep the most precise of several. */
export function precision(d: EventDate): number {
  return (d.year !== null ? 4 : 0) + (d.month !== null ? 2 : 0) + (d.day !== null ? 2 : 0) + (d.weekday !== null ? 1 : 0)
}

/** EDTF text: 2025-02-27, 2025-02, 2025, XXXX-02-27, XXXX-02; null when nothing beyond a weekday is known. */
export function edtf(d: EventDate): string | null {
  const y = d.year === null ? 'XXXX' : String(d.year).padStart(4, '0')
  const m = d.month === null ? null : String(d.month).padStart(2, '0')
  if (m === null) return d.year === null ? null : y
  return d.day === null ? `${y}-${m}` : `${y}-${m}-${String(d.day).padStart(2, '0')}`
}

/** Reads a stored EDTF date back. */
export function fromEdtf(text: string | null): EventDate {
  const m = text ? /^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text) : null
  if (!m) return { year: null, month: null, day: null, weekday: null }
  const date: EventDate = {
    year: m[1] === 'XXXX' ? null : Number(m[1]),
    month: m[2] ? Number(m[2]) : null,
    day: m[3] ? Number(m[3]) : null,
    weekday: null,
  }
  return isExact(date) ? full(utc(date.year as number, date.month as number, date.day as number)) : date
}

/** Words for a reason sentence: "2025-02-27", "27 Feb (year unknown)", "a Thursday (date unknown)". */
export function describeDate(d: EventDate): string {
  if (isExact(d)) return edtf(d) as string
  if (d.month !== null && d.day !== null) return `${d.day} ${MONTHS[d.month - 1]} (year unknown)`
  if (d.month !== null) return `${MONTHS[d.month - 1]} ${d.year ?? '(year unknown)'}`
  if (d.year !== null) return String(d.year)
  if (d.weekday !== null) return `a ${WEEKDAYS[d.weekday]} (date unknown)`
  return 'an unknown date'
}
