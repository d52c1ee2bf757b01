/** Written dates: the forms pages print, read to a calendar day or not at all. */
import { describe, expect, it } from 'vitest'
import { findDates } from './dates'

const first = (text: string, monthFirst = false): string | null => findDates(text, { monthFirst, limit: 1 })[0]?.date ?? null

describe('a two-digit year', () => {
  it('is read where a time of day follows the date', () => {
    expect(first('Posted 28.09.19 12:44 by a reader')).toBe('2019-09-28')
    expect(first('23.09.20 | 18:19')).toBe('2020-09-23')
    expect(first('06.11.98, 9.30 Uhr')).toBe('1998-11-06')
  })
  it('is read when the date and the time are printed without a space', () => {
    // Not the year 1912 followed by ":44".
    expect(first('reader28.09.1912:44')).toBe('2019-09-28')
  })
  it('is not read alone: "1.2.20" could be a version or a score', () => {
    expect(first('Version 1.2.20 fixes the export')).toBeNull()
    expect(first('Updated on 28.09.19.')).toBeNull()
  })
  it('leaves four-digit years as they were', () => {
    expect(first('28.09.2019 12:44')).toBe('2019-09-28')
    expect(first('Bilanz 2020: 16.08.2020')).toBe('2020-08-16')
  })
})

describe('a two-digit year before something that is not a time of day', () => {
  it('is not read before a second date or a schedule', () => {
    expect(first('Road closed 04.11.23 – 30.08.24')).toBeNull()
    expect(first('19.1.23, 10:00-11:30 Uhr')).toBeNull()
  })
})
