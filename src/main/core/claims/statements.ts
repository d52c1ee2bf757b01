import { figures } from '../rounds/figures'
import { quotedSpans } from '../rounds/quotes'
import { sentences } from '../../../shared/sentences'
import { foldAccents, stem, terms } from '../text/terms'
import { romanize } from './translit'

/**
 * Attributed statements in an article: a speaker, an attribution verb and what was said ("X
 * said…", "according to X", «…», заявил X), with the numbers and dates they carry. The patterns
 * are the grammar of reporting in English, Russian, German, French and Spanish; none names anyone.
 */
export interface Statement {
  start: number
  end: number
  text: string
  speaker: string | null
  /** Lower-case key of the speaker: the last word of the name, romanised, diacritics folded ("araghchi"). */
  speakerKey: string | null
  verb: string | null
  quote: string | null
  /** Word 5-grams of the quotation (for "same quotation"). */
  quoteGrams: string[]
  /** Content-word stems without the speaker's and the verb's words. */
  words: Set<string>
  /** Counted things: value, noun, and the stems of the words describing it ("world" in "six world powers"). */
  numbers: Array<{ value: number; noun: string; text: string; describing: string[] }>
  dates: string[]
}

// A name: capitalised words, with the particles names carry (al-, de, von, ibn…).
// A token of a name: an initial ("J.") or a capitalised word; a word ending a sentence ("Berg.") ends the name.
const CAP = String.raw`(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}\p{M}'’\-]*)`
// A name starts a word ("U.S." is read whole, not from its "S.").
const NAME = String.raw`(?<![\p{L}.])(?:${CAP})(?:\s+(?:(?:al|el|de|da|di|du|van|von|der|bin|ibn|le|la)\s+)?${CAP}){0,5}`
const ARTICLE = String.raw`(?:(?:the|der|die|das|des|le|la|les|l'|el|los|las)\s+)?`
// "said Nordlandic negotiator Anna Berg": an adjective and a role before the name.
const ROLE = String.raw`(?:(?:foreign|deputy|chief|top|senior|prime|special|presidential|lead)\s+)*(?:negotiator|minister|president|mayor|governor|chairman|chairwoman|spokesman|spokeswoman|spokesperson|envoy|official|secretary|diplomat|ambassador|delegate|leader)`
const ROLE_NAME = String.raw`(?:${CAP}\s+)?(?:${ROLE}\s+)?${NAME}`
// After "according to" / "selon" / "según" the source may be a common noun ("the harbour authority").
const SOURCE = String.raw`(?:${ROLE_NAME}|\p{Ll}[\p{L}\-]*(?:\s+\p{Ll}[\p{L}\-]*)?)`

// English, German, French, Spanish and Russian attribution verbs (past and present as reported).
const EN =
  'said|says|told|added|stated|announced|warned|noted|insisted|claimed|argued|declared|stressed|confirmed|denied|wrote|tweeted|posted|explained|emphasized|emphasised|reiterated|acknowledged|admitted|urged|remarked|reported'
const DE = 'sagte|sagt|erklärte|erklärt|betonte|betont|warnte|bestätigte|meinte|kritisierte|forderte|teilte|schrieb|berichtete'
const FR =
  'déclaré|dit|affirmé|indiqué|souligné|ajouté|expliqué|estimé|annoncé|précisé|assuré|déclare|affirme|explique|estime|indique|souligne|ajoute|assure|prévenu'
const ES =
  'dijo|afirmó|declaró|señaló|aseguró|explicó|indicó|añadió|advirtió|anunció|subrayó|destacó|sostuvo|afirma|dice|asegura|señala|explica'
const RU =
  'заявил[аи]?|сказал[аи]?|сообщил[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|пояснил[аи]?|признал[аи]?|указал[аи]?|заявляет|считает|говорит|написал[аи]?'
const RU_NAME = String.raw`\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,3}`

interface Pattern {
  re: RegExp
  /** Which group holds the speaker and which the verb. */
  speaker: number
  verb: number
}

const P = (source: string, speaker: number, verb: number, flags = 'gu'): Pattern => ({ re: new RegExp(source, flags), speaker, verb })

