// npm start: install what is missing, build, and open Parley on the default notebook
// (created and filled with seeds/ on first run): in Electron where its binary exists, else in
// browser mode in Chromium.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { electronBinary, ensureBuilt, ensureChromium, ensureDependencies, root, run, say } from './lib.mjs'

ensureDependencies()
ensureBuilt()

const electron = electronBinary()
if (electron) {
  // The SQLite addon must match Electron's ABI; electron-builder rebuilds it (needs network once).
  say('Electron found: rebuilding native modules for Electron and starting the app…')
  run(process.execPath, [join(root, 'node_modules', 'electron-builder', 'cli.js'), 'install-app-deps'], { quiet: true })
  const child = spawn(electron, [root], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  say('No Electron binary on this machine: starting browser mode (the same app, served on 127.0.0.1).')
  const chromium = ensureChromium()
  const args = [join(root, 'out', 'main', 'cli.js'), 'serve', ...(chromium ? ['--open'] : []), ...process.argv.slice(2)]
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, ...(chromium ? { PARLEY_CHROMIUM: chromium } : {}) },
  })
  const stop = () => child.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  child.on('exit', (code) => process.exit(code ?? 0))
}
