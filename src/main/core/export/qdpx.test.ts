import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { guid } from './qdpx'

/** The GUID layout written out byte by byte (UUID v5 over SHA-1): what every earlier export wrote. */
function referenceGuid(kind: string, id: number | string): string {
  const h = createHash('sha1').update(`parley:${kind}:${id}`).digest()
  h[6] = ((h[6] as number) & 0x0f) | 0x50
  h[8] = ((h[8] as number) & 0x3f) | 0x80
  const hex = h.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toUpperCase()
}

describe('qdpx GUIDs', () => {
  it('are the same GUIDs as before (a re-export keeps every item’s GUID), version 5, RFC 4122 variant', () => {
    const seen = new Set<string>()
    for (const kind of ['article', 'highlight', 'coding', 'note', 'theme', 'user'])
      for (let id = 0; id < 2000; id++) {
        const g = guid(kind, id)
        expect(g).toBe(referenceGuid(kind, id))
        expect(g).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/)
        seen.add(g[19] as string)
      }
    expect(guid('user', 'parley')).toBe(referenceGuid('user', 'parley'))
    // Every variant digit occurs, so the bit arithmetic is exercised on all four.
    expect([...seen].sort()).toEqual(['8', '9', 'A', 'B'])
  })
})
