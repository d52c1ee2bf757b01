import type { Round, RoundArticle, RoundDetection, RoundField, RoundRole, RoundSnapshot, RoundStatus } from '../../../shared/model'
import { invalidInput, notFound } from '../errors'
import { detectRounds, detectRoundsAsync, type DetectArticle, type ProposedRound } from './detect'
import type { ReadableDB, WritableDB } from '../db/types'

interface RoundRow {
  id: number
  title: string
  date: string | null
  venue: string | null
  participants: string
  summary: string
  status: RoundStatus
  reasons: string
  edited: string
  created_at: string
  updated_at: string
}

interface MemberRow {
  round_id: number
  article_id: number
  title: string
  outlet: string | null
  published: string | null
  role: RoundRole
  source: 'detected' | 'user'
}

const strings = (json: string): string[] => {
  const value = JSON.parse(json) as unknown
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []
}

// Rounds with a known year first, then month-days of unknown year, then undated; by date within each.
const ORDER = `(r.date IS NULL), (r.date GLOB 'XXXX*'), r.date, r.id`

function members(db: ReadableDB, roundIds: number[] | null): Map<number, RoundArticle[]> {
  const rows = db
    .prepare(
      `SELECT ar.round_id, ar.article_id, a.title, a.outlet, a.published, ar.role, ar.source
       FROM article_rounds ar JOIN articles a ON a.id = ar.article_id
       ${roundIds ? `WHERE ar.round_id IN (${roundIds.map(() => '?').join(',')})` : ''}
       ORDER BY ar.round_id, ar.role = 'mentions', a.published IS NULL, a.published, a.id`,
    )
    .all(...(roundIds ?? [])) as MemberRow[]
  const out = new Map<number, RoundArticle[]>()
  for (const r of rows) {
    const list = out.get(r.round_id) ?? []
    list.push({ articleId: r.article_id, title: r.title, outlet: r.outlet, published: r.published, role: r.role, source: r.source })
    out.set(r.round_id, list)
  }
  return out
}

