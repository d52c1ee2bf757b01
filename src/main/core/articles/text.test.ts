import { describe, expect, it } from 'vitest'
import { paragraphsOf, rejoinLines, splitGluedSentences } from './text'

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
