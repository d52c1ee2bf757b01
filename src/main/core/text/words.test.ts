import { describe, expect, it } from 'vitest'
import { letterRuns, paragraphsOf, rejoinLines, splitGluedSentences, squashSpaces, words } from './words'

describe('splitGluedSentences', () => {
  it('splits sentences glued without a space', () => {
    expect(splitGluedSentences('The vote was held in Leeds.The motion passed.')).toBe('The vote was held in Leeds. The motion passed.')
    expect(splitGluedSentences('“We won,” she said.“It was close.”')).toBe('“We won,” she said. “It was close.”')
    expect(splitGluedSentences('Profits rose in 2024.Analysts were surprised.')).toBe('Profits rose in 2024. Analysts were surprised.')
  })

  it('restores the space after a comma without touching numbers', () => {
    expect(splitGluedSentences('Built between 2016 and 2018,Engineers said, at a cost of 1,200,000 pounds.')).toBe(
      'Built between 2016 and 2018, Engineers said, at a cost of 1,200,000 pounds.',
    )
    expect(splitGluedSentences('leaving teams short,leaving fans angry')).toBe('leaving teams short, leaving fans angry')
  })

  it('leaves abbreviations, decimals and URLs alone', () => {
    const kept = [
      'The U.S. Senate voted on Tuesday.',
      'Inflation was 3.5% in March.',
      'See https://example.org/News.Item for details.',
      'Contact press@council.Example.org today.',
      'Dr. Smith and Mr. Jones met at 10 a.m. Monday.',
    ]
    for (const text of kept) expect(splitGluedSentences(text)).toBe(text)
  })
})

describe('rejoinLines', () => {
  it('rejoins a line broken after an abbreviation and lower-case continuations', () => {
    expect(rejoinLines(['Fans of the U.S.', 'Open crowded the gates on Friday.'])).toEqual([
      'Fans of the U.S. Open crowded the gates on Friday.',
    ])
    expect(rejoinLines(['The committee said the new rules would apply from', 'next season onwards.'])).toEqual([
      'The committee said the new rules would apply from next season onwards.',
    ])
  })

  it('keeps lines apart when the next one starts a sentence', () => {
    expect(rejoinLines(['They flew to the U.S.', 'The trip lasted a week.'])).toEqual(['They flew to the U.S.', 'The trip lasted a week.'])
    expect(rejoinLines(['Sport', 'Football'])).toEqual(['Sport', 'Football'])
  })
})

describe('paragraphsOf', () => {
  it('joins hard-wrapped prose but not a menu of short lines', () => {
    const text = [
      'News',
      'Sport',
      '',
      'The harbour authority said on Monday that repairs to the eastern',
      'breakwater would take until the end of the summer to complete,',
      'and that the ferry would run a reduced timetable until then.',
      '',
      'Fishing crews said the delay would cost them a season of work, and',
      'several asked the authority to bring in more contractors to speed',
      'up the repairs before the autumn storms.',
    ].join('\n')
    expect(paragraphsOf(text)).toEqual([
      'News',
      'Sport',
      'The harbour authority said on Monday that repairs to the eastern breakwater would take until the end of the summer to complete, and that the ferry would run a reduced timetable until then.',
      'Fishing crews said the delay would cost them a season of work, and several asked the authority to bring in more contractors to speed up the repairs before the autumn storms.',
    ])
  })
})

describe('words and letterRuns (character scanners)', () => {
  // Text in many scripts, with astral letters and digits, lone surrogates, combining marks,
  // apostrophes, hyphens and the characters lower-casing expands (İ → i̇).
  const samples = [
    "It's 3.5% up — the U.S.-Russia talks' “next round” in Zürich, 2025-03-04.",
    'Переговоры в Стамбуле; 東京で会談 ١٢٣ and ٣ rounds; Ελλάδα – İstanbul İİ ß',
    '𝐁𝐨𝐥𝐝 𝟏𝟐 letters 😀 emoji \uD800 lone \uDC00 surrogates',
    "--leading-hyphen 'quoted' ’tis rock’n’roll e\u0301 cafe\u0301 naïve",
    '',
    '   ',
    "...!!! ''' --",
  ]
  const pool = ['a', 'Z', 'é', 'İ', 'ß', 'ж', '東', '١', "'", '’', '-', ' ', '.', '\u0301', '😀', '𝟏', '\uD800', '\n', ',']
  const random = Array.from({ length: 300 }, (_, n) => {
    let seed = n + 1
    const next = (): number => (seed = (seed * 48271) % 2147483647)
    return Array.from({ length: 40 }, () => pool[next() % pool.length]).join('')
  })

  it('match exactly what the Unicode regular expressions they replace match', () => {
    for (const text of [...samples, ...random]) {
      expect(words(text)).toEqual(text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
      const lower = text.toLowerCase()
      expect(letterRuns(lower)).toBe(lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
    }
  })
})

describe('squashSpaces', () => {
  it('equals collapsing every run of white space and trimming', () => {
    for (const p of ['a b', ' a', 'a ', 'a  b', 'a\tb', 'a\u00a0b', 'a\nb', '\u2003', '', 'plain words, one space each.', ' \u3000x']) {
      expect(squashSpaces(p)).toBe(p.replace(/\s+/g, ' ').trim())
    }
  })
})
