import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../tests/helpers'
import { analyzeViolations } from './analyze-contract'
import { runCli, type AnalyzeOutput } from './cli'
import { TALKS } from './core/rounds/testing'

const tempDir = useTempDir()

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err }
}

describe('analyze --json --themes FILE', () => {
  it('suggests passages for the themes of the file instead of the default three, in the same output shape', async () => {
    const dir = tempDir()
    const article = join(dir, 'wire.md')
    writeFileSync(article, TALKS.wire)
    const themes = join(dir, 'themes.json')
    writeFileSync(
      themes,
      JSON.stringify([
        { key: 'fish', name: 'Fishing quotas', description: 'Who may fish where, and how much.', keywords: ['fishing quotas', 'quotas'] },
        { name: 'Tariffs', keywords: ['tariffs'] },
      ]),
    )
    const { code, out } = await cli(['analyze', '--json', '--themes', themes, article])
    expect(code).toBe(0)
    const result = JSON.parse(out) as AnalyzeOutput
    expect(Object.keys(result)).toEqual(['articles', 'rounds'])
    expect(analyzeViolations(result)).toEqual([])
    const themed = result.articles[0]?.themes ?? {}
    expect(Object.keys(themed).sort()).toEqual(['Fishing quotas', 'Tariffs'])
    for (const spans of Object.values(themed)) for (const s of spans) expect(result.articles[0]?.body.slice(s.start, s.end)).toBe(s.text)
    expect(themed['Fishing quotas']?.[0]?.text).toMatch(/fishing quotas/i)
  })

  it('refuses a file that is not a list of named themes with keywords, saying why (exit 2)', async () => {
    const dir = tempDir()
    const article = join(dir, 'wire.md')
    writeFileSync(article, TALKS.wire)
    const cases: Array<[string, RegExp]> = [
      ['{"name": "x"}', /non-empty JSON list/],
      ['[{"keywords": ["a"]}]', /theme 1 has no "name"/],
      ['[{"name": "A", "keywords": "a"}]', /needs "keywords", a list of strings/],
      ['[{"name": "A", "keywords": []}, {"name": "a", "keywords": []}]', /two themes are called "a"/],
      ['not json', /--themes .*themes\.json/],
    ]
    for (const [text, message] of cases) {
      const file = join(dir, 'themes.json')
      writeFileSync(file, text)
      const { code, err } = await cli(['analyze', '--json', '--themes', file, article])
      expect(code).toBe(2)
      expect(err).toMatch(message)
    }
  })
})
