/**
 * Resources and I/O faults (issue 10 §2, RELIABILITY.md c.2 F9, F11, F12), each on the real CLI
 * (src/main/cli.ts bundled as the app builds it, with the prepare worker beside it) in a child process:
 *
 * - F9: too few file descriptors (`ulimit -n`) for an import of 100 files; a small main heap
 *   (`--max-old-space-size`) for an article near the size cap. The worker's own out-of-memory path
 *   is in src/main/core/articles/prepare-pool.test.ts.
 * - F11: the Nth file-system write of an export fails (EIO, then ENOSPC), for every N of one export,
 *   injected by a preload (fail-nth.mjs), so the production code runs unchanged.
 * - F12: SIGTERM in the middle of writes, to `parley serve` (HTTP clients saving notes and importing)
 *   and to `parley import`.
 *
 * Invariants after each: a clear message (never a stack or a crash), no acknowledged write lost,
 * integrity_check / foreign keys / FTS sound, no half-imported article, the previous export intact,
 * and the next attempt succeeds. PARLEY_RELIABILITY_FULL=1 runs every limit, every N and more
 * SIGTERM cycles; PARLEY_RELIABILITY_SEED replays a run (the seed is printed).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli as cliInProcess } from '../../src/main/cli'
import { openDatabase } from '../../src/main/core/db/open'
import { LOCK } from '../../src/main/core/export/lock'
import { MANIFEST } from '../../src/main/core/export/manifest'
import { openNotebook } from '../../src/main/core/notebook'
import { call, STACK, startServer } from './bridge-harness'
import { buildCli, buildPrepareWorker, root } from './build'
import { expectStoreSound } from './store-checks'
import { articleText, noteContent, rng } from './generate'

const FULL = process.env.PARLEY_RELIABILITY_FULL === '1'
const SEED = Number(process.env.PARLEY_RELIABILITY_SEED ?? Date.now() % 1_000_000)
const INJECTOR = join(__dirname, 'fail-nth.mjs')

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')
/** JSON with sorted keys: the bridge validates a note's content with zod, which may reorder keys. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )

let work = ''
/** The CLI bundle, with the prepare worker beside it as in out/main (so imports use worker threads). */
let cli = ''

beforeAll(async () => {
  const [cliBundle, workerBundle] = await Promise.all([buildCli(), buildPrepareWorker()])
  // Under node_modules, so the bundles' require('better-sqlite3') resolves; out/renderer is found from here too.
  const app = mkdtempSync(join(root, 'node_modules', '.cache', 'parley-resources-'))
  cli = join(app, 'cli.cjs')
  copyFileSync(cliBundle, cli)
  copyFileSync(workerBundle, join(app, 'prepare-worker.js'))
  work = mkdtempSync(join(tmpdir(), 'parley-resources-'))
  console.log(`resources: seed ${SEED}${FULL ? ' (full)' : ''}`)
}, 180_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
  if (cli) rmSync(join(cli, '..'), { recursive: true, force: true })
})

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  out: string
  err: string
}

interface RunOptions {
  /** `ulimit -n` for the child. */
  files?: number
  node?: string[]
  env?: Record<string, string>
  /** Called once the child has started; may signal it. */
  started?: (pid: number) => void
}

function runCli(args: string[], options: RunOptions = {}): Promise<Run> {
  const node = [...(options.node ?? []), cli, ...args]
  const [command, argv] =
    options.files === undefined
      ? [process.execPath, node]
      : ['/bin/sh', ['-c', `ulimit -n ${options.files} && exec "$0" "$@"`, process.execPath, ...node]]
  return new Promise((done, fail) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', fail)
    child.on('close', (code, signal) => done({ code, signal, out, err }))
    options.started?.(child.pid as number)
  })
}

/** Articles with unique tokens, one file each. */
function writeArticles(dir: string, count: number, seed: number): string[] {
  mkdirSync(dir, { recursive: true })
  const random = rng(seed)
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `a${String(i).padStart(3, '0')}.txt`)
    writeFileSync(file, articleText(random, `tok${seed}x${i}`))
    return file
  })
}

/** The store checks of crash.test.ts; returns the number of articles. */
function sound(file: string): number {
  const { db } = openDatabase(file)
  try {
    expectStoreSound(db)
    return db.prepare('SELECT count(*) FROM articles').pluck().get() as number
  } finally {
    db.close()
  }
}

/** The WAL was merged into the notebook at close (SQLite removes it; a killed process leaves it behind). */
function checkpointed(file: string): boolean {
  return !existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0
}

