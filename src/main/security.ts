/**
 * The Electron window's security settings and decisions, as plain data and pure functions, so a
 * test can prove them without an Electron binary. index.ts only wires them to Electron.
 */

export const APP_SCHEME = 'app'
export const APP_HOST = 'parley'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export const webPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  /**
   * Spelling is checked by the operating system on macOS and Windows (nothing is downloaded). On
   * Linux Electron uses Hunspell dictionaries that it downloads from Google's servers on first use,
   * which would break "nothing leaves this computer": there it is off (and index.ts points the
   * download address at the app's own scheme, which answers 404).
   */
  spellcheck: process.platform !== 'linux',
  /** Middle-click would otherwise try to open links in a new window (refused anyway by the open handler). */
  disableBlinkFeatures: 'Auxclick',
} as const

/**
 * Options for the main window. Developer tools exist only when `devTools` is passed as true (a
 * development run); a packaged app never gets them.
 */
export function windowOptions(preload: string, dark: boolean, extra: { devTools?: boolean } = {}) {
  return {
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Parley',
    backgroundColor: dark ? '#1c1d21' : '#fafaf7',
    webPreferences: { ...webPreferences, devTools: extra.devTools === true, preload },
  }
}

/** The app never navigates away from its own origin; everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
}

/** Only the top frame of our own origin may call the core over IPC. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent) return false
  return isAllowedNavigation(frame.url)
}

/** Links that may be handed to the OS browser: http(s) only, parsed, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.hostname !== ''
  )
}

/** Parley needs no browser permission (camera, notifications, geolocation…). */
export function permissionDecision(_permission: string): boolean {
  return false
}

/** The parts of Electron's WebContents that guardContents uses (so a test can drive it without Electron). */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * Applied to every WebContents the app ever creates (app.on('web-contents-created')), not only the
 * main window's: one created later (a devtools page, a future window, anything a bug opens) can
 * neither navigate away from the app, nor embed a webview, nor open a window.
 */
export function guardContents(contents: GuardableContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
