import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../tests/helpers'
import { openNotebook, type Notebook } from '../core/notebook'
import { connect, type Socket } from 'node:net'
import { MAX_CONNECTIONS, startBridge, type Bridge } from './http'

const tempDir = useTempDir()
let bridge: Bridge
let notebook: Notebook

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; host?: string | null } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.host !== null && headers.Host === undefined) headers.Host = options.host ?? `127.0.0.1:${bridge.port}`
    const req = request({ host: '127.0.0.1', port: bridge.port, path, method: options.method ?? 'GET', headers, setHost: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

const call = (method: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Parley-Token': bridge.token, ...headers },
    body: JSON.stringify(payload),
  })

beforeEach(async () => {
  const dir = tempDir()
  const staticDir = join(dir, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Parley</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'CANARY-SECRET')
  let sink: (e: never, p: never) => void = () => undefined
  notebook = openNotebook(join(dir, 'n.parley'), { emit: (e, p) => sink(e as never, p as never) })
  bridge = await startBridge({ handlers: notebook.handlers, staticDir })
  sink = bridge.emit as never
})

afterEach(async () => {
  await bridge.close()
  notebook.close()
})

describe('browser bridge', () => {
  it('answers a call with the token, through the contract', async () => {
    const reply = await call('notebook.info', {})
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ articles: 0, readOnly: false })
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it('refuses calls without a token or with a wrong one', async () => {
    const none = await send('/api/notebook.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body)).toEqual({ code: 'unauthorised', message: 'A valid Parley token is required.' })
    for (const token of ['wrong', bridge.token.slice(0, -1), bridge.token + 'x', '']) {
      expect((await call('notebook.info', {}, { 'X-Parley-Token': token })).status).toBe(401)
    }
    // The page itself is no secret: it loads, then asks for the key with its launch code.
    expect((await send('/', {})).status).toBe(200)
    expect((await send('/assets/app.js', {})).status).toBe(200)
    expect((await send('/api/events', {})).status).toBe(401)
  })

  it('refuses foreign Host headers (DNS rebinding) before doing any work', async () => {
    const hosts = [
      `evil.test:${bridge.port}`,
      `127.0.0.1.evil.test:${bridge.port}`,
      'localhost.evil.test',
      `127.1:${bridge.port}`,
      `0.0.0.0:${bridge.port}`,
      `[::ffff:7f00:1]:${bridge.port}`,
      '',
      '127.0.0.1:1',
      `127.0.0.1`,
    ]
    for (const host of hosts) {
      const reply = await call('notebook.info', {}, { Host: host })
      expect(reply.status, host).toBe(403)
    }
    // HTTP/1.1 without Host: Node itself refuses it (400) before our handler runs.
    const noHost = await send('/api/notebook.info', {
      method: 'POST',
      host: null,
      headers: { 'X-Parley-Token': bridge.token, 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect([400, 403]).toContain(noHost.status)
    expect((await call('notebook.info', {}, { Host: `LOCALHOST:${bridge.port}` })).status).toBe(200)
  })

  it('refuses foreign origins and cross-site fetches, even with the token', async () => {
    for (const origin of [
      'http://evil.test',
      'null',
      `http://127.0.0.1:${bridge.port + 1}`,
      `https://127.0.0.1:${bridge.port}`,
      `http://localhost.evil.test:${bridge.port}`,
      'file://',
    ]) {
      expect((await call('notebook.info', {}, { Origin: origin })).status, origin).toBe(403)
    }
    expect((await call('notebook.info', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await call('notebook.info', {}, { Origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200)
  })

  it('refuses form posts (simple CSRF) and other methods, and never answers a preflight', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await call(
        'articles.import',
        { files: [{ name: 'a.txt', data: Buffer.from(ARTICLE).toString('base64') }] },
        { 'Content-Type': type },
      )
      expect(reply.status).toBe(415)
    }
    expect((await send('/api/notebook.info', { method: 'GET', headers: { 'X-Parley-Token': bridge.token } })).status).toBe(405)
    const preflight = await send('/api/notebook.info', {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.test', 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(403)
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    expect(notebook.handlers['notebook.info']({})).toMatchObject({ articles: 0 })
  })

  it('returns { code, message } for invalid payloads and unknown calls, with no stack trace', async () => {
    const cases: Array<[string, string]> = [
      ['articles.get', JSON.stringify({ id: 'one' })],
      ['articles.get', JSON.stringify({ id: -1 })],
      ['articles.get', JSON.stringify({ id: 1, extra: true })],
      ['articles.search', JSON.stringify({ query: 'x'.repeat(501) })],
      ['articles.import', JSON.stringify({ files: [] })],
      ['articles.import', JSON.stringify({ files: [{ name: 'a', data: 'not base64!' }] })],
      ['articles.get', '{"id": 1'],
      ['no.such.call', '{}'],
      ['__proto__', '{}'],
    ]
    for (const [method, body] of cases) {
      const reply = await send(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Parley-Token': bridge.token },
        body,
      })
      expect(reply.status, `${method} ${body}`).toBeGreaterThanOrEqual(400)
      const error = JSON.parse(reply.body) as { code: string; message: string }
      expect(Object.keys(error).sort()).toEqual(['code', 'message'])
      expect(error.message).not.toMatch(/\bat .*\.(ts|js):\d+/)
    }
    const missing = await call('articles.get', { id: 999 })
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body)).toEqual({ code: 'not_found', message: 'The article was not found.' })
  })

  // Issue 17 F1, F2, F13: the launch link carries a one-time code, not the key; the key travels as a
  // header only, so nothing a browser sends on its own (a cookie) can stand for it.
  const redeem = (code: string, headers: Record<string, string> = {}) =>
    send('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ code }) })
  const codeOf = (url: string): string => /#launch=([\w-]+)$/.exec(url)?.[1] ?? ''

  it('trades a launch code from the URL fragment for the session key once; the code is not the key and never sets a cookie', async () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/#launch=[\\w-]{20,}$`))
    const code = codeOf(bridge.url)
    expect(code).not.toBe(bridge.token)
    expect(bridge.url).not.toContain(bridge.token)
    const first = await redeem(code)
    expect(first.status).toBe(200)
    expect(JSON.parse(first.body)).toEqual({ token: bridge.token })
    expect(first.headers['set-cookie']).toBeUndefined()
    expect(first.headers['cache-control']).toBe('no-store')
    // Used once: void.
    const again = await redeem(code)
    expect(again.status).toBe(401)
    expect(JSON.parse(again.body).code).toBe('link_expired')
    // Each window gets its own code; a guess, the key itself or another origin gets nothing.
    const second = codeOf(bridge.launchUrl())
    expect(second).not.toBe(code)
    expect((await redeem('guess')).status).toBe(401)
    expect((await redeem(bridge.token)).status).toBe(401)
    expect((await redeem(second, { Origin: 'http://127.0.0.1:1' })).status).toBe(403)
    expect((await redeem(second)).status).toBe(200)
    // The old launch form carries nothing: the page loads, and no cookie is set.
    const old = await send(`/?t=${bridge.token}`)
    expect(old.status).toBe(200)
    expect(old.headers['set-cookie']).toBeUndefined()
  })

  it('a launch code is void after its lifetime', async () => {
    const short = await startBridge({ handlers: notebook.handlers, staticDir: join(tempDir(), 'none'), launchTtlMs: 50 })
    try {
      const code = codeOf(short.launchUrl())
      await new Promise((r) => setTimeout(r, 120))
      const reply = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: short.port,
            path: '/api/session',
            method: 'POST',
            headers: { Host: `127.0.0.1:${short.port}`, 'Content-Type': 'application/json' },
          },
          (res) => (res.resume(), resolve(res.statusCode ?? 0)),
        )
        req.on('error', reject)
        req.end(JSON.stringify({ code }))
      })
      expect(reply).toBe(401)
    } finally {
      await short.close()
    }
  })

  it('a cookie is never a credential: not the key under any name, not tossed junk (F2, F13)', async () => {
    const info = (headers: Record<string, string>) =>
      send('/api/notebook.info', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' })
    for (const cookie of [`parley_token=${bridge.token}`, `parley_session_${bridge.port}=${bridge.token}`, `x=${bridge.token}`])
      expect((await info({ Cookie: cookie, Origin: `http://127.0.0.1:${bridge.port}` })).status, cookie).toBe(401)
    // A page on another port may set any cookie for 127.0.0.1 (they ignore ports): with the key in
    // the header, junk cookies change nothing.
    expect((await info({ 'X-Parley-Token': bridge.token, Cookie: 'parley_token=junk; parley_session=junk' })).status).toBe(200)
  })

  it('never serves files outside the renderer folder', async () => {
    const auth = { 'X-Parley-Token': bridge.token }
    for (const path of [
      '/../secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%5c..%5csecret.txt',
      '/assets/app.js%00.html',
      '/assets/%252e%252e/secret.txt',
    ]) {
      const reply = await send(path, { headers: auth })
      expect(reply.body, path).not.toContain('CANARY-SECRET')
    }
    expect((await send('/assets/app.js', { headers: auth })).status).toBe(200)
  })

  it('refuses upgrades and oversize bodies', async () => {
    const upgrade = await send('/api/events', {
      headers: { 'X-Parley-Token': bridge.token, Connection: 'Upgrade', Upgrade: 'websocket' },
    }).catch(() => ({ status: 400 }))
    expect(upgrade.status).toBe(400)
    const big = await send('/api/notebook.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Parley-Token': bridge.token, 'Content-Length': String(41 * 1024 * 1024) },
      body: '',
    }).catch(() => ({ status: 413 }))
    expect(big.status).toBe(413)
  })

  it('listens on loopback only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)
    if (!external) return
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const req = request({ host: external.address, port: bridge.port, path: '/' }, () => resolve(null))
      req.on('error', (e) => resolve(e))
      req.end()
    })
    expect(error?.code).toBe('ECONNREFUSED')
  })

  it('streams import progress over SSE to an authorised client only', async () => {
    const refused = await send('/api/events', { headers: { 'X-Parley-Token': bridge.token, Origin: 'http://evil.test' } })
    expect(refused.status).toBe(403)

    const received: string[] = []
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/events',
          headers: { 'X-Parley-Token': bridge.token, Host: `127.0.0.1:${bridge.port}` },
        },
        resolve,
      )
      req.end()
    })
    stream.on('data', (c: Buffer) => received.push(c.toString('utf8')))
    await call('articles.import', { files: [{ name: 'a.txt', data: Buffer.from(ARTICLE).toString('base64') }] })
    await new Promise((r) => setTimeout(r, 100))
    const text = received.join('')
    expect(text).toContain('event: import.progress')
    expect(text).toContain('"done":1,"total":1')
    expect(text).toContain('event: library.changed')
    stream.destroy()
  })

  it('closes the connection after every reply to a request without the token (issue 17 F10)', async () => {
    const raw = (head: string): Promise<{ text: string; closed: boolean }> =>
      new Promise((resolve) => {
        const socket = connect(bridge.port, '127.0.0.1', () => socket.write(head))
        let text = ''
        const timer = setTimeout(() => (socket.destroy(), resolve({ text, closed: false })), 2000)
        socket.on('data', (c: Buffer) => (text += c.toString('latin1')))
        socket.on('close', () => (clearTimeout(timer), resolve({ text, closed: true })))
      })
    const host = `Host: 127.0.0.1:${bridge.port}\r\n`
    for (const head of [
      `POST /api/notebook.info HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}`,
      `POST /api/notebook.info HTTP/1.1\r\n${host}X-Parley-Token: wrong\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
      `GET /api/events HTTP/1.1\r\n${host}Connection: keep-alive\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: evil.test\r\n\r\n`,
    ]) {
      const reply = await raw(head)
      expect(reply.text).toMatch(/^HTTP\/1\.1 40[13]/)
      expect(reply.text.toLowerCase()).toContain('connection: close')
      expect(reply.closed).toBe(true)
    }
    // An authorised call keeps its connection for the next one.
    const ok = await raw(
      `POST /api/notebook.info HTTP/1.1\r\n${host}X-Parley-Token: ${bridge.token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
    )
    expect(ok.text).toMatch(/^HTTP\/1\.1 200/)
    expect(ok.closed).toBe(false)
  })

  it('keeps at most MAX_CONNECTIONS sockets open, and idle strangers do not lock out an authorised call (issue 17 F10)', async () => {
    const idle: Socket[] = []
    let closedByServer = 0
    for (let i = 0; i < 300; i++) {
      const socket = connect(bridge.port, '127.0.0.1')
      socket.on('error', () => undefined)
      socket.on('close', () => closedByServer++)
      idle.push(socket)
      await new Promise((r) => socket.once('connect', r))
    }
    await new Promise((r) => setTimeout(r, 200))
    try {
      expect(300 - closedByServer).toBeLessThanOrEqual(MAX_CONNECTIONS)
      const started = performance.now()
      expect((await call('notebook.info', {})).status).toBe(200)
      expect(performance.now() - started).toBeLessThan(1000)
    } finally {
      idle.forEach((s) => s.destroy())
    }
  })

  it('refuses a large body for every call but import, before reading it (issue 17 F11)', async () => {
    const padding = 'x'.repeat(2 * 1024 * 1024)
    const big = await call('notebook.info', { padding })
    expect(big.status).toBe(413)
    expect(JSON.parse(big.body)).toEqual({ code: 'too_large', message: 'The request is too large.' })
    const search = await call('articles.search', { query: padding })
    expect(search.status).toBe(413)
    // The largest valid payloads still get through: undoing a merge of 100,000 highlights (1.7 MB).
    const unmerge = await call('themes.unmerge', { sourceId: 1, moved: Array.from({ length: 100_000 }, () => Number.MAX_SAFE_INTEGER) })
    expect(unmerge.status).not.toBe(413)
    // Import carries files: 2 MB is an ordinary call there.
    const text = `${ARTICLE}\n\n${'More words about the park. '.repeat(50_000)}`
    const imported = await call('articles.import', { files: [{ name: 'long.txt', data: Buffer.from(text).toString('base64') }] })
    expect(imported.status).toBe(200)
  })
})

