/** Written dates: the forms pages print, read to a calendar day or not at all. */
import { describe, expect, it } from 'vitest'
import { findDates, findRelativeTime, solarHijriDay, writesMonthFirst } from './dates'

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
    expect(first('Updated on 8.9.19.')).toBeNull()
  })
  it('leaves four-digit years as they were', () => {
    expect(first('28.09.2019 12:44')).toBe('2019-09-28')
    expect(first('Bilanz 2020: 16.08.2020')).toBe('2020-08-16')
  })
})

describe('a two-digit year before something that is not a time of day', () => {
  it('is not read before a second date or a schedule', () => {
    expect(first('Road closed 4.11.23 – 30.8.24')).toBeNull()
    expect(first('19.1.23, 10:00-11:30 Uhr')).toBeNull()
  })
})

describe('forms pages print', () => {
  it('reads a date printed twice without a space', () => {
    expect(first('17/11/201917/11/2019 ~ a reader')).toBe('2019-11-17')
    expect(first('2. Februar 20202. Februar 2020')).toBe('2020-02-02')
  })
  it('reads a comma before the year, an apostrophe year and month abbreviations', () => {
    expect(first('12 Dezember, 2015')).toBe('2015-12-12')
    expect(first('Veröffentlicht am 14 Feb ’20 | Kategorie')).toBe('2020-02-14')
    expect(first('Aktualisiert am 06. Mär. 2023')).toBe('2023-03-06')
    expect(first('3 mrt 2021')).toBe('2021-03-03')
  })
  it('reads a slashed two-digit year before a time as the page’s order says', () => {
    expect(first('Publié le 02/11/23 à 16h33')).toBe('2023-11-02')
    expect(first('Posted 11/02/23 at 4:33', true)).toBe('2023-11-02')
  })
  it('does not read a year run into other digits', () => {
    expect(first('Order 2020123 shipped')).toBeNull()
  })
})

describe('more forms', () => {
  it('reads a zero-padded two-digit-year date on its own, not a short one', () => {
    expect(first('Artikel vom 31.10.23')).toBe('2023-10-31')
    expect(first('Version 1.2.20 and 10.2.3.4')).toBeNull()
    expect(first('Address 10.12.14.2')).toBeNull()
  })
  it('reads a time run into the year', () => {
    expect(first('November 9, 20235:01 AM ET')).toBe('2023-11-09')
    expect(first('3 de mayo de 202221:25')).toBe('2022-05-03')
  })
  it('reads Hungarian, Danish and Albanian dates', () => {
    expect(first('2020. 06. 04. 11:27')).toBe('2020-06-04')
    expect(first('2020. augusztus 18-án')).toBe('2020-08-18')
    expect(first('10. marts 2020')).toBe('2020-03-10')
    expect(first('13 gusht 2020, 09:08')).toBe('2020-08-13')
  })
})

describe('bars between the parts', () => {
  it('reads "26 | 01 | 2022"', () => {
    expect(first('26 | 01 | 2022 Schweiz')).toBe('2022-01-26')
  })
})

describe('the order a page writes numeric dates in', () => {
  it('is month first when month names come before the day, or a second number cannot be a month', () => {
    expect(writesMonthFirst('Posted 06/01/2020\nMore: Jun 3, 2020\nOlder: May 28, 2020')).toBe(true)
    expect(writesMonthFirst('Posted 06/01/2020\nMore: 04/13/2020')).toBe(true)
  })
  it('is day first otherwise: day before the month name, a first number over 12, or nothing to tell', () => {
    expect(writesMonthFirst('Posted 06/01/2020\nMore: 3 June 2020\nOlder: 28 May 2020')).toBe(false)
    expect(writesMonthFirst('Posted 06/01/2020\nMore: 13/04/2020')).toBe(false)
    expect(writesMonthFirst('Posted 06/01/2020')).toBe(false)
    // Dotted dates are day first everywhere and tell nothing; one month-first date then decides.
    expect(writesMonthFirst('01.06.2020, 02.06.2020, June 3, 2020')).toBe(true)
  })
})

describe('the Solar Hijri calendar', () => {
  it('reads Iranian and Afghan month names, in Persian or ASCII digits, as the Gregorian day', () => {
    expect(first('سه‌شنبه ۲۹ بهمن ۱۳۹۸')).toBe('2020-02-18')
    // The Arabic yeh typed for the Persian one.
    expect(first('تاریخ انتشار: ۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹')).toBe('2020-05-10')
    expect(first('1 فروردین 1403')).toBe('2024-03-20')
    expect(first('۱۲ حوت ۱۳۹۸')).toBe('2020-03-02')
  })
  it('leaves other numbers and impossible days alone', () => {
    expect(first('۳۱ اسفند ۱۳۹۸')).toBeNull()
    expect(first('ساخت ۱۲ واحد ۱۳۹۸')).toBeNull()
    expect(solarHijriDay(1399, 7, 31)).toBeNull()
  })
})

describe('a month name between separators', () => {
  it('is read with slashes, dots or dashes around it', () => {
    expect(first('Posted 29 / Dezember / 2022')).toBe('2022-12-29')
    expect(first('15-Apr-2020 at noon')).toBe('2020-04-15')
    expect(first('1.Jan.2020')).toBe('2020-01-01')
  })
  it('takes a two-digit year only after a month name so written', () => {
    expect(first('Autor: J. Roe, Datum: 03.Mär.19')).toBe('2019-03-03')
    expect(first('4-Mar-21')).toBe('2021-03-04')
  })
  it('leaves words that are not months, and other numbers, alone', () => {
    expect(first('Release v1.Beta.20 is out')).toBeNull()
    expect(first('Treffen 12-Uhr-20')).toBeNull()
    expect(first('COVID-19 cases rose')).toBeNull()
  })
})

describe('a relative time', () => {
  it('is read in the languages Intl writes, long or short', () => {
    expect(findRelativeTime('By Jane Roe | News • 16 hours ago')).toEqual({ amount: 16, unit: 'hour', index: 21 })
    expect(findRelativeTime('vor 23 Minuten')).toMatchObject({ amount: 23, unit: 'minute' })
    expect(findRelativeTime('il y a 2 jours')).toMatchObject({ amount: 2, unit: 'day' })
    expect(findRelativeTime('3 дня назад')).toMatchObject({ amount: 3, unit: 'day' })
    expect(findRelativeTime('hace 5 horas')).toMatchObject({ amount: 5, unit: 'hour' })
    expect(findRelativeTime('قبل ١٧ ساعة')).toMatchObject({ amount: 17, unit: 'hour' })
    expect(findRelativeTime('16時間前')).toMatchObject({ amount: 16, unit: 'hour' })
    // Japanese runs the next word on.
    expect(findRelativeTime('5時間前に更新')).toMatchObject({ amount: 5, unit: 'hour' })
    expect(findRelativeTime('7m ago')).toMatchObject({ amount: 7, unit: 'minute' })
  })
  it('is not a count, a reading time or a date', () => {
    expect(findRelativeTime('Join 66,991 other players')).toBeNull()
    expect(findRelativeTime('5 min read')).toBeNull()
    expect(findRelativeTime('12 hours of music')).toBeNull()
    expect(findRelativeTime('16 March 2020')).toBeNull()
    expect(findRelativeTime('vor 3 Stundenplänen')).toBeNull()
  })
})
