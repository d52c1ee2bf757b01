import { isSpace, paragraphs } from './body'

/** A sentence of a clean body, by offsets: `body.slice(start, end) === text`. */
export interface SentenceSpan {
  start: number
  end: number
  text: string
  paragraph: number
}

/**
 * Where sentences end: one home for the rules the core uses, sentence splitting here and line
 * rejoining in cleaning (words.ts). The rules differ where they answer different questions, and
 * each is pinned by what it decides: line rejoining decides the paragraphs of every stored body
 * (`npm run eval -- --only=articles`), splitting decides sentence offsets for suggestions, claims
 * and rounds (`--only=rounds`). A rule made wider or narrower for one would change the other's
 * output, so they share their lists here but not their reach.
 */

/** Short forms written with a period that ends no sentence: titles, months, company forms. */
const ABBREVIATED = 'Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Sgt Capt Prof Jr Sr No Jan Feb Aug Sept Oct Nov Dec Inc Corp Co Ltd vs'
/** And more that sentence splitting knows (line rejoining does not: see LINE_ENDS_IN_ABBREVIATION). */
const ABBREVIATED_IN_SENTENCES = `${ABBREVIATED} Nos Mar Apr Jun Jul Sep etc approx est Mt Ft Ave Blvd Dept Pres Rev Hon`
const alternatives = (list: string): string => list.split(' ').join('|')

/**
 * A line ending in an abbreviation (cleaning joins the next line to it): initials count from two
 * ("U.S.", not a lone "A."), and only the short list, since a wrong join merges two paragraphs of
 * the stored body.
 */
export const LINE_ENDS_IN_ABBREVIATION = new RegExp(String.raw`(?:\b(?:[A-Z]\.){2,}|\b(?:${alternatives(ABBREVIATED)})\.)$`)

/** The last few characters of a sentence candidate ending in an abbreviation: one initial ("J.") counts. */
const SENTENCE_ENDS_IN_ABBREVIATION = new RegExp(
  String.raw`(?:^|\s|\()(?:[A-Z]\.){1,}$|(?:^|\s)(?:${alternatives(ABBREVIATED_IN_SENTENCES)})\.$`,
)

// Words that open a sentence; after an abbreviation such a word most likely starts a new sentence.
const SENTENCE_OPENERS = new Set(
  'a an the in on at as but and or so he she it they we i this that these those there after before when while if for since although though however meanwhile yet'.split(
    ' ',
  ),
)

/** Whether a word (any case) usually opens a sentence ("The", "However"). */
export const opensSentence = (word: string): boolean => SENTENCE_OPENERS.has(word.toLowerCase())

/**
 * Whether a line ends as a sentence does, in any script (。！？؟। too), closing quotes and brackets
 * allowed. Splitting inside a paragraph (BOUNDARY below) asks more: a capital or digit after the
 * stop, or, in scripts without case, a word of that script.
 */
export const endsSentence = (text: string): boolean => /[.!?…。！？؟।]["'”’»」』)\]]*$/.test(text)

// Where a sentence ends inside a paragraph: a stop before a capital or a digit; a Chinese or Japanese
// full stop, question or exclamation mark (they end a sentence wherever they stand, with no space after);
// and a stop before a word of a script without capitals (Arabic, Hebrew, Hindi, Bengali, Thai, Korean),
// where "before a capital" can never hold.
const BOUNDARY =
  /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])|[。！？]+["'”’」』）)\]]*|[.!?…؟।॥]+["'”’)\]]*(?=\s+["'“‘([]?[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Thai}\p{sc=Hangul}])/gu

/**
 * Splits a body into sentences with offsets, leaving abbreviations (U.S., Feb., Mr.) and decimals inside.
 *
 * A regular expression, not Intl.Segmenter (issue 20 item 8 proposed it), by measurement in one
 * session: the Segmenter (with the same abbreviation rejoin, since ICU breaks after "Mr." and
 * "U.S.") left `npm run eval -- --only=rounds` unchanged (pair F1 0.777, dated 0.835, passage
 * 0.909) and the tests passing, but split 300 seed bodies in 30 ms against 3.8 ms, and `npm run
 * bench -- --quick --only=suggest,claims` got worse: suggestions' CPU time 453/703 ms against
 * 330/246 ms with a fresh cache and 256/342 against 145/114 ms cached (the '≤ 5× FTS5 scan' target
 * failed once at 6.56×), claims.propose 664/1,488 ms against 550/881 ms. It also breaks at every
 * single line break inside a paragraph (a headline above its first line), which this does not.
 */
export function sentences(body: string): SentenceSpan[] {
  const out: SentenceSpan[] = []
  paragraphs(body).forEach((p, paragraph) => {
    const text = p.text
    // One compiled expression for every paragraph: restart it at the paragraph's beginning.
    const boundary = BOUNDARY
    boundary.lastIndex = 0
    let from = 0
    for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
      const end = m.index + m[0].length
      if (m[0] === '.' && SENTENCE_ENDS_IN_ABBREVIATION.test(text.slice(Math.max(from, end - 12), end))) continue
      push(out, body, p.start + from, p.start + end, paragraph)
      from = end
      while (from < text.length && isSpace(text.charCodeAt(from))) from++
    }
    push(out, body, p.start + from, p.end, paragraph)
  })
  return out
}

function push(out: SentenceSpan[], body: string, start: number, end: number, paragraph: number): void {
  while (end > start && isSpace(body.charCodeAt(end - 1))) end--
  while (start < end && isSpace(body.charCodeAt(start))) start++
  if (end > start) out.push({ start, end, text: body.slice(start, end), paragraph })
}
