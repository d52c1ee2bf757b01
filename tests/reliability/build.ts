import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'

export const root = resolve(__dirname, '../..')

/** Modification times of the sources the bundles are made from (the main process, shared code and this folder). */
function sourceStamp(): string {
  const hash = createHash('sha256')
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ts|sql)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) hash.update(`${full}:${statSync(full).mtimeMs}\n`)
    }
  }
  for (const dir of ['src/main', 'src/shared', 'tests/reliability']) walk(join(root, dir))
  return hash.digest('hex').slice(0, 16)
}

/**
 * Bundles tests/reliability/driver.ts (and the core it imports) into one CommonJS file with Vite, as
 * electron-vite does for the app: `import.meta.glob` works, better-sqlite3 stays external. The bundle
 * goes under node_modules/.cache so `require('better-sqlite3')` resolves; it is rebuilt when a
 * source changes. Returns the path to run with `node`.
 */
export function buildDriver(): Promise<string> {
  return bundle('tests/reliability/driver.ts', 'driver.cjs')
}

/** The CLI (src/main/cli.ts: `parley serve`, `parley export`…) built from the current sources, not a possibly stale out/. */
export function buildCli(): Promise<string> {
  return bundle('src/main/cli.ts', 'cli.cjs')
}

/** The article-preparing worker (src/main/core/articles/prepare-worker.ts) as the app's build makes it. */
export function buildPrepareWorker(): Promise<string> {
  return bundle('src/main/core/articles/prepare-worker.ts', 'prepare-worker.cjs')
}

async function bundle(entry: string, name: string): Promise<string> {
  const outDir = join(root, 'node_modules', '.cache', 'parley-reliability', sourceStamp())
  const out = join(outDir, name)
  if (existsSync(out)) return out
  const { build } = await import('vite')
  const tmp = `${outDir}.${name}.${process.pid}`
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: join(root, entry),
      outDir: tmp,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { external: ['better-sqlite3', 'electron'], output: { format: 'cjs', entryFileNames: name } },
    },
    ssr: { noExternal: true, external: ['better-sqlite3', 'electron'] },
  })
  mkdirSync(outDir, { recursive: true })
  // Concurrent test files may build at once: each writes its own folder, the first copy wins.
  if (!existsSync(out)) writeFileSync(out, readFileSync(join(tmp, name)))
  rmSync(tmp, { recursive: true, force: true })
  return out
}
