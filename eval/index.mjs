// npm run eval [-- --only=web,text,rounds] [--limit=N]: loads eval/run.ts through Vite's SSR module
// loader (as bench does), so the core runs exactly as in the build; better-sqlite3 stays external.
// Exit code 1 when a figure falls below its floor in eval/floors.json.
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
let code = 1
try {
  const mod = await server.ssrLoadModule('/eval/run.ts')
  code = await mod.main(process.argv.slice(2))
} catch (error) {
  console.error(error)
  // code stays 1
} finally {
  await server.close()
}
process.exit(code)
