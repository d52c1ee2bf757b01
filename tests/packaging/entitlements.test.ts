// Issue 17 F14: the macOS build used electron-builder's default entitlements
// (allow-unsigned-executable-memory, disable-library-validation). Parley's own list holds only JIT.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = join(__dirname, '..', '..')

/** The keys of a plist's top-level dict whose value is <true/> (and any other key, as a failure). */
function entitlements(xml: string): Record<string, boolean | string> {
  const dict = /<dict>([\s\S]*)<\/dict>/.exec(xml.replace(/<!--[\s\S]*?-->/g, ''))?.[1] ?? ''
  const out: Record<string, boolean | string> = {}
  for (const m of dict.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\s*\/>|<key>([^<]+)<\/key>\s*<(\w+)>/g))
    if (m[1]) out[m[1]] = m[2] === 'true'
    else if (m[3]) out[m[3]] = `<${m[4]}>`
  return out
}

describe('macOS entitlements', () => {
  it('the app and its helpers are signed with JIT only', () => {
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
      mac: { hardenedRuntime: boolean; entitlements?: string; entitlementsInherit?: string }
    }
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist')
    expect(config.mac.entitlementsInherit).toBe('build/entitlements.mac.plist')
    const plist = readFileSync(join(root, 'build', 'entitlements.mac.plist'), 'utf8')
    expect(entitlements(plist)).toEqual({ 'com.apple.security.cs.allow-jit': true })
    expect(plist.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(
      /allow-unsigned-executable-memory|disable-library-validation|allow-dyld-environment-variables/,
    )
  })
})
