import { describe, expect, it } from 'vitest'
import { columnOf, movedWithSubThemes, themeOptionLabel } from './subThemes'

// Codebook order, as themes.list gives it: A with its sub-themes a1 and a2, B, C with c1; d1's parent
// (9) is in the trash, so it stands at the top level.
const themes = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: null },
  { id: 5, parentId: null },
  { id: 6, parentId: 5 },
  { id: 7, parentId: 9 },
]

describe('sub-themes in the renderer', () => {
  it('maps each theme to its column: its parent when the parent is listed, else itself', () => {
    expect([...columnOf(themes)]).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 4],
      [5, 5],
      [6, 5],
      [7, 7],
    ])
  })

  it('moves a top-level theme with its sub-themes past the neighbouring block; null at an end or for a sub-theme', () => {
    expect(movedWithSubThemes(themes, 1, 1)).toEqual([4, 1, 2, 3, 5, 6, 7])
    expect(movedWithSubThemes(themes, 5, -1)).toEqual([1, 2, 3, 5, 6, 4, 7])
    expect(movedWithSubThemes(themes, 7, -1)).toEqual([1, 2, 3, 4, 7, 5, 6])
    expect(movedWithSubThemes(themes, 1, -1)).toBeNull()
    expect(movedWithSubThemes(themes, 7, 1)).toBeNull()
    expect(movedWithSubThemes(themes, 2, 1)).toBeNull()
  })

  it('indents a sub-theme’s option label as the Passages view does', () => {
    expect(themeOptionLabel({ name: 'Visas', parentId: 1 })).toBe('\u00a0\u00a0\u21b3 Visas')
    expect(themeOptionLabel({ name: 'Staffing', parentId: null })).toBe('Staffing')
  })
})
