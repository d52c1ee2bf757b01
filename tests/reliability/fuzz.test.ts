/**
 * Contract fuzzing (issue 10 §4): every call in src/shared/contract.ts gets seeded random and
 * boundary payloads derived from its zod schema (fuzz-gen.ts), sent three ways: through the real
 * bridge (`parley serve` in a child process, real sockets, a temp notebook), through dispatch in
 * this process, and through the IPC host's handlers with a stand-in for Electron's ipcMain and
 * sender frame. Pass: no crash, every call answered; an invalid payload gets 400 with exactly
 * `{code, message}`; a valid one gets its result or a 4xx `{code, message}`; never a 500 or a stack
 * trace; the store passes integrity_check afterwards; nothing polluted Object.prototype.
 * PARLEY_RELIABILITY_FULL=1 sends more payloads per call; PARLEY_RELIABILITY_SEED replays a run.
 */
import Database from 'better-sqlite3'
import type { IpcMain } from 'electron'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../helpers'
import { contract, methodNames, type Handlers, type Method } from '../../src/shared/contract'
import { openNotebook, type Notebook } from '../../src/main/core/notebook'
import { dispatch } from '../../src/main/hosts/dispatch'
import { bindIpc, channelOf } from '../../src/main/hosts/ipc'
import { buildCli, call, startServer, STACK, type Reply } from './bridge-harness'
import { fuzzCase, ipcOnlyValue, type Case } from './fuzz-gen'
import { rng } from './generate'

const FULL = process.env.PARLEY_RELIABILITY_FULL === '1'
const SEED = Number(process.env.PARLEY_RELIABILITY_SEED ?? 20261123)
/** Payloads per call: enough to hit every mutation kind on every field in CI, ten times that in full. */
const PER_CALL_BRIDGE = FULL ? 1500 : 80
const PER_CALL_DIRECT = FULL ? 3000 : 80
const PER_CALL_IPC = FULL ? 1000 : 40

const tempDir = useTempDir()
const figures: string[] = []
afterAll(() => {
  if (figures.length) console.log(`\n[fuzz] seed ${SEED}\n${figures.map((f) => `[fuzz] ${f}`).join('\n')}`)
})

const BASE64 = Buffer.from(ARTICLE).toString('base64')

/** Depth of a value, Infinity on a cycle; iterative, independent of dispatch's own check. */
function depthOf(value: unknown): number {
  let deepest = 0
  const stack: Array<[unknown, number, Set<unknown>]> = [[value, 1, new Set()]]
  while (stack.length) {
    const [v, d, path] = stack.pop() as [unknown, number, Set<unknown>]
    if (typeof v !== 'object' || v === null) continue
    if (path.has(v)) return Infinity
    deepest = Math.max(deepest, d)
    if (d > 300) return d
    const next = new Set(path).add(v)
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1, next])
  }
  return deepest
}

/** The oracle: does the contract accept this payload? (A schema that throws counts as "no".) */
function accepted(method: Method, payload: unknown): boolean {
  if (depthOf(payload) > 256) return false
  try {
    return contract[method].input.safeParse(payload ?? {}).success
  } catch {
    return false
  }
}

/** notebook.export writes a folder: every folder a fuzzed payload names is redirected into the sandbox. */
function sandboxExport(method: Method, sandbox: string, i: number): (payload: unknown) => unknown {
  return (payload) => {
    if (method !== 'notebook.export' || !payload || typeof payload !== 'object') return payload
    const p = payload as { dir?: unknown }
    if (typeof p.dir === 'string' && p.dir.trim().length > 0 && p.dir.length <= 5000) p.dir = join(sandbox, `e${i % 4}`)
    return payload
  }
}

