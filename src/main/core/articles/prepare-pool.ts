/**
 * A small pool of worker threads that prepare articles. It keeps the thread that answers the UI
 * free while pages are parsed, uses the other cores for large imports, and bounds a hostile page
 * for real: a worker past its heap limit or its time limit is terminated and replaced, and that
 * file alone fails with a clear reason. If the workers cannot start (no worker script in this
 * build), articles are prepared in process, as before.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { ParleyError } from '../errors'
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

interface Task {
  request: PrepareRequest
  resolve: (value: PreparedArticle) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: Worker
  online: boolean
  task: Task | null
  timer: NodeJS.Timeout | null
}

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

  const finish = (slot: Slot): Task | null => {
    const task = slot.task
    slot.task = null
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    // An idle worker must not keep the process alive (the CLI exits when its import is done).
    slot.worker.unref()
    return task
  }

  const spawn = (): Slot => {
    const worker = new Worker(options.script, { resourceLimits: { maxOldGenerationSizeMb: heapMb } })
    worker.unref()
    const slot: Slot = { worker, online: false, task: null, timer: null }
    slots.add(slot)
    worker.on('message', (reply: PrepareReply | 'ready') => {
      // The worker says so once its script has loaded: only then is it known to work.
      if (reply === 'ready') {
        slot.online = true
        return
      }
      const task = finish(slot)
      if (!task) return
      if (reply.ok) task.resolve(reply.value)
      else task.reject(revive(reply.error))
      pump()
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const task = finish(slot)
      slots.delete(slot)
      if (!slot.online) {
        // The worker never started (e.g. its script is not in this build): prepare in process from now on.
        threaded = false
        if (task) queue.unshift(task)
        for (const s of slots) void s.worker.terminate()
        slots.clear()
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
      slots.delete(slot)
      const task = finish(slot)
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
      let slot = [...slots].find((s) => s.task === null)
      if (!slot && slots.size < size) slot = spawn()
      if (!slot) return
      const task = queue.shift() as Task
      slot.task = task
      const busy = slot
      busy.timer = setTimeout(() => {
        const late = finish(busy)
        slots.delete(busy)
        void busy.worker.terminate()
        late?.reject(refused(`Reading this file took longer than ${Math.round(timeoutMs / 1000)} s; it does not look like an article.`))
        pump()
      }, timeoutMs)
      busy.worker.ref()
      // The bytes are copied, not transferred: the file stays whole for in-process fallback.
      busy.worker.postMessage(task.request)
    }
  }

  const prepare: Prepare = (source: SourceFile | string) =>
    new Promise<PreparedArticle>((resolve, reject) => {
      if (closed) return reject(new ParleyError('closed', 'The notebook is closing.'))
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
    prepare,
    get threaded() {
      return threaded
    },
    async close() {
      closed = true
      for (const task of queue.splice(0)) task.reject(new ParleyError('closed', 'The notebook is closing.'))
      await Promise.all([...slots].map((s) => s.worker.terminate()))
      slots.clear()
    },
  }
}

/** A worker's error as the error the import reports (a ParleyError keeps its code and sentence). */
function revive(error: { parley: boolean; code: string | null; name: string; message: string }): Error {
  if (error.parley) return new ParleyError(error.code ?? 'unreadable_file', error.message)
  const e = new Error(error.message) as Error & { code?: string }
  e.name = error.name
  if (error.code) e.code = error.code
  // `failed()` reports a RangeError (a stack or string overflow) as a file too complex to read.
  if (error.name === 'RangeError') return Object.assign(new RangeError(error.message), { code: error.code ?? undefined })
  return e
}
