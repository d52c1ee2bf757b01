/** Helpers shared by the bench's sections: context, timing, formatting, generated notebooks. */
import { existsSync, rmSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import type { Db } from '../src/main/core/db/open'
import { generateArticle, type Vocabulary } from './corpus'
import type { Verdict } from './report'

export const SEED = 20_240_229

export const SECTIONS = ['import', 'search', 'html', 'suggest', 'claims', 'render', 'notes', 'matrix', 'export', 'load'] as const
export type Section = (typeof SECTIONS)[number]

/** What every section gets: the plan, a temp folder removed at the end, the corpus vocabulary and the verdict list. */
export interface Ctx {
  quick: boolean
  root: string
  vocab: Vocabulary
  verdicts: Verdict[]
}

/** Progress goes to stderr so `npm run bench > report.txt` keeps only the report. */
export function progress(message: string): void {
  process.stderr.write(`· ${message}\n`)
}

export function now(): number {
  return performance.now()
}

export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

export const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0)

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

export const ratio = (x: number): string => `${x.toFixed(2)}×`

/** Runs `fn` `times` times and returns each duration in ms. */
export async function timeEach(times: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < times; i++) {
    const t = now()
    await fn(i)
    out.push(now() - t)
  }
  return out
}

/** The body Parley would store for generated article `i` (its paragraphs, blank-line separated). */
export function bodyOf(vocab: Vocabulary, i: number): string {
  return generateArticle(vocab, SEED, i).paragraphs.join('\n\n')
}

/**
 * Fills the articles table up to `target` rows with generated bodies by SQL (the FTS triggers
 * index them). Returns the seconds spent.
 */
export function bulkFill(db: Db, vocab: Vocabulary, target: number): number {
  const have = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  const insert = db.prepare(
    `INSERT INTO articles (title, outlet, wire, author, published, url, source_name, format, encoding,
       content_hash, body, raw, words, imported_at, version_of)
     VALUES (?, ?, NULL, NULL, ?, NULL, ?, 'text', 'utf-8', ?, ?, ?, ?, ?, NULL)`,
  )
  const stamp = new Date().toISOString()
  const start = now()
  const chunk = 2_000
  for (let from = have; from < target; from += chunk) {
    const to = Math.min(target, from + chunk)
    db.transaction(() => {
      for (let i = from; i < to; i++) {
        const a = generateArticle(vocab, SEED, i)
        const body = a.paragraphs.join('\n\n')
        const hash = createHash('sha256').update(body).digest('hex')
        insert.run(a.title, a.outlet, a.published, a.name, hash, body, a.text, body.split(/\s+/).length, stamp)
      }
    })()
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  return (now() - start) / 1000
}

/** Prints a section heading (the report is read top to bottom). */
export function heading(title: string): void {
  console.log(`== ${title}`)
}

/**
 * The app's bundled worker that prepares imported files, as the hosts pass it to openNotebook;
 * undefined when the app is not built (then files are prepared in process, and the report says so).
 */
export function prepareWorker(): string | undefined {
  const script = join(process.cwd(), 'out', 'main', 'prepare-worker.js')
  return existsSync(script) ? script : undefined
}

/**
 * In the app the notebook opens at launch, and its prepare workers load and warm up (warm-up.ts)
 * long before a user's first import; timed from the very opening, every run also paid a worker's
 * start (~0.4 s, a third of a 1,000-article import). Timed sections wait this second first.
 */
export const untilWorkersWarm = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1000))

/** One line for the report: where the product's import prepared files in this run. */
export function describePrepare(): string {
  const script = prepareWorker()
  if (!script) return 'Files prepared in process: the app is not built (`npm run build` to measure the worker threads).'
  const built = statSync(script)
    .mtime.toISOString()
    .replace(/\.\d+Z$/, 'Z')
  const threads = Math.max(1, Math.min(4, availableParallelism() - 1))
  return `Files prepared in ${threads} worker thread${threads === 1 ? '' : 's'} (out/main/prepare-worker.js built ${built}) while the main thread stores them and prepares small text files itself when it would wait, as the app does.`
}
