import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import type { Db } from './open'
import { insertArticle, openAt, planOf, usesIndex } from './migration-testkit'

const tempDir = useTempDir()

const addRound = (db: Db, title: string): number =>
  Number(db.prepare("INSERT INTO rounds (title, created_at, updated_at) VALUES (?, 'now', 'now')").run(title).lastInsertRowid)
const join2 = (db: Db, article: number, round: number, role: 'reports' | 'mentions'): void => {
  db.prepare("INSERT INTO article_rounds (article_id, round_id, role, source) VALUES (?, ?, ?, 'user')").run(article, round, role)
}
const highlight = (db: Db, article: number, theme: number | null): number =>
  Number(
    db
      .prepare(
        `INSERT INTO highlights (article_id, theme_id, start, "end", exact, created_at, updated_at) VALUES (?, ?, 0, 4, 'Body', 'now', 'now')`,
      )
      .run(article, theme).lastInsertRowid,
  )
/** What the cells must hold: the grouped query they replace (rounds/matrix.ts before 007). */
const grouped = (db: Db): unknown[] =>
  db
    .prepare(
      `SELECT ar.round_id, h.theme_id, count(DISTINCT h.article_id) AS articles, count(*) AS highlights
       FROM article_rounds ar JOIN highlights h ON h.article_id = ar.article_id
       WHERE ar.role = 'reports' AND h.theme_id IS NOT NULL GROUP BY ar.round_id, h.theme_id ORDER BY 1, 2`,
    )
    .all()
const cells = (db: Db): unknown[] => db.prepare('SELECT round_id, theme_id, articles, highlights FROM matrix_cells ORDER BY 1, 2').all()

describe('migration 007: matrix cells kept by triggers', () => {
  it('counts the highlights stored before it, then follows every kind of write', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 6)
    const [staffing, properties] = before.prepare('SELECT id FROM themes ORDER BY position').pluck().all() as number[]
    const a = insertArticle(before, 'a')
    const b = insertArticle(before, 'b')
    const r1 = addRound(before, 'First round')
    const r2 = addRound(before, 'Second round')
    join2(before, a, r1, 'reports')
    join2(before, b, r1, 'reports')
    join2(before, b, r2, 'mentions') // a recall: not counted in r2's cells
    highlight(before, a, staffing as number)
    highlight(before, a, staffing as number)
    highlight(before, b, properties as number)
    highlight(before, b, null) // uncoded: in no cell
    before.close()

    const db = openAt(file, 7)
    expect(cells(db)).toEqual([
      { round_id: r1, theme_id: staffing, articles: 1, highlights: 2 },
      { round_id: r1, theme_id: properties, articles: 1, highlights: 1 },
    ])
    expect(cells(db)).toEqual(grouped(db))

    // Insert, recode, delete, and membership changes: the cells stay equal to the grouped query.
    const h = highlight(db, b, staffing as number)
    expect(cells(db)).toEqual(grouped(db))
    db.prepare('UPDATE highlights SET theme_id = ? WHERE id = ?').run(properties, h)
    expect(cells(db)).toEqual(grouped(db))
    db.prepare("UPDATE article_rounds SET role = 'reports' WHERE article_id = ? AND round_id = ?").run(b, r2)
    expect(cells(db)).toEqual(grouped(db))
    db.prepare('DELETE FROM highlights WHERE id = ?').run(h)
    expect(cells(db)).toEqual(grouped(db))
    db.prepare('DELETE FROM articles WHERE id = ?').run(a)
    expect(cells(db)).toEqual(grouped(db))
    db.prepare('DELETE FROM rounds WHERE id = ?').run(r1)
    expect(cells(db)).toEqual(grouped(db))
    expect(db.prepare('SELECT count(*) FROM matrix_cells WHERE highlights <= 0 OR articles <= 0').pluck().get()).toBe(0)

    // The matrix reads a round's cells by the primary key, not by grouping highlights.
    expect(planOf(db, 'SELECT theme_id, articles, highlights FROM matrix_cells WHERE round_id = ?', r2)).toMatch(/USING PRIMARY KEY/)
    expect(planOf(db, 'SELECT highlights FROM article_theme_counts WHERE article_id = ? AND theme_id = ?', b, 1)).toMatch(
      /USING PRIMARY KEY/,
    )
    // The triggers find an article's memberships through 004's index.
    expect(planOf(db, "SELECT round_id FROM article_rounds WHERE article_id = ? AND role = 'reports'", b)).toMatch(
      usesIndex('article_rounds_by_article'),
    )
    db.close()
  })
})
