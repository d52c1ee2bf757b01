import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { methodNames } from '../../src/shared/contract'
import { openNotebook } from '../../src/main/core/notebook'
import { bindIpc, channelOf } from '../../src/main/hosts/ipc'
import { windowOptions } from '../../src/main/security'
import { filesFromArgv } from '../../src/main/shell/argv'
import { flattenMenu, MENU_COMMANDS, menuTemplate, type MenuActions, type MenuCommand } from '../../src/main/shell/menu'
import { createNotebookSession } from '../../src/main/shell/notebook-session'
import { addRecent, MAX_RECENT, pruneRecent } from '../../src/main/shell/recent'
import { readSettings, writeSettings } from '../../src/main/shell/settings'
import { DEFAULT_SIZE, parseWindowState, restoreWindowState } from '../../src/main/shell/window-state'
import { useTempDir } from '../helpers'

const root = join(__dirname, '..', '..')
const temp = useTempDir()

describe('window state', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1050 }
  const right = { x: 1920, y: 0, width: 1280, height: 1000 }

  it('restores saved bounds that are on a display', () => {
    const saved = { bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: false }
    expect(restoreWindowState(saved, [screen])).toEqual({ bounds: saved.bounds, maximized: false })
    const onSecond = { bounds: { x: 2000, y: 50, width: 900, height: 600 }, maximized: true }
    expect(restoreWindowState(onSecond, [screen, right])).toEqual({ bounds: onSecond.bounds, maximized: true })
  })

  it('falls back to the default size when the display is gone or only a sliver is visible', () => {
    const onSecond = { bounds: { x: 2000, y: 50, width: 900, height: 600 }, maximized: false }
    expect(restoreWindowState(onSecond, [screen])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false })
    const sliver = { bounds: { x: 1900, y: 100, width: 900, height: 600 }, maximized: false }
    expect(restoreWindowState(sliver, [screen]).bounds).toEqual({ ...DEFAULT_SIZE })
    const titleBarAbove = { bounds: { x: 100, y: -500, width: 900, height: 600 }, maximized: false }
    expect(restoreWindowState(titleBarAbove, [screen]).bounds).toEqual({ ...DEFAULT_SIZE })
    expect(restoreWindowState(null, [screen])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false })
  })

  it('shrinks a window larger than its display to fit', () => {
    const big = { bounds: { x: 10, y: 10, width: 3000, height: 2000 }, maximized: false }
    expect(restoreWindowState(big, [screen]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1050 })
  })

  it('rejects malformed stored state', () => {
    for (const bad of [
      null,
      1,
      'x',
      {},
      { bounds: { x: 0, y: 0, width: -1, height: 5 } },
      { bounds: { x: 'a', y: 0, width: 5, height: 5 } },
    ])
      expect(parseWindowState(bad)).toBeNull()
  })

  it('persists settings atomically and survives a damaged file', () => {
    const file = join(temp(), 'shell-settings.json')
    expect(readSettings(file)).toEqual({ window: null, recent: [], notebook: null })
    const s = { window: { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true }, recent: ['/a.parley'], notebook: '/a.parley' }
    writeSettings(file, s)
    expect(readSettings(file)).toEqual(s)
    writeFileSync(file, '{ not json')
    expect(readSettings(file)).toEqual({ window: null, recent: [], notebook: null })
  })
})

describe('recent notebooks', () => {
  it('keeps the most recent first, without duplicates, at most ten', () => {
    let list: string[] = []
    for (let i = 0; i < 14; i++) list = addRecent(list, `/n/${i}.parley`, 'linux')
    expect(list).toHaveLength(MAX_RECENT)
    expect(list[0]).toBe('/n/13.parley')
    list = addRecent(list, '/n/5.parley', 'linux')
    expect(list[0]).toBe('/n/5.parley')
    expect(list.filter((p) => p === '/n/5.parley')).toHaveLength(1)
    expect(addRecent(['C:\\A.parley'], 'c:\\a.parley', 'win32')).toEqual(['c:\\a.parley'])
  })

  it('drops entries whose file is gone', () => {
    expect(pruneRecent(['/here', '/gone', 3, ''], (p) => p === '/here')).toEqual(['/here'])
    expect(pruneRecent('nonsense', () => true)).toEqual([])
  })
})

