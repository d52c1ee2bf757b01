/**
 * Issue 5 (speed), in Chromium: the Reader on one long article with 0, 1,000 and 5,000
 * highlights (CSS Custom Highlight API), created through the contract. Measured in the page:
 * opening the Reader until it has painted the article and its highlights; applying the
 * highlights to the next frame; scrolling the article from top to bottom. Informative extra:
 * wrapping the same ranges in <mark> elements instead.
 */
import { join } from 'node:path'
import type { Page } from 'playwright'
import { openNotebook } from '../../src/main/core/notebook'
import { importSources } from '../../src/main/core/articles/import'
import { generateArticle, rng } from '../corpus'
import { formatTable, ms } from '../report'
import { fmt, median, progress, ratio, removeDb, SEED, type Ctx } from '../util'
import { call, openApp, park, serve, timeRoute } from './browser'
import type { Browser } from 'playwright'

/** One long article (about 200 paragraphs); `variant` changes its last line so each copy is a distinct article. */
function longArticle(ctx: Ctx, variant: number): string {
  const paragraphs: string[] = []
  for (let i = 0; paragraphs.length < 200; i++) paragraphs.push(...generateArticle(ctx.vocab, SEED, 50_000 + i).paragraphs)
  const copy = ['first', 'second', 'third', 'fourth'][variant] ?? 'last'
  paragraphs[0] = `${paragraphs[0]} This is the ${copy} copy of the report, filed by the bureau for the archive.`
  return `Talks on staffing, properties and flights: a long read\n\n${paragraphs.slice(0, 200).join('\n\n')}\n`
}

/** In the page: scrolls the Reader's scroll container top to bottom, one step per frame; frame intervals in ms. */
async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const body = document.querySelector('[data-testid="article-body"]')
    let el: Element | null = body
    while (el && !(el.scrollHeight > el.clientHeight + 10 && /(auto|scroll)/.test(getComputedStyle(el).overflowY))) el = el.parentElement
    const scroller = (el ?? document.scrollingElement) as Element
    scroller.scrollTop = 0
    const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r))
    await frame()
    const out: number[] = []
    let last = await frame()
    for (let i = 0; i < 400 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2; i++) {
      scroller.scrollTop += 400
      const t = await frame()
      out.push(t - last)
      last = t
    }
    return out
  })
}

interface ApplyTimes {
  empty: number
  css: number
  mark: number
  ranges: number
}

/**
 * In the page, on the open Reader: the time from applying its theme highlights to the next frame
 * (CSS.highlights.set with the Reader's own Highlight objects), against applying none (an empty
 * frame); then the same ranges wrapped in <mark> elements (segments between range boundaries,
 * paragraph by paragraph), which is what a DOM-wrapping renderer does. The page is left as is.
 */
async function applyTimes(page: Page, mark: boolean): Promise<ApplyTimes> {
  return page.evaluate(async (mark) => {
    const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r))
    const saved: Array<[string, Highlight]> = []
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('theme-')) saved.push([name, h])
    })
    let ranges = 0
    for (const [, h] of saved) ranges += h.size
    const timeFrame = async (apply: () => void): Promise<number> => {
      await frame()
      await frame()
      const t0 = performance.now()
      apply()
      await frame()
      await frame()
      return performance.now() - t0
    }
    for (const [name] of saved) CSS.highlights.delete(name)
    const samples = { empty: [] as number[], css: [] as number[] }
    for (let i = 0; i < 5; i++) {
      samples.empty.push(await timeFrame(() => undefined))
      samples.css.push(await timeFrame(() => saved.forEach(([name, h]) => CSS.highlights.set(name, h))))
      for (const [name] of saved) CSS.highlights.delete(name)
    }
    const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number
    let markMs = Number.NaN
    if (mark) {
      // Boundaries per text node, from the same ranges.
      const cuts = new Map<Node, Array<[number, number]>>()
      for (const [, h] of saved)
        h.forEach((r) => {
          if (!(r instanceof Range) || r.startContainer !== r.endContainer) return
          const list = cuts.get(r.startContainer) ?? []
          list.push([r.startOffset, r.endOffset])
          cuts.set(r.startContainer, list)
        })
      markMs = await timeFrame(() => {
        for (const [node, spans] of cuts) {
          const text = node.textContent ?? ''
          const points = [...new Set([0, text.length, ...spans.flat()])].sort((a, b) => a - b)
          const frag = document.createDocumentFragment()
          for (let i = 0; i + 1 < points.length; i++) {
            const a = points[i] as number
            const b = points[i + 1] as number
            const covered = spans.filter(([s, e]) => s <= a && e >= b).length
            const piece = document.createTextNode(text.slice(a, b))
            if (covered) {
              const m = document.createElement('mark')
              m.className = `hl depth-${Math.min(covered, 3)}`
              m.appendChild(piece)
              frag.appendChild(m)
            } else frag.appendChild(piece)
          }
          node.parentNode?.replaceChild(frag, node)
        }
      })
    } else saved.forEach(([name, h]) => CSS.highlights.set(name, h))
    return { empty: med(samples.empty), css: med(samples.css), mark: markMs, ranges }
  }, mark)
}

interface Row {
  highlights: number
  open: number[]
  scroll: number[]
  apply: ApplyTimes
}

