/**
 * The default corpus (seeds/) imports clean. Checked through generic properties only: no rule or
 * test names an outlet, a person or a sentence of the seeds.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addressed, HAS_APPEAL, NOTICE } from './furniture'
import { prepareArticle } from './import'
import { splitGluedSentences, words } from '../text/words'

const DIR = join(__dirname, '../../../../seeds')
const seeds = readdirSync(DIR)
  .sort()
  .map((file) => {
    const raw = readFileSync(join(DIR, file), 'utf8')
    return { file, raw, article: prepareArticle({ name: file, bytes: Buffer.from(raw) }) }
  })

describe('seeds', () => {
  it.each(seeds)('$file: no appeal, notice or reader address is left in the body', ({ article }) => {
    for (const p of article.body.split('\n\n')) {
      expect(HAS_APPEAL.test(p) || NOTICE.test(p) || addressed(p), p).toBe(false)
    }
  })

  it.each(seeds)('$file: every long sentence-ending line of the source survives verbatim (after repair)', ({ raw, article }) => {
    const flat = article.body.replace(/\s+/g, ' ')
    const lines = raw.split('\n').filter((l) => words(l).length >= 12 && /[.!?”"]$/.test(l.trim()) && !HAS_APPEAL.test(l) && !addressed(l))
    const lost = lines.filter((l) => !flat.includes(splitGluedSentences(l.replace(/\s+/g, ' ').trim())))
    expect(lost).toEqual([])
  })

  it('finds a wire sign-off followed by furniture and keeps its sentence', () => {
    const signed = seeds.filter((s) => s.article.wire)
    expect(signed).toHaveLength(1)
    const line = signed[0]?.raw.split('\n').find((l) => /[-–—][A-Z]{2,6}\s*$/.test(l)) ?? ''
    expect(signed[0]?.article.body.endsWith(line.replace(/\W*[-–—][A-Z]{2,6}\s*$/, ''))).toBe(true)
  })

  it('takes the headline from a trailing list when the page has none at the top', () => {
    const untitled = seeds.filter((s) => !s.raw.split('\n').slice(0, 5).includes(s.article.title))
    expect(untitled).toHaveLength(1)
    const { raw, article } = untitled[0] as (typeof seeds)[number]
    expect(raw.split('\n').slice(-20).join('\n')).toContain(article.title)
    expect(article.body).not.toContain(article.title)
  })
})
