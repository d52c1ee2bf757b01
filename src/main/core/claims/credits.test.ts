import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { addArticle, addRound } from '../export/testkit'
import { openNotebook } from '../notebook'
import { creditNames, creditOf } from './credits'

const tempDir = useTempDir()

const at = (body: string, quote: string): [number, number] => {
  const start = body.indexOf(quote)
  return [start, start + quote.length]
}

describe('quote credits', () => {
  it('finds who an article credits for a quotation, in several languages, and nothing without a credit', () => {
    const cases: Array<[string, string, string | null]> = [
      ['“We will not sign this week,” the minister told Harbour Wire on Monday.', 'We will not sign this week,', 'Harbour Wire'],
      ['Harbour Wire reported that the minister said “we will not sign this week”.', 'we will not sign this week', 'Harbour Wire'],
      ['The talks were hard, according to the news agency Port Info: “no deal yet”.', 'no deal yet', 'Port Info'],
      ['„Wir unterschreiben nicht“, sagte der Minister der Nachrichtenagentur Hafen Info.', 'Wir unterschreiben nicht', 'Hafen Info'],
      ['Selon l’agence Port Info, le ministre a dit « nous ne signerons pas ».', 'nous ne signerons pas', 'Port Info'],
      ['«No firmaremos», dijo a Puerto Noticias el ministro.', 'No firmaremos', 'Puerto Noticias'],
      ['«Мы не подпишем», — сообщает агентство Порт Инфо.', 'Мы не подпишем', 'Порт Инфо'],
      ['“We will not sign this week,” he said after the meeting.', 'We will not sign this week,', null],
    ]
    for (const [body, quote, credit] of cases) expect(creditOf(body, ...at(body, quote)), body).toBe(credit)
  })

  it('matches a credit to an outlet by its words', () => {
    expect(creditNames('Harbour Wire', 'The Harbour Wire')).toBe(true)
    expect(creditNames('Harbour', 'Harbour Wire')).toBe(true)
    expect(creditNames('Harbour Wire', 'Ferry News')).toBe(false)
  })

  it('names the round article a credited quotation came from', async () => {
    const nb = openNotebook(join(tempDir(), 'n.parley'))
    const first = addArticle(nb.db, 'a.txt', 'Ferry talks\n\n“We will restore the night ferry soon,” the mayor said on Monday.\n')
    const second = addArticle(nb.db, 'b.txt', 'Ferry deal\n\n“We will restore the night ferry soon,” the mayor told Harbour Wire.\n')
    nb.db.prepare('UPDATE articles SET outlet = ? WHERE id = ?').run('Harbour Wire', first)
    nb.db.prepare('UPDATE articles SET outlet = ? WHERE id = ?').run('Ferry News', second)
    const round = addRound(nb.db, 'Ferry talks', '2025-03-03', 'Portvale', [
      [first, 'reports'],
      [second, 'reports'],
    ])
    const credits = await nb.handlers['claims.quoteCredits']({ roundId: round })
    expect(credits).toEqual([expect.objectContaining({ articleId: second, credit: 'Harbour Wire', sourceArticleId: first })])
    nb.close()
  })
})
