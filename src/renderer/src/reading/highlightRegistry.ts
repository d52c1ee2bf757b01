/**
 * One CSS Custom Highlight per name (a theme, suggestions, find matches, the focused passage),
 * shared by every text view on screen. Article text stays plain text nodes: nothing is wrapped.
 */
const owners = new Map<string, Map<string, Range[]>>()

export const supportsHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS

function publish(name: string, priority: number): void {
  if (!supportsHighlights) return
  const ranges: Range[] = []
  for (const byName of owners.values()) ranges.push(...(byName.get(name) ?? []))
  if (ranges.length === 0) {
    CSS.highlights.delete(name)
    return
  }
  const highlight = new Highlight(...ranges)
  highlight.priority = priority
  CSS.highlights.set(name, highlight)
}

/** Replaces the ranges one view contributes to a named highlight. */
export function setRanges(owner: string, name: string, ranges: Range[], priority = 0): void {
  let byName = owners.get(owner)
  if (!byName) owners.set(owner, (byName = new Map()))
  byName.set(name, ranges)
  publish(name, priority)
}

/** Removes everything a view contributed (on unmount). */
export function clearOwner(owner: string): void {
  const byName = owners.get(owner)
  owners.delete(owner)
  for (const name of byName?.keys() ?? []) publish(name, 0)
}

export const themeHighlightName = (themeId: number | null): string => (themeId === null ? 'uncoded' : `theme-${themeId}`)
