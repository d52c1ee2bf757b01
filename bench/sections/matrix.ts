/**
 * Issue 7 (speed): the rounds × themes matrix through the contract (`matrix.get`, core
 * roundMatrix) on the large notebook, against the single SQL query that counts highlights per
 * round and theme, measured in the same run. First paint of the Matrix view is measured in the
 * browser section.
 */
import { openNotebook } from '../../src/main/core/notebook'
import { dispatch } from '../../src/main/hosts/dispatch'
import type { Matrix } from '../../src/shared/model'
import { formatTable, ms } from '../report'
import { fmt, heading, median, now, progress, ratio, type Ctx } from '../util'
import type { BigNotebook } from './big'

/** The single query: highlights (and articles) per round and theme, over the articles that report each round. */
export const COUNT_SQL = `SELECT ar.round_id AS roundId, h.theme_id AS themeId, count(DISTINCT h.article_id) AS articles, count(*) AS highlights
  FROM article_rounds ar JOIN highlights h ON h.article_id = ar.article_id
  WHERE ar.role = 'reports' AND h.theme_id IS NOT NULL
  GROUP BY ar.round_id, h.theme_id`

export interface MatrixTimes {
  sqlMs: number
}

export async function matrixSection(ctx: Ctx, big: BigNotebook): Promise<MatrixTimes> {
  heading('Matrix (issue 7)')
  progress('matrix.get on the large notebook')
  const notebook = openNotebook(big.file)
  const count = notebook.db.prepare(COUNT_SQL)
  count.all() // warm the page cache
  const sql: number[] = []
  for (let i = 0; i < 7; i++) {
    const t = now()
    count.all()
    sql.push(now() - t)
  }
  const call = async (): Promise<{ ms: number; matrix: Matrix }> => {
    const t = now()
    const res = await dispatch(notebook.handlers, 'matrix.get', {})
    const elapsed = now() - t
    if (!res.ok) throw new Error(`matrix.get failed: ${res.error.message}`)
    return { ms: elapsed, matrix: res.result as Matrix }
  }
  // First call after opening the notebook: the suggestion models' corpus statistics are built here.
  const first = await call()
  const warm: number[] = []
  for (let i = 0; i < 3; i++) warm.push((await call()).ms)
  const json = JSON.stringify(first.matrix).length
  notebook.close()

  const cells = first.matrix.cells
  const states = new Map<string, number>()
  for (const c of cells) states.set(c.coverage, (states.get(c.coverage) ?? 0) + 1)
  const sqlMs = median(sql)
  console.log(
    `${first.matrix.rounds.length} rounds × ${first.matrix.themes.length} themes = ${fmt(cells.length)} cells over ${fmt(big.articles)} articles and ${fmt(big.highlights)} highlights;`,
  )
  console.log(`cells: ${[...states].map(([k, v]) => `${fmt(v)} ${k}`).join(', ')}; result ${fmt(json / 1024)} KB as JSON.`)
  console.log(
    formatTable(
      ['variant', 'n', 'median', 'min', 'max', 'ratio'],
      [
        [
          'SQL: count highlights per round and theme (1 query)',
          String(sql.length),
          ms(sqlMs),
          ms(Math.min(...sql)),
          ms(Math.max(...sql)),
          '1.00×',
        ],
        ['matrix.get, first call (builds corpus stats)', '1', ms(first.ms), ms(first.ms), ms(first.ms), ratio(first.ms / sqlMs)],
        [
          'matrix.get, warm',
          String(warm.length),
          ms(median(warm)),
          ms(Math.min(...warm)),
          ms(Math.max(...warm)),
          ratio(median(warm) / sqlMs),
        ],
      ],
    ),
  )
  const size = `${first.matrix.rounds.length}×${first.matrix.themes.length}`
  ctx.verdicts.push({
    target: `matrix ${size}: matrix.get warm ≤ 3× count query`,
    pass: median(warm) / sqlMs <= 3,
    detail: `${ratio(median(warm) / sqlMs)} (${ms(median(warm))} vs ${ms(sqlMs)})`,
  })
  ctx.verdicts.push({
    target: `matrix ${size}: matrix.get first call ≤ 3× count query`,
    pass: first.ms / sqlMs <= 3,
    detail: `${ratio(first.ms / sqlMs)} (${ms(first.ms)} vs ${ms(sqlMs)})`,
  })
  console.log()
  return { sqlMs }
}
