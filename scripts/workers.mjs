// Builds the core's worker entries (the export's writer and deflater) when the core runs from its
// sources: under vitest (vitest.config.mts globalSetup) and under Vite's SSR loader (ssr-run.mjs for
// npm run bench and npm run eval). The app's build makes the same files beside out/main/index.js
// (electron.vite.config.ts). The bundles are CommonJS, cached under node_modules/.cache by a hash
// of the core's sources, and their folder is given to the core in PARLEY_WORKER_DIR
// (src/main/core/export/worker-script.ts).
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Entry name → source; the names are those in electron.vite.config.ts. */
export const WORKER_ENTRIES = {
  'export-write-worker': 'src/main/core/export/write-worker.ts',
  'export-deflate-worker': 'src/main/core/export/deflate-worker.ts',
}

function sourceHash() {
  const hash = createHash('sha256')
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) hash.update(full).update(readFileSync(full))
    }
  }
  walk(join(root, 'src', 'main', 'core'))
  walk(join(root, 'src', 'shared'))
  hash.update(readFileSync(fileURLToPath(import.meta.url)))
  return hash.digest('hex').slice(0, 16)
}

/** The folder holding `<entry>.js` for every worker entry, built from the current sources if needed. */
export async function buildWorkers() {
  const dir = join(root, 'node_modules', '.cache', 'parley-workers', sourceHash())
  if (Object.keys(WORKER_ENTRIES).every((name) => existsSync(join(dir, `${name}.js`)))) return dir
  const { build } = await import('vite')
  // Concurrent runs each build into their own folder; the first rename wins.
  const tmp = `${dir}.${process.pid}.tmp`
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: true,
      outDir: tmp,
      emptyOutDir: true,
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, src]) => [name, join(root, src)])),
        external: ['better-sqlite3', 'electron'],
        output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
    ssr: { noExternal: true, external: ['better-sqlite3', 'electron'] },
  })
  try {
    if (!existsSync(dir)) renameSync(tmp, dir)
  } catch {
    // Another run renamed its copy first.
  }
  rmSync(tmp, { recursive: true, force: true })
  return dir
}

/** vitest globalSetup: build once per run, before the test files start (forked workers inherit the env). */
export default async function setup() {
  process.env.PARLEY_WORKER_DIR = await buildWorkers()
}
