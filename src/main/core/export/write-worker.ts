/**
 * Worker-thread entry of the export's write sink (write-pool.ts): writes each file to its temporary
 * name, renames it into place and, when durable, fsyncs FSYNC_PARALLEL files at a time. Bundled as
 * its own file (out/main/export-write-worker.js); it touches no database.
 */
import { parentPort } from 'node:worker_threads'
import { FSYNC_PARALLEL, fsyncFile, toWire, writeTempFile, type FileWrite, type WriteReply, type WriteRequest } from './write-pool'

const port = parentPort
if (!port) throw new Error('export-write-worker must run in a worker thread')

let durable = false
let failed = false
let writing = false
let draining = false
let flushing = 0
const queue: FileWrite[] = []
const flushWaiting: string[] = []

const post = (reply: WriteReply): void => port.postMessage(reply)

function fail(error: unknown): void {
  if (failed) return
  failed = true
  post({ kind: 'failed', error: toWire(error) })
}

function maybeFlushed(): void {
  if (draining && !writing && queue.length === 0 && flushing === 0 && flushWaiting.length === 0 && !failed) {
    draining = false
    post({ kind: 'flushed' })
  }
}

function pumpFlush(): void {
  while (!failed && flushing < FSYNC_PARALLEL && flushWaiting.length) {
    flushing++
    fsyncFile(flushWaiting.shift() as string).then(
      () => {
        flushing--
        pumpFlush()
        maybeFlushed()
      },
      (error: unknown) => {
        flushing--
        fail(error)
      },
    )
  }
}

function pumpWrite(): void {
  if (writing) return
  writing = true
  let count = 0
  try {
    // A few files at a time, then a turn of the event loop so the flushes already started go on.
    for (let n = 0; n < 64 && queue.length && !failed; n++) {
      const item = queue.shift() as FileWrite
      writeTempFile(item.file, item.tmp, item.data)
      count++
      if (durable) flushWaiting.push(item.file)
    }
  } catch (error) {
    if (count) post({ kind: 'written', count })
    writing = false
    return fail(error)
  }
  writing = false
  if (count) post({ kind: 'written', count })
  pumpFlush()
  if (queue.length && !failed) setImmediate(pumpWrite)
  else maybeFlushed()
}

// Loaded: from here on, the files posted are this thread's to write (write-pool keeps them until then).
post({ kind: 'ready' })

port.on('message', (message: WriteRequest) => {
  if (message.kind === 'start') durable = message.durable
  else if (message.kind === 'write') {
    for (const item of message.items) queue.push(item)
    pumpWrite()
  } else {
    draining = true
    maybeFlushed()
  }
})
