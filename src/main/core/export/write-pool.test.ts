import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { createWriteSink, type FileWrite } from './write-pool'

const tempDir = useTempDir()

function items(dir: string, n: number): FileWrite[] {
  return Array.from({ length: n }, (_, i) => {
    const folder = join(dir, i % 2 ? 'odd' : 'even')
    return { file: join(folder, `f${i}.md`), tmp: join(folder, `.f${i}.md.${i}.parley-tmp`), data: Buffer.from(`file ${i} `.repeat(i % 7)) }
  })
}

describe('export write sink', () => {
  for (const inProcess of [false, true])
    it(`${inProcess ? 'on this thread' : 'on the writer thread'}: writes every file whole, in order, and says so once per file`, async () => {
      const dir = tempDir()
      mkdirSync(join(dir, 'odd'))
      mkdirSync(join(dir, 'even'))
      let written = 0
      const sink = createWriteSink({ durable: true, inProcess, onWritten: () => written++ })
      const all = items(dir, 300)
      sink.write(all.slice(0, 100))
      sink.write(all.slice(100))
      await sink.drain()
      sink.close()
      expect(written).toBe(300)
      expect(sink.written).toBe(300)
      for (const it of all) expect(readFileSync(it.file).equals(it.data), it.file).toBe(true)
      expect([...readdirSync(join(dir, 'odd')), ...readdirSync(join(dir, 'even'))].filter((f) => f.endsWith('.parley-tmp'))).toEqual([])
    })

  it('on the writer thread: a failure stops it, reports the error code and how many files were written, and leaves no temporary file', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'even'))
    // The odd folder is missing: the second file cannot be written.
    const sink = createWriteSink({ durable: false })
    const all = items(dir, 10)
    sink.write(all)
    const error = await sink.drain().then(
      () => null,
      (e: unknown) => e as NodeJS.ErrnoException,
    )
    sink.close()
    expect(error?.code).toBe('ENOENT')
    expect(sink.written).toBe(1)
    expect(existsSync(all[0]?.file as string)).toBe(true)
    expect(existsSync(all[2]?.file as string)).toBe(false)
    expect(readdirSync(join(dir, 'even'))).toEqual(['f0.md'])
  })
})
