import type { IpcMain, WebContents } from 'electron'
import { eventNames, methodNames, type EventSink, type Handlers } from '../../shared/contract'
import { isTrustedSender } from '../security'
import { errors } from '../core/errors'
import { apiError, dispatch, toApiError } from './dispatch'

export const channelOf = (method: string): string => `parley:${method}`

/** The answer to a call from a frame that is not Parley's own page. */
const forbidden = (): { ok: false; error: ReturnType<typeof apiError> } => ({
  ok: false,
  error: apiError(errors.forbidden('This frame may not call Parley.')),
})

/** Binds every contract call to ipcMain.handle through one gate: sender check, validation, one error shape. */
export function bindIpc(ipcMain: IpcMain, handlers: Handlers): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), async (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return forbidden()
      const outcome = await dispatch(handlers, method, payload)
      return outcome.ok ? { ok: true, result: outcome.result } : { ok: false, error: outcome.error }
    })
  }
}

/**
 * A call of the desktop shell's own, outside the contract (the export folder picker): the same gate
 * as every contract call (the sender checked first), and the same answer shape.
 */
export function bindShellCall(ipcMain: IpcMain, channel: `parley-shell:${string}`, run: () => Promise<unknown>): void {
  ipcMain.handle(channel, async (event) => {
    if (!isTrustedSender(event.senderFrame)) return forbidden()
    try {
      return { ok: true, result: await run() }
    } catch (error) {
      return { ok: false, error: toApiError(error) }
    }
  })
}

export function ipcEmitter(target: () => WebContents | null): EventSink {
  return (event, payload) => {
    if (!eventNames.includes(event)) return
    target()?.send(`parley-event:${event}`, payload)
  }
}
