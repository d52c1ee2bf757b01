/**
 * Token-level precision and recall of an extracted text against a hand-marked expected text,
 * as extraction benchmarks score it (bag of words, each token counted as often as it occurs).
 *
 *   tokenScores('a b c', 'a b') → { precision: 0.67, recall: 1, f1: 0.8 }
 */
import { words } from '../text/words'

export interface Scores {
  precision: number
  recall: number
  f1: number
}

function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of words(text)) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1)
  return counts
}

export function tokenScores(extracted: string, expected: string): Scores {
  const got = bag(extracted)
  const want = bag(expected)
  let shared = 0
  for (const [w, n] of got) shared += Math.min(n, want.get(w) ?? 0)
  const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0)
  const precision = total(got) ? shared / total(got) : 0
  const recall = total(want) ? shared / total(want) : 0
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 }
}
