// npm run bench [-- --quick]: bench/run.ts through Vite's SSR module loader (scripts/ssr-run.mjs).
// The import and render sections run the built app (out/: the prepare worker, the served UI), so it
// is rebuilt first when any source is newer: a stale build measured code that was no longer there.
import { ensureBuilt } from '../scripts/lib.mjs'
import { runEntry } from '../scripts/ssr-run.mjs'

ensureBuilt()
await runEntry('/bench/run.ts')
