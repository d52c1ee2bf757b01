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
  spellcheck: true,
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
