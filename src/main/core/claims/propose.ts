import { createHash } from 'node:crypto'
import type { ClaimPassage, ClaimProposal, ClaimProposals, RoundSpeaker } from '../../../shared/contract-claims'
import { stem } from '../text/terms'
import { statementsOf, type Statement } from './statements'

/**
 * Claims of a round: the attributed statements of its articles (statements.ts), grouped when
 * several outlets carry the same claim — the same quotation, the same speaker with shared content
 * words, or the same counted thing — and marked agree, differ (numbers or dates that do not match)
 * or only here. Every group says which words and numbers grouped it.
 */
export interface ClaimArticle {
  id: number
  title: string
  outlet: string | null
  published: string | null
  body: string
}

/** Work caps per round: a round larger than this is read in part (and says so). */
export const MAX_ROUND_ARTICLES = 300
/** Statements compared pairwise in one bucket (one speaker or one counted noun). */
const MAX_BUCKET = 250
/** Claims returned per round, grouped ones first. */
export const MAX_CLAIMS = 400
const SAME_SPEAKER_WORDS = 3
const SAME_NUMBER_WORDS = 2
const DIFFERENT_NUMBER_WORDS = 3

interface Item {
  article: ClaimArticle
  s: Statement
}

/** A stable key for a set of passages (what a rejection remembers). */
export function claimKey(passages: Array<{ articleId: number; start: number; end: number }>): string {
  const ids = passages.map((p) => `${p.articleId}:${p.start}:${p.end}`).sort()
  return createHash('sha1').update(ids.join('|')).digest('hex').slice(0, 16)
}

const shared = (a: Set<string>, b: Set<string>): string[] => {
  const out: string[] = []
  for (const w of a) if (b.has(w)) out.push(w)
  return out
}

const numberLabel = (n: { value: number; noun: string }): string => `${n.value} ${n.noun}`

/** The user's speaker merges: a key → the key it was merged into (followed to the end of a chain). */
export type SpeakerMerges = ReadonlyMap<string, string>

export function resolveSpeaker(key: string, merges: SpeakerMerges): string {
  let k = key
  for (let i = 0; i < 20 && merges.has(k); i++) k = merges.get(k) as string
  return k
}

