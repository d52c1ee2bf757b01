/**
 * The proof set of issue 4: realistic articles from many outlets on subjects other than the
 * seeds' (science, sport, business, local news), in text, Markdown and HTML. Each has its expected
 * title, outlet and date, the article text that must survive and furniture lines that must go.
 * Reports furniture precision/recall, sentences kept verbatim and metadata accuracy, and fails
 * below the thresholds.
 *
 * Furniture recall: share of the marked furniture lines absent from the body.
 * Furniture precision: share of the blocks the cleaner dropped that hold no article sentence.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepareArticle, type PreparedArticle } from './import'
import { words } from '../text/words'

interface Expected {
  title: string
  outlet: string | null
  published: string | null
  wire?: string | null
  /** Article paragraphs (the older fixtures call them body). */
  keep?: string[]
  body?: string[]
  drop: string[]
}

const THRESHOLDS = { furnitureRecall: 0.9, furniturePrecision: 0.9, sentencesKept: 0.98, title: 0.9, outlet: 0.8, date: 0.85 }

const DIRS = [join(__dirname, 'fixtures'), join(__dirname, 'fixtures', 'proof')]
const cases = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(txt|md|html)$/.test(f))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(dir, file))
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Expected
      return { file, expected, article: prepareArticle({ name: file, bytes }) }
    }),
)

const norm = (s: string | null | undefined): string =>
  (s ?? '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase()

/** Sentences of a paragraph; a short fragment stays with its neighbour. */
const sentences = (p: string): string[] => p.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u).filter((s) => s.length > 0)

function score(article: PreparedArticle, expected: Expected) {
  const keep = (expected.keep ?? expected.body ?? []).flatMap(sentences)
  const kept = keep.filter((s) => article.body.includes(s)).length
  const removed = expected.drop.filter((line) => !article.body.includes(line)).length
  const wrongDrops = article.dropped.filter((d) =>
    keep.some((s) => d.text.includes(s) || (words(d.text).length >= 5 && s.includes(d.text))),
  ).length
  return {
    sentences: keep.length,
    kept,
    furniture: expected.drop.length,
    removed,
    dropped: article.dropped.length,
    wrongDrops,
    title: norm(article.title) === norm(expected.title),
    outlet: norm(article.outlet) === norm(expected.outlet),
    date: article.published === expected.published,
    wrong: article.dropped
      .filter((d) => keep.some((s) => d.text.includes(s) || (words(d.text).length >= 5 && s.includes(d.text))))
      .map((d) => d.text),
    missed: {
      sentences: keep.filter((s) => !article.body.includes(s)),
      furniture: expected.drop.filter((line) => article.body.includes(line)),
    },
  }
}

describe('proof set: import on unseen outlets and subjects', () => {
  const rows = cases.map((c) => ({ file: c.file, article: c.article, expected: c.expected, ...score(c.article, c.expected) }))
  const sum = (pick: (r: (typeof rows)[number]) => number): number => rows.reduce((n, r) => n + pick(r), 0)
  const share = (pick: (r: (typeof rows)[number]) => boolean): number => rows.filter(pick).length / rows.length
  const figures = {
    articles: rows.length,
    outlets: new Set(rows.map((r) => norm(r.expected.outlet ?? r.expected.wire))).size,
    furnitureRecall: sum((r) => r.removed) / sum((r) => r.furniture),
    furniturePrecision: sum((r) => r.dropped) ? 1 - sum((r) => r.wrongDrops) / sum((r) => r.dropped) : 1,
    sentencesKept: sum((r) => r.kept) / sum((r) => r.sentences),
    title: share((r) => r.title),
    outlet: share((r) => r.outlet),
    date: share((r) => r.date),
  }

  it('has at least 25 articles from at least 10 outlets in text, Markdown and HTML', () => {
    expect(figures.articles).toBeGreaterThanOrEqual(25)
    expect(figures.outlets).toBeGreaterThanOrEqual(10)
    expect(new Set(cases.map((c) => c.file.split('.').pop())).size).toBe(3)
  })

  it('meets the thresholds (figures printed)', () => {
    for (const r of rows) {
      const misses = [
        ...r.missed.sentences.map((s) => `  lost: ${s.slice(0, 90)}`),
        ...r.missed.furniture.map((s) => `  kept furniture: ${s}`),
        ...r.wrong.map((s) => `  dropped article text: ${s.slice(0, 90)}`),
        ...(r.title ? [] : [`  title: ${r.article.title} ≠ ${r.expected.title}`]),
        ...(r.outlet ? [] : [`  outlet: ${r.article.outlet} ≠ ${r.expected.outlet}`]),
        ...(r.date ? [] : [`  date: ${r.article.published} ≠ ${r.expected.published}`]),
      ]
      if (misses.length) console.log(`${r.file}\n${misses.join('\n')}`)
    }
    const f = (x: number): string => x.toFixed(3)
    console.log(
      `PROOF SET (${figures.articles} articles, ${figures.outlets} outlets): furniture precision ${f(figures.furniturePrecision)}, ` +
        `recall ${f(figures.furnitureRecall)}; sentences kept verbatim ${f(figures.sentencesKept)}; ` +
        `title ${f(figures.title)}, outlet ${f(figures.outlet)}, date ${f(figures.date)}`,
    )
    expect(figures.furnitureRecall).toBeGreaterThanOrEqual(THRESHOLDS.furnitureRecall)
    expect(figures.furniturePrecision).toBeGreaterThanOrEqual(THRESHOLDS.furniturePrecision)
    expect(figures.sentencesKept).toBeGreaterThanOrEqual(THRESHOLDS.sentencesKept)
    expect(figures.title).toBeGreaterThanOrEqual(THRESHOLDS.title)
    expect(figures.outlet).toBeGreaterThanOrEqual(THRESHOLDS.outlet)
    expect(figures.date).toBeGreaterThanOrEqual(THRESHOLDS.date)
  })
})
