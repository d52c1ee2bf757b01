/**
 * Shared helpers for the offline packaging checks: read electron-builder.yml, list an asar, make a
 * stand-in Electron binary, and the rules every packaged archive must satisfy.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

export const root = join(__dirname, '..', '..')

export interface BuilderConfig {
  files: string[]
  asarUnpack: string[]
  electronFuses: Record<string, boolean>
  [key: string]: unknown
}

export function builderConfig(): BuilderConfig {
  return parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig
}

export function packageJson(): {
  name: string
  version: string
  main: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
} {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
}

export function electronVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
}

/** `npm test` builds before Vitest; a bare `vitest run` on a fresh clone builds here. */
export function ensureBuilt(): void {
  if (existsSync(join(root, 'out', 'main', 'index.js')) && existsSync(join(root, 'out', 'renderer', 'index.html'))) return
  execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'pipe',
  })
}

export interface AsarEntry {
  path: string
  unpacked: boolean
}

/** Lists an archive through @electron/asar's API (its CLI is not needed). */
export async function listAsar(archive: string): Promise<AsarEntry[]> {
  const asar = await import('@electron/asar')
  return asar.listPackage(archive, { isPack: true }).map((line: string) => {
    const match = /^(pack|unpack)\s*:\s*(.*)$/.exec(line)
    if (!match) throw new Error(`Unexpected asar listing line: ${line}`)
    return { unpacked: match[1] === 'unpack', path: (match[2] ?? '').replaceAll('\\', '/') }
  })
}

/** Top-level package names under /node_modules in an archive listing. */
export function packagedModules(entries: AsarEntry[]): string[] {
  const names = new Set<string>()
  for (const { path } of entries) {
    const m = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
    if (m?.[1]) names.add(m[1])
  }
  return [...names].sort()
}

/** What runs inside the packaged app: better-sqlite3 and what it requires at run time. */
export const RUNTIME_MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path']

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** @electron/fuses FuseV1Options order: the index of each fuse in the wire. */
export const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const
/** Electron's own default for each fuse (so a flip is visible when the config wants the opposite). */
const FUSE_DEFAULTS = '10110001'

/**
 * A stand-in Electron distribution: an executable script named `electron` that carries a fuse wire
 * after the same sentinel real Electron binaries have, so electron-builder's @electron/fuses step can
 * flip it and the test can read the result. It is not Electron: nothing here starts the app.
 */
export function makeStubElectronDist(dir: string): string {
  mkdirSync(dir, { recursive: true })
  const exe = join(dir, 'electron')
  writeFileSync(
    exe,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary (offline packaging check)"\nexit 0\n# '),
      Buffer.from(FUSE_SENTINEL, 'ascii'),
      Buffer.from([1, FUSE_DEFAULTS.length]),
      Buffer.from(FUSE_DEFAULTS, 'ascii'),
      Buffer.from('\n'),
    ]),
  )
  chmodSync(exe, 0o755)
  writeFileSync(join(dir, 'version'), electronVersion())
  return dir
}

/** Reads the fuse wire back from a (stand-in) binary: fuse name → enabled. */
export function readFuses(binary: string): Record<string, boolean> {
  const bytes = readFileSync(binary)
  const at = bytes.indexOf(Buffer.from(FUSE_SENTINEL, 'ascii'))
  if (at < 0) throw new Error(`No fuse sentinel in ${binary}`)
  const wire = at + FUSE_SENTINEL.length
  const length = bytes[wire + 1] ?? 0
  const fuses: Record<string, boolean> = {}
  for (let i = 0; i < length; i++) {
    const name = FUSE_ORDER[i]
    if (name) fuses[name] = bytes[wire + 2 + i] === 0x31
  }
  return fuses
}

/** The checks every archive of Parley must pass, whichever way it was produced. */
export function archiveProblems(entries: AsarEntry[]): string[] {
  const problems: string[] = []
  const paths = new Set(entries.map((e) => e.path))
  const pkg = packageJson()
  for (const needed of ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']) {
    if (!paths.has(needed)) problems.push(`missing ${needed}`)
  }
  for (const { path, unpacked } of entries) {
    if (/^\/(src|tests|e2e|bench|scripts|seeds|build|dist|\.github|\.ci|test-results|node_modules\/\.bin)(\/|$)/.test(path))
      problems.push(`source or project folder packaged: ${path}`)
    if (/\.map$/.test(path)) problems.push(`source map packaged: ${path}`)
    if (/\.(ts|tsx)$/.test(path) && !/\.d\.ts$/.test(path)) problems.push(`TypeScript source packaged: ${path}`)
    if (/\.(test|spec)\.[cm]?[jt]s$/.test(path)) problems.push(`test packaged: ${path}`)
    if (/sqlite3\.c$|test_extension\.node$|\/obj(\.target)?\//.test(path)) problems.push(`native build leftovers: ${path}`)
    if (/\.node$/.test(path) && !unpacked) problems.push(`native module inside the archive (must be unpacked): ${path}`)
  }
  const modules = packagedModules(entries)
  for (const name of modules) {
    if (!RUNTIME_MODULES.includes(name)) problems.push(`unexpected package in the archive: ${name}`)
    if (name in pkg.devDependencies) problems.push(`devDependency packaged: ${name}`)
  }
  const native = entries.find((e) => e.path === '/node_modules/better-sqlite3/build/Release/better_sqlite3.node')
  if (!native) problems.push('better_sqlite3.node missing')
  else if (!native.unpacked) problems.push('better_sqlite3.node is not unpacked')
  return problems
}
