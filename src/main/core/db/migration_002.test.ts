import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { insertArticle, openAt, planOf, usesIndex } from './migration-testkit'

const tempDir = useTempDir()

describe('migration 002: themes, highlights and rejected suggestions', () => {
  it('keeps the articles stored before it, starts with three themes, and indexes highlights by article and by theme', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 1)
    const article = insertArticle(before, 'a', { body: 'The embassy staff returned.' })
    before.close()

    const db = openAt(file, 2)
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1)
    expect(db.prepare('SELECT name FROM themes ORDER BY position').pluck().all()).toEqual([
      'Embassy staffing',
      'Diplomatic properties',
      'Direct flights',
    ])
    for (const keywords of db.prepare('SELECT keywords FROM themes').pluck().all() as string[])
      expect(Object.keys(JSON.parse(keywords))).toEqual(['terms', 'context'])
    const theme = db.prepare("SELECT id FROM themes WHERE name = 'Embassy staffing'").pluck().get() as number
    // Theme names are unique regardless of case among live themes; a deleted theme frees its name.
    expect(() => db.prepare("INSERT INTO themes (name, color, position) VALUES ('embassy STAFFING', '#000000', 9)").run()).toThrow(/UNIQUE/)
    expect(() => db.prepare("INSERT INTO themes (name, color, position) VALUES ('Other', 'red', 9)").run()).toThrow(/CHECK/)

    const highlight = (start: number, end: number, themeId: number | null) =>
      db
        .prepare(
          `INSERT INTO highlights (article_id, theme_id, start, "end", exact, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'now', 'now')`,
        )
        .run(article, themeId, start, end)
    highlight(4, 11, theme)
    expect(() => highlight(5, 5, theme)).toThrow(/CHECK/)
    expect(db.prepare('SELECT anchor FROM highlights').pluck().get()).toBe('anchored')
    db.prepare('INSERT INTO suggestion_rejections (article_id, theme_id, start, "end", created_at) VALUES (?, ?, 0, 3, \'now\')').run(
      article,
      theme,
    )
    // A deleted article takes its highlights and rejections with it.
    db.prepare('DELETE FROM articles WHERE id = ?').run(article)
    expect(db.prepare('SELECT count(*) FROM highlights').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM suggestion_rejections').pluck().get()).toBe(0)

    expect(planOf(db, 'SELECT theme_id, start, "end" FROM highlights WHERE article_id = ?', 1)).toMatch(usesIndex('highlights_by_article'))
    expect(planOf(db, 'SELECT DISTINCT article_id FROM highlights WHERE theme_id = ?', 1)).toMatch(usesIndex('highlights_by_theme'))
    expect(planOf(db, 'SELECT id FROM themes WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL', 'x')).toMatch(
      usesIndex('themes_by_name'),
    )
    db.close()
  })
})
