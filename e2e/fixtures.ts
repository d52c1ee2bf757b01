import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Parley {
  /** The launch URL printed by `parley serve`, with its one-time launch code (good once, for 30 s). */
  url: string
  origin: string
  home: string
  process: ChildProcess
}

/** Starts the real CLI in browser mode on a fresh user-data folder (so first run imports seeds/). */
export async function startParley(): Promise<Parley> {
  const home = mkdtempSync(join(tmpdir(), 'parley-e2e-'))
  const child = spawn(process.execPath, [join(__dirname, '..', 'out', 'main', 'cli.js'), 'serve'], {
    // The export spec writes into a temp folder: the page may export only inside this root (or the home folder).
    env: { ...process.env, PARLEY_HOME: home, PARLEY_EXPORT_ROOT: tmpdir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`parley serve printed no URL:\n${output}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/#launch=[\w-]+)/.exec(output)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`parley serve exited (${code}):\n${output}`)))
  })
  return { url, origin: new URL(url).origin, home, process: child }
}

export async function stopParley(parley: Parley): Promise<void> {
  if (parley.process.exitCode === null) {
    const exited = new Promise((resolve) => parley.process.once('exit', resolve))
    parley.process.kill('SIGTERM')
    await exited
  }
  rmSync(parley.home, { recursive: true, force: true })
}

export const test = base.extend<{ parley: Parley }>({
  // Playwright reads the fixture's dependencies from this (empty) destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  parley: async ({}, use) => {
    const parley = await startParley()
    await use(parley)
    await stopParley(parley)
  },
})

export { expect }

export const screenshotPath = (name: string): string => join(__dirname, '..', 'screenshots', `${name}.png`)

/** Calls the contract from inside the page (same origin, the page's session key in its header): the real bridge. */
export async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const r = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Parley-Token': sessionStorage.getItem('parley.session') ?? '' },
        body: JSON.stringify(i),
      })
      if (!r.ok) throw new Error(await r.text())
      return r.json()
    },
    [method, input] as const,
  ) as Promise<T>
}

/** In-app navigation (a hash change): page.goto would reload the page, and with it the undo history. */
export async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash)
}

/** `s` as a regular expression that matches it literally (a title in a role name or URL). */
export const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The screenshots every view gets (common.md): 1280x800 and 800x700, light and dark; the page is
 * left at 1280x800, light. With a target, it is scrolled into view before each one.
 */
export async function shots(page: Page, name: string, target?: Locator): Promise<void> {
  const shot = async (suffix: string): Promise<void> => {
    await target?.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath(`${name}-${suffix}`) })
  }
  await shot('1280')
  await page.setViewportSize({ width: 800, height: 700 })
  await shot('800')
  await page.emulateMedia({ colorScheme: 'dark' })
  await shot('800-dark')
  await page.setViewportSize({ width: 1280, height: 800 })
  await shot('1280-dark')
  await page.emulateMedia({ colorScheme: 'light' })
}

/** Serious and critical axe violations (WCAG 2.1 A and AA, as polish-a11y.spec.ts counts them), light and dark. */
export async function violations(page: Page): Promise<string[]> {
  const found: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    for (const v of result.violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        found.push(`${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

/**
 * Finds `text` inside the element with data-testid `testId` (the Reader's body by default, a
 * Compare column, …) and either selects it the way a mouse drag would, then releases the button,
 * or scrolls its middle into view and gives that point (a suggestion has no element to click).
 */
async function atText(page: Page, text: string, testId: string, select: boolean): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([needle, id, selecting]) => {
      const root = document.querySelector(`[data-testid="${id}"]`)!
      for (const p of Array.from(root.querySelectorAll('p'))) {
        const node = p.firstChild as Text
        const at = node.data.indexOf(needle)
        if (at === -1) continue
        const range = document.createRange()
        if (selecting) {
          range.setStart(node, at)
          range.setEnd(node, at + needle.length)
          const sel = window.getSelection()!
          sel.removeAllRanges()
          sel.addRange(range)
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
          return { x: 0, y: 0 }
        }
        const mid = at + Math.floor(needle.length / 2)
        range.setStart(node, mid)
        range.setEnd(node, mid + 1)
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' })
        const r = range.getBoundingClientRect()
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 }
      }
      throw new Error(`text not found: ${needle}`)
    },
    [text, testId, select] as const,
  )
}

/** Selects `text` inside the element with data-testid `testId` as a mouse drag would. */
export async function selectText(page: Page, text: string, testId = 'article-body'): Promise<void> {
  await atText(page, text, testId, true)
}

/**
 * The body's paragraphs long enough to give `from + words` words and two more, and `words` words
 * of the `paragraph`-th of them from word `from`: a passage picked from the seeds without writing
 * their text into a test.
 */
export function wordsOf(body: string, words: number, { paragraph = 0, from = 0 } = {}): string {
  // Blank-line separated, as the specs picked them (src/shared/body is outside the e2e project).
  const p = body.split(/\n\s*\n/).filter((x) => x.trim().split(/\s+/).length > from + words + 2)[paragraph]!
  return p
    .trim()
    .split(/\s+/)
    .slice(from, from + words)
    .join(' ')
}

/** Clicks the middle of `text` inside the element with data-testid `testId`, scrolled into view. */
export async function clickText(page: Page, text: string, testId = 'article-body'): Promise<void> {
  const box = await atText(page, text, testId, false)
  await page.mouse.click(box.x, box.y)
}

/** A file's text as articles.import takes it (base64 of its UTF-8). */
export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
