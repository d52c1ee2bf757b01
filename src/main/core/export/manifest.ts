import { createHash, randomBytes } from 'node:crypto'
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, resolve, sep } from 'node:path'
import { invalidInput } from '../errors'

/**
 * Safe re-export into a folder. `.parley-export.json` lists every file Parley wrote with its
 * SHA-256; a file is only replaced or removed when its bytes on disk are still the ones Parley
 * wrote. A file the user edited (or one Parley never wrote) is left alone and the new version
 * goes beside it as `name.parley-new.ext`. Every write is a temporary file renamed into place.
 */
export const MANIFEST = '.parley-export.json'

export interface ManifestData {
  format: 'parley-export'
  version: 1
  files: Record<string, string>
}

export interface WriteReport {
  written: string[]
  updated: string[]
  unchanged: number
  removed: string[]
  /** Files of deleted items that the user edited since: left in place, no longer Parley's. */
  kept: string[]
  conflicts: Array<{ file: string; newVersion: string; reason: 'edited' | 'not-parley' }>
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** Vault paths are relative, forward-slashed and made of slug characters only (no `..`, no drive, no hidden names). */
export function isSafeVaultPath(path: string): boolean {
  if (!path || path.length > 1024 || path.startsWith('/') || path.includes('\\')) return false
  return path.split('/').every((part) => /^[\p{L}\p{M}\p{N}_-][\p{L}\p{M}\p{N}._-]*$/u.test(part) && part !== '.' && part !== '..')
}

function readManifest(dir: string): ManifestData['files'] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'))
  } catch {
    return {}
  }
  const files = (parsed as Partial<ManifestData> | null)?.files
  if (!files || typeof files !== 'object') return {}
  const out: ManifestData['files'] = {}
  // A manifest is a file in the user's folder: only well-formed entries are believed.
  for (const [path, hash] of Object.entries(files))
    if (isSafeVaultPath(path) && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)) out[path] = hash
  return out
}

/** Writes beside the target and renames over it, so a reader never sees half a file. */
export function atomicWrite(file: string, data: Buffer | string): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.parley-tmp`)
  try {
    writeFileSync(tmp, data, { flag: 'wx' })
    renameSync(tmp, file)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
}

function onDisk(file: string): { kind: 'missing' } | { kind: 'file'; hash: string } | { kind: 'other' } {
  try {
    const stat = lstatSync(file)
    if (!stat.isFile()) return { kind: 'other' }
    return { kind: 'file', hash: sha256(readFileSync(file)) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw error
  }
}

export const newVersionName = (path: string): string => {
  const ext = extname(path)
  return `${path.slice(0, path.length - ext.length)}.parley-new${ext}`
}

/** Refuses folders Parley must not write into: Obsidian's own config folder and the root of a drive. */
export function checkExportDir(dir: string): string {
  const full = resolve(dir)
  if (full.split(sep).includes('.obsidian'))
    throw invalidInput("Parley does not export into an Obsidian settings folder (.obsidian); choose the vault's own folder or a new one.")
  if (dirname(full) === full) throw invalidInput('Choose a folder for the export, not the root of a drive.')
  return full
}

/** Yields to the event loop every so many files, so progress events reach the UI during a long export. */
const YIELD_EVERY = 64

export async function writeVault(
  dir: string,
  files: Map<string, Buffer>,
  onProgress?: (done: number, total: number) => void,
): Promise<WriteReport> {
  const root = checkExportDir(dir)
  mkdirSync(root, { recursive: true })
  const previous = readManifest(root)
  const next: ManifestData['files'] = {}
  const report: WriteReport = { written: [], updated: [], unchanged: 0, removed: [], kept: [], conflicts: [] }
  const total = files.size
  let done = 0
  for (const [path, data] of files) {
    if (!isSafeVaultPath(path)) throw new Error(`Unsafe export path: ${path}`)
    const file = join(root, ...path.split('/'))
    const hash = sha256(data)
    const disk = onDisk(file)
    if (disk.kind === 'missing') {
      atomicWrite(file, data)
      report.written.push(path)
      next[path] = hash
    } else if (disk.kind === 'file' && disk.hash === hash) {
      report.unchanged++
      next[path] = hash
    } else if (disk.kind === 'file' && previous[path] === disk.hash) {
      atomicWrite(file, data)
      report.updated.push(path)
      next[path] = hash
    } else {
      // Edited since the last export, or never Parley's: keep it, put ours beside it.
      const beside = newVersionName(path)
      const besideDisk = onDisk(join(root, ...beside.split('/')))
      const ours =
        besideDisk.kind === 'missing' || (besideDisk.kind === 'file' && (previous[beside] === besideDisk.hash || besideDisk.hash === hash))
      if (ours) {
        if (!(besideDisk.kind === 'file' && besideDisk.hash === hash)) atomicWrite(join(root, ...beside.split('/')), data)
        next[beside] = hash
      }
      const edited = previous[path] !== undefined
      if (edited) next[path] = previous[path] as string
      report.conflicts.push({ file: path, newVersion: ours ? beside : '', reason: edited ? 'edited' : 'not-parley' })
    }
    onProgress?.(++done, total)
    if (done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  for (const [path, hash] of Object.entries(previous)) {
    if (path in next) continue
    const file = join(root, ...path.split('/'))
    const disk = onDisk(file)
    if (disk.kind === 'missing') continue
    if (disk.kind === 'file' && disk.hash === hash) {
      unlinkSync(file)
      report.removed.push(path)
    } else report.kept.push(path)
  }
  const manifest: ManifestData = {
    format: 'parley-export',
    version: 1,
    files: Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  }
  atomicWrite(join(root, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
  return report
}