const toRound = (row: RoundRow, articles: RoundArticle[]): Round => {
  const edited = strings(row.edited) as RoundField[]
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    venue: row.venue,
    participants: strings(row.participants),
    summary: row.summary,
    status: row.status,
    reasons: strings(row.reasons),
    edited,
    locked: row.status === 'accepted' || edited.length > 0 || articles.some((a) => a.source === 'user'),
    articles,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Every round by date, each with its articles (reporting ones first). */
export function listRounds(db: ReadableDB): Round[] {
  const rows = db.prepare(`SELECT r.* FROM rounds r ORDER BY ${ORDER}`).all() as RoundRow[]
  const all = members(db, null)
  return rows.map((r) => toRound(r, all.get(r.id) ?? []))
}

/** listRounds, or none in a store made before rounds (migration 004): what the export writes. */
export function allRounds(db: ReadableDB): Round[] {
  const tables = db
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('rounds', 'article_rounds')")
    .pluck()
    .get() as number
  return tables === 2 ? listRounds(db) : []
}

export function getRound(db: ReadableDB, id: number): Round {
  const row = db.prepare('SELECT * FROM rounds WHERE id = ?').get(id) as RoundRow | undefined
  if (!row) throw notFound('The round')
  return toRound(row, members(db, [id]).get(id) ?? [])
}

const touch = (db: WritableDB, id: number, now: Date): void => {
  db.prepare('UPDATE rounds SET updated_at = ? WHERE id = ?').run(now.toISOString(), id)
}

function insertRound(db: WritableDB, p: Omit<ProposedRound, 'articles'> & { status?: RoundStatus; summary?: string }, now: Date): number {
  const at = now.toISOString()
  return Number(
    db
      .prepare(
        `INSERT INTO rounds (title, date, venue, participants, summary, status, reasons, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.title,
        p.date,
        p.venue,
        JSON.stringify(p.participants),
        p.summary ?? '',
        p.status ?? 'proposed',
        JSON.stringify(p.reasons),
        at,
        at,
      ).lastInsertRowid,
  )
}

const setMember = (db: WritableDB, roundId: number, articleId: number, role: RoundRole, source: 'detected' | 'user'): void => {
  db.prepare(
    `INSERT INTO article_rounds (round_id, article_id, role, source) VALUES (?, ?, ?, ?)
     ON CONFLICT (round_id, article_id) DO UPDATE SET role = excluded.role, source = excluded.source`,
  ).run(roundId, articleId, role, source)
}

/**
 * Runs detection over the whole notebook and stores the proposals. Accepted, edited and
 * hand-filled rounds are left as they are (they may gain newly detected articles); articles the
 * user placed or took out are never moved; deleted proposals are not made again.
 */
export function detectAndStore(db: WritableDB, now: Date): RoundDetection {
  return storeDetection(db, detectRounds(detectionInput(db)), now)
}

/**
 * The same, without holding the thread: detection gives the event loop a turn every 30 ms (tens of
 * seconds on a large notebook); the proposals are then stored in one transaction. Articles deleted
 * meanwhile are left out of them.
 */
export async function detectAndStoreAsync(db: WritableDB, now: () => Date): Promise<RoundDetection> {
  const proposals = await detectRoundsAsync(detectionInput(db))
  const present = new Set(db.prepare('SELECT id FROM articles').pluck().all() as number[])
  const current = proposals
    .map((p) => ({ ...p, articles: p.articles.filter((a) => present.has(a.articleId)) }))
    .filter((p) => p.articles.length > 0)
  return storeDetection(db, current, now())
}

/** The publication dates of some articles, to tell after an edit whether any changed (see publishedChanged). */
export function publishedOf(db: ReadableDB, ids: number[]): Map<number, string | null> {
  const read = db.prepare('SELECT published FROM articles WHERE id = ?').pluck()
  return new Map(ids.map((id) => [id, (read.get(id) as string | null | undefined) ?? null]))
}

/** Whether an edit set, changed or removed the date of any of these articles: their rounds may change. */
export function publishedChanged(db: ReadableDB, before: Map<number, string | null>): boolean {
  const now = publishedOf(db, [...before.keys()])
  return [...before].some(([id, date]) => now.get(id) !== date)
}

const detectionInput = (db: ReadableDB): DetectArticle[] =>
  db.prepare('SELECT id, title, outlet, published, body FROM articles ORDER BY id').all() as DetectArticle[]

function storeDetection(db: WritableDB, proposals: ProposedRound[], now: Date): RoundDetection {
  return db.transaction(() => {
    const existing = listRounds(db)
    const rejected = (db.prepare('SELECT articles FROM round_rejections').pluck().all() as string[]).map(
      (j) => new Set(JSON.parse(j) as number[]),
    )
    // Articles the user placed or took out somewhere: detection leaves them where the user put them.
    const pinned = new Set(
      db
        .prepare(`SELECT article_id FROM article_rounds WHERE source = 'user' UNION SELECT article_id FROM round_exclusions`)
        .pluck()
        .all() as number[],
    )
    const excluded = db.prepare('SELECT 1 FROM round_exclusions WHERE round_id = ? AND article_id = ?').pluck()
    const result: RoundDetection = { rounds: 0, created: 0, updated: 0, removed: 0, kept: 0, suppressed: 0 }
    const used = new Set<number>()
    for (const p of proposals) {
      const free = p.articles.filter((a) => !pinned.has(a.articleId))
      const reporters = (p.articles.some((a) => a.role === 'reports') ? p.articles.filter((a) => a.role === 'reports') : p.articles).map(
        (a) => a.articleId,
      )
      if (rejected.some((set) => reporters.every((id) => set.has(id))) || reporters.every((id) => pinned.has(id))) {
        result.suppressed++
        continue
      }
      let match: { round: Round; overlap: number } | null = null
      for (const r of existing) {
        if (used.has(r.id)) continue
        const overlap = r.articles.filter(
          (a) => reporters.includes(a.articleId) && (a.role === 'reports' || r.articles.every((b) => b.role === 'mentions')),
        ).length
        if (overlap > 0 && (!match || overlap > match.overlap)) match = { round: r, overlap }
      }
      const round = match?.round
      if (round) used.add(round.id)
      let id: number
      if (round?.locked) {
        id = round.id
      } else if (round) {
        id = round.id
        db.prepare('UPDATE rounds SET title = ?, date = ?, venue = ?, participants = ?, reasons = ?, updated_at = ? WHERE id = ?').run(
          p.title,
          p.date,
          p.venue,
          JSON.stringify(p.participants),
          JSON.stringify(p.reasons),
          now.toISOString(),
          id,
        )
        db.prepare(`DELETE FROM article_rounds WHERE round_id = ? AND source = 'detected'`).run(id)
        result.updated++
      } else {
        id = insertRound(db, p, now)
        result.created++
      }
      const present = new Set(round?.locked ? round.articles.map((a) => a.articleId) : [])
      for (const a of free)
        if (!present.has(a.articleId) && !excluded.get(id, a.articleId)) setMember(db, id, a.articleId, a.role, 'detected')
    }
    for (const r of existing) {
      if (r.locked) result.kept++
      else if (!used.has(r.id)) {
        db.prepare('DELETE FROM rounds WHERE id = ?').run(r.id)
        result.removed++
      }
    }
    result.rounds = db.prepare('SELECT count(*) FROM rounds').pluck().get() as number
    return result
  })()
}

export interface RoundPatch {
  title?: string
  date?: string | null
  venue?: string | null
  participants?: string[]
  summary?: string
}

/** Sets fields by hand; they are remembered as edits, which detection never overwrites. */
export function updateRound(db: WritableDB, id: number, patch: RoundPatch, now: Date): Round {
  const round = getRound(db, id)
  const fields = (Object.keys(patch) as RoundField[]).filter((k) => patch[k] !== undefined)
  if (fields.length === 0) return round
  const next = { ...round, ...patch }
  db.prepare(
    'UPDATE rounds SET title = ?, date = ?, venue = ?, participants = ?, summary = ?, edited = ?, updated_at = ? WHERE id = ?',
  ).run(
    next.title,
    next.date,
    next.venue,
    JSON.stringify(next.participants),
    next.summary,
    JSON.stringify([...new Set([...round.edited, ...fields])]),
    now.toISOString(),
    id,
  )
  return getRound(db, id)
}

export function acceptRound(db: WritableDB, id: number, now: Date): Round {
  getRound(db, id)
  db.prepare(`UPDATE rounds SET status = 'accepted', updated_at = ? WHERE id = ?`).run(now.toISOString(), id)
  return getRound(db, id)
}

/** Moves every article of source into target (as the user's choice) and deletes source. */
export function mergeRounds(db: WritableDB, sourceId: number, targetId: number, now: Date): Round {
  if (sourceId === targetId) throw invalidInput('A round cannot be merged into itself.')
  const source = getRound(db, sourceId)
  const target = getRound(db, targetId)
  return db.transaction(() => {
    for (const a of source.articles) {
      const there = target.articles.find((t) => t.articleId === a.articleId)
      setMember(db, targetId, a.articleId, there?.role === 'reports' ? 'reports' : a.role, 'user')
      db.prepare('DELETE FROM round_exclusions WHERE round_id = ? AND article_id = ?').run(targetId, a.articleId)
    }
    const participants = [...new Set([...target.participants, ...source.participants])]
    db.prepare(`UPDATE rounds SET participants = ?, status = 'accepted', updated_at = ? WHERE id = ?`).run(
      JSON.stringify(participants),
      now.toISOString(),
      targetId,
    )
    db.prepare('DELETE FROM rounds WHERE id = ?').run(sourceId)
    return getRound(db, targetId)
  })()
}

/** Moves the chosen articles of a round into a new round (the user's), keeping place and date. */
export function splitRound(
  db: WritableDB,
  id: number,
  articleIds: number[],
  title: string | undefined,
  now: Date,
): { from: Round; to: Round } {
  const source = getRound(db, id)
  const moving = source.articles.filter((a) => articleIds.includes(a.articleId))
  if (moving.length !== new Set(articleIds).size) throw invalidInput('Only articles of the round can be split off.')
  return db.transaction(() => {
    const to = insertRound(
      db,
      {
        title: title ?? `${source.title} (split)`,
        date: source.date,
        venue: source.venue,
        participants: source.participants,
        reasons: [],
        status: 'accepted',
      },
      now,
    )
    for (const a of moving) {
      db.prepare('DELETE FROM article_rounds WHERE round_id = ? AND article_id = ?').run(id, a.articleId)
      db.prepare('INSERT OR IGNORE INTO round_exclusions (round_id, article_id, created_at) VALUES (?, ?, ?)').run(
        id,
        a.articleId,
        now.toISOString(),
      )
      setMember(db, to, a.articleId, a.role, 'user')
    }
    touch(db, id, now)
    return { from: getRound(db, id), to: getRound(db, to) }
  })()
}

/**
 * Takes an article out of one round (fromId) and/or puts it into another (toId) as the user's
 * choice. Returns the rounds touched.
 */
export function moveArticle(
  db: WritableDB,
  articleId: number,
  fromId: number | null,
  toId: number | null,
  role: RoundRole | undefined,
  now: Date,
): Round[] {
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId)) throw notFound('The article')
  const from = fromId === null ? null : getRound(db, fromId)
  const to = toId === null ? null : getRound(db, toId)
  const current = from?.articles.find((a) => a.articleId === articleId)
  if (from && !current) throw invalidInput('The article is not in that round.')
  return db.transaction(() => {
    if (from) {
      db.prepare('DELETE FROM article_rounds WHERE round_id = ? AND article_id = ?').run(from.id, articleId)
      db.prepare('INSERT OR IGNORE INTO round_exclusions (round_id, article_id, created_at) VALUES (?, ?, ?)').run(
        from.id,
        articleId,
        now.toISOString(),
      )
      touch(db, from.id, now)
    }
    if (to) {
      const existing = to.articles.find((a) => a.articleId === articleId)
      setMember(db, to.id, articleId, role ?? existing?.role ?? current?.role ?? 'reports', 'user')
      db.prepare('DELETE FROM round_exclusions WHERE round_id = ? AND article_id = ?').run(to.id, articleId)
      touch(db, to.id, now)
    }
    return [from, to].filter((r): r is Round => r !== null).map((r) => getRound(db, r.id))
  })()
}

/** Deletes a round and remembers its articles so detection does not propose it again. Returns what rounds.restore needs. */
export function deleteRound(db: WritableDB, id: number, now: Date): RoundSnapshot {
  const round = getRound(db, id)
  const excluded = db.prepare('SELECT article_id FROM round_exclusions WHERE round_id = ? ORDER BY article_id').pluck().all(id) as number[]
  const reporters = round.articles.filter((a) => a.role === 'reports')
  const remembered = (reporters.length ? reporters : round.articles).map((a) => a.articleId)
  db.transaction(() => {
    db.prepare('DELETE FROM rounds WHERE id = ?').run(id)
    if (remembered.length)
      db.prepare('INSERT OR REPLACE INTO round_rejections (round_id, articles, created_at) VALUES (?, ?, ?)').run(
        id,
        JSON.stringify(remembered),
        now.toISOString(),
      )
  })()
  return {
    id,
    title: round.title,
    date: round.date,
    venue: round.venue,
    participants: round.participants,
    summary: round.summary,
    status: round.status,
    reasons: round.reasons,
    edited: round.edited,
    createdAt: round.createdAt,
    articles: round.articles.map((a) => ({ articleId: a.articleId, role: a.role, source: a.source })),
    excluded,
  }
}

/** Undo of deleteRound: the round comes back with its id, articles (those still in the notebook) and decisions. */
export function restoreRound(db: WritableDB, s: RoundSnapshot, now: Date): Round {
  if (db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(s.id)) throw invalidInput('That round exists already.')
  const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?')
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO rounds (id, title, date, venue, participants, summary, status, reasons, edited, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      s.id,
      s.title,
      s.date,
      s.venue,
      JSON.stringify(s.participants),
      s.summary,
      s.status,
      JSON.stringify(s.reasons),
      JSON.stringify(s.edited),
      s.createdAt,
      now.toISOString(),
    )
    for (const a of s.articles) if (exists.get(a.articleId)) setMember(db, s.id, a.articleId, a.role, a.source)
    for (const articleId of s.excluded)
      if (exists.get(articleId))
        db.prepare('INSERT OR IGNORE INTO round_exclusions (round_id, article_id, created_at) VALUES (?, ?, ?)').run(
          s.id,
          articleId,
          now.toISOString(),
        )
    db.prepare('DELETE FROM round_rejections WHERE round_id = ?').run(s.id)
    return getRound(db, s.id)
  })()
}