export function proposeClaims(
  roundId: number,
  input: ClaimArticle[],
  rejected: ReadonlySet<string> = new Set(),
  merges: SpeakerMerges = new Map(),
): ClaimProposals {
  const truncated = input.length > MAX_ROUND_ARTICLES
  const articles = input.slice(0, MAX_ROUND_ARTICLES)
  const items: Item[] = []
  for (const article of articles)
    for (const s of statementsOf(article.body))
      items.push({ article, s: s.speakerKey ? { ...s, speakerKey: resolveSpeaker(s.speakerKey, merges) } : s })

  const parent = items.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)))
  const reasons = new Map<number, Set<string>>()
  const why = new Map<string, string>()
  const union = (i: number, j: number, reason: string): void => {
    const a = find(i)
    const b = find(j)
    if (a !== b) parent[a] = b
    why.set(`${Math.min(i, j)}:${Math.max(i, j)}`, reason)
  }
  const outletOf = (i: number): string => (items[i] as Item).article.outlet ?? `#${(items[i] as Item).article.id}`
  // Grouping is across outlets: two statements of one outlet are not "the same claim in two outlets".
  const across = (i: number, j: number): boolean =>
    outletOf(i) !== outletOf(j) && (items[i] as Item).article.id !== (items[j] as Item).article.id

  // 1. The same quotation: a shared word 5-gram.
  const byGram = new Map<string, number>()
  items.forEach((it, i) => {
    for (const g of it.s.quoteGrams) {
      const j = byGram.get(g)
      if (j === undefined) byGram.set(g, i)
      else if (across(i, j) && find(i) !== find(j)) union(i, j, `same quotation “${g}…”`)
    }
  })

  const buckets = (key: (it: Item) => string[]): Map<string, number[]> => {
    const out = new Map<string, number[]>()
    items.forEach((it, i) => {
      for (const k of key(it)) {
        const list = out.get(k) ?? []
        if (list.length < MAX_BUCKET) list.push(i)
        out.set(k, list)
      }
    })
    return out
  }
  // 2. The same speaker and shared content words.
  for (const [speaker, list] of buckets((it) => (it.s.speakerKey ? [it.s.speakerKey] : [])))
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number
        const j = list[y] as number
        if (!across(i, j) || find(i) === find(j)) continue
        const words = shared((items[i] as Item).s.words, (items[j] as Item).s.words)
        if (words.length >= SAME_SPEAKER_WORDS)
          union(i, j, `same speaker ${(items[i] as Item).s.speaker ?? speaker}; shared words: ${words.slice(0, 6).join(', ')}`)
      }
  // 3. The same counted thing: the same number with shared words, or another number with more of them.
  for (const [noun, list] of buckets((it) => [...new Set(it.s.numbers.map((n) => stem(n.noun)))]))
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number
        const j = list[y] as number
        if (!across(i, j) || find(i) === find(j)) continue
        const a = (items[i] as Item).s
        const b = (items[j] as Item).s
        const words = shared(a.words, b.words).filter((w) => w !== noun)
        const na = a.numbers.filter((n) => stem(n.noun) === noun)
        const nb = b.numbers.filter((n) => stem(n.noun) === noun)
        // The same thing counted: the same describing word ("world powers") or enough shared words.
        const describing = na.flatMap((n) => n.describing).filter((w) => nb.some((m) => m.describing.includes(w)))
        const sameThing = describing.length > 0 || words.length >= DIFFERENT_NUMBER_WORDS
        const same = na.find((n) => nb.some((m) => m.value === n.value))
        const because = describing.length ? `“${describing[0]} ${noun}”` : `shared words: ${words.slice(0, 6).join(', ')}`
        if (same && (describing.length > 0 || words.length >= SAME_NUMBER_WORDS))
          union(i, j, `same number: ${numberLabel(same)}; ${because}`)
        else if (!same && sameThing)
          union(
            i,
            j,
            `both count ${noun}: ${numberLabel(na[0] as { value: number; noun: string })} / ${numberLabel(nb[0] as { value: number; noun: string })}; ${because}`,
          )
      }

  const groups = new Map<number, number[]>()
  items.forEach((_, i) => {
    const list = groups.get(find(i)) ?? []
    list.push(i)
    groups.set(find(i), list)
  })
  for (const [pair, reason] of why) {
    const root = find(Number(pair.split(':')[0]))
    const set = reasons.get(root) ?? new Set<string>()
    set.add(reason)
    reasons.set(root, set)
  }

  const claims: ClaimProposal[] = []
  const rejectedKeys: string[] = []
  for (const [root, members] of groups) {
    // One passage per article: the first of its statements in the group.
    const perArticle = new Map<number, Item>()
    for (const i of members) {
      const it = items[i] as Item
      if (!perArticle.has(it.article.id)) perArticle.set(it.article.id, it)
    }
    const chosen = [...perArticle.values()]
    const only = chosen.length === 1
    const s0 = (chosen[0] as Item).s
    // A lone statement is a claim only when someone is named as saying it.
    if (only && s0.speaker === null) continue
    const passages: ClaimPassage[] = chosen.map(({ article, s }) => ({
      articleId: article.id,
      title: article.title,
      outlet: article.outlet,
      published: article.published,
      start: s.start,
      end: s.end,
      text: s.text,
      speaker: s.speaker,
      verb: s.verb,
      quote: s.quote,
      numbers: s.numbers.map(numberLabel),
      dates: s.dates,
    }))
    const key = claimKey(passages)
    if (rejected.has(key)) {
      rejectedKeys.push(key)
      continue
    }
    const differences: ClaimProposal['differences'] = []
    if (!only) {
      const byNoun = new Map<string, Map<number, Set<number>>>()
      for (const { article, s } of chosen)
        for (const n of s.numbers) {
          const noun = stem(n.noun)
          const perA = byNoun.get(noun) ?? new Map<number, Set<number>>()
          perA.set(article.id, (perA.get(article.id) ?? new Set()).add(n.value))
          byNoun.set(noun, perA)
        }
      for (const [noun, perA] of byNoun) {
        if (perA.size < 2) continue
        const values = [...perA.values()]
        // A difference: some article's numbers for this noun share nothing with another's.
        const differ = values.some((a, x) => values.some((b, y) => y > x && ![...a].some((v) => b.has(v))))
        if (!differ) continue
        const label = chosen.flatMap(({ article, s }) =>
          s.numbers.filter((n) => stem(n.noun) === noun).map((n) => ({ articleId: article.id, value: numberLabel(n) })),
        )
        differences.push({ kind: 'number', values: label })
      }
      const dated = chosen.filter(({ s }) => s.dates.length === 1)
      if (dated.length >= 2 && new Set(dated.map(({ s }) => (s.dates[0] as string).toLowerCase())).size > 1)
        differences.push({ kind: 'date', values: dated.map(({ article, s }) => ({ articleId: article.id, value: s.dates[0] as string })) })
    }
    const speaker = chosen.find(({ s }) => s.speaker)?.s.speaker ?? null
    const quote = chosen.find(({ s }) => s.quote)?.s.quote ?? null
    const label = (quote ?? s0.text).slice(0, 160)
    const why = [...(reasons.get(root) ?? [])]
    if (only) why.push(`${s0.speaker} ${s0.verb ?? ''}`.trim() + ': only this outlet carries it in the round')
    claims.push({
      key,
      roundId,
      speaker,
      label,
      status: only ? 'only-here' : differences.length ? 'differ' : 'agree',
      passages,
      reasons: why,
      differences,
    })
  }
  const rank = { differ: 0, agree: 1, 'only-here': 2 } as const
  claims.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      b.passages.length - a.passages.length ||
      a.passages[0]!.articleId - b.passages[0]!.articleId ||
      a.passages[0]!.start - b.passages[0]!.start,
  )
  return { roundId, claims: claims.slice(0, MAX_CLAIMS), rejected: rejectedKeys, truncated: truncated || claims.length > MAX_CLAIMS }
}

