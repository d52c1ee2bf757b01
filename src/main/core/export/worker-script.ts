import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The export's worker entries, bundled beside the app's main entries (electron.vite.config.ts). */
export type ExportWorker = 'export-write-worker' | 'export-deflate-worker'

/** Set by runners that execute the core from its sources (vitest, npm run bench/eval) after building the entries. */
export const WORKER_DIR_ENV = 'PARLEY_WORKER_DIR'

/**
 * The bundled script of a worker entry, or null when there is none (the caller then does the work
 * on its own thread). In a build it sits beside the entry that runs (out/main/index.js, cli.js) while
 * this module may be in out/main/chunks; from sources, the runner builds the entries into
 * $PARLEY_WORKER_DIR first (scripts/workers.mjs).
 *
 *   new Worker(workerScript('export-write-worker') ?? fallback())
 */
export function workerScript(name: ExportWorker): string | null {
  const dirs: string[] = []
  const fromEnv = process.env[WORKER_DIR_ENV]
  if (fromEnv) dirs.push(fromEnv)
  // Vite's SSR loader (bench, eval) has no __dirname; the CommonJS bundle and vitest have one.
  if (typeof __dirname === 'string') dirs.push(__dirname, join(__dirname, '..'))
  for (const dir of dirs) {
    const script = join(dir, `${name}.js`)
    if (existsSync(script)) return script
  }
  return null
}
