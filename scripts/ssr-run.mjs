// Runs a TypeScript entry's `main(args)` through Vite's SSR module loader, so the core's
// `import.meta.glob` (migrations) works exactly as in the build; better-sqlite3 stays external.
// Used by `npm run bench` and `npm run eval`. Exits with the number main returns (0 when it returns
// nothing), or 1 when it throws.
import { createServer } from 'vite'
import { buildWorkers } from './workers.mjs'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'

export async function runEntry(entry) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  // The core's worker entries (the export's writer and deflater), bundled as the app's build makes them.
  process.env.PARLEY_WORKER_DIR ??= await buildWorkers()
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    ssr: { external: ['better-sqlite3'] },
  })
  let code = 1
  try {
    const mod = await server.ssrLoadModule(entry)
    const returned = await mod.main(process.argv.slice(2))
    code = typeof returned === 'number' ? returned : 0
  } catch (error) {
    console.error(error)
  } finally {
    await server.close()
  }
  process.exit(code)
}
