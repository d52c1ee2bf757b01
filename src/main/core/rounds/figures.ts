import { stem } from '../text/terms'

/** "six state-owned properties" in a body: the number, the noun it counts, and where. */
export interface Figure {
  value: number
  noun: string
  start: number
  end: number
  text: string
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
}
// A count, up to two describing words, then a plural noun: "35 foreign diplomats", "two compounds".
const FIGURE = new RegExp(
  String.raw`\b(\d{1,3}(?:,\d{3})*(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')})\s+((?:[\p{L}-]+\s+){0,2}?)(\p{Ll}[\p{Ll}-]*s)\b`,
  'giu',
)
// Counts that are dates, times or ranks rather than quantities.
const NOT_A_COUNT = /(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|\bNo\.|\bnumber|\bNos?\.)\s*$/i
const SKIP_NOUNS = new Set(['years', 'days', 'months', 'weeks', 'hours', 'minutes', 'times', 'others', 'sides', 'ones'])

/**
 * Counted things in a body.
 *
 *   figures('The city wants six state-owned properties back.') → [{ value: 6, noun: 'properties', text: 'six state-owned properties', … }]
 */
export function figures(body: string): Figure[] {
  const out: Figure[] = []
  FIGURE.lastIndex = 0
  for (let m = FIGURE.exec(body); m; m = FIGURE.exec(body)) {
    const raw = (m[1] as string).toLowerCase()
    const noun = (m[3] as string).toLowerCase()
    if (SKIP_NOUNS.has(noun) || NOT_A_COUNT.test(body.slice(Math.max(0, m.index - 12), m.index))) continue
    const value = NUMBER_WORDS[raw] ?? Number(raw.replace(/,/g, ''))
    if (!Number.isFinite(value) || (value >= 1900 && value <= 2100 && !raw.includes(','))) continue
    out.push({ value, noun, start: m.index, end: m.index + m[0].length, text: m[0] })
  }
  return out
}

/** The subject figures are compared under: a theme whose keywords include the noun, else the noun itself. */
export function subjectOf(noun: string, themes: Array<{ name: string; terms: string[] }>): string {
  const s = stem(noun)
  return themes.find((t) => t.terms.some((k) => stem(k) === s))?.name ?? noun
}
