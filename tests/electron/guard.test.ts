// Issue 17 ("also seen"): every WebContents gets the guards, not only the main window's; spelling
// never downloads dictionaries. Driven through a stand-in with WebContents' event surface (no
// Electron binary here); index.ts wires guardContents to app.on('web-contents-created').
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardContents, webPreferences, type GuardableContents } from '../../src/main/security'

class Contents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler
  }
}

const fire = (contents: Contents, event: string, url?: string): boolean => {
  let prevented = false
  contents.emit(event, { preventDefault: () => (prevented = true) }, url)
  return prevented
}

describe('guards for every WebContents', () => {
  it('refuses navigation and redirects away from the app, webviews and new windows', () => {
    const contents = new Contents()
    guardContents(contents as unknown as GuardableContents)
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://other/index.html',
      'data:text/html,x',
    ]) {
      expect(fire(contents, 'will-navigate', url), url).toBe(true)
      expect(fire(contents, 'will-redirect', url), url).toBe(true)
    }
    expect(fire(contents, 'will-navigate', 'app://parley/index.html')).toBe(false)
    expect(fire(contents, 'will-attach-webview')).toBe(true)
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
  })

  it('is installed for every WebContents the app creates, and spelling downloads nothing', () => {
    const index = readFileSync(join(__dirname, '..', '..', 'src', 'main', 'index.ts'), 'utf8')
    expect(index).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => guardContents\(contents\)\)/)
    expect(index).toMatch(/setSpellCheckerDictionaryDownloadURL\(`\$\{APP_ORIGIN\}\//)
    // Linux is where Electron would download Hunspell dictionaries: spelling is off there.
    expect(webPreferences.spellcheck).toBe(process.platform !== 'linux')
  })
})