export async function renderSection(ctx: Ctx, browser: Browser): Promise<void> {
  // --quick leaves out the 5,000 case (creating and opening it takes most of a minute).
  const counts = ctx.quick ? [0, 1_000] : [0, 1_000, 5_000]
  const file = join(ctx.root, 'render.parley')
  removeDb(file)
  const notebook = openNotebook(file)
  const ids: number[] = []
  for (const [i] of counts.entries()) {
    const [res] = await importSources(notebook.db, [{ name: `long-${i}.txt`, bytes: Buffer.from(longArticle(ctx, i), 'utf8') }])
    if (res?.status !== 'imported' || res.id === undefined)
      throw new Error(`The long article was not imported: ${res?.error ?? res?.status}`)
    ids.push(res.id)
  }
  const bodies = ids.map((id) => (notebook.db.prepare('SELECT body FROM articles WHERE id = ?').pluck().get(id) as string) ?? '')
  const themeIds = notebook.db.prepare('SELECT id FROM themes WHERE deleted_at IS NULL ORDER BY position').pluck().all() as number[]
  notebook.close()

  const served = await serve(file)
  try {
    const page = await openApp(browser, served)
    // Highlights through the contract: word-aligned spans of 30–150 characters, overlapping freely, the 3 themes.
    const r = rng(SEED ^ 0x4e4)
    for (const [i, n] of counts.entries()) {
      if (!n) continue
      progress(`render: creating ${fmt(n)} highlights through POST /api/highlights.create`)
      const body = bodies[i] as string
      const starts = [...body.matchAll(/(?<=^|\s)\S/g)].map((m) => m.index ?? 0)
      const batch: Array<Promise<unknown>> = []
      for (let k = 0; k < n; k++) {
        const start = starts[Math.floor(r() * starts.length)] as number
        const end = Math.min(body.length, start + 30 + Math.floor(r() * 120))
        if (end <= start) continue
        batch.push(
          call(page, served.origin, 'highlights.create', {
            articleId: ids[i],
            start,
            end,
            themeId: themeIds[k % themeIds.length] ?? null,
          }),
        )
        if (batch.length >= 16) await Promise.all(batch.splice(0))
      }
      await Promise.all(batch)
    }
    progress('render: Reader open, apply and scroll with 0, 1,000 and 5,000 highlights')
    const reps = ctx.quick ? 2 : 5
    const rows: Row[] = counts.map((highlights) => ({ highlights, open: [], scroll: [], apply: { empty: 0, css: 0, mark: 0, ranges: 0 } }))
    // Warm-up: each article once.
    for (const [i] of counts.entries()) {
      await park(page)
      await timeRoute(page, `#/article/${ids[i]}`, 'reader', Math.floor((counts[i] as number) * 0.9))
    }
    for (let rep = 0; rep < reps; rep++) {
      for (const [i, row] of rows.entries()) {
        await park(page)
        // Ready when most ranges are in (a span crossing paragraphs may map to fewer ranges).
        row.open.push(await timeRoute(page, `#/article/${ids[i]}`, 'reader', Math.floor(row.highlights * 0.9)))
        if (rep === 0) row.scroll = await scrollFrames(page)
        if (rep === reps - 1) row.apply = await applyTimes(page, row.highlights === Math.max(...counts))
      }
    }
    await page.context().close()
    const base = rows[0] as Row
    const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] as number
    console.log('Reader with a 200-paragraph article (about 130 KB of text); highlights created through the contract over HTTP.')
    console.log(
      'open = hash change → article painted with its highlights (all API calls done, two frames after ready); apply = CSS.highlights.set of the',
    )
    console.log("Reader's own Highlight objects → next frame (0 highlights: an empty frame); scroll = top to bottom, 400 px per frame.")
    console.log(
      formatTable(
        [
          'highlights',
          'ranges',
          `open p50 (n=${reps})`,
          'open ratio',
          'apply→frame',
          'apply ratio',
          'scroll frames',
          'frame p50',
          'frame p95',
          'p95 ratio',
        ],
        rows.map((row) => [
          fmt(row.highlights),
          fmt(row.apply.ranges),
          ms(median(row.open)),
          ratio(median(row.open) / median(base.open)),
          ms(row.apply.css),
          ratio(row.apply.css / base.apply.empty),
          String(row.scroll.length),
          ms(median(row.scroll)),
          ms(p95(row.scroll)),
          ratio(p95(row.scroll) / p95(base.scroll)),
        ]),
      ),
    )
    const five = rows.find((x) => x.highlights === Math.max(...counts))
    if (five && Number.isFinite(five.apply.mark))
      console.log(
        `Informative: wrapping the ${fmt(five.highlights)} highlights' ranges in <mark> elements instead → next frame ${ms(five.apply.mark)} = ${ratio(five.apply.mark / base.apply.empty)} the empty frame (CSS highlights: ${ratio(five.apply.css / base.apply.empty)}).`,
      )
    if (ctx.quick) ctx.verdicts.push({ target: 'render 5,000 highlights', pass: null, detail: 'not measured in --quick' })
    for (const row of rows.slice(1)) {
      const limit = row.highlights === 1_000 ? 2 : 3
      const label = `render ${fmt(row.highlights)} highlights`
      const open = median(row.open) / median(base.open)
      const apply = row.apply.css / base.apply.empty
      const scroll = p95(row.scroll) / p95(base.scroll)
      ctx.verdicts.push({
        target: `${label}: Reader open→paint ≤ ${limit}×`,
        pass: open <= limit,
        detail: `${ratio(open)} (${ms(median(row.open))} vs ${ms(median(base.open))})`,
      })
      ctx.verdicts.push({
        target: `${label}: apply→next frame ≤ ${limit}×`,
        pass: apply <= limit,
        detail: `${ratio(apply)} (${ms(row.apply.css)} vs ${ms(base.apply.empty)} applying none)`,
      })
      ctx.verdicts.push({
        target: `${label}: scroll frame p95 ≤ ${limit}×`,
        pass: scroll <= limit,
        detail: `${ratio(scroll)} (${ms(p95(row.scroll))} vs ${ms(p95(base.scroll))})`,
      })
    }
    console.log()
  } finally {
    await served.stop()
    removeDb(file)
  }
}
