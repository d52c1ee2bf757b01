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

/** Splits a body into sentences with offsets, leaving abbreviations (U.S., Feb., Mr.) and decimals inside. */
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