/** One line per file: `imported|duplicate … → title` or `failed … : reason`, then the totals. */
function importLines(out: string): { imported: number; duplicate: number; failed: string[] } {
  const lines = out.split('\n').filter(Boolean)
  const totals = /^(\d+) imported, (\d+) duplicate, (\d+) failed → /.exec(lines[lines.length - 1] ?? '')
  expect(totals, `the import ends with its totals:\n${out}`).not.toBeNull()
  const failed = lines.filter((l) => l.startsWith('failed '))
  for (const line of lines.slice(0, -1)) expect(line).toMatch(/^(imported|duplicate) +\S.* → |^failed +\S.*: \S/)
  return { imported: Number(totals?.[1]), duplicate: Number(totals?.[2]), failed }
}

function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name)
      if (e.isDirectory()) walk(full)
      else out.set(relative(dir, full).split('\\').join('/'), sha(readFileSync(full)))
    }
  }
  if (existsSync(dir)) walk(dir)
  return out
}

describe('F9: too many open files', () => {
  // From RELIABILITY's 64 down to where Node itself can no longer load the CLI (about 19 here).
  // In CI: enough, a limit where files fail one by one here (26), and one where the folder cannot be read (22).
  const LIMITS = FULL ? Array.from({ length: 45 }, (_, i) => 64 - i) : [64, 26, 22]

  it(`an import of 100 files at ulimit -n ${LIMITS.join(', ')}: every file imported or failed with its reason, or one clear message; the store sound; an import without the limit adds the rest`, async () => {
    const files = writeArticles(join(work, 'f9-in'), 100, SEED)
    const outcomes: string[] = []
    for (const limit of LIMITS) {
      const file = join(work, `f9-${limit}.parley`)
      const run = await runCli(['import', join(work, 'f9-in'), '--notebook', file], { files: limit })
      const context = `ulimit -n ${limit}: exit ${run.code} ${run.signal ?? ''}\n${run.out.slice(-2000)}\n${run.err.slice(-2000)}`
      expect(run.signal, context).toBeNull()
      expect(run.err, context).not.toMatch(STACK)
      let before = 0
      if (run.code === 0) {
        const lines = importLines(run.out)
        expect(lines.imported + lines.failed.length, context).toBe(files.length)
        if (limit >= 64) expect(lines.failed, context).toEqual([])
        outcomes.push(
          `${limit}: ${lines.imported} imported, ${lines.failed.length} failed${lines.failed[0] ? ` (${lines.failed[0].replace(/^failed +\S+: /, '').slice(0, 80)})` : ''}`,
        )
        before = lines.imported
      } else {
        // The whole batch refused at once (the notebook or the folder could not be opened): one message.
        expect(run.code, context).toBe(1)
        expect(run.err.trim(), context).not.toBe('')
        expect(run.err, context).not.toMatch(/FATAL|Segmentation|Aborted/)
        outcomes.push(`${limit}: refused (${run.err.split('\n')[0]?.slice(0, 90)})`)
      }
      if (existsSync(file)) {
        expect(sound(file), context).toBe(before)
        const again = await runCli(['import', join(work, 'f9-in'), '--notebook', file])
        expect(again.code, again.err).toBe(0)
        const lines = importLines(again.out)
        expect(lines.failed).toEqual([])
        expect(lines.imported + lines.duplicate).toBe(files.length)
        expect(sound(file)).toBe(files.length)
      }
    }
    console.log(`F9 open files: ${outcomes.join('; ')}`)
  }, 300_000)

  it('at the lowest limits, a notebook or folder that cannot be opened for lack of descriptors says so (not "read-only")', async () => {
    const file = join(work, 'f9-open.parley')
    writeArticles(join(work, 'f9-open-in'), 3, SEED + 1)
    // The lowest limits where the CLI still loads: some fail at opening the notebook or listing the folder.
    const refusals: string[] = []
    for (let limit = 19; limit <= 24; limit++) {
      const run = await runCli(['import', join(work, 'f9-open-in'), '--notebook', file], { files: limit })
      if (run.code !== 1) continue
      expect(run.err, run.err).not.toMatch(STACK)
      expect(run.err, run.err).not.toMatch(/read-only|belong to another user/)
      refusals.push(run.err.trim().split('\n')[0] ?? '')
    }
    expect(refusals.length, 'no limit refused the batch at opening').toBeGreaterThan(0)
    for (const refusal of refusals) expect(refusal).toMatch(/too many files are open/i)
  }, 120_000)
})

