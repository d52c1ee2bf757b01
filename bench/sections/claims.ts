/**
 * Issue 21 (speed): proposing claims for a 200-article round against the round's existing outlet
 * comparison (rounds.compare: themes, shared quotes, differing figures and dates) on the same
 * articles. Target: claims ≤ 2× the comparison.
 */
import { join } from 'node:path'
import { openNotebook } from '../../src/main/core/notebook'
import { compareRound } from '../../src/main/core/rounds/compare'
import { roundClaims } from '../../src/main/core/claims/repo'
import { formatTable, ms } from '../report'
import { bulkFill, fmt, heading, now, progress, ratio, removeDb, type Ctx } from '../util'

const ARTICLES = 200

export function claimsSection(ctx: Ctx): void {
  heading('Claims across outlets (issue 21)')
  progress(`claims: a round of ${fmt(ARTICLES)} articles`)
  const file = join(ctx.root, 'claims.parley')
  removeDb(file)
  const notebook = openNotebook(file)
  const db = notebook.db
  bulkFill(db, ctx.vocab, ARTICLES)
  const stamp = new Date().toISOString()
  const round = Number(
    db
      .prepare(`INSERT INTO rounds (title, date, venue, participants, summary, created_at, updated_at) VALUES (?, ?, ?, '[]', '', ?, ?)`)
      .run('Bench round', '2025-01-01', 'Geneva', stamp, stamp).lastInsertRowid,
  )
  db.prepare(`INSERT INTO article_rounds (article_id, round_id, role, source) SELECT id, ?, 'reports', 'user' FROM articles`).run(round)
  const time = (fn: () => unknown): number => {
    const t = now()
    fn()
    return now() - t
  }
  // Warm-up (JIT), not reported.
  compareRound(db, round)
  roundClaims(db, round)
  const compare = Math.min(...[0, 1, 2].map(() => time(() => compareRound(db, round))))
  const claims = Math.min(...[0, 1, 2].map(() => time(() => roundClaims(db, round))))
  const result = roundClaims(db, round)
  notebook.close()
  removeDb(file)
  const grouped = result.claims.filter((c) => c.passages.length > 1).length
  console.log(
    formatTable(
      ['variant', 'time (best of 3)', 'result'],
      [
        ['rounds.compare (outlet comparison)', ms(compare), ''],
        [
          'claims.propose',
          ms(claims),
          `${fmt(result.claims.length)} claims, ${fmt(grouped)} across outlets${result.truncated ? ' (capped)' : ''}`,
        ],
      ],
    ),
  )
  const x = claims / compare
  ctx.verdicts.push({
    target: `claims for a ${fmt(ARTICLES)}-article round ≤ 2× its outlet comparison`,
    pass: x <= 2,
    detail: `${x.toFixed(2)}× (${ms(claims)} vs ${ms(compare)}; ${ratio(x)})`,
  })
  console.log()
}
