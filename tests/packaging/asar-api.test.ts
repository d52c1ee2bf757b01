/**
 * Packaging check 1: build app.asar with @electron/asar's API from electron-builder.yml's own `files`
 * globs (applied in order, as electron-builder does, with the same matcher) over the project and its
 * production dependencies (from package-lock.json), then assert what is in and what is out.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { minimatch } from 'minimatch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { archiveProblems, builderConfig, ensureBuilt, listAsar, packagedModules, root, RUNTIME_MODULES, type AsarEntry } from './packaging'

/** Files under `dir`, relative to `base`, with forward slashes. */
function walk(dir: string, base: string, skip: (rel: string) => boolean): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name)
    const rel = abs.slice(base.length + 1).replaceAll('\\', '/')
    if (skip(rel)) continue
    if (statSync(abs).isDirectory()) out.push(...walk(abs, base, skip))
    else out.push(rel)
  }
  return out
}

/** electron-builder semantics: a file is in if the last pattern that matches it is not a negation. */
function selectedBy(patterns: string[], rel: string, defaultIn: boolean): boolean {
  let included = defaultIn
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!')
    if (minimatch(rel, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated
  }
  return included
}

function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }>
  }
  return Object.entries(lock.packages)
    .filter(([path, info]) => path.startsWith('node_modules/') && !info.dev && !info.devOptional)
    .map(([path]) => path)
}

let work = ''
let entries: AsarEntry[] = []
let staged: string[] = []

beforeAll(async () => {
  ensureBuilt()
  const { files, asarUnpack } = builderConfig()
  work = mkdtempSync(join(tmpdir(), 'parley-asar-'))
  const stage = join(work, 'app')
  // The app's own files: only what the positive patterns select.
  const own = walk(root, root, (rel) => /^(node_modules|\.git)(\/|$)/.test(rel)).filter((rel) => selectedBy(files, rel, false))
  // Production dependencies: in by default (as electron-builder collects them), then filtered by the negations.
  const deps = productionPackages().flatMap((pkg) =>
    walk(join(root, pkg), root, (rel) => /(^|\/)node_modules\/[^/]+\/node_modules$/.test(rel)).filter((rel) =>
      selectedBy(files, rel, true),
    ),
  )
  staged = [...own, ...deps]
  for (const rel of staged) {
    mkdirSync(dirname(join(stage, rel)), { recursive: true })
    cpSync(join(root, rel), join(stage, rel))
  }
  const asar = await import('@electron/asar')
  const archive = join(work, 'app.asar')
  await asar.createPackageWithOptions(stage, archive, { unpack: asarUnpack.map((g) => g.replace(/^\*\*\//, '')).join(',') })
  entries = await listAsar(archive)
}, 120_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('app.asar built from the electron-builder files config', () => {
  it('contains the built app and package.json, and nothing else of the project', () => {
    expect(archiveProblems(entries)).toEqual([])
    const own = entries.filter((e) => !e.path.startsWith('/node_modules')).map((e) => e.path)
    for (const path of own) expect(path, path).toMatch(/^\/(out(\/(main|preload|renderer)(\/.*)?)?|package\.json)$/)
  })

  it('carries only the runtime dependencies: no devDependency such as typescript, lexical, react or zod', () => {
    expect(packagedModules(entries)).toEqual([...RUNTIME_MODULES].sort())
    const paths = entries.map((e) => e.path)
    for (const name of [
      'typescript',
      'lexical',
      '@lexical/react',
      'react',
      'react-dom',
      'zod',
      'electron',
      'vite',
      'yjs',
      'prebuild-install',
    ])
      expect(
        paths.some((p) => p.startsWith(`/node_modules/${name}/`)),
        name,
      ).toBe(false)
  })

  it('keeps the native module outside the archive', () => {
    const native = entries.filter((e) => e.path.endsWith('.node'))
    expect(native.map((e) => e.path)).toEqual(['/node_modules/better-sqlite3/build/Release/better_sqlite3.node'])
    expect(native.every((e) => e.unpacked)).toBe(true)
    console.info(`[packaging] asar (API, from files config): ${entries.length} entries, ${staged.length} files staged`)
  })
})
