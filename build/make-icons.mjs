// Draws Parley's icon and writes every format electron-builder needs, with Node alone (no network,
// no ImageMagick): build/icon.png (1024), build/icons/NxN.png (Linux), build/icon.ico (Windows,
// PNG-compressed entries), build/icon.icns (macOS, PNG-compressed entries).
// Run: node build/make-icons.mjs   — the output is committed; CI never runs this.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))

// ---- PNG encoding -------------------------------------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// ---- Drawing: shapes in a unit square, 4x4 supersampling ---------------------------------------
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1
}
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255]

// Back to front: tile, two facing columns (two accounts of one event), lines of text, a highlight
// stroke across both columns (the same passage marked in each).
const layers = [
  { hit: roundRect(0.06, 0.06, 0.94, 0.94, 0.2), color: (x, y) => mix(hex('#1f4e5f'), hex('#12303b'), (x + y) / 2) },
  { hit: roundRect(0.17, 0.2, 0.48, 0.8, 0.05), color: () => hex('#f6f3ea') },
  { hit: roundRect(0.52, 0.2, 0.83, 0.8, 0.05), color: () => hex('#f6f3ea') },
  ...[0.3, 0.38, 0.54, 0.62, 0.7].flatMap((y) => [
    { hit: roundRect(0.22, y, 0.43, y + 0.03, 0.012), color: () => hex('#9aa7ad') },
    { hit: roundRect(0.57, y, 0.78, y + 0.03, 0.012), color: () => hex('#9aa7ad') },
  ]),
  { hit: roundRect(0.2, 0.445, 0.45, 0.5, 0.015), color: () => hex('#f2b33d') },
  { hit: roundRect(0.55, 0.445, 0.8, 0.5, 0.015), color: () => hex('#f2b33d') },
]
function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t))
}

function draw(size) {
  const ss = 4
  const out = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0]
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size
          const y = (py + (sy + 0.5) / ss) / size
          let c = [0, 0, 0, 0]
          for (const layer of layers) if (layer.hit(x, y)) c = layer.color(x, y)
          // premultiplied accumulation
          acc[0] += (c[0] * c[3]) / 255
          acc[1] += (c[1] * c[3]) / 255
          acc[2] += (c[2] * c[3]) / 255
          acc[3] += c[3]
        }
      }
      const n = ss * ss
      const a = acc[3] / n
      const o = (py * size + px) * 4
      out[o] = a ? Math.round((acc[0] / n) * (255 / a)) : 0
      out[o + 1] = a ? Math.round((acc[1] / n) * (255 / a)) : 0
      out[o + 2] = a ? Math.round((acc[2] / n) * (255 / a)) : 0
      out[o + 3] = Math.round(a)
    }
  }
  return encodePng(size, out)
}

// ---- Containers -----------------------------------------------------------------------------
function ico(pngs) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // icon
  header.writeUInt16LE(pngs.length, 4)
  const dir = Buffer.alloc(16 * pngs.length)
  let offset = 6 + dir.length
  pngs.forEach(({ size, png }, i) => {
    const e = i * 16
    dir[e] = size >= 256 ? 0 : size
    dir[e + 1] = size >= 256 ? 0 : size
    dir.writeUInt16LE(1, e + 4) // planes
    dir.writeUInt16LE(32, e + 6) // bits per pixel
    dir.writeUInt32LE(png.length, e + 8)
    dir.writeUInt32LE(offset, e + 12)
    offset += png.length
  })
  return Buffer.concat([header, dir, ...pngs.map((p) => p.png)])
}

function icns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const png = Object.fromEntries(sizes.map((s) => [s, draw(s)]))

mkdirSync(join(here, 'icons'), { recursive: true })
writeFileSync(join(here, 'icon.png'), png[1024])
for (const s of [16, 24, 32, 48, 64, 128, 256, 512]) writeFileSync(join(here, 'icons', `${s}x${s}.png`), png[s])
writeFileSync(join(here, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png[size] }))))
writeFileSync(
  join(here, 'icon.icns'),
  icns([
    { type: 'icp4', png: png[16] },
    { type: 'icp5', png: png[32] },
    { type: 'icp6', png: png[64] },
    { type: 'ic07', png: png[128] },
    { type: 'ic08', png: png[256] },
    { type: 'ic09', png: png[512] },
    { type: 'ic10', png: png[1024] },
    { type: 'ic11', png: png[32] },
    { type: 'ic12', png: png[64] },
    { type: 'ic13', png: png[256] },
    { type: 'ic14', png: png[512] },
  ]),
)
console.log('wrote build/icon.png, build/icons/*.png, build/icon.ico, build/icon.icns')
