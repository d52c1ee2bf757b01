import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, unlinkSync } from 'node:fs'
import { basename, dirname, extname, join, resolve, sep } from 'node:path'
import type { ExportSummary } from '../../../shared/model'
import { errors, invalidInput, ParleyError } from '../errors'
import { lockExportDir } from './lock'
import { createWriteSink, writeTempFile, type FileWrite, type WriteSink } from './write-pool'

/**
 * Safe re-export into a folder. `.parley-export.json` lists every file Parley wrote with its
 * SHA-256; a file is only replaced or removed when its bytes on disk are still the ones Parley
 * wrote. A file the user edited (or one Parley never wrote) is left alone and the new version
 * goes beside it as `name.parley-new.ext`. Every write is a temporary file renamed into place.
 *
 * Interruptions: before the first write, the manifest is rewritten with `unfinished`: what this
 * export is about to write (and what earlier unfinished exports may have written), so a killed
 * export's files are still known as Parley's next time (no false conflicts), while `files` still
 * lists only finished files. The next export also removes stale temporary files from the folders
 * it writes. Power cuts: written files and their folders are fsynced before the final manifest,
 * which is written last, so it never lists a file that is not there.
 */
export const MANIFEST = '.parley-export.json'
/** `.<name>.<hex>.parley-tmp`: hidden, and never a vault path (isSafeVaultPath refuses hidden names). */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12,}\.parley-tmp$/

export interface ManifestData {
  format: 'parley-export'
  version: 1
  /** Finished files: path → SHA-256 of the bytes Parley wrote. */
  files: Record<string, string>
  /** Only while an export runs (or after one was interrupted): path → versions it may have left there. */
  unfinished?: Record<string, string[]>
  /**
   * HMAC-SHA256 of the rest, under a key kept in the notebook (migration 011). Anyone who can write
   * into the folder can write a manifest; only the notebook that exported there can sign one, so
   * only a signed manifest is believed (issue 17 F6: a planted manifest listing the hash of a
   * user's file made the export delete or overwrite it).
   */
  mac?: string
}

/** What writing the files did: the export's summary (model.ts) without its folder, count and mismatches. */
export type WriteReport = Pick<ExportSummary, 'written' | 'updated' | 'unchanged' | 'removed' | 'kept' | 'conflicts'>

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** Vault paths are relative, forward-slashed and made of slug characters only (no `..`, no drive, no hidden names). */
export function isSafeVaultPath(path: string): boolean {
  if (!path || path.length > 1024 || path.startsWith('/') || path.includes('\\')) return false
  return path.split('/').every((part) => /^[\p{L}\p{M}\p{N}_-][\p{L}\p{M}\p{N}._-]*$/u.test(part) && part !== '.' && part !== '..')
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch {
    return null
  }
}

const isHash = (hash: unknown): hash is string => typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)

const macOf = (key: Buffer, files: unknown, unfinished: unknown): Buffer =>
  createHmac('sha256', key)
    .update(JSON.stringify({ format: 'parley-export', version: 1, files, unfinished: unfinished ?? null }))
    .digest()

/** Whether the manifest in `dir` was signed with `key` (written by an export of the notebook that holds the key). */
export function manifestIsAuthentic(dir: string, key: Buffer): boolean {
  const data = readJson(join(dir, MANIFEST)) as { files?: unknown; unfinished?: unknown; mac?: unknown } | null
  if (!data || typeof data.mac !== 'string' || !/^[0-9a-f]{64}$/.test(data.mac)) return false
  return timingSafeEqual(Buffer.from(data.mac, 'hex'), macOf(key, data.files, data.unfinished))
}

/**
 * A manifest is a file in the user's folder: it is believed only when signed with the notebook's
 * key, and then only its well-formed entries. An unsigned one (planted, or written before manifests
 * were signed) lists nothing: every file there is the user's.
 */
