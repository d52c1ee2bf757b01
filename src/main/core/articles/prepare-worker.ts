/**
 * Worker-thread entry: prepares articles (decode, HTML parsing, cleaning, metadata) off the
 * thread that serves the UI, under the heap limit the pool gives it. Bundled as its own file
 * (out/main/prepare-worker.js); it touches no database.
 */
import { parentPort } from 'node:worker_threads'
import { ParleyError } from '../errors'
import { prepareArticle, readSource, type SourceFile } from './prepare'
import type { PrepareReply, PrepareRequest } from './prepare-pool'
import { WARM_UP_STEPS, warmUpStep } from './warm-up'

const port = parentPort
if (!port) throw new Error('prepare-worker must run in a worker thread')

/** Characters of source text above which it is sent back as bytes (see below). */
const LARGE_RAW = 1 << 20

/** Made-up articles prepared so far (see warmUp below). */
let warmed = 0

port.on('message', (request: PrepareRequest) => {
  warmed = WARM_UP_STEPS
  let reply: PrepareReply
  try {
    // A Buffer arrives as a plain Uint8Array (structured clone), which is all prepareArticle needs.
    const source: SourceFile = typeof request.source === 'string' ? readSource(request.source) : request.source
    reply = { id: request.id, ok: true, value: prepareArticle(source) }
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; name?: unknown }
    reply = {
      id: request.id,
      ok: false,
      error: {
        parley: error instanceof ParleyError,
        code: typeof e.code === 'string' ? e.code : null,
        name: typeof e.name === 'string' ? e.name : 'Error',
        message: typeof e.message === 'string' ? e.message : String(error),
      },
    }
  }
  // A large source text goes back as UTF-8 bytes whose buffer is handed over, not copied: outside the
  // main thread's heap, which would otherwise hold it beside the body (repo.ts stores the bytes as text).
  if (reply.ok && typeof reply.value.raw === 'string' && reply.value.raw.length > LARGE_RAW) {
    const bytes = new TextEncoder().encode(reply.value.raw)
    reply = { ...reply, value: { ...reply.value, raw: bytes } }
    port.postMessage(reply, [bytes.buffer])
  } else port.postMessage(reply)
})
port.postMessage('ready')

// Warm up one made-up article at a time while no file has come: between steps the event loop
// delivers files, and the first one ends the warm-up, so an import never waits for more than a step.
const warmUp = (): void => {
  if (warmed >= WARM_UP_STEPS) return
  try {
    warmUpStep(warmed++)
  } catch {
    // Only an optimisation: the worker works without it.
    warmed = WARM_UP_STEPS
  }
  setImmediate(warmUp)
}
setImmediate(warmUp)
