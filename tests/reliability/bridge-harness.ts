/**
 * The real browser-mode server for the bridge and fuzz tests: `parley serve` (src/main/cli.ts, the
 * same code as `node out/main/cli.js serve`) bundled from the current sources with Vite, run as a
 * child process on 127.0.0.1 with a temp notebook. Bundling here rather than using out/ means a
 * change to src/main/hosts is tested without a full `npm run build`; the static files still come
 * from out/renderer (the CLI refuses to serve without them).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { request, type Agent, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { buildCli as bundleCli, root } from './build'

/** The CLI bundled from the current sources; the bridge serves the built renderer from out/. */
export async function buildCli(): Promise<string> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html')))
    throw new Error('out/renderer is missing: run `npm run build` once (the bridge serves the built renderer).')
  return bundleCli()
}

export interface Server {
  child: ChildProcess
  port: number
  /** The session key (from the printed launch code, which is spent). */
  token: string
  launchCode: string
  origin: string
  /** Everything the process wrote so far. */
  stdout(): string
  stderr(): string
  /** Peak resident set size of the server process so far (Linux VmHWM), in MB; null elsewhere. */
  peakRssMb(): number | null
  /** True while the process has not exited. */
  alive(): boolean
  /** SIGTERM (the server closes the notebook), then waits for the exit; returns the exit code. */
  stop(): Promise<number | null>
}

export async function startServer(
  cli: string,
  options: { notebook: string; cwd: string; port?: number; args?: string[]; env?: Record<string, string> },
): Promise<Server> {
  const args = [cli, 'serve', '--notebook', options.notebook, '--no-seed', ...(options.args ?? [])]
  if (options.port !== undefined) args.push('--port', String(options.port))
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  })
  let out = ''
  let err = ''
  let exited = false
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true
      resolve(code)
    }),
  )
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')))
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`parley serve printed no URL:\n${out}\n${err}`)), 30_000)
    const look = (): void => {
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#launch=\S+)/.exec(out)
      if (!match) return
      clearTimeout(timer)
      resolve(new URL(match[1] as string))
    }
    child.stdout.on('data', look)
    void exit.then((code) => reject(new Error(`parley serve exited (${code}):\n${out}\n${err}`)))
  })
  // The printed link carries a one-time launch code; a script trades it for the session key as the page does.
  const launchCode = url.hash.slice('#launch='.length)
  const session = await send(Number(url.port), '/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: launchCode }),
  })
  if (session.status !== 200) throw new Error(`the printed launch code was refused (${session.status}): ${session.body}`)
  const token = (JSON.parse(session.body) as { token: string }).token
  return {
    launchCode,
    child,
    port: Number(url.port),
    token,
    origin: url.origin,
    stdout: () => out,
    stderr: () => err,
    peakRssMb: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        const kb = /VmHWM:\s+(\d+) kB/.exec(status)
        return kb ? Math.round(Number(kb[1]) / 1024) : null
      } catch {
        return null
      }
    },
    alive: () => !exited,
    stop: async () => {
      if (!exited) child.kill('SIGTERM')
      return exit
    },
  }
}

export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

export interface SendOptions {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** The Host header to send; null sends none. Defaults to 127.0.0.1:<port>. */
  host?: string | null
  timeoutMs?: number
  /** A pool of keep-alive sockets to send through (default: a fresh socket per request). */
  agent?: Agent
}

/** One raw HTTP request on a fresh socket, with exactly the headers given (no automatic Host). */
export function send(port: number, path: string, options: SendOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.host !== null && !Object.keys(headers).some((h) => h.toLowerCase() === 'host'))
      headers.Host = options.host ?? `127.0.0.1:${port}`
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers, setHost: false, agent: options.agent ?? false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.setTimeout(options.timeoutMs ?? 30_000, () =>
      req.destroy(new Error(`no answer to ${path} within ${options.timeoutMs ?? 30_000} ms`)),
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

/** A contract call with the token header, as a script or the CLI would send it. */
export function call(
  server: Pick<Server, 'port' | 'token'>,
  method: string,
  body: string,
  headers: Record<string, string> = {},
  agent?: Agent,
): Promise<Reply> {
  return send(server.port, `/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Parley-Token': server.token, ...headers },
    body,
    ...(agent ? { agent } : {}),
  })
}

/** A stack trace or a source path in a reply would leak internals. */
export const STACK = /\bat [^\n]*\((?:\/|[A-Z]:\\|node:)|\.(?:ts|js|cjs|mjs):\d+:\d+|\n\s+at /