function readManifest(dir: string, key: Buffer): { files: ManifestData['files']; unfinished: NonNullable<ManifestData['unfinished']> } {
  const files: ManifestData['files'] = {}
  const unfinished: NonNullable<ManifestData['unfinished']> = {}
  if (!manifestIsAuthentic(dir, key)) return { files, unfinished }
  const data = readJson(join(dir, MANIFEST)) as { files?: unknown; unfinished?: unknown } | null
  if (data?.files && typeof data.files === 'object')
    for (const [path, hash] of Object.entries(data.files as Record<string, unknown>))
      if (isSafeVaultPath(path) && isHash(hash)) files[path] = hash
  if (data?.unfinished && typeof data.unfinished === 'object')
    for (const [path, hashes] of Object.entries(data.unfinished as Record<string, unknown>))
      if (isSafeVaultPath(path) && Array.isArray(hashes)) {
        const valid = hashes.filter(isHash)
        if (valid.length) unfinished[path] = valid
      }
  return { files, unfinished }
}

/** Writes beside the target and renames over it, so a reader never sees half a file. `durable`: fsync before the rename. */
export function atomicWrite(file: string, data: Buffer | string, durable = false): void {
  mkdirSync(dirname(file), { recursive: true })
  writeTemp(file, data, durable, randomBytes(6).toString('hex'))
}

