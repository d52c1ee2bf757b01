import { contextBridge, ipcRenderer } from 'electron'
import { eventNames, methodNames, type Api, type EventName, type EventPayload } from '../shared/contract'

type Envelope = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } }

/** One function per contract call, and a subscription limited to the contract's events: no raw ipcRenderer. */
const api = Object.fromEntries(
  methodNames.map((method) => [
    method,
    async (input: unknown) => {
      const envelope = (await ipcRenderer.invoke(`parley:${method}`, input)) as Envelope
      if (envelope.ok) return envelope.result
      throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code })
    },
  ]),
) as unknown as Api

function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`)
  const wrapped = (_: unknown, payload: EventPayload<E>): void => listener(payload)
  ipcRenderer.on(`parley-event:${event}`, wrapped)
  return () => ipcRenderer.removeListener(`parley-event:${event}`, wrapped)
}

const exposed = { api, on, host: 'electron' as const }
export type ParleyBridge = typeof exposed

contextBridge.exposeInMainWorld('parley', exposed)
