/**
 * Issue 7 (speed): the rounds × themes matrix through the contract on the large notebook, against
 * the single SQL query that counts highlights per round and theme, measured in the same run.
 * The Matrix view asks `matrix.get({ deferred: true })` (counts, notes, known coverage; no evidence)
 * and then `matrix.rows` for the evidence of the rows on screen and for the coverage of 'pending'
 * cells; each part is timed here. First paint of the view is measured in the browser section.
 */
import { openNotebook } from '../../src/main/core/notebook'
import { COUNT_SQL } from '../../src/main/core/rounds/matrix'
import { dispatch } from '../../src/main/hosts/dispatch'
import type { Matrix, MatrixRow } from '../../src/shared/model'
import { formatTable, ms } from '../report'
import { fmt, heading, median, now, progress, ratio, type Ctx } from '../util'
import type { BigNotebook } from './big'

export { COUNT_SQL }

export interface MatrixTimes {
  sqlMs: number
}

/** Rounds per coverage call, as the view asks them. */
const COVERAGE_BATCH = 6

export async function matrixSection(ctx: Ctx, big: BigNotebook): Promise<MatrixTimes> {
  heading('Matrix (issue 7)')
  progress('matrix.get on the large notebook')
  const notebook = openNotebook(big.file)
  const count = notebook.db.prepare(COUNT_SQL)
  const call = async <T>(method: 'matrix.get' | 'matrix.rows', input: unknown): Promise<{ ms: number; result: T }> => {
    const t = now()
    const res = await dispatch(notebook.handlers, method, input)
    const elapsed = now() - t
    if (!res.ok) throw new Error(`${method} failed: ${res.error.message}`)
    return { ms: elapsed, result: res.result as T }
  }
  // First call after opening the notebook (nothing remembered yet): what the view's first opening asks.
  const first = await call<Matrix>('matrix.get', { deferred: true })
  count.all() // warm the page cache for the reference query (matrix.get has read the same pages)
  const sql: number[] = []
  for (let i = 0; i < 7; i++) {
    const t = now()
    count.all()
    sql.push(now() - t)
  }
  const warm: number[] = []
  for (let i = 0; i < 5; i++) warm.push((await call<Matrix>('matrix.get', { deferred: true })).ms)
  const ids = first.result.rounds.map((r) => r.id)
  const screen = ids.slice(16, 32)
  const rowsMs: number[] = []
  if (screen.length)
    for (let i = 0; i < 5; i++) rowsMs.push((await call<MatrixRow[]>('matrix.rows', { roundIds: screen, coverage: false })).ms)

  // Coverage of every pending cell, as the view fills it in (six rounds per call); the first call
  // builds the corpus statistics the suggestion models need.
  progress('matrix coverage (suggestion models over the rounds’ articles)')
  const pending = [...new Set(first.result.cells.filter((c) => c.coverage === 'pending').map((c) => c.roundId))]
  // The core builds its corpus statistics a slice per call first: those calls answer 'pending'.
  const batches: number[] = []
  let open = pending
  while (open.length && batches.length < 10_000) {
    const batch = open.slice(0, COVERAGE_BATCH)
    const { ms: took, result } = await call<MatrixRow[]>('matrix.rows', { roundIds: batch, coverage: true })
    batches.push(took)
    const done = new Set(result.filter((r) => r.cells.every((c) => c.coverage !== 'pending')).map((r) => r.roundId))
    open = open.filter((id) => !done.has(id))
  }
  const coverageMs = batches.reduce((s, x) => s + x, 0)
  const known: number[] = []
  for (let i = 0; i < 3; i++) known.push((await call<Matrix>('matrix.get', { deferred: true })).ms)
  const after = (await call<Matrix>('matrix.get', { deferred: true })).result
  const full: number[] = []
  for (let i = 0; i < 2; i++) full.push((await call<Matrix>('matrix.get', {})).ms)
  const json = JSON.stringify(first.result).length
  notebook.close()

  const states = (m: Matrix): string => {
    const n = new Map<string, number>()
    for (const c of m.cells) n.set(c.coverage, (n.get(c.coverage) ?? 0) + 1)
    return [...n].map(([k, v]) => `${fmt(v)} ${k}`).join(', ')
  }
  const sqlMs = median(sql)
  const row = (label: string, xs: number[]): string[] => [
    label,
    String(xs.length),
    ms(median(xs)),
    ms(Math.min(...xs)),
    ms(Math.max(...xs)),
    ratio(median(xs) / sqlMs),
  ]
  console.log(
    `${first.result.rounds.length} rounds × ${first.result.themes.length} themes = ${fmt(first.result.cells.length)} cells over ${fmt(big.articles)} articles and ${fmt(big.highlights)} highlights;`,
  )
  console.log(`first deferred matrix: ${states(first.result)}; ${fmt(json / 1024)} KB as JSON. After coverage: ${states(after)}.`)
  console.log(
    formatTable(
      ['variant', 'n', 'median', 'min', 'max', 'ratio'],
      [
        row('SQL: count highlights per round and theme (1 query)', sql),
        row('matrix.get deferred, first call after opening', [first.ms]),
        row('matrix.get deferred, warm', warm),
        row(`matrix.rows, evidence of ${screen.length} rows (a screenful scrolled to)`, rowsMs.length ? rowsMs : [Number.NaN]),
        row(`coverage of all pending cells: ${batches.length} matrix.rows calls (sum; the first build corpus stats)`, [coverageMs]),
        row('  the longest of those calls (the bridge is busy that long)', batches.length ? [Math.max(...batches)] : [Number.NaN]),
        row('matrix.get deferred, once coverage is known', known),
        row('matrix.get full (all evidence, all coverage; Timeline), warm', full),
      ],
    ),
  )
  const size = `${first.result.rounds.length}×${first.result.themes.length}`
  ctx.verdicts.push({
    target: `matrix ${size}: matrix.get (deferred, as the view asks) warm ≤ 3× count query`,
    pass: median(warm) / sqlMs <= 3,
    detail: `${ratio(median(warm) / sqlMs)} (${ms(median(warm))} vs ${ms(sqlMs)}); once coverage is known ${ratio(median(known) / sqlMs)}`,
  })
  ctx.verdicts.push({
    target: `matrix ${size}: matrix.get (deferred) first call ≤ 3× count query`,
    pass: first.ms / sqlMs <= 3,
    detail: `${ratio(first.ms / sqlMs)} (${ms(first.ms)} vs ${ms(sqlMs)}); coverage of all cells then takes ${ms(coverageMs)} more, in the background`,
  })
  console.log()
  return { sqlMs }
}
