import { eventNames, methodNames, type Api, type EventName, type EventPayload } from '@shared/contract'
import { ClientError } from '@shared/errors'

interface ElectronBridge {
  api: Api
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  host: 'electron'
  /** The desktop app's folder picker for export: an opaque single-use handle and the folder's name, never its path (null: cancelled). */
  pickExportFolder?: () => Promise<{ handle: string; name: string } | null>
}

declare global {
  interface Window {
    parley?: ElectronBridge
  }
}

export { ClientError }

/**
 * Browser mode's key. Parley opens (or prints) `http://127.0.0.1:PORT/#launch=CODE`: the fragment
 * never leaves the browser in a request line or a Referer. The page trades the code, once, for the
 * session secret, which it keeps in this tab's sessionStorage (per origin, so per port; a reload
 * keeps it) and sends as a header on every call. No cookie: a browser sends cookies for 127.0.0.1 to
 * every port and lets every port set them (issue 17 F2, F13).
 */
const SESSION_KEY = 'parley.session'
let session: Promise<string | null> | null = null

/** The session secret, or null when this tab has none (the link was used up or expired). */
export function sessionToken(): Promise<string | null> {
  session ??= (async () => {
    // Read and drop the code before anything else reads the address (the router uses the fragment).
    const code = /^#launch=([\w-]+)$/.exec(location.hash)?.[1]
    if (code) history.replaceState(null, '', location.pathname + location.search)
    const stored = sessionStorage.getItem(SESSION_KEY)
    if (stored) return stored
    if (!code) return null
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'omit',
    }).catch(() => null)
    if (!response?.ok) return null
    const { token } = (await response.json()) as { token: string }
    sessionStorage.setItem(SESSION_KEY, token)
    return token
  })()
  return session
}

/** Browser mode: the same contract over the local bridge, the session secret in a header. */
function httpApi(): Api {
  const entries = methodNames.map((method) => [
    method,
    async (input: unknown) => {
      let response: Response
      const token = (await sessionToken()) ?? ''
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Parley-Token': token },
          body: JSON.stringify(input ?? {}),
          credentials: 'omit',
        })
      } catch {
        throw new ClientError('offline', 'Parley is not running any more. Start it again with npm start.')
      }
      const body: unknown = await response.json().catch(() => null)
      if (response.ok) return body
      // The bridge answers a failure with the error itself: `{ code, message, recover? }`.
      throw ClientError.from(body as Parameters<typeof ClientError.from>[0], `Parley answered ${response.status}.`)
    },
  ])
  return Object.fromEntries(entries) as unknown as Api
}

type Listener = (data: string) => void
const listeners = new Map<string, Set<Listener>>()
let streaming = false

/** Hands each `event:`/`data:` frame of the stream to its listeners. */
function dispatchFrame(frame: string): void {
  let event = 'message'
  const data: string[] = []
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim()
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
  }
  if (data.length) listeners.get(event)?.forEach((l) => l(data.join('\n')))
}

/**
 * Server-sent events through fetch (EventSource cannot send the secret in a header), read as a
 * stream; reconnects after a second, as EventSource would.
 */
function startStream(): void {
  if (streaming) return
  streaming = true
  void (async () => {
    for (;;) {
      try {
        const token = (await sessionToken()) ?? ''
        const response = await fetch('/api/events', { headers: { 'X-Parley-Token': token }, credentials: 'omit' })
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`)
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += value
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            dispatchFrame(buffer.slice(0, end))
            buffer = buffer.slice(end + 2)
          }
        }
      } catch {
        // The stream ended or could not start: try again shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  })()
}

function httpOn<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  startStream()
  const handler: Listener = (data) => listener(JSON.parse(data) as EventPayload<E>)
  const set = listeners.get(event) ?? new Set<Listener>()
  set.add(handler)
  listeners.set(event, set)
  return () => set.delete(handler)
}

export const host: 'electron' | 'browser' = window.parley ? 'electron' : 'browser'
/**
 * Electron: the preload's calls, with their failures made ClientErrors again. The context bridge
 * keeps only an Error's message, so the preload rejects with the error's plain data instead.
 */
function electronApi(bridge: ElectronBridge): Api {
  const entries = methodNames.map((method) => [
    method,
    (input: unknown) =>
      (bridge.api[method] as (input: unknown) => Promise<unknown>)(input).catch((e: unknown) => {
        throw e instanceof ClientError ? e : ClientError.from(e as Parameters<typeof ClientError.from>[0], errorMessage(e))
      }),
  ])
  return Object.fromEntries(entries) as unknown as Api
}

export const api: Api = window.parley ? electronApi(window.parley) : httpApi()

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!eventNames.includes(event)) throw new Error(`Unknown event ${event}`)
  return window.parley ? window.parley.on(event, listener) : httpOn(event, listener)
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
