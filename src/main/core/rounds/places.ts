/**
 * What kind of place a capitalized name is, from data that ships with the runtime: the names of
 * countries and territories that ICU knows (Intl.DisplayNames, in English and the user's language),
 * and the adjectives made from them ("Austria" → "Austrian", "Oman" → "Omani", "China" → "Chinese").
 * A venue is a city or a named place; a country stands in only when no city is named, and a
 * nationality adjective is never a place.
 */
import { remembered } from '../text/remembered'

const REGION_CODES = (() => {
  const out: string[] = []
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  for (const a of letters) for (const b of letters) out.push(a + b)
  // The UN's numeric codes of continents and world regions (ICU names them in every language:
  // "Europa", "Asien", "Lateinamerika"): places as vague as a country, never a city.
  out.push(
    ...'001 002 005 009 011 013 014 015 017 018 019 021 029 030 034 035 039 053 054 057 061 142 143 145 150 151 154 155 202 419'.split(' '),
  )
  return out
})()

/** Each region name ICU knows in a locale, lower-cased, "(…)" qualifiers dropped, with its code; nothing when the locale is unknown. */
export function regionNames(locale: string, add: (plain: string, code: string) => void): void {
  let display: Intl.DisplayNames
  try {
    display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
  } catch {
    return
  }
  for (const code of REGION_CODES) {
    let name: string | undefined
    try {
      name = display.of(code)
    } catch {
      name = undefined
    }
    if (name && name !== code) add(name.toLowerCase().replace(/\s*\(.*\)$/, ''), code)
  }
}

let countryNames: Set<string> | null = null
/** Lower-cased country name (in any of the languages read, Cyrillic ones also by their stem) → its region code. */
const codes = new Map<string, string>()
let countryList: string[] | null = null

/** Lower-cased names of countries and territories (and of their first words: "Saudi", "United"). */
function countries(): { names: Set<string>; list: string[] } {
  if (countryNames && countryList) return { names: countryNames, list: countryList }
  const names = new Set<string>()
  for (const locale of ['en', Intl.DateTimeFormat().resolvedOptions().locale])
    regionNames(locale, (plain, code) => {
      names.add(plain)
      codes.set(plain, code)
      // "Bosnia & Herzegovina": each part is a country name too ("Congo - Kinshasa" is not split: Kinshasa is a city).
      for (const part of plain.split(/\s*[&,]\s*/))
        if (part.length > 2) {
          names.add(part)
          if (!codes.has(part)) codes.set(part, code)
        }
    })
  countryNames = names
  countryList = [...names]
  return { names, list: countryList }
}

// Adjectives of nations, languages and regions not made by adding a suffix to a country's name,
// and of faiths ("the Muslim world", "Orthodox Christmas"): none of them is a place.
const IRREGULAR = new Set(
  'american saudi korean norwegian french swiss dutch thai british english scottish welsh irish spanish polish danish swedish finnish icelandic filipino emirati kurdish arab arabic arabian persian afghan lao czech slovak serb croat greek cypriot maltese soviet western eastern european african asian latin nordic baltic gulf transatlantic muslim islamic christian catholic protestant orthodox evangelical jewish buddhist hindu sikh sunni shia shiite'.split(
    ' ',
  ),
)
const SUFFIXES = ['ian', 'ean', 'an', 'n', 'i', 'ese', 'ish', 'ic', 'ine']

// Countries named in the languages round detection reads (lexicon.ts): "Schweiz", "Suisse", "Suiza",
// "Швейцария" (and, by placeKey, "в Швейцарии"), "İsviçre", "瑞士". Kept apart from the English list, which
// alone makes adjectives (countryOfAdjective): another language's names would turn English words into demonyms.
const OTHER_LOCALES = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'tr', 'ar', 'zh']
let otherNames: Set<string> | null = null

function otherCountries(): Set<string> {
  if (otherNames) return otherNames
  const names = new Set<string>()
  for (const locale of OTHER_LOCALES)
    regionNames(locale, (plain, code) => {
      names.add(plain)
      // Stems of Cyrillic names only ("в Швейцарии"): a Latin stem is often another word or a city ("Turk-ey", "Turk-u").
      const keys = CYRILLIC.test(plain) ? [plain, placeKey(plain)] : [plain]
      for (const key of keys) {
        names.add(key)
        if (!codes.has(key)) codes.set(key, code)
      }
    })
  otherNames = names
  return names
}

