/**
 * The body model: an article's clean body is plain text whose paragraphs are separated by one
 * blank line, exactly `"\n\n"` (what the cleaner writes). Every stored offset — highlights,
 * suggestions, find matches, quotes — is an offset into that string, so the reader, sentences,
 * the export and versions all take their paragraphs from here, as spans into the body.
 *
 *   paragraphs('One. Two.\n\nThree.') → [{ start: 0, end: 9, text: 'One. Two.' }, { start: 11, end: 17, text: 'Three.' }]
 *
 * The reader's `data-start` offsets were always computed with this separator, so it is the rule
 * stored highlights depend on. A piece between two separators starts at its first non-space
 * character (a third newline or a leading space is not text) and keeps its end; a piece with no
 * text is not a paragraph. Only the separator is a break: a line of spaces inside a piece is not.
 */
export const PARAGRAPH_BREAK = '\n\n'

/** A [start, end) range of offsets into a body: a highlight's, a selection's, a find match's. */
export interface Span {
  start: number
  end: number
}

/** A paragraph of a body: `body.slice(start, end) === text`. */
export interface Paragraph extends Span {
  text: string
}

/** The paragraphs of a body, in order, as spans into it. */
export function paragraphs(body: string): Paragraph[] {
  const out: Paragraph[] = []
  let from = 0
  for (;;) {
    const next = body.indexOf(PARAGRAPH_BREAK, from)
    const end = next === -1 ? body.length : next
    let start = from
    while (start < end && isSpace(body.charCodeAt(start))) start++
    if (end > start) out.push({ start, end, text: body.slice(start, end) })
    if (next === -1) return out
    from = next + PARAGRAPH_BREAK.length
  }
}

/** The paragraphs' texts, trimmed (what versions compare). */
export function paragraphTexts(body: string): string[] {
  return paragraphs(body)
    .map((p) => p.text.trim())
    .filter(Boolean)
}

const SPACE = /\s/

/** `/\s/` on one UTF-16 code unit, without a regular expression for ASCII. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return SPACE.test(String.fromCharCode(c))
}
