/**
 * Calendar dates written in page text or markup, in any of the common written forms and in many
 * languages: ISO and numeric forms (2020-08-16, 16.08.2020, 16/08/2020, 2020年8月16日) and day–month
 * name–year forms with month names of the major European languages. A form with no year is not a
 * date here; callers that can place a year-less date do so themselves.
 */

const MONTH_NAMES: Array<[number, string]> = [
  // en, de, fr, es, pt, it, nl, pl (nominative and genitive), cs, ru/uk (genitive), sv/da/no, tr, hu, ro, fi, el
  [
    1,
    'january jan januar jänner janvier janv enero ene janeiro jan gennaio genn januari januar stycznia styczeń styczen ledna leden января январь січня jänuar ocak janúar ianuarie tammikuuta ιανουαρίου',
  ],
  [
    2,
    'february feb februar février fevrier févr fevr febrero feb fevereiro fev febbraio febr februari lutego luty února únor февраля февраль лютого şubat február februarie helmikuuta φεβρουαρίου',
  ],
  [
    3,
    'march mar märz maerz mars marzo mar março marco marzo maart marca marzec března březen марта март березня mart március martie maaliskuuta μαρτίου',
  ],
  [
    4,
    'april apr avril avr abril abr aprile apr kwietnia kwiecień kwiecien dubna duben апреля апрель квітня nisan április aprilie huhtikuuta απριλίου',
  ],
  [5, 'may mai mayo maio maggio mei maja maj května květen мая май травня mayıs május mai toukokuuta μαΐου μαιου'],
  [
    6,
    'june jun juni juin junio junho giugno giu juni czerwca czerwiec června červen июня июнь червня haziran június iunie kesäkuuta ιουνίου',
  ],
  [
    7,
    'july jul juli juillet juil julio julho luglio lug juli lipca lipiec července červenec июля июль липня temmuz július iulie heinäkuuta ιουλίου',
  ],
  [
    8,
    'august aug august août aout agosto ago agosto augustus sierpnia sierpień sierpien srpna srpen августа август серпня ağustos augusztus august elokuuta αυγούστου',
  ],
  [
    9,
    'september sep sept septembre septiembre set setembro settembre sett september września wrzesień wrzesien září září сентября сентябрь вересня eylül szeptember septembrie syyskuuta σεπτεμβρίου',
  ],
  [
    10,
    'october oct oktober octobre octubre outubro out ottobre ott oktober października październik pazdziernik října říjen октября октябрь жовтня ekim október octombrie lokakuuta οκτωβρίου',
  ],
  [
    11,
    'november nov novembre noviembre novembro novembre november listopada listopad listopadu listopad ноября ноябрь листопада kasım november noiembrie marraskuuta νοεμβρίου',
  ],
  [
    12,
    'december dec dezember décembre decembre déc diciembre dic dezembro dez dicembre dic december grudnia grudzień grudzien prosince prosinec декабря декабрь грудня aralık december decembrie joulukuuta δεκεμβρίου',
  ],
]

