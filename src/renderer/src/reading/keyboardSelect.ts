import type { Span } from '@shared/body'
import { sentences } from '@shared/sentences'

/** An offset range into the body (the body model's). */
export type { Span } from '@shared/body'

/**
 * Sentences of a body as offsets, by the body model's one sentence rule (shared/sentences.ts: the
 * sentences suggestions, claims and rounds read), so "U.S." or "Feb." ends no sentence here either.
 *
 *   sentencesOf(body)  // [{ start: 0, end: 42 }, …]
 */
export function sentencesOf(body: string): Span[] {
  return sentences(body).map(({ start, end }) => ({ start, end }))
}

/**
 * What a key does to a keyboard selection in the article text (null: not ours):
 *   ↓ / ↑            the next / previous sentence
 *   Shift+↓ / ↑      one sentence more / fewer at the end
 *   Shift+Alt+→ / ←  one word more / fewer at the end
 *   Shift+Alt+Ctrl+→ / ←  one word fewer / more at the start
 */
export function nextSelection(
  key: string,
  mods: { shift: boolean; alt: boolean; ctrl: boolean },
  current: Span | null,
  sentences: Span[],
  body: string,
): Span | null {
  const isSpace = (i: number): boolean => /\s/.test(body[i] ?? ' ')
  if (!current || (!mods.shift && !mods.alt && !mods.ctrl)) {
    if (key === 'ArrowDown') return (current ? sentences.find((s) => s.start >= current.end) : sentences[0]) ?? null
    if (key === 'ArrowUp') return (current ? sentences.findLast((s) => s.end <= current.start) : sentences[0]) ?? null
    return null
  }
  if (mods.shift && !mods.alt && !mods.ctrl) {
    if (key === 'ArrowDown') {
      const next = sentences.find((s) => s.end > current.end)
      return next ? { start: current.start, end: next.end } : null
    }
    if (key === 'ArrowUp') {
      const prev = sentences.findLast((s) => s.end < current.end && s.end > current.start)
      return prev ? { start: current.start, end: prev.end } : null
    }
    return null
  }
  if (mods.shift && mods.alt && !mods.ctrl) {
    if (key === 'ArrowRight') {
      let i = current.end
      while (i < body.length && isSpace(i)) i++
      while (i < body.length && !isSpace(i)) i++
      return i > current.end ? { start: current.start, end: i } : null
    }
    if (key === 'ArrowLeft') {
      let i = current.end
      while (i > current.start && !isSpace(i - 1)) i--
      while (i > current.start && isSpace(i - 1)) i--
      return i > current.start ? { start: current.start, end: i } : null
    }
    return null
  }
  if (mods.shift && mods.alt && mods.ctrl) {
    if (key === 'ArrowRight') {
      let i = current.start
      while (i < current.end && !isSpace(i)) i++
      while (i < current.end && isSpace(i)) i++
      return i < current.end ? { start: i, end: current.end } : null
    }
    if (key === 'ArrowLeft') {
      let i = current.start
      while (i > 0 && isSpace(i - 1)) i--
      while (i > 0 && !isSpace(i - 1)) i--
      return i < current.start ? { start: i, end: current.end } : null
    }
  }
  return null
}