describe('browser bridge: the shape of a body', () => {
  // Issue 17 F11/item 5: a body within its size limit can still hold millions of tiny values, and
  // JSON.parse of 38 MB of `0,0,0…` held the core's thread for 7 s here (of `{},{},…` for 29 s).
  // Import may carry 40 MB, so its size limit alone let that through. The body's structure is
  // counted while it arrives; one larger than any valid payload of its call is refused unparsed.
  it('refuses a body holding more JSON values than its call can take, before parsing it, and takes the largest valid ones', async () => {
    const zeros = (n: number): string => `{"files":[${'0,'.repeat(n)}0]}`
    const asked = performance.now()
    const flood = await send('/api/articles.import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Parley-Token': bridge.token },
      body: zeros(5_000_000),
    })
    expect(flood.status).toBe(413)
    expect(JSON.parse(flood.body)).toEqual({ code: 'too_large', message: 'The request is too large.' })
    const objects = await send('/api/notebook.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Parley-Token': bridge.token },
      body: `{"x":[${'{},'.repeat(300_000)}{}]}`,
    })
    expect(objects.status).toBe(413)
    // The largest batch of files is one call; commas, brackets and colons inside strings are text, not structure.
    const files = Array.from({ length: 200 }, (_, i) => ({
      name: `f${i}, [copy]: {${i}}.txt`,
      data: Buffer.from(`${i} ${ARTICLE}`).toString('base64'),
    }))
    const many = await call('articles.import', { files, requestId: 'shape-test-1' })
    expect(many.status).toBe(200)
    const tricky = await call('notebook.info', { note: '{[,:,:]}'.repeat(100_000) })
    expect(tricky.status).toBe(400)
    expect(JSON.parse(tricky.body).code).toBe('invalid_input')
    // The largest valid structures of the other calls still get through.
    const patches = Array.from({ length: 10_000 }, (_, i) => ({
      id: i + 1_000_000,
      outlet: 'o',
      published: null,
      revert: ['outlet', 'published'],
    }))
    expect((await call('articles.updateMany', { patches })).status).not.toBe(413)
    const restore = {
      id: 1,
      title: 'r',
      date: '2025-02-27',
      venue: null,
      participants: [],
      summary: '',
      status: 'proposed',
      reasons: [],
      edited: [],
      createdAt: new Date().toISOString(),
      articles: Array.from({ length: 100_000 }, (_, i) => ({ articleId: i + 1, role: 'reports', source: 'user' })),
      excluded: Array.from({ length: 100_000 }, (_, i) => i + 1),
    }
    expect((await call('rounds.restore', restore)).status).not.toBe(413)
    expect(performance.now() - asked).toBeLessThan(60_000)
  }, 120_000)
})
