import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { insertArticle, openAt } from './migration-testkit'
import { openDatabase, type Db } from './open'

const tempDir = useTempDir()

const stemmed = (db: Db, query: string): number[] =>
  db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(query) as number[]

const definition = (db: Db): string =>
  db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles_fts'").pluck().get() as string

/** FTS5 checks the index against the articles table (rank 1) and throws on any difference. */
const checkAgainstArticles = (db: Db): void => {
  db.prepare(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`).run()
}

describe('migration 015: the stemmed index without prefix indexes', () => {
  it('rebuilds articles_fts from the stored articles with the same stemming, and its triggers follow inserts, edits and deletes', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 14)
    expect(definition(before)).toMatch(/prefix/)
    const old = insertArticle(before, 'a', { title: 'Diplomats meet', body: 'The envoys agreed on embassy staffing.\n\nFlights resume.' })
    const other = insertArticle(before, 'b', { title: 'Harbour', body: 'Fishing crews returned at dawn.' })
    const queries = ['"diplomat"', '"agree"', '"embassies"', '"flights" AND "envoy"', '"embassy staffing"', '"crew"', '"dawn" OR "harbour"']
    const found = queries.map((q) => stemmed(before, q))
    before.close()

    const { db } = openDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(15)
    expect(definition(db)).not.toMatch(/prefix/)
    expect(definition(db)).toMatch(/porter unicode61 remove_diacritics 2/)
    // Every stored article is found by the same queries as before the upgrade (stems, phrases, AND, OR).
    expect(queries.map((q) => stemmed(db, q))).toEqual(found)
    expect(found).toEqual([[old], [old], [old], [old], [old], [other], [other]])
    expect(() => checkAgainstArticles(db)).not.toThrow()

    const added = insertArticle(db, 'c', { title: 'Staffing', body: 'The diplomats agreed.' })
    expect(stemmed(db, '"diplomat"')).toEqual([old, added])
    db.prepare("UPDATE articles SET body = 'Nothing about envoys.' WHERE id = ?").run(added)
    expect(stemmed(db, '"agree"')).toEqual([old])
    expect(stemmed(db, '"envoy"')).toEqual([old, added])
    db.prepare("UPDATE articles SET title = 'Port' WHERE id = ?").run(other)
    expect(stemmed(db, '"harbour"')).toEqual([])
    expect(stemmed(db, '"port"')).toEqual([other])
    db.prepare('DELETE FROM articles WHERE id = ?').run(old)
    expect(stemmed(db, '"diplomat"')).toEqual([])
    expect(stemmed(db, '"envoy"')).toEqual([added])
    expect(() => checkAgainstArticles(db)).not.toThrow()
    // A prefix query still answers on this index (without a prefix index), though search sends them to articles_fts_exact.
    expect(stemmed(db, '"envo"*')).toEqual([added])
    db.close()
  })
})
