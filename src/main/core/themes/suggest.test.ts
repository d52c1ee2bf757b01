import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import type { Theme } from '../../../shared/model'
import { suggestForArticle, themeModel } from './suggest'
import { SUGGESTED_CHARS, suggestions } from './suggestions'

const tempDir = useTempDir()

const b64 = (text: string): string => Buffer.from(text).toString('base64')

const SHORTAGE = `Hospitals struggle to fill night shifts

Regional hospitals say a shortage of nursing staff has forced them to close beds and cancel planned operations this winter.

Managers said staffing levels on night shifts had fallen to their lowest in a decade, and that hiring had slowed because of housing costs.

The health ministry said it would fund 400 extra training places and review visa rules for overseas nurses.`

const APARTMENTS = `Apartment sales slow as rates rise

Sales of apartments in the capital fell for a third month in October as higher mortgage rates kept buyers away, estate agents said.

Several developers have paused work on new properties, and prices for older buildings in the centre dropped by about four percent.

Agents expect the market for residential property to recover slowly next year.`

const TALKS = `Envoys agree to restore consular staff

Diplomats from the two countries agreed on Friday to let each embassy hire local staff again and to issue visas for new diplomats, ending a long freeze on staffing at both missions.

They also discussed the return of two diplomatic compounds that were seized six years ago, but reached no deal on the properties.

Both sides said they would study a plan to resume direct flights between the capitals, suspended since the crisis began.`

async function notebookWith(files: Record<string, string>) {
  const notebook = openNotebook(join(tempDir(), 'n.parley'))
  const results = await notebook.handlers['articles.import']({
    files: Object.entries(files).map(([name, text]) => ({ name, data: b64(text) })),
  })
  const ids = Object.fromEntries(results.map((r) => [r.file, r.id as number]))
  const themes = Object.fromEntries((await notebook.handlers['themes.list']({})).map((t) => [t.name, t.id]))
  return { notebook, ids, themes }
}

