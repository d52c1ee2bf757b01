/**
 * Issue 20 (windowing by a library), in Chromium: the Library's articles table on the large
 * notebook, scrolled top to bottom one step per frame (400 px, as the Reader's render section
 * does) and by jumps as a scroll-bar drag makes them (a random place each frame). Frame intervals,
 * and the most rows in the DOM at once, say what the row windowing costs.
 */
import type { Browser, Page } from 'playwright'
import { formatTable, ms, percentile } from '../report'
import { fmt, median, progress, type Ctx } from '../util'
import { openApp, serve } from './browser'
import type { BigNotebook } from './big'

interface Scrolled {
  frames: number[]
  rows: number
  /** Every frame had a row under the viewport's middle (no blank band while rows come in). */
  filled: boolean
}

/** In the page: scrolls the Library's scroller, one step per frame; frame intervals in ms. */
async function scrollLibrary(page: Page, mode: 'steps' | 'jumps'): Promise<Scrolled> {
  return page.evaluate(async (mode) => {
    const el = document.querySelector('.content') as HTMLElement
    const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r))
    el.scrollTop = 0
    for (let i = 0; i < 5; i++) await frame()
    const frames: number[] = []
    let rows = 0
    let filled = true
    let seed = 7
    const random = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    let last = await frame()
    for (let i = 0; i < 300; i++) {
      if (mode === 'steps') {
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2) break
        el.scrollTop += 400
      } else el.scrollTop = random() * (el.scrollHeight - el.clientHeight)
      const t = await frame()
      frames.push(t - last)
      last = t
      rows = Math.max(rows, document.querySelectorAll('table.articles tbody tr[data-row]').length)
      const box = el.getBoundingClientRect()
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height * 0.6)
      if (!hit?.closest('tr[data-row]')) filled = false
    }
    return { frames, rows, filled }
  }, mode)
}

export async function libraryScrollSection(ctx: Ctx, browser: Browser, big: BigNotebook): Promise<void> {
  progress(`library view: scrolling ${fmt(big.articles)} articles in Chromium`)
  const served = await serve(big.file)
  try {
    const page = await openApp(browser, served)
    await page.evaluate(() => (location.hash = '#/library'))
    await page.waitForSelector('table.articles tbody tr[data-row]')
    await page.waitForFunction(
      (n) => document.querySelector('table.articles')?.getAttribute('aria-rowcount') === String(n + 1),
      big.articles,
      {
        timeout: 60_000,
      },
    )
    // One pass to warm up (not reported), then the measured passes.
    await scrollLibrary(page, 'steps')
    const steps = await scrollLibrary(page, 'steps')
    const jumps = await scrollLibrary(page, 'jumps')
    await page.context().close()
    console.log(`Library view, ${fmt(big.articles)} articles: the .content scroller moved once per frame.`)
    const row = (label: string, s: Scrolled): string[] => [
      label,
      fmt(s.frames.length),
      ms(median(s.frames)),
      ms(percentile(s.frames, 95)),
      fmt(s.rows),
      s.filled ? 'yes' : 'NO',
    ]
    console.log(
      formatTable(
        ['scroll', 'frames', 'frame p50', 'frame p95', 'most rows in the DOM', 'a row under the viewport every frame'],
        [row('400 px per frame, top to bottom', steps), row('a random place per frame (scroll-bar drag)', jumps)],
      ),
    )
    ctx.verdicts.push({
      target: `library ${fmt(big.articles)} articles: rows windowed while scrolling`,
      pass: steps.rows < big.articles && jumps.rows < big.articles && steps.filled,
      detail: `at most ${fmt(Math.max(steps.rows, jumps.rows))} rows in the DOM; frame p95 ${ms(percentile(steps.frames, 95))} (steps), ${ms(percentile(jumps.frames, 95))} (jumps)`,
    })
    console.log()
  } finally {
    await served.stop()
  }
}
