// npm run -s parley -- <verb>: the CLI, built first if the sources changed. Build output goes to
// stderr so `analyze --json` keeps stdout to one JSON object.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureBuilt, ensureDependencies, root } from './lib.mjs'

ensureDependencies()
ensureBuilt()
const child = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 1))