// Month names of more scripts and languages: Arabic (Egyptian/Gulf and Levantine), Persian,
// Hebrew, Bulgarian, Serbian, Croatian, Catalan, Indonesian/Malay, Scandinavian forms.
const MORE_MONTH_NAMES: Array<[number, string]> = [
  [1, 'يناير كانون_الثاني ژانویه ינואר януари јануар siječnja siječanj gener januari'],
  [2, 'فبراير شباط فوریه פברואר февруари фебруар veljače veljača febrer'],
  [3, 'مارس آذار מרץ март ožujka ožujak març maret'],
  [4, 'أبريل ابريل إبريل نيسان آوریل אפריל април travnja travanj abril'],
  [5, 'مايو أيار ايار مه מאי май мај svibnja svibanj maig'],
  [6, 'يونيو يونيه حزيران ژوئن יוני юни јун lipnja lipanj juny'],
  [7, 'يوليو يوليه تموز ژوئیه יולי юли јул srpnja srpanj juliol'],
  [8, 'أغسطس اغسطس آب اوت אוגוסט август avgust kolovoza kolovoz agost agustus augusti'],
  [9, 'سبتمبر أيلول ايلول سپتامبر ספטמבר септември септембар rujna rujan setembre'],
  [10, 'أكتوبر اكتوبر تشرين_الأول تشرين_الاول اکتبر אוקטובר октомври октобар listopada listopad octubre'],
  [11, 'نوفمبر تشرين_الثاني نوامبر נובמבר ноември новембар studenoga studeni novembre'],
  [12, 'ديسمبر كانون_الأول كانون_الاول دسامبر דצמבר декември децембар prosinca prosinac desembre desember'],
  // Abbreviations: German (Mär., Okt.), Dutch (mrt), Italian (gen, mag).
  [1, 'gen'],
  [3, 'mär mrt'],
  [5, 'mag'],
  [10, 'okt'],
  // Danish (marts) and Albanian.
  [1, 'janar'],
  [2, 'shkurt'],
  [3, 'marts'],
  [4, 'prill'],
  [6, 'qershor'],
  [7, 'korrik'],
  [8, 'gusht'],
  [9, 'shtator'],
  [10, 'tetor'],
  [11, 'nëntor'],
  [12, 'dhjetor'],
]

const MONTHS = new Map<string, number>()
for (const [n, names] of [...MONTH_NAMES, ...MORE_MONTH_NAMES])
  for (const name of names.split(' ')) if (!MONTHS.has(name)) MONTHS.set(name.replace(/_/g, ' '), n)

// Digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, full-width) read as ASCII digits,
// one character for one so that positions in the text stay the same.
const DIGIT_BLOCKS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0xff10]
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\uff10-\uff19]/g
export function asciiDigits(text: string): string {
  if (!/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\uff10-\uff19]/.test(text)) return text
  return text.replace(OTHER_DIGITS, (d) => {
    const code = d.charCodeAt(0)
    const base = DIGIT_BLOCKS.find((b) => code >= b && code <= b + 9) ?? code
    return String(code - base)
  })
}

// A month name, or (in Arabic script) two: "تشرين الأول", "نيسان / أبريل".
const NAME = String.raw`[\p{L}]{2,12}\.?(?:(?:\s*/\s*|\s+)[\u0600-\u06FF]{2,12})?`
// A year of four digits that is not part of a longer number, nor a two-digit year run into a time
// of day ("28.09.19" and "12:44" printed without a space: "28.09.1912:44").
// A page that prints a date twice without a space between ("17/11/201917/11/2019") runs the year into
// the next day's digits: a year may be followed by a day and its separator.
// The same for a time of day run into the year ("November 9, 20235:01 AM").
const YEAR = String.raw`((?:19|20)\d{2})(?:(?!\d|:\d{2})|(?=\d{1,2}(?:[./]|\.?\s)\s?[\d\p{L}])|(?=\d{1,2}:\d{2}(?!\d)))`
// A time of day after a date, with what sites put between them ("28.09.19, 12:44", "23.09.20 | 18:19",
// "12.10.98 um 9.30 Uhr"); not the start of a range ("10:00-11:30" is a schedule, not a timestamp).
const CLOCK = String.raw`\d{1,2}(?::\d{2}|h\d{2}|\.\d{2}\s*Uhr)(?!\d|\s*[-–]\s*\d)`
const TIME_AFTER = String.raw`(?=[\s,|·•–-]{0,5}(?:um\s+|at\s+|à\s+)?${CLOCK})`

