import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { existsSync } from 'node:fs'

/** The same folder Electron's app.getPath('userData') gives for productName "Parley", so both hosts share one notebook. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PARLEY_HOME) return resolve(env.PARLEY_HOME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Parley')
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Parley')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Parley')
}

export function defaultNotebookPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'Notebook.parley')
}

/** The project (or packaged app) root: the nearest folder above this module with a package.json. */
export function appRoot(from: string = __dirname): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) return from
    dir = up
  }
  return dir
}

export const seedsDir = (): string => join(appRoot(), 'seeds')
export const rendererDir = (): string => join(appRoot(), 'out', 'renderer')

/**
 * The worker script that prepares imported files, beside the host's entry file in the build
 * (`from` is the entry's own __dirname); undefined when running from sources, where files are
 * prepared in process.
 */
export function prepareWorkerScript(from: string): string | undefined {
  const script = join(from, 'prepare-worker.js')
  return existsSync(script) ? script : undefined
}
