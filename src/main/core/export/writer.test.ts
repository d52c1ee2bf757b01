import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { MANIFEST, VaultWriter, writeVault, type ManifestData } from './manifest'

const tempDir = useTempDir()
/** The notebook's manifest key, as exportVault reads it from migration 011's table. */
const key = Buffer.alloc(32, 7)
const files = (entries: Record<string, string>): Map<string, Buffer> =>
  new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]))
const manifest = (dir: string): ManifestData => JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as ManifestData

describe('vault writer in batches', () => {
  it('announces each batch before writing it: an export stopped after its first batch leaves files the next one knows as its own', async () => {
    const dir = join(tempDir(), 'vault')
    await writeVault(dir, files({ 'notes/kept.md': 'kept v1' }), { key })
    // On this thread, so the batch is on disk when add returns; then stopped (killed): no finish.
    const writer = new VaultWriter(dir, { key, total: 3, inProcess: true })
    await writer.add(files({ 'articles/a.md': 'a v1', 'notes/kept.md': 'kept v2' }))
    writer.close()
    expect(readFileSync(join(dir, 'articles', 'a.md'), 'utf8')).toBe('a v1')
    // The manifest still lists only finished files, plus what is under way.
    const m = manifest(dir)
    expect(Object.keys(m.files)).toEqual(['notes/kept.md'])
    expect(Object.keys(m.unfinished ?? {}).sort()).toEqual(['articles/a.md', 'notes/kept.md'])
    // The next export no longer has article a: Parley's file is removed, the updated note is no conflict.
    const next = await writeVault(dir, files({ 'notes/kept.md': 'kept v3', 'rounds/r.md': 'r' }), { key })
    expect(next.conflicts).toEqual([])
    expect(next.removed).toEqual(['articles/a.md'])
    expect(next.updated).toEqual(['notes/kept.md'])
    expect(existsSync(join(dir, 'articles', 'a.md'))).toBe(false)
    expect(manifest(dir).unfinished).toBeUndefined()
    expect(Object.keys(manifest(dir).files).sort()).toEqual(['notes/kept.md', 'rounds/r.md'])
  })

  it('a later batch sees the disk as it was: a user-edited file gets its new version beside it; progress counts every file once', async () => {
    const dir = join(tempDir(), 'vault')
    await writeVault(dir, files({ 'articles/a.md': 'a v1', 'comparison.md': 'c v1' }), { key })
    writeFileSync(join(dir, 'comparison.md'), 'edited by the user')
    const events: Array<[number, number]> = []
    const writer = new VaultWriter(dir, { key, total: 3, onProgress: (done, total) => events.push([done, total]) })
    await writer.add(files({ 'articles/a.md': 'a v2', 'articles/b.md': 'b' }))
    await writer.add(files({ 'comparison.md': 'c v2' }))
    const report = await writer.finish()
    writer.close()
    expect(report.updated).toEqual(['articles/a.md'])
    expect(report.written).toEqual(['articles/b.md'])
    expect(report.conflicts).toEqual([{ file: 'comparison.md', newVersion: 'comparison.parley-new.md', reason: 'edited' }])
    expect(readFileSync(join(dir, 'comparison.md'), 'utf8')).toBe('edited by the user')
    expect(readFileSync(join(dir, 'comparison.parley-new.md'), 'utf8')).toBe('c v2')
    expect(events).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ])
    expect(readdirSync(dir).filter((f) => f.endsWith('.parley-tmp'))).toEqual([])
  })

  it('refuses a path given in two batches', async () => {
    const dir = join(tempDir(), 'vault')
    const writer = new VaultWriter(dir, { key, total: 2 })
    await writer.add(files({ 'a.md': '1' }))
    await expect(writer.add(files({ 'a.md': '2' }))).rejects.toThrow(/given twice/)
    writer.close()
  })
})