const PATTERNS: Pattern[] = [
  // "Berg said", "Foreign Minister Anna Berg, who led the delegation, told reporters"
  P(String.raw`(${NAME})(?:,[^,\n]{1,80},)?\s+(?:has\s+|had\s+)?(?<![\p{L}])(${EN})(?![\p{L}])`, 1, 2),
  // "…, said Berg", "told the Foreign Minister"
  // Inverted only after a quotation or a comma: "…," said X (not "said Oman, Iran and…").
  P(String.raw`[,"”’»]\s*(?<![\p{L}])(said|says|added|told|wrote|warned|stated)\s+${ARTICLE}(${ROLE_NAME})`, 2, 1),
  P(String.raw`(?<![\p{L}])([Aa]ccording to)\s+${ARTICLE}(${SOURCE})`, 2, 1),
  // German: "Müller sagte", "sagte Müller", "laut Müller", "Müller zufolge", "nach Angaben des Ministeriums"
  P(String.raw`(${NAME})\s+(${DE})(?![\p{L}])`, 1, 2),
  P(String.raw`(?<![\p{L}])(${DE}|so)\s+${ARTICLE}(${NAME})`, 2, 1),
  P(String.raw`(?<![\p{L}])([Ll]aut|[Nn]ach Angaben)\s+${ARTICLE}(${NAME})`, 2, 1),
  P(String.raw`(${NAME})\s+(zufolge)(?![\p{L}])`, 1, 2),
  // French: "Dupont a déclaré", "a déclaré Dupont", "selon Dupont", "d'après le ministère"
  P(String.raw`(${NAME})\s+(?:a|avait)\s+(${FR})(?![\p{L}])`, 1, 2),
  P(String.raw`(?:a\s+)?(?<![\p{L}])(${FR})\s+${ARTICLE}(${NAME})`, 2, 1),
  P(String.raw`(?<![\p{L}])([Ss]elon|[Dd]'après|[Dd]’après)\s+${ARTICLE}(${SOURCE})`, 2, 1),
  // Spanish: "García dijo", "dijo García", "según el ministro"
  P(String.raw`(${NAME})\s+(${ES})(?![\p{L}])`, 1, 2),
  P(String.raw`(?<![\p{L}])(${ES})\s+${ARTICLE}(${NAME})`, 2, 1),
  P(String.raw`(?<![\p{L}])([Ss]egún)\s+${ARTICLE}(${SOURCE})`, 2, 1),
  // Russian: "Иванов заявил", "заявил Иванов", "по словам Иванова", "как сообщает агентство"
  P(String.raw`(${RU_NAME})\s+(${RU})(?![\p{L}])`, 1, 2),
  P(String.raw`(?<![\p{L}])(${RU})\s+(${RU_NAME})`, 2, 1),
  P(String.raw`(?<![\p{L}])([Пп]о словам|[Пп]о данным|[Кк]ак сообщает|[Кк]ак сообщил[аи]?)\s+(${RU_NAME})`, 2, 1),
]

// Capitalised words that start sentences or name times, not speakers.
const NOT_NAMES = new Set(
  (
    'the a an he she it they we i you this that these those there but and or so in on at for of to by with as if when while ' +
    'after before monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december today yesterday earlier later also meanwhile however then er sie es wir ich man der die das ' +
    'und aber il elle ils nous on et mais el ella ellos y pero он она они мы я это но и reuters ap afp'
  ).split(' '),
)
// Titles and roles before a name: kept in the speaker as written, left out of its key.
const ROLE_END =
  /^(?:minister|president|spokesman|spokeswoman|spokesperson|envoy|official|officials|secretary|chief|negotiator|ambassador|director|leader)$/i

