import { extname, isAbsolute, resolve } from 'node:path'

export const NOTEBOOK_EXTENSION = '.parley'

export interface LaunchFiles {
  /** A notebook to open (the last one named wins). */
  notebook: string | null
  /** Articles (or folders of articles) to import into the open notebook. */
  imports: string[]
}

/**
 * The files a launch asks for: what Windows and Linux pass on "Open with", and what a second instance
 * forwards. Skips the executable, switches, and (in development) the app folder itself.
 */
export function filesFromArgv(
  argv: readonly string[],
  cwd: string,
  options: { isFile: (path: string) => boolean; isDir: (path: string) => boolean; importable: readonly string[]; appPath?: string },
): LaunchFiles {
  const result: LaunchFiles = { notebook: null, imports: [] }
  for (const arg of argv.slice(1)) {
    if (!arg || arg.startsWith('-')) continue
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg)
    if (options.appPath && resolve(options.appPath) === path) continue
    const ext = extname(path).toLowerCase()
    if (options.isFile(path)) {
      if (ext === NOTEBOOK_EXTENSION) result.notebook = path
      else if (options.importable.includes(ext)) result.imports.push(path)
    } else if (options.isDir(path)) {
      result.imports.push(path)
    }
  }
  return result
}
