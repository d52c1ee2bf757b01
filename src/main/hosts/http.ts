import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { eventNames, type EventName, type EventPayload, type EventSink, type Handlers } from '../../shared/contract'
import { CSP } from './csp'
import { errors, type ParleyError } from '../core/errors'
import { apiError, dispatch } from './dispatch'
import { JsonShape, type ShapeLimit } from './json-shape'
import { mimeOf, resolveStatic } from './static'

export interface BridgeOptions {
  handlers: Handlers
  /** The built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
  log?: (line: string) => void
  /** How long a launch code stays good if nobody uses it (default 30 s). */
  launchTtlMs?: number
}

export interface Bridge {
  /**
   * Open this in a browser: `http://127.0.0.1:PORT/#launch=CODE`. The code is not the session
   * secret: the page trades it once (POST /api/session) for the secret, which it keeps in its own
   * memory and sends as a header. A code is void after its first use or launchTtlMs.
   */
  url: string
  /** A new launch URL with a new code (one per window Parley opens). */
  launchUrl(): string
  origin: string
  port: number
  /** The session secret, for callers in this process (tests): X-Parley-Token. Never printed. */
  token: string
  emit: EventSink
  close(): Promise<void>
}

export const TOKEN_HEADER = 'x-parley-token'
const LAUNCH_TTL_MS = 30_000
/**
 * How large a call's JSON may be (issue 17 F11: one 39 MB body to any call held the core for 7 s
 * while it was parsed). Import carries files (base64); a note is at most 8 MB of JSON; undoing a
 * round or a theme merge may carry up to 100,000 ids; every other call's largest valid payload
 * (10,000 ids, a 20,000-character summary) fits in 1 MB.
 */
const MAX_CALL_BODY = 1024 * 1024
const BODY_LIMITS: Record<string, number> = {
  'articles.import': 40 * 1024 * 1024,
  'notes.create': 9 * 1024 * 1024,
  'notes.save': 9 * 1024 * 1024,
  'rounds.restore': 12 * 1024 * 1024,
  'themes.unmerge': 4 * 1024 * 1024,
}
export const bodyLimit = (method: string): number => (Object.hasOwn(BODY_LIMITS, method) ? (BODY_LIMITS[method] as number) : MAX_CALL_BODY)
/**
 * How much JSON structure a call's body may hold (json-shape.ts), a margin above its largest valid
 * payload: 200 import files take ~1,000 tokens; 10,000 article patches (articles.updateMany) ~110,000
 * tokens in 20,000 containers; a round snapshot with 100,000 articles and 100,000 exclusions ~800,000
 * in 100,000; 100,000 moved ids ~100,000 in 1; an 8 MB note at most one token per 6 bytes and one
 * container per 32 (its smallest nodes). The default fits every other call (10,000 ids, 10,000
 * small objects). At these limits the worst body parses in well under a second.
 */
const CALL_SHAPE: ShapeLimit = { tokens: 256_000, containers: 32_000 }
const NOTE_SHAPE: ShapeLimit = { tokens: Math.ceil((9 * 1024 * 1024) / 6), containers: Math.ceil((9 * 1024 * 1024) / 32) }
const SHAPE_LIMITS: Record<string, ShapeLimit> = {
  'articles.import': { tokens: 4_096, containers: 1_024 },
  'notes.create': NOTE_SHAPE,
  'notes.save': NOTE_SHAPE,
  'rounds.restore': { tokens: 1_000_000, containers: 128_000 },
  'themes.unmerge': { tokens: 128_000, containers: 16 },
}
export const shapeLimit = (method: string): ShapeLimit =>
  Object.hasOwn(SHAPE_LIMITS, method) ? (SHAPE_LIMITS[method] as ShapeLimit) : CALL_SHAPE
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

