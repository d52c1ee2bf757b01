import { foldAccents } from '../text/terms'
import { cleanSpeaker } from './statements'

/**
 * Credit phrases around a quotation: who an outlet says it got the words from ("told Interfax",
 * "according to Reuters", "Reuters reported", "сообщает ТАСС", "selon l'AFP"). They decide which
 * carrier of a shared quote was the source when publication dates cannot. Grammar only; no
 * agency or outlet is named here.
 */
const CAP = String.raw`(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}\p{M}'’\-]*)`
const NAME = String.raw`(?<![\p{L}.])${CAP}(?:\s+${CAP}){0,4}`
const ARTICLE = String.raw`(?:(?:the|der|die|das|dem|den|le|la|les|el|los|las)\s+|l['’])?`
// "news agency" and its kin between the credit word and the name: "told the news agency Interfax".
const KIND = String.raw`(?:(?:state\s+)?(?:news\s+agency|agency|newspaper|broadcaster|channel|Nachrichtenagentur|Zeitung|agence|agencia|агентству|агентство|изданию|газете)\s+)?`

const CREDITS: RegExp[] = [
  new RegExp(
    String.raw`(?<![\p{L}])(?:told|according to|in an interview with|cited by|quoted by|speaking to)\s+${ARTICLE}${KIND}(${NAME})`,
    'gu',
  ),
  new RegExp(String.raw`(${NAME})\s+(?:reported|quoted\s+\p{L}+\s+as\s+saying|news agency reported)(?![\p{L}])`, 'gu'),
  // German: "sagte der Minister der Nachrichtenagentur X": the credit is the agency, not who spoke.
  new RegExp(String.raw`(?<![\p{L}])(?:der|dem|des)\s+(?:Nachrichtenagentur|Zeitung|Sender|Agentur)\s+(${NAME})`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(?:[Ll]aut|berichtete)\s+${ARTICLE}${KIND}(${NAME})`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(?:a\s+(?:déclaré|dit|confié|indiqué)\s+à|[Ss]elon|rapporte)\s+${ARTICLE}${KIND}(${NAME})`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(?:dijo\s+a|declaró\s+a|[Ss]egún|informó)\s+${ARTICLE}${KIND}(${NAME})`, 'gu'),
  new RegExp(
    String.raw`(?<![\p{L}])(?:сообщает|передает|передаёт|рассказал[аи]?|заявил[аи]?|сообщил[аи]?)\s+${KIND}(\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,2})`,
    'gu',
  ),
]

/** How far around a quotation a credit phrase is looked for (its sentence, roughly). */
const WINDOW = 240

/** The source a body credits for the quotation at [start, end), as written, or null. */
export function creditOf(body: string, start: number, end: number): string | null {
  const from = Math.max(0, start - WINDOW)
  const to = Math.min(body.length, end + WINDOW)
  const around = body.slice(from, to)
  const quoteAt = start - from
  let best: { name: string; distance: number } | null = null
  for (const re of CREDITS) {
    re.lastIndex = 0
    for (let m = re.exec(around); m; m = re.exec(around)) {
      const raw = m[1] as string
      const cleaned = cleanSpeaker(raw)
      if (!cleaned) continue
      const at = m.index
      // Inside the quotation the words are the speaker's, not the outlet's credit.
      if (at >= quoteAt && at < quoteAt + (end - start)) continue
      const distance = at < quoteAt ? quoteAt - at : at - (quoteAt + (end - start))
      if (!best || distance < best.distance) best = { name: cleaned.speaker, distance }
    }
  }
  return best?.name ?? null
}

/** Does a credited name point at this outlet ("Reuters" ~ "Reuters", "The Associated Press" ~ "AP" no)? Compared word by word. */
export function creditNames(credit: string, outlet: string | null): boolean {
  if (!outlet) return false
  const fold = (s: string): string =>
    foldAccents(s)
      .replace(/^the\s+/, '')
      .trim()
  const a = fold(credit)
  const b = fold(outlet)
  return a === b || b.startsWith(`${a} `) || a.startsWith(`${b} `)
}
