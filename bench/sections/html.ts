/**
 * Issue 4 (speed): HTML import — prepareArticle on HTML (Readability on linkedom + block cleaning
 * + metadata) and the store, one transaction per page — against Readability on linkedom alone,
 * on generated pages of about 50 KB and 1 MB; and pathological pages (deep nesting, 100k and 300k
 * elements), which must end quickly with a clear error or within the time limit.
 */
import { join } from 'node:path'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { openNotebook } from '../../src/main/core/notebook'
import { importSources, type SourceFile } from '../../src/main/core/articles/import'
import { createPreparePool } from '../../src/main/core/articles/prepare-pool'
import { HTML_TIME_LIMIT_MS } from '../../src/main/core/articles/html'
import { generateArticle, rng, type Rng, type Vocabulary } from '../corpus'
import { formatTable, ms } from '../report'
import {
  describePrepare,
  fmt,
  heading,
  median,
  now,
  prepareWorker,
  progress,
  ratio,
  removeDb,
  SEED,
  sum,
  type Ctx,
  untilWorkersWarm,
} from '../util'

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function navList(r: Rng, vocab: Vocabulary, items: number, cls: string): string {
  const li: string[] = []
  for (let i = 0; i < items; i++) {
    const label = `${vocab.sample(r)} ${vocab.sample(r)}`
    li.push(
      `<li class="${cls}__item"><a class="${cls}__link" href="/section/${i}/${esc(label.replace(/\s+/g, '-'))}">${esc(label)}</a></li>`,
    )
  }
  return `<ul class="${cls}">${li.join('')}</ul>`
}

/** A script blob of roughly `bytes` (pages carry framework state and trackers inline). */
function scriptBlob(r: Rng, vocab: Vocabulary, bytes: number): string {
  const parts: string[] = []
  let size = 0
  while (size < bytes) {
    const item = JSON.stringify({
      id: Math.floor(r() * 1e9),
      headline: `${vocab.sample(r)} ${vocab.sample(r)} ${vocab.sample(r)}`,
      score: r(),
    })
    parts.push(item)
    size += item.length + 1
  }
  return `<script>window.__STATE__=[${parts.join(',')}];</script>`
}

/**
 * A news page as saved from the web: head metadata, header with navigation, the article (figure,
 * byline, time, paragraphs, a promo box), related links, comments and a footer. `scale` repeats
 * the article's paragraphs and the page furniture to reach the wanted size.
 */
export function htmlPage(vocab: Vocabulary, index: number, targetBytes: number): string {
  const a = generateArticle(vocab, SEED, index)
  const r = rng(SEED ^ (index * 7919))
  const big = targetBytes > 200_000
  const paragraphs: string[] = [...a.paragraphs]
  // Long reads: more of the same article's prose (other generated articles' paragraphs).
  for (let k = 1; big && paragraphs.join(' ').length < targetBytes * 0.12; k++)
    paragraphs.push(...generateArticle(vocab, SEED, index + k * 100_003).paragraphs)
  const body = paragraphs
    .map((p, i) => {
      const promo =
        i > 0 && i % 6 === 0
          ? `<aside class="promo-inline"><p>Sign up for our newsletter: the day's top stories in your inbox.</p><a href="/newsletter">Subscribe</a></aside>`
          : ''
      return `${promo}<p class="article__paragraph">${esc(p)}</p>`
    })
    .join('\n')
  const head = `<head><meta charset="utf-8"><title>${esc(a.title)} | ${esc(a.outlet)}</title>
<meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="${esc(a.outlet)}">
<meta property="article:published_time" content="${a.published}T09:30:00Z"><link rel="canonical" href="https://news.example/${index}">
<style>${'.c{color:#333;margin:0 auto;padding:4px}\n'.repeat(big ? 400 : 20)}</style>
${scriptBlob(r, vocab, big ? targetBytes * 0.25 : targetBytes * 0.1)}</head>`
  const header = `<header class="site-header"><a class="logo" href="/">${esc(a.outlet)}</a><nav class="main-nav">${navList(r, vocab, big ? 400 : 40, 'nav')}</nav></header>`
  const article = `<main><article><h1>${esc(a.title)}</h1><div class="byline">By ${esc(a.outlet)} staff</div><time datetime="${a.published}">${a.published}</time>
<figure><img src="/img/${index}.jpg" alt=""><figcaption>Delegations at the talks. Photo: agency</figcaption></figure>
${body}
<div class="share-bar"><a href="#">Share on X</a><a href="#">Share on Facebook</a><a href="#">Email</a></div></article>
<aside class="related"><h2>Related stories</h2>${navList(r, vocab, big ? 300 : 12, 'related')}</aside></main>`
  const comments: string[] = []
  for (let i = 0; i < (big ? 200 : 6); i++)
    comments.push(
      `<div class="comment"><span class="comment__author">${esc(vocab.sample(r))}</span><p>${esc(`${vocab.sample(r)} ${vocab.sample(r)} ${vocab.sample(r)} ${vocab.sample(r)}`)}</p></div>`,
    )
  const footer = `<section class="comments">${comments.join('')}</section><footer class="site-footer">${navList(r, vocab, big ? 300 : 30, 'footer')}<p>© 2025 ${esc(a.outlet)}. All rights reserved.</p></footer>`
  let html = `<!doctype html><html lang="en">${head}<body>${header}${article}${footer}`
  // Pad with more trailing furniture (ads, trackers) to the wanted size.
  while (html.length < targetBytes * 0.97)
    html += `<div class="ad-slot" data-slot="${Math.floor(r() * 1e6)}">${navList(r, vocab, 20, 'ad')}</div>`
  return `${html}</body></html>\n`
}

