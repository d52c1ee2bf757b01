import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { migrations } from './migrate'
import { openDatabase } from './open'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

const paragraph = (text: string) => ({
  root: {
    type: 'root' as const,
    version: 1,
    children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }],
  },
})

describe('migration 012: unstemmed index for prefix queries in notes', () => {
  it('indexes the notes already stored, and note search finds staff* in "staffing" while plain words keep stemming', async () => {
    const file = join(tempDir(), 'n.parley')
    const before = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 11) })
    before.db
      .prepare(
        `INSERT INTO notes (title, content, plain, created_at, updated_at) VALUES ('Round two', '{}', 'Embassy staffing levels stayed where they were.', 'now', 'now')`,
      )
      .run()
    expect(before.db.prepare(`SELECT rowid FROM notes_fts WHERE notes_fts MATCH '"staff"*'`).pluck().all()).toEqual([])
    before.db.close()

    const notebook = openNotebook(file)
    const titles = async (query: string) => (await notebook.handlers['notes.list']({ query })).map((n) => n.title)
    expect(await titles('staff*')).toEqual(['Round two'])
    expect(await titles('stay')).toEqual(['Round two']) // no prefix: stemmed, "stayed" ~ "stay"
    const created = await notebook.handlers['notes.create']({ title: 'Flights', content: paragraph('Staffers flew home.') })
    expect((await titles('staff*')).sort()).toEqual(['Flights', 'Round two'])
    await notebook.handlers['notes.save']({ id: created.id, content: paragraph('Nobody flew.') })
    expect(await titles('staff*')).toEqual(['Round two'])
    await notebook.handlers['notes.delete']({ id: created.id })
    expect(() =>
      notebook.db.prepare(`INSERT INTO notes_fts_exact (notes_fts_exact, rank) VALUES ('integrity-check', 1)`).run(),
    ).not.toThrow()
    notebook.close()
  })
})
