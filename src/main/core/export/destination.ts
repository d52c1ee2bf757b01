import { lstatSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute, relative, sep } from 'node:path'
import { invalidInput } from '../errors'
import { LOCK } from './lock'
import { checkExportDir, manifestIsAuthentic, realTarget, TEMP_FILE } from './manifest'

/**
 * Where a call from the page may export (issue 17 F5). The page is the least trusted caller: in
 * browser mode anything that gets the session key drives it, so a folder it names must be
 *  - a full path, inside the user's home (or PARLEY_EXPORT_ROOT, when set), judged after links;
 *  - not hidden on the way (`~/.ssh/authorized_keys` must not become a folder);
 *  - missing, empty, or a folder this notebook exported to before (its manifest signed with the
 *    notebook's key).
 * Anything else is exported from the terminal (`parley export --out DIR`), where the user typed it.
 *
 *   checkPageDestination('/home/ana/Documents/Parley export', key) // '/home/ana/Documents/Parley export'
 */
export function exportRoots(): string[] {
  return [process.env.PARLEY_EXPORT_ROOT || homedir()]
}

export function checkPageDestination(dir: string, key: Buffer, roots: string[] = exportRoots()): string {
  const fromTerminal = `To export there, run in a terminal: npm run -s parley -- export --out ${JSON.stringify(dir)}`
  if (!isAbsolute(dir)) throw invalidInput(`Choose the export folder by its full path (like ${roots[0]}${sep}Parley export).`)
  const real = checkExportDir(dir)
  const inside = roots
    .map((r) => realTarget(r))
    .map((root) => relative(root, real))
    .find((rel) => rel !== '' && !rel.startsWith('..') && !isAbsolute(rel))
  if (inside === undefined)
    throw invalidInput(`From the app, Parley exports only into a folder inside ${roots.join(' or ')}. ${fromTerminal}`)
  if (inside.split(sep).some((part) => part.startsWith('.')))
    throw invalidInput(`Parley does not export into a hidden folder (a name starting with a dot). ${fromTerminal}`)
  let entries: string[]
  try {
    if (!lstatSync(real).isDirectory()) throw invalidInput(`${dir} is not a folder. Choose a folder for the export.`)
    entries = readdirSync(real)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return real
    throw error
  }
  const others = entries.filter((name) => name !== LOCK && !TEMP_FILE.test(name))
  if (others.length && !manifestIsAuthentic(real, key))
    throw invalidInput(
      `${dir} already holds files that this notebook did not export. Choose an empty folder or one Parley exported to before. ${fromTerminal}`,
    )
  return real
}
