import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { insertArticle, openAt, planOf } from './migration-testkit'

const tempDir = useTempDir()

describe('migration 008: remembered mentions', () => {
  it('adds the cache beside the stored articles; an article deleted or re-cleaned loses its answers, nothing else does', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 7)
    const a = insertArticle(before, 'a')
    const b = insertArticle(before, 'b')
    before.close()

    const db = openAt(file, 8)
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2)
    const remember = db.prepare('INSERT INTO article_mentions (article_id, theme_id, mentioned) VALUES (?, ?, ?)')
    for (const article of [a, b]) for (const theme of [1, 2]) remember.run(article, theme, theme === 1 ? 1 : 0)
    expect(() => remember.run(a, 3, 2)).toThrow(/CHECK/)
    db.prepare("INSERT INTO article_mentions_signature (id, signature) VALUES (1, 'sig')").run()
    expect(() => db.prepare("INSERT INTO article_mentions_signature (id, signature) VALUES (2, 'other')").run()).toThrow(/CHECK/)

    const of = (article: number): number =>
      db.prepare('SELECT count(*) FROM article_mentions WHERE article_id = ?').pluck().get(article) as number
    db.prepare("UPDATE articles SET title = 'Renamed' WHERE id = ?").run(a)
    expect(of(a)).toBe(2) // a title does not change what the text mentions
    db.prepare("UPDATE articles SET body = 'New text.' WHERE id = ?").run(a)
    expect(of(a)).toBe(0)
    db.prepare('DELETE FROM articles WHERE id = ?').run(b)
    expect(of(b)).toBe(0)
    expect(planOf(db, 'SELECT theme_id, mentioned FROM article_mentions WHERE article_id = ?', a)).toMatch(/USING PRIMARY KEY/)
    db.close()
  })
})
