import { describe, expect, it } from 'vitest'
import { compatible, dateMentions, describeDate, edtf, fromEdtf, isoDay, latestFullDate } from './dates'

const one = (text: string, ref: string | null): string | null => {
  const found = dateMentions(text, ref ? isoDay(ref) : null)
  expect(found, text).toHaveLength(1)
  return edtf(found[0]!.date)
}

describe('dateMentions', () => {
  it('resolves a weekday to the latest such day on or before publication', () => {
    // 2025-03-01 is a Saturday.
    expect(one('Diplomats held talks on Thursday.', '2025-03-01')).toBe('2025-02-27')
    expect(one("It was high on the agenda at Monday's talks.", '2025-03-01')).toBe('2025-02-24')
    expect(one('They met on Saturday.', '2025-03-01')).toBe('2025-03-01')
    expect(dateMentions('talks on Thursday', isoDay('2025-03-01'))[0]?.kind).toBe('weekday')
  })

  it('keeps only the weekday when there is nothing to resolve it against', () => {
    const [m] = dateMentions('The two sides held talks Thursday in the capital.', null)
    expect(m?.date).toEqual({ year: null, month: null, day: null, weekday: 4 })
    expect(edtf(m!.date)).toBeNull()
    expect(describeDate(m!.date)).toBe('a Thursday (date unknown)')
  })

  it('gives a month-day without a year the year of the reference, or the year before when it would be weeks ahead', () => {
    expect(one('talks on Feb. 27', '2025-03-01')).toBe('2025-02-27')
    expect(one('June 28 talks between the leaders', '2025-07-10')).toBe('2025-06-28')
    expect(one('the meeting on Dec. 30', '2025-01-03')).toBe('2024-12-30')
    expect(one('talks on March 10', '2025-03-01')).toBe('2025-03-10')
  })

  it('never invents a year: a month-day without reference stays XXXX-MM-DD', () => {
    expect(one('Officials met for talks on Feb. 27 in the capital.', null)).toBe('XXXX-02-27')
    expect(one('restricted in December', null)).toBe('XXXX-12')
    expect(one('restricted in December', '2025-03-01')).toBe('2024-12')
    expect(one('talks on Feb. 27, 2024', null)).toBe('2024-02-27')
  })

  it('skips dates that are plans, and relative words without a reference', () => {
    expect(dateMentions('The meeting had been scheduled for June.', null)).toEqual([])
    const [m] = dateMentions('They met last month.', null)
    expect(m && edtf(m.date)).toBeNull()
    expect(dateMentions('It happened now and over the past few years.', null)).toEqual([])
    expect(one('They met yesterday.', '2025-03-01')).toBe('2025-02-28')
  })

  it('offsets point at the date words', () => {
    const text = "Monday's talks in the capital"
    const [m] = dateMentions(text, isoDay('2025-03-01'))
    expect(text.slice(m!.start, m!.end)).toBe('Monday')
  })
})

describe('latestFullDate', () => {
  it('takes the latest complete written date, ignoring relative words', () => {
    expect(latestFullDate('On March 3, 2024 they met; on Jan. 5, 2025 again. Now, this month, nothing.')?.toISOString().slice(0, 10)).toBe(
      '2025-01-05',
    )
    expect(latestFullDate('They met this month, in 2016 and on Feb. 27.')).toBeNull()
  })
})

describe('compatible', () => {
  it('agrees within two days, on partial fields, and on weekdays', () => {
    expect(compatible(fromEdtf('2025-02-27'), fromEdtf('2025-03-01'))).toBe(true)
    expect(compatible(fromEdtf('2025-02-27'), fromEdtf('2025-03-02'))).toBe(false)
    expect(compatible(fromEdtf('XXXX-02-27'), fromEdtf('2025-02-26'))).toBe(true)
    expect(compatible(fromEdtf('XXXX-02-27'), fromEdtf('XXXX-04-10'))).toBe(false)
    expect(compatible(fromEdtf('2024-12'), fromEdtf('2025-12'))).toBe(false)
    const thursday = { year: null, month: null, day: null, weekday: 4 }
    expect(compatible(thursday, fromEdtf('2025-02-27'))).toBe(true) // a Thursday
    expect(compatible(thursday, fromEdtf('2025-03-03'), 0)).toBe(false) // a Monday
    expect(compatible(thursday, fromEdtf('XXXX-04-10'))).toBe(true)
  })

  it('round-trips EDTF', () => {
    for (const d of ['2025-02-27', '2025-02', '2025', 'XXXX-02-27', 'XXXX-02']) expect(edtf(fromEdtf(d))).toBe(d)
    expect(edtf(fromEdtf(null))).toBeNull()
  })
})
