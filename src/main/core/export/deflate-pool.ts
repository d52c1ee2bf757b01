import { Worker } from 'node:worker_threads'
import { DEFLATE_LEVEL, prepareEntry, type PreparedEntry } from './zip'

/**
 * Deflates many ZIP entries (the .qdpx sources: every article's text) on one worker thread, so
 * the Markdown is built meanwhile on this one. One synchronous deflate per entry in the worker: on
 * the export's ten thousand small entries, zlib's async API costs about four times the CPU (a
 * stream and a thread-pool round trip per entry) and keeps this thread busy with callbacks.
 *
 * The worker is inline source (`eval`) that needs only Node's own modules, so it runs the same
 * in the app, the CLI, the bench and tests, with no bundle to find. If it cannot start or fails,
 * the entries are deflated here instead: the same bytes either way (tested).
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

interface WorkerReply {
  ok: boolean
  message?: string
  /** Deflated bodies, one after another; `sizes[i]` bytes each (0 when stored). */
  out?: ArrayBuffer
  sizes?: Uint32Array
  crcs?: Uint32Array
}

// Plain JavaScript run with `eval: true`. Same level and rule as zip.ts (stored when deflating
// does not make the entry smaller), checked byte for byte by deflate-pool.test.ts.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const zlib = require('node:zlib')
parentPort.once('message', ({ data, offsets, level }) => {
  try {
    const input = Buffer.from(data)
    const n = offsets.length - 1
    const sizes = new Uint32Array(n)
    const crcs = new Uint32Array(n)
    const bodies = []
    let total = 0
    for (let i = 0; i < n; i++) {
      const entry = input.subarray(offsets[i], offsets[i + 1])
      crcs[i] = zlib.crc32(entry)
      const deflated = zlib.deflateRawSync(entry, { level })
      if (deflated.length < entry.length) {
        sizes[i] = deflated.length
        bodies.push(deflated)
        total += deflated.length
      }
    }
    const out = new Uint8Array(total)
    let at = 0
    for (const b of bodies) {
      out.set(b, at)
      at += b.length
    }
    parentPort.postMessage({ ok: true, out: out.buffer, sizes, crcs }, [out.buffer])
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message ? error.message : error) })
  }
})
`

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
  // The worker gets a copy it owns; `packed` stays readable here for stored entries and the fallback.
  const copy = new Uint8Array(packed.data)
  const offsets = packed.offsets.slice()
  return new Promise<PreparedEntry[]>((resolve, reject) => {
    let settled = false
    const worker = new Worker(WORKER_SOURCE, { eval: true })
    const fail = (error: unknown): void => {
      if (settled) return
      settled = true
      void worker.terminate()
      reject(error instanceof Error ? error : new Error(String(error)))
    }
    worker.once('error', fail)
    worker.once('exit', (code) => fail(new Error(`The deflate worker stopped (exit code ${code}).`)))
    worker.once('message', (reply: WorkerReply) => {
      if (settled) return
      if (!reply.ok || !reply.out || !reply.sizes || !reply.crcs) return fail(new Error(reply.message ?? 'The deflate worker failed.'))
      settled = true
      void worker.terminate()
      const out = Buffer.from(reply.out)
      const { sizes, crcs } = reply
      let at = 0
      resolve(
        packed.names.map((name, i) => {
          const data = slice(packed, i)
          const size = sizes[i] as number
          const stored = size === 0
          const body = stored ? data : out.subarray(at, at + size)
          at += size
          return { name, size: data.length, crc: crcs[i] as number, body, stored }
        }),
      )
    })
    worker.postMessage({ data: copy.buffer, offsets, level: DEFLATE_LEVEL }, [copy.buffer])
  })
}
