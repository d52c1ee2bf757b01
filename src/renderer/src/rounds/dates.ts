const fmt = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' })
// The same formats as format.ts's formatDate (the user's locale), down to what the date knows.
const dayMonthYear = fmt({ year: 'numeric', month: 'short', day: 'numeric' })
const monthYear = fmt({ year: 'numeric', month: 'short' })
const dayMonth = fmt({ month: 'short', day: 'numeric' })
const monthOnly = fmt({ month: 'long' })

/** An EDTF-ish round date (YYYY-MM-DD, YYYY-MM, YYYY, XXXX-MM-DD, XXXX-MM) in the user's locale; "Date unknown" when null. */
export function formatRoundDate(date: string | null): string {
  if (!date) return 'Date unknown'
  const [y, m, d] = date.split('-')
  const year = y && /^\d{4}$/.test(y) ? Number(y) : null
  const month = m && /^\d{2}$/.test(m) ? Number(m) : null
  const day = d && /^\d{2}$/.test(d) ? Number(d) : null
  const at = Date.UTC(year ?? 2000, (month ?? 1) - 1, day ?? 1)
  if (year !== null && month !== null && day !== null) return dayMonthYear.format(at)
  if (year !== null && month !== null) return monthYear.format(at)
  if (year !== null) return String(year)
  if (month !== null && day !== null) return `${dayMonth.format(at)} (year unknown)`
  if (month !== null) return `${monthOnly.format(at)} (year unknown)`
  return 'Date unknown'
}
