import { contextBridge, ipcRenderer } from 'electron'
import { eventNames, methodNames, type Api, type EventName, type EventPayload } from '../shared/contract'
import { ClientError } from '../shared/errors'

type Envelope = { ok: true; result: unknown } | { ok: false; error: { code?: unknown; message?: unknown; recover?: unknown } }

/** Sends one call and opens its envelope: the result, or the error as plain data (see below). */
async function call(channel: string, input: unknown, fallback: string): Promise<unknown> {
  const envelope = (await ipcRenderer.invoke(channel, input)) as Envelope
  if (envelope.ok) return envelope.result
  const error = ClientError.from(envelope.error, fallback)
  // The context bridge keeps only an Error's message, so the error crosses as plain data;
  // the renderer's api.ts makes it a ClientError again.
  throw { code: error.code, message: error.message, recover: error.recover }
}

/** One function per contract call, and a subscription limited to the contract's events: no raw ipcRenderer. */
const api = Object.fromEntries(
  methodNames.map((method) => [method, (input: unknown) => call(`parley:${method}`, input, `Parley could not do ${method}.`)]),
) as unknown as Api

function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`)
  const wrapped = (_: unknown, payload: EventPayload<E>): void => listener(payload)
  ipcRenderer.on(`parley-event:${event}`, wrapped)
  return () => ipcRenderer.removeListener(`parley-event:${event}`, wrapped)
}

/**
 * Export into a folder picked with the system's dialog (issue 17 item 3): the main process keeps the
 * folder and answers an opaque single-use handle and the folder's name, never its path; pass the
 * handle as notebook.export's `dir`. null when the user cancelled.
 */
export interface PickedFolder {
  handle: string
  name: string
}

const exposed = {
  api,
  on,
  host: 'electron' as const,
  pickExportFolder: (): Promise<PickedFolder | null> =>
    call('parley-shell:pick-export-folder', undefined, 'Parley could not open the folder dialog.') as Promise<PickedFolder | null>,
}
export type ParleyBridge = typeof exposed

contextBridge.exposeInMainWorld('parley', exposed)
