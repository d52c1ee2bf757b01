/**
 * F11 (RELIABILITY.md c.2): a preload (`node --import ./fail-nth.mjs …`) that makes the Nth file-system
 * write of a child process fail, so production code runs unchanged. Only writes that touch
 * PARLEY_FAULT_DIR count (the export's destination), in the main thread: mkdir, open for writing,
 * write, fsync, rename, unlink, rm, truncate, copy, and a FileHandle's write/sync/datasync. Reads,
 * closes and opens for reading do not count (a folder opened to fsync it does: its fsync does).
 *
 *   PARLEY_FAULT_DIR     absolute folder whose writes count
 *   PARLEY_FAULT_NTH     the write that fails (0: none, only count)
 *   PARLEY_FAULT_CODE    EIO (default) or ENOSPC
 *   PARLEY_FAULT_REPORT  file that gets {"count": writes seen, "failed": "op path" | null, "ops": [op names in order]} at exit
 */
// The default export is the module object the app's CommonJS bundle gets from require('node:fs'),
// so replacing its functions here is what the app calls.
import fs from 'node:fs'
import { constants } from 'node:os'
import { resolve } from 'node:path'
import { isMainThread } from 'node:worker_threads'

const dir = process.env.PARLEY_FAULT_DIR
const nth = Number(process.env.PARLEY_FAULT_NTH || 0)
const code = process.env.PARLEY_FAULT_CODE || 'EIO'
const report = process.env.PARLEY_FAULT_REPORT

if (isMainThread && dir) {
  const writeFileSync = fs.writeFileSync
  const root = resolve(dir)
  let count = 0
  let failed = null
  const ops = []
  /** Descriptors opened under the folder (any mode: a folder is opened read-only to fsync it). */
  const fds = new Set()

  const under = (p) => {
    const path = typeof p === 'string' ? p : Buffer.isBuffer(p) ? p.toString() : p instanceof URL ? p.pathname : null
    if (path === null) return false
    const full = resolve(path)
    return full === root || full.startsWith(root + '/')
  }
  const writing = (flags) => {
    if (flags === undefined || flags === null) return false
    if (typeof flags === 'number') return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0
    return flags !== 'r' && flags !== 'rs' && flags !== 'sr'
  }
  /** Counts one write; the Nth throws as the system call would (code, errno, syscall, path). */
  const hit = (op, target) => {
    count++
    ops.push(op)
    if (count !== nth) return
    failed = `${op} ${target}`
    const message = code === 'ENOSPC' ? 'no space left on device' : 'i/o error'
    const error = new Error(`${code}: ${message}, ${op} '${target}'`)
    error.code = code
    error.errno = -constants.errno[code]
    error.syscall = op
    error.path = String(target)
    throw error
  }
  const wrap = (object, name, counts) => {
    const original = object[name]
    if (typeof original !== 'function') return
    object[name] = function (...args) {
      const target = counts(...args)
      if (target !== null) hit(name, target)
      return original.apply(this, args)
    }
  }
  const path1 = (p) => (under(p) ? p : null)
  const path2 = (a, b) => (under(a) || under(b) ? `${a} → ${b}` : null)
  const fd = (n) => (fds.has(n) ? `fd ${n}` : null)

  for (const name of ['mkdirSync', 'writeFileSync', 'appendFileSync', 'unlinkSync', 'rmSync', 'rmdirSync', 'truncateSync'])
    wrap(fs, name, (p) => (typeof p === 'number' ? fd(p) : path1(p)))
  for (const name of ['renameSync', 'copyFileSync', 'cpSync', 'linkSync', 'symlinkSync']) wrap(fs, name, path2)
  for (const name of ['writeSync', 'writevSync', 'fsyncSync', 'fdatasyncSync', 'ftruncateSync']) wrap(fs, name, fd)
  const openSync = fs.openSync
  fs.openSync = function (p, flags, mode) {
    if (under(p) && writing(flags)) hit('openSync', p)
    const n = openSync.call(this, p, flags, mode)
    if (under(p)) fds.add(n)
    return n
  }
  const closeSync = fs.closeSync
  fs.closeSync = function (n) {
    fds.delete(n)
    return closeSync.call(this, n)
  }

  const promises = fs.promises
  for (const name of ['mkdir', 'writeFile', 'appendFile', 'unlink', 'rm', 'rmdir', 'truncate']) {
    const original = promises[name]
    promises[name] = async function (p, ...rest) {
      if (under(p)) hit(name, p)
      return original.call(this, p, ...rest)
    }
  }
  const rename = promises.rename
  promises.rename = async function (a, b) {
    if (under(a) || under(b)) hit('rename', `${a} → ${b}`)
    return rename.call(this, a, b)
  }
  const open = promises.open
  promises.open = async function (p, flags, mode) {
    if (under(p) && writing(flags)) hit('open', p)
    const handle = await open.call(this, p, flags, mode)
    if (under(p))
      for (const name of ['write', 'writev', 'writeFile', 'appendFile', 'sync', 'datasync', 'truncate']) {
        const method = handle[name]
        handle[name] = async function (...args) {
          hit(`FileHandle.${name}`, p)
          return method.apply(handle, args)
        }
      }
    return handle
  }

  if (report) process.on('exit', () => writeFileSync(report, JSON.stringify({ count, failed, ops })))
}
