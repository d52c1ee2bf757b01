import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  net,
  protocol,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EventSink } from '../shared/contract'
import { IMPORTABLE_EXTENSIONS } from './core/articles/import'
import { openOrCreateDefault, type Notebook } from './core/notebook'
import { CSP } from './hosts/csp'
import { bindIpc, ipcEmitter } from './hosts/ipc'
import { resolveStatic } from './hosts/static'
import { appRoot } from './paths'
import { APP_HOST, APP_ORIGIN, APP_SCHEME, isAllowedNavigation, permissionDecision, windowOptions } from './security'

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

let mainWindow: BrowserWindow | null = null
let notebook: Notebook | null = null

const rendererRoot = (): string => join(__dirname, '..', 'renderer')
const seeds = (): string => (app.isPackaged ? join(process.resourcesPath, 'seeds') : join(appRoot(__dirname), 'seeds'))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Parley could not start', String((error as Error).message ?? error))
    app.quit()
  })
}

async function start(): Promise<void> {
  // Our renderer comes from our own scheme, never from file:// or the network.
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
    const file =
      resolveStatic(rendererRoot(), url.pathname) ?? (url.pathname.includes('.') ? null : resolveStatic(rendererRoot(), '/index.html'))
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CSP)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })

  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)))
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission))
  // Zero network at run time: refuse anything that is not our own scheme or devtools.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools:')
    callback({ cancel: !allowed })
  })

  let sink: EventSink = () => undefined
  const emit: EventSink = (event, payload) => sink(event, payload)
  const opened = await openOrCreateDefault(join(app.getPath('userData'), 'Notebook.parley'), seeds(), { emit })
  notebook = opened.notebook
  bindIpc(ipcMain, notebook.handlers)
  sink = ipcEmitter(() => mainWindow?.webContents ?? null)

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(join(__dirname, '..', 'preload', 'index.js'), nativeTheme.shouldUseDarkColors))
  mainWindow = win
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    mainWindow = null
  })
  void win.loadURL(`${APP_ORIGIN}/index.html`)
}

async function importFromDialog(): Promise<void> {
  if (!notebook || !mainWindow) return
  const choice = await dialog.showOpenDialog(mainWindow, {
    title: 'Import articles',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Articles', extensions: [...IMPORTABLE_EXTENSIONS].map((e) => e.slice(1)) },
      { name: 'All files', extensions: ['*'] },
    ],
  })
  if (!choice.canceled) await notebook.importPaths(choice.filePaths)
}

function menuTemplate(): MenuItemConstructorOptions[] {
  const mac = process.platform === 'darwin'
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+Shift+I', click: () => void importFromDialog() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', enabled: false },
        { type: 'separator' },
        { label: 'Show Notebook Folder', click: () => void shell.openPath(app.getPath('userData')) },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Parley',
          click: () => void dialog.showMessageBox({ message: `Parley ${app.getVersion()}`, detail: 'An offline research notebook.' }),
        },
      ],
    },
  ]
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => {
  notebook?.close()
  notebook = null
})
