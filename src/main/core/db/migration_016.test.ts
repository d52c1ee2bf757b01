import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { insertArticle, openAt } from './migration-testkit'
import { openDatabase, type Db } from './open'

const tempDir = useTempDir()
const T = '2025-05-24T09:12:00.000Z'

const colours = (db: Db): Record<string, string> =>
  Object.fromEntries(
    (db.prepare('SELECT name, color FROM themes ORDER BY id').all() as Array<{ name: string; color: string }>).map((r) => [
      r.name,
      r.color,
    ]),
  )

const code = (db: Db, articleId: number, themeId: number): void => {
  db.prepare(
    `INSERT INTO highlights (article_id, theme_id, start, "end", exact, created_at, updated_at) VALUES (?, ?, 0, 4, 'Body', ?, ?)`,
  ).run(articleId, themeId, T, T)
}

describe('migration 016: seed theme colours', () => {
  it('gives a new notebook the colour-blind safe seeds (no selection blue), apart from the palette colours new themes take', () => {
    const { db } = openDatabase(join(tempDir(), 'new.parley'))
    expect(colours(db)).toMatchObject({ 'Embassy staffing': '#c98a00', 'Diplomatic properties': '#009e73', 'Direct flights': '#aa4499' })
    db.close()
  })

  it('recolours only seeds the user has not made theirs: edited, coded (also in the trash) or whose new colour another theme has keep theirs', () => {
    const dir = tempDir()
    // Untouched notebook: all three change.
    const fresh = join(dir, 'fresh.parley')
    openAt(fresh, 15).close()
    const a = openDatabase(fresh).db
    expect(colours(a)).toMatchObject({ 'Embassy staffing': '#c98a00', 'Diplomatic properties': '#009e73', 'Direct flights': '#aa4499' })
    a.close()

    // A worked notebook: staffing coded, properties recoloured by the user and renamed, flights uncoded,
    // and an article in the trash holding a passage of a user theme.
    const worked = join(dir, 'worked.parley')
    const before = openAt(worked, 15)
    const article = insertArticle(before, 'h1')
    code(before, article, 1)
    before.prepare("UPDATE themes SET color = '#123456', name = 'Property' WHERE id = 2").run()
    before.close()
    const b = openDatabase(worked).db
    expect(colours(b)).toEqual({ 'Embassy staffing': '#e0a100', Property: '#123456', 'Direct flights': '#aa4499' })
    b.close()

    // Flights coded only inside a deleted article; staffing's new colour already taken by a user theme.
    const trashed = join(dir, 'trashed.parley')
    const c0 = openAt(trashed, 15)
    c0.prepare("INSERT INTO themes (name, color, position) VALUES ('Sanctions', '#c98a00', 4)").run()
    const snapshot = {
      version: 1,
      article: { id: 9 },
      highlights: [{ id: 1, article_id: 9, theme_id: 3 }],
      rejections: [],
      rounds: [],
      exclusions: [],
      links: [],
      laterVersions: [],
    }
    c0.prepare('INSERT INTO deleted_articles (id, title, snapshot, highlight_max, deleted_at) VALUES (9, ?, ?, 1, ?)').run(
      'Gone',
      JSON.stringify(snapshot),
      T,
    )
    c0.close()
    const c = openDatabase(trashed).db
    expect(colours(c)).toEqual({
      'Embassy staffing': '#e0a100',
      'Diplomatic properties': '#009e73',
      'Direct flights': '#3b6fd8',
      Sanctions: '#c98a00',
    })
    // The three seeds and the user's theme are four different colours.
    expect(new Set(Object.values(colours(c))).size).toBe(4)
    c.close()
  })
})