describe('F9: low memory', () => {
  it('an article near the 20 MB cap with the main heap at 64 MB (--max-old-space-size): imported or failed with its reason, the process survives, the next file imports', async () => {
    const dir = join(work, 'f9-mem')
    mkdirSync(dir, { recursive: true })
    const paragraph = `${'Negotiators met again on Tuesday and exchanged drafts on prisoners and grain shipments. '.repeat(8)}\n\n`
    writeFileSync(join(dir, 'a-big.txt'), `A very long report\n\n${paragraph.repeat(Math.floor((19 * 1024 * 1024) / paragraph.length))}`)
    writeArticles(join(dir, 'small'), 1, SEED + 2)
    const file = join(work, 'f9-mem.parley')
    const run = await runCli(['import', join(dir, 'a-big.txt'), join(dir, 'small'), '--notebook', file], {
      node: ['--max-old-space-size=64'],
    })
    const context = `exit ${run.code} ${run.signal ?? ''}\n${run.out.slice(-1500)}\n${run.err.slice(-1500)}`
    expect(run.signal, context).toBeNull()
    expect(run.code, context).toBe(0)
    const lines = importLines(run.out)
    expect(lines.imported + lines.failed.length, context).toBe(2)
    expect(run.out, context).toMatch(/imported +\S*small\/a000\.txt/)
    expect(sound(file)).toBe(lines.imported)
    console.log(`F9 memory: 19 MB article with a 64 MB main heap: ${lines.failed.length ? lines.failed[0] : 'imported'}`)
  }, 120_000)
})

