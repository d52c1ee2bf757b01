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

/**
 * Spellings that vary where the letters do not: the Polish ł as l (as placeKey spells it), Arabic alef variants as
 * plain alef, and the katakana ヴ (a "v" that Japanese news writes as ブ: GeoNames' ジュネーヴ is the press's ジュネーブ).
 */
const FOLD: Readonly<Record<string, string>> = { ł: 'l', أ: 'ا', إ: 'ا', آ: 'ا', ヴ: 'ブ' }
const FOLDED = /[łأإآヴ]/u
const FOLDED_ALL = /[łأإآヴ]/gu

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

/**
 * The table: where each name stands in the data (its start and end), grouped by the hash of its
 * bucket. Positions in typed arrays, not strings, arrays and City objects, because the main process
 * may hold a 19 MB article in a small heap while the table is made: strings and objects for the
 * 130,000 names took 15 MB, these positions take about 1.5 MB. A city is read from its line when a
 * lookup finds it.
 */
const SLOTS = 1 << 15
/** Per slot, where its names start in `names` (slot s: names s[i]..s[i+1]); null until the table is complete. */
let slotStart: Int32Array | null = null
/** Start and end of each name in the data, in turn, grouped by slot. */
let names = new Int32Array(0)
/** While the table is made: start, end and slot of each name read so far. */
let pending = new Int32Array(3 * 8192)
let pendingLength = 0
// The data's first line, a comment, is skipped once. (Reading a character of \`raw\` line by line made the
// bundler copy the whole 2 MB string into the loop's code: one more copy of it in the app.)
let cursor = raw.indexOf('\n') + 1

function slotOf(bucket: string): number {
  let h = 0
  for (let i = 0; i < bucket.length; i++) h = (Math.imul(h, 31) + bucket.charCodeAt(i)) | 0
  return (h >>> 0) & (SLOTS - 1)
}

function addPending(start: number, end: number, slot: number): void {
  if (pendingLength + 3 > pending.length) {
    const grown = new Int32Array(pending.length * 2)
    grown.set(pending)
    pending = grown
  }
  pending[pendingLength++] = start
  pending[pendingLength++] = end
  pending[pendingLength++] = slot
}

/** Groups the names read by slot (a counting sort), and lets the pending list go. */
function finish(): void {
  const starts = new Int32Array(SLOTS + 1)
  for (let i = 2; i < pendingLength; i += 3) (starts[(pending[i] as number) + 1] as number)++
  for (let s = 0; s < SLOTS; s++) starts[s + 1] = (starts[s + 1] as number) + (starts[s] as number)
  const next = starts.slice(0, SLOTS)
  names = new Int32Array((pendingLength / 3) * 2)
  for (let i = 0; i < pendingLength; i += 3) {
    const at = (next[pending[i + 2] as number] as number)++
    names[2 * at] = pending[i] as number
    names[2 * at + 1] = pending[i + 1] as number
  }
  pending = new Int32Array(0)
  pendingLength = 0
  slotStart = starts
}

/** Adds up to `lines` cities to the table; true once it holds them all. */
function loadSome(lines: number): boolean {
  if (slotStart) return true
  for (let n = 0; n < lines && cursor < raw.length; n++) {
    let end = raw.indexOf('\n', cursor)
    if (end < 0) end = raw.length
    const line = cursor
    cursor = end + 1
    if (line === end) continue
    // The names are the fields after the third tab.
    let at = line
    for (let tabs = 0; tabs < 3 && at < end; tabs++) at = raw.indexOf('\t', at) + 1
    if (at <= line || at > end) continue
    while (at < end) {
      let stop = raw.indexOf('\t', at)
      if (stop < 0 || stop > end) stop = end
      if (stop > at) addPending(at, stop, slotOf(bucketOf(raw.slice(at, Math.min(stop, at + 6)))))
      at = stop + 1
    }
  }
  if (cursor >= raw.length) finish()
  return slotStart !== null
}

/** The city of the line that starts at `line`. */
const cityAt = remembered((line: number): City => {
  let end = raw.indexOf('\n', line)
  if (end < 0) end = raw.length
  const f = raw.slice(line, end).split('\t')
  const names = f.slice(3)
  return { id: Number(f[0]), country: f[1] ?? '', population: Number(f[2]), name: names[0] ?? '', names }
}, 20_000)

/** Where the line that holds the data at `at` starts. */
const lineOf = (at: number): number => raw.lastIndexOf('\n', at) + 1

