import { useSyncExternalStore } from 'react'

/**
 * The period brushed on the Timeline (UTC ms, inclusive), which the Library and the Matrix filter
 * by. Renderer state only (kept for the tab's session): the contract has no date filter, and the
 * lists it returns carry the dates needed to filter here.
 */
export interface DateRange {
  from: number
  to: number
}

const KEY = 'parley.dateRange'
const listeners = new Set<() => void>()

function read(): DateRange | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    const v = raw ? (JSON.parse(raw) as unknown) : null
    if (v && typeof v === 'object' && 'from' in v && 'to' in v && typeof v.from === 'number' && typeof v.to === 'number')
      return { from: v.from, to: v.to }
  } catch {
    // A damaged value means no filter.
  }
  return null
}

let current = read()

export function setDateRange(range: DateRange | null): void {
  current = range ? { from: Math.min(range.from, range.to), to: Math.max(range.from, range.to) } : null
  if (current) sessionStorage.setItem(KEY, JSON.stringify(current))
  else sessionStorage.removeItem(KEY)
  for (const l of listeners) l()
}

/** `const range = useDateRange()`: re-renders when the Timeline's brush changes. */
export function useDateRange(): DateRange | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => current,
  )
}

/** Whether an ISO date (YYYY-MM-DD, YYYY-MM or YYYY) falls in the range; undated and year-unknown dates do not. */
export function inRange(range: DateRange, iso: string | null): boolean {
  const m = iso ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso) : null
  if (!m) return false
  const t = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 6, m[3] ? Number(m[3]) : 15)
  return t >= range.from && t <= range.to
}

const rangeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
export const formatRange = (r: DateRange): string => `${rangeFormat.format(r.from)} – ${rangeFormat.format(r.to)}`
