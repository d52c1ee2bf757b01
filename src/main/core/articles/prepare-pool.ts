/**
 * A small pool of worker threads that prepare articles. It keeps the thread that answers the UI
 * free while pages are parsed, uses the other cores for large imports, and bounds a hostile page
 * for real: a worker past its heap limit or its time limit is terminated and replaced, and that
 * file alone fails with a clear reason. If the workers cannot start (no worker script in this
 * build), articles are prepared in process, as before.
 */
import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { extname } from 'node:path'
import { Worker } from 'node:worker_threads'
import { errors, isErrorCode } from '../errors'
import { refused } from './decode'
import { prepareArticle, readSource, type PreparedArticle, type SourceFile } from './prepare'
import type { Prepare } from './import'

export interface PrepareRequest {
  id: number
  source: string | SourceFile
}

/** A worker posts 'ready' once loaded, then one reply per request. */
export type PrepareReply =
  | { id: number; ok: true; value: PreparedArticle }
  | { id: number; ok: false; error: { parley: boolean; code: string | null; name: string; message: string } }

export interface PreparePoolOptions {
  /** Path of the bundled worker script (out/main/prepare-worker.js). */
  script: string
  /** Worker threads; by default one per core but one, at least one, at most four. */
  size?: number
  /** A file still being read after this long is refused. */
  timeoutMs?: number
  /** Heap limit of each worker (V8 old generation). */
  heapMb?: number
}

export interface PreparePool {
  prepare: Prepare
  /** Whether workers are in use (false once they failed to start: articles are prepared in process). */
  readonly threaded: boolean
  close(): Promise<void>
}

export const PREPARE_TIMEOUT_MS = 20_000
export const PREPARE_HEAP_MB = 384
/** Loading a worker and warming it up takes well under a second; this much means it is stuck. */
const STARTUP_TIMEOUT_MS = 30_000

interface Task {
  request: PrepareRequest
  resolve: (value: PreparedArticle) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: Worker
  online: boolean
  /** Posted to the worker, in the order it works on them; the first is the one in progress. */
  tasks: Task[]
  timer: NodeJS.Timeout | null
}

/**
 * Files posted to a worker before its current one is done: the worker goes straight on to the
 * next file instead of waiting for this thread to answer (which, mid-import, is busy storing a
 * group of some thirty milliseconds: with eight posted, the worker ran dry and waited during every
 * group). The files waiting behind them stay in the queue, for another worker or this thread.
 */
const PIPELINE_DEPTH = 64