describe('launch arguments', () => {
  const files = new Set(['/docs/a.md', '/docs/b.parley', '/docs/c.pdf', '/docs/page.HTML'])
  const opts = {
    isFile: (p: string) => files.has(p),
    isDir: (p: string) => p === '/docs/folder' || p === '/app',
    importable: ['.md', '.html', '.txt'],
    appPath: '/app',
  }
  it('finds notebooks and importable files, skipping the executable, switches and the app folder', () => {
    expect(
      filesFromArgv(['/usr/bin/parley', '--no-sandbox', '/app', 'a.md', 'page.HTML', 'c.pdf', 'b.parley', 'folder'], '/docs', opts),
    ).toEqual({
      notebook: '/docs/b.parley',
      imports: ['/docs/a.md', '/docs/page.HTML', '/docs/folder'],
    })
    expect(filesFromArgv(['/usr/bin/parley'], '/docs', opts)).toEqual({ notebook: null, imports: [] })
  })
})

describe('application menu', () => {
  const calls: string[] = []
  const actions: MenuActions = {
    newNotebook: () => calls.push('new'),
    openNotebook: () => calls.push('open'),
    openRecent: (p) => calls.push(`recent:${p}`),
    clearRecent: () => calls.push('clear'),
    importArticles: () => calls.push('import'),
    command: (c: MenuCommand) => calls.push(`cmd:${c}`),
    about: () => calls.push('about'),
    showNotebookFolder: () => calls.push('folder'),
  }
  const build = (platform: NodeJS.Platform, isDev = false) =>
    menuTemplate({ platform, isDev, appName: 'Parley', recent: ['/n/one.parley'], actions })

  it('is platform-correct: app menu on macOS; Settings, Exit and About in File/Help elsewhere', () => {
    const mac = build('darwin')
    expect(mac[0]?.label).toBe('Parley')
    const macRoles = flattenMenu(mac).map((i) => i.role)
    for (const role of ['about', 'services', 'hide', 'hideOthers', 'quit', 'close', 'pasteAndMatchStyle', 'windowMenu'])
      expect(macRoles, role).toContain(role)
    for (const platform of ['win32', 'linux'] as const) {
      const menu = build(platform)
      expect(menu[0]?.label).toBe('File')
      const items = flattenMenu(menu)
      expect(items.map((i) => i.role)).toContain('quit')
      expect(items.map((i) => i.role)).not.toContain('services')
      expect(items.some((i) => i.label === 'About Parley')).toBe(true)
      expect(items.some((i) => i.label === 'Settings…')).toBe(true)
    }
  })

  it("has the app's shortcuts, CmdOrCtrl, no duplicates, and leaves system shortcuts alone", () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = flattenMenu(build(platform))
        .map((i) => i.accelerator)
        .filter((a): a is string => typeof a === 'string')
      expect(new Set(accelerators).size, platform).toBe(accelerators.length)
      for (const a of accelerators) expect(a).toMatch(/^CmdOrCtrl\+/)
      for (const reserved of ['CmdOrCtrl+H', 'CmdOrCtrl+M', 'CmdOrCtrl+Q', 'CmdOrCtrl+W', 'CmdOrCtrl+P', 'CmdOrCtrl+`'])
        expect(accelerators).not.toContain(reserved)
      const labels = flattenMenu(build(platform)).map((i) => i.label)
      for (const label of [
        'Import Articles…',
        'Export Vault…',
        'Find',
        'Compare',
        'Matrix',
        'Timeline',
        'New Note',
        'New Notebook…',
        'Open Notebook…',
        'Open Recent',
      ])
        expect(labels, label).toContain(label)
    }
  })

  it('offers developer tools only in a development build', () => {
    expect(flattenMenu(build('linux')).some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false)
    expect(flattenMenu(build('linux', true)).some((i) => i.role === 'toggleDevTools')).toBe(true)
    expect(windowOptions('/p.js', false).webPreferences.devTools).toBe(false)
    expect(windowOptions('/p.js', false, { devTools: true }).webPreferences.devTools).toBe(true)
  })

  it('wires every item to an action: recent notebooks and every renderer command', () => {
    calls.length = 0
    for (const item of flattenMenu(build('linux'))) {
      if (typeof item.click === 'function') (item.click as () => void)()
    }
    expect(calls).toEqual(expect.arrayContaining(['new', 'open', 'recent:/n/one.parley', 'clear', 'import', 'about', 'folder']))
    const sent = calls.filter((c) => c.startsWith('cmd:')).map((c) => c.slice(4))
    for (const c of sent) expect(MENU_COMMANDS).toContain(c)
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS))
  })
})

