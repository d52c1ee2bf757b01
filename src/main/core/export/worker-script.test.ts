import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { WORKER_ENTRIES } from '../../../../scripts/workers.mjs'
import { workerScript, WORKER_DIR_ENV } from './worker-script'
import { createWriteSink } from './write-pool'

const tempDir = useTempDir()
const root = join(__dirname, '..', '..', '..', '..')

describe('export workers as bundled entries', () => {
  it('under vitest, the entries are built from the sources and found (so the worker tests run on a real worker)', () => {
    expect(process.env[WORKER_DIR_ENV]).toBeTruthy()
    expect(workerScript('export-write-worker')).toMatch(/export-write-worker\.js$/)
    expect(workerScript('export-deflate-worker')).toMatch(/export-deflate-worker\.js$/)
    const sink = createWriteSink({ durable: false })
    expect(sink.threaded).toBe(true)
    sink.close()
    expect(createWriteSink({ durable: false, inProcess: true }).threaded).toBe(false)
  })

  it('without a bundle the export writes on this thread', async () => {
    const saved = process.env[WORKER_DIR_ENV]
    process.env[WORKER_DIR_ENV] = tempDir()
    try {
      // From sources (src/main/core/export) there is no <name>.js beside this module.
      expect(workerScript('export-write-worker')).toBeNull()
      const dir = tempDir()
      const sink = createWriteSink({ durable: true })
      expect(sink.threaded).toBe(false)
      sink.write([{ file: join(dir, 'a.md'), tmp: join(dir, '.a.tmp'), data: Buffer.from('a') }])
      await sink.drain()
      expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('a')
    } finally {
      process.env[WORKER_DIR_ENV] = saved
    }
  })

  it('the app build bundles the same entries, and no worker runs source text (no eval: true)', () => {
    const config = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')
    for (const [name, src] of Object.entries(WORKER_ENTRIES)) expect(config).toContain(`'${name}': resolve(__dirname, '${src}')`)
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    const sources = walk(join(root, 'src')).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    expect(sources.filter((f) => /eval:\s*true/.test(readFileSync(f, 'utf8')))).toEqual([])
  })

  it('a worker script that fails to load: the files posted to it are written on this thread', async () => {
    const saved = process.env[WORKER_DIR_ENV]
    const broken = tempDir()
    writeFileSync(join(broken, 'export-write-worker.js'), "throw new Error('a broken build')\n")
    process.env[WORKER_DIR_ENV] = broken
    try {
      const dir = tempDir()
      let written = 0
      const sink = createWriteSink({ durable: true, onWritten: () => written++ })
      const items = Array.from({ length: 50 }, (_, i) => ({
        file: join(dir, `f${i}.md`),
        tmp: join(dir, `.f${i}.tmp`),
        data: Buffer.from(`file ${i}`),
      }))
      sink.write(items.slice(0, 20))
      await new Promise((resolve) => setTimeout(resolve, 200))
      sink.write(items.slice(20))
      await sink.drain()
      sink.close()
      expect([sink.threaded, sink.written, written]).toEqual([false, 50, 50])
      for (const item of items) expect(readFileSync(item.file, 'utf8')).toBe(item.data.toString())
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    } finally {
      process.env[WORKER_DIR_ENV] = saved
    }
  })
})
