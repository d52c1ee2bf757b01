import { crc32 as zlibCrc32, deflateRawSync } from 'node:zlib'

/**
 * A minimal ZIP writer (PKWARE APPNOTE 4.5): deflated entries, UTF-8 names (flag bit 11), a fixed
 * timestamp so the same content always gives the same bytes. No ZIP64: refuses more than 4 GB.
 *
 *   writeZip([{ name: 'project.qde', data: Buffer.from(xml) }]) // Buffer
 */
export interface ZipEntry {
  name: string
  data: Buffer
}

/** CRC-32 as ZIP stores it (zlib's, Node ≥ 20.15; the engines field asks for 20.19). */
export const crc32 = (data: Uint8Array): number => zlibCrc32(data)

// 1980-01-01 00:00 in DOS format: reproducible archives.
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1

/** An entry compressed and checksummed, ready to be placed in an archive. */
export interface PreparedEntry {
  name: string
  size: number
  crc: number
  /** Deflated bytes, or the data itself when deflating would not make it smaller. */
  body: Buffer
  stored: boolean
}

// Level 1: within 4% of level 6's size on article text at about half the time (the export's budget).
export const DEFLATE_LEVEL = 1

const prepared = (entry: ZipEntry, deflated: Buffer): PreparedEntry => {
  const stored = deflated.length >= entry.data.length
  return { name: entry.name, size: entry.data.length, crc: crc32(entry.data), body: stored ? entry.data : deflated, stored }
}

export const prepareEntry = (entry: ZipEntry): PreparedEntry => prepared(entry, deflateRawSync(entry.data, { level: DEFLATE_LEVEL }))

export function writeZip(entries: ZipEntry[]): Buffer {
  return assembleZip(entries.map(prepareEntry))
}

export function assembleZip(entries: PreparedEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const { body, stored, crc } = entry
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8)
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(entry.size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4) // version made by
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(stored ? 0 : 8, 10)
    central.writeUInt16LE(DOS_TIME, 12)
    central.writeUInt16LE(DOS_DATE, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(entry.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
    if (offset > 0xffffffff) throw new Error('The archive would be larger than 4 GB.')
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...centrals, end])
}

/** Reads back what writeZip wrote (and any plain deflate/store archive without ZIP64): for tests and checks. */
export function readZip(zip: Buffer, inflate: (data: Buffer) => Buffer): ZipEntry[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (endAt < 0) throw new Error('Not a ZIP archive.')
  const count = zip.readUInt16LE(endAt + 10)
  let at = zip.readUInt32LE(endAt + 16)
  const out: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('Broken central directory.')
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extra = zip.readUInt16LE(at + 30)
    const comment = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(dataAt, dataAt + size)
    const data = method === 8 ? inflate(raw) : Buffer.from(raw)
    if (crc32(data) !== crc) throw new Error(`CRC mismatch in ${name}.`)
    out.push({ name, data })
    at += 46 + nameLength + extra + comment
  }
  return out
}