function casesFor(method: Method, count: number, seed: number, sandbox: string): Case[] {
  const random = rng(seed ^ hash(method))
  return Array.from({ length: count }, (_, i) =>
    fuzzCase(contract[method].input, random, { base64: BASE64 }, sandboxExport(method, sandbox, i)),
  )
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

interface Tally {
  sent: number
  invalid: number
  reachedCore: number
  problems: string[]
}

/** Checks one answer against the oracle; returns a description of what is wrong, or null. */
function judge(method: Method, label: string, valid: boolean, status: number, error: unknown): string | null {
  const where = `${method} [${label}]`
  if (status >= 500) return `${where}: ${status} ${JSON.stringify(error).slice(0, 200)}`
  if (status === 200) return valid ? null : `${where}: invalid payload accepted`
  if (!error || typeof error !== 'object') return `${where}: ${status} without a body`
  const keys = Object.keys(error).sort().join(',')
  const { code, message } = error as { code: unknown; message: unknown }
  if (keys !== 'code,message' || typeof code !== 'string' || typeof message !== 'string') return `${where}: error shape ${keys}`
  if (STACK.test(message)) return `${where}: stack trace in ${message.slice(0, 200)}`
  if (status < 400 || status > 499) return `${where}: status ${status}`
  // Past the call's body limit (issue 17 F11) a payload is refused unread: 413 too_large; never a valid one.
  if (valid && code === 'too_large') return `${where}: valid payload refused as too large`
  if (!valid && !['invalid_input', 'bad_json', 'too_large'].includes(code)) return `${where}: invalid payload answered ${status} ${code}`
  if (code === 'internal') return `${where}: internal error`
  return null
}

async function seedNotebook(h: Handlers): Promise<void> {
  const files = ['Embassy staffing talks resume', 'Direct flights to resume', 'Talks on diplomatic properties'].map((title, i) => ({
    name: `a${i}.txt`,
    data: Buffer.from(`${title}\n\n${ARTICLE}\nGENEVA, Feb. 27 — Round ${i} of talks on embassy staffing and direct flights.\n`).toString(
      'base64',
    ),
  }))
  await h['articles.import']({ files })
  await h['highlights.create']({ articleId: 1, start: 0, end: 20, themeId: 1 })
  await h['notes.create']({ title: 'Seed note' })
  await h['rounds.detect']({})
}

function checkStore(file: string): void {
  const db = new Database(file)
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    // FTS5 external-content tables: the index must still match the rows it indexes.
    for (const table of ['articles_fts', 'notes_fts']) db.prepare(`INSERT INTO ${table}(${table}) VALUES('integrity-check')`).run()
  } finally {
    db.close()
  }
}

