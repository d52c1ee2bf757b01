/**
 * Import on articles never seen before: short fixtures of several outlets and subjects, in plain
 * text, Markdown and HTML, each with its hand-marked article text, metadata and furniture lines.
 * Also measures Parley's HTML extraction against Readability alone on the same pages.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePage, readabilityBlocks } from './html'
import { prepareArticle, type PreparedArticle } from './import'
import { tokenScores, type Scores } from './measure'

interface Expected {
  title: string
  outlet: string | null
  published: string | null
  wire: string | null
  author: string | null
  body: string[]
  drop: string[]
}

const DIR = join(__dirname, 'fixtures')
const cases = readdirSync(DIR)
  .filter((f) => /\.(txt|md|html)$/.test(f))
  .sort()
  .map((file) => {
    const bytes = readFileSync(join(DIR, file))
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Expected
    return { file, bytes, expected, article: prepareArticle({ name: file, bytes }) }
  })

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1)
const fields = ['title', 'outlet', 'published', 'wire', 'author'] as const

describe('import on unseen articles', () => {
  it('covers text, Markdown and HTML from several outlets', () => {
    expect(new Set(cases.map((c) => c.file.split('.').pop())).size).toBe(3)
    expect(cases.length).toBeGreaterThanOrEqual(6)
  })

  it.each(cases)('$file: keeps every article paragraph verbatim, as its own paragraph', ({ article, expected }) => {
    const paragraphs = article.body.split('\n\n')
    for (const p of expected.body) expect(paragraphs).toContain(p)
  })

  it.each(cases)('$file: drops the page furniture', ({ article, expected }) => {
    for (const line of expected.drop) expect(article.body).not.toContain(line)
    expect(article.body.split('\n\n')).toEqual(expected.body)
  })

  it.each(cases)('$file: finds title, outlet, date, wire and author', ({ article, expected }) => {
    const got = Object.fromEntries(fields.map((f) => [f, article[f as keyof PreparedArticle]]))
    expect(got).toEqual(Object.fromEntries(fields.map((f) => [f, expected[f]])))
  })

  it('is more precise than Readability alone on HTML pages, with recall kept', () => {
    const html = cases.filter((c) => c.file.endsWith('.html'))
    const rows = html.map(({ file, bytes, article, expected }) => {
      const page = readabilityBlocks(parsePage(Buffer.from(bytes).toString('utf8')), false)
      const truth = expected.body.join('\n\n')
      return {
        file,
        readability: tokenScores(page.blocks.map((b) => b.text).join('\n\n'), truth),
        parley: tokenScores(article.body, truth),
      }
    })
    const avg = (pick: (r: (typeof rows)[number]) => Scores, key: keyof Scores): number => mean(rows.map((r) => pick(r)[key]))
    const summary = {
      readability: { precision: avg((r) => r.readability, 'precision'), recall: avg((r) => r.readability, 'recall') },
      parley: { precision: avg((r) => r.parley, 'precision'), recall: avg((r) => r.parley, 'recall') },
    }
    for (const r of rows) {
      console.log(
        `${r.file}: Readability P=${r.readability.precision.toFixed(3)} R=${r.readability.recall.toFixed(3)} | Parley P=${r.parley.precision.toFixed(3)} R=${r.parley.recall.toFixed(3)}`,
      )
    }
    console.log(
      `HTML mean: Readability P=${summary.readability.precision.toFixed(3)} R=${summary.readability.recall.toFixed(3)} | Parley P=${summary.parley.precision.toFixed(3)} R=${summary.parley.recall.toFixed(3)}`,
    )
    expect(summary.parley.precision).toBeGreaterThan(summary.readability.precision + 0.05)
    expect(summary.parley.recall).toBeGreaterThanOrEqual(summary.readability.recall - 0.01)
    expect(summary.parley.precision).toBeGreaterThanOrEqual(0.95)
  })
})
