import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { ParleyError } from '../errors'
import type { WritableDB } from '../db/types'
import { openNotebook, type Notebook } from '../notebook'
import { LOCK } from './lock'
import { MANIFEST } from './manifest'
import { addArticle, addNote, highlight } from './testkit'
import { exportVault } from './vault'

const tempDir = useTempDir()

function notebook(dir: string): Notebook<WritableDB> {
  const nb = openNotebook(join(dir, 'n.parley'))
  for (let i = 0; i < 30; i++) {
    const a = addArticle(nb.db, `a${i}.txt`, ARTICLE.replace('park', `park ${i}`))
    highlight(nb.db, a, 'public park', 1)
  }
  addNote(nb.db, 'A note', {})
  return nb
}

const failure = (p: Promise<unknown>): Promise<ParleyError | null> =>
  p.then(
    () => null,
    (e: unknown) => e as ParleyError,
  )

/** Every file of a folder with its bytes, the lock excluded (it must be gone anyway). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string, prefix: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`)
      else out.set(`${prefix}${e.name}`, readFileSync(join(d, e.name)).toString('base64'))
  }
  walk(dir, '')
  return out
}

describe('export lock', () => {
  it('two exports into the same folder at once: the second is refused at once, the first finishes as a clean export would', async () => {
    const dir = tempDir()
    const nb = notebook(dir)
    const out = join(dir, 'vault')
    const first = exportVault(nb.db, out)
    const second = await failure(exportVault(nb.db, out))
    expect(second).toBeInstanceOf(ParleyError)
    expect(second?.code).toBe('export_busy')
    expect(second?.message).toContain(out)
    expect(second?.message).toMatch(/Another export into .* is running/)
    const done = await first
    expect(done.conflicts).toEqual([])
    expect(existsSync(join(out, LOCK))).toBe(false)
    // Another folder is not locked meanwhile, and the locked one is free again afterwards.
    await exportVault(nb.db, join(dir, 'clean'))
    expect(snapshot(out)).toEqual(snapshot(join(dir, 'clean')))
    const again = await exportVault(nb.db, out)
    expect(again.unchanged).toBe(done.files)
    expect(again.conflicts).toEqual([])
    nb.close()
  })

  it('many at once: exactly one runs, the others are refused, and nothing is interleaved', async () => {
    const dir = tempDir()
    const nb = notebook(dir)
    const out = join(dir, 'vault')
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => exportVault(nb.db, out)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
      expect((r.reason as ParleyError).code).toBe('export_busy')
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: Record<string, string>; unfinished?: unknown }
    expect(manifest.unfinished).toBeUndefined()
    expect(readdirSync(out).filter((f) => f.endsWith('.parley-tmp') || f === LOCK)).toEqual([])
    nb.close()
  })

  it('holds against another process: refused while it runs, taken over once it is gone', async () => {
    const dir = tempDir()
    const nb = notebook(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    const before = snapshot(out)
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    try {
      const pid = other.pid as number
      writeFileSync(join(out, LOCK), JSON.stringify({ pid, host: hostname(), token: 'abcdef', started: new Date().toISOString() }))
      addNote(nb.db, 'Written meanwhile', {})
      const refused = await failure(exportVault(nb.db, out))
      expect(refused?.code).toBe('export_busy')
      expect(refused?.message).toContain(`process ${pid}`)
      expect(refused?.message).toContain(join(out, LOCK))
      // Nothing was touched: the folder is as the last export left it, plus the other process's lock.
      const now = snapshot(out)
      now.delete(LOCK)
      expect(now).toEqual(before)
    } finally {
      other.kill('SIGKILL')
      await new Promise((resolve) => other.once('exit', resolve))
    }
    // The process is gone (as after a killed export): its lock is stale and taken over.
    const done = await exportVault(nb.db, out)
    expect(done.written.some((f) => f.startsWith('notes/written-meanwhile'))).toBe(true)
    expect(existsSync(join(out, LOCK))).toBe(false)
    nb.close()
  })

  it('a lock written on another machine (a shared folder) is respected, not taken over', async () => {
    const dir = tempDir()
    const nb = notebook(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    writeFileSync(join(out, LOCK), JSON.stringify({ pid: 1, host: `not-${hostname()}`, token: 'abcdef', started: '' }))
    const refused = await failure(exportVault(nb.db, out))
    expect(refused?.code).toBe('export_busy')
    expect(refused?.message).toContain(`on not-${hostname()}`)
    nb.close()
  })
})
