import { describe, expect, it } from 'vitest'
import { assignLanes, paintSegments } from './paint'

describe('painting overlapping highlights', () => {
  it('gives each stretch one tint, the innermost, and underlines it in the other theme', () => {
    expect(
      paintSegments([
        { start: 0, end: 10, themeId: 1 },
        { start: 5, end: 20, themeId: 2 },
      ]),
    ).toEqual([
      { start: 0, end: 5, tint: 1 },
      { start: 5, end: 10, tint: 1, under: 2 },
      { start: 10, end: 20, tint: 2 },
    ])
  })
  it('keeps a lone highlight one range, and a nested one inside', () => {
    expect(paintSegments([{ start: 3, end: 9, themeId: null }])).toEqual([{ start: 3, end: 9, tint: null }])
    expect(
      paintSegments([
        { start: 0, end: 30, themeId: 1 },
        { start: 10, end: 12, themeId: 2 },
      ]),
    ).toEqual([
      { start: 0, end: 10, tint: 1 },
      { start: 10, end: 12, tint: 2, under: 1 },
      { start: 12, end: 30, tint: 1 },
    ])
  })
  it('puts overlapping extents in separate lanes and reuses a lane once free', () => {
    const lanes = assignLanes([
      { id: 'a', top: 0, bottom: 50 },
      { id: 'b', top: 20, bottom: 80 },
      { id: 'c', top: 60, bottom: 90 },
    ])
    expect(lanes.map((l) => [l.id, l.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ])
  })
})
