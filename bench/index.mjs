// npm run bench [-- --quick]: loads bench/run.ts through Vite's SSR module loader, so the core's
// `import.meta.glob` (migrations) works exactly as in the build; better-sqlite3 stays external.
import { createServer } from 'vite'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'warn',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
  ssr: { external: ['better-sqlite3'] },
})
let code = 0
try {
  const mod = await server.ssrLoadModule('/bench/run.ts')
  await mod.main(process.argv.slice(2))
} catch (error) {
  console.error(error)
  code = 1
} finally {
  await server.close()
}
process.exit(code)
