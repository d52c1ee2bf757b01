/**
 * Plain-text copies of real news pages (`../shared/corpora/rounds-dev`: furniture included, labelled
 * with title, outlet, wire, publication date, furniture lines and evidence sentences) through the
 * same core code as `analyze`: what a researcher who saves pages as text gets. The baseline beside
 * it is the naive import (first line as title, every line kept).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { prepareArticle } from '../src/main/core/articles/prepare'
import { outletMatches, titleKey as key } from './web'
import { corporaDir } from './run'
import { table, type EvalOptions, type SectionResult } from './report'

interface Labelled {
  file: string
  url: string
  outlet: string
  wire: string | null
  title: string | null
  published: string | null
  boilerplate: string[]
  evidence: Record<string, string>
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()
export async function evalArticles(options: EvalOptions): Promise<SectionResult | null> {
  const dir = join(corporaDir(), 'rounds-dev')
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`articles: skipped — ${dir} is absent (set PARLEY_CORPORA to the corpora folder).`)
    return null
  }
  let labelled = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Labelled[]
  if (options.limit) labelled = labelled.slice(0, options.limit)
  const score = { title: [0, 0], outlet: [0, 0], date: [0, 0], wire: [0, 0], furniture: [0, 0], evidence: [0, 0], failed: 0 }
  const naive = { title: [0, 0], furniture: [0, 0] }
  const wrong: string[] = []
  const hit = (pair: number[], ok: boolean): void => {
    pair[1] = (pair[1] ?? 0) + 1
    if (ok) pair[0] = (pair[0] ?? 0) + 1
  }
  for (const a of labelled) {
    const bytes = readFileSync(join(dir, a.file))
    const text = new TextDecoder().decode(bytes)
    const name = a.file.split('/').at(-1) ?? a.file
    let got: { title: string | null; outlet: string | null; published: string | null; wire: string | null; body: string }
    try {
      got = prepareArticle({ name, bytes })
    } catch (error) {
      score.failed++
      wrong.push(`failed ${name}: ${String(error)}`)
      got = { title: null, outlet: null, published: null, wire: null, body: '' }
    }
    const body = squash(got.body)
    if (a.title) {
      hit(score.title, key(got.title) === key(a.title))
      hit(naive.title, key(text.split('\n').find((l) => l.trim())) === key(a.title))
      if (key(got.title) !== key(a.title)) wrong.push(`title ${name}: ${got.title} ≠ ${a.title}`)
    }
    const outletOk = outletMatches(got.outlet, a.url, a.outlet)
    hit(score.outlet, outletOk)
    if (!outletOk) wrong.push(`outlet ${name}: ${got.outlet} ≠ ${a.outlet}`)
    if (a.published) {
      hit(score.date, got.published === a.published)
      if (got.published !== a.published) wrong.push(`date ${name}: ${got.published} ≠ ${a.published}`)
    }
    const wireOk = (got.wire ?? '').toLowerCase() === (a.wire ?? '').toLowerCase()
    hit(score.wire, wireOk)
    if (!wireOk) wrong.push(`wire ${name}: ${got.wire} ≠ ${a.wire}`)
    for (const line of a.boilerplate) {
      // A furniture line counts as removed when no paragraph of the body is that line.
      const kept = got.body.split('\n\n').some((p) => squash(p) === squash(line))
      hit(score.furniture, !kept)
      hit(naive.furniture, false)
      if (kept) wrong.push(`furniture kept ${name}: ${line.slice(0, 80)}`)
    }
    for (const sentence of Object.values(a.evidence)) {
      const ok = body.includes(squash(sentence))
      hit(score.evidence, ok)
      if (!ok) wrong.push(`evidence lost ${name}: ${sentence.slice(0, 80)}`)
    }
  }
  const r = (pair: number[]): number => (pair[0] ?? 0) / Math.max(1, pair[1] ?? 0)
  const figures = {
    'articles.title': r(score.title),
    'articles.outlet': r(score.outlet),
    'articles.date': r(score.date),
    'articles.wire': r(score.wire),
    'articles.furnitureRemoved': r(score.furniture),
    'articles.evidenceKept': r(score.evidence),
  }
  const lines = [
    `Plain-text page copies (${labelled.length} real articles, furniture included), through prepareArticle:`,
    ...table(
      ['', 'Parley', 'naive import'],
      [
        [`title exact (${score.title[1]})`, r(score.title), r(naive.title)],
        [`outlet (${score.outlet[1]})`, r(score.outlet), '—'],
        [`publication date exact (${score.date[1]})`, r(score.date), '—'],
        [`wire right, incl. none (${score.wire[1]})`, r(score.wire), '—'],
        [`furniture lines removed (${score.furniture[1]})`, r(score.furniture), r(naive.furniture)],
        [`evidence sentences kept (${score.evidence[1]})`, r(score.evidence), 1],
        ['failed', String(score.failed), '0'],
      ],
    ),
  ]
  if (options.verbose) lines.push('', ...wrong)
  return { figures, lines }
}