const PATTERNS: Array<{
  re: RegExp
  order: 'ymd' | 'dmy' | 'dmyy' | 'numericyy' | 'mdy' | 'dMy' | 'dMyy' | 'dSy' | 'dSyy' | 'Mdy' | 'yMd' | 'numeric' | 'persian'
}> = [
  { re: new RegExp(String.raw`(?<!\d)${YEAR}[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)`, 'u'), order: 'ymd' },
  { re: new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`, 'u'), order: 'ymd' },
  { re: new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일`, 'u'), order: 'ymd' },
  // Vietnamese: "ngày 24 tháng 4 năm 2020".
  { re: new RegExp(String.raw`(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+(?:năm\s+)?${YEAR}`, 'iu'), order: 'dmy' },
  { re: new RegExp(String.raw`(?<![\d.])(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?${YEAR}`, 'u'), order: 'numeric' },
  // Bars between the parts, as some page templates print them: "26 | 01 | 2022".
  { re: new RegExp(String.raw`(?<![\d|])(\d{1,2}) \| (\d{1,2}) \| ${YEAR}`, 'u'), order: 'numeric' },
  // A two-digit year only where a time of day follows: "28.09.19 12:44" is a timestamp; "1.2.20" alone could be anything.
  { re: new RegExp(String.raw`(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})${TIME_AFTER}`, 'u'), order: 'dmyy' },
  { re: new RegExp(String.raw`(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2})${TIME_AFTER}`, 'u'), order: 'numericyy' },
  // Zero-padded day, month and two-digit year ("31.10.23") read as a date on their own: "1.2.20" stays unread.
  { re: /(?<![\d.,])(\d{2})\.(\d{2})\.(\d{2})(?![\d.,]?\d)/u, order: 'dmyy' },
  // Hungarian: "2020. 06. 04.", "2020. augusztus 18."
  { re: new RegExp(String.raw`(?<!\d)${YEAR}\.\s(\d{1,2})\.\s?(\d{1,2})\.`, 'u'), order: 'ymd' },
  { re: new RegExp(String.raw`(?<!\d)${YEAR}\.\s(${NAME})\s+(\d{1,2})(?!\d)`, 'iu'), order: 'yMd' },
  { re: new RegExp(String.raw`(?<!\d)(\d{1,2})(?:\.|er|º|th|st|nd|rd)?\s+(?:de\s+)?(${NAME}),?\s+(?:de\s+)?${YEAR}`, 'iu'), order: 'dMy' },
  // The parts between slashes, dots or dashes, as some templates print them: "29 / Dezember / 2022",
  // "03.Mär.19", "15-Apr-2020" (a two-digit year only so, between a month's name and nothing else).
  { re: new RegExp(String.raw`(?<![\d.])(\d{1,2})\s?([/.-])\s?([\p{L}]{3,12})\.?\s?\2\s?${YEAR}`, 'iu'), order: 'dSy' },
  { re: /(?<![\d.])(\d{1,2})([/.-])(\p{L}{3,4})\.?\2(\d{2})(?![\d.,]?\d)/iu, order: 'dSyy' },
  // A year written with an apostrophe is a year: "14 Feb ’20".
  { re: new RegExp(String.raw`(?<!\d)(\d{1,2})\.?\s+(${NAME})\s+[’'‘](\d{2})(?!\d)`, 'iu'), order: 'dMyy' },
  { re: new RegExp(String.raw`(?<![\p{L}])(${NAME})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+${YEAR}`, 'iu'), order: 'Mdy' },
  { re: new RegExp(String.raw`(?<!\d)${YEAR}\s+(${NAME})\s+(\d{1,2})(?!\d)`, 'iu'), order: 'yMd' },
  // The Solar Hijri calendar of Iranian and Afghan pages: "۲۹ بهمن ۱۳۹۸" (digits already read as ASCII).
  { re: new RegExp(String.raw`(?<!\d)(\d{1,2})\s+([\u0600-\u06FF\u200c]{2,12})\s+(1[34]\d{2})(?!\d)`, 'u'), order: 'persian' },
  // C's asctime, which some sites print in their markup: "Fri Feb 18 10:27:24 2022".
  { re: new RegExp(String.raw`(?<![\p{L}])(${NAME})\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+${YEAR}`, 'iu'), order: 'Mdy' },
]
/** The same patterns, global, built once: findDates runs each of them over every window around a year. */
const GLOBAL_PATTERNS = PATTERNS.map(({ re, order }) => ({ re: new RegExp(re.source, `${re.flags}g`), order }))

export interface FoundDate {
  /** YYYY-MM-DD */
  date: string
  /** Where in the text it starts. */
  index: number
}

