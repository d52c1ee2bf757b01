import { contextBridge, ipcRenderer } from 'electron'
import { eventNames, methodNames, type Api, type EventName, type EventPayload } from '../shared/contract'
import { ClientError } from '../shared/errors'

type Envelope = { ok: true; result: unknown } | { ok: false; error: { code?: unknown; message?: unknown; recover?: unknown } }

/** One function per contract call, and a subscription limited to the contract's events: no raw ipcRenderer. */
const api = Object.fromEntries(
  methodNames.map((method) => [
    method,
    async (input: unknown) => {
      const envelope = (await ipcRenderer.invoke(`parley:${method}`, input)) as Envelope
      if (envelope.ok) return envelope.result
      const error = ClientError.from(envelope.error, `Parley could not do ${method}.`)
      // The context bridge keeps only an Error's message, so the error crosses as plain data;
      // the renderer's api.ts makes it a ClientError again.
      throw { code: error.code, message: error.message, recover: error.recover }
    },
  ]),
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
  pickExportFolder: (): Promise<PickedFolder | null> => ipcRenderer.invoke('parley-shell:pick-export-folder'),
}
export type ParleyBridge = typeof exposed

contextBridge.exposeInMainWorld('parley', exposed)