/** The speaker as written without leading function words; null when nothing of a name is left ("He said"). */
export function cleanSpeaker(raw: string): { speaker: string; key: string } | null {
  const words = raw.split(/\s+/).filter(Boolean)
  while (words.length && NOT_NAMES.has(foldAccents((words[0] as string).replace(/[’']s$/, '')))) words.shift()
  // A trailing possessive or role word ("Iran's", "the ministry's spokesman") stays in the name.
  while (words.length && NOT_NAMES.has(foldAccents(words.at(-1) as string))) words.pop()
  // "mayor Ilse Varga": a lower-case role before a name is left out; "the harbour authority" stays.
  if (words.some((w) => /^\p{Lu}/u.test(w))) while (words.length && !/^\p{Lu}/u.test(words[0] as string)) words.shift()
  if (!words.length) return null
  const keyWord = [...words].reverse().find((w) => !ROLE_END.test(w)) ?? (words.at(-1) as string)
  // Romanised first: the same name in Cyrillic and Latin letters is one speaker (translit.ts).
  const key = foldAccents(romanize(keyWord.replace(/[’']s$/, '').replace(/[.,]+$/, '')))
  if (key.length < 2) return null
  return { speaker: words.join(' ').replace(/[.,]+$/, ''), key }
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|Januar|Februar|März|Juni|Juli|Oktober|Dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря'
const DATE = new RegExp(
  String.raw`\b\d{4}-\d{2}-\d{2}\b|(?<![\p{L}])(?:(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:er|\.)?\s+(?:de\s+)?(?:${MONTHS})(?:\s+(?:de\s+)?\d{4})?)(?![\p{L}])`,
  'giu',
)

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu
const wordsOf = (text: string): string[] => (text.match(WORD) ?? []).map((w) => foldAccents(w).replace(/’/g, "'"))
const GRAM = 5

function grams(list: string[]): string[] {
  if (list.length < GRAM) return []
  const out: string[] = []
  for (let i = 0; i + GRAM <= list.length; i++) out.push(list.slice(i, i + GRAM).join(' '))
  return out
}

/** Cap on statements read per article: a long article cannot make a round's work grow without bound. */
export const MAX_STATEMENTS_PER_ARTICLE = 200
/** Cap on the characters of a body read for statements. */
export const MAX_BODY_CHARS = 60_000
const MIN_QUOTE_WORDS = 4

/** Attributed or quoted sentences of a body, in order, each once. */
export function statementsOf(fullBody: string): Statement[] {
  const body = fullBody.length > MAX_BODY_CHARS ? fullBody.slice(0, MAX_BODY_CHARS) : fullBody
  const spans = sentences(body)
  if (!spans.length) return []
  const starts = spans.map((s) => s.start)
  const sentenceAt = (offset: number): number => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  interface Found {
    speaker: string | null
    key: string | null
    verb: string | null
    quote: { start: number; end: number; text: string } | null
    end: number
  }
  const found = new Map<number, Found>()
  const at = (i: number): Found => {
    let f = found.get(i)
    if (!f) found.set(i, (f = { speaker: null, key: null, verb: null, quote: null, end: (spans[i] as { end: number }).end }))
    return f
  }
  for (const p of PATTERNS) {
    p.re.lastIndex = 0
    for (let m = p.re.exec(body); m; m = p.re.exec(body)) {
      const cleaned = cleanSpeaker(m[p.speaker] as string)
      if (!cleaned) continue
      const f = at(sentenceAt(m.index + m[0].indexOf(m[p.speaker] as string)))
      if (f.speaker === null) {
        f.speaker = cleaned.speaker
        f.key = cleaned.key
        f.verb = (m[p.verb] as string).toLowerCase()
      }
    }
  }
  // A sentence that counts something is a statement too (the outlet's own): grouped only when another
  // outlet counts the same thing, so "six world powers" and "five other world powers" meet.
  for (const f of figures(body)) at(sentenceAt(f.start))
  for (const q of quotedSpans(body)) {
    if (wordsOf(q.text).length < MIN_QUOTE_WORDS) continue
    const i = sentenceAt(q.start)
    const f = at(i)
    if (!f.quote) f.quote = q
    // A quotation that runs over several sentences: the statement runs to its end.
    if (q.end > f.end) f.end = Math.min(body.length, q.end + 1)
  }
  const out: Statement[] = []
  for (const i of [...found.keys()].sort((a, b) => a - b)) {
    if (out.length >= MAX_STATEMENTS_PER_ARTICLE) break
    const f = found.get(i) as Found
    const s = spans[i] as { start: number; end: number }
    const start = s.start
    const end = f.end
    if (out.length && (out.at(-1) as Statement).end > start) continue
    const text = body.slice(start, end)
    const skip = new Set(terms(`${f.speaker ?? ''} ${f.verb ?? ''}`))
    const words = new Set(terms(text).filter((t) => !skip.has(t) && !/^\d+$/.test(t)))
    const dates: string[] = []
    DATE.lastIndex = 0
    for (let m = DATE.exec(text); m; m = DATE.exec(text)) dates.push(m[0])
    out.push({
      start,
      end,
      text,
      speaker: f.speaker,
      speakerKey: f.key,
      verb: f.verb,
      quote: f.quote?.text ?? null,
      quoteGrams: f.quote ? grams(wordsOf(f.quote.text)) : [],
      words,
      numbers: figures(text).map((x) => {
        const noun = stem(x.noun)
        return { value: x.value, noun: x.noun, text: x.text, describing: terms(x.text).filter((t) => t !== noun && !/^\d+$/.test(t)) }
      }),
      dates,
    })
  }
  return out
}
