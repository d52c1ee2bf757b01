import { describe, expect, it } from 'vitest'
import { decode, decodeWindows1252 } from './decode'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0))
  let o = 0
  if (bom) {
    out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])
    o = 2
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[o + i * 2] = order === 'le' ? c & 0xff : c >> 8
    out[o + i * 2 + 1] = order === 'le' ? c >> 8 : c & 0xff
  }
  return out
}

describe('decode', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decode(enc('Déjà vu — “quoted”')).text).toBe('Déjà vu — “quoted”')
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Café')])
    expect(decode(withBom)).toMatchObject({ text: 'Café', encoding: 'utf-8' })
  })

  it('reads UTF-16 in both byte orders, with or without a BOM', () => {
    const text = 'Talks resumed in Genève – “slowly”.'
    expect(decode(utf16(text, 'le', true))).toMatchObject({ text, encoding: 'utf-16le' })
    expect(decode(utf16(text, 'be', true))).toMatchObject({ text, encoding: 'utf-16be' })
    expect(decode(utf16(text, 'le', false))).toMatchObject({ text, encoding: 'utf-16le' })
    expect(decode(utf16(text, 'be', false))).toMatchObject({ text, encoding: 'utf-16be' })
  })

  it('falls back to Windows-1252, mapping 0x80–0x9F to the right characters', () => {
    // "“Smart” quotes – and café" in Windows-1252.
    const bytes = new Uint8Array([
      0x93, 0x53, 0x6d, 0x61, 0x72, 0x74, 0x94, 0x20, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x73, 0x20, 0x96, 0x20, 0x61, 0x6e, 0x64, 0x20, 0x63,
      0x61, 0x66, 0xe9,
    ])
    expect(decode(bytes)).toMatchObject({ text: '“Smart” quotes – and café', encoding: 'windows-1252' })
    expect(decodeWindows1252(new Uint8Array([0x80, 0x85]))).toBe('€…')
  })

  it('keeps UTF-8 when only a stray byte is invalid', () => {
    const bytes = new Uint8Array([...enc('Zürich, München and Genève '), 0xff, ...enc(' agreed.')])
    expect(decode(bytes)).toMatchObject({ encoding: 'utf-8', lossy: true })
    expect(decode(bytes).text).toContain('München')
  })

  it('refuses empty, whitespace-only and binary files with a reason', () => {
    expect(() => decode(new Uint8Array())).toThrow(/empty/)
    expect(() => decode(enc(' \n\t\n'))).toThrow(/no text/)
    expect(() => decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]))).toThrow(/PNG image/)
    expect(() => decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/ZIP archive/)
    expect(() => decode(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toThrow(/executable/)
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256)
    expect(() => decode(noise)).toThrow(/binary|not text/)
    expect(() => decode(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toThrow(/UTF-32/)
  })

  it('normalises line endings, strips control characters and NULs, and repairs lone surrogates', () => {
    expect(decode(enc('a\r\nb\rc\u0000d\u0007e')).text).toBe('a\nb\ncde')
    const lone = utf16('ok \uD800 end', 'le', true)
    expect(decode(lone).text).toBe('ok \uFFFD end')
  })

  // Single-byte code pages built from Node's own decoder, read backwards.
  const encodeIn = (label: string, text: string): Uint8Array => {
    const table = new Map<string, number>()
    const decoder = new TextDecoder(label)
    for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b)
    return new Uint8Array([...text].map((ch) => table.get(ch) ?? 0x3f))
  }
  const RUSSIAN = 'Переговоры делегаций продолжились во вторник в столице, сообщили обе стороны. Речь шла о дипломатах и зданиях.'

  it('reads the charset a page declares (meta charset, http-equiv, XML declaration)', () => {
    const page = (head: string, body: Uint8Array): Uint8Array =>
      new Uint8Array([...enc(`<html><head>${head}</head><body><p>`), ...body, ...enc('</p></body></html>')])
    const cyr = decode(page('<meta charset="windows-1251">', encodeIn('windows-1251', RUSSIAN)))
    expect(cyr.encoding).toBe('windows-1251')
    expect(cyr.text).toContain(RUSSIAN)
    const gbk = decode(
      page(
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
        new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xd0, 0xc2, 0xce, 0xc5]),
      ),
    )
    expect(gbk.text).toContain('中文新闻')
    const sjis = decode(new Uint8Array([...enc('<?xml version="1.0" encoding="Shift_JIS"?><p>'), 0x93, 0xfa, 0x96, 0x7b, ...enc('</p>')]))
    expect(sjis).toMatchObject({ encoding: 'shift_jis' })
    expect(sjis.text).toContain('日本')
  })

  it('tells undeclared Russian text in windows-1251 or KOI8-R from Western text in Windows-1252', () => {
    expect(decode(encodeIn('windows-1251', RUSSIAN))).toMatchObject({ text: RUSSIAN, encoding: 'windows-1251' })
    expect(decode(encodeIn('koi8-r', RUSSIAN))).toMatchObject({ text: RUSSIAN, encoding: 'koi8-r' })
    const french = 'Les négociations ont repris à Genève mardi ; les délégués étaient prêts à déjeuner.'
    expect(decode(encodeIn('windows-1252', french))).toMatchObject({ text: french, encoding: 'windows-1252' })
  })
})
