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
 * today and yesterday. The languages added since follow the same rule: the inflected forms that date
 * something ("torstaina", "csütörtökön", "ve středu", "på torsdagen", "τον Μάρτιο", "helmikuussa") are made
 * from ICU's names by each language's regular ending, and each language's all-digit dates are read in its
 * own order ("2025年3月6日", "2025. 03. 06.", "6. 3. 2025", "ngày 6/3").
 */

/**
 * The languages whose dates are read here (ISO 639-1, as text/language.ts answers). 'sr' is Serbian in
 * Latin letters (what the detector sees: Cyrillic text goes to the Russian group, mentions.ts byScript),
 * 'sr-Cyrl' its Cyrillic spelling, read with that group; 'nb' Norwegian (the detector's 'no' is grouped).
 */
export const DATE_LANGUAGES = [
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'ru',
  'uk',
  'tr',
  'ar',
  'zh',
  'ja',
  'ko',
  'el',
  'sv',
  'da',
  'nb',
  'fi',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'sr-Cyrl',
  'hr',
  'sr',
  'he',
  'fa',
  'hi',
  'id',
  'ms',
  'vi',
] as const

/** The Intl locale of a language code where the two differ: Serbian as the detector sees it is in Latin letters, Persian news names Gregorian months too. */
const LOCALES: Record<string, string> = { sr: 'sr-Latn', fa: 'fa-u-ca-gregory' }