/**
 * Month names of the Solar Hijri calendar: Iranian (Farvardin … Esfand) and Afghan (Hamal … Hut),
 * with the Persian letters yeh and kaf (pages also type the Arabic ones: normalised before lookup).
 */
const PERSIAN_MONTHS = new Map<string, number>(
  ['فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند', 'حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت'].flatMap(
    (names) => names.split(' ').map((name, i): [string, number] => [name, i + 1]),
  ),
)

let persianFormat: Intl.DateTimeFormat | null | undefined
/**
 * A Solar Hijri date as the Gregorian YYYY-MM-DD, by ICU's Persian calendar: the day is placed from
 * the year's start near 20 March and checked (and moved by a day or two) against what ICU writes
 * for it. Null where the runtime has no Persian calendar or the date does not exist.
 */
export function solarHijriDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) return null
  if (persianFormat === undefined) {
    try {
      persianFormat = new Intl.DateTimeFormat('en-US-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' })
      if (persianFormat.resolvedOptions().calendar !== 'persian') persianFormat = null
    } catch {
      persianFormat = null
    }
  }
  if (!persianFormat) return null
  const inYear = month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day
  const guess = Date.UTC(year + 621, 2, 20) + (inYear - 1) * 86_400_000
  for (const shift of [0, 1, -1, 2, -2]) {
    const t = guess + shift * 86_400_000
    const parts = persianFormat.formatToParts(new Date(t))
    const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value)
    if (part('year') === year && part('month') === month && part('day') === day) return new Date(t).toISOString().slice(0, 10)
  }
  return null
}

/** A real calendar day as YYYY-MM-DD, or null. */
export function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCMonth() !== month - 1) return null
  return d.toISOString().slice(0, 10)
}

const monthOf = (name: string): number | undefined => {
  const n = name.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ')
  const direct = MONTHS.get(n) ?? MONTHS.get(n.replace(/^ב/, ''))
  if (direct) return direct
  // "نيسان / أبريل": either name.
  for (const part of n.split(/\s*\/\s*/)) {
    const m = MONTHS.get(part)
    if (m) return m
  }
  return undefined
}

/**
 * The first full date in a text (or every one with `all`). `monthFirst` reads 03/04/2020 as
 * March 4 (American usage); otherwise as 3 April. An unambiguous number (13 or more) decides itself.
 */
export function findDates(text: string, options: { monthFirst?: boolean; limit?: number } = {}): FoundDate[] {
  const found: FoundDate[] = []
  const sample = asciiDigits(text.length > 100_000 ? text.slice(0, 100_000) : text)
  // Every full date holds a year (four digits, or two before a time of day): the patterns run only
  // on the short windows around years (on a
  // long page they would otherwise try every position of the text).
  // Text in Arabic script may write its year in the Solar Hijri calendar (13xx, 14xx).
  const hijri = /[\u0600-\u06FF]/.test(sample) ? String.raw`|(?<=[\u0600-\u06FF]\s{1,3})1[34]\d{2}` : ''
  const years = new RegExp(
    String.raw`(?:19|20)\d{2}|\d[./]\d{2}${TIME_AFTER}|[’'‘]\d{2}(?!\d)|\d\.\d{2}\.\d{2}(?![\d.,]?\d)|\d[/.-]\p{L}{3,4}\.?[/.-]\d{2}(?![\d.,]?\d)${hijri}`,
    'gu',
  )
  const windows: Array<[number, number]> = []
  for (let m = years.exec(sample); m; m = years.exec(sample)) {
    const from = Math.max(0, m.index - 40)
    const to = Math.min(sample.length, m.index + 40)
    const last = windows.at(-1)
    if (last && from <= last[1]) last[1] = to
    else windows.push([from, to])
    if (windows.length > 2_000) break
  }
  const limit = options.limit ?? 50
  for (const [from, to] of windows) {
    const part = sample.slice(from, to)
    for (const { re: global, order } of GLOBAL_PATTERNS) {
      global.lastIndex = 0
      for (let m = global.exec(part); m; m = global.exec(part)) {
        const date = read(m, order, options.monthFirst ?? false)
        if (date && !found.some((f) => f.index === from + m.index)) found.push({ date, index: from + m.index })
      }
    }
    if (found.length > limit) break
  }
  return found.sort((a, b) => a.index - b.index)
}

