import type { CoverageState, Matrix, MatrixCell, MatrixEvidence, MatrixRow, RoundStatus } from '../../../shared/model'
import { listThemes } from '../themes/repo'
import { allBodies } from '../articles/repo'
import { corpusStats, suggestForArticle, themeModel, type CorpusStats, type ThemeModel } from '../themes/suggest'
import type { SuggestionCache } from '../themes/suggestions'
import type { ReadableDB, WritableDB } from '../db/types'

const EVIDENCE = 5
/** How long one matrix.rows call may spend working out coverage before leaving rows 'pending'. */
const COMPUTE_BUDGET_MS = 250

export interface MatrixOptions {
  /**
   * For the first paint of a large matrix: counts, notes and the coverage already known; coverage
   * not known yet comes back 'pending' and evidence is left out (matrix.rows has both, for the rows
   * the view shows).
   */
  deferred?: boolean
}

type MatrixRound = Matrix['rounds'][number]

/**
 * Rounds × themes. Counts come from matrix_cells, which triggers keep equal to COUNT_SQL (one
 * grouped query over the articles that report each round; migration 007);
 * evidence is the first five highlights per cell (one windowed query); an empty cell says whether
 * the suggestion models find the theme in the round's articles ("mentioned, not coded"), stopping
 * at the first article that mentions each missing theme. Those answers are remembered per article
 * and theme (see coverageOf), so only the first call pays for them.
 */
export function roundMatrix(db: ReadableDB, cacheWriter: WritableDB | null, cache: SuggestionCache, options: MatrixOptions = {}): Matrix {
  const rounds = listMatrixRounds(db)
  const themes = matrixThemes(db)
  const columns = themeColumns(db)
  const counts = cellCounts(db, columns)
  // Evidence reads highlight and article rows (the windowed query over every coded highlight takes
  // several times the count query; even a screenful's rows, read cold after a restart, took longer
  // than the rest of the matrix), so a deferred matrix leaves it all to matrix.rows: the view paints
  // counts first and asks for the rows it shows.
  const evidence = options.deferred ? new Map<string, MatrixEvidence[]>() : evidenceOf(db, null)
  // Nothing is known before the first coverage call since opening: a deferred matrix then skips the
  // signature and the reporters (every empty cell is 'pending' anyway).
  const coverage = options.deferred && !memos.has(db) ? null : coverageOf(db, cacheWriter, cache)
  const members = coverage ? reporters(db) : new Map<number, number[]>()

  const cells: MatrixCell[] = []
  for (const r of rounds) {
    const empty = themes.filter((t) => !counts.has(`${r.id}:${t.id}`)).map((t) => t.id)
    const states =
      empty.length && coverage
        ? columnStates(columns, empty, (ids) => coverage.states(members.get(r.id) ?? [], ids, () => !options.deferred))
        : new Map<number, CoverageState>()
    for (const t of themes) {
      const c = counts.get(`${r.id}:${t.id}`)
      cells.push({
        roundId: r.id,
        themeId: t.id,
        articles: c?.articles ?? 0,
        highlights: c?.highlights ?? 0,
        evidence: evidence.get(`${r.id}:${t.id}`) ?? [],
        coverage: c ? 'coded' : (states.get(t.id) ?? 'pending'),
        noteId: null,
      })
    }
  }
  const matrix: Matrix = { rounds, themes, cells }
  if (options.deferred) matrix.evidenceLeftOut = rounds.map((r) => r.id)
  return matrix
}

/**
 * The slow parts of some rows: evidence and, when `coverage` is set, the coverage of their empty
 * cells (computed if not yet known; otherwise what is known, the rest 'pending').
 */
