/**
 * Issue 7 (speed), in Chromium: the Matrix view's first paint on the large notebook (hash change →
 * first cells painted, matrix.get included), against the single count query measured in the
 * matrix section; and how many rows the view keeps in the DOM (virtualized or not).
 */
import type { Browser } from 'playwright'
import { formatTable, ms } from '../report'
import { fmt, median, progress, ratio, type Ctx } from '../util'
import { openApp, park, serve, timeRoute } from './browser'
import type { BigNotebook } from './big'

export async function matrixPaintSection(ctx: Ctx, browser: Browser, big: BigNotebook, sqlMs: number): Promise<void> {
  progress('matrix view: first paint in Chromium')
  const served = await serve(big.file)
  try {
    const page = await openApp(browser, served)
    await park(page)
    // The first opening after the bridge started: matrix.get builds the corpus statistics.
    const first = await timeRoute(page, '#/matrix', 'matrix', 0)
    const rows = await page.evaluate(() => document.querySelectorAll('[data-testid="matrix-row"]').length)
    const again: number[] = []
    for (let i = 0; i < 2; i++) {
      await park(page)
      again.push(await timeRoute(page, '#/matrix', 'matrix', 0))
    }
    await page.context().close()
    const size = `${big.rounds}×${big.themes}`
    console.log(
      `Matrix view, ${size} on ${fmt(big.articles)} articles and ${fmt(big.highlights)} highlights: hash change → first cells painted (API call included).`,
    )
    console.log(
      formatTable(
        ['variant', 'time', 'ratio to the count query'],
        [
          ['count query (matrix section, median)', ms(sqlMs), '1.00×'],
          ['Matrix view, first opening after start', ms(first), ratio(first / sqlMs)],
          [`Matrix view, opened again (median of ${again.length})`, ms(median(again)), ratio(median(again) / sqlMs)],
        ],
      ),
    )
    console.log(`Rows in the DOM: ${fmt(rows)} of ${fmt(big.rounds)} rounds (${rows < big.rounds ? 'virtualized' : 'not virtualized'}).`)
    ctx.verdicts.push({
      target: `matrix ${size}: view first paint ≤ 3× count query`,
      pass: first / sqlMs <= 3,
      detail: `${ratio(first / sqlMs)} (${ms(first)} vs ${ms(sqlMs)}; opened again ${ratio(median(again) / sqlMs)})`,
    })
    ctx.verdicts.push({
      target: `matrix ${size}: rows virtualized`,
      pass: big.rounds >= 100 ? rows < big.rounds : null,
      detail: `${fmt(rows)} of ${fmt(big.rounds)} rows in the DOM${big.rounds >= 100 ? '' : ' (too few rounds in --quick to judge)'}`,
    })
    console.log()
  } finally {
    await served.stop()
  }
}
