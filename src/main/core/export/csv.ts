/**
 * RFC 4180 CSV as spreadsheets expect it: UTF-8 with a BOM, CRLF line ends, fields quoted when
 * they hold a comma, quote, CR or LF (quotes doubled).
 *
 * Text cells come from imported files, so a cell a spreadsheet would read as a formula (`=`, `+`,
 * `-`, `@`, tab or CR first, or their full-width forms, which Excel folds to ASCII; leading
 * spaces do not hide them) is neutralised the OWASP way: a `'` in front makes it text. Numbers
 * (ids, offsets) are written as numbers.
 *
 *   toCsv([['a', 'b'], ['1', 'x,y']]) // '\uFEFFa,b\r\n1,"x,y"\r\n'
 *   csvField('=HYPERLINK("x")')         // '"\'=HYPERLINK(""x"")"'
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: Array<Array<string | number | null | undefined>>): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

export const HIGHLIGHT_COLUMNS = [
  'highlight_id',
  'article_id',
  'article',
  'outlet',
  'published',
  'round',
  'theme',
  'exact',
  'comment',
  'start',
  'end',
  'prefix',
  'suffix',
  'status',
  'article_file',
  'created',
] as const

/** claims.csv: one row per passage of each typed link (the user's accepted claims and their relations). */
export const CLAIM_COLUMNS = [
  'link_id',
  'relation',
  'side',
  'speaker',
  'outlet',
  'article_id',
  'article',
  'published',
  'round',
  'highlight_id',
  'passage',
  'note',
  'article_file',
  'created',
  'quote_first_carrier',
] as const