/** A stand-in for ipcMain that records what is registered. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => unknown>()
  const ipc = {
    handle: (channel: string, fn: (event: IpcMainInvokeEvent, payload: unknown) => unknown) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handlers.set(channel, fn)
    },
  }
  const call = (channel: string, url: string, payload: unknown = {}, parent: unknown = null) =>
    handlers.get(channel)?.({ senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent, payload)
  return { ipc: ipc as unknown as IpcMain, handlers, call }
}

describe('IPC through one wrapper, and notebook switching', () => {
  it('registers exactly one handler per contract method, each checking the sender frame', async () => {
    const dir = temp()
    const notebook = openNotebook(join(dir, 'a.parley'))
    const { ipc, handlers, call } = fakeIpcMain()
    bindIpc(ipc, notebook.handlers)
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort())
    for (const channel of handlers.keys()) {
      for (const [url, parent] of [
        ['https://evil.test/', null],
        ['app://parley/index.html', {}],
        ['about:blank', null],
        ['file:///index.html', null],
      ] as const) {
        expect(await call(channel, url, {}, parent), `${channel} from ${url}`).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
    }
    expect(await call(channelOf('notebook.info'), 'app://parley/index.html')).toMatchObject({ ok: true })
    notebook.close()
  })

  it('every ipcMain.handle in src/ goes through bindIpc', () => {
    const offenders: string[] = []
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.tsx?$/.test(name) && !/\.test\.ts$/.test(name)) {
          const text = readFileSync(path, 'utf8')
          if (/\.handle(Once)?\(|ipcMain\.on\(/.test(text.replace(/protocol\.handle\(/g, '')) && !path.endsWith(join('hosts', 'ipc.ts')))
            offenders.push(path)
        }
      }
    }
    walk(join(root, 'src'))
    expect(offenders).toEqual([])
  })

  it('switches notebooks behind the same binding: calls reach the new one, the old one is checkpointed and closed', async () => {
    const dir = temp()
    const a = openNotebook(join(dir, 'a.parley'))
    const session = createNotebookSession(a, (file) => openNotebook(file))
    const { ipc, call } = fakeIpcMain()
    bindIpc(ipc, session.handlers)
    const info = async () =>
      (await call(channelOf('notebook.info'), 'app://parley/index.html')) as { ok: boolean; result: { path: string } }
    expect((await info()).result.path).toBe(join(dir, 'a.parley'))

    await session.switchTo(join(dir, 'b.parley'))
    expect((await info()).result.path).toBe(join(dir, 'b.parley'))
    expect(a.db.open).toBe(false)
    const walA = join(dir, 'a.parley-wal')
    expect(!existsSync(walA) || statSync(walA).size === 0).toBe(true)

    // a file that cannot be opened leaves the current notebook in place
    const bad = join(dir, 'not-a-notebook.parley')
    writeFileSync(bad, 'this is not SQLite, just text that is long enough to have a header '.repeat(4))
    await expect(session.switchTo(bad)).rejects.toThrow()
    expect((await info()).result.path).toBe(join(dir, 'b.parley'))

    const b = session.current()
    session.close()
    expect(b.db.open).toBe(false)
    const walB = join(dir, 'b.parley-wal')
    expect(!existsSync(walB) || statSync(walB).size === 0).toBe(true)
    expect(await info()).toMatchObject({ ok: false })
  })
})
