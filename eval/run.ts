/**
 * `npm run eval`: Parley's import and round detection measured on real, labelled data that nobody on
 * this project wrote (`../shared/corpora`), beside baselines measured in the same run. Each section
 * skips with a message when its corpus is absent. Floors (eval/floors.json) are judged on full runs.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EvalOptions, SectionResult } from './report'

const here = dirname(fileURLToPath(import.meta.url))

/** The corpora: PARLEY_CORPORA, else `../shared/corpora` beside the project (where the team keeps them). */
export const corporaDir = (): string => resolve(process.env.PARLEY_CORPORA ?? join(here, '..', '..', 'shared', 'corpora'))

type Section = (options: EvalOptions) => Promise<SectionResult | null>

async function sections(): Promise<Record<string, Section>> {
  const found: Record<string, Section> = {}
  const web = await import('./web')
  found.web = web.evalWeb
  found.articles = (await import('./articles')).evalArticles
  const rounds = await import('./rounds').catch(() => null)
  if (rounds) found.rounds = rounds.evalRounds
  return found
}

export async function main(args: string[]): Promise<number> {
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',')
  const limitArg = args.find((a) => a.startsWith('--limit='))
  const options: EvalOptions = {
    ...(limitArg ? { limit: Number(limitArg.slice('--limit='.length)) } : {}),
    verbose: args.includes('--verbose'),
    ...(args.find((a) => a.startsWith('--files='))
      ? { files: (args.find((a) => a.startsWith('--files=')) ?? '').slice(8).split(',') }
      : {}),
  }
  // --floors=FILE judges against another file (to see the gate fail once, or to try a raise).
  const floorsFile = args.find((a) => a.startsWith('--floors='))?.slice('--floors='.length) ?? join(here, 'floors.json')
  const floors = JSON.parse(readFileSync(floorsFile, 'utf8')) as Record<string, number>
  const figures: Record<string, number> = {}
  let skipped = 0
  for (const [name, run] of Object.entries(await sections())) {
    if (only && !only.includes(name)) continue
    const started = performance.now()
    const result = await run(options)
    if (!result) {
      skipped++
      continue
    }
    console.log(`\n== ${name} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
    for (const line of result.lines) console.log(line)
    Object.assign(figures, result.figures)
  }
  if (options.limit !== undefined) {
    console.log('\n--limit given: floors are not judged on a partial run.')
    return 0
  }
  const below = Object.entries(floors).filter(([key, floor]) => key in figures && (figures[key] as number) < floor)
  const missing = Object.keys(floors).filter((key) => !(key in figures) && (!only || only.some((o) => key.startsWith(`${o}.`))))
  console.log('\n== floors')
  for (const [key, floor] of Object.entries(floors)) {
    if (!(key in figures)) continue
    const value = figures[key] as number
    console.log(`${value >= floor ? 'ok  ' : 'FAIL'} ${key} ${value.toFixed(3)} (floor ${floor.toFixed(3)})`)
  }
  if (skipped) console.log(`${skipped} section(s) skipped: corpus absent (see above).`)
  if (below.length) {
    console.log(`${below.length} figure(s) below their floor.`)
    return 1
  }
  void missing
  void existsSync
  return 0
}
