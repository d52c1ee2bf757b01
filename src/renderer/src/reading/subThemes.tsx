import type { Theme } from '@shared/model'

// Sub-themes (one level, themes.parentId) as the renderer's theme lists show them. themes.list gives
// codebook order: each top-level theme, then its sub-themes. A sub-theme whose parent is not in the
// list (in the trash) stands at the top level.

/** Whether a theme shows as a sub-theme: its parent is in the list. */
export const isSubTheme = (t: Pick<Theme, 'parentId'>, themes: Array<Pick<Theme, 'id'>>): boolean =>
  t.parentId !== null && themes.some((p) => p.id === t.parentId)

/**
 * A theme's name in a list of options (a <select>): sub-themes indented under their parent, as the
 * Passages view's menus show them.
 */
export const themeOptionLabel = (t: Pick<Theme, 'name' | 'parentId'>): string =>
  t.parentId === null ? t.name : `\u00a0\u00a0\u21b3 ${t.name}`

/** Each theme's column in the Matrix: its parent when it is a sub-theme, else itself. */
export function columnOf(themes: Array<Pick<Theme, 'id' | 'parentId'>>): Map<number, number> {
  return new Map(themes.map((t) => [t.id, t.parentId !== null && isSubTheme(t, themes) ? t.parentId : t.id]))
}

/**
 * The new codebook order after moving a top-level theme one place left (-1) or right (1) with its
 * sub-themes, past the neighbouring top-level theme and its sub-themes; null at an end.
 */
export function movedWithSubThemes(themes: Array<Pick<Theme, 'id' | 'parentId'>>, themeId: number, delta: number): number[] | null {
  const column = columnOf(themes)
  const blocks = themes.filter((t) => column.get(t.id) === t.id).map((top) => themes.filter((t) => column.get(t.id) === top.id))
  const i = blocks.findIndex((b) => b[0]?.id === themeId)
  const j = i + delta
  if (i < 0 || j < 0 || j >= blocks.length) return null
  ;[blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!]
  return blocks.flat().map((t) => t.id)
}

/** The parent's name of a theme shown as a sub-theme (for titles: "Visas, sub-theme of Staffing"). */
export function parentName(t: Pick<Theme, 'parentId'>, themes: Array<Pick<Theme, 'id' | 'name'>>): string | null {
  return t.parentId === null ? null : (themes.find((p) => p.id === t.parentId)?.name ?? null)
}

/** A theme button's title: "Visas, sub-theme of Staffing" for a sub-theme, else its name. */
export function themeTitle(t: Theme, themes: Theme[]): string {
  const parent = isSubTheme(t, themes) ? parentName(t, themes) : null
  return parent ? `${t.name}, sub-theme of ${parent}` : t.name
}

/**
 * A theme's swatch and name in a menu of buttons (the selection toolbar, the highlight's theme
 * chips): a sub-theme carries the same ↳ mark as themeOptionLabel, after its parent.
 */
export function ThemeButtonLabel({ theme, themes }: { theme: Theme; themes: Theme[] }): React.JSX.Element {
  return (
    <>
      {isSubTheme(theme, themes) ? (
        <span className="sub-theme-mark" aria-hidden>
          ↳
        </span>
      ) : null}
      <span className={`swatch swatch-${theme.id}`} aria-hidden />
      {theme.name}
    </>
  )
}