export function matrixRows(
  db: ReadableDB,
  cacheWriter: WritableDB | null,
  cache: SuggestionCache,
  roundIds: number[],
  coverage: boolean,
): MatrixRow[] {
  const themes = matrixThemes(db).map((t) => t.id)
  const columns = themeColumns(db)
  const known = new Set(db.prepare('SELECT id FROM rounds').pluck().all() as number[])
  const ids = [...new Set(roundIds)].filter((id) => known.has(id))
  const evidence = evidenceOf(db, ids)
  // A column is coded when any of its themes (the theme or a sub-theme) has a highlight there.
  const coded = new Set(
    (
      db
        .prepare(`SELECT round_id AS roundId, theme_id AS themeId FROM matrix_cells WHERE round_id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(ids)) as Array<{ roundId: number; themeId: number }>
    ).flatMap((c) => {
      const column = columns.columnOf.get(c.themeId)
      return column === undefined ? [] : [`${c.roundId}:${column}`]
    }),
  )
  // Evidence alone before any coverage call: nothing is known yet, so no signature or reporters.
  const memo = coverage || memos.has(db) ? coverageOf(db, cacheWriter, cache) : null
  // At most one slice of corpus statistics per call, and only when some answer is not known (stored
  // answers need none): until they are complete, coverage stays 'pending'.
  // Rows are worked out until the call has taken COMPUTE_BUDGET_MS (the first one always); the rest
  // stay 'pending' for the next call, so a large batch of stored answers never holds the bridge long.
  let ready: boolean | undefined
  let worked = false
  const deadline = performance.now() + COMPUTE_BUDGET_MS
  const compute = (): boolean => {
    if (!coverage || !memo) return false
    ready ??= memo.statsReady()
    if (!ready || (worked && performance.now() > deadline)) return false
    worked = true
    return true
  }
  const members = memo ? reporters(db, ids) : new Map<number, number[]>()
  return ids.map((roundId) => {
    const empty = themes.filter((t) => !coded.has(`${roundId}:${t}`))
    const states =
      empty.length && memo
        ? columnStates(columns, empty, (themeIds) => memo.states(members.get(roundId) ?? [], themeIds, compute))
        : new Map<number, CoverageState>()
    return {
      roundId,
      cells: themes.map((themeId) => ({
        themeId,
        evidence: evidence.get(`${roundId}:${themeId}`) ?? [],
        coverage: coded.has(`${roundId}:${themeId}`) ? 'coded' : (states.get(themeId) ?? 'pending'),
      })),
    }
  })
}

/**
 * Highlights (and articles) per round and theme, over the articles that report each round, as one
 * grouped query: what matrix_cells holds (tests compare them; the bench measures the matrix against it).
 */
export const COUNT_SQL = `SELECT ar.round_id AS roundId, h.theme_id AS themeId, count(DISTINCT h.article_id) AS articles, count(*) AS highlights
  FROM article_rounds ar JOIN highlights h ON h.article_id = ar.article_id
  WHERE ar.role = 'reports' AND h.theme_id IS NOT NULL
  GROUP BY ar.round_id, h.theme_id`

const CELLS_SQL = 'SELECT round_id AS roundId, theme_id AS themeId, articles, highlights FROM matrix_cells'

/**
 * A theme's live parent, or itself: the column its passages count in. A sub-theme whose parent is
 * in the trash stands at the top level (as the Themes view shows it); deleted themes have no column.
 */
export const COLUMN_SQL = `SELECT t.id AS themeId, coalesce(p.id, t.id) AS columnId
  FROM themes t LEFT JOIN themes p ON p.id = t.parent_id AND p.deleted_at IS NULL
  WHERE t.deleted_at IS NULL`

/**
 * The columns: top-level themes only (migration 017's sub-themes count in their parent's column, as
 * a code's passages count for the code above it in a codebook). listThemes would also count every
 * theme's highlights, which the matrix does not show.
 */
function matrixThemes(db: ReadableDB): Matrix['themes'] {
  return db
    .prepare(
      `SELECT t.id, t.name, t.color FROM themes t LEFT JOIN themes p ON p.id = t.parent_id AND p.deleted_at IS NULL
       WHERE t.deleted_at IS NULL AND p.id IS NULL ORDER BY t.position, t.id`,
    )
    .all() as Matrix['themes']
}

export interface ThemeColumns {
  /** Live theme id → the column (top-level theme) it counts in. */
  columnOf: Map<number, number>
  /** Column → its themes (itself first, then its sub-themes). */
  members: Map<number, number[]>
}

export function themeColumns(db: ReadableDB): ThemeColumns {
  const columnOf = new Map<number, number>()
  const members = new Map<number, number[]>()
  for (const { themeId, columnId } of db.prepare(`${COLUMN_SQL} ORDER BY t.id <> coalesce(p.id, t.id), t.position, t.id`).all() as Array<{
    themeId: number
    columnId: number
  }>) {
    columnOf.set(themeId, columnId)
    const list = members.get(columnId)
    if (list) list.push(themeId)
    else members.set(columnId, [themeId])
  }
  return { columnOf, members }
}

/**
 * Counts per round and column from matrix_cells: highlights add up; an article with passages of a
 * parent and of its sub-theme is one article, so columns with sub-themes count their articles with
 * count(DISTINCT) over article_theme_counts (kept by the same triggers), for those themes only.
 */
function cellCounts(db: ReadableDB, columns: ThemeColumns): Map<string, { articles: number; highlights: number }> {
  const counts = new Map<string, { articles: number; highlights: number }>()
  for (const row of db.prepare(CELLS_SQL).all() as Array<{ roundId: number; themeId: number; articles: number; highlights: number }>) {
    const column = columns.columnOf.get(row.themeId)
    if (column === undefined) continue
    const key = `${row.roundId}:${column}`
    const c = counts.get(key)
    if (c) {
      c.articles += row.articles
      c.highlights += row.highlights
    } else counts.set(key, { articles: row.articles, highlights: row.highlights })
  }
  const grouped = [...columns.members].filter(([, ids]) => ids.length > 1).flatMap(([column, ids]) => ids.map((id) => [id, column]))
  if (!grouped.length) return counts
  const distinct = db
    .prepare(
      `SELECT ar.round_id AS roundId, json_extract(g.value, '$[1]') AS columnId, count(DISTINCT c.article_id) AS articles
       FROM json_each(?) g JOIN article_theme_counts c ON c.theme_id = json_extract(g.value, '$[0]')
         JOIN article_rounds ar ON ar.article_id = c.article_id AND ar.role = 'reports'
       GROUP BY ar.round_id, json_extract(g.value, '$[1]')`,
    )
    .all(JSON.stringify(grouped)) as Array<{ roundId: number; columnId: number; articles: number }>
  for (const row of distinct) {
    const c = counts.get(`${row.roundId}:${row.columnId}`)
    if (c) c.articles = row.articles
  }
  return counts
}

/**
 * The coverage of empty columns from their themes' answers: mentioned when any of its themes is
 * mentioned (a sub-theme's keywords find the parent's subject too), else pending while any is not
 * known, else not mentioned.
 */
function columnStates(
  columns: ThemeColumns,
  empty: number[],
  states: (themeIds: number[]) => Map<number, CoverageState>,
): Map<number, CoverageState> {
  const of = (column: number): number[] => columns.members.get(column) ?? [column]
  const answers = states(empty.flatMap(of))
  return new Map(
    empty.map((column) => {
      const mine = of(column).map((t) => answers.get(t) ?? 'pending')
      const state: CoverageState = mine.includes('mentioned-not-coded')
        ? 'mentioned-not-coded'
        : mine.includes('pending')
          ? 'pending'
          : 'not-mentioned'
      return [column, state]
    }),
  )
}

function listMatrixRounds(db: ReadableDB): MatrixRound[] {
  return db
    .prepare(
      `SELECT r.id, r.title, r.date, r.venue, r.status,
         (SELECT count(*) FROM article_rounds ar WHERE ar.round_id = r.id AND ar.role = 'reports') AS articles
       FROM rounds r ORDER BY (r.date IS NULL), (r.date GLOB 'XXXX*'), r.date, r.id`,
    )
    .all() as Array<{ id: number; title: string; date: string | null; venue: string | null; status: RoundStatus; articles: number }>
}

/**
 * The first five highlights per cell (round × column: a top-level theme with its sub-themes),
 * earliest article first, of the given rounds (null: all).
 */
function evidenceOf(db: ReadableDB, roundIds: number[] | null): Map<string, MatrixEvidence[]> {
  const evidence = new Map<string, MatrixEvidence[]>()
  if (roundIds && roundIds.length === 0) return evidence
  const rows = db
    .prepare(
      `SELECT roundId, columnId, highlightId, articleId, outlet, published, text, themeId FROM (
         SELECT ar.round_id AS roundId, g.columnId, h.id AS highlightId, h.article_id AS articleId, a.outlet, a.published, h.exact AS text,
           h.theme_id AS themeId,
           row_number() OVER (PARTITION BY ar.round_id, g.columnId ORDER BY a.published IS NULL, a.published, a.id, h.start, h.id) AS n
         FROM article_rounds ar JOIN highlights h ON h.article_id = ar.article_id JOIN articles a ON a.id = h.article_id
           JOIN (${COLUMN_SQL}) g ON g.themeId = h.theme_id
         WHERE ar.role = 'reports' ${roundIds ? 'AND ar.round_id IN (SELECT value FROM json_each(?))' : ''})
       WHERE n <= ${EVIDENCE} ORDER BY roundId, columnId, n`,
    )
    .all(...(roundIds ? [JSON.stringify(roundIds)] : [])) as Array<MatrixEvidence & { roundId: number; columnId: number }>
  for (const row of rows) {
    const { roundId, columnId, ...item } = row
    const key = `${roundId}:${columnId}`
    const list = evidence.get(key)
    if (list) list.push(item)
    else evidence.set(key, [item])
  }
  return evidence
}

/** The articles that report each round (of the given rounds, or all). */
function reporters(db: ReadableDB, roundIds?: number[]): Map<number, number[]> {
  const rows = (
    roundIds
      ? db
          .prepare(
            `SELECT round_id, group_concat(article_id) FROM article_rounds
             WHERE role = 'reports' AND round_id IN (SELECT value FROM json_each(?)) GROUP BY round_id`,
          )
          .raw()
          .all(JSON.stringify(roundIds))
      : db.prepare(`SELECT round_id, group_concat(article_id) FROM article_rounds WHERE role = 'reports' GROUP BY round_id`).raw().all()
  ) as Array<[number, string]>
  return new Map(rows.map(([round, ids]) => [round, ids.split(',').map(Number)]))
}

interface CoverageMemo {
  signature: string
  /** articleId → themeId → whether the suggestion models find the theme in the article (numbers: a
   * deferred matrix.get looks up every empty cell's articles here). */
  known: Map<number, Map<number, boolean>>
  models: Array<{ model: ThemeModel; prefixes: string[] }> | null
  /** Corpus statistics being built a slice of articles per matrix.rows call (see STATS_SLICE). */
  partial: { stats: CorpusStats; after: number } | null
}

/**
 * Articles read into the corpus statistics per matrix.rows call. Building them over 10,000 articles
 * in one call held the bridge for seconds (other calls waited, and its header timeout cut some);
 * in slices, evidence and other calls get through in between.
 */
const STATS_SLICE = 500

const memos = new WeakMap<ReadableDB, CoverageMemo>()

/**
 * Whether an article mentions a theme changes only when the articles, the themes' keywords, the
 * rejections or (slowly) the learnt terms change: the answers are remembered under that signature.
 * A read that writes a cache: the answers are also stored in the notebook (migration 008) through
 * `cacheWriter`, the notebook's writable handle, null when it is read-only (then they are only kept
 * in memory).
 */
function coverageOf(
  db: ReadableDB,
  cacheWriter: WritableDB | null,
  cache: SuggestionCache,
): {
  /** Whether the corpus statistics are complete; if not, reads one more slice of articles into them. */
  statsReady: () => boolean
  /** Coverage of the given empty cells; compute (asked only if something is not known): work it out (else 'pending'). */
  states: (articles: number[], themes: number[], compute: () => boolean) => Map<number, CoverageState>
} {
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
  let memo = memos.get(db)
  const fresh = !memo || memo.signature !== signature
  if (!memo || fresh) memos.set(db, (memo = { signature, known: new Map(), models: null, partial: null }))
  const m = memo
  const get = (article: number, theme: number): boolean | undefined => m.known.get(article)?.get(theme)
  const set = (article: number, theme: number, value: boolean): void => {
    let themes = m.known.get(article)
    if (!themes) m.known.set(article, (themes = new Map()))
    themes.set(theme, value)
  }
  // The answers stored by an earlier session (migration 008) hold if they were worked out under
  // the same signature; otherwise they are cleared and the new signature stored beside them. A
  // notebook opened read-only is not migrated: it may have no such table, and is never written.
  /** Writes the stored answers in one transaction; they are a cache, so a failed write (another
   * program holding the notebook, say) leaves them to be worked out again rather than failing the call. */
  const keep = (write: () => void): void => {
    if (!cacheWriter) return
    try {
      cacheWriter.transaction(write)()
    } catch {
      // Not stored: the next session works them out again.
    }
  }
  const persisted = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_mentions'").get() !== undefined
  if (fresh && persisted) {
    const stored = db.prepare('SELECT signature FROM article_mentions_signature WHERE id = 1').pluck().get() as string | undefined
    if (stored === signature) {
      for (const [article, theme, value] of db.prepare('SELECT article_id, theme_id, mentioned FROM article_mentions').raw().all() as Array<
        [number, number, number]
      >)
        set(article, theme, value === 1)
    } else if (cacheWriter) {
      keep(() => {
        cacheWriter.prepare('DELETE FROM article_mentions').run()
        cacheWriter
          .prepare(
            'INSERT INTO article_mentions_signature (id, signature) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET signature = excluded.signature',
          )
          .run(signature)
      })
    }
  }
  const store =
    !cacheWriter || !persisted
      ? null
      : cacheWriter.prepare(
          'INSERT INTO article_mentions (article_id, theme_id, mentioned) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET mentioned = excluded.mentioned',
        )

  const stats = (): CorpusStats => (cache.stats ??= corpusStats(allBodies(db).map((a) => a.body)))
  /** Whether the statistics are there; if not, reads one more slice of articles into them. */
  const statsReady = (): boolean => {
    if (cache.stats) return true
    const slice = db
      .prepare('SELECT id, body FROM articles WHERE id > ? ORDER BY id LIMIT ?')
      .all(m.partial?.after ?? 0, STATS_SLICE) as Array<{
      id: number
      body: string
    }>
    const part = corpusStats(slice.map((a) => a.body))
    const sum = (m.partial ??= { stats: { documents: 0, df: new Map() }, after: 0 })
    sum.stats.documents += part.documents
    for (const [term, n] of part.df) sum.stats.df.set(term, (sum.stats.df.get(term) ?? 0) + n)
    sum.after = slice.at(-1)?.id ?? sum.after
    if (slice.length < STATS_SLICE) {
      cache.stats = sum.stats
      m.partial = null
      return true
    }
    return false
  }
  // The suggestion models, built once per signature (suggestions() rebuilds them per article). The
  // "resembles one of your highlights" comparison is left out here: keywords and the terms learnt
  // from highlights decide whether a theme is mentioned, at a small fraction of the cost.
  const models = (): Array<{ model: ThemeModel; prefixes: string[] }> => {
    const highlightsOf = db.prepare('SELECT id, exact AS text FROM highlights WHERE theme_id = ? ORDER BY id DESC LIMIT 500')
    return (m.models ??= listThemes(db).map((t) => {
      const model = { ...themeModel(t, highlightsOf.all(t.id) as Array<{ id: number; text: string }>, stats()), highlights: [] }
      // A suggestion needs one of the theme's own terms in the sentence; stemming only trims word
      // endings, so a body without the stem's first letters cannot have one and is skipped unscored.
      const prefixes = [...model.weights].filter(([, w]) => w === 1).map(([t]) => t.slice(0, Math.max(2, t.length - 1)))
      return { model, prefixes }
    }))
  }
  const bodies = db.prepare('SELECT id, body FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
  const rejected = db.prepare('SELECT theme_id AS themeId, start, "end" FROM suggestion_rejections WHERE article_id = ?')

  const compute = (articleIds: number[], wanted: Set<number>): void => {
    const open = (articleId: number): number[] => [...wanted].filter((t) => get(articleId, t) === undefined)
    const todo = articleIds.filter((a) => open(a).length > 0)
    if (!todo.length) return
    const found = new Set<number>()
    const answers: Array<[number, number, number]> = []
    // In the order the round lists them, stopping for a theme at its first mention.
    const byId = new Map((bodies.all(JSON.stringify(todo)) as Array<{ id: number; body: string }>).map((a) => [a.id, a.body]))
    for (const id of todo) {
      const body = byId.get(id)
      if (body === undefined) continue
      const themes = open(id).filter((t) => !found.has(t))
      if (!themes.length) continue
      const lower = body.toLowerCase()
      const candidates = models().filter((x) => themes.includes(x.model.theme.id))
      const likely = candidates.filter((x) => x.prefixes.some((p) => lower.includes(p))).map((x) => x.model)
      const skipped = likely.length ? (rejected.all(id) as Array<{ themeId: number; start: number; end: number }>) : []
      const skip = (theme: number, start: number, end: number): boolean =>
        skipped.some((r) => r.themeId === theme && r.start === start && r.end === end)
      const hits = new Set(likely.length ? suggestForArticle(id, body, likely, stats(), { skip, perTheme: 1 }).map((x) => x.themeId) : [])
      for (const t of themes) {
        set(id, t, hits.has(t))
        answers.push([id, t, hits.has(t) ? 1 : 0])
      }
      for (const t of hits) found.add(t)
    }
    if (store && answers.length)
      keep(() => {
        for (const a of answers) store.run(...a)
      })
  }

  return {
    statsReady,
    states: (articles, themes, computeMissing) => {
      const state = (t: number): CoverageState => {
        let unknown = false
        for (const a of articles) {
          const k = get(a, t)
          if (k === true) return 'mentioned-not-coded'
          if (k === undefined) unknown = true
        }
        return unknown ? 'pending' : 'not-mentioned'
      }
      const out = new Map(themes.map((t) => [t, state(t)]))
      const pending = new Set(themes.filter((t) => out.get(t) === 'pending'))
      if (pending.size && computeMissing()) {
        compute(articles, pending)
        for (const t of pending) out.set(t, state(t))
      }
      return out
    },
  }
}