// A detector tells close languages apart badly on a short text (a two-sentence Russian report may come
// out as Bulgarian, Galician for Portuguese): a language is read with its neighbours' words too.
// Russian and Ukrainian share a script and much of their vocabulary, and their words never clash.
// Bulgarian and Serbian in Cyrillic are read with them: mentions.ts reads all Cyrillic text as Russian or
// Ukrainian (byScript), and their words for talks ("преговори") are not Russian's ("переговоры").
// The Scandinavian languages are read together, and so are the Slavic languages in Latin letters but
// Polish (Czech, Slovak, Croatian, Serbian, Bosnian): the detector knows Swedish, Czech and
// Bosnian/Croatian/Serbian, not Danish, Norwegian or Slovak, and on a short text gives a Norwegian one as
// Swedish, a Slovak one as Czech or Serbian, a Danish one as Dutch or Swedish. A language's own words come
// first where two clash (Croatian "listopad" is October, Czech November).
// Malay is read with Indonesian, which shares its words for talks.
const CYRILLIC_GROUP = ['ru', 'uk', 'bg', 'sr-Cyrl']
const NORDIC = ['sv', 'nb', 'da']
const SERBO_CROATIAN = ['hr', 'sr', 'cs', 'sk']
const GROUPS: Record<string, string[]> = {
  ru: CYRILLIC_GROUP,
  uk: ['uk', 'ru', 'bg', 'sr-Cyrl'],
  bg: ['bg', 'ru', 'uk', 'sr-Cyrl'],
  be: CYRILLIC_GROUP,
  mk: ['bg', 'sr-Cyrl', 'ru', 'uk'],
  kk: CYRILLIC_GROUP,
  sr: ['sr', 'hr', 'cs', 'sk'],
  hr: SERBO_CROATIAN,
  bs: SERBO_CROATIAN,
  sv: NORDIC,
  nb: ['nb', 'da', 'sv'],
  no: ['nb', 'da', 'sv'],
  nn: ['nb', 'da', 'sv'],
  da: ['da', 'nb', 'sv'],
  nl: ['nl', 'da'],
  cs: ['cs', 'sk', 'hr', 'sr'],
  sk: ['sk', 'cs', 'hr', 'sr'],
  ms: ['id', 'ms'],
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
  ja: { today: ['今日', '本日'], yesterday: ['昨日'] },
  ko: { today: ['오늘'], yesterday: ['어제'] },
  el: { today: ['σήμερα'], yesterday: ['χθες', 'χτες'] },
  sv: { today: ['i dag', 'idag'], yesterday: ['i går', 'igår'] },
  da: { today: ['i dag'], yesterday: ['i går'] },
  nb: { today: ['i dag'], yesterday: ['i går'] },
  fi: { today: ['tänään'], yesterday: ['eilen'] },
  cs: { today: ['dnes'], yesterday: ['včera'] },
  sk: { today: ['dnes'], yesterday: ['včera'] },
  hu: { today: ['ma'], yesterday: ['tegnap'] },
  ro: { today: ['astăzi', 'azi'], yesterday: ['ieri'] },
  bg: { today: ['днес'], yesterday: ['вчера'] },
  'sr-Cyrl': { today: ['данас'], yesterday: ['јуче', 'јучер'] },
  hr: { today: ['danas'], yesterday: ['jučer'] },
  sr: { today: ['danas'], yesterday: ['juče'] },
  he: { today: ['היום'], yesterday: ['אתמול'] },
  fa: { today: ['امروز'], yesterday: ['دیروز'] },
  // Hindi "कल" is both yesterday and tomorrow: only today is read.
  hi: { today: ['आज'], yesterday: [] },
  id: { today: ['hari ini'], yesterday: ['kemarin'] },
  ms: { today: ['hari ini'], yesterday: ['semalam'] },
  vi: { today: ['hôm nay'], yesterday: ['hôm qua'] },
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
    const locale = LOCALES[language] ?? language
    const months = new Map<string, number>()
    const weekdays = new Map<string, number>()
    const add = (map: Map<string, number>, name: string | undefined, n: number): void => {
      const key = name?.toLowerCase().replace(/\.$/, '').replace(/ʼ/g, '’').replace(/׳$/, '')
      // Two-letter abbreviations ("Mo", "Di") are ordinary words of the language: only names of three letters and more.
      // Chinese, Japanese and Korean words are two characters ("周四", "2月", "2월").
      if (!key || key.length < (/[\p{Script=Han}\p{Script=Hangul}]/u.test(key) ? 2 : 3) || /^\d+$/.test(key) || map.has(key)) return
      map.set(key, n)
      // Ukrainian writes its apostrophe three ways: п'ятниця, п’ятниця, пʼятниця.
      if (key.includes('’')) map.set(key.replace(/’/g, "'"), n)
      // Hindi is written with and without the nukta: फ़रवरी, फरवरी.
      if (key.includes('\u093c')) map.set(key.replace(/\u093c/g, ''), n)
    }
    const fullMonths = new Map<string, number>()
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2024, m, 15))
      const long = fmt(locale, { month: 'long' }).format(d)
      const genitive = fmt(locale, { month: 'long', day: 'numeric' })
        .formatToParts(d)
        .find((p) => p.type === 'month')?.value
      add(fullMonths, long, m + 1)
      add(fullMonths, genitive, m + 1)
      // Russian names the month of an event in the prepositional: "в марте", "в мае" (from марта, мая).
      if (language === 'ru' && genitive) add(fullMonths, genitive.replace(/[ая]$/, 'е'), m + 1)
      for (const form of monthForms(language, long.toLowerCase(), m)) add(fullMonths, form, m + 1)
      // Serbian writes a day's month in the genitive ("6. marta", "6. septembra"), which ICU gives in the nominative.
      if (language === 'sr' || language === 'sr-Cyrl') {
        const genitive = long.toLowerCase().replace(/([bб])([aа])([rр])$/u, '$1$3$2')
        const form = genitive === long.toLowerCase() ? `${genitive}${language === 'sr' ? 'a' : 'а'}` : genitive
        add(months, form, m + 1)
        add(fullMonths, form, m + 1)
      }
      add(months, long, m + 1)
      // Hebrew writes "in" before the month of a day, joined to it: "6 במרץ" (ICU keeps the ב apart as a literal).
      if (language === 'he') for (const map of [months, fullMonths]) add(map, `ב${long}`, m + 1)
      for (const month of ['long', 'short'] as const)
        add(
          months,
          fmt(locale, { month, day: 'numeric' })
            .formatToParts(d)
            .find((p) => p.type === 'month')?.value,
          m + 1,
        )
    }
    for (let i = 0; i < 7; i++) {
      const d = new Date(Date.UTC(2024, 0, 7 + i)) // 7 January 2024 was a Sunday
      const name = fmt(locale, { weekday: 'long' }).format(d)
      const lower = name.toLowerCase()
      // Bulgarian "неделя" (Sunday) is Russian "неделя" (week), and the two are read together: "на прошлой неделе".
      if (!(language === 'bg' && lower === 'неделя')) add(weekdays, name, i)
      // Accusative of the feminine weekdays ("в среду", "у середу", "w środę"): what "on Wednesday" is in these languages.
      if (language === 'ru' || language === 'uk') add(weekdays, lower.replace(/а$/, 'у').replace(/я$/, 'ю'), i)
      if (language === 'pl') add(weekdays, lower.replace(/a$/, 'ę'), i)
      // "周四", "礼拜四": the other ways Chinese names the days.
      if (language === 'zh') for (const head of ['周', '礼拜']) add(weekdays, lower.replace(/^星期/, head), i)
      for (const form of weekdayForms(language, lower)) add(weekdays, form, i)
    }
    words = { months, fullMonths, weekdays, today: RELATIVE[language]?.today ?? [], yesterday: RELATIVE[language]?.yesterday ?? [] }
  }
  return words
}