/**
 * The browser-mode host: the contract over HTTP on 127.0.0.1, plus the built renderer and an SSE
 * stream of events. Defences: loopback bind, per-run token, Host and Origin allowlists (DNS
 * rebinding, cross-site requests), JSON-only mutations, no CORS, strict headers.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? newToken()
  // Launch codes not yet used, with the time each expires. Only the page's first request needs one.
  const codes = new Map<string, number>()
  const newCode = (): string => {
    const code = newToken()
    codes.set(code, Date.now() + (options.launchTtlMs ?? LAUNCH_TTL_MS))
    return code
  }
  /** Spends a launch code: true once per code, and only before it expires. */
  const redeem = (code: string): boolean => {
    let found = false
    for (const [known, expires] of codes) {
      // Compared in constant time, and every code is looked at, so timing says nothing about which exists.
      if (tokensEqual(known, code) && expires > Date.now()) found = true
      if (tokensEqual(known, code) || expires <= Date.now()) codes.delete(known)
    }
    return found
  }
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
  const fail = (res: ServerResponse, status: number, error: ParleyError): void => send(res, status, JSON.stringify(apiError(error)))

  /**
   * Whether the request carries the session secret in its header. There is no cookie: a browser
   * sends cookies for 127.0.0.1 to every port (another local server would receive it, issue 17
   * F2) and lets any of them set one (a page on another port could lock Parley out, F13).
   */
  const authorised = (req: IncomingMessage): boolean => {
    const header = req.headers[TOKEN_HEADER]
    return typeof header === 'string' && tokensEqual(header, token)
  }

  const readBody = (req: IncomingMessage, limit: number, shapeLimit?: ShapeLimit): Promise<string> =>
    new Promise((resolve, reject) => {
      // An announced size over the limit is refused before reading; a chunked body that grows past
      // it is read and dropped below, so the client still gets the 413.
      const declared = Number(req.headers['content-length'] ?? 0)
      if (declared > limit) return reject(Object.assign(new Error('too large'), { status: 413 }))
      const chunks: Buffer[] = []
      // Counted chunk by chunk as it arrives (each a turn of its own), never parsed when too large.
      const shape = shapeLimit ? new JsonShape(shapeLimit) : null
      let size = 0
      let tooLarge = false
      req.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > limit || (shape && !tooLarge && !shape.feed(chunk))) tooLarge = true
        if (!tooLarge) return void chunks.push(chunk)
        // Keep reading (and dropping) the rest so the 413 reaches the client: closing a socket with
        // unread data makes the kernel send a reset, and the client then sees only ECONNRESET.
        chunks.length = 0
        if (size > limit + MAX_DRAIN) req.destroy()
      })
      req.on('end', () =>
        tooLarge ? reject(Object.assign(new Error('too large'), { status: 413 })) : resolve(Buffer.concat(chunks).toString('utf8')),
      )
      req.on('error', reject)
    })

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Until the request proves it knows the token, the reply ends the connection: a client that
    // is refused cannot keep sockets open by reusing them (issue 17 F10).
    res.setHeader('Connection', 'close')
    const host = (req.headers.host ?? '').toLowerCase()
    if (!allowedHosts().has(host) || req.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'host').length !== 1) {
      return fail(res, 403, errors.forbidden_host('This address is not allowed.'))
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin))
      return fail(res, 403, errors.forbidden_origin('Cross-site requests are not allowed.'))
    if (req.headers['sec-fetch-site'] === 'cross-site')
      return fail(res, 403, errors.forbidden_origin('Cross-site requests are not allowed.'))
    if (req.headers.upgrade) return fail(res, 400, errors.bad_request('Upgrades are not supported.'))

    // Only origin-form targets ("/path?query"); an absolute or malformed one ("http://[") made new URL throw.
    const target = req.url ?? '/'
    if (!target.startsWith('/') || target.startsWith('//')) return fail(res, 400, errors.bad_request('The request address is not valid.'))
    const url = new URL(target, `http://${host}`)

    // The page trades its launch code (from the URL's fragment, never sent in a request line) for
    // the session secret, once.
    if (url.pathname === '/api/session') {
      if (req.method !== 'POST') return fail(res, 405, errors.method_not_allowed('Use POST.'))
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
        return fail(res, 415, errors.unsupported_media_type('Calls must send application/json.'))
      let code: unknown
      try {
        code = (JSON.parse(await readBody(req, 1024)) as { code?: unknown } | null)?.code
      } catch {
        return fail(res, 400, errors.bad_json('The request body is not valid JSON.'))
      }
      if (typeof code !== 'string' || !redeem(code))
        return fail(
          res,
          401,
          errors.link_expired('This Parley link has expired: it works once, for 30 seconds. Start Parley again for a new one.'),
        )
      return send(res, 200, JSON.stringify({ token }))
    }

    // The page itself (the built renderer) is no secret: it loads without the key and asks for it.
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, errors.method_not_allowed('Only GET is allowed here.'))
      const file =
        resolveStatic(options.staticDir, url.pathname) ??
        (url.pathname.includes('.') ? null : resolveStatic(options.staticDir, '/index.html'))
      if (!file) return fail(res, 404, errors.not_found('Not found.'))
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeOf(file) })
      if (req.method === 'HEAD') return void res.end()
      return void createReadStream(file).pipe(res)
    }

    if (!authorised(req)) return fail(res, 401, errors.unauthorised('A valid Parley token is required.'))
    res.removeHeader('Connection')
    trusted.add(req.socket)

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return fail(res, 405, errors.method_not_allowed('Use GET.'))
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }

    if (req.method !== 'POST') return fail(res, 405, errors.method_not_allowed('Calls use POST.'))
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return fail(res, 415, errors.unsupported_media_type('Calls must send application/json.'))
    }
    let method: string
    try {
      method = decodeURIComponent(url.pathname.slice(5))
    } catch {
      // Malformed percent-encoding ("/api/%") names no call; decodeURIComponent threw and gave a 500.
      return fail(res, 404, errors.unknown_method('There is no such call.'))
    }
    let payload: unknown
    try {
      const text = await readBody(req, bodyLimit(method), shapeLimit(method))
      payload = text ? JSON.parse(text) : {}
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400
      return fail(
        res,
        status,
        status === 413 ? errors.too_large('The request is too large.') : errors.bad_json('The request body is not valid JSON.'),
      )
    }
    const outcome = await dispatch(options.handlers, method, payload)
    if (outcome.ok) return send(res, 200, JSON.stringify(outcome.result ?? null))
    if (outcome.error.code === 'internal') log(`internal error in ${url.pathname}`)
    return send(res, outcome.status, JSON.stringify(outcome.error))
  }

  // Node checks headersTimeout and requestTimeout only every connectionsCheckingInterval (30 s by
  // default), so a client dribbling its headers was cut after up to 40 s instead of 10.
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 120_000, connectionsCheckingInterval: 1_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`internal error in ${req.method ?? '?'} request: ${error instanceof Error ? error.name : typeof error}`)
      if (!res.headersSent) fail(res, 500, errors.internal('Parley hit an unexpected problem.'))
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

  const launchUrl = (): string => `http://127.0.0.1:${port}/#launch=${newCode()}`
  return {
    url: launchUrl(),
    launchUrl,
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
