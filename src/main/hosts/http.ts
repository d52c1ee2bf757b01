import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { eventNames, type EventName, type EventPayload, type EventSink, type Handlers } from '../../shared/contract'
import { CSP } from './csp'
import { dispatch } from './dispatch'
import { mimeOf, resolveStatic } from './static'

export interface BridgeOptions {
  handlers: Handlers
  /** The built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
  log?: (line: string) => void
}

export interface Bridge {
  /** Open this in a browser: it carries the token once, then the token lives in an HttpOnly cookie. */
  url: string
  origin: string
  port: number
  token: string
  emit: EventSink
  close(): Promise<void>
}

export const TOKEN_HEADER = 'x-parley-token'
const COOKIE = 'parley_token'
/** Import carries files (base64) and may be large; a note is at most 8 MB of JSON; every other call is small. */
const MAX_IMPORT_BODY = 40 * 1024 * 1024
const MAX_NOTE_BODY = 9 * 1024 * 1024
const MAX_CALL_BODY = 256 * 1024
export const bodyLimit = (method: string): number =>
  method === 'articles.import' ? MAX_IMPORT_BODY : method === 'notes.save' || method === 'notes.create' ? MAX_NOTE_BODY : MAX_CALL_BODY
/**
 * Past this much beyond its limit, an oversize body is no longer drained for a clean 413: the
 * connection is cut. Draining only reads and drops bytes (nothing is kept or parsed).
 */
const MAX_DRAIN = 64 * 1024 * 1024
/**
 * Open sockets at once. Each costs a file descriptor (macOS gives a process 256 by default) and
 * the core needs descriptors for the store and the files it reads and writes, so hundreds of idle
 * connections must not use them up (issue 17 F10). Past this many, a new connection pushes out the
 * oldest one that has not yet made an authorised request, so idle strangers cannot lock the page
 * out either; server.maxConnections is the hard ceiling behind it.
 */
export const MAX_CONNECTIONS = 64

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  // timingSafeEqual throws on different lengths; compare against itself to keep the time flat.
  if (x.length !== y.length) {
    timingSafeEqual(y, y)
    return false
  }
  return timingSafeEqual(x, y)
}

function cookieToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === COOKIE) return rest.join('=')
  }
  return null
}