describe('F11: the Nth file-system write of an export fails', () => {
  it('for every N: a clear error, the previous export intact, the store sound, and the next export completes it', async () => {
    // A notebook, exported once (the "previous export"); then changed, so the next export rewrites files.
    const file = join(work, 'f11.parley')
    const inputs = writeArticles(join(work, 'f11-in'), 4, SEED + 3)
    const notebook = openNotebook(file)
    await notebook.importPaths(inputs)
    const note = await notebook.handlers['notes.create']({ title: 'Findings' })
    await notebook.handlers['notes.save']({ id: note.id, content: noteContent('first version', 3) })
    notebook.close()
    const previous = join(work, 'f11-previous')
    const first = await runCli(['export', '--out', previous, '--notebook', file])
    expect(first.code, first.err).toBe(0)
    const before = filesUnder(previous)

    const changed = openNotebook(file)
    await changed.handlers['notes.save']({ id: note.id, content: noteContent('second version, longer', 6) })
    await changed.handlers['notes.create']({ title: 'Another note' })
    const [articleId] = changed.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]
    await changed.handlers['highlights.create']({ articleId: articleId as number, start: 0, end: 12, themeId: null, comment: 'check' })
    changed.close()

    // The clean result, and how many writes one export makes (nothing fails with N = 0).
    const reference = join(work, 'f11-reference')
    cpSync(previous, reference, { recursive: true })
    const reportFile = join(work, 'f11-report.json')
    const injected = (dir: string, nth: number, code = 'EIO'): RunOptions => ({
      node: ['--import', INJECTOR],
      env: { PARLEY_FAULT_DIR: dir, PARLEY_FAULT_NTH: String(nth), PARLEY_FAULT_CODE: code, PARLEY_FAULT_REPORT: reportFile },
    })
    const counted = await runCli(['export', '--out', reference, '--notebook', file], injected(reference, 0))
    expect(counted.code, counted.err).toBe(0)
    const { count, ops } = JSON.parse(readFileSync(reportFile, 'utf8')) as { count: number; ops: string[] }
    expect(count).toBeGreaterThan(10)
    const after = filesUnder(reference)
    type Manifest = { files: Record<string, string>; unfinished?: Record<string, string[]> }
    const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest

    // Every N in the full run; in CI the first and the last write of each kind (mkdir, open, write,
    // fsync, rename, unlink…), which include the first and the last write of the export.
    const all = Array.from({ length: count }, (_, i) => i + 1)
    const ns = FULL
      ? all
      : all.filter((n) => ops.indexOf(ops[n - 1] as string) === n - 1 || ops.lastIndexOf(ops[n - 1] as string) === n - 1)
    const failedOps = new Map<string, number>()
    let tempLeft = 0
    let locksLeft = 0
    for (const n of ns) {
      const code = n % 2 ? 'EIO' : 'ENOSPC'
      const dir = join(work, `f11-${n}`)
      cpSync(previous, dir, { recursive: true })
      const run = await runCli(['export', '--out', dir, '--notebook', file], injected(dir, n, code))
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { count: number; failed: string | null }
      const context = `N = ${n} (${code}, ${report.failed}): exit ${run.code}\n${run.out.slice(-1500)}\n${run.err.slice(-1500)}`
      expect(report.failed, context).not.toBeNull()
      failedOps.set(report.failed?.split(' ')[0] as string, (failedOps.get(report.failed?.split(' ')[0] as string) ?? 0) + 1)
      expect(run.err, context).not.toMatch(STACK)
      if (report.failed?.startsWith('unlinkSync') && report.failed.endsWith(LOCK)) {
        // Only the lock's removal failed, after every file was written: the export is complete and
        // says so; the lock left behind is taken over by the next export (checked below).
        expect(run.code, context).toBe(0)
        expect(run.out, context).toMatch(/\b0 conflicts, 0 mismatches/)
      } else {
        // A clear error, and no "done" (no acknowledgement) for an export that did not finish.
        expect(run.code, context).toBe(1)
        expect(run.err, context).toMatch(code === 'EIO' ? /EIO|i\/o error|input\/output/i : /ENOSPC|no space|disk is full/i)
        expect(run.out, context).not.toMatch(/conflicts, \d+ mismatches/)
      }
      // The folder: every file holds the previous export's bytes or the new export's, nothing else
      // (temporary files aside); the manifest lists only files that are there with those bytes.
      for (const [path, hash] of filesUnder(dir)) {
        if (/\.parley-tmp$/.test(path)) {
          tempLeft++
          continue
        }
        if (path === MANIFEST) continue
        // The lock's removal can be the write that fails: the dead process's lock is taken over next time.
        if (path === LOCK) {
          locksLeft++
          continue
        }
        expect([before.get(path), after.get(path)], `${path} after ${context}`).toContain(hash)
      }
      // The manifest lists only files that are there, with the bytes it gives for them, or with
      // bytes its `unfinished` list announces (what this export was writing when it failed).
      const manifest = manifestOf(dir)
      for (const [path, hash] of Object.entries(manifest.files))
        expect([hash, ...(manifest.unfinished?.[path] ?? [])], `${path} is as the manifest says (${context})`).toContain(
          sha(readFileSync(join(dir, path))),
        )
      // The notebook was only read; the next export, with nothing failing, gives the clean result.
      expect(sound(file)).toBe(4)
      // The CLI's own code in this process (a child per N doubles the time; the failing run needs one).
      const retry = { out: '', err: '' }
      const exit = await cliInProcess(['export', '--out', dir, '--notebook', file], {
        out: (t) => (retry.out += `${t}\n`),
        err: (t) => (retry.err += `${t}\n`),
      })
      expect(exit, `${context}\nretry: ${retry.err}`).toBe(0)
      expect(retry.out, context).toMatch(/\b0 conflicts, 0 mismatches/)
      const done = filesUnder(dir)
      done.delete(MANIFEST)
      const expected = new Map(after)
      expected.delete(MANIFEST)
      expect(done, context).toEqual(expected)
      expect(manifestOf(dir).files).toEqual(manifestOf(reference).files)
      expect(manifestOf(dir).unfinished ?? [], context).toEqual(manifestOf(reference).unfinished ?? [])
      rmSync(dir, { recursive: true, force: true })
    }
    console.log(
      `F11 export: ${count} file-system writes in one export; failed N = ${ns.length} of them (${[...failedOps].map(([op, k]) => `${op} ${k}`).join(', ')}); ${tempLeft} temporary files and ${locksLeft} locks left (removed by the next export); 0 invariant failures`,
    )
  }, 300_000)

  it('an import: its only node:fs write is the notebook folder’s mkdir (the rest is SQLite’s I/O); failing it gives a clear error and the next import succeeds', async () => {
    const dir = join(work, 'f11-import')
    const inputs = writeArticles(join(dir, 'in'), 5, SEED + 4)
    const file = join(dir, 'n.parley')
    const reportFile = join(dir, 'report.json')
    // Everything under the folder counts: the notebook, its WAL and the inputs.
    const injected = (nth: number): RunOptions => ({
      node: ['--import', INJECTOR],
      env: { PARLEY_FAULT_DIR: dir, PARLEY_FAULT_NTH: String(nth), PARLEY_FAULT_REPORT: reportFile },
    })
    const counted = await runCli(['import', ...inputs, '--notebook', file], injected(0))
    expect(counted.code, counted.err).toBe(0)
    expect(importLines(counted.out).imported).toBe(5)
    const { count, ops } = JSON.parse(readFileSync(reportFile, 'utf8')) as { count: number; ops: string[] }
    expect(ops).toEqual(['mkdirSync'])
    rmSync(file)
    for (let n = 1; n <= count; n++) {
      const run = await runCli(['import', ...inputs, '--notebook', file], injected(n))
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { failed: string | null }
      const context = `N = ${n} (${report.failed}): exit ${run.code}\n${run.out}\n${run.err}`
      expect(report.failed, context).toMatch(/^mkdirSync /)
      expect(run.code, context).toBe(1)
      expect(run.err, context).toMatch(/EIO|i\/o error/)
      expect(run.err, context).not.toMatch(STACK)
      expect(existsSync(file), context).toBe(false)
      const again = await runCli(['import', ...inputs, '--notebook', file])
      expect(again.code, again.err).toBe(0)
      expect(importLines(again.out).imported).toBe(5)
      expect(sound(file)).toBe(5)
      rmSync(file)
    }
  }, 60_000)
})