describe('suggestions', () => {
  it('proposes passages for each default theme in a report of talks, with the matched terms as the reason', async () => {
    const { notebook, ids, themes } = await notebookWith({ 'talks.txt': TALKS, 'shortage.txt': SHORTAGE, 'apartments.txt': APARTMENTS })
    const list = await notebook.handlers['suggestions.list']({ articleId: ids['talks.txt']! })
    const byTheme = (name: string) => list.filter((s) => s.themeId === themes[name])
    expect(byTheme('Embassy staffing')[0]?.text).toMatch(/^Diplomats from the two countries agreed/)
    expect(byTheme('Diplomatic properties')[0]?.text).toMatch(/^They also discussed the return of two diplomatic compounds/)
    expect(byTheme('Direct flights')[0]?.text).toMatch(/resume direct flights/)
    expect(byTheme('Direct flights')[0]?.reason.terms).toEqual(expect.arrayContaining(['direct', 'flights']))
    const article = await notebook.handlers['articles.get']({ id: ids['talks.txt']! })
    for (const s of list) expect(article.body.slice(s.start, s.end)).toBe(s.text)
    notebook.close()
  })

  it('does not mistake a worker shortage for embassy staffing, or apartment sales for diplomatic properties', async () => {
    const { notebook, ids } = await notebookWith({ 'talks.txt': TALKS, 'shortage.txt': SHORTAGE, 'apartments.txt': APARTMENTS })
    expect(await notebook.handlers['suggestions.list']({ articleId: ids['shortage.txt']! })).toEqual([])
    expect(await notebook.handlers['suggestions.list']({ articleId: ids['apartments.txt']! })).toEqual([])
    notebook.close()
  })

  it('never proposes a rejected span again, and forgets the rejection on undo', async () => {
    const { notebook, ids, themes } = await notebookWith({ 'talks.txt': TALKS })
    const themeId = themes['Direct flights']!
    const [first] = await notebook.handlers['suggestions.list']({ articleId: ids['talks.txt']!, themeId })
    expect(first).toBeDefined()
    const span = { articleId: first!.articleId, themeId, start: first!.start, end: first!.end }
    await notebook.handlers['suggestions.reject'](span)
    expect(
      (await notebook.handlers['suggestions.list']({ articleId: ids['talks.txt']!, themeId })).some((s) => s.start === span.start),
    ).toBe(false)
    await notebook.handlers['suggestions.unreject'](span)
    expect(
      (await notebook.handlers['suggestions.list']({ articleId: ids['talks.txt']!, themeId })).some((s) => s.start === span.start),
    ).toBe(true)
    notebook.close()
  })

  it('sees every change to the themes it suggests for, even one written by another connection', async () => {
    const { notebook, ids, themes } = await notebookWith({ 'talks.txt': TALKS })
    const list = async (themeId: number) => notebook.handlers['suggestions.list']({ articleId: ids['talks.txt']!, themeId })
    const flights = themes['Direct flights']!
    expect((await list(flights)).length).toBeGreaterThan(0)
    // The theme's keywords change: the next call uses them.
    await notebook.handlers['themes.update']({ id: flights, keywords: { terms: ['compounds'], context: [] } })
    expect((await list(flights)).map((s) => s.text)).toEqual([expect.stringMatching(/diplomatic compounds/)])
    // The keywords changed back by another connection to the same file (another process, say).
    const other = new Database(notebook.file)
    other.prepare('UPDATE themes SET keywords = ? WHERE id = ?').run(JSON.stringify({ terms: ['direct', 'flights'], context: [] }), flights)
    other.close()
    const [back] = await list(flights)
    expect(back?.text).toMatch(/resume direct flights/)
    // A highlight of that sentence: it is coded, so no longer proposed.
    await notebook.handlers['highlights.create']({ articleId: back!.articleId, themeId: flights, start: back!.start, end: back!.end })
    expect(await list(flights)).toEqual([])
    notebook.close()
  })

  it('works for a theme the user invents and learns from its highlights', async () => {
    const SPORT = `Club signs striker before deadline

The club signed a new striker on Monday for a fee of twelve million, beating two rivals to the transfer.

The manager said the striker would help the attack, which has scored only nine goals this season.

Supporters welcomed the transfer, though some asked why the defence was not strengthened.`
    const OTHER = `Striker moves abroad

A young striker left the league on Thursday after a transfer abroad, the second this month, and the fee was not disclosed.`
    const { notebook, ids } = await notebookWith({ 'sport.txt': SPORT, 'other.txt': OTHER, 'talks.txt': TALKS })
    const theme = await notebook.handlers['themes.create']({ name: 'Transfers' })
    expect(theme.keywords.terms).toEqual(['transfers'])
    const before = await notebook.handlers['suggestions.list']({ articleId: ids['other.txt']!, themeId: theme.id })
    const sport = await notebook.handlers['articles.get']({ id: ids['sport.txt']! })
    const sentence = 'The club signed a new striker on Monday for a fee of twelve million, beating two rivals to the transfer.'
    const start = sport.body.indexOf(sentence)
    await notebook.handlers['highlights.create']({ articleId: sport.id, start, end: start + sentence.length, themeId: theme.id })
    const after = await notebook.handlers['suggestions.list']({ articleId: ids['other.txt']!, themeId: theme.id })
    expect(after.length).toBeGreaterThanOrEqual(1)
    expect(after[0]!.score).toBeGreaterThan(before[0]?.score ?? 0)
    expect(after[0]!.reason.terms).toEqual(expect.arrayContaining(['striker']))
    expect(await notebook.handlers['suggestions.list']({ articleId: ids['talks.txt']!, themeId: theme.id })).toEqual([])
    notebook.close()
  })

  it('gives the words of a hyphenated keyword as the reason, as the sentence writes them', async () => {
    const FERRY = `Ferry link to reopen

The cross-border ferry between the two ports will run again from May, the operators said on Tuesday.`
    const { notebook, ids } = await notebookWith({ 'ferry.txt': FERRY, 'talks.txt': TALKS })
    const theme = await notebook.handlers['themes.create']({ name: 'Crossings', keywords: { terms: ['cross-border'], context: [] } })
    const list = await notebook.handlers['suggestions.list']({ articleId: ids['ferry.txt']!, themeId: theme.id })
    expect(list[0]?.text).toMatch(/^The cross-border ferry/)
    expect(list[0]?.reason.terms).toEqual(['cross', 'border'])
    notebook.close()
  })

  it('passes over a theme an article names only in a trailing aside, but not one it discusses or a brief that is all about it', async () => {
    // Invented texts: the festival names quotas once, at the end of a sentence about something else.
    const FESTIVAL = `Harbour festival draws record crowds

The harbour festival drew more visitors than ever this weekend, with boat races, music on the quays and a market of local crafts.

Many day visitors came on the new ferry timetable, which the two island councils agreed last spring in return for lower fishing quotas.

Traders reported brisk sales of smoked eel, woollens and pottery, and the town hall plans a second festival in the autumn.`
    const QUOTAS = `Quotas cut for the northern grounds

Fishing quotas for the northern grounds will be cut by a fifth next year, the ministry said on Monday.

Skippers said the lower quotas would force several boats to stay in port for part of the winter.`
    const BRIEF = `Quota talks

The two councils will meet on Friday, focusing on fishing quotas and ferry fares.`
    const { notebook, ids } = await notebookWith({ 'festival.txt': FESTIVAL, 'quotas.txt': QUOTAS, 'brief.txt': BRIEF, 'talks.txt': TALKS })
    const theme = await notebook.handlers['themes.create']({
      name: 'Fishing quotas',
      keywords: { terms: ['fishing quotas', 'quotas', 'catch limits'], context: [] },
    })
    const list = (articleId: number) => notebook.handlers['suggestions.list']({ articleId, themeId: theme.id })
    expect(await list(ids['festival.txt']!)).toEqual([])
    const quotas = await list(ids['quotas.txt']!)
    expect(quotas[0]?.text).toMatch(/^Fishing quotas for the northern grounds/)
    expect(quotas[0]?.reason.terms).toEqual(expect.arrayContaining(['fishing', 'quotas']))
    expect((await list(ids['brief.txt']!))[0]?.text).toMatch(/focusing on fishing quotas/)
    notebook.close()
  })

  it('keeps proposing the passing mentions of a theme once the user has coded the passage that carried it', async () => {
    const MIXED = `Ferry and quota news

Fishing quotas for the northern grounds will be cut by a fifth next year, the ministry said on Monday.

Many day visitors came on the new ferry timetable, which the two island councils agreed last spring in return for lower fishing quotas.

Traders reported brisk sales of smoked eel, woollens and pottery, and the town hall plans a second festival in the autumn.

The new harbour wall, finished in March after two years of work, now shelters the marina from the winter storms that flooded the quays.

Bus services to the ferry terminal will run every half hour in summer, and the council is studying a cycle path along the coast road.

A local choir opened the weekend with songs from the islands, and a museum of boat building showed models of the old sailing fleet.`
    const { notebook, ids } = await notebookWith({ 'mixed.txt': MIXED, 'talks.txt': TALKS })
    const theme = await notebook.handlers['themes.create']({
      name: 'Fishing quotas',
      keywords: { terms: ['fishing quotas', 'quotas'], context: [] },
    })
    const list = () => notebook.handlers['suggestions.list']({ articleId: ids['mixed.txt']!, themeId: theme.id })
    const before = await list()
    expect(before.map((s) => s.text.slice(0, 20))).toEqual(['Fishing quotas for t', 'Many day visitors ca'])
    const carrier = before[0]!
    await notebook.handlers['highlights.create']({
      articleId: carrier.articleId,
      themeId: theme.id,
      start: carrier.start,
      end: carrier.end,
    })
    expect((await list()).map((s) => s.text.slice(0, 20))).toEqual(['Many day visitors ca'])
    notebook.close()
  })

  it('measures a long sentence in words, so a sentence in another language is not an aside for its length', async () => {
    // Invented German text: the function words English stop-word lists do not know count as terms,
    // so in terms the sentence is long; in words it is an ordinary news sentence.
    const GERMAN = `Gespräche im Hafen

Die Minister der beiden Inselräte trafen sich am Freitag im Hafen von Nordby, um über die Fangquoten für die nördlichen Gründe und über neue Fährpreise zu sprechen.

Beide Seiten wollen sich im Frühjahr wieder treffen, sagte ein Sprecher des Rates nach dem Treffen am Abend.

Die Fähren zwischen den Inseln fahren im Winter nur zweimal am Tag, und viele Pendler warten auf neue Fahrpläne.`
    const { notebook, ids } = await notebookWith({ 'de.txt': GERMAN, 'talks.txt': TALKS })
    const theme = await notebook.handlers['themes.create']({ name: 'Fangquoten', keywords: { terms: ['Fangquoten'], context: [] } })
    const list = await notebook.handlers['suggestions.list']({ articleId: ids['de.txt']!, themeId: theme.id })
    expect(list[0]?.text).toMatch(/^Die Minister der beiden Inselräte/)
    notebook.close()
  })

  it('beside a passage that carries the theme, proposes a sentence with one of its one-word keywords, not one with a word of a phrase', () => {
    const theme: Theme = {
      id: 1,
      name: 'Fishing quotas',
      color: '#3b6fd8',
      description: '',
      keywords: { terms: ['fishing quotas', 'quotas', 'catch limits'], context: [] },
      position: 1,
      highlights: 0,
      parentId: null,
    }
    // A notebook of many articles, none of which uses these words: every term is rare.
    const stats = { documents: 50, df: new Map<string, number>() }
    const model = themeModel(theme, [], stats)
    const texts = (body: string): string[] => suggestForArticle(1, body, [model], stats).map((s) => s.text)
    const one = 'Skippers said the lower quotas would force several boats to stay in port.'
    const fragment = 'The harbour master said the morning catch was the best this month.'
    const carrier = 'Fishing quotas for the northern grounds will be cut by a fifth next year.'
    expect(texts(`${carrier}\n\n${one}\n\n${fragment}`)).toEqual([carrier, one])
    // Alone, the one-word sentence is not enough to say the article is about the theme.
    expect(texts(`${one}\n\n${fragment}`)).toEqual([])
  })

  it('reads a book-sized article only as far as SUGGESTED_CHARS: a passage before is suggested, one after is not', async () => {
    const notebook = openNotebook(join(tempDir(), 'big.parley'))
    const theme = await notebook.handlers['themes.create']({ name: 'Ferries' })
    const passage = 'The ferry operators and the port authority agreed new ferry timetables for the winter crossings.'
    const filler = 'The committee read the minutes of the previous meeting and adjourned before noon.\n\n'
    const pad = filler.repeat(Math.ceil(SUGGESTED_CHARS / filler.length))
    const body = `${passage}\n\n${pad}${passage}\n\n`
    const found = suggestions(notebook.db, { stats: null }, 1, body, theme.id)
    expect(found.map((s) => s.start)).toEqual([0])
    notebook.close()
  })
})
