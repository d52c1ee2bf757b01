/**
 * The browser-mode bridge under attack and load (issue 10 §4, RELIABILITY.md B1–B11), against the
 * real server: `parley serve` in a child process (bridge-harness.ts) on 127.0.0.1 with a temp
 * notebook, raw sockets, stdout/stderr captured. src/main/hosts/http.test.ts covers the in-process
 * basics (Host/Origin tables, form posts, traversal, upgrades); this file covers what needs the
 * whole process: rebinding on every kind of route, cookie-only calls, SSE from another origin,
 * tokens of a previous run, the token in logs and Referer, oversize bodies, slowloris, 1,000
 * concurrent requests (time and peak RSS printed).
 */
import { connect, type Socket } from 'node:net'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { ARTICLE } from '../helpers'
import { MAX_CONNECTIONS } from '../../src/main/hosts/http'
import { buildCli, call, send, startServer, STACK, type Reply, type Server } from './bridge-harness'

const FULL = process.env.PARLEY_RELIABILITY_FULL === '1'
const CONCURRENT = FULL ? 5000 : 1000

let cli: string
let dir: string
let server: Server
/** The first run's key and launch code, replayed against a later run. */
let oldToken = ''
let oldCode = ''
const figures: string[] = []

const json = (reply: Reply): { code: string; message: string } => JSON.parse(reply.body) as { code: string; message: string }

beforeAll(async () => {
  cli = await buildCli()
  dir = mkdtempSync(join(tmpdir(), 'parley-bridge-'))
  // A first run, stopped: its token must be worthless to the next run on the same notebook and port.
  const first = await startServer(cli, { notebook: join(dir, 'n.parley'), cwd: dir })
  oldToken = first.token
  oldCode = first.launchCode
  expect((await call(first, 'notebook.info', '{}')).status).toBe(200)
  const port = first.port
  expect(await first.stop()).toBe(0)
  server = await startServer(cli, { notebook: join(dir, 'n.parley'), cwd: dir, port })
  const files = [0, 1, 2].map((i) => ({ name: `a${i}.txt`, data: Buffer.from(`Talks ${i}\n\n${ARTICLE}`).toString('base64') }))
  expect((await call(server, 'articles.import', JSON.stringify({ files }))).status).toBe(200)
})

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0)
  if (figures.length) console.log(figures.map((f) => `[bridge] ${f}`).join('\n'))
  rmSync(dir, { recursive: true, force: true })
})

/** POST /api/session: what the page does with the code from its launch link. */
const redeem = (code: string, headers: Record<string, string> = {}): Promise<Reply> =>
  send(server.port, '/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ code }),
  })

