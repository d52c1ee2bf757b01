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
  const rules = themes.flatMap((t) => {
    const name = themeHighlightName(t.id)
    const color = safeColor(t.color)
    return [
      `::highlight(${name}) { background-color: color-mix(in srgb, ${color} 38%, transparent); }`,
      // While a theme filter is on, other themes fade and the chosen one stands out.
      `[data-theme-filter]:not([data-theme-filter="${t.id}"]) ::highlight(${name}) { background-color: color-mix(in srgb, ${color} 10%, transparent); }`,
      `[data-theme-filter="${t.id}"] ::highlight(${name}) { background-color: color-mix(in srgb, ${color} 55%, transparent); }`,
      `.swatch-${t.id} { background-color: ${color}; }`,
      `.swatch-fill-${t.id} { fill: ${color}; }`,
    ]
  })
  sheet.replaceSync(rules.join('\n'))
}
