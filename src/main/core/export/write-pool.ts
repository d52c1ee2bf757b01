import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'
import { workerScript } from './worker-script'

/**
 * Writes an export's files (each to a temporary name, renamed into place, then fsynced when
 * durable) on a worker thread, so the rest of the vault is built on this one meanwhile instead of
 * waiting for ten thousand open/write/rename calls and their flushes. The worker is its own bundled
 * entry (write-worker.ts, found by workerScript); where there is none, or it cannot start, the
 * files are written on this thread with the same functions.
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
  /** Whether a worker thread writes (false: this thread, as a fallback or when asked). */
  readonly threaded: boolean
  close(): void
}

export interface WriteSinkOptions {
  durable: boolean
  onWritten?: () => void
  /** Write on this thread (tests compare both). */
  inProcess?: boolean
}

/** fsyncs in flight at once: the kernel commits them together, instead of one journal commit each. */
export const FSYNC_PARALLEL = 16

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

export async function fsyncFile(file: string): Promise<void> {
  // Windows flushes only handles opened for writing; elsewhere read-only is enough and touches nothing.
  const handle = await open(file, process.platform === 'win32' ? 'r+' : 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Error as it crossed the thread: the code (ENOSPC…) is what the user's message is made from. */
export interface WireError {
  code: string | null
  message: string
}

export const toWire = (error: unknown): WireError => {
  const e = error as { code?: unknown; message?: unknown } | null
  return { code: typeof e?.code === 'string' ? e.code : null, message: String(e?.message ? e.message : error) }
}

const revive = (e: WireError): Error => Object.assign(new Error(e.message), e.code ? { code: e.code } : {})

/** This thread to the worker: the mode first, then files in order, then a drain when all are queued. */
export type WriteRequest = { kind: 'start'; durable: boolean } | { kind: 'write'; items: FileWrite[] } | { kind: 'drain' }
export type WriteReply = { kind: 'ready' } | { kind: 'written'; count: number } | { kind: 'flushed' } | { kind: 'failed'; error: WireError }

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
    threaded: false,
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
  const script = options.inProcess ? null : workerScript('export-write-worker')
  if (script === null) return inProcessSink(options)
  let worker: Worker
  try {
    worker = new Worker(script)
  } catch {
    return inProcessSink(options)
  }
  let written = 0
  let posted = 0
  let failed: Error | null = null
  let closed = false
  // Until the worker says it runs, what was posted to it is kept: if its script fails to load, the
  // files are written here instead, as when it cannot start at all.
  let ready = false
  let early: FileWrite[] = []
  let fallback: WriteSink | null = null
  const drains: Array<{ resolve: () => void; reject: (error: unknown) => void }> = []
  const settleDrains = (error: Error | null): void => {
    for (const d of drains.splice(0)) {
      if (error) d.reject(error)
      else d.resolve()
    }
  }
  worker.on('message', (reply: WriteReply) => {
    if (reply.kind === 'ready') {
      ready = true
      early = []
    } else if (reply.kind === 'written') {
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
    if (closed || fallback) return
    if (!ready) {
      fallback = inProcessSink(options)
      void worker.terminate()
      try {
        fallback.write(early)
      } catch (writeError) {
        failed ??= writeError instanceof Error ? writeError : new Error(String(writeError))
      }
      early = []
      // Waiting drains go on with the fallback's (see drain below).
      return settleDrains(failed)
    }
    failed ??= error
    settleDrains(failed)
  }
  worker.on('error', gone)
  worker.on('exit', (code) => gone(new Error(`The export's writer thread stopped (exit code ${code}).`)))
  const send = (request: WriteRequest): void => worker.postMessage(request)
  send({ kind: 'start', durable: options.durable })
  return {
    get written() {
      return fallback ? fallback.written : written
    },
    get threaded() {
      return fallback === null
    },
    write(items) {
      if (fallback) return fallback.write(items)
      if (failed || !items.length) return
      posted += items.length
      if (!ready) early.push(...items)
      // Copied to the worker (structured clone): these buffers stay usable here.
      send({ kind: 'write', items: items.map((i) => ({ file: i.file, tmp: i.tmp, data: i.data })) })
    },
    async drain() {
      if (failed) throw failed
      if (fallback) return fallback.drain()
      await new Promise<void>((resolve, reject) => {
        drains.push({ resolve, reject })
        send({ kind: 'drain' })
      })
      if (fallback) return (fallback as WriteSink).drain()
      if (written !== posted) throw new Error(`The export's writer thread wrote ${written} of ${posted} files.`)
    },
    close() {
      closed = true
      void worker.terminate()
    },
  }
}
