/**
 * When an article is about a theme and when it only names it: the boundary suggestions keep.
 * Invented texts only (no corpus sentence): a harbour town and its fishing quotas.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import type { Theme } from '../../../shared/model'
import { terms } from '../text/terms'
import { suggestForArticle, themeModel, type CorpusStats } from './suggest'

const tempDir = useTempDir()

const QUOTAS: Theme = {
  id: 1,
  name: 'Fishing quotas',
  color: '#3b6fd8',
  description: 'Catch limits for the fleet: how large, for which grounds, who sets them.',
  keywords: { terms: ['fishing quotas', 'quotas', 'catch limits'], context: [] },
  position: 1,
  highlights: 0,
  parentId: null,
}

// A notebook of 50 articles, none using these words: every term is rare.
const RARE: CorpusStats = { documents: 50, df: new Map() }
// A dossier on quota talks: nearly every article says "quotas", so the word alone scores little.
const COMMON: CorpusStats = { documents: 50, df: new Map([[terms('quotas')[0] as string, 45]]) }

const texts = (body: string, stats: CorpusStats, headline?: string): string[] =>
  suggestForArticle(1, body, [themeModel(QUOTAS, [], stats)], stats, headline === undefined ? {} : { headline }).map((s) => s.text)

// Ten sentences about a festival; the theme goes in at the place each test chooses.
const FESTIVAL = [
  'The harbour festival drew more visitors than ever this weekend, with boat races and music on the quays.',
  'Traders reported brisk sales of smoked eel, woollens and pottery at the market by the old customs house.',
  'A local choir opened the weekend with songs from the islands, and children sailed paper boats in the basin.',
  'The new harbour wall, finished in March after two years of work, now shelters the marina from winter storms.',
  'Bus services to the ferry terminal ran every half hour, and the council is studying a cycle path along the coast.',
  'The museum of boat building showed models of the old sailing fleet and a restored rowing lifeboat.',
  'Volunteers cleared the beach on Sunday morning and collected forty bags of plastic and rope.',
  'The town hall plans a second festival in the autumn, with a lantern parade along the sea front.',
]
const SUBSTANTIVE = 'The two island councils also agreed to cut fishing quotas for the northern grounds by a fifth next year.'

describe('a theme an article is about, or only names', () => {
  it('keeps a theme that one ordinary sentence of a long report says something about, wherever the sentence stands', () => {
    // Measured on rounds-dev (issue 16): requiring a second passage, a passage in the lead or the
    // headline, or a passage in the article's second half dropped more true themes than false ones.
    for (const at of [0, 4, FESTIVAL.length]) {
      const sentences = [...FESTIVAL]
      sentences.splice(at, 0, SUBSTANTIVE)
      expect(texts(sentences.join('\n\n'), RARE), `at ${at}`).toEqual([SUBSTANTIVE])
    }
  })

  it('passes over a report that names the theme only in a trailing aside', () => {
    const aside =
      'Many day visitors came on the new ferry timetable, which the two island councils agreed last spring in return for lower fishing quotas.'
    expect(texts([...FESTIVAL, aside].join('\n\n'), RARE)).toEqual([])
  })

  it("beside a passage that carries the theme, proposes a lone use of the headline's own word even when the notebook uses it everywhere", () => {
    const carrier = 'Fishing quotas for the northern grounds will be cut by a fifth next year, the ministry said on Monday.'
    const lone = 'Skippers said the lower quotas would force several boats to stay in port for part of the winter.'
    const other = 'The harbour master said the morning catch was the best this month.'
    const body = `${carrier}\n\n${other}\n\n${lone}`
    // Without a headline, or with one that names the theme by another of its words, the lone
    // common word is too weak alone.
    expect(texts(body, COMMON)).toEqual([carrier])
    expect(texts(body, COMMON, 'Fishing fleet told to expect cuts')).toEqual([carrier])
    expect(texts(body, COMMON, 'Harbour festival draws crowds')).toEqual([carrier])
    // The headline uses "quotas" for its subject: the body's lone "quotas" means the same.
    expect(texts(body, COMMON, 'Quotas cut for the northern grounds')).toEqual([carrier, lone])
    // Never on its own: without a passage that carries the theme, the article is not about it.
    expect(texts(`${other}\n\n${lone}`, COMMON, 'Quotas cut for the northern grounds')).toEqual([])
  })
  it("reads the stored article's headline: in a small notebook, where no word is rare, the headline's word is proposed beside the carrier", async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const file = (name: string, text: string) => ({ name, data: Buffer.from(text).toString('base64') })
    const carrier = 'Fishing quotas for the northern grounds will be cut by a fifth next year, the ministry said on Monday.'
    const lone = 'Skippers said the lower quotas would force several boats to stay in port for part of the winter.'
    const results = await notebook.handlers['articles.import']({
      files: [
        file(
          'cut.txt',
          `Quotas cut for the northern grounds\n\n${carrier}\n\n${lone}\n\nThe harbour master said the morning catch was the best this month.`,
        ),
        file('fair.txt', `Harbour fair opens\n\n${FESTIVAL.slice(0, 3).join('\n\n')}`),
      ],
    })
    const id = results.find((r) => r.file === 'cut.txt')?.id as number
    const theme = await notebook.handlers['themes.create']({ name: 'Fishing quotas', keywords: QUOTAS.keywords })
    const list = await notebook.handlers['suggestions.list']({ articleId: id, themeId: theme.id })
    expect(list.map((s) => s.text)).toEqual([carrier, lone])
    notebook.close()
  })
})
