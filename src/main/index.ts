import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  net,
  protocol,
  screen,
  session,
  shell,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type OpenDialogReturnValue,
} from 'electron'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EventSink } from '../shared/contract'
import type { ExportSummary, ImportResult } from '../shared/model'
import { IMPORTABLE_EXTENSIONS } from './core/articles/import'
import { exportVault } from './core/export/vault'
import { openNotebook, openOrCreateDefault } from './core/notebook'
import { CSP } from './hosts/csp'
import { bindIpc, bindShellCall, ipcEmitter } from './hosts/ipc'
import { resolveStatic } from './hosts/static'
import { appRoot, prepareWorkerScript } from './paths'
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  guardContents,
  isAllowedNavigation,
  isSafeExternalUrl,
  permissionDecision,
  windowOptions,
} from './security'
import { filesFromArgv, NOTEBOOK_EXTENSION, type LaunchFiles } from './shell/argv'
import { menuTemplate, type MenuCommand } from './shell/menu'
import { exportReport, exportToPickedFolder } from './shell/export-folder'
import { createFolderHandles, pickFolderHandle, withFolderHandles } from './shell/export-handles'
import { createNotebookSession, type NotebookSession } from './shell/notebook-session'
import { openWithRecovery, type AskRecovery } from './shell/open-with-recovery'
import { addRecent, pruneRecent } from './shell/recent'
import { readSettings, writeSettings, type ShellSettings } from './shell/settings'
import { restoreWindowState } from './shell/window-state'

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

const isDev = !app.isPackaged
let mainWindow: BrowserWindow | null = null
let notebooks: NotebookSession | null = null
let settings: ShellSettings = { window: null, recent: [], notebook: null }
/** Files asked for before the window exists (macOS open-file fires before ready; first-launch argv). */
const pending: LaunchFiles = { notebook: null, imports: [] }
/** Export folders picked for the renderer, kept here under single-use handles (shell/export-handles.ts). */
const folderHandles = createFolderHandles()

const rendererRoot = (): string => join(__dirname, '..', 'renderer')
const seeds = (): string => (app.isPackaged ? join(process.resourcesPath, 'seeds') : join(appRoot(__dirname), 'seeds'))
const settingsFile = (): string => join(app.getPath('userData'), 'shell-settings.json')
const defaultNotebook = (): string => join(app.getPath('userData'), 'Notebook.parley')
const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile()
const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory()

// ---- errors: shown as dialogs, never lost in a console -------------------------------------------
function showError(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  console.error(title, error)
  if (app.isReady()) dialog.showErrorBox(title, message)
}
process.on('uncaughtException', (error) => showError('Parley hit an unexpected problem', error))
process.on('unhandledRejection', (reason) => showError('Parley hit an unexpected problem', reason))

// ---- single instance; files from "Open with" and from a second launch ------------------------------
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    const files = filesFromArgv(argv, cwd, { isFile, isDir, importable: [...IMPORTABLE_EXTENSIONS], appPath: app.getAppPath() })
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.show()
      mainWindow.focus()
    }
    void openLaunchFiles(files)
  })
  // macOS delivers files (also at first launch) through open-file, which must be registered before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    const files: LaunchFiles = path.toLowerCase().endsWith(NOTEBOOK_EXTENSION)
      ? { notebook: path, imports: [] }
      : { notebook: null, imports: [path] }
    void openLaunchFiles(files)
  })
  const first = filesFromArgv(process.argv, process.cwd(), {
    isFile,
    isDir,
    importable: [...IMPORTABLE_EXTENSIONS],
    appPath: app.getAppPath(),
  })
  pending.notebook = first.notebook
  pending.imports.push(...first.imports)
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Parley could not start', error instanceof Error ? error.message : String(error))
    app.quit()
  })
}

