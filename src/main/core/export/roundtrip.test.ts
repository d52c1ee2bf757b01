import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { extractMarks } from '../articles/markdown'
import type { Db } from '../db/open'
import { openNotebook } from '../notebook'
import { addArticle, highlight } from './testkit'
import { exportVault } from './vault'

const tempDir = useTempDir()

const TRICKY = `Envoys meet on *staffing* & [properties]

MOSCOW (Reuters) - Officials said 2 * 3 = 6 staff, _not_ 8, would return to the embassy; costs rose 5% to $3 == "a #1 priority" ^note.

1. The second round, officials said, would take place in Washington in the autumn, after a pause of several months.

The Russian side asked for the return of two compounds in Maryland and New York that were closed in December.
`

interface Snapshot {
  meta: Array<Record<string, unknown>>
  highlights: Array<{ title: string; exact: string; start: number; end: number; theme: string | null; comment: string }>
}

function snapshot(db: Db): Snapshot {
  return {
    meta: db.prepare('SELECT title, outlet, wire, author, published, url, body FROM articles ORDER BY title').all() as Array<
      Record<string, unknown>
    >,
    highlights: db
      .prepare(
        `SELECT a.title, h.exact, h.start, h."end" AS end, t.name AS theme, h.comment FROM highlights h JOIN articles a ON a.id = h.article_id
         LEFT JOIN themes t ON t.id = h.theme_id ORDER BY a.title, h.start`,
      )
      .all() as Snapshot['highlights'],
  }
}

describe('export → import round trip', () => {
  it('restores articles with their metadata and highlights from articles/*.md', async () => {
    const dir = tempDir()
    const source = openNotebook(join(dir, 'a.parley'))
    const park = addArticle(source.db, 'park.txt', ARTICLE)
    const tricky = addArticle(source.db, 'tricky.txt', TRICKY)
    source.db
      .prepare(
        "UPDATE articles SET outlet = 'City Post', published = '2024-05-02', author = 'Jane Doe', url = 'https://example.org/park' WHERE id = ?",
      )
      .run(park)
    source.db.prepare("UPDATE articles SET outlet = 'The Courier', published = '2017-07-18', wire = 'Reuters' WHERE id = ?").run(tricky)
    // Comments travel as callouts under their paragraph and come back onto their highlight.
    highlight(source.db, park, 'public park', 1, 'Why *now*?\n> Ask the council.')
    highlight(source.db, park, 'the council leader told reporters', null, 'Who else was there?')
    highlight(source.db, tricky, '2 * 3 = 6 staff, _not_ 8', 1)
    highlight(source.db, tricky, 'costs rose 5% to $3 == "a #1 priority"', 2)
    source.db.prepare("INSERT INTO themes (name, color, position) VALUES ('Sanctions relief', '#123456', 9)").run()
    highlight(source.db, tricky, 'two compounds in Maryland and New York', 4)
    const out = join(dir, 'vault')
    await exportVault(source.db, out)
    const before = snapshot(source.db)
    source.close()

    const target = openNotebook(join(dir, 'b.parley'))
    // A fresh notebook without the custom theme: the import makes it.
    const results = await target.importPaths(readdirSync(join(out, 'articles')).map((f) => join(out, 'articles', f)))
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported'])
    const after = snapshot(target.db)
    target.close()
    expect(after.meta).toEqual(before.meta)
    expect(after.highlights).toEqual(before.highlights)
  })

  it("keeps a comment callout as text when it is not under a marked paragraph of Parley's", () => {
    const md = 'Plain paragraph.\n\n> [!note] Comment on “Plain”\n> Mine, not an export.'
    expect(extractMarks(md).markdown).toBe(md)
  })

  it('takes ==marks== and block ids out of Markdown, keeping escaped == as text', () => {
    const { markdown, marks } = extractMarks('A ==big \\*bold\\* step== and 1 \\=\\= 1 here. ^h-3\n\nNo ==close here', ['Staffing'])
    expect(markdown).toBe('A big \\*bold\\* step and 1 \\=\\= 1 here.\n\nNo ==close here')
    expect(marks).toEqual([{ exact: 'big *bold* step', prefix: 'A ', suffix: ' and 1 == 1 here.', theme: 'Staffing' }])
  })
})
