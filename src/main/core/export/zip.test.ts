import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { assembleZip, prepareEntry, readZip, writeZip, type ZipEntry } from './zip'

const entries = (): ZipEntry[] => [
  { name: 'project.qde', data: Buffer.from('<?xml version="1.0" encoding="utf-8"?>\n<Project/>\n'.repeat(40)) },
  { name: 'sources/empty.txt', data: Buffer.alloc(0) },
  { name: 'sources/tiny.txt', data: Buffer.from('a') },
  { name: 'sources/ünïcode — 😀.txt', data: Buffer.from('Переговоры 😀 '.repeat(300)) },
  { name: 'sources/noise.bin', data: Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)) },
]

const hasUnzip = spawnSync('unzip', ['-v']).status === 0
const dir = mkdtempSync(join(tmpdir(), 'parley-zip-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('zip', () => {
  it('reads back to the same names and bytes, checksums included', () => {
    const back = readZip(writeZip(entries()), (d) => inflateRawSync(d))
    expect(back.map((e) => [e.name, e.data.toString('hex')])).toEqual(entries().map((e) => [e.name, e.data.toString('hex')]))
  })

  it('gives the same bytes for the same entries (a fixed timestamp), whether prepared apart or in line', () => {
    const a = writeZip(entries())
    expect(assembleZip(entries().map(prepareEntry)).equals(a)).toBe(true)
    // 1980-01-01 00:00 as DOS time and date in the first local header.
    expect([a.readUInt16LE(10), a.readUInt16LE(12)]).toEqual([0, (1 << 5) | 1])
  })

  it('deflates every entry, even one that deflating does not shrink (a data descriptor follows each entry)', () => {
    const zip = writeZip(entries())
    let at = 0
    for (const e of entries()) {
      expect(zip.readUInt32LE(at), e.name).toBe(0x04034b50)
      expect(zip.readUInt16LE(at + 8), e.name).toBe(8)
      const body = prepareEntry(e).body.length
      at += 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28) + body + 16
    }
    expect(zip.readUInt32LE(at)).toBe(0x02014b50)
  })

  it.skipIf(!hasUnzip)('is accepted by unzip -t (Info-ZIP), which checks every CRC', () => {
    const file = join(dir, 'test.zip')
    writeFileSync(file, writeZip(entries()))
    const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' })
    expect(out).toMatch(/No errors detected/)
    // One OK per entry (how unzip prints the UTF-8 name depends on the locale; readZip checks names).
    expect(out.match(/^\s+testing: .+OK$/gm)).toHaveLength(entries().length)
  })

  it('refuses more entries than a ZIP without ZIP64 can count', () => {
    const one = prepareEntry({ name: 'a', data: Buffer.from('a') })
    expect(() => assembleZip(new Array<typeof one>(0x10000).fill(one))).toThrow(/65,535 entries/)
  })
})