const CYRILLIC = /[\u0400-\u04ff]/
const LATIN = /^[\p{Script=Latin}\p{M}\s'’.-]+$/u
/**
 * A place name as compared: lower case, and without its case ending, since many languages decline city names:
 * Russian and Ukrainian ("Женева", "в Женеве", "из Женевы" are one city), and in Latin letters Czech, Slovak,
 * Croatian and Polish ("Ženeva", "v Ženevě", "u Ženevi"; "Genewa", "w Genewie"), Finnish ("Genevessä",
 * "Helsingissä"), Hungarian ("Genfben") and Turkish ("Cenevre'de"). Other scripts as written.
 */
// Asked for every venue compared during detection: a notebook's place names are a few thousand.
export const placeKey: (name: string) => string = remembered(keyOf, 50_000)

function keyOf(name: string): string {
  const lower = name.toLowerCase()
  if (CYRILLIC.test(lower)) {
    const stem = lower.replace(/[аеиоуыэюяьйіїє]+$/u, '')
    return stem.length >= 3 ? stem : lower
  }
  if (!LATIN.test(lower)) return lower
  // "Nowym Jorku", "Novém Městě": the words before the last are adjectives, declined with it ("Nowy Jork").
  const words = lower.split(' ')
  if (words.length < 2) return latinKey(lower)
  const last = words.pop() as string
  return [...words.map((w) => w.replace(ADJECTIVE_ENDING, '$1')), latinKey(last)].join(' ')
}

// Polish, Czech and Slovak adjective endings (nowy, nowym, nowego, nowej; nový, novém, nového), at least three letters left.
const ADJECTIVE_ENDING = /^(\p{L}{3,}?)(?:ym|im|ego|emu|ej|ą|y|i|e|ý|é|á|ém|ého|ým|ou)$/u

// Vowels that end a Latin-script city name or its case ending ("Ženev-a", "Ženev-ě", "Genew-ie", "Paryż-u").
const FINAL_VOWELS = /[aeiouyáéíóúýěůąęäöüőűåæøàèìòùâêîôûãõë]+$/u
/**
 * The stem of a Latin-script place name (lower case). At least four letters are kept, so that short names
 * stay apart ("Bari" and "Bar", "Macau" and "Maceió"); no two of the cities ICU names time zones after share one.
 */
function latinKey(lower: string): string {
  let word = lower.normalize('NFC')
  // Turkish writes the case ending after an apostrophe ("Cenevre'de", "İstanbul'daki"), English the possessive.
  word = word.replace(/['’](?:d[ae]n?|t[ae]n?|[dt][ae]ki|y?[ae]|n?[ıiuü]n|s)$/u, '')
  // Finnish inessive and Hungarian inessive ("Genevessä", "Genfben"), and the Croatian and Serbian locative of a
  // name made as an adjective ("Švicarska" → "u Švicarskoj"), where a stem of four letters is left.
  word = word.replace(/^(.{4,}?)(?:ss[aä]|b[ae]n)$/u, '$1').replace(/^(.{3,}[sč]k)oj$/u, '$1')
  // Polish locatives soften the last consonant: "Madryt" → "Madrycie", "Kair" → "Kairze", "Stambuł" → "Stambule".
  word = word
    .replace(/(.{3,})(?:cie)$/u, '$1t')
    .replace(/(.{3,})dzie$/u, '$1d')
    .replace(/(.{3,}r)ze$/u, '$1')
  // Polish and Czech locatives of names in -ga, -ka, -ha, -ra: "Praga" → "Pradze", "Osaka" → "Osace", "Praha" →
  // "Praze", "Káhira" → "Káhiře"; "ł" and "ń" soften before an ending ("Stambuł" → "Stambule", "Poznań" → "Poznaniu").
  word = word
    .replace(/(.{2,})dze$/u, '$1g')
    .replace(/(.{3,})ce$/u, '$1k')
    .replace(/(.{2,}[aeiouyáéíóúý])ze$/u, '$1h')
    .replace(/(.{3,})ře$/u, '$1r')
  // Czech and Slovak write the soft n only where no vowel follows ("Kodaň", "v Kodani"; "Plzeň", "v Plzni").
  word = word.replace(/ł/gu, 'l').replace(/[ńň]/gu, 'n')
  const stem = word.replace(FINAL_VOWELS, '')
  // Finnish alternates nk and ng before a case ending ("Helsinki", "Helsingissä").
  const key = stem.length >= 4 ? stem : word
  return key.replace(/ng$/u, 'nk')
}

/**
 * A word of a person's name as compared: in Cyrillic without its case ending ("Варга", "Варги", "Варгой";
 * "Лавров", "Лаврова", "Лавровым" are one surname). Other scripts as written, lower case.
 */
export function nameWordKey(word: string): string {
  const lower = word.toLowerCase()
  if (!CYRILLIC.test(lower)) return lower
  const stem = lower.replace(/(?:ым|им|ом|ем|ой|ей|ого|его|ому|ему|ую|юю|ая|яя|ий|ый|ою)$/u, '').replace(/[аеиоуыэюяьйіїє]+$/u, '')
  return stem.length >= 3 ? stem : lower
}

/** "Austria", "United States", "Oman": a country or territory by name. */
export function isCountry(name: string): boolean {
  let known = countryAnswers.get(name)
  if (known === undefined) {
    const lower = name.toLowerCase()
    known =
      countries().names.has(lower) ||
      otherCountries().has(lower) ||
      (CYRILLIC.test(lower) && otherCountries().has(placeKey(lower))) ||
      // Only a form with an ending read off: a name as written may be a city in one language and a country in another ("Tunis").
      (LATIN.test(lower) && placeKey(lower) !== lower && declinedCountries().has(placeKey(lower)))
    if (countryAnswers.size > 50_000) countryAnswers.clear()
    countryAnswers.set(name, known)
  }
  return known
}

/**
 * The region code of a country named in any language read ("Switzerland", "Schweiz", "в Швейцарии" → "CH"),
 * or null: reports in two languages that name one country agree on it.
 */
export function countryCode(name: string): string | null {
  if (!isCountry(name)) return null
  const lower = name.toLowerCase()
  return codes.get(lower) ?? codes.get(placeKey(lower)) ?? declinedCountries().get(placeKey(lower)) ?? lower
}

// Languages that decline country names in Latin letters ("w Szwajcarii", "ve Švýcarsku", "u Švicarskoj",
// "Sveitsissä"): their names of countries, by placeKey's stem, for the declined forms.
const DECLINING = ['pl', 'cs', 'sk', 'hr', 'sl', 'sr-Latn', 'fi', 'hu']
let declined: Map<string, string> | null = null

/** Stem (placeKey) of a country's name in a language that declines it → its region code. Countries and territories only. */
function declinedCountries(): Map<string, string> {
  if (declined) return declined
  const out = new Map<string, string>()
  for (const locale of DECLINING)
    regionNames(locale, (plain, code) => {
      if (!/^[A-Z]{2}$/.test(code) || !LATIN.test(plain)) return
      const key = placeKey(plain)
      if (key.length >= 4 && !out.has(key)) out.set(key, code)
    })
  declined = out
  return out
}

// Asked for every venue compared during detection: remembered as written, without lower-casing again.
const countryAnswers = new Map<string, boolean>()

/** "Austrian", "Omani", "Chinese", "French", "Farsi": an adjective of a nation or a language, not a place. */
export function isDemonym(name: string): boolean {
  return demonyms(name.toLowerCase())
}

// Capitalized words of a notebook are few thousand: remembering each answer keeps this a lookup.
const demonyms = remembered(demonym, 50_000)

let languageNames: Set<string> | null = null

/** Lower-cased names of languages (ICU's, in English): "Farsi", "Hebrew", "Urdu" are no places. */
function languages(): Set<string> {
  if (languageNames) return languageNames
  const names = new Set<string>(['farsi'])
  const display = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
  for (const a of 'abcdefghijklmnopqrstuvwxyz')
    for (const b of 'abcdefghijklmnopqrstuvwxyz') {
      let name: string | undefined
      try {
        name = display.of(a + b)
      } catch {
        name = undefined
      }
      if (name && name !== a + b) names.add(name.toLowerCase())
    }
  languageNames = names
  return names
}

function demonym(word: string): boolean {
  if (IRREGULAR.has(word) || languages().has(word)) return true
  return countryOfAdjective(word) !== null
}

/** The country an adjective is made from ("omani" → "oman", "austrian" → "austria"), or null. */
export function countryOfAdjective(word: string): string | null {
  const lower = word.toLowerCase()
  if (isCountry(lower)) return null
  const { list } = countries()
  for (const suffix of SUFFIXES) {
    if (!lower.endsWith(suffix)) continue
    const stem = lower.slice(0, -suffix.length)
    if (stem.length < 3) continue
    // The stem is the country's name, or all of it but its last one or two letters (Ital-y, Chin-a, Belgi-um).
    const found = list.find((c) => c === stem) ?? list.find((c) => c.startsWith(stem) && c.length - stem.length <= 2 && !c.includes(' '))
    if (found) return found
  }
  return null
}
