/**
 * A deterministic generator of realistic-looking plain-text news articles for `npm run bench`.
 *
 * Article `i` depends only on (seed, i), so the 1,000-article corpus is the first 1,000 of the
 * 10,000 one. Text mixes sentence templates about diplomatic talks with a Zipf-distributed
 * vocabulary (common English words, then a long tail of generated proper nouns and rare words),
 * so the FTS index sees posting lists shaped like a real corpus. Page furniture (share prompts,
 * donation appeals, photo credits, comment notices, related links) surrounds the text the way
 * it does in pages saved from the web.
 */

export type Rng = () => number

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T
const between = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1))

const COMMON = `the of and to in a that said for on is was with as by he it at from his an have has
be are were not but which this they who had its been their or will one would after more also new
there two about up when than other into out over we talks minister government foreign officials
president country state meeting week talks told statement people year first last could since
embassy diplomats diplomatic sides relations agreement sanctions visit delegation round security
military between against under while during both any some because before what all them still
meeting spokesman spokeswoman ministry negotiations ceasefire border council military trade deal
progress proposal issue issues response leaders summit capital officials according reporters
agency conference dialogue tensions cooperation envoy counterpart bilateral deputy senior talks
support economic energy nuclear weapons forces region regional international national political
European American Russian Ukrainian Turkish Chinese Iranian Saudi Qatari Swiss Austrian
consulate consular visas staff staffing property properties compounds flights airline routes
resume resumed restore restored expelled expulsion retaliation measures access return returned
prisoners exchange humanitarian corridor grain shipments ports maritime navigation inspection
monitoring verification framework roadmap timetable working group experts technical level
constructive frank useful difficult tough forthright productive substantive businesslike
positive negative concerns demands demanded proposed rejected accepted agreed discussed raised
stressed noted added warned insisted expected hoped urged called welcomed criticised denied
Monday Tuesday Wednesday Thursday Friday Saturday Sunday morning afternoon evening hours days
previous next earlier later recent recently already again however meanwhile although despite
following ahead toward towards across inside outside several many few most much such only
`
  .split(/\s+/)
  .filter(Boolean)

const SYLLABLES =
  'ka ri no va lo te mi sa ar ben dor el fi gan hu is jo kel lun mor nes ol pra qui ros tal ul vek wyn yas zor an ev ik on um'.split(' ')

/**
 * Word sampler: Zipf (s≈1.05) over the common words most of the time, otherwise Zipf over a long
 * tail of generated words, so about four tokens in five are everyday words, as in news text.
 */
export class Vocabulary {
  readonly words: string[]
  private readonly head: Float64Array
  private readonly tail: Float64Array

  constructor(seed: number, tail = 40_000) {
    const r = rng(seed ^ 0x5eed)
    const seen = new Set(COMMON.map((w) => w.toLowerCase()))
    const words = [...COMMON]
    while (words.length < COMMON.length + tail) {
      let w = ''
      const n = between(r, 2, 4)
      for (let k = 0; k < n; k++) w += pick(r, SYLLABLES)
      if (seen.has(w)) continue
      seen.add(w)
      // About a third of the tail are proper nouns (people, places, companies).
      words.push(r() < 0.35 ? w[0]?.toUpperCase() + w.slice(1) : w)
    }
    this.words = words
    this.head = zipf(COMMON.length)
    this.tail = zipf(words.length - COMMON.length)
  }

  sample(r: Rng): string {
    return r() < 0.8 ? (this.words[draw(this.head, r())] as string) : (this.words[COMMON.length + draw(this.tail, r())] as string)
  }
}

function zipf(n: number): Float64Array {
  const cumulative = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + 1, 1.05)
    cumulative[i] = sum
  }
  return cumulative
}