describe('the bridge refuses what is not its own page', () => {
  it('DNS rebinding: a foreign Host is refused on every kind of route, even with a valid token', async () => {
    const hosts = [
      `evil.example:${server.port}`,
      'localhost.evil.example',
      `localhost.evil.example:${server.port}`,
      `127.0.0.1.nip.io:${server.port}`,
      `127.0.0.1:${server.port}.evil.example`,
      `localhost:${server.port + 1}`,
    ]
    const routes: Array<[string, string, string | undefined]> = [
      ['GET', '/', undefined],
      ['POST', '/api/session', '{"code":"x"}'],
      ['GET', '/assets/nothing.js', undefined],
      ['GET', '/api/events', undefined],
      ['POST', '/api/notes.create', '{"title":"rebound"}'],
    ]
    for (const host of hosts)
      for (const [method, path, body] of routes) {
        const reply = await send(server.port, path, {
          method,
          host,
          headers: { 'X-Parley-Token': server.token, 'Content-Type': 'application/json' },
          body,
        })
        expect(reply.status, `${host} ${method} ${path}`).toBe(403)
        expect(json(reply).code).toBe('forbidden_host')
        expect(reply.headers['set-cookie'], 'no cookie handed to a foreign host').toBeUndefined()
      }
    // The note never got written.
    const notes = JSON.parse((await call(server, 'notes.list', '{}')).body) as Array<{ title: string }>
    expect(notes.some((n) => n.title === 'rebound')).toBe(false)
  })

  it('cross-origin calls are refused even with the key; a cookie is never a credential (issue 17 F2, F13)', async () => {
    const post = (headers: Record<string, string>) =>
      send(server.port, '/api/notes.create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{"title":"csrf"}',
      })
    for (const origin of [
      'http://evil.example',
      'null',
      `http://evil.example:${server.port}`,
      `http://localhost.evil.example:${server.port}`,
      `http://127.0.0.1:${server.port + 1}`,
    ])
      expect((await post({ 'X-Parley-Token': server.token, Origin: origin })).status, origin).toBe(403)
    expect((await post({ 'X-Parley-Token': server.token, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    // What a browser sends on its own (cookies, for 127.0.0.1 on any port) carries no authority.
    for (const cookie of [`parley_token=${server.token}`, `parley_token=${oldToken}`, `parley_session_${server.port}=${server.token}`])
      expect((await post({ Cookie: cookie, Origin: server.origin })).status, cookie).toBe(401)
    const notes = JSON.parse((await call(server, 'notes.list', '{}')).body) as Array<{ title: string }>
    expect(notes.some((n) => n.title === 'csrf')).toBe(false)
    // The page (its own Origin and the key in the header), or a script with the header; tossed junk cookies change nothing.
    expect((await post({ 'X-Parley-Token': server.token, Origin: server.origin })).status).toBe(200)
    expect((await post({ 'X-Parley-Token': server.token, Cookie: 'parley_token=junk' })).status).toBe(200)
  })

  it('an event stream asked for by another origin is refused and receives nothing', async () => {
    const key = server.token
    const open = (headers: Record<string, string>) =>
      new Promise<{ status: number; data: string[]; close: () => void }>((resolve, reject) => {
        const data: string[] = []
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/events',
            headers: { Host: `127.0.0.1:${server.port}`, ...headers },
            agent: false,
            setHost: false,
          },
          (res) => {
            res.on('data', (c: Buffer) => data.push(c.toString('utf8')))
            resolve({ status: res.statusCode ?? 0, data, close: () => req.destroy() })
          },
        )
        req.on('error', reject)
        req.end()
      })
    const refused = [
      await open({ 'X-Parley-Token': key, Origin: 'http://evil.example' }),
      await open({ 'X-Parley-Token': key, Origin: 'null' }),
      await open({ 'X-Parley-Token': key, 'Sec-Fetch-Site': 'cross-site' }),
      await open({ Origin: server.origin }),
      await open({ Cookie: `parley_token=${key}` }),
    ]
    const own = await open({ 'X-Parley-Token': key })
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 401, 401])
    expect(own.status).toBe(200)
    // Something happens in the notebook: only the page's own stream hears of it.
    const data = Buffer.from(`Stream test\n\n${ARTICLE} streamed`).toString('base64')
    expect((await call(server, 'articles.import', JSON.stringify({ files: [{ name: 's.txt', data }] }))).status).toBe(200)
    await new Promise((r) => setTimeout(r, 300))
    expect(own.data.join('')).toContain('event: import.progress')
    for (const r of refused) expect(r.data.join('')).not.toContain('event:')
    for (const r of [...refused, own]) r.close()
  })

  it('missing, wrong, replayed and misplaced keys and launch codes get 401', async () => {
    const info = (headers: Record<string, string>, path = '/api/notebook.info') =>
      send(server.port, path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' })
    expect(oldToken).not.toBe(server.token)
    const cases: Array<[string, Promise<Reply>]> = [
      ['none', info({})],
      ['wrong', info({ 'X-Parley-Token': 'x'.repeat(server.token.length) })],
      ['previous run (header)', info({ 'X-Parley-Token': oldToken })],
      ['previous run (cookie)', info({ Cookie: `parley_token=${oldToken}`, Origin: server.origin })],
      ['key in the query of a call', info({}, `/api/notebook.info?t=${server.token}`)],
      ['key in a cookie', info({ Cookie: `parley_token=${server.token}`, Origin: server.origin })],
      ['launch code as the key', info({ 'X-Parley-Token': server.launchCode })],
      // A launch code works once (the harness spent this run's), and never in another run.
      ['launch code replayed', redeem(server.launchCode)],
      ['previous run (launch code)', redeem(oldCode)],
      ['the key as a launch code', redeem(server.token)],
    ]
    for (const [label, pending] of cases) {
      const reply = await pending
      expect(reply.status, label).toBe(401)
      expect(reply.headers['set-cookie'], label).toBeUndefined()
    }
  })

  it('the key never reaches a log, a Referer or the terminal; the launch code is printed once', async () => {
    // Provoke every path that writes to the log: bad tokens, bad calls, a 500-prone request target.
    await send(server.port, `/api/${server.token}`, {
      method: 'POST',
      headers: { 'X-Parley-Token': server.token, 'Content-Type': 'application/json' },
      body: '{}',
    })
    await redeem(`${server.token}x`)
    await call(server, '%', '{}')
    await call(server, 'articles.get', `{"id":"${server.token}"}`)
    const pages: Array<[string, Reply]> = [
      ['index', await send(server.port, '/')],
      ['deep link', await send(server.port, '/library/1')],
      ['old launch form', await send(server.port, `/?t=${server.token}`)],
      ['missing file', await send(server.port, '/assets/none.js')],
      ['api error', await call(server, 'articles.get', '{"id":-1}')],
      ['expired code', await redeem(server.launchCode)],
    ]
    for (const [label, reply] of pages) {
      expect(reply.headers['referrer-policy'], label).toBe('no-referrer')
      expect(reply.body, label).not.toContain(server.token)
      expect(String(reply.headers.location ?? ''), label).not.toContain(server.token)
    }
    // The served index links its assets; fetch each: same header, and none embeds the token.
    const index = pages[0]?.[1].body ?? ''
    const assets = [...index.matchAll(/(?:src|href)="\.?(\/assets\/[^"]+)"/g)].map((m) => m[1] as string)
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) {
      const reply = await send(server.port, asset)
      expect(reply.status, asset).toBe(200)
      expect(reply.headers['referrer-policy'], asset).toBe('no-referrer')
      expect(reply.body).not.toContain(server.token)
    }
    // stdout prints the launch link (a one-time code) once, by design; the key itself never.
    expect(server.stdout()).toContain(`Open: ${server.origin}/#launch=${server.launchCode}`)
    expect(server.stdout().split(server.launchCode).length - 1).toBe(1)
    expect(server.stdout()).not.toContain(server.token)
    expect(server.stderr()).not.toContain(server.token)
    expect(server.stderr()).not.toMatch(STACK)
  })
})

