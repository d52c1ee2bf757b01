/**
 * Worker-thread entry of the deflate pool (deflate-pool.ts): deflates packed entries with zip.ts's
 * own prepareEntry (same level) and sends the bodies back in one
 * transferred buffer. Bundled as its own file (out/main/export-deflate-worker.js).
 */
import { parentPort } from 'node:worker_threads'
import type { DeflateReply, DeflateRequest } from './deflate-pool'
import { prepareEntry } from './zip'

const port = parentPort
if (!port) throw new Error('export-deflate-worker must run in a worker thread')

port.once('message', ({ data, offsets }: DeflateRequest) => {
  let reply: DeflateReply
  const transfer: ArrayBuffer[] = []
  try {
    const input = Buffer.from(data)
    const n = offsets.length - 1
    const sizes = new Uint32Array(n)
    const crcs = new Uint32Array(n)
    const bodies: Uint8Array[] = []
    let total = 0
    for (let i = 0; i < n; i++) {
      const entry = prepareEntry({ name: '', data: input.subarray(offsets[i], offsets[i + 1]) })
      crcs[i] = entry.crc
      sizes[i] = entry.body.length
      bodies.push(entry.body)
      total += entry.body.length
    }
    const out = new Uint8Array(total)
    let at = 0
    for (const b of bodies) {
      out.set(b, at)
      at += b.length
    }
    reply = { ok: true, out: out.buffer, sizes, crcs }
    transfer.push(out.buffer)
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(reply, transfer)
})
