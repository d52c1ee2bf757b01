import type { CoverageState, Matrix, MatrixCell, MatrixEvidence, RoundStatus } from '../../../shared/model'
import type { Db } from '../db/open'
import { listThemes } from '../themes/repo'
import { allBodies } from '../articles/repo'
import { corpusStats, suggestForArticle, themeModel, type CorpusStats, type ThemeModel } from '../themes/suggest'
import type { SuggestionCache } from '../themes/suggestions'

const EVIDENCE = 5

/**
 * Rounds × themes. Counts come from one grouped query over the articles that report each round;
 * evidence is the first five highlights per cell (one windowed query); an empty cell
 * says whether the suggestion models find the theme in the round's articles ("mentioned, not
 * coded"), stopping at the first article that mentions each missing theme.
 */
const mentionMemo = new WeakMap<Db, { signature: string; known: Map<string, boolean> }>()

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

  // Evidence: the first five highlights per cell in one pass (a window over the same join).
  const evidence = new Map<string, MatrixEvidence[]>()
  for (const row of db
    .prepare(
      `SELECT roundId, themeId, highlightId, articleId, outlet, published, text FROM (
         SELECT ar.round_id AS roundId, h.theme_id AS themeId, h.id AS highlightId, h.article_id AS articleId, a.outlet, a.published, h.exact AS text,
           row_number() OVER (PARTITION BY ar.round_id, h.theme_id ORDER BY a.published IS NULL, a.published, a.id, h.start, h.id) AS n
         FROM article_rounds ar JOIN highlights h ON h.article_id = ar.article_id JOIN articles a ON a.id = h.article_id
         WHERE ar.role = 'reports' AND h.theme_id IS NOT NULL)
       WHERE n <= ${EVIDENCE} ORDER BY roundId, themeId, n`,
    )
    .all() as Array<MatrixEvidence & { roundId: number; themeId: number }>) {
    const { roundId, themeId, ...item } = row
    const key = `${roundId}:${themeId}`
    evidence.set(key, [...(evidence.get(key) ?? []), item])
  }
  const reporters = db.prepare(
    `SELECT a.id, a.body FROM article_rounds ar JOIN articles a ON a.id = ar.article_id WHERE ar.round_id = ? AND ar.role = 'reports'`,
  )
  const rejected = db.prepare('SELECT theme_id AS themeId, start, "end" FROM suggestion_rejections WHERE article_id = ?')
  // The suggestion models, built once per matrix (suggestions() rebuilds them per article). The
  // "resembles one of your highlights" comparison is left out here: keywords and the terms learnt
  // from highlights decide whether a theme is mentioned, at a small fraction of the cost.
  let models: Array<{ model: ThemeModel; prefixes: string[] }> | null = null
  const stats = (): CorpusStats => (cache.stats ??= corpusStats(allBodies(db).map((a) => a.body)))
  const highlightsOf = db.prepare('SELECT id, exact AS text FROM highlights WHERE theme_id = ? ORDER BY id DESC LIMIT 500')
  // A suggestion needs one of the theme's own terms in the sentence; stemming only trims word
  // endings, so a body without the stem's first letters cannot have one and is skipped unscored.
  const prefixes = (m: ThemeModel): string[] =>
    [...m.weights].filter(([, w]) => w === 1).map(([t]) => t.slice(0, Math.max(2, t.length - 1)))
  // Whether an article mentions a theme changes only when the articles, the themes' keywords, the
  // rejections or (slowly) the learnt terms change: remember it between calls under that signature.
  const signature = JSON.stringify(
    db
      .prepare(
        `SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) FROM articles) AS articles,
                (SELECT group_concat(id || name || keywords, '|') FROM themes WHERE deleted_at IS NULL) AS themes,
                (SELECT count(*) FROM suggestion_rejections) AS rejections,
                (SELECT group_concat(theme_id || '=' || (n / 20), ',') FROM (SELECT theme_id, count(*) AS n FROM highlights GROUP BY theme_id)) AS learnt`,
      )
      .get(),
  )
  let memo = mentionMemo.get(db)
  if (!memo || memo.signature !== signature) mentionMemo.set(db, (memo = { signature, known: new Map() }))
  const known = memo.known
  const mentioned = (roundId: number, wanted: Set<number>): Set<number> => {
    const found = new Set<number>()
    const articles = reporters.all(roundId) as Array<{ id: number; body: string }>
    const unknown = new Set<number>()
    for (const theme of wanted) {
      const answers = articles.map((a) => known.get(`${a.id}:${theme}`))
      if (answers.some((x) => x === true)) found.add(theme)
      else if (answers.some((x) => x === undefined)) unknown.add(theme)
    }
    if (unknown.size === 0) return found
    for (const theme of computeMentioned(articles, unknown)) found.add(theme)
    return found
  }
  const computeMentioned = (articles: Array<{ id: number; body: string }>, wanted: Set<number>): Set<number> => {
    models ??= listThemes(db).map((t) => {
      const m = { ...themeModel(t, highlightsOf.all(t.id) as Array<{ id: number; text: string }>, stats()), highlights: [] }
      return { model: m, prefixes: prefixes(m) }
    })
    const found = new Set<number>()
    for (const a of articles) {
      const lower = a.body.toLowerCase()
      const open = models.filter(
        (m) => wanted.has(m.model.theme.id) && !found.has(m.model.theme.id) && known.get(`${a.id}:${m.model.theme.id}`) === undefined,
      )
      if (open.length === 0) continue
      const likely = open.filter((m) => m.prefixes.some((p) => lower.includes(p))).map((m) => m.model)
      const skipped = likely.length ? (rejected.all(a.id) as Array<{ themeId: number; start: number; end: number }>) : []
      const skip = (theme: number, start: number, end: number): boolean =>
        skipped.some((r) => r.themeId === theme && r.start === start && r.end === end)
      const hits = new Set(
        likely.length ? suggestForArticle(a.id, a.body, likely, stats(), { skip, perTheme: 1 }).map((x) => x.themeId) : [],
      )
      for (const m of open) known.set(`${a.id}:${m.model.theme.id}`, hits.has(m.model.theme.id))
      for (const t of hits) found.add(t)
    }
    return found
  }

  const cells: MatrixCell[] = []
  for (const r of rounds) {
    const empty = new Set(themes.filter((t) => !counts.has(`${r.id}:${t.id}`)).map((t) => t.id))
    const found = empty.size ? mentioned(r.id, empty) : new Set<number>()
    for (const t of themes) {
      const c = counts.get(`${r.id}:${t.id}`)
      const coverage: CoverageState = c ? 'coded' : found.has(t.id) ? 'mentioned-not-coded' : 'not-mentioned'
      cells.push({
        roundId: r.id,
        themeId: t.id,
        articles: c?.articles ?? 0,
        highlights: c?.highlights ?? 0,
        evidence: evidence.get(`${r.id}:${t.id}`) ?? [],
        coverage,
        noteId: null,
      })
    }
  }
  return { rounds, themes, cells }
}
