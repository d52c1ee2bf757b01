/**
 * Issue 6 (speed), in Chromium: a 2,000-paragraph note in Parley's Notes view (built renderer,
 * real bridge) against a plain Lexical editor with the same content (bench/sections/plain-lexical.ts,
 * bundled by Vite in this run): load time, and per-keystroke latency over 100 typed characters
 * (keydown → the editor's DOM changed → next frame painted).
 */
import { fileURLToPath } from 'node:url'
import { dirname, join, resolve } from 'node:path'
import { build, type Rollup } from 'vite'
import type { Browser, Page } from 'playwright'
import { openNotebook } from '../../src/main/core/notebook'
import { createNote } from '../../src/main/core/notes/repo'
import { formatTable, ms, percentile } from '../report'
import { fmt, median, progress, ratio, removeDb, type Ctx } from '../util'
import { generatedNote } from './notes'
import { openApp, park, serve, timeRoute } from './browser'

const PARAGRAPHS = 2_000
const TYPED = 'the delegations agreed to meet again in geneva next month and to resume direct flights by the summer '.slice(0, 100)

async function plainBundle(): Promise<string> {
  const here = dirname(fileURLToPath(import.meta.url))
  const entry = resolve(here, 'plain-lexical.ts')
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    root: resolve(here, '..', '..'),
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'PlainLexical', fileName: () => 'plain.js' } },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[]
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk')
  if (!chunk) throw new Error('Vite produced no bundle for the plain Lexical editor.')
  return chunk.code
}

/** Types TYPED at the end of the editor, one key at a time; per-key latency measured in the page. */
async function typing(page: Page, selector: string): Promise<number[]> {
  await page.click(selector)
  await page.keyboard.press('Control+End')
  await page.evaluate((selector) => {
    const w = window as unknown as { __lat: number[] }
    w.__lat = []
    const editor = document.querySelector(selector) as Element
    let t0 = 0
    let waiting = false
    document.addEventListener(
      'keydown',
      () => {
        t0 = performance.now()
        waiting = true
      },
      true,
    )
    new MutationObserver(() => {
      if (!waiting) return
      waiting = false
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => w.__lat.push(performance.now() - t0)
        channel.port2.postMessage(0)
      })
    }).observe(editor, { subtree: true, childList: true, characterData: true })
  }, selector)
  for (const [i, ch] of [...TYPED].entries()) {
    await page.keyboard.type(ch)
    await page.evaluate(async (n) => {
      const w = window as unknown as { __lat: number[] }
      for (let k = 0; k < 600 && w.__lat.length < n; k++) await new Promise((r) => requestAnimationFrame(r))
    }, i + 1)
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)
}

export async function notesViewSection(ctx: Ctx, browser: Browser): Promise<void> {
  progress(`notes view: a ${fmt(PARAGRAPHS)}-paragraph note, Parley vs plain Lexical`)
  const file = join(ctx.root, 'notes-view.parley')
  removeDb(file)
  const notebook = openNotebook(file)
  const content = generatedNote(ctx, PARAGRAPHS, 0, 1)
  const blocks = (content.root.children as unknown[]).length
  const noteId = createNote(notebook.db, { title: 'A long note', content }, new Date()).id
  notebook.close()
  const json = JSON.stringify(content)
  const bundle = await plainBundle()
  const reps = ctx.quick ? 2 : 4

  // Plain Lexical: a blank page, the bundle, the same JSON; timed from mount to the painted frame.
  const plainContext = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const plainPage = await plainContext.newPage()
  const plainLoad: number[] = []
  for (let rep = 0; rep <= reps; rep++) {
    await plainPage.setContent(
      '<!doctype html><html><body style="margin:0;font:16px/1.6 system-ui"><div id="ed" contenteditable="true" style="max-width:720px;margin:0 auto;height:100vh;overflow:auto;outline:none"></div></body></html>',
    )
    await plainPage.addScriptTag({ content: bundle })
    const t = await plainPage.evaluate(
      async ({ json, blocks }) => {
        const w = window as unknown as { PlainLexical: { mount: (el: HTMLElement, json: string) => unknown } }
        const el = document.getElementById('ed') as HTMLElement
        const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r))
        const t0 = performance.now()
        w.PlainLexical.mount(el, json)
        for (let i = 0; i < 3000 && el.childElementCount < blocks; i++) await frame()
        await frame()
        await frame()
        return performance.now() - t0
      },
      { json, blocks },
    )
    if (rep > 0) plainLoad.push(t) // the first is warm-up
  }
  const plainTyping = await typing(plainPage, '#ed')
  await plainContext.close()

  const served = await serve(file)
  const parleyLoad: number[] = []
  let parleyTyping: number[]
  try {
    const page = await openApp(browser, served)
    for (let rep = 0; rep <= reps; rep++) {
      await park(page)
      const t = await timeRoute(page, `#/notes/${noteId}`, 'notes', blocks)
      if (rep > 0) parleyLoad.push(t)
    }
    parleyTyping = await typing(page, '[data-testid="note-editor"]')
    await page.context().close()
  } finally {
    await served.stop()
    removeDb(file)
  }

  const p95 = (xs: number[]): number => percentile(xs, 95)
  console.log(
    `A note of ${fmt(PARAGRAPHS)} paragraphs (+ headings: ${fmt(blocks)} blocks, ${fmt(json.length / 1024)} KB of JSON). Load: Parley = hash change → editor painted`,
  )
  console.log(
    '(notes.get over HTTP included); plain = mount + parseEditorState → painted. Typing: keydown → editor DOM changed → next frame, 100 keys at the end.',
  )
  console.log(
    formatTable(
      ['editor', `load p50 (n=${reps})`, 'keys', 'key p50', 'key p95', 'key max'],
      [
        [
          'plain Lexical (Vite bundle, no React)',
          ms(median(plainLoad)),
          String(plainTyping.length),
          ms(median(plainTyping)),
          ms(p95(plainTyping)),
          ms(Math.max(...plainTyping)),
        ],
        [
          "Parley's Notes view",
          ms(median(parleyLoad)),
          String(parleyTyping.length),
          ms(median(parleyTyping)),
          ms(p95(parleyTyping)),
          ms(Math.max(...parleyTyping)),
        ],
      ],
    ),
  )
  const load = median(parleyLoad) / median(plainLoad)
  const key = p95(parleyTyping) / p95(plainTyping)
  ctx.verdicts.push({
    target: `notes ${fmt(PARAGRAPHS)} paragraphs: load ≤ 1.5× plain Lexical`,
    pass: load <= 1.5,
    detail: `${ratio(load)} (${ms(median(parleyLoad))} vs ${ms(median(plainLoad))})`,
  })
  ctx.verdicts.push({
    target: `notes ${fmt(PARAGRAPHS)} paragraphs: typing p95 ≤ 1.3× and < 50 ms`,
    pass: key <= 1.3 && p95(parleyTyping) < 50,
    detail: `${ratio(key)} (p95 ${ms(p95(parleyTyping))} vs ${ms(p95(plainTyping))})`,
  })
  console.log()
}
