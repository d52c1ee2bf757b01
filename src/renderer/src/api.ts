import { eventNames, methodNames, type Api, type EventName, type EventPayload } from '@shared/contract'

interface ElectronBridge {
  api: Api
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  host: 'electron'
}

declare global {
  interface Window {
    parley?: ElectronBridge
  }
}

/** An error from the core, with its stable code. */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Browser mode: the same contract over the local bridge (the token lives in an HttpOnly cookie). */
function httpApi(): Api {
  const entries = methodNames.map((method) => [
    method,
    async (input: unknown) => {
      let response: Response
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        })
      } catch {
        throw new CallError('offline', 'Parley is not running any more. Start it again with npm start.')
      }
      const body: unknown = await response.json().catch(() => null)
      if (response.ok) return body
      const error = body as { code?: string; message?: string } | null
      throw new CallError(error?.code ?? 'http_' + response.status, error?.message ?? `Parley answered ${response.status}.`)
    },
  ])
  return Object.fromEntries(entries) as unknown as Api
}

let source: EventSource | null = null

function httpOn<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  source ??= new EventSource('/api/events')
  const handler = (e: MessageEvent<string>): void => listener(JSON.parse(e.data) as EventPayload<E>)
  source.addEventListener(event, handler as EventListener)
  return () => source?.removeEventListener(event, handler as EventListener)
}

export const host: 'electron' | 'browser' = window.parley ? 'electron' : 'browser'
export const api: Api = window.parley?.api ?? httpApi()

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!eventNames.includes(event)) throw new Error(`Unknown event ${event}`)
  return window.parley ? window.parley.on(event, listener) : httpOn(event, listener)
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
