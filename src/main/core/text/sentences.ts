import { isSpace, paragraphs } from '../../../shared/body'

/** A sentence of a clean body, by offsets: `body.slice(start, end) === text`. */
export interface SentenceSpan {
  start: number
  end: number
  text: string
  paragraph: number
}

// Tokens ending in a period that do not end a sentence.
const ABBREVIATIONS =
  /(?:^|\s|\()(?:[A-Z]\.){1,}$|(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|etc|approx|est|Mt|Ft|Ave|Blvd|Dept|Gov|Pres|Rev|Hon)\.$/

const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu

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
      if (m[0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(from, end - 12), end))) continue
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
