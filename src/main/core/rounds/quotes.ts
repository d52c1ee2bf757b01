import type { QuoteDiffPart } from '../../../shared/model'

/** A quoted span of a body (the words inside the quotation marks), by offsets. */
export interface Quoted {
  start: number
  end: number
  text: string
}

export interface QuoteSource {
  articleId: number
  body: string
}

export interface QuoteGroup {
  /** Occurrences in source order (the caller's order: publication, then import). */
  occurrences: Array<Quoted & { articleId: number; exact: boolean; diff: QuoteDiffPart[] }>
}

const N = 4
const MIN_WORDS = 3
// Curly quotes pair unambiguously (and each language's own marks, below); straight double quotes pair left to right; single quotes only
// when they open after a space and close before one (so apostrophes are not taken for quotes).
const PATTERNS = [
  /“([^”\n]{2,1500})”/g,
  /"([^"\n]{2,1500})"/g,
  /‘([^’\n]{2,1500})’(?![\p{L}])/gu,
  /(?<=^|[\s(])'([^'\n]{2,1500}?)'(?=[\s.,;:!?)]|$)/gmu,
  // Other languages' marks: guillemets (French, Russian, Spanish, Italian…), German and Polish low-high
  // quotes („…“, „…”), German and Danish reversed guillemets (»…«), and CJK corner brackets (「…」, 『…』).
  /«\s?([^»\n]{2,1500})»/g,
  /„([^“”\n]{2,1500})[“”]/g,
  /»([^«\n]{2,1500})«/g,
  /[「『]([^」』\n]{2,1500})[」』]/g,
]
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

/** Quoted spans of a body, outermost first, without nesting duplicates. */
export function quotedSpans(body: string): Quoted[] {
  const out: Quoted[] = []
  for (const re of PATTERNS) {
    re.lastIndex = 0
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const start = m.index + m[0].indexOf(m[1] as string)
      const end = start + (m[1] as string).length
      if (out.some((q) => start < q.end && q.start < end)) continue
      out.push({ start, end, text: body.slice(start, end) })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

const words = (text: string): string[] => (text.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"))

function shingles(list: string[]): string[] {
  if (list.length < N) return [list.join(' ')]
  const out: string[] = []
  for (let i = 0; i + N <= list.length; i++) out.push(list.slice(i, i + N).join(' '))
  return out
}

/** Word-level differences of `next` from `first` (longest common subsequence). */
export function wordDiff(first: string, next: string): QuoteDiffPart[] {
  const a = first.match(WORD) ?? []
  const b = next.match(WORD) ?? []
  const key = (w: string): string => w.toLowerCase().replace(/’/g, "'")
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      (dp[i] as number[])[j] =
        key(a[i] as string) === key(b[j] as string) ? (dp[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(dp[i + 1]?.[j] ?? 0, dp[i]?.[j + 1] ?? 0)
  const parts: QuoteDiffPart[] = []
  const push = (kind: QuoteDiffPart['kind'], text: string): void => {
    const last = parts.at(-1)
    if (last?.kind === kind) last.text += ` ${text}`
    else parts.push({ kind, text })
  }
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i] as string) === key(b[j] as string)) {
      push('same', b[j] as string)
      i++
      j++
    } else if (i < a.length && (j >= b.length || (dp[i + 1]?.[j] ?? 0) >= (dp[i]?.[j + 1] ?? 0))) push('removed', a[i++] as string)
    else push('added', b[j++] as string)
  }
  return parts
}

/**
 * Quotes several articles share: quoted spans are shingled into word 4-grams and spans sharing
 * one are grouped (one occurrence per article: the one sharing most). Sources come in the order
 * that decides who carried a quote first.
 *
 *   sharedQuotes([{ articleId: 1, body: 'He said “we will meet again soon”.' }, { articleId: 2, body: '“We will meet again,” he said.' }])
 *   → [{ occurrences: [{ articleId: 1, exact: true, diff: [] }, { articleId: 2, exact: false, diff: [same, removed "soon"] }] }]
 */
export function sharedQuotes(sources: QuoteSource[]): QuoteGroup[] {
  const all = sources.flatMap((s, order) =>
    quotedSpans(s.body)
      .map((q) => ({ ...q, articleId: s.articleId, order, words: words(q.text) }))
      .filter((q) => q.words.length >= MIN_WORDS),
  )
  const parent = all.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)))
  const byShingle = new Map<string, number>()
  all.forEach((q, i) => {
    for (const s of shingles(q.words)) {
      const j = byShingle.get(s)
      if (j === undefined) byShingle.set(s, i)
      else parent[find(i)] = find(j)
    }
  })
  const groups = new Map<number, number[]>()
  all.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]))
  const out: QuoteGroup[] = []
  for (const members of groups.values()) {
    const quotes = members.map((i) => all[i] as (typeof all)[number])
    if (new Set(quotes.map((q) => q.articleId)).size < 2) continue
    const grams = quotes.map((q) => new Set(shingles(q.words)))
    const overlap = (k: number): number =>
      [...(grams[k] as Set<string>)].filter((g) =>
        grams.some((o, x) => x !== k && quotes[x]?.articleId !== quotes[k]?.articleId && o.has(g)),
      ).length
    const best = new Map<number, number>()
    quotes.forEach((q, k) => {
      const previous = best.get(q.articleId)
      if (previous === undefined || overlap(k) > overlap(previous)) best.set(q.articleId, k)
    })
    const chosen = [...best.values()]
      .map((k) => quotes[k] as (typeof quotes)[number])
      .sort((a, b) => a.order - b.order || a.start - b.start)
    const first = chosen[0] as (typeof chosen)[number]
    out.push({
      occurrences: chosen.map((q, k) => ({
        articleId: q.articleId,
        start: q.start,
        end: q.end,
        text: q.text,
        exact: q.words.join(' ') === first.words.join(' '),
        diff: k === 0 ? [] : wordDiff(first.text, q.text),
      })),
    })
  }
  const rank = (g: QuoteGroup): number => sources.findIndex((s) => s.articleId === g.occurrences[0]?.articleId)
  return out.sort((a, b) => rank(a) - rank(b) || (a.occurrences[0]?.start ?? 0) - (b.occurrences[0]?.start ?? 0))
}
