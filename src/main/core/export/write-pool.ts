import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'

/**
 * Writes an export's files (each to a temporary name, renamed into place, then fsynced when
 * durable) on a worker thread, so the rest of the vault is built on this one meanwhile instead of
 * waiting for ten thousand open/write/rename calls and their flushes. The worker is inline source
 * (`eval`, Node's own modules only), so it runs the same in the app, the CLI, the bench and tests.
 * If it cannot start, the files are written on this thread as before.
 */
export interface FileWrite {
  /** Final path. */
  file: string
  /** Temporary path beside it (same folder, so the rename is atomic). */
  tmp: string
  data: Buffer
}

export interface WriteSink {
  /** Queues files, written in this order; `onWritten` is called once per file, in order. */
  write(items: FileWrite[]): void
  /** Every queued file written (and flushed when durable); rejects with the first error. */
  drain(): Promise<void>
  /** Files renamed into place so far. */
  readonly written: number
  close(): void
}

export interface WriteSinkOptions {
  durable: boolean
  onWritten?: () => void
  /** Write on this thread (tests compare both). */
  inProcess?: boolean
}

/** fsyncs in flight at once: the kernel commits them together, instead of one journal commit each. */
const FSYNC_PARALLEL = 16

/** A temporary file written whole, then renamed over the target: a reader never sees half a file. `durable`: fsync before the rename. */
export function writeTempFile(file: string, tmp: string, data: Uint8Array, durable = false): void {
  let fd: number | null = null
  try {
    fd = openSync(tmp, 'wx')
    for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at)
    if (durable) fsyncSync(fd)
    closeSync(fd)
    fd = null
    renameSync(tmp, file)
  } catch (error) {
    if (fd !== null) closeSync(fd)
    rmSync(tmp, { force: true })
    throw error
  }
}