describe('fuzzing every contract call', () => {
  it('through the real bridge: zero crashes, { code, message } for every invalid call, a sound store', async () => {
    const dir = tempDir()
    const sandbox = join(dir, 'exports')
    mkdirSync(sandbox)
    const file = join(dir, 'fuzz.parley')
    const server = await startServer(await buildCli(), { notebook: file, cwd: dir })
    const tally: Tally = { sent: 0, invalid: 0, reachedCore: 0, problems: [] }
    const started = performance.now()
    try {
      // Seed through the bridge too, so ids 1…n exist and valid payloads reach real rows.
      for (const [m, body] of [
        [
          'articles.import',
          JSON.stringify({
            files: [0, 1, 2].map((i) => ({ name: `a${i}.txt`, data: Buffer.from(`Talks ${i}\n\n${ARTICLE}`).toString('base64') })),
          }),
        ],
        ['highlights.create', JSON.stringify({ articleId: 1, start: 0, end: 20, themeId: 1 })],
        ['notes.create', JSON.stringify({ title: 'Seed note' })],
        ['rounds.detect', '{}'],
      ] as const)
        expect((await call(server, m, body)).status, m).toBe(200)

      for (const method of methodNames) {
        const cases = casesFor(method, PER_CALL_BRIDGE, SEED, sandbox)
        // A few calls in flight at once, as a busy renderer would send them.
        for (let i = 0; i < cases.length; i += 4) {
          await Promise.all(
            cases.slice(i, i + 4).map(async (c) => {
              let valid = false
              try {
                valid = accepted(method, c.text === '' ? {} : (JSON.parse(c.text) as unknown))
              } catch {
                // Not JSON: the bridge must answer bad_json.
              }
              let reply: Reply
              try {
                reply = await call(server, method, c.text)
              } catch (error) {
                tally.problems.push(`${method} [${c.label}]: no answer (${(error as Error).message})`)
                return
              }
              tally.sent++
              if (!valid) tally.invalid++
              else tally.reachedCore++
              let body: unknown
              try {
                body = JSON.parse(reply.body)
              } catch {
                tally.problems.push(`${method} [${c.label}]: ${reply.status} body is not JSON`)
                return
              }
              const problem = judge(method, c.label, valid, reply.status, reply.status === 200 ? null : body)
              if (problem) tally.problems.push(problem)
            }),
          )
        }
        expect(server.alive(), `the server died during ${method}`).toBe(true)
      }
      const health = await call(server, 'notebook.info', '{}')
      expect(health.status).toBe(200)
      // The server logs each internal error (without details): there must be none.
      expect(server.stderr().match(/internal error/g)?.length ?? 0).toBe(0)
    } finally {
      const peak = server.peakRssMb()
      const seconds = (performance.now() - started) / 1000
      expect(await server.stop()).toBe(0)
      figures.push(
        `bridge: ${tally.sent} payloads over ${methodNames.length} calls (${tally.invalid} invalid, ${tally.reachedCore} valid reached the core), ` +
          `${tally.problems.length} problems, crashes 0 (server alive to the end), ${seconds.toFixed(1)} s, server peak RSS ${peak ?? '?'} MB`,
      )
    }
    expect(tally.problems.slice(0, 30)).toEqual([])
    checkStore(file)
  })

  it('through dispatch directly, with values JSON cannot carry', async () => {
    const dir = tempDir()
    const sandbox = join(dir, 'exports')
    mkdirSync(sandbox)
    const file = join(dir, 'direct.parley')
    const notebook: Notebook = openNotebook(file)
    const tally: Tally = { sent: 0, invalid: 0, reachedCore: 0, problems: [] }
    const started = performance.now()
    try {
      await seedNotebook(notebook.handlers)
      for (const method of methodNames) {
        for (const c of casesFor(method, PER_CALL_DIRECT, SEED + 1, sandbox)) {
          const payload = c.value()
          const valid = accepted(method, payload)
          const outcome = await dispatch(notebook.handlers, method, payload)
          tally.sent++
          if (valid) tally.reachedCore++
          else tally.invalid++
          const problem = outcome.ok
            ? judge(method, c.label, valid, 200, null)
            : judge(method, c.label, valid, outcome.status, outcome.error)
          if (problem) tally.problems.push(problem)
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
      // Unknown and odd call names never reach a handler.
      for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'notes.get\u0000', 'NOTES.GET', 'notes.get ']) {
        const outcome = await dispatch(notebook.handlers, name, { id: 1 })
        expect(outcome.ok, name).toBe(false)
        if (!outcome.ok) expect(outcome.error.code, name).toBe('unknown_method')
      }
    } finally {
      notebook.close()
      figures.push(
        `dispatch: ${tally.sent} payloads (${tally.invalid} invalid, ${tally.reachedCore} valid), ${tally.problems.length} problems, ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s`,
      )
    }
    expect(tally.problems.slice(0, 30)).toEqual([])
    checkStore(file)
  })

  it('through the IPC host, with a stand-in for ipcMain and the sender frame', async () => {
    const dir = tempDir()
    const sandbox = join(dir, 'exports')
    mkdirSync(sandbox)
    const file = join(dir, 'ipc.parley')
    const notebook = openNotebook(file)
    // A stand-in for Electron's ipcMain: it only records what bindIpc registers.
    const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>()
    const ipcMain = { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => registered.set(channel, fn) }
    bindIpc(ipcMain as unknown as IpcMain, notebook.handlers)
    const trusted = { senderFrame: { url: 'app://parley/index.html', parent: null } }
    const tally: Tally = { sent: 0, invalid: 0, reachedCore: 0, problems: [] }
    try {
      expect([...registered.keys()].sort()).toEqual(methodNames.map(channelOf).sort())
      await seedNotebook(notebook.handlers)
      const notes = (): number => notebook.db.prepare('SELECT count(*) FROM notes').pluck().get() as number

      // Frames other than our own top frame are refused before anything runs.
      const before = notes()
      for (const frame of [
        null,
        undefined,
        { url: 'app://parley/index.html', parent: {} },
        { url: 'https://evil.example/', parent: null },
        { url: 'app://parley.evil/', parent: null },
        { url: 'app://user@parley/', parent: null },
        { url: 'about:blank', parent: null },
        { url: 'file:///index.html', parent: null },
        { url: 'not a url', parent: null },
      ]) {
        const answer = (await registered.get(channelOf('notes.create'))?.({ senderFrame: frame }, { title: 'x' })) as {
          ok: boolean
          error?: { code: string }
        }
        expect(answer, JSON.stringify(frame)).toEqual({
          ok: false,
          error: { code: 'forbidden', message: 'This frame may not call Parley.' },
        })
      }
      expect(notes()).toBe(before)

      const random = rng(SEED + 2)
      for (const method of methodNames) {
        const handler = registered.get(channelOf(method)) as (event: unknown, payload: unknown) => Promise<unknown>
        for (const c of casesFor(method, PER_CALL_IPC, SEED + 3, sandbox)) {
          let payload = c.value()
          let label = c.label
          // Every third payload carries something only structured clone can: BigInt, Map, a cycle…
          if (tally.sent % 3 === 0) {
            const odd = ipcOnlyValue(random)
            label += `, ipc value ${Object.prototype.toString.call(odd)}`
            if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
              const keys = Object.keys(payload)
              const key = keys.length && random() < 0.7 ? (keys[Math.floor(random() * keys.length)] as string) : 'extra'
              ;(payload as Record<string, unknown>)[key] = odd
            } else payload = odd
          }
          const valid = accepted(method, payload)
          tally.sent++
          if (valid) tally.reachedCore++
          else tally.invalid++
          let answer: { ok: boolean; error?: { code: string; message: string } }
          try {
            answer = (await handler(trusted, payload)) as typeof answer
          } catch (error) {
            // Electron would hand this to the renderer as a rejected invoke() carrying the error text.
            tally.problems.push(`${method} [${label}]: handler threw ${(error as Error).name}: ${(error as Error).message.slice(0, 120)}`)
            continue
          }
          const problem = answer.ok
            ? judge(method, label, valid, 200, null)
            : judge(method, label, valid, answer.error?.code === 'internal' ? 500 : valid ? 422 : 400, answer.error)
          if (problem) tally.problems.push(problem)
        }
      }
    } finally {
      notebook.close()
      figures.push(`ipc: ${tally.sent} payloads (${tally.invalid} invalid, ${tally.reachedCore} valid), ${tally.problems.length} problems`)
    }
    expect(tally.problems.slice(0, 30)).toEqual([])
    checkStore(file)
  })
})