/** 03/04/2020: March 4 month-first (American usage), else 3 April; a number over 12 decides itself. */
function numericDay(x: number, y: number, year: number, monthFirst: boolean): string | null {
  if (x > 12) return isoDay(year, y, x)
  if (y > 12) return isoDay(year, x, y)
  return monthFirst ? isoDay(year, x, y) : isoDay(year, y, x)
}

/** Two-digit years are of this century up to 69, of the last from 70. */
const fullYear = (yy: string): number => (Number(yy) < 70 ? 2000 + Number(yy) : 1900 + Number(yy))

function read(m: RegExpExecArray, order: string, monthFirst: boolean): string | null {
  const [a, b, c] = [m[1] ?? '', m[2] ?? '', m[3] ?? '']
  switch (order) {
    case 'ymd':
      return isoDay(Number(a), Number(b), Number(c))
    case 'dmy':
      return isoDay(Number(c), Number(b), Number(a))
    case 'dmyy':
      return isoDay(fullYear(c), Number(b), Number(a))
    case 'numericyy':
      return numericDay(Number(a), Number(b), fullYear(c), monthFirst)
    case 'dMyy': {
      const month = monthOf(b)
      return month ? isoDay(fullYear(c), month, Number(a)) : null
    }
    case 'numeric':
      return numericDay(Number(a), Number(b), Number(c), monthFirst)
    case 'dMy': {
      const month = monthOf(b)
      return month ? isoDay(Number(c), month, Number(a)) : null
    }
    case 'dSy':
    case 'dSyy': {
      // Group 2 is the separator: the month's name is the third, the year the fourth.
      const month = monthOf(c)
      const year = m[4] ?? ''
      return month ? isoDay(order === 'dSy' ? Number(year) : fullYear(year), month, Number(a)) : null
    }
    case 'Mdy': {
      const month = monthOf(a)
      return month ? isoDay(Number(c), month, Number(b)) : null
    }
    case 'yMd': {
      const month = monthOf(b)
      return month ? isoDay(Number(a), month, Number(c)) : null
    }
    case 'persian': {
      const month = PERSIAN_MONTHS.get(
        b
          .replace(/\u200c/g, '')
          .replace(/ي/g, 'ی')
          .replace(/ك/g, 'ک'),
      )
      return month ? solarHijriDay(Number(c), month, Number(a)) : null
    }
    default:
      return null
  }
}

/** A publication date that could be true: not after `now` (a day's grace for time zones), not before 1990 unless allowed. */
export function plausible(date: string | null, now: Date, earliest = '1990-01-01'): string | null {
  if (!date) return null
  const limit = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10)
  return date <= limit && date >= earliest ? date : null
}

/**
 * Whether a page writes its numeric dates month first, as American pages do: it prints more dates
 * that show month-first order (a month name before the day, "June 1, 2020"; a slashed date whose
 * second number cannot be a month, 04/13/2020) than dates that show day-first order ("1 June 2020",
 * 13/04/2020). Dotted dates (01.06.2020) are day first everywhere and say nothing. Bounded: the
 * first 200 dates of the page.
 */
export function writesMonthFirst(text: string): boolean {
  let month = 0
  let day = 0
  const sample = asciiDigits(text.length > 100_000 ? text.slice(0, 100_000) : text)
  for (const { index } of findDates(sample, { limit: 200 })) {
    const at = sample.slice(index, index + 16)
    if (/^\p{L}/u.test(at)) month++
    else if (/^\d{1,2}(?:\.|er|º|th|st|nd|rd)?\s+(?:de\s+)?\p{L}/u.test(at)) day++
    else {
      const numeric = /^(\d{1,2})([/-])(\d{1,2})\2/.exec(at)
      if (numeric && Number(numeric[1]) > 12) day++
      else if (numeric && Number(numeric[3]) > 12) month++
    }
  }
  return month > day
}

