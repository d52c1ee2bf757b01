import { describe, expect, it } from 'vitest'
import { nextSelection, sentencesOf } from './keyboardSelect'

const body = 'First one here. Second “quoted.” Third?\n\nNew paragraph without stop'
const text = (s: { start: number; end: number } | null): string | null => (s ? body.slice(s.start, s.end) : null)

describe('keyboard selection in the article text', () => {
  const sentences = sentencesOf(body)
  it('splits paragraphs into sentences, closing quotes kept', () => {
    expect(sentences.map(text)).toEqual(['First one here.', 'Second “quoted.”', 'Third?', 'New paragraph without stop'])
  })
  it('ends no sentence at an abbreviation or initials, as suggestions read sentences', () => {
    const prose = 'Senior U.S. diplomat Jane Roe met Mr. Doe on Feb. 26 in the city. They talked.'
    expect(sentencesOf(prose).map((s) => prose.slice(s.start, s.end))).toEqual([
      'Senior U.S. diplomat Jane Roe met Mr. Doe on Feb. 26 in the city.',
      'They talked.',
    ])
  })
  it('moves by sentence, extends by sentence and by word at either end', () => {
    const none = { shift: false, alt: false, ctrl: false }
    const first = nextSelection('ArrowDown', none, null, sentences, body)
    expect(text(first)).toBe('First one here.')
    const second = nextSelection('ArrowDown', none, first, sentences, body)
    expect(text(second)).toBe('Second “quoted.”')
    expect(text(nextSelection('ArrowUp', none, second, sentences, body))).toBe('First one here.')
    const two = nextSelection('ArrowDown', { shift: true, alt: false, ctrl: false }, first, sentences, body)
    expect(text(two)).toBe('First one here. Second “quoted.”')
    expect(text(nextSelection('ArrowUp', { shift: true, alt: false, ctrl: false }, two, sentences, body))).toBe('First one here.')
    const less = nextSelection('ArrowLeft', { shift: true, alt: true, ctrl: false }, first, sentences, body)
    expect(text(less)).toBe('First one')
    expect(text(nextSelection('ArrowRight', { shift: true, alt: true, ctrl: false }, less, sentences, body))).toBe('First one here.')
    expect(text(nextSelection('ArrowRight', { shift: true, alt: true, ctrl: true }, first, sentences, body))).toBe('one here.')
  })
})
