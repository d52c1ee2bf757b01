import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../tests/helpers'
import { analyzeViolations } from './analyze-contract'
import { runCli, type AnalyzeOutput, type ClaimsOutput } from './cli'
import { TALKS } from './core/rounds/testing'

const tempDir = useTempDir()

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) })
  return { code, out, err }
}

describe('parley analyze --json', () => {
  it('prints one JSON object of the fixed shape, with text === body.slice(start, end)', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), ARTICLE)
    writeFileSync(join(dir, 'b.txt'), ARTICLE)
    writeFileSync(join(dir, 'c.txt'), '')
    const { code, out, err } = await cli(['analyze', '--json', join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'c.txt')])
    expect(code).toBe(0)
    expect(err).toBe('')
    expect(out.trim().split('\n')).toHaveLength(1)
    const result = JSON.parse(out) as AnalyzeOutput
    expect(Object.keys(result).sort()).toEqual(['articles', 'rounds'])
    expect(Array.isArray(result.rounds)).toBe(true)
    expect(analyzeViolations(result)).toEqual([])
    const [a, b, c] = result.articles
    expect(a).toMatchObject({
      file: join(dir, 'a.txt'),
      status: 'imported',
      title: 'Council approves new riverside park',
      published: null,
      round: null,
    })
    expect(Object.keys(a!).sort()).toEqual(['body', 'file', 'outlet', 'published', 'round', 'status', 'themes', 'title'])
    expect(a!.body.split('\n\n')).toHaveLength(3)
    expect(a!.body.startsWith('The city council voted on Tuesday')).toBe(true)
    for (const spans of Object.values(a!.themes)) for (const s of spans) expect(a!.body.slice(s.start, s.end)).toBe(s.text)
    expect(b).toMatchObject({ status: 'duplicate', title: a!.title, body: a!.body })
    expect(c).toMatchObject({ status: 'failed', error: 'The file is empty.', title: null, body: '' })
  })

  it('analyzes the seed corpus without touching any notebook', async () => {
    const home = tempDir()
    process.env.PARLEY_HOME = home
    const { code, out } = await cli(['analyze', '--json', join(__dirname, '..', '..', 'seeds')])
    delete process.env.PARLEY_HOME
    expect(code).toBe(0)
    const result = JSON.parse(out) as AnalyzeOutput
    expect(result.articles).toHaveLength(5)
    expect(analyzeViolations(result)).toEqual([])
    expect(result.articles.every((a) => a.status === 'imported' && a.title && a.body.length > 500)).toBe(true)
    expect(result.articles.every((a) => !/\n{3,}/.test(a.body))).toBe(true)
  })

  it('exits non-zero only when the command is misused', async () => {
    expect((await cli(['analyze', 'x.txt'])).code).toBe(2)
    expect((await cli(['analyze', '--json'])).code).toBe(2)
    expect((await cli(['frobnicate'])).code).toBe(2)
    expect((await cli(['import', '--notebook'])).code).toBe(2)
    expect((await cli(['analyze', '--json', '/no/such/file.txt'])).code).toBe(0)
  })

  it('imports into a notebook file and reports each file', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), ARTICLE)
    const notebook = join(dir, 'n.parley')
    const first = await cli(['import', join(dir, 'a.txt'), '--notebook', notebook])
    expect(first.out).toMatch(/1 imported, 0 duplicate, 0 failed/)
    const second = await cli(['import', join(dir, 'a.txt'), '--notebook', notebook])
    expect(second.out).toMatch(/0 imported, 1 duplicate, 0 failed/)
    expect((await cli(['check', '--notebook', notebook])).out).toMatch(/: ok/)
  })
})

describe('parley claims --json', () => {
  it('prints each round’s quote provenance (issue 21): the first carrier and how the others re-used the words, by file', async () => {
    const dir = tempDir()
    const files = Object.fromEntries(Object.keys(TALKS).map((name) => [name, join(dir, `${name}.md`)]))
    for (const [name, text] of Object.entries(TALKS)) writeFileSync(files[name] as string, text)
    const { code, out, err } = await cli(['claims', '--json', dir])
    expect(code).toBe(0)
    expect(err).toBe('')
    const result = JSON.parse(out) as ClaimsOutput
    const geneva = result.rounds.find((r) => r.venue === 'Geneva')
    expect(geneva).toBeDefined()
    // The fields claims --json printed before stay as they were; provenance is one more.
    expect(Object.keys(geneva!).sort()).toEqual(['articles', 'claims', 'date', 'id', 'links', 'provenance', 'title', 'truncated', 'venue'])
    expect(geneva!.provenance).toHaveLength(1)
    const [first, later] = geneva!.provenance[0]!.carriers
    expect([first?.file, first?.reuse, later?.file, later?.reuse]).toEqual([files.wire, 'first', files.daily, 'trimmed'])
    expect(later?.why).toBe('re-used trimmed (dropped “fair”): Northwire published 2025-02-28, before The Daily on 2025-03-01')
    expect(later?.diff).toContainEqual({ kind: 'removed', text: 'fair' })
    expect(Object.keys(first!).sort()).toEqual(['diff', 'end', 'file', 'outlet', 'published', 'reuse', 'start', 'text', 'time', 'why'])
    // Offsets into the stored body, as the passages' are: the quoted words sit there in the imported file.
    for (const c of geneva!.provenance[0]!.carriers) {
      expect(c.end - c.start).toBe(c.text.length)
      expect(TALKS[c.file === files.wire ? 'wire' : 'daily']).toContain(c.text)
    }
    // A round no quotation is shared in has none.
    expect(result.rounds.filter((r) => r.venue === 'Vienna').every((r) => r.provenance.length === 0)).toBe(true)
  })
})