export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'
const TIME_UNITS: TimeUnit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year']
/** Languages whose relative times ("16 hours ago") are read: those of the web's news and of the month names above. */
const RELATIVE_LOCALES =
  'en de fr es pt it nl pl cs sk ru uk be bg sr hr bs sl sv da nb fi et lv lt tr hu ro el ar fa he ja zh ko id ms vi hi bn sq ca'.split(' ')
let relativePatterns: Array<{ re: RegExp; unit: TimeUnit }> | undefined
/** The words of those relative times ("hours", "ago", "vor", "назад", "時間前"): a line holding none of them is not read further. */
const relativeWords = new Set<string>()
/** The same in scripts written without spaces ("時間前"): looked for anywhere in the line. */
const relativeRuns = new Set<string>()
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The patterns of a past relative time as the runtime's Intl data writes it in each language, in its
 * long, short and narrow styles and in every plural form: "16 hours ago", "vor 16 Stunden", "il y a
 * 16 heures", "16 часов назад", "قبل 16 ساعة", "16時間前". The number is any number.
 */
function relativeTimePatterns(): Array<{ re: RegExp; unit: TimeUnit }> {
  if (relativePatterns) return relativePatterns
  const seen = new Map<string, TimeUnit>()
  for (const locale of RELATIVE_LOCALES) {
    for (const style of ['long', 'short', 'narrow'] as const) {
      let format: Intl.RelativeTimeFormat
      try {
        format = new Intl.RelativeTimeFormat(`${locale}-u-nu-latn`, { numeric: 'always', style })
      } catch {
        continue
      }
      for (const unit of TIME_UNITS)
        // One amount of each plural form the languages have (one, two, few, many, other).
        for (const n of [1, 2, 3, 5, 11, 21, 101]) {
          const written = format.format(-n, unit).replace(/\s+/g, ' ')
          if (!written.includes(String(n))) continue
          for (const word of written.toLowerCase().match(/\p{L}+/gu) ?? [])
            if (/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(word)) relativeRuns.add(word)
            else relativeWords.add(word)
          const source = escapeRe(written).replace(String(n), '(\\d{1,3})').replace(/ /g, '\\s*')
          if (!seen.has(source)) seen.set(source, unit)
        }
    }
  }
  // One expression a unit (an alternation of its forms in every language), longest forms first.
  relativePatterns = TIME_UNITS.map((unit) => {
    const forms = [...seen].filter(([, u]) => u === unit).map(([source]) => source)
    forms.sort((a, b) => b.length - a.length)
    // Not inside a longer word; Chinese and Japanese run their words together ("5時間前に").
    return {
      re: new RegExp(`(?<![\\p{L}\\d])(?:${forms.join('|')})(?!(?![\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}])\\p{L})`, 'iu'),
      unit,
    }
  })
  return relativePatterns
}

/**
 * A past time written relative to the moment a page was shown ("16 hours ago", "vor 3 Tagen"), in
 * any language the runtime's Intl data writes: the amount, the unit and where it starts. Null when
 * the text holds none. The day it names depends on when the page was shown: callers resolve it only
 * against a date the same text states as that moment.
 */
export function findRelativeTime(text: string): { amount: number; unit: TimeUnit; index: number } | null {
  const sample = asciiDigits(text.length > 2000 ? text.slice(0, 2000) : text)
  if (!/\d/.test(sample)) return null
  const patterns = relativeTimePatterns()
  const lower = sample.toLowerCase()
  if (!(lower.match(/\p{L}+/gu) ?? []).some((word) => relativeWords.has(word)) && ![...relativeRuns].some((run) => lower.includes(run)))
    return null
  let best: { amount: number; unit: TimeUnit; index: number } | null = null
  for (const { re, unit } of patterns) {
    const m = re.exec(sample)
    const amount = m?.slice(1).find((g) => g !== undefined)
    if (m && amount && (!best || m.index < best.index)) best = { amount: Number(amount), unit, index: m.index }
  }
  return best
}
