import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isAllowedNavigation, isSafeExternalUrl, isTrustedSender, permissionDecision, webPreferences, windowOptions } from './security'
import { CSP } from './hosts/csp'

describe('Electron window security', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security on', () => {
    const options = windowOptions('/app/preload.js', false)
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    })
    expect(options.webPreferences.preload).toBe('/app/preload.js')
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures')
  })

  it('allows navigation only within the app origin', () => {
    expect(isAllowedNavigation('app://parley/index.html')).toBe(true)
    expect(isAllowedNavigation('app://parley/#/article/3')).toBe(true)
    for (const url of [
      'https://example.com',
      'http://127.0.0.1:3000/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>1</script>',
      'app://parley.evil/',
      'app://parley@evil/',
      'app://user:pass@parley/',
      'app://evil/',
      'about:blank',
      'smb://host/share',
      'ms-msdt:/id',
      'vbscript:msgbox',
      '\\\\host\\share',
      'chrome://settings',
      'devtools://devtools',
      '',
      'not a url',
      'blob:app://parley/x',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false)
    }
  })

  it('accepts IPC only from the top frame of the app origin', () => {
    expect(isTrustedSender({ url: 'app://parley/index.html', parent: null })).toBe(true)
    expect(isTrustedSender({ url: 'app://parley/index.html', parent: {} })).toBe(false)
    expect(isTrustedSender({ url: 'about:blank', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.test/', parent: null })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
  })

  it('hands only plain http(s) links to the OS', () => {
    expect(isSafeExternalUrl('https://example.org/a')).toBe(true)
    for (const url of ['file:///c:/windows', 'smb://x/y', 'javascript:1', 'ms-msdt:x', 'https://user:pw@x.org', 'mailto:a@b'])
      expect(isSafeExternalUrl(url), url).toBe(false)
  })

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])
      expect(permissionDecision(p)).toBe(false)
  })

  it('ships a strict CSP in the renderer page and in the bridge headers', () => {
    const html = readFileSync(join(__dirname, '..', 'renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    for (const policy of [meta, CSP]) {
      expect(policy).toContain("default-src 'self'")
      expect(policy).toContain("script-src 'self'")
      expect(policy).toContain("object-src 'none'")
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    }
  })

  it('wires every handler in the Electron shell', () => {
    const source = readFileSync(join(__dirname, 'index.ts'), 'utf8')
    for (const needle of [
      'requestSingleInstanceLock',
      "'will-navigate'",
      "'will-redirect'",
      "'will-attach-webview'",
      'setWindowOpenHandler',
      "action: 'deny'",
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'onBeforeRequest',
      'protocol.handle',
      'windowOptions(',
    ]) {
      expect(source, needle).toContain(needle)
    }
    expect(source).not.toMatch(
      /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|loadURL\(['"`]https?:/,
    )
  })
})
