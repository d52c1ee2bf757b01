/**
 * Crash safety (issue 10 §1, RELIABILITY.md c.2 F1–F3): a child process drives the real core
 * (imports of file batches, note autosaves, highlight creation, exports) and prints `ack` once each
 * write has committed; the test SIGKILLs it at a random moment, then reopens the notebook the way
 * the app does and checks: integrity_check = ok, no foreign-key violations, both FTS indexes pass
 * their integrity-check, every acknowledged write is present with the acknowledged content, no
 * article lacks its FTS row, no highlight points to a missing article, every acknowledged export
 * is intact, and an interrupted export holds only complete files (a re-export then has no conflicts).
 *
 * The notebook persists across cycles, as a user's does. CI runs PARLEY_CRASH_CYCLES (default 40);
 * PARLEY_RELIABILITY_FULL=1 runs the 200. The seed is printed (PARLEY_RELIABILITY_SEED replays it).
 */
import { spawn } from 'node:child_process'
import { expectStoreSound } from './store-checks'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/main/core/db/open'
import { exportVault } from '../../src/main/core/export/vault'
import { buildDriver, buildPrepareWorker } from './build'
import { rng } from './generate'

const FULL = process.env.PARLEY_RELIABILITY_FULL === '1'
const CYCLES = Number(process.env.PARLEY_CRASH_CYCLES ?? (FULL ? 200 : 40))
const SEED = Number(process.env.PARLEY_RELIABILITY_SEED ?? Date.now() % 1_000_000)
/** The longest a cycle lets the driver run before the kill (it starts in ~0.4–0.8 s). */
const MAX_RUN_MS = 1800

/** Each cycle mostly does one kind of write, in turn, so kills land in the middle of every kind. */
const FOCUS = ['import', 'note', 'highlight', 'export', 'mixed']

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')

interface Acked {
  imports: Map<number, string>
  /** Per note: the acknowledged content hash, and hashes of saves begun after it (they may have committed). */
  notes: Map<number, { acked: string | null; pending: Set<string> }>
  highlights: Map<number, { articleId: number; start: number; end: number }>
  exports: Map<string, string>
}

interface Cycle {
  lines: string[]
  exitSignal: NodeJS.Signals | null
  stderr: string
}

/** The article-preparing worker bundle the driver's notebook uses, as the app does. */
let worker = ''

function runUntilKilled(driver: string, file: string, work: string, seed: number, focus: string, killAfterMs: number): Promise<Cycle> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [driver, 'crash', file, work, String(seed), focus], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PARLEY_PREPARE_WORKER: worker },
    })
    let out = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL')
      } catch {
        // Already gone: the exit handler reports it.
      }
    }, killAfterMs)
    child.on('error', fail)
    child.on('close', (_code, signal) => {
      clearTimeout(timer)
      done({ lines: out.split('\n').filter(Boolean), exitSignal: signal, stderr })
    })
  })
}

