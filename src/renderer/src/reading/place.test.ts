import { describe, expect, it } from 'vitest'
import { intersects, placeBeside } from './place'

const line = (top: number, left: number, right: number) => ({ top, bottom: top + 20, left, right })
const boxOf = (b: { top: number; left: number; width: number; maxHeight: number }, height: number) => ({
  top: b.top,
  left: b.left,
  right: b.left + b.width,
  bottom: b.top + Math.min(height, b.maxHeight),
})

describe('a popover beside its passage', () => {
  const size = { width: 330, height: 400 }
  it('goes right of the text column when the window is wide', () => {
    const rects = [line(300, 130, 820), line(328, 100, 400)]
    const b = placeBeside(rects, { top: 0, bottom: 2000, left: 100, right: 820 }, size, { width: 1280, height: 800 })
    expect(b.left).toBe(830)
    for (const r of rects) expect(intersects(boxOf(b, 400), r)).toBe(false)
  })
  it('goes below or above, never over, when the column fills a narrow window', () => {
    for (const top of [80, 300, 620]) {
      const rects = [line(top, 40, 760), line(top + 28, 40, 500)]
      const b = placeBeside(rects, { top: 0, bottom: 3000, left: 40, right: 760 }, size, { width: 800, height: 700 })
      for (const r of rects) expect(intersects(boxOf(b, 400), r), `passage at ${top}`).toBe(false)
    }
  })
})
