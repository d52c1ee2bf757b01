/**
 * Day, month and weekday words of languages other than English, for round detection (issue 16).
 * English dates are read by chrono (dates.ts); this reads the same kinds of mention in the article's
 * own language: "am Donnerstag", "le 3 mars", "el jueves 3 de marzo de 2025", "3 марта", "в четверг",
 * "3月3日", "heute", "вчера".
 *
 * The names are not hand lists: they come from the runtime's ICU data (Intl.DateTimeFormat), in the
 * long, short and "day + month" forms (the last gives the genitive month of Russian, Ukrainian and
 * Polish: "марта", "березня", "marca"). The only hand-made forms are the accusative weekdays of those
 * three languages ("в среду", "у п'ятницю", "w środę"), which ICU does not give, and the words for
 * today and yesterday.
 */

/** The languages whose dates are read here (ISO 639-1, as text/language.ts answers). */
export const DATE_LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'tr', 'ar', 'zh'] as const

// A detector tells close languages apart badly on a short text (a two-sentence Russian report may come
// out as Bulgarian, Galician for Portuguese): a language is read with its neighbours' words too.
// Russian and Ukrainian share a script and much of their vocabulary, and their words never clash.
const GROUPS: Record<string, string[]> = {
  ru: ['ru', 'uk'],
  uk: ['uk', 'ru'],
  bg: ['ru', 'uk'],
  be: ['ru', 'uk'],
  mk: ['ru', 'uk'],
  sr: ['ru', 'uk'],
  kk: ['ru', 'uk'],
  gl: ['pt', 'es'],
  ca: ['es', 'fr'],
  af: ['nl'],
}

/** The languages whose words are read for a text detected as `language` (empty for English and unlisted ones). */
export function readingLanguages(language: string): string[] {
  return GROUPS[language] ?? ((DATE_LANGUAGES as readonly string[]).includes(language) ? [language] : [])
}

// Today / yesterday: the words a report uses for its own day and the day before.
const RELATIVE: Record<string, { today: string[]; yesterday: string[] }> = {
  de: { today: ['heute'], yesterday: ['gestern'] },
  fr: { today: ["aujourd'hui", 'aujourd’hui'], yesterday: ['hier'] },
  es: { today: ['hoy'], yesterday: ['ayer'] },
  it: { today: ['oggi'], yesterday: ['ieri'] },
  pt: { today: ['hoje'], yesterday: ['ontem'] },
  nl: { today: ['vandaag'], yesterday: ['gisteren'] },
  pl: { today: ['dziś', 'dzisiaj'], yesterday: ['wczoraj'] },
  ru: { today: ['сегодня'], yesterday: ['вчера'] },
  uk: { today: ['сьогодні'], yesterday: ['вчора', 'учора'] },
  tr: { today: ['bugün'], yesterday: ['dün'] },
  ar: { today: ['اليوم'], yesterday: ['أمس', 'الأمس'] },
  zh: { today: ['今天', '今日'], yesterday: ['昨天', '昨日'] },
}

export interface CalendarWords {
  /** Lower-cased month name (long, genitive, short without its dot) → 1–12. */
  months: Map<string, number>
  /** Full month names only (long, genitive, Russian prepositional "марте"): a month named alone ("im März 2025"). */
  fullMonths: Map<string, number>
  /** Lower-cased weekday name (and its accusative where the language has one) → 0 (Sunday)–6. */
  weekdays: Map<string, number>
  today: string[]
  yesterday: string[]
}

const cache = new Map<string, CalendarWords | null>()
const fmt = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })

/** The calendar words of a language, from ICU; null for English (chrono reads it) and for languages not listed. */
export function calendarWords(language: string): CalendarWords | null {
  if (cache.has(language)) return cache.get(language) ?? null
  const group = readingLanguages(language)
  let words: CalendarWords | null = null
  if (group.length === 1 && group[0] === language) words = ownWords(language)
  else if (group.length) {
    // A group: the union of its members' words.
    const parts = group.map(ownWords).filter((w): w is CalendarWords => w !== null)
    const merged: CalendarWords = { months: new Map(), fullMonths: new Map(), weekdays: new Map(), today: [], yesterday: [] }
    for (const p of parts) {
      for (const [k, v] of p.months) if (!merged.months.has(k)) merged.months.set(k, v)
      for (const [k, v] of p.fullMonths) if (!merged.fullMonths.has(k)) merged.fullMonths.set(k, v)
      for (const [k, v] of p.weekdays) if (!merged.weekdays.has(k)) merged.weekdays.set(k, v)
      merged.today.push(...p.today)
      merged.yesterday.push(...p.yesterday)
    }
    words = parts.length ? merged : null
  }
  cache.set(language, words)
  return words
}

