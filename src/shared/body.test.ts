import { describe, expect, it } from 'vitest'
import { PARAGRAPH_BREAK, paragraphs, paragraphTexts } from './body'
import { TRICKY } from './body.cases'

const spans = (body: string): string[] => paragraphs(body).map((p) => `${p.start}-${p.end}:${p.text}`)

describe('the body model', () => {
  it('splits at "\\n\\n" only; a paragraph starts at its first non-space character and keeps its end', () => {
    expect(Object.fromEntries(Object.entries(TRICKY).map(([name, body]) => [name, spans(body)]))).toEqual({
      canonical: ['0-9:One. Two.', '11-17:Three.'],
      // A line of spaces is inside a paragraph: the reader's data-start offsets never broke there.
      blankWithSpaces: ['0-11:One.\n \nTwo.'],
      blankWithTab: ['0-11:One.\n\t\nTwo.'],
      crlf: ['0-12:One.\r\n\r\nTwo.'],
      leading: ['2-6:One.'],
      trailing: ['0-4:One.'],
      threeNewlines: ['0-4:One.', '7-11:Two.'],
      emptyParagraph: ['0-4:One.', '8-12:Two.'],
      spacesAfterBreak: ['0-4:One.', '8-12:Two.'],
      spaceBeforeBreak: ['0-5:One. ', '7-11:Two.'],
      whitespaceParagraph: ['0-4:One.', '9-13:Two.'],
    })
    expect(paragraphs('')).toEqual([])
    expect(paragraphTexts(TRICKY.spaceBeforeBreak as string)).toEqual(['One.', 'Two.'])
  })

  it('keeps every offset on its own text: each non-space character outside a break is in one paragraph, in place', () => {
    for (const body of [...Object.values(TRICKY), 'a\n\n\n\n\nb c\n\n \t\n\nd\n']) {
      const ps = paragraphs(body)
      for (const p of ps) expect(body.slice(p.start, p.end)).toBe(p.text)
      const breaks = new Set<number>()
      for (let i = body.indexOf(PARAGRAPH_BREAK); i !== -1; i = body.indexOf(PARAGRAPH_BREAK, i + 2)) breaks.add(i).add(i + 1)
      for (let i = 0; i < body.length; i++) {
        if (/\s/.test(body[i] as string) && (breaks.has(i) || !ps.some((p) => i >= p.start && i < p.end))) continue
        expect(
          ps.filter((p) => i >= p.start && i < p.end),
          `${JSON.stringify(body)} @${i}`,
        ).toHaveLength(1)
      }
    }
  })

  it('on canonical bodies is the plain split the reader, sentences, export and versions each used', () => {
    const body = 'First paragraph, with a clause.\n\nSecond. It has two sentences.\n\nThird.'
    expect(paragraphs(body).map((p) => p.text)).toEqual(body.split('\n\n'))
    expect(paragraphs(body).map((p) => p.start)).toEqual([0, 33, 64])
  })
})
