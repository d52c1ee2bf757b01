/**
 * Issue 17 item 2 against the real server (the built `parley serve` in a child process): while F3's
 * file (thousands of theme names and marks) and F4's (1 MB of dates) import, while the F3 article's
 * suggestions are listed and while rounds are detected, `notebook.info` keeps answering (within a
 * second); SIGTERM in the middle of detection exits cleanly and
 * leaves a sound notebook.
 */
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, startServer, type Server } from './bridge-harness'
import { root } from './build'

// The app's own build (npm test builds it first): its prepare-worker.js beside cli.js is what keeps
// preparation off the core's thread, and the test must run what users run.
const cli = join(root, 'out', 'main', 'cli.js')
let dir: string

beforeAll(() => {
  if (!existsSync(cli) || !existsSync(join(root, 'out', 'main', 'prepare-worker.js')))
    throw new Error('out/main is missing: run `npm run build` (npm test builds it first).')
  dir = mkdtempSync(join(tmpdir(), 'parley-responsive-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const b64 = (s: string): string => Buffer.from(s).toString('base64')
const PROSE =
  'The delegations met for several hours and agreed to continue the consultations on embassy staffing, property and flights at a later date, officials on both sides said afterwards.'

/** F3: a Markdown file naming 9,000 themes, with as many marks. */
const manyThemes = (): string =>
  `---\ntitle: Talks resume\nhighlight-themes:\n${Array.from({ length: 9000 }, (_, i) => `  - t${i}`).join('\n')}\n---\n\n${Array.from(
    { length: 300 },
    (_, p) => Array.from({ length: 30 }, (_, k) => `Envoys met ==on day ${p * 30 + k}== in port ${p}.`).join(' '),
  ).join('\n\n')}\n\n${PROSE}\n\n${PROSE.replace('several', 'six')}`

/** F4: about 1 MB of sentences full of dates, every paragraph different. */
const denseDates = (): string => {
  const sentence = (day: number, year: number): string =>
    `Negotiators met in the capital on March ${day}, ${year} and on Friday, ${day} April ${year - 1}, then talks on ${day}/05/${year - 2} and Monday.`
  const paragraphs: string[] = []
  for (let i = 0, size = 0; size < 1_000_000; i++) {
    paragraphs.push(Array.from({ length: 10 }, (_, k) => sentence(((i * 10 + k) % 28) + 1, 2000 + ((i + k) % 25))).join(' '))
    size += (paragraphs.at(-1) as string).length + 2
  }
  return `Dates\n\n${paragraphs.join('\n\n')}`
}

/** Runs `work` while asking notebook.info every 50 ms; returns the slowest answer in ms and how many came. */
async function whileAnswering(server: Server, work: Promise<unknown>): Promise<{ slowest: number; answers: number }> {
  let done = false
  const finished = work.finally(() => (done = true))
  let slowest = 0
  let answers = 0
  while (!done) {
    const asked = performance.now()
    const reply = await call(server, 'notebook.info', '{}')
    expect(reply.status).toBe(200)
    slowest = Math.max(slowest, performance.now() - asked)
    answers++
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await finished
  return { slowest, answers }
}

describe('the core keeps answering while hostile content is worked on (issue 17 item 2)', () => {
  it('answers notebook.info promptly during the F3/F4 imports, F3 suggestions and detection; SIGTERM during detection exits 0', async () => {
    const notebook = join(dir, 'n.parley')
    const server = await startServer(cli, { notebook, cwd: dir })
    const figures: string[] = []
    try {
      const files = [
        { name: 'many-themes.md', data: b64(manyThemes()) },
        { name: 'dates.txt', data: b64(denseDates()) },
      ]
      let imported: Array<{ status: string; id?: number; error?: string }> = []
      const importing = call(server, 'articles.import', JSON.stringify({ files })).then((r) => {
        expect(r.status).toBe(200)
        imported = JSON.parse(r.body) as typeof imported
      })
      const during = await whileAnswering(server, importing)
      figures.push(`import: slowest notebook.info ${during.slowest.toFixed(0)} ms of ${during.answers}`)
      expect(
        imported.map((r) => r.status),
        JSON.stringify(imported),
      ).toEqual(['imported', 'imported'])
      // Issue 17 item 2: within a second. Preparing runs in the worker pool; a long store commits in a
      // group of its own and every commit gives the event loop turns, so a call waits for one group
      // (F3's: its 2,000 capped marks through one prepared statement and a 320K-char body indexed,
      // ~0.1 s idle) or one step of the sliced detection (F4's body, ~0.2 s idle), not for all of them.
      // Measured under a load average of 7-9 on 2 cores: 0.3-0.92 s (before: 0.8-1.9 s). Indexing
      // still grows with a body's size (about 50 ms of CPU per MB of prose).
      expect(during.slowest).toBeLessThan(1_000)

      const themed = imported[0]?.id as number
      const suggesting = call(server, 'suggestions.list', JSON.stringify({ articleId: themed }))
      const opened = await whileAnswering(server, suggesting)
      figures.push(`suggestions: slowest ${opened.slowest.toFixed(0)} ms of ${opened.answers}`)
      expect((await suggesting).status).toBe(200)
      // 1 s is asserted in process (themes/suggest-scale.test.ts, rounds/bounded.test.ts); through HTTP on
      // a loaded 2-core CI machine the bound here keeps a margin and still fails on a core held for seconds.
      expect(opened.slowest).toBeLessThan(2_000)

      const detecting = call(server, 'rounds.detect', '{}')
      const detected = await whileAnswering(server, detecting)
      figures.push(`detection: slowest ${detected.slowest.toFixed(0)} ms of ${detected.answers}`)
      // Within a second, as the issue asks: detection yields within an article's reading too (a sentence,
      // 2,000 characters searched for dates: a few ms idle), no longer after a whole article (F4's, ~0.2 s idle).
      expect(detected.slowest).toBeLessThan(1_000)

      // SIGTERM while detection runs again: a clean exit, promptly.
      void call(server, 'rounds.detect', '{}').catch(() => undefined)
      await new Promise((resolve) => setTimeout(resolve, 100))
      const stopped = performance.now()
      expect(await server.stop()).toBe(0)
      figures.push(`SIGTERM during detection: exit 0 after ${(performance.now() - stopped).toFixed(0)} ms`)
      expect(performance.now() - stopped).toBeLessThan(10_000)
    } finally {
      if (server.alive()) await server.stop()
      console.log(figures.map((f) => `[responsive] ${f}`).join('\n'))
    }
    const db = new Database(notebook, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2)
    db.close()
  }, 180_000)
})
