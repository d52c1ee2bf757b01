// Builds the core's worker entries (the export's writer and deflater) when the core runs from its
// sources: under vitest (vitest.config.mts globalSetup) and under Vite's SSR loader (ssr-run.mjs for
// npm run bench and npm run eval). The app's build makes the same files beside out/main/index.js
// (electron.vite.config.ts). The bundles are CommonJS, cached under node_modules/.cache by a hash
// of the sources they are made of, and their folder is given to the core in PARLEY_WORKER_DIR
// (src/main/core/export/worker-script.ts).
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Entry name → source; the names are those in electron.vite.config.ts. */
export const WORKER_ENTRIES = {
  'export-write-worker': 'src/main/core/export/write-worker.ts',
  'export-deflate-worker': 'src/main/core/export/deflate-worker.ts',
}

const cache = join(root, 'node_modules', '.cache', 'parley-workers')
/** The last build: its folder's hash and the source modules it was made from (repo-relative). */
const latestFile = join(cache, 'latest.json')

/** A hash of the modules' contents (and of this script): the build's folder name. */
function hashOf(modules) {
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)))
  for (const m of [...modules].sort()) {
    const file = join(root, m)
    hash.update(m).update(existsSync(file) ? readFileSync(file) : 'missing')
  }
  return hash.digest('hex').slice(0, 16)
}

const complete = (dir) => Object.keys(WORKER_ENTRIES).every((name) => existsSync(join(dir, `${name}.js`)))

/**
 * The folder holding `<entry>.js` for every worker entry, built from the current sources if needed.
 * Only the modules the last build read are hashed, so a change elsewhere in the core (the usual
 * case) costs no rebuild.
 */
export async function buildWorkers() {
  try {
    const latest = JSON.parse(readFileSync(latestFile, 'utf8'))
    const dir = join(cache, latest.hash)
    if (hashOf(latest.modules) === latest.hash && complete(dir)) return dir
  } catch {
    // No build yet, or an unreadable record: build.
  }
  const { build } = await import('vite')
  let ids = []
  // Concurrent runs each build into their own folder; the first rename wins.
  const tmp = join(cache, `build-${process.pid}-${Date.now()}`)
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    plugins: [
      {
        name: 'parley-worker-modules',
        generateBundle() {
          ids = [...this.getModuleIds()]
        },
      },
    ],
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
  const modules = ids
    .filter((id) => !id.startsWith('\0') && !id.includes('node_modules') && id.startsWith(root))
    .map((id) => relative(root, id.replace(/\?.*$/, '')).split(sep).join('/'))
  const hash = hashOf(modules)
  const dir = join(cache, hash)
  try {
    if (!complete(dir)) renameSync(tmp, dir)
  } catch {
    // Another run renamed its copy first.
  }
  rmSync(tmp, { recursive: true, force: true })
  // Builds of sources a day old are no one's any more (a running test uses a fresh one).
  for (const old of readdirSync(cache)) {
    const path = join(cache, old)
    if (/^[0-9a-f]{16}$/.test(old) && old !== hash && Date.now() - statSync(path).mtimeMs > 86_400_000)
      rmSync(path, { recursive: true, force: true })
  }
  const record = `${latestFile}.${process.pid}`
  writeFileSync(record, JSON.stringify({ hash, modules }))
  renameSync(record, latestFile)
  return dir
}

/** vitest globalSetup: build once per run, before the test files start (forked workers inherit the env). */
export default async function setup() {
  process.env.PARLEY_WORKER_DIR = await buildWorkers()
}