/**
 * The browser-mode host: the contract over HTTP on 127.0.0.1, plus the built renderer and an SSE
 * stream of events. Defences: loopback bind, per-run token, Host and Origin allowlists (DNS
 * rebinding, cross-site requests), JSON-only mutations, no CORS, strict headers.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? newToken()
  const log = options.log ?? (() => undefined)
  const streams = new Set<ServerResponse>()
  // Sockets in the order they connected (a Set keeps insertion order); `trusted` holds those that
  // made an authorised request (see MAX_CONNECTIONS).
  const sockets = new Set<Socket>()
  const trusted = new WeakSet<Socket>()
  let port = 0

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  const send = (res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type })
    res.end(body)
  }
  const fail = (res: ServerResponse, status: number, code: string, message: string): void =>
    send(res, status, JSON.stringify({ code, message }))

  /** How the request proved it knows the token: a header (scripts, tests), the cookie (the browser), or not at all. */
  const authorisedBy = (req: IncomingMessage): 'header' | 'cookie' | null => {
    const header = req.headers[TOKEN_HEADER]
    if (typeof header === 'string') return tokensEqual(header, token) ? 'header' : null
    const cookie = cookieToken(req)
    return cookie !== null && tokensEqual(cookie, token) ? 'cookie' : null
  }

  const readBody = (req: IncomingMessage, limit: number): Promise<string> =>
    new Promise((resolve, reject) => {
      // An announced size over the limit is refused before reading; a chunked body that grows past
      // it is read and dropped below, so the client still gets the 413.
      const declared = Number(req.headers['content-length'] ?? 0)
      if (declared > limit) return reject(Object.assign(new Error('too large'), { status: 413 }))
      const chunks: Buffer[] = []
      let size = 0
      req.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= limit) return void chunks.push(chunk)
        // Keep reading (and dropping) the rest so the 413 reaches the client: closing a socket with
        // unread data makes the kernel send a reset, and the client then sees only ECONNRESET.
        chunks.length = 0
        if (size > limit + MAX_DRAIN) req.destroy()
      })
      req.on('end', () =>
        size > limit ? reject(Object.assign(new Error('too large'), { status: 413 })) : resolve(Buffer.concat(chunks).toString('utf8')),
      )
      req.on('error', reject)
    })

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Until the request proves it knows the token, the reply ends the connection: a client that
    // is refused cannot keep sockets open by reusing them (issue 17 F10).
    res.setHeader('Connection', 'close')
    const host = (req.headers.host ?? '').toLowerCase()
    if (!allowedHosts().has(host) || req.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'host').length !== 1) {
      return fail(res, 403, 'forbidden_host', 'This address is not allowed.')
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin))
      return fail(res, 403, 'forbidden_origin', 'Cross-site requests are not allowed.')
    if (req.headers['sec-fetch-site'] === 'cross-site') return fail(res, 403, 'forbidden_origin', 'Cross-site requests are not allowed.')
    if (req.headers.upgrade) return fail(res, 400, 'bad_request', 'Upgrades are not supported.')

    // Only origin-form targets ("/path?query"); an absolute or malformed one ("http://[") made new URL throw.
    const target = req.url ?? '/'
    if (!target.startsWith('/') || target.startsWith('//')) return fail(res, 400, 'bad_request', 'The request address is not valid.')
    const url = new URL(target, `http://${host}`)

    // The launch URL carries the token once; it is swapped for an HttpOnly cookie and dropped from the address.
    if (req.method === 'GET' && url.searchParams.has('t')) {
      if (!tokensEqual(url.searchParams.get('t') ?? '', token)) return send(res, 401, unauthorisedPage(), 'text/html; charset=utf-8')
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: '/',
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      })
      return void res.end()
    }

    const auth = authorisedBy(req)
    if (!auth) {
      if (url.pathname.startsWith('/api/')) return fail(res, 401, 'unauthorised', 'A valid Parley token is required.')
      return send(res, 401, unauthorisedPage(), 'text/html; charset=utf-8')
    }
    res.removeHeader('Connection')
    trusted.add(req.socket)

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return fail(res, 405, 'method_not_allowed', 'Use GET.')
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return fail(res, 405, 'method_not_allowed', 'Calls use POST.')
      // The cookie is sent by the browser on its own; a browser's own POST always carries Origin (or at
      // least Sec-Fetch-Site), so a cookie-only call with neither did not come from Parley's page.
      if (auth === 'cookie' && req.headers.origin === undefined && req.headers['sec-fetch-site'] !== 'same-origin')
        return fail(res, 403, 'forbidden_origin', 'Calls from the browser must come from the Parley page.')
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
        return fail(res, 415, 'unsupported_media_type', 'Calls must send application/json.')
      }
      let method: string
      try {
        method = decodeURIComponent(url.pathname.slice(5))
      } catch {
        // Malformed percent-encoding ("/api/%") names no call; decodeURIComponent threw and gave a 500.
        return fail(res, 404, 'unknown_method', 'There is no such call.')
      }
      let payload: unknown
      try {
        const text = await readBody(req, bodyLimit(method))
        payload = text ? JSON.parse(text) : {}
      } catch (error) {
        const status = (error as { status?: number }).status ?? 400
        return fail(
          res,
          status,
          status === 413 ? 'too_large' : 'bad_json',
          status === 413 ? 'The request is too large.' : 'The request body is not valid JSON.',
        )
      }
      const outcome = await dispatch(options.handlers, method, payload)
      if (outcome.ok) return send(res, 200, JSON.stringify(outcome.result ?? null))
      if (outcome.error.code === 'internal') log(`internal error in ${url.pathname}`)
      return send(res, outcome.status, JSON.stringify(outcome.error))
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'method_not_allowed', 'Only GET is allowed here.')
    const file =
      resolveStatic(options.staticDir, url.pathname) ??
      (url.pathname.includes('.') ? null : resolveStatic(options.staticDir, '/index.html'))
    if (!file) return fail(res, 404, 'not_found', 'Not found.')
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeOf(file) })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
  }

  // Node checks headersTimeout and requestTimeout only every connectionsCheckingInterval (30 s by
  // default), so a client dribbling its headers was cut after up to 40 s instead of 10.
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 120_000, connectionsCheckingInterval: 1_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`internal error in ${req.method ?? '?'} request: ${error instanceof Error ? error.name : typeof error}`)
      if (!res.headersSent) fail(res, 500, 'internal', 'Parley hit an unexpected problem.')
      else res.end()
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    if (sockets.size <= MAX_CONNECTIONS) return
    for (const old of sockets)
      if (!trusted.has(old) && old !== socket) {
        old.destroy()
        sockets.delete(old)
        return
      }
    socket.destroy()
  })
  server.maxConnections = 2 * MAX_CONNECTIONS
  server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'))
  // A client too slow to send its headers or body (slowloris) gets 408, anything unparseable 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) =>
    socket.end(
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n'
        : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n',
    ),
  )

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const heartbeat = setInterval(() => streams.forEach((s) => s.write(': ping\n\n')), 25_000)
  heartbeat.unref()

  const emit: EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (!eventNames.includes(event)) return
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    streams.forEach((s) => s.write(frame))
  }

  return {
    url: `http://127.0.0.1:${port}/?t=${token}`,
    origin: `http://127.0.0.1:${port}`,
    port,
    token,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat)
        streams.forEach((s) => s.end())
        streams.clear()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function unauthorisedPage(): string {
  return `<!doctype html><meta charset="utf-8"><title>Parley</title><body>
<h1>This Parley link has expired</h1><p>Parley's browser mode only answers the link it printed when it started (it carries a one-time key).
Open the link shown in the terminal where you ran <code>npm start</code>, or start Parley again.</p></body>`
}
