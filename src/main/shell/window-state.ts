/** Window size and position, remembered across launches; pure so tests can prove the rules. */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const
export const MIN_SIZE = { width: 720, height: 480 } as const
/** How much of the window (its title bar area) must be on a display to be reachable with the mouse. */
const MIN_VISIBLE = { width: 120, height: 40 } as const

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Reads a stored state defensively: anything malformed gives null (the defaults then apply). */
export function parseWindowState(value: unknown): WindowState | null {
  if (!value || typeof value !== 'object') return null
  const { bounds, maximized } = value as { bounds?: Record<string, unknown>; maximized?: unknown }
  if (!bounds || typeof bounds !== 'object') return null
  const { x, y, width, height } = bounds
  if (![x, y, width, height].every(isFiniteNumber)) return null
  if ((width as number) <= 0 || (height as number) <= 0) return null
  return { bounds: { x: x as number, y: y as number, width: width as number, height: height as number }, maximized: maximized === true }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  }
}

/**
 * The bounds to open the window with. Saved bounds are used only if their top strip is visible on one
 * of the current displays (a monitor may have been unplugged); they are shrunk to fit that display.
 * Otherwise the default size, centred by Electron (no x/y).
 */
export function restoreWindowState(
  saved: WindowState | null,
  workAreas: Rect[],
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const fallback = { bounds: { ...DEFAULT_SIZE }, maximized: saved?.maximized ?? false }
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, maximized: false }
  const titleBar: Rect = { x: saved.bounds.x, y: saved.bounds.y, width: saved.bounds.width, height: MIN_VISIBLE.height }
  const display = workAreas.find((area) => {
    const o = overlap(titleBar, area)
    return o.width >= Math.min(MIN_VISIBLE.width, saved.bounds.width) && o.height >= Math.min(MIN_VISIBLE.height, saved.bounds.height)
  })
  if (!display) return fallback
  const width = Math.max(MIN_SIZE.width, Math.min(saved.bounds.width, display.width))
  const height = Math.max(MIN_SIZE.height, Math.min(saved.bounds.height, display.height))
  const x = Math.min(Math.max(saved.bounds.x, display.x), display.x + display.width - width)
  const y = Math.min(Math.max(saved.bounds.y, display.y), display.y + display.height - height)
  return { bounds: { x, y, width, height }, maximized: saved.maximized }
}
