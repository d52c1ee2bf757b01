import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../tests/helpers'
import { analyzeViolations } from './analyze-contract'
import { analyze } from './cli'
import { TALKS } from './core/rounds/testing'

const tempDir = useTempDir()

describe('analyze: rounds', () => {
  it('fills rounds (id, date, venue, title, reporting files) and each article’s round, in the fixed shape', () => {
    const dir = tempDir()
    const files = Object.entries(TALKS).map(([name, text]) => {
      const file = join(dir, `${name}.md`)
      writeFileSync(file, text)
      return file
    })
    writeFileSync(join(dir, 'copy.md'), TALKS.wire)
    const result = analyze([...files, join(dir, 'copy.md')])
    expect(result.rounds.map((r) => Object.keys(r).sort())).toEqual([
      ['articles', 'date', 'id', 'title', 'venue'],
      ['articles', 'date', 'id', 'title', 'venue'],
    ])
    const [geneva, vienna] = result.rounds
    expect(geneva).toMatchObject({ date: '2025-02-27', venue: 'Geneva', title: 'Talks in Geneva, 2025-02-27' })
    // The duplicate file goes with the article it repeats: a round lists exactly the files whose round it is.
    expect(geneva?.articles).toEqual(['wire', 'copy', 'daily', 'weekly'].map((n) => join(dir, `${n}.md`)))
    expect(vienna).toMatchObject({ date: '2025-04-10', venue: 'Vienna', articles: [join(dir, 'vienna.md')] })
    const roundOf = Object.fromEntries(result.articles.map((a) => [a.file.slice(dir.length + 1), a.round]))
    expect(roundOf).toEqual({
      'wire.md': geneva?.id,
      'daily.md': geneva?.id,
      'weekly.md': geneva?.id,
      'vienna.md': vienna?.id,
      'review.md': null,
      'sport.md': null,
      'copy.md': geneva?.id,
    })
    expect(typeof geneva?.id).toBe('string')
    expect(analyzeViolations(result)).toEqual([])
  })
})