/** One language's own calendar words, from ICU. */
function ownWords(language: string): CalendarWords | null {
  let words: CalendarWords | null = null
  if ((DATE_LANGUAGES as readonly string[]).includes(language)) {
    const months = new Map<string, number>()
    const weekdays = new Map<string, number>()
    const add = (map: Map<string, number>, name: string | undefined, n: number): void => {
      const key = name?.toLowerCase().replace(/\.$/, '').replace(/ʼ/g, '’')
      // Two-letter abbreviations ("Mo", "Di") are ordinary words of the language: only names of three letters and more.
      // Chinese words are two characters ("周四").
      if (!key || key.length < (/\p{Script=Han}/u.test(key) ? 2 : 3) || /^\d+$/.test(key) || map.has(key)) return
      map.set(key, n)
      // Ukrainian writes its apostrophe three ways: п'ятниця, п’ятниця, пʼятниця.
      if (key.includes('’')) map.set(key.replace(/’/g, "'"), n)
    }
    const fullMonths = new Map<string, number>()
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2024, m, 15))
      const long = fmt(language, { month: 'long' }).format(d)
      const genitive = fmt(language, { month: 'long', day: 'numeric' })
        .formatToParts(d)
        .find((p) => p.type === 'month')?.value
      add(fullMonths, long, m + 1)
      add(fullMonths, genitive, m + 1)
      // Russian names the month of an event in the prepositional: "в марте", "в мае" (from марта, мая).
      if (language === 'ru' && genitive) add(fullMonths, genitive.replace(/[ая]$/, 'е'), m + 1)
      add(months, long, m + 1)
      for (const month of ['long', 'short'] as const)
        add(
          months,
          fmt(language, { month, day: 'numeric' })
            .formatToParts(d)
            .find((p) => p.type === 'month')?.value,
          m + 1,
        )
    }
    for (let i = 0; i < 7; i++) {
      const d = new Date(Date.UTC(2024, 0, 7 + i)) // 7 January 2024 was a Sunday
      const name = fmt(language, { weekday: 'long' }).format(d)
      add(weekdays, name, i)
      const lower = name.toLowerCase()
      // Accusative of the feminine weekdays ("в среду", "у середу", "w środę"): what "on Wednesday" is in these languages.
      if (language === 'ru' || language === 'uk') add(weekdays, lower.replace(/а$/, 'у').replace(/я$/, 'ю'), i)
      if (language === 'pl') add(weekdays, lower.replace(/a$/, 'ę'), i)
      // "周四", "礼拜四": the other ways Chinese names the days.
      if (language === 'zh') for (const head of ['周', '礼拜']) add(weekdays, lower.replace(/^星期/, head), i)
    }
    words = { months, fullMonths, weekdays, today: RELATIVE[language]?.today ?? [], yesterday: RELATIVE[language]?.yesterday ?? [] }
  }
  return words
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// Longest first, so that "pazartesi" is read before "pazar" and "cumartesi" before "cuma".
const alternation = (names: Iterable<string>): string =>
  [...names]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')

export interface CalendarPatterns {
  /** "3 марта", "3. März 2025", "3 de marzo de 2025", "le 3 mars": groups day, month name, year. */
  dayMonth: RegExp
  /** "2025年3月3日", "3月3日" (Chinese): groups year, month, day. */
  numericMonth: RegExp | null
  /** "im März 2025", "en marzo de 2025", "в марте 2025 года": a month named with its preposition; groups month, year. */
  monthAlone: RegExp | null
  /** A weekday name: group 1. */
  weekday: RegExp
  /** Today or yesterday: group 1. */
  relative: RegExp | null
  /** A month name alone, to tell a place from a date word. */
  isCalendarWord: (word: string) => boolean
}

const patternCache = new Map<string, CalendarPatterns | null>()
// Letters, digits and the combining marks of scripts such as Arabic: what a word is made of.
export const B = String.raw`(?<![\p{L}\p{M}\p{N}])`
export const E = String.raw`(?![\p{L}\p{M}\p{N}])`

/** The patterns of a language's calendar words (null where calendarWords is null). Linear: alternations of fixed words. */
export function calendarPatterns(language: string): CalendarPatterns | null {
  if (patternCache.has(language)) return patternCache.get(language) ?? null
  const words = calendarWords(language)
  let out: CalendarPatterns | null = null
  if (words) {
    // Chinese writes words without spaces: no word boundaries there.
    const [b, e] = language === 'zh' ? ['', ''] : [B, E]
    const months = alternation(words.months.keys())
    const relative = [...words.today, ...words.yesterday]
    out = {
      dayMonth: new RegExp(
        String.raw`(?<!\d)(\d{1,2})(?:\.|º|er|ᵉʳ)?\s{0,2}(?:de\s+)?(${months})\.?${E}(?:,?\s{1,2}(?:de\s+|del\s+)?((?:19|20)\d{2})(?!\d))?`,
        'giu',
      ),
      numericMonth: language === 'zh' ? /(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/gu : null,
      // A preposition before the month keeps "Mai" the name from other words that read alike, and the month from a day ("3 mars").
      monthAlone:
        language === 'zh'
          ? null
          : new RegExp(
              String.raw`${B}(?:im|in|en|à|a|em|no|na|nel|в|во|у|w|we|op)\s+(?:(?:de|del|mês\s+de)\s+)?(${alternation(words.fullMonths.keys())})${E}(?:\s+(?:de\s+|del\s+)?((?:19|20)\d{2})(?!\d))?`,
              'giu',
            ),
      weekday: new RegExp(String.raw`${b}(${alternation(words.weekdays.keys())})${e}`, 'giu'),
      relative: relative.length ? new RegExp(String.raw`${b}(${alternation(relative)})${e}`, 'giu') : null,
      isCalendarWord: (word) => {
        const w = word.toLowerCase()
        return words.months.has(w) || words.weekdays.has(w)
      },
    }
  }
  patternCache.set(language, out)
  return out
}