/** fail-nth-io.c built with the system compiler, or null (no compiler: those tests are skipped). */
function buildIoInjector(): string | null {
  const out = join(work, 'fail-nth-io.so')
  const cc = spawnSync('cc', ['-shared', '-fPIC', '-O1', '-o', out, join(__dirname, 'fail-nth-io.c'), '-ldl'], { encoding: 'utf8' })
  return cc.status === 0 ? out : null
}

describe('F11: the Nth write system call on the notebook fails (SQLite’s own I/O, LD_PRELOAD)', () => {
  let library: string | null = null
  beforeAll(() => {
    library = process.platform === 'linux' ? buildIoInjector() : null
    if (!library) console.log('F11 SQLite I/O: SKIP, no C compiler (cc) or not Linux')
  })
  const preload = (dir: string, nth: number, code: string): RunOptions['env'] => ({
    LD_PRELOAD: library as string,
    PARLEY_FAULT_DIR: dir,
    PARLEY_FAULT_ARM: join(dir, 'arm'),
    PARLEY_FAULT_NTH: String(nth),
    PARLEY_FAULT_CODE: code,
    PARLEY_FAULT_REPORT: join(work, `io-report-${nth}`),
  })
  const report = (nth: number): { count: number; failed: string | null } => {
    const [count, failed] = readFileSync(join(work, `io-report-${nth}`), 'utf8')
      .trim()
      .split(' ')
    return { count: Number(count), failed: failed === '-' || failed === undefined ? null : failed }
  }

  it('during an import, for each N: the file fails with its reason or the batch with one message, the store sound, the import again adds everything', async (ctx) => {
    if (!library) return ctx.skip()
    const dir = join(work, 'io-import')
    const file = join(dir, 'n.parley')
    const earlier = writeArticles(join(dir, 'earlier'), 2, SEED + 20)
    const inputs = writeArticles(join(dir, 'in'), 3, SEED + 21)
    const notebook = openNotebook(file)
    await notebook.importPaths(earlier)
    notebook.close()
    const pristine = join(work, 'io-import.parley')
    copyFileSync(file, pristine)
    writeFileSync(join(dir, 'arm'), '')
    const counted = await runCli(['import', ...inputs, '--notebook', file], { env: preload(dir, 0, 'EIO') })
    expect(counted.code, counted.err).toBe(0)
    const { count } = report(0)
    expect(count).toBeGreaterThan(3)
    const all = Array.from({ length: count }, (_, i) => i + 1)
    const ns = FULL ? all : all.filter((n) => n <= 2 || n === count || n % Math.ceil(count / 4) === 0)
    const outcomes = new Map<string, number>()
    for (const n of ns) {
      for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
      copyFileSync(pristine, file)
      const code = n % 2 ? 'EIO' : 'ENOSPC'
      const run = await runCli(['import', ...inputs, '--notebook', file], { env: preload(dir, n, code) })
      const { failed } = report(n)
      const context = `N = ${n} of ${count} (${code} at ${failed}): exit ${run.code} ${run.signal ?? ''}\n${run.out}\n${run.err}`
      expect(failed, context).not.toBeNull()
      expect(run.signal, context).toBeNull()
      expect(run.err, context).not.toMatch(STACK)
      let imported = 0
      if (run.code === 0) {
        const lines = importLines(run.out)
        imported = lines.imported
        for (const line of lines.failed) expect(line, context).toMatch(/disk I\/O error|disk is full|database or disk is full|EIO|ENOSPC/i)
        outcomes.set(
          lines.failed.length ? 'a file failed with its reason' : 'the failed write was retried',
          1 + (outcomes.get(lines.failed.length ? 'a file failed with its reason' : 'the failed write was retried') ?? 0),
        )
      } else {
        expect(run.code, context).toBe(1)
        expect(run.err, context).toMatch(/disk I\/O error|disk is full|EIO|ENOSPC/i)
        outcomes.set(`refused: ${run.err.split('\n')[0]}`, 1 + (outcomes.get(`refused: ${run.err.split('\n')[0]}`) ?? 0))
      }
      expect(sound(file), context).toBe(2 + imported)
      const again = await runCli(['import', ...inputs, '--notebook', file])
      expect(again.code, `${context}\nagain: ${again.err}`).toBe(0)
      const lines = importLines(again.out)
      expect(lines.failed, context).toEqual([])
      expect(lines.imported + lines.duplicate, context).toBe(3)
      expect(sound(file)).toBe(5)
    }
    console.log(
      `F11 SQLite I/O, import of 3 files: ${count} write calls; failed N = ${ns.join(', ')}: ${[...outcomes].map(([k, v]) => `${v} × ${k}`).join('; ')}; store sound and re-import complete every time`,
    )
  }, 180_000)

  it('during a note save through parley serve, for each N: an error reply (no ack), the previous version kept and readable, the next save succeeds', async (ctx) => {
    if (!library) return ctx.skip()
    const dir = join(work, 'io-save')
    const file = join(dir, 'n.parley')
    mkdirSync(dir, { recursive: true })
    const notebook = openNotebook(file)
    const { id } = await notebook.handlers['notes.create']({ title: 'Kept' })
    await notebook.handlers['notes.save']({ id, content: noteContent('the saved version', 4) })
    notebook.close()
    const pristine = join(work, 'io-save.parley')
    copyFileSync(file, pristine)
    const arm = join(dir, 'arm')
    const contentOf = async (server: Awaited<ReturnType<typeof startServer>>): Promise<string> => {
      const reply = await call(server, 'notes.get', JSON.stringify({ id }))
      expect(reply.status, reply.body).toBe(200)
      return canonical((JSON.parse(reply.body) as { content: unknown }).content)
    }
    interface Saved {
      reply: Awaited<ReturnType<typeof call>>
      before: string
      after: string
      /** The next save, with nothing failing. */
      next: Awaited<ReturnType<typeof call>>
      nextContent: string
      exit: number | null
    }
    const saveOnce = async (nth: number, code: string): Promise<Saved> => {
      for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
      copyFileSync(pristine, file)
      rmSync(arm, { force: true })
      // startServer passes this process's environment on: the preload only for this child.
      const saved = { ...process.env }
      Object.assign(process.env, preload(dir, nth, code))
      let server: Awaited<ReturnType<typeof startServer>>
      try {
        server = await startServer(cli, { notebook: file, cwd: work })
      } finally {
        process.env = saved
      }
      try {
        const before = await contentOf(server)
        writeFileSync(arm, '')
        const reply = await call(server, 'notes.save', JSON.stringify({ id, content: noteContent(`version ${nth}`, 6) }))
        rmSync(arm, { force: true })
        const after = await contentOf(server)
        const next = await call(server, 'notes.save', JSON.stringify({ id, content: noteContent(`next ${nth}`, 5) }))
        return { reply, before, after, next, nextContent: await contentOf(server), exit: await server.stop() }
      } finally {
        rmSync(arm, { force: true })
        if (server.alive()) await server.stop()
      }
    }
    const counted = await saveOnce(0, 'EIO')
    expect(counted.reply.status, counted.reply.body).toBe(200)
    const { count } = report(0)
    expect(count).toBeGreaterThan(0)
    const saved = canonical(noteContent('the saved version', 4))
    const failures: string[] = []
    for (let n = 1; n <= count; n++) {
      const code = n % 2 ? 'EIO' : 'ENOSPC'
      const run = await saveOnce(n, code)
      const context = `N = ${n} of ${count} (${code} at ${report(n).failed}): ${run.reply.status} ${run.reply.body}`
      expect(report(n).failed, context).not.toBeNull()
      expect(run.before).toBe(saved)
      if (run.reply.status === 200) {
        // SQLite retried or the failed call was not needed for the commit: the save is acknowledged and there.
        expect(run.after, context).toBe(canonical(noteContent(`version ${n}`, 6)))
      } else {
        const body = JSON.parse(run.reply.body) as { code: string; message: string }
        expect(body.message, context).not.toMatch(STACK)
        // Named as the disk's failure (hosts/dispatch.ts), not as "an unexpected problem".
        // (SQLite gives SQLITE_FULL for ENOSPC from a write, SQLITE_IOERR_* otherwise, e.g. from fsync.)
        expect(['disk_full', 'io_error'], context).toContain(body.code)
        expect(run.after, `the previous version is kept (${context})`).toBe(saved)
        failures.push(`${body.code}: ${body.message.slice(0, 80)}`)
      }
      expect(run.next.status, `the next save succeeds (${context})`).toBe(200)
      expect(run.nextContent, context).toBe(canonical(noteContent(`next ${n}`, 5)))
      expect(run.exit, context).toBe(0)
      // The notebook after the server stopped: sound, holding the last acknowledged version.
      sound(file)
      const { db } = openDatabase(file)
      const stored = db.prepare('SELECT content FROM notes WHERE id = ?').pluck().get(id) as string
      db.close()
      expect(canonical(JSON.parse(stored)), context).toBe(canonical(noteContent(`next ${n}`, 5)))
    }
    console.log(
      `F11 SQLite I/O, one note save through serve: ${count} write calls, each failed once: ${failures.length} error replies (${[...new Set(failures)].join(' | ')}), ${count - failures.length} saves acknowledged; previous version kept every time`,
    )
  }, 180_000)
})