describe('the bridge under hostile load', () => {
  it('answers an oversized body with 413 and keeps serving', async () => {
    const big = Buffer.alloc(41 * 1024 * 1024, 0x20)
    const headers = { 'Content-Type': 'application/json', 'X-Parley-Token': server.token }
    const chunked = await send(server.port, '/api/notebook.info', {
      method: 'POST',
      headers: { ...headers, 'Transfer-Encoding': 'chunked' },
      body: big,
    })
    expect(chunked.status).toBe(413)
    expect(json(chunked)).toEqual({ code: 'too_large', message: 'The request is too large.' })
    // An announced oversize body is refused at once, before (and without) reading it; so is an
    // unauthenticated one. Raw sockets: the client sends the headers and a few bytes, then listens.
    const early = (headers: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () =>
          socket.write(
            `POST /api/notebook.info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\n${headers}Content-Length: ${big.length}\r\n\r\n{"a":`,
          ),
        )
        let head = ''
        socket.on('data', (c: Buffer) => {
          head += c.toString('latin1')
          if (head.includes('\r\n\r\n')) socket.destroy()
        })
        socket.on('close', () => resolve(head))
        socket.on('error', () => undefined)
      })
    expect(await early(`X-Parley-Token: ${server.token}\r\n`)).toMatch(/^HTTP\/1\.1 413/)
    expect(await early('')).toMatch(/^HTTP\/1\.1 401/)
    expect((await call(server, 'notebook.info', '{}')).status).toBe(200)
    expect(server.alive()).toBe(true)
  })

  it('a slowloris client (one header byte a second) neither blocks others nor keeps its socket', async () => {
    const started = performance.now()
    let closedAfter = -1
    let answer = ''
    const slow: Socket = connect(server.port, '127.0.0.1')
    slow.on('data', (c: Buffer) => (answer += c.toString('latin1')))
    slow.on('close', () => (closedAfter = performance.now() - started))
    slow.on('error', () => undefined)
    const head = `POST /api/notebook.info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Parley-Token: ${server.token}\r\nX-Padding: ${'a'.repeat(200)}`
    let i = 0
    const drip = setInterval(() => {
      if (slow.destroyed || i >= head.length) return clearInterval(drip)
      slow.write(head[i++] as string)
    }, 1000)
    // Meanwhile other clients are answered at once.
    const latencies: number[] = []
    try {
      while (closedAfter < 0 && performance.now() - started < 20_000) {
        const t = performance.now()
        const reply = await call(server, 'articles.list', '{}')
        latencies.push(performance.now() - t)
        expect(reply.status).toBe(200)
        await new Promise((r) => setTimeout(r, 250))
      }
    } finally {
      clearInterval(drip)
      slow.destroy()
    }
    // headersTimeout is 10 s, checked every second: the server hangs up (408) well before 20 s.
    expect(closedAfter).toBeGreaterThan(9_000)
    expect(closedAfter).toBeLessThan(14_000)
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
    const worst = Math.max(...latencies)
    expect(worst).toBeLessThan(2_000)
    figures.push(
      `slowloris: cut after ${(closedAfter / 1000).toFixed(1)} s (headersTimeout 10 s); ${latencies.length} other calls meanwhile, slowest ${worst.toFixed(0)} ms`,
    )
  })

  // Issue 17 F10: the bridge keeps at most MAX_CONNECTIONS sockets (each is a file descriptor the
  // core may need), so the crowd comes through a pool of keep-alive sockets, as a browser's or a
  // script's does; a second crowd of one socket each shows the refused ones are cut cleanly.
  it(`answers ${CONCURRENT} concurrent requests through a pool of sockets, every one correctly, and stays responsive`, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: MAX_CONNECTIONS / 2 })
    const kinds: Array<() => Promise<Reply>> = [
      () => call(server, 'notebook.info', '{}', {}, agent),
      () => call(server, 'articles.list', '{}', {}, agent),
      () => call(server, 'articles.search', '{"query":"council"}', {}, agent),
      () => call(server, 'articles.get', '{"id":"x"}', {}, agent),
      () => send(server.port, '/', { agent }),
    ]
    // The answer each kind gets alone is the one it must get in the crowd, byte for byte.
    const baseline = await Promise.all(kinds.map((go) => go()))
    expect(baseline.map((r) => r.status)).toEqual([200, 200, 200, 400, 200])
    expect((JSON.parse(baseline[2]?.body ?? '[]') as unknown[]).length).toBeGreaterThan(0)
    const started = performance.now()
    const replies = await Promise.allSettled(
      Array.from({ length: CONCURRENT }, (_, i) => {
        const expected = baseline[i % kinds.length] as Reply
        return (kinds[i % kinds.length] as () => Promise<Reply>)().then((r) => r.status === expected.status && r.body === expected.body)
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const dropped = replies.filter((r) => r.status === 'rejected').length
    const wrong = replies.filter((r) => r.status === 'fulfilled' && !r.value).length
    const t = performance.now()
    expect((await call(server, 'notebook.info', '{}')).status).toBe(200)
    const after = performance.now() - t
    const peak = server.peakRssMb()
    figures.push(
      `${CONCURRENT} concurrent requests (${MAX_CONNECTIONS / 2} pooled sockets): ${CONCURRENT - dropped - wrong} correct, ${dropped} dropped, ${wrong} wrong, ` +
        `${seconds.toFixed(2)} s, next call ${after.toFixed(0)} ms, server peak RSS ${peak ?? '?'} MB`,
    )
    expect(dropped).toBe(0)
    expect(wrong).toBe(0)
    expect(after).toBeLessThan(1_000)
    agent.destroy()

    // One socket each: past the cap some are refused (reset), none is answered wrongly, and the next call is quick.
    const crowd = await Promise.allSettled(
      Array.from({ length: CONCURRENT }, () =>
        call(server, 'notebook.info', '{}').then((r) => r.status === 200 && r.body === baseline[0]?.body),
      ),
    )
    const refused = crowd.filter((r) => r.status === 'rejected').length
    figures.push(
      `${CONCURRENT} requests on a socket each: ${CONCURRENT - refused} answered, ${refused} refused at the connection cap (${MAX_CONNECTIONS})`,
    )
    expect(crowd.filter((r) => r.status === 'fulfilled' && !r.value)).toEqual([])
    const t2 = performance.now()
    expect((await call(server, 'notebook.info', '{}')).status).toBe(200)
    expect(performance.now() - t2).toBeLessThan(1_000)
    expect(server.alive()).toBe(true)
  })
})