function writeTemp(file: string, data: Buffer | string, durable: boolean, token: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${token}.parley-tmp`)
  writeTempFile(file, tmp, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, durable)
}

/** Makes a folder's entries (new names, renames, removals) survive a power cut. Windows cannot open folders; NTFS journals them. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
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

/**
 * The path with every symbolic link in it resolved, as far as it exists: `realpath` of the deepest
 * existing folder, then the parts still to be made. Checks look at where writes will really land.
 */
export function realTarget(dir: string): string {
  const full = resolve(dir)
  const rest: string[] = []
  for (let at = full; ; at = dirname(at)) {
    try {
      return join(realpathSync.native(at), ...rest.reverse())
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(at) === at) throw error
      // There but not resolvable: a link to nowhere, which a write would follow wherever it is pointed next.
      if (existsLink(at)) throw invalidInput(`${at} is a link to a folder that does not exist; choose another folder.`)
      rest.push(basename(at))
    }
  }
}

function existsLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

/** `.obsidian` as Windows and macOS also read it: any case, trailing dots and spaces ignored. */
const isObsidianConfig = (part: string): boolean => part.replace(/[. ]+$/, '').toLowerCase() === '.obsidian'

/**
 * Refuses folders Parley must not write into: Obsidian's own config folder and the root of a drive,
 * judged on the path as given and on where its links lead (issue 17 F5). Returns the real path.
 */
export function checkExportDir(dir: string): string {
  const full = resolve(dir)
  const real = realTarget(full)
  if ([...full.split(sep), ...real.split(sep)].some(isObsidianConfig))
    throw invalidInput("Parley does not export into an Obsidian settings folder (.obsidian); choose the vault's own folder or a new one.")
  if (dirname(real) === real) throw invalidInput('Choose a folder for the export, not the root of a drive.')
  return real
}

/**
 * Whether Parley may write or remove `path` inside `root`: no folder on the way may be a symbolic
 * link (or anything but a folder), so a `rounds -> ../elsewhere` planted in the vault does not send
 * writes or removals outside it (issue 17 F6). Missing folders are fine: Parley makes them.
 */
function throughRealFolders(root: string, path: string, known: Map<string, boolean>): boolean {
  const parts = path.split('/').slice(0, -1)
  let at = root
  for (const part of parts) {
    at = join(at, part)
    let ok = known.get(at)
    if (ok === undefined) {
      try {
        ok = lstatSync(at).isDirectory()
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        ok = true
      }
      known.set(at, ok)
    }
    if (!ok) return false
  }
  return true
}

/** Yields to the event loop every so many files, so progress events reach the UI during a long export. */
const YIELD_EVERY = 64

export interface WriteOptions {
  /** The notebook's manifest key (see ManifestData.mac). */
  key: Buffer
  onProgress?: (done: number, total: number) => void
  /** fsync files and folders before the manifest (default). Off only to measure what it costs. */
  durable?: boolean
  /** The caller holds the folder's export lock already (exportVault takes it before building). */
  locked?: boolean
  /** Write on this thread instead of the writer thread (tests compare both). */
  inProcess?: boolean
}

type DiskState = { kind: 'missing' } | { kind: 'file'; hash: string } | { kind: 'other' }

const fold = (name: string): string => name.normalize('NFC').toLowerCase()

/**
 * What is on disk, one readdir per folder instead of one lstat per file. A name that only matches
 * another case or Unicode form (macOS, Windows) is asked of the file system itself, so a user's
 * `Notes.md` is never mistaken for a free `notes.md`.
 */
class Listing {
  private readonly folders = new Map<string, { names: Map<string, boolean>; folded: Set<string> } | null>()
  /** Stale temporary files removed from the folders listed (left by an export that was killed). */
  staleRemoved = 0

  constructor(
    private readonly root: string,
    private readonly real: Map<string, boolean>,
  ) {}

  private folder(dir: string): { names: Map<string, boolean>; folded: Set<string> } | null {
    if (this.folders.has(dir)) return this.folders.get(dir) ?? null
    const full = dir ? join(this.root, ...dir.split('/')) : this.root
    let listing: { names: Map<string, boolean>; folded: Set<string> } | null = null
    // A folder reached through a link is not listed (nor cleared of temporary files): it is not the vault's.
    if (dir && !throughRealFolders(this.root, `${dir}/-`, this.real)) {
      this.folders.set(dir, null)
      return null
    }
    try {
      const names = new Map<string, boolean>()
      const folded = new Set<string>()
      for (const entry of readdirSync(full, { withFileTypes: true })) {
        if (entry.isFile() && TEMP_FILE.test(entry.name)) {
          // Only Parley's own temporary names, only in folders Parley writes: never a user's file.
          unlinkSync(join(full, entry.name))
          this.staleRemoved++
          continue
        }
        names.set(entry.name, entry.isFile())
        folded.add(fold(entry.name))
      }
      listing = { names, folded }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
    }
    this.folders.set(dir, listing)
    return listing
  }

  /** Lists (and clears of stale temporary files) the folder of each path. */
  visit(paths: Iterable<string>): void {
    for (const path of paths) this.folder(parentOf(path))
  }

  state(path: string): DiskState {
    const full = join(this.root, ...path.split('/'))
    const listing = this.folder(parentOf(path))
    if (!listing) return { kind: 'missing' }
    const name = path.slice(path.lastIndexOf('/') + 1)
    const isFile = listing.names.get(name)
    if (isFile === undefined) return listing.folded.has(fold(name)) ? onDisk(full) : { kind: 'missing' }
    return isFile ? { kind: 'file', hash: sha256(readFileSync(full)) } : { kind: 'other' }
  }
}

const parentOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')

const sortedObject = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** The manifest file's text, signed with the notebook's key. */
export function manifestText(key: Buffer, files: ManifestData['files'], unfinished?: ManifestData['unfinished']): string {
  const manifest: ManifestData = { format: 'parley-export', version: 1, files: sortedObject(files) }
  if (unfinished && Object.keys(unfinished).length) manifest.unfinished = sortedObject(unfinished)
  manifest.mac = macOf(key, manifest.files, manifest.unfinished).toString('hex')
  return `${JSON.stringify(manifest, null, 2)}\n`
}

export async function writeVault(dir: string, files: Map<string, Buffer>, options: WriteOptions): Promise<WriteReport> {
  const root = checkExportDir(dir)
  let release: (() => void) | null = null
  let writer: VaultWriter | null = null
  try {
    if (!options.locked) release = lockExportDir(root)
    writer = new VaultWriter(root, { ...options, total: files.size })
    await writer.add(files)
    return await writer.finish()
  } catch (error) {
    throw exportFailure(error, root, writer?.written ?? 0, files.size)
  } finally {
    writer?.close()
    release?.()
  }
}

/**
 * Writes a vault in batches: each batch's fates are decided, announced in the manifest
 * (`unfinished`) and written before the next batch is built, so its files flush to disk while the
 * rest of the export is still being put together. `finish` removes the files of deleted items,
 * waits for every flush and writes the final manifest. The caller holds the folder's lock and
 * turns errors into messages (exportFailure).
 */
export class VaultWriter {
  private readonly durable: boolean
  private readonly previous: ManifestData['files']
  private readonly unfinished: NonNullable<ManifestData['unfinished']>
  /** What the manifest announces as being written: grows with each batch. */
  private readonly intent: NonNullable<ManifestData['unfinished']>
  private readonly disk: Listing
  private readonly next: ManifestData['files'] = {}
  private readonly report: WriteReport = { written: [], updated: [], unchanged: 0, removed: [], kept: [], conflicts: [] }
  private readonly token = randomBytes(4).toString('hex')
  private readonly made = new Set<string>()
  /** Folders of the vault already checked for symbolic links (see throughRealFolders). */
  private readonly folders = new Map<string, boolean>()
  private readonly sink: WriteSink
  /** For each file handed to the sink, in order: whether it is a file of the export (a progress step). */
  private readonly steps: boolean[] = []
  private stepAt = 0
  private queued = 0
  private readonly seen = new Set<string>()
  private done = 0

  constructor(
    private readonly root: string,
    private readonly options: WriteOptions & { total: number },
  ) {
    this.durable = options.durable ?? true
    mkdirSync(root, { recursive: true })
    const { files: previous, unfinished } = readManifest(root, options.key)
    this.previous = previous
    this.unfinished = unfinished
    this.intent = { ...unfinished }
    this.disk = new Listing(root, this.folders)
    // Listed (and cleared of stale temporary files) before anything of this export is written.
    this.disk.visit([...Object.keys(previous), ...Object.keys(unfinished)])
    this.sink = createWriteSink({ durable: this.durable, inProcess: options.inProcess, onWritten: () => this.onWritten() })
  }

  /** Files written so far (for the error message of an interrupted export). */
  get written(): number {
    return this.sink.written
  }

  private onWritten(): void {
    if (this.steps[this.stepAt++]) this.progress()
  }

  private progress(): void {
    this.done++
    this.options.onProgress?.(this.done, Math.max(this.options.total, this.done))
  }

  /** Stops the writer thread (after finish, or when the export failed). */
  close(): void {
    this.sink.close()
  }

  private ours(path: string, hash: string): boolean {
    return this.previous[path] === hash || (this.unfinished[path]?.includes(hash) ?? false)
  }

  async add(files: Map<string, Buffer>): Promise<void> {
    const { root, next, report, disk } = this
    for (const path of files.keys()) {
      if (!isSafeVaultPath(path)) throw new Error(`Unsafe export path: ${path}`)
      if (this.seen.has(path)) throw new Error(`Export path given twice: ${path}`)
      this.seen.add(path)
    }
    disk.visit(files.keys())

    // 1. Decide every file's fate from what is on disk now; nothing of this batch is written yet.
    const writes: Array<{ path: string; data: Buffer }> = []
    let seen = 0
    for (const [path, data] of files) {
      const hash = sha256(data)
      if (!throughRealFolders(root, path, this.folders)) {
        // A folder on the way is a link (or a file): nothing is written through it.
        report.conflicts.push({ file: path, newVersion: '', reason: 'not-parley' })
        if (++seen % (YIELD_EVERY * 4) === 0) await new Promise((resolve) => setImmediate(resolve))
        continue
      }
      const now = disk.state(path)
      if (now.kind === 'missing') {
        writes.push({ path, data })
        report.written.push(path)
        next[path] = hash
      } else if (now.kind === 'file' && now.hash === hash) {
        report.unchanged++
        next[path] = hash
      } else if (now.kind === 'file' && this.ours(path, now.hash)) {
        writes.push({ path, data })
        report.updated.push(path)
        next[path] = hash
      } else {
        // Edited since the last export, or never Parley's: keep it, put ours beside it.
        const beside = newVersionName(path)
        const besideNow = disk.state(beside)
        const free =
          besideNow.kind === 'missing' || (besideNow.kind === 'file' && (besideNow.hash === hash || this.ours(beside, besideNow.hash)))
        if (free) {
          if (!(besideNow.kind === 'file' && besideNow.hash === hash)) writes.push({ path: beside, data })
          next[beside] = hash
        }
        const last = this.previous[path] ?? this.unfinished[path]?.at(-1)
        if (last !== undefined) next[path] = last
        report.conflicts.push({ file: path, newVersion: free ? beside : '', reason: last !== undefined ? 'edited' : 'not-parley' })
      }
      if (++seen % (YIELD_EVERY * 4) === 0) await new Promise((resolve) => setImmediate(resolve))
    }

    // 2. Say what is about to be written before writing it: a kill from here on leaves files the next export knows.
    if (writes.length) {
      for (const { path } of writes) {
        const hash = next[path] as string
        const known = this.intent[path] ?? []
        if (!known.includes(hash)) this.intent[path] = [...known, hash]
      }
      atomicWrite(join(root, MANIFEST), manifestText(this.options.key, this.previous, this.intent), this.durable)
    }

    // 3. Write: each file to a temporary name, renamed over the old one, so no file is ever half there.
    // On the writer thread: this one goes on building the next batch meanwhile.
    const items: FileWrite[] = []
    for (const { path, data } of writes) {
      const file = join(root, ...path.split('/'))
      const folder = dirname(file)
      if (!this.made.has(folder)) {
        mkdirSync(folder, { recursive: true })
        this.made.add(folder)
      }
      const tmp = join(folder, `.${basename(file)}.${this.token}${(++this.queued).toString(16).padStart(8, '0')}.parley-tmp`)
      items.push({ file, tmp, data })
      // Beside versions are not files of the export in their own right: no progress step of their own.
      this.steps.push(files.has(path))
    }
    // Files left as they are count as done now; written ones when the writer says so.
    for (let n = files.size - writes.filter(({ path }) => files.has(path)).length; n > 0; n--) this.progress()
    this.sink.write(items)
  }

  async finish(): Promise<WriteReport> {
    const { root, next, report, made } = this
    const removals = Object.entries(this.previous).filter(([path]) => !(path in next))
    // Files an unfinished export wrote for items deleted since: Parley's too, so removed as well.
    for (const [path, hashes] of Object.entries(this.unfinished))
      if (!(path in next) && !(path in this.previous)) removals.push([path, hashes[hashes.length - 1] as string])

    // 4. Files of deleted items, only when they are still the bytes Parley wrote.
    for (const [path, hash] of removals) {
      const file = join(root, ...path.split('/'))
      if (!throughRealFolders(root, path, this.folders)) {
        report.kept.push(path)
        continue
      }
      const now = onDisk(file)
      if (now.kind === 'missing') continue
      if (now.kind === 'file' && (now.hash === hash || this.ours(path, now.hash))) {
        unlinkSync(file)
        made.add(dirname(file))
        report.removed.push(path)
      } else report.kept.push(path)
    }

    // 5. Durable before the manifest says so: file contents, then the folders' entries, then the manifest.
    await this.sink.drain()
    if (this.durable) for (const folder of made) fsyncDir(folder)
    atomicWrite(join(root, MANIFEST), manifestText(this.options.key, next), this.durable)
    if (this.durable) fsyncDir(root)
    // The total announced was an estimate that missed: the last event still says "all done".
    if (this.done !== this.options.total) this.options.onProgress?.(this.done, this.done)
    return report
  }
}

/** The errors a full, read-only or forbidden disk gives, in words: what happened, where, how far it got, what is safe. */
const DISK_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'Parley is not allowed to write there',
  EPERM: 'Parley is not allowed to write there',
}

export function exportFailure(error: unknown, root: string, written: number, total: number): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code
  const what = code ? DISK_ERRORS[code] : undefined
  if (!what || error instanceof ParleyError) return error
  const fix = code === 'ENOSPC' || code === 'EDQUOT' ? 'Free some space' : 'Choose another folder (or allow Parley to write there)'
  return errors.export_failed(
    `The export to ${root} stopped: ${what}. ` +
      (total
        ? `${written.toLocaleString('en')} of ${total.toLocaleString('en')} files ${written === 1 ? 'was' : 'were'} written before it stopped. `
        : 'It stopped before writing any file. ') +
      'Nothing in the notebook was changed, and the files already in the folder were left intact (none is half-written). ' +
      `${fix} and export again: the next export finishes the job. (${code})`,
  )
}