/** The whole table (made at once, about 0.1 s, unless warmGazetteer made it in the background). */
function load(): { starts: Int32Array; names: Int32Array } {
  while (!loadSome(Number.MAX_SAFE_INTEGER));
  return { starts: slotStart as Int32Array, names }
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
export const cityNamed: (name: string) => City | null = remembered((name: string) => {
  const written = name.trim()
  const key = keyOf(written)
  return byKey(key) ?? declinedOtherwise(written.toLowerCase(), key)
}, 20_000)

const VOWEL = /[aeiouyáéíóúýěůąęäöüőűåæøàèìòùâêîôûãõë]/u
const LATIN_WORD = /^[\p{Script=Latin}\p{M}'’-]+$/u
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}\p{M}'’-]+$/u

/**
 * The city a declined Latin-script name stands for where its key finds none (the most populous of a few
 * forms; null when none is a city). Czech, Slovak and Polish drop the e before a name's last consonant
 * when an ending follows ("Vídeň", "v Vídni"; "Wiedeń", "w Wiedniu"): a key ending in two consonants is
 * tried with it (in Cyrillic too). A short name keeps its ending in its key (placeKey keeps four letters, so that "Bari"
 * and "Bar" stay apart): "v Římě", "v Brně", "v Ufě" (a locative ending, not -a or -o) are tried without it, and with -a or -o (Řím, Brno, Ufa).
 */
function declinedOtherwise(lower: string, key: string): City | null {
  const tries: string[] = []
  if (CYRILLIC_WORD.test(lower)) {
    // Ukrainian and Russian drop it too ("Відень", "у Відні"); Ukrainian writes і in a name's last closed syllable
    // and о or е where an ending follows, ї and є likewise ("Харків", "у Харкові"; "Київ", "у Києві").
    const dropped = /^(.{2,}[^аеиоуыэюяьйіїєё])([^аеиоуыэюяьйіїєё])$/u.exec(key)
    if (dropped) tries.push(`${dropped[1]}е${dropped[2]}`)
    const closed = /^(.{1,})([оеє])([^аеиоуыэюяьйіїєё]+)$/u.exec(key)
    if (closed) tries.push(`${closed[1]}${closed[2] === 'є' ? 'ї' : 'і'}${closed[3]}`)
  } else if (LATIN_WORD.test(lower)) {
    const last = key.slice(-1)
    const before = key.slice(-2, -1)
    if (key.length >= 4 && /\p{L}/u.test(last) && !VOWEL.test(last) && /\p{L}/u.test(before) && !VOWEL.test(before))
      tries.push(`${key.slice(0, -1)}e${last}`)
    if (key === lower.normalize('NFC') && /[ěeiuyą]$/u.test(key)) {
      const stem = key.replace(new RegExp(`${VOWEL.source}+$`, 'u'), '')
      if (stem.length >= 2 && stem.length <= 3) tries.push(stem, `${stem}a`, `${stem}o`)
    }
  }
  let best: City | null = null
  for (const t of tries) {
    const city = byKey(keyOf(t))
    if (city && (!best || city.population > best.population)) best = city
  }
  return best
}

/** The city of a key (a name's placeKey, folded): its names' bucket read once per key. */
const byKey = remembered((key: string): City | null => {
  if (key.length < 2) return null
  let city: City | null = null
  const bucket = bucketOf(key)
  const slot = slotOf(bucket)
  const { starts, names } = load()
  for (let i = starts[slot] as number; i < (starts[slot + 1] as number); i++) {
    const name = raw.slice(names[2 * i], names[2 * i + 1])
    // Other buckets share the slot: only this bucket's names are this key's.
    if (keyOf(name) !== key || bucketOf(name) !== bucket) continue
    const candidate = cityAt(lineOf(names[2 * i] as number))
    if (!city || candidate.population > city.population) city = candidate
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
  // The written form is one of its names spelt as the folding allows (ジュネーブ for ジュネーヴ): as written.
  const spelt = (n: string): string => n.normalize('NFC').replace(FOLDED_ALL, (c) => FOLD[c] ?? c)
  if (forms.some((n) => spelt(n) === spelt(name))) return name
  // Of several (Stambul, Stambuł), the one that shares the longest beginning with the written form.
  const shared = (n: string): number => {
    let i = 0
    while (i < n.length && i < name.length && n[i]?.toLowerCase() === name[i]?.toLowerCase()) i++
    return i
  }
  return forms.reduce<string | null>((best, n) => (best === null || shared(n) > shared(best) ? n : best), null) ?? name
}
