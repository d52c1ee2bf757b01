import { describe, expect, it } from 'vitest'
import { sentences } from './sentences'
import { stem, terms } from './terms'

describe('terms', () => {
  it('meets inflected forms on one stem', () => {
    const same = (a: string, b: string): void => expect(stem(a), `${a} ~ ${b}`).toBe(stem(b))
    same('staffing', 'staff')
    same('staffed', 'staff')
    same('flights', 'flight')
    same('expelled', 'expel')
    same('properties', 'property')
    same('compounds', 'compound')
    same('seized', 'seize')
    same('restoring', 'restore')
    same('embassies', 'embassy')
    same("Russia's", 'Russia')
    expect(stem('bus')).toBe('bus')
    expect(stem('access')).toBe('access')
  })

  it('keeps content words only', () => {
    expect(terms('The talks were held in Geneva, officials said.')).toEqual(['talk', 'held', 'geneva', 'official'])
  })
})

describe('sentences', () => {
  it('splits a body into sentences with exact offsets, not at abbreviations or decimals', () => {
    const body =
      'The U.S. Embassy in Moscow said on Feb. 27 that talks would go on. Growth was 3.5 percent! "We agree," he said.\n\nA second paragraph (with Mr. Smith) ends here.'
    const spans = sentences(body)
    expect(spans.map((s) => s.text)).toEqual([
      'The U.S. Embassy in Moscow said on Feb. 27 that talks would go on.',
      'Growth was 3.5 percent!',
      '"We agree," he said.',
      'A second paragraph (with Mr. Smith) ends here.',
    ])
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text)
    expect(spans.map((s) => s.paragraph)).toEqual([0, 0, 0, 1])
  })
})