// Greek names a month alone in the accusative ("τον Φεβρουάριο"), which ICU does not give (its month names are genitive).
const GREEK_ACCUSATIVE = 'ιανουάριο φεβρουάριο μάρτιο απρίλιο μάιο ιούνιο ιούλιο αύγουστο σεπτέμβριο οκτώβριο νοέμβριο δεκέμβριο'.split(' ')
const BACK_VOWELS = /[aáoóuú][^aáoóuúeéiíöőüű]*$/

/** The forms a month named alone takes where the language inflects it ("helmikuussa", "februárban", "τον Φεβρουάριο"). */
function monthForms(language: string, long: string, m: number): string[] {
  // Finnish inessive: helmikuu → helmikuussa ("in February").
  if (language === 'fi') return [`${long}ssa`]
  // Hungarian inessive by vowel harmony: február → februárban, szeptember → szeptemberben.
  if (language === 'hu') return [`${long}${BACK_VOWELS.test(long) ? 'ban' : 'ben'}`]
  if (language === 'el') return [GREEK_ACCUSATIVE[m] as string]
  return []
}

/** The forms a weekday takes when it dates something ("on Thursday"), where they differ from ICU's name. */
function weekdayForms(language: string, lower: string): string[] {
  switch (language) {
    // Accusative of the feminine days: "ve středu", "v stredu", "u srijedu", "у среду"; Czech "v neděli".
    case 'cs':
      return [lower.replace(/a$/, 'u').replace(/e$/, 'i')]
    case 'sk':
    case 'hr':
    case 'sr':
      return [lower.replace(/a$/, 'u')]
    case 'sr-Cyrl':
      return [lower.replace(/а$/, 'у')]
    // Finnish essive: torstai → torstaina ("on Thursday").
    case 'fi':
      return [`${lower}na`]
    // Hungarian superessive by vowel harmony: csütörtökön, pénteken, szombaton, szerdán, hétfőn.
    case 'hu':
      if (lower.endsWith('a')) return [`${lower.slice(0, -1)}án`]
      if (lower.endsWith('ő')) return [`${lower}n`]
      return [`${lower}${BACK_VOWELS.test(lower) ? 'on' : /[öőüű][^aáoóuúeéiíöőüű]*$/.test(lower) ? 'ön' : 'en'}`]
    // The definite form dates the day: "på torsdagen", "torsdagen".
    case 'sv':
    case 'da':
    case 'nb':
      return [`${lower}en`]
    // "ביום חמישי": on Thursday.
    case 'he':
      return [`ב${lower}`]
    // "木曜" without 日.
    case 'ja':
      return [lower.replace(/日$/, '')]
    // Persian writes the days with a zero-width non-joiner, a space or neither: "پنج‌شنبه", "پنج شنبه", "پنجشنبه".
    case 'fa':
      return [lower.replace(/\u200c/g, ' '), lower.replace(/\u200c/g, ''), lower.replace(/^(\p{L}+?)(شنبه)$/u, '$1\u200c$2')]
    default:
      return []
  }
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
  /**
   * A day of the month named alone, the way Japanese, Korean and Chinese news dates its events ("27日",
   * "27일": the 27th of this month, or of the last when that is still to come); group 1 the day. Read by
   * dates.ts after numericMonth, skipping what numericMonth took.
   */
  dayOnly?: RegExp | null
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

/**
 * How a language writes its dates, where it differs from "3 March 2025" with prepositions before a month
 * named alone (the languages read since issue 16 began; the first twelve keep their own patterns below).
 */
interface DateStyle {
  /** Word boundaries: none in Japanese (no spaces), only at the start in Korean (particles follow: "목요일에"). */
  boundary?: 'none' | 'start'
  /** Day and month as "2025. február 27." (Hungarian), or never as a day before a month name (Japanese and Korean count months). */
  dayMonth?: 'yearFirst' | 'none'
  /** All-digit dates: "2025年2月27日", "2025년 2월 27일", "2025. 02. 27.", "27.02.2025", Vietnamese "ngày 27/2", Indonesian "(27/2)". */
  numeric?: 'ja' | 'ko' | 'hu' | 'dmy' | 'vi' | 'id'
  /** Words before a month named alone ("i februari", "în februarie"); '' where the month's own form says "in" ("helmikuussa"). */
  monthBefore?: string
  /** A postposition after it (Hindi "फ़रवरी में"). */
  monthAfter?: string
  /** Month names that are other words when alone: Romanian "mai" is "more" ("în mai multe orașe"). */
  notAlone?: string[]
  /** A word between the day-month and the year ("27 tháng 2 năm 2025"). */
  yearJoin?: string
  /**
   * Weekdays only as capitalized names: Greek "τρίτη", "πέμπτη" are also "third", "fifth", and Indonesian
   * "minggu" is "week" ("minggu lalu"); their weekdays are written with a capital.
   */
  weekdayCapital?: boolean
  /** Words one of which comes right before a weekday: Vietnamese "thứ hai" is also "second" ("lần thứ hai"), "hôm thứ Hai" only Monday. */
  weekdayAfter?: string
}

const NORDIC_STYLE: DateStyle = { numeric: 'dmy', monthBefore: 'i' }
const STYLES: Record<string, DateStyle> = {
  ja: { boundary: 'none', dayMonth: 'none', numeric: 'ja' },
  ko: { boundary: 'start', dayMonth: 'none', numeric: 'ko' },
  el: { numeric: 'dmy', monthBefore: 'τον', weekdayCapital: true },
  sv: NORDIC_STYLE,
  da: NORDIC_STYLE,
  nb: NORDIC_STYLE,
  fi: { numeric: 'dmy', monthBefore: '' },
  cs: { numeric: 'dmy' },
  sk: { numeric: 'dmy' },
  hu: { dayMonth: 'yearFirst', numeric: 'hu', monthBefore: '' },
  ro: { numeric: 'dmy', monthBefore: 'în|din', notAlone: ['mai'] },
  bg: { numeric: 'dmy', monthBefore: 'през|в' },
  'sr-Cyrl': { numeric: 'dmy' },
  hr: { numeric: 'dmy' },
  sr: { numeric: 'dmy' },
  he: { numeric: 'dmy', monthBefore: '' },
  fa: {},
  hi: { numeric: 'dmy', monthAfter: 'में' },
  id: { numeric: 'id', monthBefore: String.raw`pada(?:\s+bulan)?|bulan|sejak`, weekdayCapital: true },
  ms: { numeric: 'id', monthBefore: String.raw`pada(?:\s+bulan)?|bulan|sejak`, weekdayCapital: true },
  vi: {
    numeric: 'vi',
    monthBefore: 'vào|trong|hồi|từ|cuối|đầu|giữa',
    yearJoin: String.raw`năm\s+`,
    weekdayAfter: 'hôm|vào|ngày|sáng|chiều|tối|trưa|đêm|từ|đến',
  },
}

const YEAR = String.raw`((?:19|20)\d{2})`
// Day, month, year in digits, the groups in the order the reader takes them (year, month, day) whatever the
// order written: two look-aheads capture the year and the month, then the day is read where it stands.
const dmy = (guard: string): string =>
  String.raw`${guard}(?<![\d./-])(?=\d{1,2}[./-]\s?\d{1,2}(?:[./-]\s?${YEAR})?(?![\d/]))(?=\d{1,2}[./-]\s?(\d{1,2}))(\d{1,2})[./-]\s?\d{1,2}(?:[./-]\s?(?:19|20)\d{2})?(?![\d/])`
const WITH_YEAR = String.raw`(?=\d{1,2}[./-]\s?\d{1,2}[./-]\s?(?:19|20)\d{2}(?!\d))`
const NUMERIC: Record<NonNullable<DateStyle['numeric']>, string> = {
  ja: String.raw`(?<!\d)(?:${YEAR}\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日`,
  ko: String.raw`(?<!\d)(?:${YEAR}\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일`,
  hu: String.raw`(?<![\d.])${YEAR}\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?!\d)`,
  // With its year only: "3.1" and "2/3" are scores, versions and fractions as often.
  dmy: dmy(WITH_YEAR),
  // "ngày 27/2", "hôm 27/2": the day-and-month of Vietnamese news (chrono would read "5/3" as May 3).
  vi: dmy(String.raw`(?:(?<=(?:ngày|hôm|sáng|chiều|tối|trưa|đêm|từ|đến)\s)|${WITH_YEAR})`),
  // "Kamis (27/2)": Indonesian news dates its day in brackets after the weekday.
  id: dmy(String.raw`(?:(?<=\()|${WITH_YEAR})`),
}

// "27日", "27일", "27号": a day without its month, not a count of days ("3日間", "3日目", "3일간", "3일째"), not a
// month's day ("3月27日", taken by numericMonth), not a date's end ("2025年3月27日").
const DAY_ONLY = {
  ja: String.raw`(?<![\d月/.])(\d{1,2})\s*日(?![間目])`,
  ko: String.raw`(?<![\d월/.]\s?)(\d{1,2})\s*일(?![간째])`,
  zh: String.raw`(?<![\d月/.])(\d{1,2})\s*[日号](?![间])`,
}

/** The patterns of a language's calendar words (null where calendarWords is null). Linear: alternations of fixed words. */
export function calendarPatterns(language: string): CalendarPatterns | null {
  if (patternCache.has(language)) return patternCache.get(language) ?? null
  const words = calendarWords(language)
  let out: CalendarPatterns | null = null
  const style = STYLES[readingLanguages(language)[0] ?? language]
  if (words && style) out = styledPatterns(words, style)
  else if (words) {
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
      dayOnly: language === 'zh' ? new RegExp(DAY_ONLY.zh, 'gu') : null,
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

/** The patterns of a language with a DateStyle. */
function styledPatterns(words: CalendarWords, style: DateStyle): CalendarPatterns {
  const b = style.boundary === 'none' ? '' : B
  const e = style.boundary ? '' : E
  const months = alternation(words.months.keys())
  const yearAfter = String.raw`(?:(?:,?\s{1,2}|/)(?:${style.yearJoin ?? String.raw`de\s+|del\s+`})?${YEAR}(?!\d))?`
  let dayMonth = String.raw`(?<!\d)(\d{1,2})\.?\s{0,2}(${months})\.?${E}${yearAfter}`
  // "2025. február 27-én", "február 27.": the year (if any) and the month before the day; the groups read as day, month, year.
  if (style.dayMonth === 'yearFirst')
    dayMonth = String.raw`(?<![\p{L}\d])(?=(?:(?:19|20)\d{2}\.\s*)?(?:${months})\.?\s+(\d{1,2})(?!\d))(?=(?:(?:19|20)\d{2}\.\s*)?(${months}))(?:${YEAR}\.\s*)?(?:${months})\.?\s+\d{1,2}(?!\d)(?:\.|-\p{L}{1,3})?`
  if (style.dayMonth === 'none') dayMonth = '(?!)()()()'
  const alone = [...words.fullMonths.keys()].filter(
    (m) => !style.notAlone?.includes(m) && (style.monthBefore !== '' || !/^\p{Script=Hebrew}/u.test(m) || m.startsWith('ב')),
  )
  let monthAlone: string | null = null
  if (style.numeric === 'ja' || style.numeric === 'ko') {
    // "2025年2月", "2월": a month counted, not named; the year before it, read by a look-ahead as the second group.
    const [y, mo] = style.numeric === 'ja' ? ['年', '月'] : ['년', '월']
    monthAlone = String.raw`(?<!\d)(?=(?:(?:19|20)\d{2}\s*${y}\s*)?(\d{1,2}${mo})(?!\s*\d))(?:${YEAR}\s*${y}\s*)?\d{1,2}${mo}(?!\s*\d)`
  } else if (style.monthAfter) monthAlone = String.raw`${B}(${alternation(alone)})${E}(?:\s+${YEAR})?\s+${style.monthAfter}${E}`
  else if (style.monthBefore === '') monthAlone = String.raw`${B}(${alternation(alone)})${E}${yearAfter}`
  else if (style.monthBefore) monthAlone = String.raw`${B}(?:${style.monthBefore})\s+(${alternation(alone)})${E}${yearAfter}`
  const weekdayNames = [...words.weekdays.keys()].map((w) => (style.weekdayCapital ? w.charAt(0).toUpperCase() + w.slice(1) : w))
  const guard = style.weekdayAfter ? String.raw`(?<=(?:${style.weekdayAfter})\s+)` : ''
  const relative = [...words.today, ...words.yesterday]
  return {
    dayMonth: new RegExp(dayMonth, 'giu'),
    numericMonth: style.numeric ? new RegExp(NUMERIC[style.numeric], 'gu') : null,
    dayOnly: style.numeric === 'ja' || style.numeric === 'ko' ? new RegExp(DAY_ONLY[style.numeric], 'gu') : null,
    monthAlone: monthAlone ? new RegExp(monthAlone, 'giu') : null,
    weekday: new RegExp(String.raw`${guard}${b}(${alternation(weekdayNames)})${e}`, style.weekdayCapital ? 'gu' : 'giu'),
    relative: relative.length ? new RegExp(String.raw`${b}(${alternation(relative)})${e}`, 'giu') : null,
    isCalendarWord: (word) => {
      const w = word.toLowerCase()
      return words.months.has(w) || words.weekdays.has(w)
    },
  }
}
