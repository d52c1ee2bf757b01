import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openDatabase } from './open'
import { insertArticle, openAt, planOf, TEMP_SORT, usesIndex } from './migration-testkit'

const tempDir = useTempDir()

describe('migration 004: rounds', () => {
  it('checks dates (EDTF subset), roles and sources; memberships and decisions go with their round or article', () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'))
    db.prepare(
      `INSERT INTO articles (id, title, source_name, format, encoding, content_hash, body, raw, words, imported_at)
       VALUES (1, 'T', 'x.txt', 'text', 'utf-8', 'h', 'b', 'b', 1, '2025-01-01T00:00:00Z')`,
    ).run()
    const round = (date: string | null) =>
      db.prepare(`INSERT INTO rounds (title, date, created_at, updated_at) VALUES ('R', ?, 'now', 'now')`).run(date).lastInsertRowid
    for (const ok of ['2025-02-27', '2025-02', '2025', 'XXXX-02-27', 'XXXX-02', null]) expect(() => round(ok), String(ok)).not.toThrow()
    for (const bad of ['27 Feb', '2025-2-27', 'soon', '2025-02-27T10:00']) expect(() => round(bad), bad).toThrow(/CHECK/)
    const id = Number(round('2025-03-01'))
    const member = (role: string, source: string) =>
      db.prepare('INSERT OR REPLACE INTO article_rounds (round_id, article_id, role, source) VALUES (?, 1, ?, ?)').run(id, role, source)
    expect(() => member('reports', 'detected')).not.toThrow()
    expect(() => member('cites', 'detected')).toThrow(/CHECK/)
    expect(() => member('mentions', 'robot')).toThrow(/CHECK/)
    expect(() => db.prepare(`UPDATE rounds SET participants = 'x' WHERE id = ?`).run(id)).toThrow(/CHECK/)
    db.prepare(`INSERT INTO round_exclusions (round_id, article_id, created_at) VALUES (?, 1, 'now')`).run(id)
    db.prepare('DELETE FROM rounds WHERE id = ?').run(id)
    expect(db.prepare('SELECT count(*) FROM article_rounds').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM round_exclusions').pluck().get()).toBe(0)

    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n')
    expect(plan('SELECT round_id FROM article_rounds WHERE article_id = 1')).toMatch(/USING (COVERING )?INDEX article_rounds_by_article/)
    expect(plan('SELECT article_id FROM article_rounds WHERE round_id = 1')).toMatch(/USING PRIMARY KEY/)
    expect(plan(`SELECT id FROM rounds ORDER BY date, id`)).toMatch(/rounds_by_date/)
    db.close()
  })

  it("adds rounds beside the articles stored before it; the date order and an article's rounds are index reads", () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 3)
    const old = insertArticle(before, 'a')
    before.close()

    const db = openAt(file, 4)
    const round = Number(
      db.prepare("INSERT INTO rounds (title, date, created_at, updated_at) VALUES ('Talks', '2025-02-27', 'now', 'now')").run()
        .lastInsertRowid,
    )
    db.prepare("INSERT INTO article_rounds (article_id, round_id, role, source) VALUES (?, ?, 'reports', 'detected')").run(old, round)
    expect(db.prepare('SELECT round_id FROM article_rounds WHERE article_id = ?').pluck().all(old)).toEqual([round])
    const byDate = planOf(db, 'SELECT id FROM rounds ORDER BY date, id')
    expect(byDate).toMatch(usesIndex('rounds_by_date'))
    expect(byDate).not.toMatch(TEMP_SORT)
    expect(planOf(db, 'SELECT round_id FROM article_rounds WHERE article_id = ?', old)).toMatch(usesIndex('article_rounds_by_article'))
    db.close()
  })
})
