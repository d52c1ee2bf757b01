import { errors, type ParleyError } from '../errors'

export interface Decoded {
  text: string
  /** The WHATWG name of the encoding read: utf-8, utf-16le/be, windows-1252, or one a page declared (windows-1251, gb18030, shift_jis…). */
  encoding: string
  /** True when invalid bytes were replaced with U+FFFD. */
  lossy: boolean
}

export const refused = (message: string): ParleyError => errors.unreadable_file(message)

// Magic numbers of formats people most often mis-save as .txt/.html; named so the reason is useful.
const SIGNATURES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or a Word/EPUB file)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['an executable program', [0x7f, 0x45, 0x4c, 0x46]],
  ['an executable program', [0x4d, 0x5a]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['an old Word/Excel document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a RIFF media file', [0x52, 0x49, 0x46, 0x46]],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
]

// Windows-1252's 0x80–0x9F block. Node 20's TextDecoder maps these to C1 controls (nodejs/node#56542),
// so the table is ours; the rest of the code page equals Latin-1.
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd, 0xfffd,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
]

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  const chunk: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    chunk.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b)
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk)
      chunk.length = 0
    }
  }
  return out + String.fromCharCode(...chunk)
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b)
}

/** Guesses UTF-16 without a BOM from where the zero bytes fall in ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be'
  return null
}

function decodeUtf16(bytes: Uint8Array, order: 'utf-16le' | 'utf-16be'): string {
  const even = bytes.subarray(0, bytes.length & ~1)
  if (order === 'utf-16le') return new TextDecoder('utf-16le').decode(even)
  const swapped = new Uint8Array(even.length)
  for (let i = 0; i < even.length; i += 2) {
    swapped[i] = even[i + 1] as number
    swapped[i + 1] = even[i] as number
  }
  return new TextDecoder('utf-16le').decode(swapped)
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes, to tell "UTF-8 with a few bad bytes" from legacy text. */
function utf8Evidence(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0
  let invalid = 0
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need === 0) {
      i++
      continue
    }
    if (need < 0) {
      invalid++
      i++
      continue
    }
    let ok = i + need < bytes.length
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80
    if (ok) {
      multibyte++
      i += need + 1
    } else {
      invalid++
      i++
    }
  }
  return { multibyte, invalid }
}

/**
 * Bytes → text. Order: BOM, binary signatures, UTF-16 sniffing, strict UTF-8, UTF-8 with a few
 * bad bytes, then Windows-1252. Binary and empty files are refused with a reason a user can act on.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw refused('The file is empty.')
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw refused('The file is UTF-32 text, which Parley does not read. Save it as UTF-8 and import it again.')
  }

  let decoded: Decoded
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    decoded = decodeUtf8(bytes.subarray(3))
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: decodeUtf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', lossy: false }
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: decodeUtf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', lossy: false }
  } else {
    const signature = SIGNATURES.find(([, sig]) => startsWith(bytes, sig))
    if (signature) throw refused(`The file is ${signature[0]}, not text.`)
    const utf16 = sniffUtf16(bytes)
    decoded = utf16 ? { text: decodeUtf16(bytes, utf16), encoding: utf16, lossy: false } : decodeUtf8(bytes)
  }

  if (looksBinary(decoded.text)) throw refused('The file looks like binary data, not text.')
  const text = normalizeText(decoded.text)
  if (text.trim() === '') throw refused('The file has no text in it.')
  return { ...decoded, text }
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', lossy: false }
  } catch {
    const declared = declaredCharset(bytes)
    const { multibyte, invalid } = utf8Evidence(bytes)
    // Mostly valid UTF-8 with stray bad bytes (and no other charset declared): keep UTF-8 rather than turn every accent into mojibake.
    if ((!declared || declared === 'utf-8') && multibyte >= 2 && invalid <= multibyte) {
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', lossy: true }
    }
    return decodeLegacy(bytes)
  }
}

/**
 * The charset a page declares in its first bytes (`<meta charset>`, `<meta http-equiv>`, an XML
 * declaration), as a WHATWG encoding name Node's TextDecoder knows, or null.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 4096))
  const label =
    /<meta[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1] ?? /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.-]+)/i.exec(head)?.[1]
  if (!label) return null
  try {
    return new TextDecoder(label).encoding
  } catch {
    return null
  }
}

/**
 * Bytes that are not UTF-8: the charset the page declares, else Cyrillic in windows-1251 or KOI8-R
 * when the bytes look like it (words made of high bytes), else Windows-1252.
 */
function decodeLegacy(bytes: Uint8Array): Decoded {
  const declared = declaredCharset(bytes)
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) {
    if (declared === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: declared, lossy: false }
    const text = new TextDecoder(declared).decode(bytes)
    return { text, encoding: declared, lossy: text.includes('\uFFFD') }
  }
  const cyrillic = cyrillicCodePage(bytes)
  if (cyrillic) return { text: new TextDecoder(cyrillic).decode(bytes), encoding: cyrillic, lossy: false }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', lossy: false }
}

/**
 * In Western text saved as Windows-1252, bytes of 0xC0 and above are accented letters standing
 * alone inside ASCII words; in Russian, Ukrainian or Bulgarian text they are whole words. Which
 * half holds the lower case tells windows-1251 (0xE0–0xFF) from KOI8-R (0xC0–0xDF).
 */
function cyrillicCodePage(bytes: Uint8Array): 'windows-1251' | 'koi8-r' | null {
  const n = Math.min(bytes.length, 65536)
  let high = 0
  let inRuns = 0
  let upperHalf = 0
  let asciiLetters = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) asciiLetters++
    if (b < 0xc0) continue
    high++
    if (b >= 0xe0) upperHalf++
    const prev = i > 0 ? (bytes[i - 1] as number) : 0
    const next = i + 1 < n ? (bytes[i + 1] as number) : 0
    if (prev >= 0xc0 && next >= 0xc0) inRuns++
  }
  if (high < 20 || high < asciiLetters * 0.5 || inRuns < high * 0.4) return null
  return upperHalf >= high / 2 ? 'windows-1251' : 'koi8-r'
}

/** NULs and other control characters in quantity mean this is not a text document. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536)
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++
  }
  return control > Math.max(8, sample.length * 0.05)
}

/** One newline style, no control characters, no lone surrogates, NFC. */
export function normalizeText(text: string): string {
  // Each pass is skipped when a scan finds nothing to change: on a 1 MB page the copies cost more than the checks.
  let out = text.replace(/^\uFEFF/, '')
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n')
  // One scan for both kinds of character removed below: most texts have neither.
  const removable = REMOVABLE.test(out)
  if (removable && CONTROL.test(out)) out = out.replace(CONTROL_ALL, '')
  // Lone surrogates become U+FFFD.
  if (!out.isWellFormed()) out = out.toWellFormed()
  if (removable && NONCHARACTER.test(out)) out = out.replace(/[\uFFFE\uFFFF]/g, '')
  return out.normalize('NFC')
}
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const CONTROL_ALL = new RegExp(CONTROL.source, 'g')
const NONCHARACTER = /[\uFFFE\uFFFF]/
/** CONTROL or NONCHARACTER. */
const REMOVABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/
