import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

/** CIELAB (D65) of an sRGB #rrggbb, for colour differences as the eye sees them. */
function lab(hex: string): [number, number, number] {
  const lin = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const [r, g, b] = lin
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116)) as [number, number, number]
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])]
}

/** The same colour as a reader with deuteranopia sees it (Viénot, Brettel & Mollon 1999, on linear RGB). */
function deuteranope(hex: string): string {
  const lin = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const [r, g, b] = lin
  const sim = [0.29275 * r + 0.70725 * g, 0.29275 * r + 0.70725 * g, -0.02234 * r + 0.02234 * g + b]
  return `#${sim
    .map((c) => Math.round(255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * Math.max(0, c) ** (1 / 2.4) - 0.055)))
    .map((v) => Math.min(255, Math.max(0, v)).toString(16).padStart(2, '0'))
    .join('')}`
}

const deltaE = (a: string, b: string): number => Math.hypot(...lab(a).map((v, i) => v - (lab(b)[i] as number)))

describe('theme colours', () => {
  it('a new notebook: the seeds and the next three new themes are six different colours, far apart also for a deuteranope', async () => {
    const nb = openNotebook(join(tempDir(), 'n.parley'))
    const h = nb.handlers
    for (const name of ['Sanctions', 'Consular services', 'Air links']) await h['themes.create']({ name })
    const colours = (await h['themes.list']({})).map((t) => t.color)
    nb.close()
    expect(colours).toEqual(['#c98a00', '#009e73', '#aa4499', '#cc3311', '#767676', '#9c755f'])
    const pairs = colours.flatMap((a, i) => colours.slice(i + 1).map((b) => [a, b] as const))
    // Normal vision: every pair clearly apart (ΔE76 ≥ 20).
    for (const [a, b] of pairs) expect(deltaE(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(20)
    // Deuteranopia (the commonest): still apart (ΔE76 ≥ 10 between the simulated colours).
    for (const [a, b] of pairs) expect(deltaE(deuteranope(a), deuteranope(b)), `${a} vs ${b} (deuteranope)`).toBeGreaterThanOrEqual(10)
  })
})
