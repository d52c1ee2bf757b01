import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { contract, type Handlers } from '../../../shared/contract'
import { openNotebook, type Notebook } from '../notebook'

const tempDir = useTempDir()

/** The calls used here answer at once; the contract's type allows a promise for every call. */
type SyncHandlers = { [M in keyof Handlers]: (input: Parameters<Handlers[M]>[0]) => Awaited<ReturnType<Handlers[M]>> }
const sync = (notebook: Notebook): SyncHandlers => notebook.handlers as unknown as SyncHandlers

const STAFFING = `Embassy staffing row deepens

Moscow and Washington failed again on Thursday to agree on embassy staffing levels, officials said. "We are far apart on the number of diplomats," one negotiator said.

The talks in Istanbul also touched on seized diplomatic properties.
`

const b64 = (text: string): string => Buffer.from(text).toString('base64')

async function importText(notebook: Notebook, name: string, text: string): Promise<number> {
  const [result] = await notebook.handlers['articles.import']({ files: [{ name, data: b64(text) }] })
  if (result?.status !== 'imported' || result.id === undefined) throw new Error(`not imported: ${JSON.stringify(result)}`)
  return result.id
}

/** Every row that belongs to an article (and what the triggers derive from it), in a stable order. */
function state(notebook: Notebook): Record<string, unknown[]> {
  const all = (sql: string): unknown[] => notebook.db.prepare(sql).all()
  return {
    articles: all('SELECT * FROM articles ORDER BY id'),
    highlights: all('SELECT * FROM highlights ORDER BY id'),
    rejections: all('SELECT * FROM suggestion_rejections ORDER BY article_id, theme_id, start'),
    rounds: all('SELECT * FROM article_rounds ORDER BY round_id, article_id'),
    exclusions: all('SELECT * FROM round_exclusions ORDER BY round_id, article_id'),
    links: all('SELECT * FROM note_links ORDER BY note_id, kind, target_id, context'),
    cells: all('SELECT * FROM matrix_cells ORDER BY round_id, theme_id'),
    counts: all('SELECT * FROM article_theme_counts ORDER BY article_id, theme_id'),
    notes: all('SELECT id, title, content, plain FROM notes ORDER BY id'),
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

async function setUp(): Promise<{ notebook: Notebook; park: number; staffing: number; quoted: number; noteId: number; roundId: number }> {
  const notebook = openNotebook(join(tempDir(), 'n.parley'))
  const h = sync(notebook)
  const park = await importText(notebook, 'park.txt', ARTICLE)
  const staffing = await importText(notebook, 'staffing.txt', STAFFING)
  const article = await h['articles.get']({ id: staffing })
  const at = (text: string) => ({ start: article.body.indexOf(text), end: article.body.indexOf(text) + text.length })
  const quoted = (
    await h['highlights.create']({ articleId: staffing, ...at('agree on embassy staffing levels'), themeId: 1, comment: 'key' })
  ).id
  h['highlights.create']({ articleId: staffing, ...at('seized diplomatic properties'), themeId: 2 })
  h['highlights.create']({ articleId: park, start: 0, end: 7, themeId: 1 })
  h['suggestions.reject']({ articleId: staffing, ...at('We are far apart'), themeId: 1 })
  const rounds = await h['rounds.list']({})
  const roundId = rounds[0]?.id
  if (roundId === undefined) throw new Error('detection proposed no round for the staffing article')
  if (!rounds[0]?.articles.some((a) => a.articleId === staffing)) {
    h['rounds.moveArticle']({ articleId: staffing, fromId: null, toId: roundId, role: 'reports' })
  }
  const note = await h['notes.create']({
    title: 'Staffing notes',
    content: {
      root: {
        type: 'root',
        version: 1,
        children: [
          {
            type: 'paragraph',
            version: 1,
            children: [
              { type: 'text', version: 1, text: 'See ' },
              { type: 'parley-ref', version: 1, kind: 'article', id: staffing, label: 'Embassy staffing row deepens' },
            ],
          },
        ],
      },
    },
  })
  h['notes.appendQuote']({ noteId: note.id, highlightId: quoted })
  return { notebook, park, staffing, quoted, noteId: note.id, roundId }
}

describe('deleting articles', () => {
  it('takes an article out of every place with its highlights, rejections, rounds and links, and Undo puts back exactly what was there', async () => {
    const { notebook, park, staffing, quoted, noteId, roundId } = await setUp()
    const h = sync(notebook)
    const before = state(notebook)
    expect((before.rounds as Array<{ article_id: number }>).some((r) => r.article_id === staffing)).toBe(true)
    expect(new Set((before.links as Array<{ kind: string }>).map((l) => l.kind))).toEqual(new Set(['article', 'highlight']))

    const deleted = await h['articles.delete']({ ids: [staffing] })
    expect(deleted).toMatchObject({ ids: [staffing], highlights: 2, notes: 1, rounds: 1 })
    const after = state(notebook)
    expect((after.articles as Array<{ id: number }>).map((a) => a.id)).toEqual([park])
    expect((after.highlights as Array<{ article_id: number }>).every((r) => r.article_id === park)).toBe(true)
    expect(after.rejections).toEqual([])
    expect((after.rounds as Array<{ article_id: number }>).some((r) => r.article_id === staffing)).toBe(false)
    expect(after.links).toEqual([])
    // The matrix counts no passage of the deleted article.
    expect((after.counts as Array<{ article_id: number }>).every((c) => c.article_id === park)).toBe(true)
    expect(notebook.db.prepare('SELECT count(*) FROM matrix_cells WHERE round_id = ? AND theme_id = 2').pluck().get(roundId)).toBe(0)
    // The note keeps its text; its quote and link say the source was deleted.
    expect(after.notes).toEqual(before.notes)
    expect(h['highlights.lookup']({ ids: [quoted] })).toEqual([
      { id: quoted, exists: false, exact: null, articleId: staffing, orphan: false, articleDeleted: true },
    ])
    expect(h['links.resolve']({ refs: [{ kind: 'article', id: staffing }] })).toEqual([
      { kind: 'article', id: staffing, title: null, deleted: true, was: 'Embassy staffing row deepens' },
    ])
    expect(h['notes.backlinks']({ kind: 'article', id: staffing })).toEqual([])
    // Search (stemmed and prefix), the list, the [[ typeahead and the article itself no longer find it.
    expect(h['articles.search']({ query: 'staffing', limit: 10 })).toEqual([])
    expect(h['articles.search']({ query: 'staff*', limit: 10 })).toEqual([])
    expect(h['articles.list']({ sort: 'published', direction: 'desc' }).map((a) => a.id)).toEqual([park])
    expect(h['links.search']({ query: 'Embassy staffing row', limit: 10 }).filter((t) => t.kind === 'article')).toEqual([])
    expect(() => h['articles.get']({ id: staffing })).toThrow(/not found/)
    expect(h['notebook.info']({}).articles).toBe(1)

    // Export never shows it: no file names it, no data file carries its text.
    const dir = join(tempDir(), 'vault')
    await notebook.handlers['notebook.export']({ dir })
    const exported = filesUnder(dir).filter((f) => !f.endsWith('.qdpx'))
    expect(exported.length).toBeGreaterThan(3)
    // The note keeps the words it quoted (that is the user's writing); nothing else carries them.
    for (const file of exported.filter((f) => !f.includes(`${sep}notes${sep}`))) {
      expect(readFileSync(file, 'utf8'), file).not.toContain('staffing levels')
    }

    const restored = await h['articles.restore']({ ids: [staffing] })
    expect(restored).toMatchObject({ ids: [staffing], highlights: 2, notes: 1, rounds: 1 })
    expect(state(notebook)).toEqual(before)
    expect(h['articles.search']({ query: 'staff*', limit: 10 }).map((x) => x.id)).toEqual([staffing])
    expect(new Set(h['notes.backlinks']({ kind: 'article', id: staffing }).map((b) => b.noteId))).toEqual(new Set([noteId]))
    expect(h['highlights.lookup']({ ids: [quoted] })[0]).toMatchObject({ exists: true, articleId: staffing })
    expect(() => h['articles.restore']({ ids: [staffing] })).toThrow(/not found/)
    notebook.close()
  })

  it('deletes several at once or none: an unknown id leaves everything in place', async () => {
    const { notebook, park, staffing } = await setUp()
    const h = sync(notebook)
    const before = state(notebook)
    expect(() => h['articles.delete']({ ids: [park, 999_999] })).toThrow(/not found/)
    expect(state(notebook)).toEqual(before)
    expect(h['articles.delete']({ ids: [park, staffing, park] })).toMatchObject({ ids: [park, staffing], highlights: 3 })
    expect(h['articles.list']({ sort: 'published', direction: 'desc' })).toEqual([])
    h['articles.restore']({ ids: [park, staffing] })
    expect(state(notebook)).toEqual(before)
    notebook.close()
  })

  it('never gives a deleted article’s ids to new articles or highlights, and refuses Undo over a re-imported copy', async () => {
    const { notebook, park, staffing, quoted } = await setUp()
    const h = sync(notebook)
    h['articles.delete']({ ids: [staffing] })
    const other = await importText(notebook, 'other.txt', 'Ferry timetable\n\nThe ferry now leaves at nine on weekdays.\n')
    expect(other).toBeGreaterThan(staffing)
    const newHighlight = h['highlights.create']({ articleId: park, start: 8, end: 15, themeId: null })
    expect(newHighlight.id).toBeGreaterThan(quoted)
    const again = await importText(notebook, 'staffing-again.txt', STAFFING)
    expect(() => h['articles.restore']({ ids: [staffing] })).toThrow(/imported again/)
    h['articles.delete']({ ids: [again] })
    expect(h['articles.restore']({ ids: [staffing] }).ids).toEqual([staffing])
    expect(h['highlights.lookup']({ ids: [quoted] })[0]).toMatchObject({ exists: true, articleId: staffing })
    notebook.close()
  })

  it('validates its input with the contract', () => {
    const schema = contract['articles.delete'].input
    expect(schema.safeParse({ ids: [1, 2] }).success).toBe(true)
    for (const bad of [{}, { ids: [] }, { ids: [0] }, { ids: [1.5] }, { ids: ['1'] }, { ids: [1], extra: true }]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
    expect(contract['articles.restore'].input.safeParse({ ids: [] }).success).toBe(false)
  })
})

describe('bulk edits of a Library selection', () => {
  it('sets outlet and date on several articles in one transaction, and its undo restores detected and hand-set values alike', async () => {
    const { notebook, park, staffing } = await setUp()
    const h = sync(notebook)
    h['articles.update']({ id: park, outlet: 'Harbour Gazette' })
    const before = h['articles.list']({ sort: 'imported', direction: 'asc' })
    const beforeEdits = notebook.db.prepare('SELECT id, outlet, published, edits FROM articles ORDER BY id').all()
    expect(() =>
      h['articles.updateMany']({
        patches: [
          { id: park, outlet: 'X' },
          { id: 999_999, outlet: 'X' },
        ],
      }),
    ).toThrow(/not found/)
    expect(notebook.db.prepare('SELECT id, outlet, published, edits FROM articles ORDER BY id').all()).toEqual(beforeEdits)

    const edit = h['articles.updateMany']({
      patches: [park, staffing].map((id) => ({ id, outlet: 'Interfax', published: '2025-02-27' })),
    })
    expect(edit.changed).toBe(2)
    expect(h['articles.list']({ sort: 'imported', direction: 'asc' }).map((a) => [a.outlet, a.published])).toEqual([
      ['Interfax', '2025-02-27'],
      ['Interfax', '2025-02-27'],
    ])
    h['articles.updateMany']({ patches: edit.undo })
    expect(notebook.db.prepare('SELECT id, outlet, published, edits FROM articles ORDER BY id').all()).toEqual(beforeEdits)
    expect(h['articles.list']({ sort: 'imported', direction: 'asc' })).toEqual(before)
    notebook.close()
  })

  it('adds articles to a round as the user’s placement, and takes only those back out on undo', async () => {
    const { notebook, park, staffing, roundId } = await setUp()
    const h = sync(notebook)
    const members = () =>
      notebook.db.prepare('SELECT article_id, role, source FROM article_rounds WHERE round_id = ? ORDER BY article_id').all(roundId)
    const before = members()
    const added = h['articles.addToRound']({ roundId, ids: [park, staffing] })
    expect(added.added).toEqual([park])
    expect(added.promoted).toEqual([])
    expect(members()).toContainEqual({ article_id: park, role: 'reports', source: 'user' })
    h['articles.removeFromRound']({ roundId, ids: added.added })
    expect(members()).toEqual(before)
    expect(notebook.db.prepare('SELECT count(*) FROM round_exclusions').pluck().get()).toBe(0)

    // An article that only recalls the round now reports it; Undo gives it its old role back.
    h['rounds.moveArticle']({ articleId: park, fromId: null, toId: roundId, role: 'mentions' })
    const recalled = members()
    const promoted = h['articles.addToRound']({ roundId, ids: [park] })
    expect(promoted).toEqual({ roundId, added: [], promoted: [{ articleId: park, role: 'mentions', source: 'user' }] })
    expect(members()).toContainEqual({ article_id: park, role: 'reports', source: 'user' })
    h['articles.removeFromRound']({ roundId, ids: promoted.added, restore: promoted.promoted })
    expect(members()).toEqual(recalled)
    notebook.close()
  })
})
