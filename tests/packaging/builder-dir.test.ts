/**
 * Packaging check 2: run the real electron-builder (`--linux dir`) offline, with a stand-in for the
 * Electron binary (electronDist) and no native rebuild, into a temp folder; then read the produced
 * app.asar and the fuse wire electron-builder flipped in the stand-in.
 *
 * What this proves: the files/asarUnpack config as electron-builder applies it (including its
 * production-dependency collector), the app layout, and that electronFuses is applied. What it cannot
 * prove: that the app starts (the binary is a stand-in) or that better_sqlite3.node matches Electron's
 * ABI (the rebuild needs Electron's headers from the network; the release workflow does it).
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  archiveProblems,
  builderConfig,
  electronVersion,
  ensureBuilt,
  FUSE_ORDER,
  listAsar,
  makeStubElectronDist,
  packagedModules,
  readFuses,
  root,
  RUNTIME_MODULES,
  type AsarEntry,
} from './packaging'

const run = promisify(execFile)

let work = ''
let appDir = ''
let entries: AsarEntry[] = []
let log = ''

function sizeOf(path: string): number {
  const s = statSync(path)
  if (!s.isDirectory()) return s.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

beforeAll(async () => {
  ensureBuilt()
  work = mkdtempSync(join(tmpdir(), 'parley-builder-'))
  const stub = makeStubElectronDist(join(work, 'electron-dist'))
  const output = join(work, 'dist')
  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js')
  const result = await run(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      '-c.npmRebuild=false',
      `-c.electronDist=${stub}`,
      `-c.electronVersion=${electronVersion()}`,
      `-c.directories.output=${output}`,
    ],
    {
      cwd: root,
      // No toolset download is needed for `dir`; keep any cache out of the home folder and the repo.
      env: { ...process.env, ELECTRON_BUILDER_CACHE: join(work, 'cache'), CI: 'true', GH_TOKEN: '' },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 120_000,
    },
  )
  log = `${result.stdout}\n${result.stderr}`
  appDir = join(output, 'linux-unpacked')
  entries = await listAsar(join(appDir, 'resources', 'app.asar'))
}, 150_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('electron-builder --linux dir with a stand-in Electron', () => {
  it('writes the app layout: renamed executable, app.asar, unpacked native module, seeds', () => {
    expect(existsSync(join(appDir, 'parley')), log).toBe(true)
    expect(existsSync(join(appDir, 'resources', 'app.asar'))).toBe(true)
    expect(
      existsSync(
        join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      ),
    ).toBe(true)
    expect(readdirSync(join(appDir, 'resources', 'seeds')).length).toBeGreaterThan(0)
  })

  it('packages only the built app and the runtime dependencies', () => {
    expect(archiveProblems(entries)).toEqual([])
    expect(packagedModules(entries)).toEqual([...RUNTIME_MODULES].sort())
    const asarBytes = sizeOf(join(appDir, 'resources', 'app.asar'))
    const unpackedBytes = sizeOf(join(appDir, 'resources', 'app.asar.unpacked'))
    console.info(
      `[packaging] electron-builder dir: app.asar ${entries.length} entries, ${(asarBytes / 1e6).toFixed(2)} MB; ` +
        `app.asar.unpacked ${(unpackedBytes / 1e6).toFixed(2)} MB`,
    )
    // The renderer bundle is about 1 MB; anything far above means something unexpected got in.
    expect(asarBytes).toBeLessThan(8e6)
  })

  it('flips the Electron fuses the security checklist asks for', () => {
    const fuses = readFuses(join(appDir, 'parley'))
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
    // and the config says so for every fuse, so none is left to Electron's default
    expect(Object.keys(builderConfig().electronFuses).sort()).toEqual([...FUSE_ORDER].sort())
  })
})
