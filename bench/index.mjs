// npm run bench [-- --quick]: bench/run.ts through Vite's SSR module loader (scripts/ssr-run.mjs).
import { runEntry } from '../scripts/ssr-run.mjs'

await runEntry('/bench/run.ts')
