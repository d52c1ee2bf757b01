import { randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { errors, ParleyError } from '../errors'

/**
 * One export at a time per folder. Two exports writing into the same folder would each decide
 * from what the other is half-way through writing, and each rewrite the manifest without the
 * other's files. The lock is a file created exclusively (`wx`) in the export folder, naming its
 * process, so it holds across processes (the app and the CLI) as well as within one. A lock left
 * by a process that is gone (an export that was killed) is taken over.
 *
 * Hidden, so it is never a vault path (isSafeVaultPath refuses hidden names).
 */
export const LOCK = '.parley-export.lock'

interface LockData {
  pid: number
  host: string
  token: string
  started: string
}

/** Folders this process is exporting into right now (also catches a lock file someone deleted). */
const held = new Set<string>()

export const exportBusy = (root: string, holder: string): ParleyError =>
  errors.export_busy(
    `Another export into ${root} is running (${holder}). Wait until it has finished, then export again; nothing was written. ` +
      `If no export is running, delete ${join(root, LOCK)} and export again.`,
  )

function readLock(file: string): LockData | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockData>
    return typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.token === 'string'
      ? { pid: data.pid, host: data.host, token: data.token, started: String(data.started ?? '') }
      : null
  } catch {
    return null
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the folder's export lock (making the folder if needed); returns the function that gives it
 * back. Throws `export_busy` when another export holds it; file system errors are thrown as they are.
 */
export function lockExportDir(root: string): () => void {
  if (held.has(root)) throw exportBusy(root, 'started from this Parley')
  mkdirSync(root, { recursive: true })
  const file = join(root, LOCK)
  const mine: LockData = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), started: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    let fd: number | null = null
    try {
      fd = openSync(file, 'wx')
      const text = Buffer.from(`${JSON.stringify(mine)}\n`, 'utf8')
      for (let at = 0; at < text.length;) at += writeSync(fd, text, at, text.length - at)
      break
    } catch (error) {
      if (fd !== null) {
        // Made but not written (a full disk): no half lock left behind.
        closeSync(fd)
        fd = null
        rmSync(file, { force: true })
        throw error
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (attempt > 0) throw exportBusy(root, 'another Parley')
      const other = readLock(file)
      // Only a process on this machine can be known to be gone; a lock being written (unreadable yet) is held.
      const stale = other !== null && other.host === mine.host && (other.pid === process.pid || !alive(other.pid))
      if (!stale)
        throw exportBusy(root, other ? `process ${other.pid}${other.host === mine.host ? '' : ` on ${other.host}`}` : 'another Parley')
      unlinkSync(file)
    } finally {
      if (fd !== null) closeSync(fd)
    }
  }
  held.add(root)
  return () => {
    held.delete(root)
    // Only our own lock: never one another export took over meanwhile.
    try {
      if (readLock(file)?.token === mine.token) unlinkSync(file)
    } catch {
      // The export itself is complete: a lock that cannot be removed is taken over as stale by the
      // next export (its process is this one, or gone), so it must not turn success into an error.
    }
  }
}
