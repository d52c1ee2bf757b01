// npm run eval [-- --only=web,articles,rounds] [--limit=N] [--verbose]: eval/run.ts through Vite's SSR
// module loader (scripts/ssr-run.mjs). Exit code 1 when a figure falls below its floor in eval/floors.json.
import { runEntry } from '../scripts/ssr-run.mjs'

await runEntry('/eval/run.ts')
