import { test as base, expect, type Page } from '@playwright/test'
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
