import type { Theme } from '@shared/model'
import { themeHighlightName } from './highlightRegistry'

// Theme colors are the user's: the ::highlight rules are built at run time in a constructed
// stylesheet (allowed by the CSP; no inline <style>).
let sheet: CSSStyleSheet | null = null

const safeColor = (c: string): string => (/^#[0-9a-f]{6}$/i.test(c) ? c : '#888888')

export function applyThemeStyles(themes: Theme[]): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return
  if (!sheet) {
    sheet = new CSSStyleSheet()
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  }
  const rules = themes.flatMap((t, i) => {
    const name = themeHighlightName(t.id)
    const color = safeColor(t.color)
    return [
      `::highlight(${name}) { background-color: color-mix(in srgb, ${color} 38%, transparent); }`,
      // While a theme filter is on, other themes fade and the chosen one stands out.
      `[data-theme-filter]:not([data-theme-filter="${t.id}"]) ::highlight(${name}) { background-color: color-mix(in srgb, ${color} 10%, transparent); }`,
      `[data-theme-filter="${t.id}"] ::highlight(${name}) { background-color: color-mix(in srgb, ${color} 55%, transparent); }`,
      // Where a second theme covers the same words, it underlines them (paint.ts: no blended tints).
      `::highlight(${name}-under) { text-decoration: underline solid ${color}; text-decoration-thickness: 3px; text-underline-offset: 5px; }`,
      `[data-theme-filter]:not([data-theme-filter="${t.id}"]) ::highlight(${name}-under) { text-decoration-color: color-mix(in srgb, ${color} 25%, transparent); }`,
      // Suggestions are dotted in their theme's colour, so each theme's can be told apart; a passage
      // suggested for several themes shows their dots one below the other (three depths, by position).
      `::highlight(suggestion-${t.id}) { text-decoration: underline dotted ${color}; text-decoration-thickness: 2px; text-underline-offset: ${2 + (i % 3) * 3}px; }`,
      `.swatch-${t.id} { background-color: ${color}; }`,
      `.hl-tone-${t.id} { --tone: ${color}; }`,
      `.swatch-fill-${t.id} { fill: ${color}; }`,
    ]
  })
  sheet.replaceSync(rules.join('\n'))
}
