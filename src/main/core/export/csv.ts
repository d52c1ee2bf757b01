/**
 * RFC 4180 CSV as spreadsheets expect it: UTF-8 with a BOM, CRLF line ends, fields quoted when
 * they hold a comma, quote, CR or LF (quotes doubled).
 *
 *   toCsv([['a', 'b'], ['1', 'x,y']]) // '\uFEFFa,b\r\n1,"x,y"\r\n'
 */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
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
