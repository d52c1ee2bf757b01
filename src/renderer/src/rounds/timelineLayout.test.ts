import { describe, expect, it } from 'vitest'
import { scaleUtc } from 'd3-scale'
import { axisTicks, clampDomain, DAY, placeLabels, zoomDomain } from './timelineLayout'

const CHAR = 6.6

describe('placeLabels', () => {
  it('never lets two labels in one lane overlap, and counts the rest', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: i, x: (i * 997) % 900, text: `Round of talks number ${i}` }))
    const { placed, clusters } = placeLabels(items, { lanes: 3, width: 900, charWidth: CHAR })
    for (let lane = 0; lane < 3; lane++) {
      const row = placed.filter((p) => p.lane === lane).sort((a, b) => a.x - b.x)
      const span = (p: (typeof row)[number]): [number, number] =>
        p.anchor === 'start' ? [p.x, p.x + p.text.length * CHAR] : [p.x - p.text.length * CHAR, p.x]
      for (let i = 1; i < row.length; i++) expect(span(row[i]!)[0]).toBeGreaterThanOrEqual(span(row[i - 1]!)[1])
    }
    // Every round is either named or counted in a cluster.
    expect(placed.length + clusters.reduce((n, c) => n + c.ids.length, 0)).toBe(500)
    expect(clusters.length).toBeGreaterThan(0)
  })

  it('names every round when there is room, shortening only what runs past the edge', () => {
    const { placed, clusters } = placeLabels(
      [
        { id: 1, x: 10, text: 'Talks in the capital' },
        { id: 2, x: 400, text: 'Second round' },
        { id: 3, x: 860, text: 'A long title at the right edge' },
      ],
      { lanes: 2, width: 900, charWidth: CHAR },
    )
    expect(clusters).toEqual([])
    expect(placed.map((p) => [p.text, p.anchor])).toEqual([
      ['Talks in the capital', 'start'],
      ['Second round', 'start'],
      ['A long title at the right e…', 'end'],
    ])
  })
})

describe('axisTicks', () => {
  it('writes four-digit years at every zoom', () => {
    for (const [a, b] of [
      ['2017-01-01', '2025-12-31'],
      ['2025-01-01', '2025-06-30'],
      ['2025-02-20', '2025-03-05'],
    ] as const) {
      const scale = scaleUtc()
        .domain([new Date(a), new Date(b)])
        .range([0, 900])
      const ticks = axisTicks(scale, 900)
      expect(ticks.length).toBeGreaterThan(1)
      for (const t of ticks) expect(t.label).toMatch(/\b(19|20)\d\d\b/)
    }
  })
})

describe('zoom and pan', () => {
  const full: [number, number] = [Date.UTC(2017, 0, 1), Date.UTC(2025, 0, 1)]
  it('keeps the view inside the whole range, so every part stays reachable and none beyond', () => {
    expect(clampDomain([full[0] - 100 * DAY, full[0] + 200 * DAY], full)).toEqual([full[0], full[0] + 300 * DAY])
    expect(clampDomain([full[1] - 10 * DAY, full[1] + 50 * DAY], full)).toEqual([full[1] - 60 * DAY, full[1]])
  })
  it('zooms around a point and never wider than the range', () => {
    const at = Date.UTC(2020, 0, 1)
    const [a, b] = zoomDomain(full, full, 4, at)
    expect(b - a).toBeCloseTo((full[1] - full[0]) / 4, -3)
    expect(a).toBeLessThan(at)
    expect(b).toBeGreaterThan(at)
    expect(zoomDomain([a, b], full, 0.01, at)).toEqual(full)
  })
})
