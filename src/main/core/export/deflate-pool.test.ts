import { randomBytes } from 'node:crypto'
import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { deflateOnWorker, deflatePacked, deflatePackedHere, packTexts } from './deflate-pool'
import { assembleZip, readZip } from './zip'

/** Text that deflates well, text that does not, empty and tiny entries, and non-ASCII. */
function sample(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [
    { name: 'empty.txt', text: '' },
    { name: 'tiny.txt', text: 'a' },
    { name: 'noise.txt', text: randomBytes(3000).toString('latin1') },
    { name: 'ünïcode — 😀.txt', text: 'Переговоры в Стамбуле 😀 '.repeat(500) },
  ]
  for (let i = 0; i < 400; i++) out.push({ name: `sources/${i}.txt`, text: `Paragraph ${i} of the talks. `.repeat(100 + (i % 50)) })
  return out
}

describe('deflate pool', () => {
  it('packs texts as UTF-8 one after another', () => {
    const packed = packTexts([
      { name: 'a', text: 'é' },
      { name: 'b', text: '' },
      { name: 'c', text: 'xyz' },
    ])
    expect([...packed.offsets]).toEqual([0, 2, 2, 5])
    expect(packed.data.toString('utf8')).toBe('éxyz')
  })

  it('the worker gives the same entries, byte for byte, as deflating on this thread', async () => {
    const packed = packTexts(sample())
    expect(packed.data.length).toBeGreaterThan(1 << 20) // large enough that deflatePacked uses the worker too
    const here = deflatePackedHere(packed)
    const worker = await deflateOnWorker(packed)
    expect(worker.map((e) => e.name)).toEqual(here.map((e) => e.name))
    expect(worker.map((e) => [e.size, e.crc])).toEqual(here.map((e) => [e.size, e.crc]))
    for (const [i, e] of worker.entries()) expect(e.body.equals((here[i] as typeof e).body), e.name).toBe(true)
    expect(assembleZip(worker).equals(assembleZip(here))).toBe(true)
    expect(assembleZip(await deflatePacked(packed)).equals(assembleZip(here))).toBe(true)
  })

  it('writes archives that read back to the original texts', async () => {
    const texts = sample()
    const entries = await deflatePacked(packTexts(texts))
    const back = readZip(assembleZip(entries), (d) => inflateRawSync(d))
    expect(back.map((e) => [e.name, e.data.toString('utf8')])).toEqual(texts.map((t) => [t.name, t.text]))
  })
})
