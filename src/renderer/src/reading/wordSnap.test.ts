import { describe, expect, it } from 'vitest'
import { snapEdge, stepEdge } from './wordSnap'

const body = 'They discuss U.S.-Russian relations, diplomats for now.'
const at = (word: string): number => body.indexOf(word)
const text = (s: { start: number; end: number } | null): string | null => (s ? body.slice(s.start, s.end) : null)

describe('highlight edges stop at word boundaries', () => {
  const span = { start: at('discuss'), end: at('relations') + 'relations'.length }

  it('snaps a dragged end to the nearest word end, never inside a word', () => {
    // Dropped between "f" and "or": the nearest boundary is before "for", so "diplomats" ends it.
    expect(text({ start: span.start, end: snapEdge(body, 'end', at('for') + 1, span) })).toBe('discuss U.S.-Russian relations, diplomats')
    expect(text({ start: span.start, end: snapEdge(body, 'end', at('for') + 2, span) })).toBe(
      'discuss U.S.-Russian relations, diplomats for',
    )
  })

  it('snaps a dragged start to the nearest word start', () => {
    expect(text({ start: snapEdge(body, 'start', at('iscuss'), span), end: span.end })).toBe('discuss U.S.-Russian relations')
    expect(text({ start: snapEdge(body, 'start', at('ussian'), span), end: span.end })).toBe('Russian relations')
  })

  it('moves by character with Alt, still never onto a space', () => {
    expect(text({ start: span.start, end: snapEdge(body, 'end', at('for') + 1, span, 'char') })).toBe(
      'discuss U.S.-Russian relations, diplomats f',
    )
    expect(text({ start: span.start, end: snapEdge(body, 'end', at(' diplomats') + 1, span, 'char') })).toBe(
      'discuss U.S.-Russian relations,',
    )
  })

  it('steps one word (punctuation is a stop) or one character', () => {
    expect(text(stepEdge(body, span, 'end', 1))).toBe('discuss U.S.-Russian relations,')
    expect(text(stepEdge(body, { ...span, end: span.end + 1 }, 'end', 1))).toBe('discuss U.S.-Russian relations, diplomats')
    expect(text(stepEdge(body, span, 'end', -1))).toBe('discuss U.S.-Russian')
    expect(text(stepEdge(body, span, 'start', -1))).toBe('They discuss U.S.-Russian relations')
    expect(text(stepEdge(body, span, 'start', 1))).toBe('U.S.-Russian relations')
    expect(text(stepEdge(body, span, 'end', 1, 'char'))).toBe('discuss U.S.-Russian relations,')
  })

  it('repairs a half-word edge on the first step', () => {
    const half = { start: span.start, end: at('for') + 1 } // "… diplomats f"
    expect(text(stepEdge(body, half, 'end', 1))).toBe('discuss U.S.-Russian relations, diplomats for')
    expect(text(stepEdge(body, half, 'end', -1))).toBe('discuss U.S.-Russian relations, diplomats')
  })

  it('never empties the passage', () => {
    const one = { start: at('discuss'), end: at('discuss') + 7 }
    expect(stepEdge(body, one, 'end', -1)).toBeNull()
    expect(stepEdge(body, one, 'start', 1)).toBeNull()
    expect(stepEdge(body, { start: 0, end: 4 }, 'start', -1)).toBeNull()
  })
})