export function createPreparePool(options: PreparePoolOptions): PreparePool {
  const size = Math.max(1, Math.min(4, options.size ?? availableParallelism() - 1))
  const timeoutMs = options.timeoutMs ?? PREPARE_TIMEOUT_MS
  const heapMb = options.heapMb ?? PREPARE_HEAP_MB
  const queue: Task[] = []
  const slots = new Set<Slot>()
  let threaded = true
  let closed = false
  let nextId = 1

  const inProcess = (task: Task): void => {
    try {
      const source = task.request.source
      task.resolve(prepareArticle(typeof source === 'string' ? readSource(source) : source))
    } catch (error) {
      task.reject(error)
    }
  }

  /** The task in progress is over: the next one posted (if any) is now timed. */
  const finish = (slot: Slot): Task | null => {
    const task = slot.tasks.shift() ?? null
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    if (slot.tasks.length) startTimer(slot)
    // An idle worker must not keep the process alive (the CLI exits when its import is done).
    else slot.worker.unref()
    return task
  }

  /** A worker that is gone: its task in progress is returned; the ones waiting behind it go back to the queue. */
  const retire = (slot: Slot): Task | null => {
    slots.delete(slot)
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    const [current = null, ...waiting] = slot.tasks.splice(0)
    queue.unshift(...waiting)
    return current
  }

  const startTimer = (slot: Slot): void => {
    slot.timer = setTimeout(() => {
      const late = retire(slot)
      void slot.worker.terminate()
      late?.reject(refused(`Reading this file took longer than ${Math.round(timeoutMs / 1000)} s; it does not look like an article.`))
      pump()
    }, timeoutMs)
  }

  const spawn = (): Slot => {
    const worker = new Worker(options.script, { resourceLimits: { maxOldGenerationSizeMb: heapMb } })
    worker.unref()
    const slot: Slot = { worker, online: false, tasks: [], timer: null }
    slots.add(slot)
    // Files are timed only once a worker is ready: one that never gets there must not hold them forever.
    const startup = setTimeout(() => {
      if (!slot.online && slots.has(slot)) worker.emit('error', new Error('The worker did not start in time.'))
    }, STARTUP_TIMEOUT_MS)
    startup.unref()
    worker.on('message', (reply: PrepareReply | 'ready') => {
      // The worker says so once its script has loaded: only then is it known to work.
      if (reply === 'ready') {
        slot.online = true
        clearTimeout(startup)
        // Files posted before it was ready are timed from now (loading and warming up are not theirs).
        if (slot.tasks.length) startTimer(slot)
        return
      }
      const task = finish(slot)
      if (!task) return
      if (reply.ok) task.resolve(reply.value)
      else task.reject(revive(reply.error))
      pump()
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const task = retire(slot)
      if (!slot.online) {
        // The worker never started (e.g. its script is not in this build): prepare in process from now on.
        threaded = false
        clearTimeout(startup)
        void worker.terminate()
        if (task) queue.unshift(task)
        for (const other of [...slots]) {
          queue.unshift(...(other.tasks.length ? [retire(other) as Task] : []))
          void other.worker.terminate()
        }
        drainInProcess()
        return
      }
      task?.reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refused(`Reading this file needed more than ${heapMb} MB of memory; it does not look like an article.`)
          : refused(`Reading this file failed (${error.message}).`),
      )
      pump()
    })
    worker.on('exit', () => {
      const task = retire(slot)
      task?.reject(refused('Reading this file stopped unexpectedly.'))
      if (!closed) pump()
    })
    return slot
  }

  const drainInProcess = (): void => {
    while (queue.length) inProcess(queue.shift() as Task)
  }

  const pump = (): void => {
    if (closed) return
    if (!threaded) return drainInProcess()
    while (queue.length) {
      if (slots.size < size) spawn()
      // The least loaded worker takes the next file.
      let slot: Slot | null = null
      for (const s of slots) if (s.tasks.length < PIPELINE_DEPTH && (!slot || s.tasks.length < slot.tasks.length)) slot = s
      if (!slot) return
      const task = queue.shift() as Task
      slot.tasks.push(task)
      if (slot.tasks.length === 1 && slot.online) startTimer(slot)
      slot.worker.ref()
      // The bytes are copied, not transferred: the file stays whole for in-process fallback.
      slot.worker.postMessage(task.request)
    }
  }

  /**
   * Lets the calling thread prepare the next waiting file itself, when it would otherwise sit idle
   * waiting for a worker (an import's main thread is idle about half the time on two cores). Only
   * small text and Markdown files: an HTML page can be arbitrarily costly and belongs in a worker,
   * under its time and memory limits.
   */
  const helpOne = (): boolean => {
    const task = queue[0]
    if (closed || !task || !threaded || !light(task.request.source)) return false
    queue.shift()
    inProcess(task)
    return true
  }

  const prepare: Prepare = (source: SourceFile | string) =>
    new Promise<PreparedArticle>((resolve, reject) => {
      if (closed) return reject(errors.closed('The notebook is closing.'))
      const request: PrepareRequest = {
        id: nextId++,
        source: typeof source === 'string' ? source : { name: source.name, bytes: source.bytes },
      }
      queue.push({ request, resolve, reject })
      pump()
    })

  // Started now, not at the first file: loading the worker's code takes a few hundred milliseconds,
  // which the notebook's opening hides and a first import would wait for.
  while (slots.size < size) spawn()

  return {
    prepare: Object.assign(prepare, { helpOne }),
    get threaded() {
      return threaded
    },
    async close() {
      closed = true
      const workers = [...slots].map((s) => s.worker)
      for (const slot of [...slots]) retire(slot)?.reject(errors.closed('The notebook is closing.'))
      for (const task of queue.splice(0)) task.reject(errors.closed('The notebook is closing.'))
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}

const LIGHT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.mdown'])
const LIGHT_BYTES = 256 * 1024

/** A file cheap and safe enough to prepare on the calling thread: small plain text or Markdown. */
function light(source: string | SourceFile): boolean {
  const name = typeof source === 'string' ? source : source.name
  if (!LIGHT_EXTENSIONS.has(extname(name).toLowerCase())) return false
  if (typeof source !== 'string') return source.bytes.length <= LIGHT_BYTES
  try {
    const stat = statSync(source)
    return stat.isFile() && stat.size <= LIGHT_BYTES
  } catch {
    return false
  }
}

/** A worker's error as the error the import reports (a ParleyError keeps its code and sentence). */
function revive(error: { parley: boolean; code: string | null; name: string; message: string }): Error {
  if (error.parley) return isErrorCode(error.code) ? errors[error.code](error.message) : errors.unreadable_file(error.message)
  const e = new Error(error.message) as Error & { code?: string }
  e.name = error.name
  if (error.code) e.code = error.code
  // `failed()` reports a RangeError (a stack or string overflow) as a file too complex to read.
  if (error.name === 'RangeError') return Object.assign(new RangeError(error.message), { code: error.code ?? undefined })
  return e
}
