// The ReadableDB / WritableDB brands (types.ts). The `@ts-expect-error` lines are the test that
// matters: `npm run typecheck` fails if a write function ever accepts a read-only handle (the
// directive then has no error to expect). The run-time checks show the brand says what SQLite does.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { addArticle, addRound } from '../export/testkit'
import { createHighlight } from '../highlights/repo'
import { openNotebook } from '../notebook'
import { createTheme, listThemes } from '../themes/repo'
import { openDatabase } from './open'
import { readable, writableOf, type ReadableDB, type WritableDB } from './types'

const tempDir = useTempDir()

describe('ReadableDB and WritableDB', () => {
  it('a repository write function refuses a ReadableDB at compile time; SQLite refuses the write of a read-only open too', () => {
    const file = join(tempDir(), 'n.parley')
    const { db } = openDatabase(file)
    // A WritableDB is a ReadableDB: reads take either.
    const asRead: ReadableDB = db
    expect(listThemes(asRead)).toEqual(listThemes(db))
    createTheme(db, { name: 'Ports' })
    // @ts-expect-error createTheme writes: it takes a WritableDB, and a ReadableDB is not one.
    const refused = (): unknown => createTheme(asRead, { name: 'Never' })
    expect(typeof refused).toBe('function')
    db.close()

    const ro = openDatabase(file, { readOnly: true })
    expect(writableOf(ro.db)).toBeNull()
    // @ts-expect-error a read-only open gives only a ReadableDB.
    const notWritable: WritableDB = ro.db
    expect(notWritable).toBe(ro.db)
    // @ts-expect-error the same at the call: the type error stands for the run-time one below.
    expect(() => createTheme(ro.db, { name: 'Harbours' })).toThrow(/readonly/i)
    expect(listThemes(ro.db).map((t) => t.name)).toContain('Ports')
    ro.db.close()
  })

  it('a read-only notebook has only a ReadableDB and refuses writes at run time as well (the guard kept as defence in depth)', () => {
    const file = join(tempDir(), 'n.parley')
    const writable = openNotebook(file)
    const articleId = addArticle(writable.db, 'park.txt', ARTICLE)
    writable.close()

    const notebook = openNotebook(file, { readOnly: true })
    // @ts-expect-error createHighlight writes: a read-only notebook's handle cannot be passed to it.
    expect(() => createHighlight(notebook.db, { articleId, start: 0, end: 7, themeId: null }, new Date())).toThrow(/readonly/i)
    expect(() => notebook.handlers['highlights.create']({ articleId, start: 0, end: 7, themeId: null })).toThrow(
      expect.objectContaining({ code: 'read_only' }),
    )
    notebook.close()
  })

  it('the Matrix on a read-only notebook works out coverage in memory and writes no cache (it has no cacheWriter)', async () => {
    const file = join(tempDir(), 'n.parley')
    const writable = openNotebook(file)
    const park = addArticle(writable.db, 'park.txt', ARTICLE)
    const green = createTheme(writable.db, { name: 'Green space', keywords: { terms: ['park'], context: [] } }).id
    const rockets = createTheme(writable.db, { name: 'Rockets', keywords: { terms: ['rocket'], context: [] } }).id
    const roundId = addRound(writable.db, 'Park vote', '2025-05-20', 'City hall', [[park, 'reports']])
    writable.close()
    const bytes = readFileSync(file)

    const notebook = openNotebook(file, { readOnly: true })
    let rows = await notebook.handlers['matrix.rows']({ roundIds: [roundId], coverage: true })
    for (let i = 0; i < 20 && rows.some((r) => r.cells.some((c) => c.coverage === 'pending')); i++)
      rows = await notebook.handlers['matrix.rows']({ roundIds: [roundId], coverage: true })
    const coverageOf = (themeId: number): string | undefined => rows[0]?.cells.find((c) => c.themeId === themeId)?.coverage
    expect([coverageOf(green), coverageOf(rockets)]).toEqual(['mentioned-not-coded', 'not-mentioned'])
    expect(notebook.db.prepare('SELECT count(*) FROM article_mentions').pluck().get()).toBe(0)
    notebook.close()
    expect(readFileSync(file).equals(bytes)).toBe(true)

    // Opened writable, the same call stores its answers through the cacheWriter.
    const again = openNotebook(file)
    await again.handlers['matrix.rows']({ roundIds: [roundId], coverage: true })
    expect(again.db.prepare('SELECT count(*) FROM article_mentions').pluck().get()).toBeGreaterThan(0)
    again.close()
  })

  it('readable() and writableOf() brand a bare connection by what SQLite opened', () => {
    const { db } = openDatabase(':memory:')
    expect(writableOf(db)).toBe(db)
    expect(readable(db)).toBe(db)
    db.close()
  })
})