/** Readability on linkedom alone: parse and extract, the article's HTML as Readability serializes it. */
function readabilityOnly(html: string): number {
  const { document } = parseHTML(html)
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()
  return article?.textContent?.length ?? 0
}

interface HtmlRow {
  label: string
  pages: number
  bytes: number
  readability: number[]
  parley: number[]
  imported: number
}

async function measureSize(ctx: Ctx, label: string, targetBytes: number, count: number, offset: number): Promise<HtmlRow> {
  const pages: SourceFile[] = []
  for (let i = 0; i < count; i++)
    pages.push({ name: `page-${offset + i}.html`, bytes: Buffer.from(htmlPage(ctx.vocab, offset + i, targetBytes), 'utf8') })
  const file = join(ctx.root, `html-${targetBytes}.parley`)
  removeDb(file)
  const notebook = openNotebook(file)
  // The product's path: pages prepared in the built worker thread (in process when not built).
  const script = prepareWorker()
  const pool = script ? createPreparePool({ script }) : null
  const prepare = pool?.prepare
  if (pool) await untilWorkersWarm()
  // Warm-up on a page of the same size, both ways (JIT), not reported.
  const warm = { name: `warm-${targetBytes}.html`, bytes: Buffer.from(htmlPage(ctx.vocab, offset + 900_000, targetBytes), 'utf8') }
  readabilityOnly(warm.bytes.toString('utf8'))
  await importSources(notebook.db, [warm], {}, prepare)
  const row: HtmlRow = { label, pages: count, bytes: sum(pages.map((p) => p.bytes.length)), readability: [], parley: [], imported: 0 }
  for (const [i, page] of pages.entries()) {
    // Alternate the order so neither side always runs on a warmer heap.
    const runReadability = (): void => {
      const t = now()
      readabilityOnly(Buffer.from(page.bytes).toString('utf8'))
      row.readability.push(now() - t)
    }
    const runParley = async (): Promise<void> => {
      const t = now()
      const [result] = await importSources(notebook.db, [page], {}, prepare)
      row.parley.push(now() - t)
      if (result?.status === 'imported') row.imported++
    }
    if (i % 2 === 0) {
      runReadability()
      await runParley()
    } else {
      await runParley()
      runReadability()
    }
  }
  await pool?.close()
  notebook.close()
  removeDb(file)
  return row
}

function deepPage(depth: number): string {
  return `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>Text at the bottom of a very deep page.</p>${'</div>'.repeat(depth)}</body></html>`
}

function widePage(elements: number): string {
  const parts: string[] = []
  for (let i = 0; i < elements / 5; i++)
    parts.push(`<div class="row"><span>cell ${i}</span><span>value</span><a href="/x/${i}">link</a><b>${i}</b></div>`)
  return `<!doctype html><html><head><title>Wide</title></head><body><main><article><h1>A page with many elements</h1>${parts.join('')}</article></main></body></html>`
}

interface Pathological {
  key: string
  label: string
  bytes: number
  ms: number
  status: string
  error: string
}

