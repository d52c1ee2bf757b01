/**
 * Where a popover about a passage goes: beside the passage, never over it. First to the right of
 * the text column, then to its left, then below the passage's last line, then above its first;
 * when nothing fits whole, in the larger space below or above (the popover scrolls inside).
 *
 *   placeBeside(rects, column, { width: 330, height: 420 }, { width: innerWidth, height: innerHeight })
 */
export interface Box {
  top: number
  left: number
  width: number
  maxHeight: number
}

interface Rect {
  top: number
  bottom: number
  left: number
  right: number
}

const GAP = 10
const EDGE = 8
/** A popover this much taller than both spaces still goes below when below is roomy enough to work in. */
const MIN_HEIGHT = 220

export function placeBeside(
  rects: Rect[],
  column: Rect | null,
  size: { width: number; height: number },
  view: { width: number; height: number },
): Box {
  const width = Math.min(size.width, view.width - 2 * EDGE)
  const visible = rects.filter((r) => r.bottom > 0 && r.top < view.height)
  const lines = visible.length ? visible : rects
  if (lines.length === 0) return { top: 120, left: Math.max(EDGE, (view.width - width) / 2), width, maxHeight: view.height - 128 }
  const top = Math.min(...lines.map((r) => r.top))
  const bottom = Math.max(...lines.map((r) => r.bottom))
  const left = Math.min(...lines.map((r) => r.left), column?.left ?? Infinity)
  const right = Math.max(...lines.map((r) => r.right), column?.right ?? -Infinity)
  const height = Math.min(size.height, view.height - 2 * EDGE)
  const clampTop = (y: number): number => Math.max(EDGE, Math.min(y, view.height - height - EDGE))
  const clampLeft = (x: number): number => Math.max(EDGE, Math.min(x, view.width - width - EDGE))
  const full = view.height - 2 * EDGE
  if (right + GAP + width <= view.width - EDGE) return { top: clampTop(top), left: right + GAP, width, maxHeight: full }
  if (left - GAP - width >= EDGE) return { top: clampTop(top), left: left - GAP - width, width, maxHeight: full }
  // Above or below: only the passage's own lines matter, the column may be covered.
  const first = lines[0] as Rect
  const last = lines[lines.length - 1] as Rect
  const below = view.height - EDGE - (bottom + GAP)
  const above = top - GAP - EDGE
  const x = clampLeft(Math.min(first.left, last.left))
  // Whole below, else whole above, else wherever there is more room (the popover scrolls inside).
  if (below >= height || (above < height && (below >= above || below >= MIN_HEIGHT * 2)))
    return { top: bottom + GAP, left: x, width, maxHeight: Math.max(below, 120) }
  const h = Math.min(height, above)
  return { top: top - GAP - h, left: x, width, maxHeight: above }
}

/** Whether two boxes overlap (tests and the popover's own check). */
export const intersects = (a: Rect, b: Rect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
