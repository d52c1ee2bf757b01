import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseWindowState, type WindowState } from './window-state'

/** The shell's own settings (not the notebook's): window state, recent notebooks, the open notebook. */
export interface ShellSettings {
  window: WindowState | null
  recent: string[]
  notebook: string | null
}

export function readSettings(file: string): ShellSettings {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    raw = null // first run, or a damaged file: start from defaults rather than refuse to start
  }
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  return {
    window: parseWindowState(value.window),
    recent: Array.isArray(value.recent) ? value.recent.filter((p): p is string => typeof p === 'string') : [],
    notebook: typeof value.notebook === 'string' ? value.notebook : null,
  }
}

/** Written to a temporary file and renamed into place, so a crash never leaves half a file. */
export function writeSettings(file: string, settings: ShellSettings): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`)
  renameSync(tmp, file)
}