async function fsyncFile(file: string): Promise<void> {
  // Windows flushes only handles opened for writing; elsewhere read-only is enough and touches nothing.
  const handle = await open(file, process.platform === 'win32' ? 'r+' : 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Error as it crossed the thread: the code (ENOSPC…) is what the user's message is made from. */
interface WireError {
  code: string | null
  message: string
}

const revive = (e: WireError): Error => Object.assign(new Error(e.message), e.code ? { code: e.code } : {})

type Reply = { kind: 'written'; count: number } | { kind: 'flushed' } | { kind: 'failed'; error: WireError }

// Plain JavaScript run with `eval: true`: the same steps as writeTempFile and fsyncFile above.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const fsp = require('node:fs/promises')
const FSYNC_PARALLEL = ${FSYNC_PARALLEL}
const win = process.platform === 'win32'
let durable = false
let failed = false
const queue = []
let writing = false
const flushWaiting = []
let flushing = 0
let draining = false
const wire = (error) => ({ code: error && typeof error.code === 'string' ? error.code : null, message: String(error && error.message ? error.message : error) })
const fail = (error) => {
  if (failed) return
  failed = true
  parentPort.postMessage({ kind: 'failed', error: wire(error) })
}
const maybeFlushed = () => {
  if (draining && !writing && queue.length === 0 && flushing === 0 && flushWaiting.length === 0 && !failed) {
    draining = false
    parentPort.postMessage({ kind: 'flushed' })
  }
}
const pumpFlush = () => {
  while (!failed && flushing < FSYNC_PARALLEL && flushWaiting.length) {
    const file = flushWaiting.shift()
    flushing++
    fsp.open(file, win ? 'r+' : 'r').then((h) => h.sync().finally(() => h.close())).then(
      () => { flushing--; pumpFlush(); maybeFlushed() },
      (error) => { flushing--; fail(error) },
    )
  }
}
const writeOne = (item) => {
  let fd = null
  try {
    fd = fs.openSync(item.tmp, 'wx')
    const data = item.data
    for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at)
    fs.closeSync(fd)
    fd = null
    fs.renameSync(item.tmp, item.file)
  } catch (error) {
    if (fd !== null) fs.closeSync(fd)
    fs.rmSync(item.tmp, { force: true })
    throw error
  }
}
const pumpWrite = () => {
  if (writing) return
  writing = true
  let count = 0
  try {
    // A few files at a time, then a turn of the event loop so the flushes already started go on.
    for (let n = 0; n < 64 && queue.length && !failed; n++) {
      const item = queue.shift()
      writeOne(item)
      count++
      if (durable) flushWaiting.push(item.file)
    }
  } catch (error) {
    if (count) parentPort.postMessage({ kind: 'written', count })
    writing = false
    return fail(error)
  }
  writing = false
  if (count) parentPort.postMessage({ kind: 'written', count })
  pumpFlush()
  if (queue.length && !failed) setImmediate(pumpWrite)
  else maybeFlushed()
}
parentPort.on('message', (message) => {
  if (message.kind === 'start') durable = message.durable
  else if (message.kind === 'write') {
    for (const item of message.items) queue.push(item)
    pumpWrite()
  } else if (message.kind === 'drain') {
    draining = true
    maybeFlushed()
  }
})
`

/** On this thread: the fallback when no worker can start. */
function inProcessSink(options: WriteSinkOptions): WriteSink {
  let written = 0
  let failed: unknown = null
  let running = 0
  const waiting: string[] = []
  let idle: (() => void) | null = null
  const settle = (): void => {
    running--
    pump()
    if (running === 0 && (waiting.length === 0 || failed !== null)) idle?.()
  }
  const pump = (): void => {
    while (running < FSYNC_PARALLEL && waiting.length && failed === null) {
      running++
      fsyncFile(waiting.shift() as string).then(settle, (error: unknown) => {
        failed ??= error
        settle()
      })
    }
  }
  return {
    get written() {
      return written
    },
    write(items) {
      for (const item of items) {
        writeTempFile(item.file, item.tmp, item.data)
        written++
        options.onWritten?.()
        if (options.durable) {
          waiting.push(item.file)
          pump()
        }
      }
    },
    async drain() {
      if (running > 0) await new Promise<void>((resolve) => (idle = resolve))
      idle = null
      if (failed !== null) throw failed
    },
    close() {},
  }
}

/** A sink on a worker thread, or on this one when a worker cannot start (or `inProcess`). */
export function createWriteSink(options: WriteSinkOptions): WriteSink {
  if (options.inProcess) return inProcessSink(options)
  let worker: Worker
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true })
  } catch {
    return inProcessSink(options)
  }
  let written = 0
  let posted = 0
  let failed: Error | null = null
  let closed = false
  const drains: Array<{ resolve: () => void; reject: (error: unknown) => void }> = []
  const settleDrains = (error: Error | null): void => {
    for (const d of drains.splice(0)) {
      if (error) d.reject(error)
      else d.resolve()
    }
  }
  worker.on('message', (reply: Reply) => {
    if (reply.kind === 'written') {
      for (let i = 0; i < reply.count; i++) {
        written++
        options.onWritten?.()
      }
    } else if (reply.kind === 'flushed') settleDrains(null)
    else {
      failed ??= revive(reply.error)
      settleDrains(failed)
    }
  })
  const gone = (error: Error): void => {
    if (closed) return
    failed ??= error
    settleDrains(failed)
  }
  worker.on('error', gone)
  worker.on('exit', (code) => gone(new Error(`The export's writer thread stopped (exit code ${code}).`)))
  worker.postMessage({ kind: 'start', durable: options.durable })
  return {
    get written() {
      return written
    },
    write(items) {
      if (failed || !items.length) return
      posted += items.length
      // Copied to the worker (structured clone): these buffers stay usable here.
      worker.postMessage({ kind: 'write', items: items.map((i) => ({ file: i.file, tmp: i.tmp, data: i.data })) })
    },
    async drain() {
      if (failed) throw failed
      await new Promise<void>((resolve, reject) => {
        drains.push({ resolve, reject })
        worker.postMessage({ kind: 'drain' })
      })
      if (written !== posted) throw new Error(`The export's writer thread wrote ${written} of ${posted} files.`)
    },
    close() {
      closed = true
      void worker.terminate()
    },
  }
}
