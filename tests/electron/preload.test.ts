import { describe, expect, it, vi } from 'vitest'
import { eventNames, methodNames } from '../../src/shared/contract'

const exposed = new Map<string, unknown>()
const invoked: string[] = []
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string) => {
      invoked.push(channel)
      return { ok: true, result: null }
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
}))

describe('preload', () => {
  it('exposes exactly { api, on, host, pickExportFolder } as window.parley: one function per contract call, the shell’s folder picker, no raw ipcRenderer', async () => {
    await import('../../src/preload/index')
    expect([...exposed.keys()]).toEqual(['parley'])
    const bridge = exposed.get('parley') as {
      api: Record<string, unknown>
      on: (e: string, l: () => void) => () => void
      host: string
      pickExportFolder: () => Promise<unknown>
    }
    expect(Object.keys(bridge).sort()).toEqual(['api', 'host', 'on', 'pickExportFolder'])
    expect(bridge.host).toBe('electron')
    expect(Object.keys(bridge.api).sort()).toEqual([...methodNames].sort())
    for (const fn of Object.values(bridge.api)) expect(typeof fn).toBe('function')
    await (bridge.api['notebook.info'] as (i: unknown) => Promise<unknown>)({})
    expect(invoked).toEqual(['parley:notebook.info'])
    // The picker sends one call on its own channel, opens the same envelope, and takes nothing from the page.
    expect(bridge.pickExportFolder.length).toBe(0)
    await bridge.pickExportFolder()
    expect(invoked).toEqual(['parley:notebook.info', 'parley-shell:pick-export-folder'])
    for (const event of eventNames) expect(typeof bridge.on(event, () => undefined)).toBe('function')
    expect(() => bridge.on('not.an.event', () => undefined)).toThrow()
  })
})
