// npm test: install what is missing, build, run every test (unit + integration in Vitest,
// end-to-end in Playwright) and print one line: N passed, N failed, N skipped.
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensureBuilt, ensureChromium, ensureDependencies, root, run, say } from './lib.mjs'

ensureDependencies()
const chromium = ensureChromium()
ensureBuilt({ force: true })

const out = join(root, '.ci-out')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
const only = process.argv.slice(2)

say('Unit and integration tests (Vitest)…')
const vitest = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(out, 'vitest.json')}`,
  ...only,
])

say('End-to-end tests (Playwright)…')
const playwright = run(bin('playwright'), ['test', '--reporter=list,json'], {
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'playwright.json'), ...(chromium ? { PARLEY_CHROMIUM: chromium } : {}) },
})

let passed = 0
let failed = 0
let skipped = 0
try {
  const v = JSON.parse(readFileSync(join(out, 'vitest.json'), 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + v.numTodoTests
  // A file that fails to load has no failed assertion but must count.
  failed += v.testResults.filter((r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed')).length
} catch (error) {
  failed++
  say(`Vitest wrote no results: ${error.message}`)
}
try {
  const stats = JSON.parse(readFileSync(join(out, 'playwright.json'), 'utf8')).stats
  passed += stats.expected + stats.flaky
  failed += stats.unexpected
  skipped += stats.skipped
} catch (error) {
  failed++
  say(`Playwright wrote no results: ${error.message}`)
}
// .ci/run counts a failed lint or typecheck as a failure here too.
failed += Number(process.env.PARLEY_EXTRA_FAILED ?? 0) || 0
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(vitest === 0 && playwright === 0 && failed === 0 ? 0 : 1)
