import { Worker } from 'node:worker_threads'
import { workerScript } from './worker-script'
import { prepareEntry, type PreparedEntry } from './zip'

/**
 * Deflates many ZIP entries (the .qdpx sources: every article's text) on one worker thread, so
 * the Markdown is built meanwhile on this one. One synchronous deflate per entry in the worker: on
 * the export's ten thousand small entries, zlib's async API costs about four times the CPU (a
 * stream and a thread-pool round trip per entry) and keeps this thread busy with callbacks.
 *
 * The worker is its own bundled entry (deflate-worker.ts, found by workerScript) and deflates with
 * zip.ts's prepareEntry, as this thread does. If there is none, it cannot start or it fails, the
 * entries are deflated here instead: the same bytes either way (tested).
 */

/** The text of the entries, packed in one buffer (transferred to the worker, not copied). */
export interface PackedEntries {
  names: string[]
  data: Buffer
  /** `offsets[i]..offsets[i + 1]` is entry i's data. */
  offsets: Uint32Array
}

/** Packs strings as UTF-8 in one buffer, one allocation instead of one per entry. */
export function packTexts(entries: Array<{ name: string; text: string }>): PackedEntries {
  const offsets = new Uint32Array(entries.length + 1)
  let total = 0
  for (let i = 0; i < entries.length; i++) {
    total += Buffer.byteLength((entries[i] as { text: string }).text, 'utf8')
    offsets[i + 1] = total
  }
  // Not from the shared pool: the worker receives this buffer's memory itself.
  const data = Buffer.allocUnsafeSlow(total)
  for (let i = 0; i < entries.length; i++) data.write((entries[i] as { text: string }).text, offsets[i] as number, 'utf8')
  return { names: entries.map((e) => e.name), data, offsets }
}

const slice = (packed: PackedEntries, i: number): Buffer => packed.data.subarray(packed.offsets[i], packed.offsets[i + 1])

/** In process, on this thread: the fallback, and the reference the worker's bytes are tested against. */
export function deflatePackedHere(packed: PackedEntries): PreparedEntry[] {
  return packed.names.map((name, i) => prepareEntry({ name, data: slice(packed, i) }))
}

/** To the worker: the packed text (transferred) and where each entry starts. */
export interface DeflateRequest {
  data: ArrayBuffer
  offsets: Uint32Array
}

export type DeflateReply =
  /** Deflated bodies one after another in `out`, `sizes[i]` bytes each. */
  { ok: true; out: ArrayBuffer; sizes: Uint32Array; crcs: Uint32Array } | { ok: false; message: string }

/** Below this much text a worker's start-up (tens of ms) costs more than it saves. */
const WORKER_MIN_BYTES = 1 << 20

/** Deflates the packed entries, on a worker when there is enough text (here if it cannot start or fails). */
export function deflatePacked(packed: PackedEntries, options: { inProcess?: boolean } = {}): Promise<PreparedEntry[]> {
  const here = (): PreparedEntry[] => deflatePackedHere(packed)
  if (options.inProcess || packed.data.length < WORKER_MIN_BYTES) return Promise.resolve().then(here)
  return deflateOnWorker(packed).catch(here)
}

/** On a worker thread only: rejects when the worker cannot start or fails (deflatePacked falls back). */
export function deflateOnWorker(packed: PackedEntries): Promise<PreparedEntry[]> {
  // The worker gets a copy it owns; `packed` stays readable here for the sizes and the fallback.
  const copy = new Uint8Array(packed.data)
  const offsets = packed.offsets.slice()
  return new Promise<PreparedEntry[]>((resolve, reject) => {
    let settled = false
    const script = workerScript('export-deflate-worker')
    if (script === null) return reject(new Error('The deflate worker is not in this build.'))
    const worker = new Worker(script)
    const fail = (error: unknown): void => {
      if (settled) return
      settled = true
      void worker.terminate()
      reject(error instanceof Error ? error : new Error(String(error)))
    }
    worker.once('error', fail)
    worker.once('exit', (code) => fail(new Error(`The deflate worker stopped (exit code ${code}).`)))
    worker.once('message', (reply: DeflateReply) => {
      if (settled) return
      if (!reply.ok) return fail(new Error(reply.message))
      settled = true
      void worker.terminate()
      const out = Buffer.from(reply.out)
      const { sizes, crcs } = reply
      let at = 0
      resolve(
        packed.names.map((name, i) => {
          const data = slice(packed, i)
          const size = sizes[i] as number
          const body = out.subarray(at, at + size)
          at += size
          return { name, size: data.length, crc: crcs[i] as number, body }
        }),
      )
    })
    const request: DeflateRequest = { data: copy.buffer, offsets }
    worker.postMessage(request, [copy.buffer])
  })
}