async function measurePathological(ctx: Ctx): Promise<Pathological[]> {
  const file = join(ctx.root, 'html-hostile.parley')
  removeDb(file)
  const notebook = openNotebook(file)
  const script = prepareWorker()
  const pool = script ? createPreparePool({ script }) : null
  const out: Pathological[] = []
  // The 100k-element wide page takes seconds (most of the time limit): full runs only.
  const cases: Array<[string, string, () => string]> = [
    ['deep 100k', 'deep nesting: 100,000 nested <div>', () => deepPage(100_000)],
    ...(ctx.quick ? [] : [['wide 100k', 'wide: 100,000 elements, 5 per row', () => widePage(100_000)] as [string, string, () => string]]),
    ['wide 300k', 'wide: 300,000 elements, 5 per row', () => widePage(300_000)],
  ]
  for (const [key, label, make] of cases) {
    const html = make()
    const bytes = Buffer.from(html, 'utf8')
    const t = now()
    const [result] = await importSources(notebook.db, [{ name: `${label.split(':')[0]}.html`, bytes }], {}, pool?.prepare)
    out.push({ key, label, bytes: bytes.length, ms: now() - t, status: result?.status ?? '?', error: result?.error ?? '' })
  }
  await pool?.close()
  notebook.close()
  removeDb(file)
  return out
}

export async function htmlSection(ctx: Ctx): Promise<void> {
  heading('HTML import (issue 4)')
  const sizes: Array<[string, number, number]> = ctx.quick
    ? [
        ['~50 KB', 50_000, 12],
        ['~1 MB', 1_000_000, 3],
      ]
    : [
        ['~50 KB', 50_000, 40],
        ['~1 MB', 1_000_000, 8],
      ]
  const rows: HtmlRow[] = []
  for (const [label, bytes, count] of sizes) {
    progress(`HTML import: ${count} pages of ${label}`)
    rows.push(await measureSize(ctx, label, bytes, count, bytes === 50_000 ? 0 : 500))
  }
  console.log('Per page. readability = parseHTML (linkedom) + new Readability(document).parse(), nothing else;')
  console.log(
    'Parley = importSources([page]), one page at a time: decode, checks, linkedom + Readability, block cleaning, metadata, dedupe, store.',
  )
  console.log(describePrepare())
  console.log(
    formatTable(
      ['page', 'pages', 'avg KB', 'readability p50', 'Parley p50', 'readability pages/s', 'Parley pages/s', 'rate ratio', 'imported'],
      rows.map((r) => [
        r.label,
        String(r.pages),
        fmt(r.bytes / r.pages / 1024),
        ms(median(r.readability)),
        ms(median(r.parley)),
        fmt((1000 * r.pages) / sum(r.readability), 1),
        fmt((1000 * r.pages) / sum(r.parley), 1),
        ratio(sum(r.readability) / sum(r.parley)),
        `${r.imported}/${r.pages}`,
      ]),
    ),
  )
  for (const r of rows) {
    const x = sum(r.readability) / sum(r.parley)
    ctx.verdicts.push({
      target: `html ${r.label}: Parley import ≥ 0.7× Readability alone`,
      pass: x >= 0.7 && r.imported === r.pages,
      detail: `${x.toFixed(2)}× (${fmt((1000 * r.pages) / sum(r.parley), 1)} vs ${fmt((1000 * r.pages) / sum(r.readability), 1)} pages/s)${r.imported === r.pages ? '' : `; only ${r.imported}/${r.pages} imported`}`,
    })
  }
  console.log()

  progress('HTML import: pathological pages')
  const hostile = await measurePathological(ctx)
  console.log(`Pathological pages (time limit ${HTML_TIME_LIMIT_MS / 1000} s, checked between phases)`)
  console.log(
    formatTable(
      ['page', 'MB', 'time', 'result', 'message'],
      hostile.map((h) => [h.label, fmt(h.bytes / 1e6, 1), ms(h.ms), h.status, h.error]),
    ),
  )
  const bound = HTML_TIME_LIMIT_MS * 1.5
  for (const h of hostile) {
    const clear = h.status === 'imported' || (h.status === 'failed' && h.error.length > 0 && !/unexpected|internal/i.test(h.error))
    ctx.verdicts.push({
      target: `html pathological ${h.key}: ${h.key === 'wide 100k' ? 'within the time limit' : 'refused'} with a clear message`,
      pass: clear && h.ms <= bound && (h.key === 'wide 100k' || h.status === 'failed'),
      detail: `${h.status} in ${ms(h.ms)}${h.error ? ` (“${h.error}”)` : ''}`,
    })
  }
  console.log()
}