describe('F12: SIGTERM in the middle of writes', () => {
  const CYCLES = FULL ? 12 : 2
  const SERVE_CYCLES = FULL ? 12 : 3

  it(`parley serve, ${SERVE_CYCLES} times: the writes in flight finish or roll back, the WAL is checkpointed, every acknowledged write is there`, async () => {
    const random = rng(SEED + 5)
    const file = join(work, 'f12-serve.parley')
    const acked = { notes: new Map<number, { hash: string; pending: Set<string> }>(), articles: new Map<number, string>() }
    let stoppedDuringImport = 0
    for (let cycle = 0; cycle < SERVE_CYCLES; cycle++) {
      const server = await startServer(cli, { notebook: file, cwd: work })
      let running = true
      let importCalls = 0
      const notes = (async () => {
        for (let op = 0; running; op++) {
          try {
            if (acked.notes.size === 0 || random() < 0.2) {
              const reply = await call(server, 'notes.create', JSON.stringify({ title: `Note ${cycle}-${op}` }))
              if (reply.status !== 200) break
              const note = JSON.parse(reply.body) as { id: number; content: unknown }
              acked.notes.set(note.id, { hash: sha(canonical(note.content)), pending: new Set() })
            } else {
              const ids = [...acked.notes.keys()]
              const id = ids[Math.floor(random() * ids.length)] as number
              const content = noteContent(`note ${id} version ${cycle}-${op}`, 1 + Math.floor(random() * 30))
              const hash = sha(canonical(content))
              const entry = acked.notes.get(id) as { hash: string; pending: Set<string> }
              entry.pending.add(hash)
              const reply = await call(server, 'notes.save', JSON.stringify({ id, content }))
              if (reply.status !== 200) break
              acked.notes.set(id, { hash, pending: new Set() })
            }
          } catch {
            break // the connection closed by the stop: this write is not acknowledged
          }
        }
      })()
      const imports = (async () => {
        for (let batch = 0; running; batch++) {
          const r = rng(SEED * 100 + cycle * 10 + batch)
          const files = Array.from({ length: 10 }, (_, i) => ({
            name: `c${cycle}b${batch}f${i}.txt`,
            data: Buffer.from(articleText(r, `serve${SEED}x${cycle}x${batch}x${i}`)).toString('base64'),
          }))
          try {
            const reply = await call(server, 'articles.import', JSON.stringify({ files }))
            if (reply.status !== 200) break
            importCalls++
            for (const result of JSON.parse(reply.body) as Array<{ status: string; id?: number; file: string }>)
              if (result.status === 'imported' && result.id !== undefined) acked.articles.set(result.id, result.file)
          } catch {
            stoppedDuringImport++
            break
          }
        }
      })()
      // Once an import call and a note save have been acknowledged in this cycle, a random moment later.
      const waitFrom = performance.now()
      while (importCalls === 0 && performance.now() - waitFrom < 60_000) await new Promise((r) => setTimeout(r, 20))
      await new Promise((r) => setTimeout(r, Math.floor(random() * 800)))
      const code = await Promise.race([server.stop(), new Promise((r) => setTimeout(() => r('timeout'), 20_000))])
      running = false
      await Promise.all([notes, imports])
      const context = `cycle ${cycle}: exit ${String(code)}\n${server.stdout().slice(-1000)}\n${server.stderr().slice(-2000)}`
      expect(code, context).toBe(0)
      expect(server.stderr(), context).not.toMatch(STACK)
      expect(checkpointed(file), `the WAL was checkpointed at the stop (${context})`).toBe(true)
      sound(file)
      const { db } = openDatabase(file)
      try {
        const article = db.prepare('SELECT source_name FROM articles WHERE id = ?').pluck()
        for (const [id, name] of acked.articles) expect(article.get(id), `acknowledged article ${id}`).toBe(name)
        const content = db.prepare('SELECT content FROM notes WHERE id = ?').pluck()
        for (const [id, { hash, pending }] of acked.notes) {
          const found = sha(canonical(JSON.parse(content.get(id) as string)))
          expect(found === hash || pending.has(found), `note ${id} holds its acknowledged content or the save in flight`).toBe(true)
        }
      } finally {
        db.close()
      }
    }
    expect(acked.articles.size).toBeGreaterThan(0)
    console.log(
      `F12 serve: ${SERVE_CYCLES} SIGTERMs (${stoppedDuringImport} during an import call), ${acked.notes.size} notes and ${acked.articles.size} articles acknowledged, lost 0, WAL checkpointed every time`,
    )
  }, 300_000)

  it(`parley import, ${CYCLES} times: stops cleanly between transactions, says so, and the same import adds the rest`, async () => {
    const random = rng(SEED + 6)
    const outcomes: number[] = []
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const dir = join(work, `f12-import-${cycle}`)
      const files = writeArticles(join(dir, 'in'), 200, SEED + 10 + cycle)
      const file = join(dir, 'n.parley')
      // Created and migrated beforehand, so the WAL grows only once the import writes (the CLI
      // installs its handler before that).
      sound(file)
      let timer: NodeJS.Timeout | undefined
      const run = await runCli(['import', join(dir, 'in'), '--notebook', file], {
        started: (pid) => {
          // Once the first articles are being written (the WAL grows), wait a little more, then SIGTERM.
          const delay = Math.floor(random() * 400)
          const poll = (): void => {
            if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) timer = setTimeout(() => process.kill(pid, 'SIGTERM'), delay)
            else timer = setTimeout(poll, 5)
          }
          poll()
        },
      })
      clearTimeout(timer)
      const context = `cycle ${cycle}: exit ${run.code} ${run.signal ?? ''}\n${run.out.slice(-500)}\n${run.err.slice(-1500)}`
      expect(run.signal, `the CLI handles SIGTERM (${context})`).toBeNull()
      if (run.code === 0) {
        // The batch finished before the signal arrived: a complete import.
        expect(importLines(run.out).imported, context).toBe(files.length)
      } else {
        expect(run.code, context).toBe(143)
        expect(run.err, context).toMatch(/^Stopped by SIGTERM: the articles imported so far are in .*; import the same files again/m)
        expect(run.err, context).not.toMatch(STACK)
      }
      expect(checkpointed(file), `the WAL was checkpointed (${context})`).toBe(true)
      const count = sound(file)
      outcomes.push(count)
      const again = await runCli(['import', join(dir, 'in'), '--notebook', file])
      expect(again.code, again.err).toBe(0)
      const lines = importLines(again.out)
      expect(lines.failed).toEqual([])
      expect(lines.imported, context).toBe(files.length - count)
      expect(lines.duplicate).toBe(count)
      expect(sound(file)).toBe(files.length)
      rmSync(dir, { recursive: true, force: true })
    }
    console.log(`F12 import: ${CYCLES} SIGTERMs, stopped after ${outcomes.join(', ')} of 200 articles; each re-run added the rest`)
  }, 300_000)

  it('a SIGTERM that arrives once the import has finished (its totals printed) ends it with status 0, never killed by the signal', async () => {
    // The handler of a stopped import is removed when the work is done; the process still lives a
    // moment after (the prepare worker ends, the output drains). A signal then must not kill it.
    const dir = join(work, 'f12-after')
    writeArticles(join(dir, 'in'), 3, SEED + 99)
    for (let round = 0; round < 5; round++) {
      const file = join(dir, `n${round}.parley`)
      const run = await new Promise<Run>((done, fail) => {
        const child = spawn(process.execPath, [cli, 'import', join(dir, 'in'), '--notebook', file], { stdio: ['ignore', 'pipe', 'pipe'] })
        let out = ''
        let err = ''
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          if (/ imported, \d+ duplicate/.test(out)) child.kill('SIGTERM')
        })
        child.stderr.on('data', (d: Buffer) => (err += d.toString()))
        child.on('error', fail)
        child.on('close', (code, signal) => done({ code, signal, out, err }))
      })
      const context = `round ${round}: exit ${run.code} ${run.signal ?? ''}\n${run.out}\n${run.err}`
      expect(run.signal, context).toBeNull()
      expect(run.code, context).toBe(0)
      expect(sound(file), context).toBe(3)
    }
  }, 120_000)
})
