import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../tests/helpers'
import { analyzeViolations } from './analyze-contract'
import { analyze, readThemesFile, type AnalyzeOutput } from './cli'
import { TALKS } from './core/rounds/testing'

const tempDir = useTempDir()
const SEEDS = resolve(__dirname, '..', '..', 'seeds')
const CORPUS = join(resolve(process.env.PARLEY_CORPORA ?? join(__dirname, '..', '..', '..', 'shared', 'corpora')), 'rounds-dev')

describe('analyze --json: the contract of its rounds', () => {
  it('reports each broken promise: a partial date, an adjective for a venue, an article and a round that disagree', () => {
    const output: AnalyzeOutput = {
      articles: [
        { file: 'a.txt', status: 'imported', title: 'A', outlet: null, published: null, body: '', themes: {}, round: '1' },
        { file: 'b.txt', status: 'imported', title: 'B', outlet: null, published: null, body: '', themes: {}, round: '9' },
      ],
      rounds: [
        { id: '1', date: 'XXXX-02-27', venue: 'Russian', title: 'Talks', articles: ['a.txt', 'c.txt'] },
        { id: '2', date: '2025-02-27', venue: 'Geneva', title: 'Talks', articles: [] },
      ],
    }
    const found = analyzeViolations(output)
    expect(found).toEqual([
      'round 1: date "XXXX-02-27" is not YYYY-MM-DD or null',
      'round 1: venue "Russian" is not a place',
      'b.txt: its round 9 is not among the rounds',
      'round 1 lists [a.txt, c.txt] but the articles whose round it is are [a.txt]',
    ])
  })

  it('asks a capital of a venue only in scripts that have capitals', () => {
    const round = (id: string, venue: string): AnalyzeOutput['rounds'][number] => ({ id, date: null, venue, title: 'Talks', articles: [] })
    const output: AnalyzeOutput = {
      articles: [],
      rounds: [
        round('1', '日内瓦'),
        round('2', 'ジュネーブ'),
        round('3', '제네바'),
        round('4', 'جنيف'),
        round('5', 'geneva'),
        round('6', 'женева'),
      ],
    }
    expect(analyzeViolations(output)).toEqual(['round 5: venue "geneva" is not a place', 'round 6: venue "женева" is not a place'])
  })

  it('holds on the seeds (undated articles: no invented year, so no partial dates either)', () => {
    const output = analyze([SEEDS])
    expect(output.rounds.length).toBeGreaterThan(0)
    expect(analyzeViolations(output)).toEqual([])
  })

  it('holds on the round fixtures with a duplicate file', () => {
    const dir = tempDir()
    const files = Object.entries(TALKS).map(([name, text]) => {
      const file = join(dir, `${name}.md`)
      writeFileSync(file, text)
      return file
    })
    writeFileSync(join(dir, 'copy.md'), TALKS.wire)
    expect(analyzeViolations(analyze([...files, join(dir, 'copy.md')]))).toEqual([])
  })

  it.skipIf(!existsSync(join(CORPUS, 'manifest.json')))(
    'holds on the rounds-dev corpus with its own themes (skipped when ../shared/corpora/rounds-dev is absent)',
    () => {
      const output = analyze([join(CORPUS, 'articles')], { themes: readThemesFile(join(CORPUS, 'themes.json')) })
      expect(analyzeViolations(output)).toEqual([])
      const names = (JSON.parse(readFileSync(join(CORPUS, 'themes.json'), 'utf8')) as Array<{ name: string }>).map((t) => t.name)
      for (const a of output.articles) for (const theme of Object.keys(a.themes)) expect(names).toContain(theme)
    },
  )
})
