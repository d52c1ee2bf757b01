import type { Route } from '../route'

/** The articles and notes opened lately (newest first), for the command palette; kept per machine. */
export interface RecentRef {
  kind: 'article' | 'note'
  id: number
}

const KEY = 'parley.recent'
const MAX = 8

export function recentRefs(): RecentRef[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown
    return Array.isArray(list)
      ? list.filter(
          (r): r is RecentRef =>
            typeof r === 'object' && r !== null && (r.kind === 'article' || r.kind === 'note') && Number.isSafeInteger(r.id),
        )
      : []
  } catch {
    return []
  }
}

/** Called on every route: an opened article or note moves to the front. */
export function rememberVisit(route: Route): void {
  const ref: RecentRef | null =
    route.view === 'reader'
      ? { kind: 'article', id: route.id }
      : route.view === 'notes' && route.id !== null
        ? { kind: 'note', id: route.id }
        : null
  if (!ref) return
  const next = [ref, ...recentRefs().filter((r) => r.kind !== ref.kind || r.id !== ref.id)].slice(0, MAX)
  localStorage.setItem(KEY, JSON.stringify(next))
}
