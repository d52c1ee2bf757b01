import type {
  ClaimProposal,
  ClaimProposals,
  PassageLink,
  QuoteCredit,
  QuoteProvenance,
  RoundSpeaker,
} from '../../../shared/contract-claims'
import type { Highlight } from '../../../shared/model'
import { invalidInput, notFound } from '../errors'
import { createHighlight, getHighlight } from '../highlights/repo'
import { createLink } from '../links/repo'
import { getRound } from '../rounds/repo'
import { MAX_ROUND_ARTICLES, proposeClaims, resolveSpeaker, roundSpeakers, type ClaimArticle } from './propose'
import { creditNames, creditOf } from './credits'
import { MAX_BODY_CHARS } from './statements'
import { quotedSpans } from '../rounds/quotes'
import { quoteProvenance } from './provenance'
import { romanize } from './translit'
import type { ReadableDB, WritableDB } from '../db/types'

/** The articles of a round in publication order (unknown dates last), as claims read them. */
export function roundArticles(db: ReadableDB, roundId: number): ClaimArticle[] {
  const round = getRound(db, roundId)
  const ids = round.articles.map((a) => a.articleId)
  if (!ids.length) return []
  return db
    .prepare(
      `SELECT id, title, outlet, published, body FROM articles WHERE id IN (SELECT value FROM json_each(?))
       ORDER BY published IS NULL, published, id`,
    )
    .all(JSON.stringify(ids)) as ClaimArticle[]
}

function rejectedKeys(db: ReadableDB, roundId: number): Set<string> {
  return new Set(db.prepare('SELECT claim_key FROM claim_rejections WHERE round_id = ?').pluck().all(roundId) as string[])
}

/** The user's speaker merges (migration 014): key → key, and how each merged name was written. */
function speakerMerges(db: ReadableDB): { merges: Map<string, string>; names: Map<string, string> } {
  const rows = db.prepare('SELECT from_key, into_key, from_name FROM speaker_merges').all() as Array<{
    from_key: string
    into_key: string
    from_name: string
  }>
  // Merges stored before keys were romanised may hold Cyrillic keys: read under today's key.
  return {
    merges: new Map(rows.map((r) => [keyOf(r.from_key), keyOf(r.into_key)])),
    names: new Map(rows.map((r) => [keyOf(r.from_key), r.from_name])),
  }
}

const keyOf = (key: string): string => romanize(key).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** Merges speaker `from` into `into` everywhere in the notebook (claims.unmergeSpeaker undoes). */
export function mergeSpeakers(db: WritableDB, from: string, into: string, name: string, now: Date): null {
  if (from === into) throw invalidInput('A speaker cannot be merged into itself.')
  const { merges } = speakerMerges(db)
  if (resolveSpeaker(into, merges) === from) throw invalidInput('That would merge the speaker into itself.')
  db.prepare('INSERT OR REPLACE INTO speaker_merges (from_key, into_key, from_name, created_at) VALUES (?, ?, ?, ?)').run(
    from,
    into,
    name,
    now.toISOString(),
  )
  return null
}

export function unmergeSpeaker(db: WritableDB, from: string): null {
  const stored = db.prepare('SELECT from_key FROM speaker_merges').pluck().all() as string[]
  const remove = db.prepare('DELETE FROM speaker_merges WHERE from_key = ?')
  db.transaction(() => {
    for (const key of stored) if (key === from || keyOf(key) === from) remove.run(key)
  })()
  return null
}

export function roundClaims(db: ReadableDB, roundId: number): ClaimProposals {
  const proposals = proposeClaims(roundId, roundArticles(db, roundId), rejectedKeys(db, roundId), speakerMerges(db).merges)
  const same = db.prepare('SELECT id FROM highlights WHERE article_id = ? AND start = ? AND "end" = ?').pluck()
  const linked = db
    .prepare(
      `SELECT 1 FROM passage_links WHERE deleted_at IS NULL
         AND ((from_highlight = ? AND to_highlight = ?) OR (from_highlight = ? AND to_highlight = ?))`,
    )
    .pluck()
  // Accepted: each passage is a highlight and the first is linked to every other one (what accept makes).
  for (const c of proposals.claims) {
    if (c.passages.length < 2) continue
    const ids = c.passages.map((p) => same.all(p.articleId, p.start, p.end) as number[])
    if (ids.some((list) => !list.length)) continue
    const [first, ...rest] = ids
    c.accepted = rest.every((list) => (first ?? []).some((a) => list.some((b) => linked.get(a, b, b, a) !== undefined)))
  }
  return proposals
}

export function rejectClaim(db: WritableDB, roundId: number, key: string, now: Date): null {
  getRound(db, roundId)
  db.prepare('INSERT OR IGNORE INTO claim_rejections (round_id, claim_key, created_at) VALUES (?, ?, ?)').run(
    roundId,
    key,
    now.toISOString(),
  )
  return null
}

