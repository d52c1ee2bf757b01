/**
 * Worker-thread entry: prepares articles (decode, HTML parsing, cleaning, metadata) off the
 * thread that serves the UI, under the heap limit the pool gives it. Bundled as its own file
 * (out/main/prepare-worker.js); it touches no database.
 */
import { parentPort } from 'node:worker_threads'
import { ParleyError } from '../errors'
import { prepareArticle, readSource, type SourceFile } from './prepare'
import type { PrepareReply, PrepareRequest } from './prepare-pool'
import { warmUp } from './warm-up'

const port = parentPort
if (!port) throw new Error('prepare-worker must run in a worker thread')

port.on('message', (request: PrepareRequest) => {
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
  port.postMessage(reply)
})
// Before 'ready': files posted meanwhile wait in the port's queue, and their time limit starts
// only once the worker says it is ready.
try {
  warmUp()
} catch {
  // A warm-up is only an optimisation: the worker works without it.
}
port.postMessage('ready')