function record(acked: Acked, lines: string[]): { acks: number; inFlightExport: string | null; inFlight: string | null } {
  let acks = 0
  let inFlightExport: string | null = null
  let inFlight: string | null = null
  for (const line of lines) {
    const [verb, kind, ...args] = line.split(' ')
    if (verb === 'begin') inFlight = kind as string
    if ((verb === 'done' || (verb === 'ack' && kind !== 'import')) && inFlight === kind) inFlight = null
    if (verb === 'begin' && kind === 'note') {
      const entry = acked.notes.get(Number(args[0])) ?? { acked: null, pending: new Set<string>() }
      entry.pending.add(args[1] as string)
      acked.notes.set(Number(args[0]), entry)
    }
    if (verb === 'begin' && kind === 'export') inFlightExport = args[0] as string
    if (verb !== 'ack') continue
    acks++
    if (kind === 'import') acked.imports.set(Number(args[0]), args[1] as string)
    if (kind === 'note') acked.notes.set(Number(args[0]), { acked: args[1] as string, pending: new Set() })
    if (kind === 'highlight')
      acked.highlights.set(Number(args[0]), { articleId: Number(args[1]), start: Number(args[2]), end: Number(args[3]) })
    if (kind === 'export') {
      acked.exports.set(args[0] as string, args[1] as string)
      if (inFlightExport === args[0]) inFlightExport = null
    }
  }
  return { acks, inFlightExport, inFlight }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name)
      if (e.isDirectory()) walk(full)
      else out.push(relative(dir, full).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

/** Every check of one cycle; returns the number of acknowledged writes verified. Throws on the first loss. */
function verifyStore(db: Db, acked: Acked): number {
  expectStoreSound(db)
  // Half-imported: highlights or rounds pointing to missing articles.
  expect(
    db.prepare('SELECT count(*) FROM highlights h WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = h.article_id)').pluck().get(),
  ).toBe(0)
  let checked = 0
  const article = db.prepare('SELECT source_name FROM articles WHERE id = ?').pluck()
  for (const [id, file] of acked.imports) {
    expect(article.get(id), `acknowledged import ${id} (${file})`).toBe(file)
    checked++
  }
  const note = db.prepare('SELECT content FROM notes WHERE id = ?').pluck()
  for (const [id, { acked: hash, pending }] of acked.notes) {
    const content = note.get(id) as string | undefined
    if (hash === null) continue
    expect(content, `acknowledged note ${id}`).toBeDefined()
    const found = sha(content as string)
    expect(found === hash || pending.has(found), `note ${id} holds its acknowledged content or a later save`).toBe(true)
    checked++
  }
  const highlight = db.prepare('SELECT article_id AS articleId, start, "end" FROM highlights WHERE id = ?')
  for (const [id, expected] of acked.highlights) {
    expect(highlight.get(id), `acknowledged highlight ${id}`).toEqual(expected)
    checked++
  }
  for (const [dir, manifestHash] of acked.exports) {
    const manifest = readFileSync(join(dir, '.parley-export.json'))
    expect(sha(manifest), `acknowledged export ${dir}`).toBe(manifestHash)
    const files = (JSON.parse(manifest.toString()) as { files: Record<string, string> }).files
    for (const [path, hash] of Object.entries(files)) expect(sha(readFileSync(join(dir, path))), `${dir}/${path}`).toBe(hash)
    checked++
  }
  return checked
}

describe('crash safety: SIGKILL at random moments', () => {
  let driver: string
  let root: string
  const totals = {
    cycles: 0,
    killedDuring: {} as Record<string, number>,
    acks: 0,
    checked: 0,
    lost: 0,
    interruptedExports: 0,
    tmpLeft: 0,
    articles: 0,
  }

  beforeAll(async () => {
    driver = await buildDriver()
    worker = await buildPrepareWorker()
    root = mkdtempSync(join(tmpdir(), 'parley-crash-'))
  }, 120_000)

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it(
    `keeps every acknowledged write through ${CYCLES} kills (seed ${SEED})`,
    async () => {
      const file = join(root, 'notebook.parley')
      const work = join(root, 'work')
      const random = rng(SEED)
      const acked: Acked = { imports: new Map(), notes: new Map(), highlights: new Map(), exports: new Map() }
      const started = performance.now()
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const killAfter = Math.floor(random() * MAX_RUN_MS) + (cycle === 0 ? 0 : 300)
        const focus = FOCUS[cycle % FOCUS.length] as string
        const run = await runUntilKilled(driver, file, work, SEED * 1000 + cycle, focus, killAfter)
        const error = run.lines.find((l) => l.startsWith('error '))
        expect(error ?? '', `driver failed in cycle ${cycle}: ${run.stderr}`).toBe('')
        expect(run.exitSignal, `cycle ${cycle} ended by itself: ${run.stderr}`).toBe('SIGKILL')
        const { acks, inFlightExport, inFlight } = record(acked, run.lines)
        totals.acks += acks
        if (inFlight) totals.killedDuring[inFlight] = (totals.killedDuring[inFlight] ?? 0) + 1

        const { db } = openDatabase(file)
        try {
          totals.checked += verifyStore(db, acked)
          if (inFlightExport && existsSync(inFlightExport)) {
            // An interrupted export: every finished file equals what a clean export writes now
            // (the driver is sequential, so the notebook has not changed since it began).
            totals.interruptedExports++
            const reference = join(root, `reference-${cycle}`)
            await exportVault(db, reference)
            for (const path of filesUnder(inFlightExport)) {
              if (path.endsWith('.parley-tmp')) {
                totals.tmpLeft++
                continue
              }
              // The manifest, and the lock of the killed export (the next export takes it over).
              if (path === '.parley-export.json' || path === '.parley-export.lock') continue
              expect(readFileSync(join(inFlightExport, path)).equals(readFileSync(join(reference, path))), `${path} is complete`).toBe(true)
            }
            const again = await exportVault(db, inFlightExport)
            expect(again.conflicts, 'a re-export after the crash has no conflicts').toEqual([])
            expect(existsSync(join(inFlightExport, '.parley-export.lock')), 'the killed export’s lock is gone').toBe(false)
            rmSync(reference, { recursive: true, force: true })
          }
          totals.articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
        } finally {
          db.close()
        }
        totals.cycles++
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(0)
      const size = (statSync(file).size / 1024 / 1024).toFixed(1)
      console.log(
        `crash harness: seed ${SEED}, ${totals.cycles} SIGKILL cycles (killed during: ${JSON.stringify(totals.killedDuring)}), ` +
          `${totals.acks} acknowledged writes (${acked.imports.size} imports, ${acked.notes.size} notes, ${acked.highlights.size} highlights, ${acked.exports.size} exports), ` +
          `${totals.checked} ack checks, lost 0, ${totals.interruptedExports} interrupted exports (${totals.tmpLeft} temp files left), ` +
          `${totals.articles} articles (${size} MB) in ${seconds} s`,
      )
      expect(totals.acks).toBeGreaterThan(0)
    },
    FULL ? 3_600_000 : 600_000,
  )
})
