/**
 * Browser harness: Playwright's Chromium (PARLEY_CHROMIUM or /usr/bin/chromium) against the BUILT
 * renderer served by the real bridge (`node out/main/cli.js serve`). Calls go through the contract
 * over HTTP with the session cookie the launch URL sets.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const projectRoot = (): string => resolve(process.cwd())
export const cliPath = (): string => join(projectRoot(), 'out', 'main', 'cli.js')

/** Why the browser sections cannot run here, or null. */
export function browserUnavailable(): string | null {
  const exe = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium'
  if (!existsSync(exe)) return `no Chromium at ${exe} (set PARLEY_CHROMIUM)`
  if (!existsSync(cliPath()) || !existsSync(join(projectRoot(), 'out', 'renderer', 'index.html')))
    return 'the app is not built (run `npm run build`)'
  return null
}

/** When the built renderer was made (the report says what it measured). */
export function buildStamp(): string {
  return statSync(join(projectRoot(), 'out', 'renderer', 'index.html'))
    .mtime.toISOString()
    .replace(/\.\d+Z$/, 'Z')
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.PARLEY_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

export interface Served {
  url: string
  origin: string
  stop(): Promise<void>
}

/** Starts the real bridge on a notebook file and waits for its "Open: URL" line. */
export async function serve(notebook: string): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [cliPath(), 'serve', '--notebook', notebook, '--no-seed'], {
    cwd: projectRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
  const url = await new Promise<string>((done, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`The bridge did not start in 60 s: ${err}`)), 60_000)
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /Open: (http:\/\/\S+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        done(m[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`The bridge exited (${code}): ${err}`))
    })
  })
  return {
    url,
    origin: new URL(url).origin,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      }),
  }
}

/** Counts the renderer's API calls in flight (fetch is wrapped before the app loads). */
const PENDING_SCRIPT = `(() => {
  const orig = window.fetch.bind(window)
  window.__pending = 0
  window.fetch = async (...args) => {
    // The events stream stays open for the page's life: not a call in flight.
    if (String(args[0]).endsWith('/api/events')) return orig(...args)
    window.__pending++
    try { return await orig(...args) } finally { setTimeout(() => { window.__pending-- }, 0) }
  }
})()`

/** A page on the served app, logged in through the launch URL (which swaps the token for a cookie). */
export async function openApp(browser: Browser, served: Served): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  await context.addInitScript(PENDING_SCRIPT)
  const page = await context.newPage()
  await page.goto(served.url)
  // Not 'networkidle': the renderer keeps its events stream (/api/events) open.
  await page.waitForFunction(
    () => (window as unknown as { __pending: number }).__pending === 0 && document.querySelector('#root > *') !== null,
  )
  return page
}

/** A contract call over HTTP as the page makes it: its Origin and its session's token. */
export async function call<T>(page: Page, origin: string, method: string, input: unknown): Promise<T> {
  // The bridge answers only a call that carries the session token the page keeps (a cookie alone
  // is refused: issue 19), and, as the page's own fetch does, the page's Origin.
  const token = await page.evaluate(() => sessionStorage.getItem('parley.session') ?? '')
  const res = await page.request.post(`${origin}/api/${method}`, {
    data: input,
    headers: { 'content-type': 'application/json', origin, 'x-parley-token': token },
  })
  if (!res.ok()) throw new Error(`${method} failed: ${res.status()} ${await res.text()}`)
  return (await res.json()) as T
}

export type ReadyKind = 'reader' | 'notes' | 'matrix'

/**
 * In the page: sets location.hash, then waits frame by frame until the view is ready (reader: the
 * article's paragraphs and at least `arg` ranges in theme highlights; notes: at least `arg` blocks
 * in the editor; matrix: its cells) and no API call is in flight, then two more frames (effects run
 * after the commit; the next frame paints them). Returns ms from the hash change to that frame.
 */
export async function timeRoute(page: Page, hash: string, kind: ReadyKind, arg: number): Promise<number> {
  return page.evaluate(
    async ({ hash, kind, arg }) => {
      const w = window as unknown as { __pending: number }
      const themeRanges = (): number => {
        let n = 0
        CSS.highlights.forEach((h, name) => {
          if (name.startsWith('theme-')) n += h.size
        })
        return n
      }
      const isReady = (): boolean => {
        if (kind === 'reader') return document.querySelector('[data-testid="article-body"] p') !== null && themeRanges() >= arg
        if (kind === 'notes') return (document.querySelector('[data-testid="note-editor"]')?.childElementCount ?? 0) >= arg
        return document.querySelector('[data-testid="matrix-cell"]') !== null
      }
      const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r))
      const t0 = performance.now()
      location.hash = hash
      for (let i = 0; i < 6000; i++) {
        await frame()
        if (w.__pending === 0 && isReady()) break
      }
      await frame()
      await frame()
      return performance.now() - t0
    },
    { hash, kind, arg },
  )
}

/** Leaves the current view for a light one and lets it settle. */
export async function park(page: Page): Promise<void> {
  await page.evaluate(async () => {
    location.hash = '#/themes'
    const w = window as unknown as { __pending: number }
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => requestAnimationFrame(r))
      if (w.__pending === 0 && i > 3) break
    }
  })
}
