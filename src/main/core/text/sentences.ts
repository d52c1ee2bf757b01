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

/** Paragraph spans of a body whose paragraphs are separated by one blank line. */
export function paragraphSpans(body: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = []
  let start = 0
  while (start <= body.length) {
    const next = body.indexOf('\n\n', start)
    const end = next === -1 ? body.length : next
    if (end > start) spans.push({ start, end })
    if (next === -1) break
    start = next + 2
  }
  return spans
}

const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu

/** Splits a body into sentences with offsets, leaving abbreviations (U.S., Feb., Mr.) and decimals inside. */
export function sentences(body: string): SentenceSpan[] {
  const out: SentenceSpan[] = []
  paragraphSpans(body).forEach((p, paragraph) => {
    const text = body.slice(p.start, p.end)
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

const SPACE = /\s/

/** `/\s/` on one UTF-16 code unit, without a regular expression for ASCII. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return SPACE.test(String.fromCharCode(c))
}

function push(out: SentenceSpan[], body: string, start: number, end: number, paragraph: number): void {
  while (end > start && isSpace(body.charCodeAt(end - 1))) end--
  while (start < end && isSpace(body.charCodeAt(start))) start++
  if (end > start) out.push({ start, end, text: body.slice(start, end), paragraph })
}