async function start(): Promise<void> {
  // Our renderer comes from our own scheme, never from file:// or the network; the CSP header is set
  // on every response (and the same policy is in index.html's meta tag).
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

  // Linux spell checking would download Hunspell dictionaries from Google; point it at our own scheme (see security.ts).
  session.defaultSession.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionaries/`)
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)))
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission))
  // Zero network at run time: refuse anything that is not our own scheme or devtools.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools:')
    callback({ cancel: !allowed })
  })

  settings = readSettings(settingsFile())
  settings.recent = pruneRecent(settings.recent, isFile)

  let sink: EventSink = () => undefined
  const emit: EventSink = (event, payload) => sink(event, payload)
  const startFile = pending.notebook ?? (settings.notebook && isFile(settings.notebook) ? settings.notebook : defaultNotebook())
  pending.notebook = null
  // Imported files are prepared in worker threads; Electron loads worker scripts from the asar
  // (electron/electron#33216). Should one fail to start, the pool prepares files in process.
  const options = { emit, prepareWorker: prepareWorkerScript(__dirname) }
  // A notebook that cannot be opened offers its ways out (a backup, read-only, another); cancelled,
  // Parley opens its default notebook instead of quitting.
  const first =
    (startFile === defaultNotebook()
      ? null
      : await openWithRecovery(startFile, {
          open: (file, readOnly) => openNotebook(file, { ...options, readOnly }),
          ask: askRecovery,
          chooseAnother: pickNotebookFile,
        })) ?? (await openOrCreateDefault(defaultNotebook(), seeds(), options)).notebook
  notebooks = createNotebookSession(first, (file, { readOnly }) => openNotebook(file, { ...options, readOnly }))
  // Bound once: the session's handlers follow whichever notebook is open.
  // notebook.export given a folder handle (the renderer's Export after pickExportFolder) exports into
  // the folder it stands for, as the menu's export does; the path never reaches the renderer.
  const opened = notebooks
  bindIpc(
    ipcMain,
    withFolderHandles(notebooks.handlers, folderHandles, (dir, wikilinks) => exportInto(opened, dir, wikilinks)),
  )
  bindShellCall(ipcMain, 'parley-shell:pick-export-folder', () => pickFolderHandle(() => showExportFolderDialog(mainWindow), folderHandles))
  sink = ipcEmitter(() => mainWindow?.webContents ?? null)
  remember(first.file)

  app.setAboutPanelOptions({
    applicationName: 'Parley',
    applicationVersion: app.getVersion(),
    version: `Electron ${process.versions.electron}`,
    copyright: 'Copyright © 2026 Parley',
  })
  rebuildMenu()
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  if (pending.imports.length) void openLaunchFiles({ notebook: null, imports: pending.imports.splice(0) })
}

function createWindow(): void {
  const restored = restoreWindowState(
    settings.window,
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const options = windowOptions(join(__dirname, '..', 'preload', 'index.js'), nativeTheme.shouldUseDarkColors, { devTools: isDev })
  const win = new BrowserWindow({
    ...options,
    ...restored.bounds,
    // security.ts defines the window's settings (and its tests prove them); the three that
    // Electronegativity looks for at the constructor are spelled out here so the scan can see them.
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, disableBlinkFeatures: 'Auxclick' },
  })
  mainWindow = win
  const contents = win.webContents
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // New windows are always refused; a plain web link is offered to the OS browser after a confirmation.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void confirmExternal(url)
    return { action: 'deny' }
  })
  if (!isDev) contents.on('devtools-opened', () => contents.closeDevTools())
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    void dialog
      .showMessageBox(win, {
        type: 'error',
        message: 'The Parley window stopped unexpectedly.',
        detail: `Reason: ${details.reason}. Your notebook is saved; reload to continue.`,
        buttons: ['Reload', 'Close'],
      })
      .then(({ response }) => (response === 0 ? contents.reload() : win.close()))
  })
  win.once('ready-to-show', () => {
    if (restored.maximized) win.maximize()
    win.show()
  })
  win.on('close', () => {
    settings.window = { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
    saveSettings()
  })
  win.on('closed', () => {
    mainWindow = null
  })
  void win.loadURL(`${APP_ORIGIN}/index.html`)
}

async function confirmExternal(url: string): Promise<void> {
  const options: MessageBoxOptions = {
    type: 'question',
    message: 'Open this link in your browser?',
    detail: url,
    buttons: ['Open', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  }
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options)
  if (response === 0) await shell.openExternal(url)
}

// ---- notebooks: new, open, recent ------------------------------------------------------------------
function remember(file: string): void {
  settings.recent = addRecent(settings.recent, file)
  settings.notebook = file
  app.addRecentDocument(file)
  saveSettings()
  rebuildMenu()
}

function saveSettings(): void {
  try {
    writeSettings(settingsFile(), settings)
  } catch (error) {
    console.error('Could not save the window and recent-notebook settings', error)
  }
}

/** Electron's message box for the ways out of an open error: the chosen index, or null for Cancel. */
const askRecovery: AskRecovery = async (message, labels) => {
  const options: MessageBoxOptions = {
    type: 'warning',
    message: 'That notebook could not be opened',
    detail: message,
    buttons: [...labels, 'Cancel'],
    defaultId: 0,
    cancelId: labels.length,
    noLink: true,
  }
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options)
  return response >= labels.length ? null : response
}

async function switchNotebook(file: string): Promise<void> {
  const session = notebooks
  if (!session) return
  try {
    const opened = await openWithRecovery(file, {
      open: (target, readOnly) => session.switchTo(target, { readOnly }),
      ask: askRecovery,
      chooseAnother: pickNotebookFile,
    })
    if (!opened) return
    remember(opened.file)
    mainWindow?.setTitle(`Parley — ${opened.file}${opened.db.readonly ? ' (read-only)' : ''}`)
    // The renderer re-reads everything from the (new) notebook.
    mainWindow?.webContents.reload()
  } catch (error) {
    showError('That notebook could not be opened', error)
    settings.recent = pruneRecent(settings.recent, isFile)
    rebuildMenu()
  }
}

async function newNotebook(): Promise<void> {
  const choice = await dialog.showSaveDialog({
    title: 'New notebook',
    defaultPath: join(app.getPath('documents'), `Notebook${NOTEBOOK_EXTENSION}`),
    filters: [{ name: 'Parley notebook', extensions: [NOTEBOOK_EXTENSION.slice(1)] }],
  })
  if (choice.canceled || !choice.filePath) return
  const file = choice.filePath.endsWith(NOTEBOOK_EXTENSION) ? choice.filePath : `${choice.filePath}${NOTEBOOK_EXTENSION}`
  if (existsSync(file)) {
    showError('A file with that name already exists', new Error(`${file} was not replaced. Choose another name, or open it.`))
    return
  }
  await switchNotebook(file)
}

/** The open-file dialog for a notebook: its path, or null when cancelled. */
async function pickNotebookFile(): Promise<string | null> {
  const choice = await dialog.showOpenDialog({
    title: 'Open notebook',
    properties: ['openFile'],
    filters: [{ name: 'Parley notebook', extensions: [NOTEBOOK_EXTENSION.slice(1)] }],
  })
  return choice.canceled ? null : (choice.filePaths[0] ?? null)
}

async function openNotebookDialog(): Promise<void> {
  const file = await pickNotebookFile()
  if (file) await switchNotebook(file)
}

async function importFromDialog(): Promise<void> {
  const choice = await dialog.showOpenDialog({
    title: 'Import articles',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Articles', extensions: [...IMPORTABLE_EXTENSIONS].map((e) => e.slice(1)) },
      { name: 'All files', extensions: ['*'] },
    ],
  })
  if (!choice.canceled) await importPaths(choice.filePaths)
}

async function importPaths(paths: string[]): Promise<void> {
  if (!notebooks || paths.length === 0) return
  let results: ImportResult[]
  try {
    results = await notebooks.current().importPaths(paths)
  } catch (error) {
    showError('Import failed', error)
    return
  }
  const failed = results.filter((r) => r.status === 'failed')
  if (failed.length) {
    void dialog.showMessageBox({
      type: 'warning',
      message: `${failed.length} of ${results.length} file(s) could not be imported.`,
      detail: failed.map((r) => `${r.file}: ${r.error ?? 'failed'}`).join('\n'),
    })
  }
}

async function openLaunchFiles(files: LaunchFiles): Promise<void> {
  if (!notebooks) {
    // Not ready yet: remember them for start().
    if (files.notebook) pending.notebook = files.notebook
    pending.imports.push(...files.imports)
    return
  }
  if (files.notebook) await switchNotebook(files.notebook)
  if (files.imports.length) await importPaths(files.imports)
}

// ---- menu --------------------------------------------------------------------------------------------
/** Menu commands for the renderer travel as a contract event (`menu.command`) once the contract has it. */
function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send('parley-event:menu.command', { command })
}

/**
 * File › Export Vault…: the folder comes from the system's dialog, here in the main process, and the
 * export runs here too, so the renderer never names a destination (issue 17 item 3). The page's own
 * Export keeps the browser mode's rules (notebook.export, export/destination.ts).
 */
async function exportFromMenu(): Promise<void> {
  if (!notebooks) return
  const session = notebooks
  const owner = mainWindow
  const progress = ipcEmitter(() => mainWindow?.webContents ?? null)
  const ask = async (options: MessageBoxOptions) => (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options))
  try {
    const summary = await exportToPickedFolder({
      askLinks: async () => {
        const { response } = await ask({
          type: 'question',
          title: 'Export Vault',
          message: 'Export the notebook as a Markdown vault',
          detail: 'Links between its files as Markdown links (any Markdown tool) or as [[wikilinks]] (Obsidian).',
          buttons: ['Markdown links', '[[Wikilinks]]', 'Cancel'],
          defaultId: 0,
          cancelId: 2,
        })
        return response === 2 ? null : response === 1
      },
      pickFolder: () => showExportFolderDialog(owner),
      exportTo: (dir, wikilinks) =>
        exportVault(session.current().db, dir, {
          wikilinks,
          onProgress: (done, total) => progress('export.progress', { done, total }),
        }),
    })
    if (summary)
      void ask({ type: 'info', title: 'Export Vault', message: 'The vault is written', detail: exportReport(summary), buttons: ['OK'] })
  } catch (error) {
    showError('Export failed', error)
  }
}

/** The system's folder dialog for an export (the menu's, and the renderer's through a handle). */
function showExportFolderDialog(owner: BrowserWindow | null): Promise<OpenDialogReturnValue> {
  const options: OpenDialogOptions = {
    title: 'Export Vault into…',
    buttonLabel: 'Export here',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  }
  return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options)
}

/** The core's export into a folder the system dialog gave (through a handle), with progress to the window. */
function exportInto(opened: NotebookSession, dir: string, wikilinks: boolean): Promise<ExportSummary> {
  const progress = ipcEmitter(() => mainWindow?.webContents ?? null)
  return exportVault(opened.current().db, dir, { wikilinks, onProgress: (done, total) => progress('export.progress', { done, total }) })
}

function about(): void {
  const detail = [
    `Version ${app.getVersion()}`,
    `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
    'An offline research notebook. Nothing leaves this computer.',
  ].join('\n')
  const options: MessageBoxOptions = { type: 'info', title: 'About Parley', message: 'Parley', detail, buttons: ['OK'] }
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
}

function rebuildMenu(): void {
  const template = menuTemplate({
    platform: process.platform,
    isDev,
    appName: 'Parley',
    recent: settings.recent,
    actions: {
      newNotebook: () => void newNotebook(),
      openNotebook: () => void openNotebookDialog(),
      openRecent: (path) => void switchNotebook(path),
      clearRecent: () => {
        settings.recent = []
        app.clearRecentDocuments()
        saveSettings()
        rebuildMenu()
      },
      importArticles: () => void importFromDialog(),
      command: (command) => (command === 'export' ? void exportFromMenu() : sendMenuCommand(command)),
      about,
      showNotebookFolder: () => {
        if (notebooks) shell.showItemInFolder(notebooks.current().file)
      },
    },
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

// ---- lifecycle ---------------------------------------------------------------------------------------
// Every WebContents, not only the main window's, gets the navigation, webview and window-open guards.
// The main window adds its own handlers (the external-link confirmation) after this one.
app.on('web-contents-created', (_event, contents) => guardContents(contents))

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => {
  // Checkpoint the WAL into the notebook file and close it: on disk it is one complete file again.
  notebooks?.close()
  notebooks = null
})
