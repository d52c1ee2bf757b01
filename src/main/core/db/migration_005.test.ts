import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { insertArticle, openAt, planOf, TEMP_SORT, usesIndex } from './migration-testkit'

const tempDir = useTempDir()

describe('migration 005: notes, their links and note search', () => {
  it('adds notes beside the stored articles, one note per matrix cell, links that go with their note, and the indexes the note list and backlinks read', () => {
    const file = join(tempDir(), 'n.parley')
    const before = openAt(file, 4)
    const article = insertArticle(before, 'a')
    before.close()

    const db = openAt(file, 5)
    const note = (title: string, plain: string, round: number | null = null, theme: number | null = null) =>
      Number(
        db
          .prepare(
            `INSERT INTO notes (title, content, plain, round_id, theme_id, created_at, updated_at) VALUES (?, '{}', ?, ?, ?, 'now', 'now')`,
          )
          .run(title, plain, round, theme).lastInsertRowid,
      )
    const first = note('Round two', 'Staffing levels were agreed.')
    expect(db.prepare(`SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'agree'`).pluck().all()).toEqual([first])
    note('Cell', '', 1, 1)
    expect(() => note('Cell again', '', 1, 1)).toThrow(/UNIQUE/)
    db.prepare("INSERT INTO note_links (note_id, kind, target_id) VALUES (?, 'article', ?)").run(first, article)
    expect(() => db.prepare("INSERT INTO note_links (note_id, kind, target_id) VALUES (?, 'web', 1)").run(first)).toThrow(/CHECK/)
    db.prepare('DELETE FROM notes WHERE id = ?').run(first)
    expect(db.prepare('SELECT count(*) FROM note_links').pluck().get()).toBe(0)
    expect(() => db.prepare(`INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow()

    const list = planOf(db, 'SELECT id FROM notes WHERE deleted_at IS NULL ORDER BY updated_at DESC')
    expect(list).toMatch(usesIndex('notes_by_updated'))
    expect(list).not.toMatch(TEMP_SORT)
    expect(planOf(db, "SELECT note_id FROM note_links WHERE kind = 'article' AND target_id = ?", article)).toMatch(
      usesIndex('note_links_by_target'),
    )
    expect(planOf(db, 'DELETE FROM note_links WHERE note_id = ?', 1)).toMatch(usesIndex('note_links_by_note'))
    expect(planOf(db, 'SELECT id FROM notes WHERE round_id = ? AND theme_id = ? AND deleted_at IS NULL', 1, 1)).toMatch(
      usesIndex('notes_by_cell'),
    )
    db.close()
  })
})