function draw(cumulative: Float64Array, u: number): number {
  const x = u * (cumulative[cumulative.length - 1] as number)
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((cumulative[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

const OUTLETS = [
  'Reuters',
  'AFP',
  'Associated Press',
  'The Moscow Times',
  'Al Jazeera',
  'TASS',
  'BBC News',
  'The Guardian',
  'Kyiv Independent',
  'Daily Sabah',
  'Dawn',
  'The Hindu',
  'Deutsche Welle',
  'Anadolu Agency',
  'RFE/RL',
]
const WIRES = ['AFP', 'AP', 'Reuters', 'TASS', 'AA']
const CITIES = [
  'WASHINGTON',
  'MOSCOW',
  'ISTANBUL',
  'GENEVA',
  'RIYADH',
  'ANKARA',
  'VIENNA',
  'BEIJING',
  'DOHA',
  'KYIV',
  'BRUSSELS',
  'ABU DHABI',
]
const VENUES = ['Istanbul', 'Geneva', 'Riyadh', 'Vienna', 'Doha', 'Washington', 'Moscow', 'Ankara', 'Abu Dhabi', 'Helsinki']
const COUNTRIES = ['the United States', 'Russia', 'Ukraine', 'Turkey', 'China', 'Iran', 'Saudi Arabia', 'Qatar', 'Switzerland', 'Austria']
const FIRST = [
  'Thomas',
  'Sergei',
  'Maria',
  'Anna',
  'John',
  'Dmitry',
  'Olena',
  'Ahmed',
  'Leila',
  'Hakan',
  'Wang',
  'Fatima',
  'Peter',
  'Elena',
]
const LAST = [
  'Shannon',
  'Ryabkov',
  'Zakharova',
  'Darchiev',
  'Coulter',
  'Peskov',
  'Fidan',
  'Kuleba',
  'Yermak',
  'Lavrov',
  'Blinken',
  'Witkoff',
]
const TITLES = [
  'deputy foreign minister',
  'ambassador',
  'foreign ministry spokeswoman',
  'national security adviser',
  'special envoy',
  'under secretary of state',
  'presidential aide',
  'head of the delegation',
]
const TOPICS = [
  'embassy staffing',
  'diplomatic properties',
  'direct flights',
  'visa issuance',
  'consular services',
  'sanctions relief',
  'a prisoner exchange',
  'the grain corridor',
  'ceasefire monitoring',
  'nuclear arms control',
  'energy infrastructure',
  'banking channels for embassies',
  'the return of seized compounds',
  'maritime security in the Black Sea',
]
const QUOTES = [
  'The conversation was tough, forthright and deliberate',
  'We have made progress, but much work remains to be done',
  'Almost, almost',
  'There is no agreement until everything is agreed',
  'Both sides showed a readiness to continue the dialogue',
  'This round was businesslike and substantive',
  'We expect concrete steps, not words',
  'The atmosphere was constructive',
]
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export interface GeneratedArticle {
  /** File name, unique per index. */
  name: string
  title: string
  outlet: string
  published: string
  /** The article's own paragraphs (what a clean body should keep). */
  paragraphs: string[]
  /** The whole file as saved from a web page: furniture, headline, byline, text, tail. */
  text: string
}

function person(r: Rng): { name: string; title: string } {
  return { name: `${pick(r, FIRST)} ${pick(r, LAST)}`, title: pick(r, TITLES) }
}

function clause(r: Rng, vocab: Vocabulary, lo: number, hi: number): string {
  const n = between(r, lo, hi)
  const out: string[] = []
  for (let k = 0; k < n; k++) out.push(vocab.sample(r))
  return out.join(' ')
}

function capitalize(s: string): string {
  return s ? (s[0] as string).toUpperCase() + s.slice(1) : s
}

function sentence(r: Rng, vocab: Vocabulary): string {
  const p = person(r)
  const topic = pick(r, TOPICS)
  const country = pick(r, COUNTRIES)
  const day = pick(r, DAYS)
  switch (between(r, 0, 9)) {
    case 0:
      return `${p.name}, the ${p.title}, said the two sides had discussed ${topic} and ${clause(r, vocab, 6, 14)}.`
    case 1:
      return `"${pick(r, QUOTES)}," ${p.name} told reporters in ${pick(r, VENUES)} on ${day}.`
    case 2:
      return `The talks on ${topic} followed a meeting in ${pick(r, VENUES)} last month, where ${clause(r, vocab, 8, 16)}.`
    case 3:
      return `Officials from ${country} said ${clause(r, vocab, 10, 22)}.`
    case 4:
      return `According to the ${p.title}, ${clause(r, vocab, 8, 18)}, although ${clause(r, vocab, 5, 12)}.`
    case 5:
      return `The next round is expected in ${pick(r, VENUES)} in ${pick(r, MONTHS)}, with ${topic} high on the agenda.`
    default:
      return `${capitalize(clause(r, vocab, 10, 24))}.`
  }
}

function furnitureTop(r: Rng, outlet: string): string[] {
  const lines: string[] = []
  if (r() < 0.4) lines.push('Listen to this article')
  if (r() < 0.3) lines.push(`[Home] - [World] - [Europe] - [Politics]`)
  if (r() < 0.5) lines.push(`Photo: ${pick(r, FIRST)} ${pick(r, LAST)} / ${outlet}`)
  return lines
}

function furnitureTail(r: Rng, outlet: string, vocab: Vocabulary): string[] {
  const lines: string[] = []
  if (r() < 0.5) lines.push('Share this article')
  if (r() < 0.4) lines.push(`Support ${outlet}`)
  if (r() < 0.5)
    lines.push(`We need your help. Support independent journalism: donate today and become a member, or sign up for our newsletter.`)
  if (r() < 0.5) lines.push(`Read more: ${capitalize(clause(r, vocab, 4, 8))}`)
  if (r() < 0.3) lines.push('Related stories')
  if (r() < 0.6) lines.push('Comments are closed on this story.')
  return lines
}

function wrap(text: string, width: number): string[] {
  const out: string[] = []
  let line = ''
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line)
      line = w
    } else line = line ? `${line} ${w}` : w
  }
  if (line) out.push(line)
  return out
}

/** Article `index` of the corpus with this seed. */
export function generateArticle(vocab: Vocabulary, seed: number, index: number): GeneratedArticle {
  const r = rng((seed * 2654435761) ^ ((index + 1) * 40503))
  const outlet = pick(r, OUTLETS)
  const year = between(r, 2017, 2025)
  const month = between(r, 1, 12)
  const day = between(r, 1, 28)
  const published = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const p = person(r)
  const topic = pick(r, TOPICS)
  const title = `${capitalize(pick(r, COUNTRIES))} and ${pick(r, COUNTRIES)} hold ${pick(r, ['tough', 'frank', 'new', 'second', 'closed-door'])} talks on ${topic} ${clause(r, vocab, 1, 3)}`

  const paragraphs: string[] = []
  const wire = r() < 0.3 ? pick(r, WIRES) : null
  const city = pick(r, CITIES)
  const lead = `${p.name}, the ${p.title}, met counterparts on ${pick(r, DAYS)} to discuss ${topic}, ${clause(r, vocab, 10, 20)}.`
  paragraphs.push(wire ? `${city} (${wire}) — ${lead}` : `${city}: ${lead}`)
  const count = between(r, 6, 16)
  for (let k = 0; k < count; k++) {
    const n = between(r, 1, 4)
    const ss: string[] = []
    for (let s = 0; s < n; s++) ss.push(sentence(r, vocab))
    paragraphs.push(ss.join(' '))
  }

  const dateLine = r() < 0.6 ? [`Published ${day} ${MONTHS[month - 1]} ${year}`] : []
  const byline = r() < 0.5 ? [`By ${pick(r, FIRST)} ${pick(r, LAST)}`] : []
  const head = [...furnitureTop(r, outlet), title, ...byline, ...dateLine]
  const tail = furnitureTail(r, outlet, vocab)

  // Three layouts seen in saved pages: one paragraph per line, blank-line separated, hard-wrapped.
  const layout = r()
  let text: string
  if (layout < 0.6) text = [...head, ...paragraphs, ...tail].join('\n')
  else if (layout < 0.9) text = [...head, ...paragraphs, ...tail].join('\n\n')
  else text = [...head, ...paragraphs.map((para) => wrap(para, 72).join('\n')), ...tail].join('\n\n')

  const slug = outlet.toLowerCase().replace(/[^a-z]+/g, '-')
  return { name: `${String(index).padStart(6, '0')}_${slug}.txt`, title, outlet, published, paragraphs, text: `${text}\n` }
}

export const STOP = new Set(
  'the of and to in a that said for on is was with as by he it at from his an have has be are were not but which this they who had its been their or will one would after more also there two about up when than other into out over we'.split(
    ' ',
  ),
)
