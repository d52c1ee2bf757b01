/**
 * Cities by name in any language and script, from GeoNames (gazetteer.tsv, made by `npm run
 * gazetteer`): the venue a report names, declined or not ("Стамбулі", "Ženevě", "Stambule"), is
 * the city another report names in its own language ("Istanbul", "Женева", "Genf"), so reports of
 * one meeting in several languages can agree on its venue, and a round shows a venue in the form a
 * reader looks up, not the case a sentence put it in. Only names already read as places are looked
 * up here: the gazetteer never makes a word a place.
 *
 *   cityNamed('Стамбулі')?.name // 'Istanbul'
 *   cityLabel('Стамбулі')        // 'Стамбул'
 */
import raw from './gazetteer.tsv?raw'
import { remembered } from '../text/remembered'
import { placeKey } from './places'

export interface City {
  /** GeoNames id. */
  id: number
  /** ISO 3166 country code. */
  country: string
  population: number
  /** GeoNames' name (international, usually the English one). */
  name: string
  /** Every name of it, GeoNames' first. */
  names: readonly string[]
}

/** Whether the table holds every city of the data. */
let complete = false

/** Spellings that vary where the letters do not: the Polish ł as l (as placeKey spells it), Arabic alef variants as plain alef. */
const FOLD: Readonly<Record<string, string>> = { ł: 'l', أ: 'ا', إ: 'ا', آ: 'ا' }
const FOLDED = /[łأإآ]/u
const FOLDED_ALL = /[łأإآ]/gu

/** Lower case, composed, with FOLD's letters folded: how names are compared. */
const fold = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFC')
    .replace(FOLDED_ALL, (c) => FOLD[c] ?? c)

/** The first three characters of a name, folded (GeoNames writes its names composed). */
function bucketOf(name: string): string {
  const low = name.slice(0, 6).toLowerCase().slice(0, 3)
  return FOLDED.test(low) ? low.replace(FOLDED_ALL, (c) => FOLD[c] ?? c) : low
}

/** The table as far as it is made (per bucket, its cities and names in turn: city, name, city, name…), and where in the data its making stands. */
const made = new Map<string, Array<City | string>>()
let cursor = 0

/** Adds up to `lines` cities to the table; true once it holds them all. */
function loadSome(lines: number): boolean {
  for (let n = 0; n < lines && cursor < raw.length; n++) {
    let end = raw.indexOf('\n', cursor)
    if (end < 0) end = raw.length
    const line = raw.slice(cursor, end)
    cursor = end + 1
    if (!line || line.startsWith('#')) continue
    const f = line.split('\t')
    const names = f.slice(3)
    const city: City = { id: Number(f[0]), country: f[1] ?? '', population: Number(f[2]), name: names[0] ?? '', names }
    for (const name of names) {
      const bucket = bucketOf(name)
      const list = made.get(bucket)
      if (list) list.push(city, name)
      else made.set(bucket, [city, name])
    }
  }
  complete = cursor >= raw.length
  return complete
}

/** The whole table (made at once, about 0.1 s, unless warmGazetteer made it in the background). */
function load(): Map<string, Array<City | string>> {
  while (!loadSome(Number.MAX_SAFE_INTEGER));
  return made
}

/**
 * Makes the table a thousand cities at a time, a turn of the event loop between (some 10 ms each),
 * so that the first detection of rounds does not make it at once on the thread that answers calls.
 */
export async function warmGazetteer(): Promise<void> {
  while (!loadSome(1000)) await new Promise((resolve) => setImmediate(resolve))
}

const keyOf = (name: string): string => fold(placeKey(name))
/** The city `name` names (in any language, in any case the language declines it in), the most populous of several; or null. */
export const cityNamed: (name: string) => City | null = remembered((name: string) => byKey(keyOf(name.trim())), 20_000)

/** The city of a key (a name's placeKey, folded): its names' bucket read once per key. */
const byKey = remembered((key: string): City | null => {
  if (key.length < 2) return null
  let city: City | null = null
  const list = load().get(bucketOf(key)) ?? []
  for (let i = 0; i < list.length; i += 2) {
    const candidate = list[i] as City
    if (keyOf(list[i + 1] as string) === key && (!city || candidate.population > city.population)) city = candidate
  }
  return city
}, 20_000)

/** The key two names of one city share: its GeoNames id when the gazetteer knows it, else the name's placeKey. */
export const cityKey: (name: string) => string = remembered((name: string) => {
  const city = cityNamed(name)
  return city ? `geo:${city.id}` : placeKey(name)
}, 20_000)

/**
 * How to show a venue written `written`: the form of its name the gazetteer gives in the same letters
 * that a case ending does not change ("Стамбулі" → "Стамбул", "Ženevě" → "Ženeva"); the written form
 * when it is one of the city's names, or when the gazetteer does not know it.
 */
export function cityLabel(written: string): string {
  const name = written.trim()
  const city = cityNamed(name)
  if (!city || city.names.includes(name)) return name
  const key = keyOf(name)
  const forms = city.names.filter((n) => keyOf(n) === key)
  // Of several (Stambul, Stambuł), the one that shares the longest beginning with the written form.
  const shared = (n: string): number => {
    let i = 0
    while (i < n.length && i < name.length && n[i]?.toLowerCase() === name[i]?.toLowerCase()) i++
    return i
  }
  return forms.reduce<string | null>((best, n) => (best === null || shared(n) > shared(best) ? n : best), null) ?? name
}
