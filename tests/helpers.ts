import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh temp folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = []
  afterEach(() => {
    while (dirs.length) rmSync(dirs.pop() as string, { recursive: true, force: true })
  })
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-test-'))
    dirs.push(dir)
    return dir
  }
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

export const ARTICLE = `Council approves new riverside park

The city council voted on Tuesday to turn the old freight yard beside the river into a public park, ending a debate that lasted nearly a decade.

Supporters said the park would give the eastern districts their first large green space. "This is the most important decision we have taken this year," the council leader told reporters after the vote.

Work on the site is expected to begin next spring and to take about two years, officials said.
`
