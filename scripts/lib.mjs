// Helpers shared by npm start, npm test and npm run parley. Plain Node, no dependencies:
// they run before node_modules exists.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

export const say = (line) => process.stderr.write(`[parley] ${line}\n`)

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: options.quiet ? ['ignore', 2, 2] : 'inherit',
    env: { ...process.env, ...options.env },
    shell: process.platform === 'win32',
  })
  return result.status ?? 1
}

const installEnv = { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }

function newest(dir) {
  let latest = 0
  if (!existsSync(dir)) return latest
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return latest
}

/** npm install when node_modules is missing or older than package.json; rebuild the SQLite addon for Node if needed. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json')
  const stale = !existsSync(marker) || statSync(join(root, 'package.json')).mtimeMs > statSync(marker).mtimeMs
  if (stale) {
    say('Installing dependencies (the first time this builds SQLite from source: about 2–3 minutes)…')
    const useCi = existsSync(join(root, 'package-lock.json')) && !existsSync(join(root, 'node_modules'))
    if (
      run(npm, useCi ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'], { env: installEnv, quiet: true }) !== 0
    ) {
      say('npm could not install the dependencies; see the messages above.')
      process.exit(1)
    }
  }
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, stdio: 'ignore' })
  if (probe.status !== 0) {
    say('Rebuilding better-sqlite3 for this Node.js…')
    if (run(npm, ['rebuild', 'better-sqlite3'], { env: installEnv, quiet: true }) !== 0) process.exit(1)
  }
}

/** The Electron binary, if one is installed; never require('electron'), which would start a download. */
export function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(exe) ? exe : null
  }
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const exe = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

export function chromiumPath() {
  const candidates = [
    process.env.PARLEY_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ]
  return candidates.find((c) => c && existsSync(c)) ?? null
}

/** Debian's Chromium through apt when we are root; otherwise a clear sentence about what to install. */
export function ensureChromium() {
  const found = chromiumPath()
  if (found) return found
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get')) {
    say('No Electron binary and no Chromium: installing Debian’s chromium with apt (about 40 s)…')
    run('apt-get', ['update', '-qq'], { quiet: true })
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { quiet: true, env: { DEBIAN_FRONTEND: 'noninteractive' } })
    const after = chromiumPath()
    if (after) return after
  }
  say(
    'Parley needs Chromium for browser mode and its end-to-end tests. Install it (Debian/Ubuntu: `sudo apt-get install chromium`), or set PARLEY_CHROMIUM to a Chromium/Chrome executable.',
  )
  return null
}

/** electron-vite build when any source is newer than the output. */
export function ensureBuilt({ force = false } = {}) {
  const built = join(root, 'out', 'main', 'cli.js')
  const sources = Math.max(newest(join(root, 'src')), statSync(join(root, 'electron.vite.config.ts')).mtimeMs)
  if (!force && existsSync(built) && statSync(built).mtimeMs >= sources && existsSync(join(root, 'out', 'renderer', 'index.html'))) return
  say('Building Parley…')
  if (run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { quiet: true }) !== 0) {
    say('The build failed; see the messages above.')
    process.exit(1)
  }
}
