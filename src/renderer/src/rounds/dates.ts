const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** An EDTF-ish round date (YYYY-MM-DD, YYYY-MM, YYYY, XXXX-MM-DD, XXXX-MM) as words; "date unknown" when null. */
export function formatRoundDate(date: string | null): string {
  if (!date) return 'Date unknown'
  const [y, m, d] = date.split('-')
  const year = y && y !== 'XXXX' ? y : null
  const month = m ? MONTHS[Number(m) - 1] : null
  const day = d ? String(Number(d)) : null
  const parts = [day, month, year ?? (month ? '(year unknown)' : null)].filter(Boolean)
  return parts.join(' ') || 'Date unknown'
}