export function unrejectClaim(db: WritableDB, roundId: number, key: string): null {
  db.prepare('DELETE FROM claim_rejections WHERE round_id = ? AND claim_key = ?').run(roundId, key)
  return null
}

/**
 * The relation accept gives the link from the first passage to passage k: "contradicts" when their
 * figures differ, "quotes" for the same quotation, else "repeats".
 */
export function relationFor(claim: ClaimProposal, k: number): string {
  const first = claim.passages[0]
  const other = claim.passages[k]
  if (claim.status === 'differ' && first && other) {
    const values = (p: typeof first): Set<string> => new Set([...p.numbers, ...p.dates.map((d) => d.toLowerCase())])
    const a = values(first)
    const b = values(other)
    if (!a.size || !b.size || ![...a].some((v) => b.has(v))) return 'contradicts'
  }
  if (claim.reasons.some((r) => r.startsWith('same quotation'))) return 'quotes'
  return 'repeats'
}

/**
 * Accepts a proposal: each passage becomes a highlight (an existing highlight of exactly that
 * passage is used instead), and the first passage is linked to every other one, in one transaction.
 * `created` lists the new highlights, so an undo deletes those and leaves the user's own.
 */
export function acceptClaim(
  db: WritableDB,
  roundId: number,
  key: string,
  now: Date,
): { highlights: Highlight[]; created: number[]; links: PassageLink[] } {
  const claim = proposeClaims(roundId, roundArticles(db, roundId), new Set(), speakerMerges(db).merges).claims.find((c) => c.key === key)
  if (!claim) throw notFound('The proposed claim')
  return db.transaction(() => {
    const same = db.prepare('SELECT id FROM highlights WHERE article_id = ? AND start = ? AND "end" = ? ORDER BY id LIMIT 1').pluck()
    const highlights: Highlight[] = []
    const created: number[] = []
    for (const p of claim.passages) {
      const existing = same.get(p.articleId, p.start, p.end) as number | undefined
      if (existing !== undefined) highlights.push(getHighlight(db, existing))
      else {
        const h = createHighlight(db, { articleId: p.articleId, start: p.start, end: p.end, themeId: null }, now)
        highlights.push(h)
        created.push(h.id)
      }
    }
    const byName = db.prepare('SELECT id FROM link_relations WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE').pluck()
    const fallback = db.prepare('SELECT id FROM link_relations WHERE deleted_at IS NULL ORDER BY position, id LIMIT 1').pluck().get() as
      number | undefined
    const exists = db
      .prepare(
        `SELECT 1 FROM passage_links WHERE deleted_at IS NULL
           AND ((from_highlight = ? AND to_highlight = ?) OR (from_highlight = ? AND to_highlight = ?))`,
      )
      .pluck()
    const links: PassageLink[] = []
    const [first, ...rest] = highlights
    const note = claim.reasons.join('; ').slice(0, 2000)
    rest.forEach((h, i) => {
      // The user renamed or deleted the relation: the first one of their list stands in.
      const relationId = (byName.get(relationFor(claim, i + 1)) as number | undefined) ?? fallback
      if (!first || relationId === undefined || first.id === h.id || exists.get(first.id, h.id, h.id, first.id)) return
      links.push(createLink(db, { fromId: first.id, toId: h.id, relationId, note }, now))
    })
    return { highlights, created, links }
  })()
}

export function speakersOfRound(db: ReadableDB, roundId: number): RoundSpeaker[] {
  const { merges, names } = speakerMerges(db)
  return roundSpeakers(roundArticles(db, roundId), merges, names)
}

/**
 * Credits of a round's quotations: for every quoted span of its articles that a credit phrase
 * attributes to a source, the source as written and, when that source is an outlet of the round,
 * which article of that outlet (the carrier the words came from).
 */
export function roundQuoteCredits(db: ReadableDB, roundId: number): QuoteCredit[] {
  const articles = roundArticles(db, roundId)
  const out: QuoteCredit[] = []
  for (const a of articles.slice(0, MAX_ROUND_ARTICLES))
    for (const q of quotedSpans(a.body.slice(0, MAX_BODY_CHARS))) {
      const credit = creditOf(a.body, q.start, q.end)
      if (!credit) continue
      const source = articles.find((b) => b.id !== a.id && creditNames(credit, b.outlet))
      out.push({ articleId: a.id, start: q.start, end: q.end, credit, sourceArticleId: source?.id ?? null })
    }
  return out
}

/** Quotations several articles of a round carry, first carrier first, as the round panel shows them. */
export function roundQuoteProvenance(db: ReadableDB, roundId: number): QuoteProvenance[] {
  return quoteProvenance(roundArticles(db, roundId))
}