/** Speakers quoted in a round's articles per outlet, most quoted first (same caps as claims). */
export function roundSpeakers(
  input: ClaimArticle[],
  merges: SpeakerMerges = new Map(),
  names: ReadonlyMap<string, string> = new Map(),
): RoundSpeaker[] {
  const byKey = new Map<
    string,
    { spellings: Map<string, number>; outlets: Map<string, RoundSpeaker['outlets'][number]['passages']>; merged: Set<string> }
  >()
  for (const article of input.slice(0, MAX_ROUND_ARTICLES))
    for (const s of statementsOf(article.body)) {
      if (!s.speaker || !s.speakerKey) continue
      const key = resolveSpeaker(s.speakerKey, merges)
      const entry = byKey.get(key) ?? { spellings: new Map(), outlets: new Map(), merged: new Set<string>() }
      if (key !== s.speakerKey) entry.merged.add(s.speakerKey)
      entry.spellings.set(s.speaker, (entry.spellings.get(s.speaker) ?? 0) + 1)
      const outlet = article.outlet ?? 'Unknown outlet'
      const list = entry.outlets.get(outlet) ?? []
      list.push({ articleId: article.id, start: s.start, end: s.end, text: s.text })
      entry.outlets.set(outlet, list)
      byKey.set(key, entry)
    }
  return [...byKey]
    .map(([key, e]) => {
      const spellings = [...e.spellings.keys()]
      return {
        key,
        merged: [...e.merged].map((k) => ({ key: k, name: names.get(k) ?? k })),
        // The shortest spelling with a first name and a last name ("Anna Berg", not her title), else the longest.
        speaker:
          spellings.filter((x) => x.split(' ').filter((w) => /^\p{Lu}/u.test(w)).length >= 2).sort((a, b) => a.length - b.length)[0] ??
          spellings.reduce((a, b) => (b.length > a.length ? b : a)),
        spellings,
        total: [...e.outlets.values()].reduce((n, l) => n + l.length, 0),
        outlets: [...e.outlets].map(([outlet, passages]) => ({ outlet, passages })),
      }
    })
    .sort((a, b) => b.outlets.length - a.outlets.length || b.total - a.total || a.speaker.localeCompare(b.speaker))
}
