import type { CoverageState, Matrix, MatrixCell, MatrixEvidence, RoundStatus } from '../../../shared/model'
import type { Db } from '../db/open'
import { listThemes } from '../themes/repo'
import { suggestions, type SuggestionCache } from '../themes/suggestions'

const EVIDENCE = 5

/**
 * Rounds × themes. Counts come from one grouped query over the articles that report each round;
 * evidence is at most five highlights per non-empty cell (one bounded query each); an empty cell
 * says whether suggestions find the theme in the round's articles ("mentioned, not coded").
 */
export function roundMatrix(db: Db, cache: SuggestionCache): Matrix {
  const rounds = db
    .prepare(
      `SELECT r.id, r.title, r.date, r.venue, r.status,
         (SELECT count(*) FROM article_rounds ar WHERE ar.round_id = r.id AND ar.role = 'reports') AS articles
       FROM rounds r ORDER BY (r.date IS NULL), (r.date GLOB 'XXXX*'), r.date, r.id`,
    )
    .all() as Array<{ id: number; title: string; date: string | null; venue: string | null; status: RoundStatus; articles: number }>
  const themes = listThemes(db).map((t) => ({ id: t.id, name: t.name, color: t.color }))
  const counts = new Map<string, { articles: number; highlights: number }>()
  for (const row of db
    .prepare(
      `SELECT ar.round_id AS roundId, h.theme_id AS themeId, count(DISTINCT h.article_id) AS articles, count(*) AS highlights
       FROM article_rounds ar JOIN highlights h ON h.article_id = ar.article_id
       WHERE ar.role = 'reports' AND h.theme_id IS NOT NULL
       GROUP BY ar.round_id, h.theme_id`,
    )
    .all() as Array<{ roundId: number; themeId: number; articles: number; highlights: number }>)
    counts.set(`${row.roundId}:${row.themeId}`, { articles: row.articles, highlights: row.highlights })

  const evidence = db.prepare(
    `SELECT h.id AS highlightId, h.article_id AS articleId, a.outlet, a.published, h.exact AS text
     FROM article_rounds ar JOIN highlights h ON h.article_id = ar.article_id AND h.theme_id = @themeId JOIN articles a ON a.id = h.article_id
     WHERE ar.round_id = @roundId AND ar.role = 'reports'
     ORDER BY a.published IS NULL, a.published, a.id, h.start LIMIT ${EVIDENCE}`,
  )
  const reporters = db.prepare(`SELECT a.id, a.body FROM article_rounds ar JOIN articles a ON a.id = ar.article_id WHERE ar.round_id = ? AND ar.role = 'reports'`)
  const suggested = new Map<number, Set<number>>() // article → themes with a suggestion
  const mentioned = (roundId: number): Set<number> => {
    const themesFound = new Set<number>()
    for (const a of reporters.all(roundId) as Array<{ id: number; body: string }>) {
      let found = suggested.get(a.id)
      if (!found) suggested.set(a.id, (found = new Set(suggestions(db, cache, a.id, a.body).map((s) => s.themeId))))
      for (const t of found) themesFound.add(t)
    }
    return themesFound
  }

  const cells: MatrixCell[] = []
  for (const r of rounds) {
    let found: Set<number> | null = null
    for (const t of themes) {
      const c = counts.get(`${r.id}:${t.id}`)
      let coverage: CoverageState = 'coded'
      if (!c) {
        found ??= mentioned(r.id)
        coverage = found.has(t.id) ? 'mentioned-not-coded' : 'not-mentioned'
      }
      cells.push({
        roundId: r.id,
        themeId: t.id,
        articles: c?.articles ?? 0,
        highlights: c?.highlights ?? 0,
        evidence: c ? (evidence.all({ roundId: r.id, themeId: t.id }) as MatrixEvidence[]) : [],
        coverage,
        noteId: null,
      })
    }
  }
  return { rounds, themes, cells }
}
