import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

const OTHER = `Council delays riverside park

The city council postponed its vote on the freight yard on Tuesday, officials said, and no park will be built this year.
`

async function setup() {
  const notebook = openNotebook(join(tempDir(), 'n.parley'))
  const h = notebook.handlers
  const results = await h['articles.import']({
    files: [
      { name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') },
      { name: 'delay.txt', data: Buffer.from(OTHER).toString('base64') },
    ],
  })
  const [a, b] = await Promise.all(results.map((r) => h['articles.get']({ id: r.id! })))
  const span = (body: string, text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length })
  const ha = await h['highlights.create']({ articleId: a!.id, ...span(a!.body, 'voted on Tuesday'), themeId: null })
  const hb = await h['highlights.create']({ articleId: b!.id, ...span(b!.body, 'postponed its vote'), themeId: null })
  const relations = await h['linkRelations.list']({})
  const rel = (name: string) => relations.find((r) => r.name === name)!.id
  return { notebook, h, a: a!, b: b!, ha, hb, rel }
}

describe('typed links between passages', () => {
  it('starts with supports, contradicts, repeats, quotes and updates, which the user can extend, rename, delete and restore', async () => {
    const { notebook, h } = await setup()
    expect((await h['linkRelations.list']({})).map((r) => r.name)).toEqual(['supports', 'contradicts', 'repeats', 'quotes', 'updates'])
    const mine = await h['linkRelations.create']({ name: 'explains', inverse: 'is explained by' })
    await expect(async () => h['linkRelations.create']({ name: 'Explains' })).rejects.toThrow(/already a relation/)
    expect((await h['linkRelations.update']({ id: mine.id, name: 'clarifies' })).name).toBe('clarifies')
    await h['linkRelations.delete']({ id: mine.id })
    expect((await h['linkRelations.list']({})).map((r) => r.name)).not.toContain('clarifies')
    await h['linkRelations.restore']({ id: mine.id })
    expect((await h['linkRelations.list']({})).map((r) => r.name)).toContain('clarifies')
    notebook.close()
  })

  it('links two passages with a relation and a note, shows the link from both ends, edits, deletes and restores it', async () => {
    const { notebook, h, a, b, ha, hb, rel } = await setup()
    const link = await h['passageLinks.create']({ fromId: ha.id, toId: hb.id, relationId: rel('contradicts'), note: 'vote or no vote?' })
    expect(link).toMatchObject({
      relation: 'contradicts',
      note: 'vote or no vote?',
      from: { highlightId: ha.id, articleId: a.id, exact: 'voted on Tuesday' },
      to: { highlightId: hb.id, articleId: b.id, exact: 'postponed its vote' },
    })
    expect((await h['passageLinks.list']({ highlightId: ha.id })).map((l) => l.id)).toEqual([link.id])
    expect((await h['passageLinks.list']({ highlightId: hb.id })).map((l) => l.id)).toEqual([link.id])
    expect((await h['passageLinks.list']({ articleId: b.id })).map((l) => l.id)).toEqual([link.id])
    await expect(async () => h['passageLinks.create']({ fromId: hb.id, toId: ha.id, relationId: rel('contradicts') })).rejects.toThrow(
      /already have this link/,
    )
    expect((await h['passageLinks.update']({ id: link.id, relationId: rel('updates') })).relation).toBe('updates')
    // The picker finds passages by their words, their article's title or outlet, not the one linked from.
    expect((await h['passageLinks.targets']({ query: 'vote', except: ha.id, limit: 20 })).map((t) => t.highlightId)).toEqual([hb.id])
    expect((await h['passageLinks.targets']({ query: '100%', limit: 20 })).map((t) => t.highlightId)).toEqual([])
    await h['passageLinks.delete']({ id: link.id })
    expect(await h['passageLinks.list']({ highlightId: ha.id })).toEqual([])
    expect((await h['passageLinks.restore']({ id: link.id })).relation).toBe('updates')
    expect(await h['passageLinks.list']({})).toHaveLength(1)
    notebook.close()
  })

  it('hides links with a deleted highlight or article and brings exactly them back with the undo', async () => {
    const { notebook, h, b, ha, hb, rel } = await setup()
    const link = await h['passageLinks.create']({ fromId: ha.id, toId: hb.id, relationId: rel('supports') })
    const gone = await h['highlights.delete']({ id: hb.id })
    expect(await h['passageLinks.list']({})).toEqual([])
    await h['highlights.restore']({
      id: gone.id,
      articleId: gone.articleId,
      themeId: gone.themeId,
      start: gone.start,
      end: gone.end,
      comment: gone.comment,
      createdAt: gone.createdAt,
    })
    expect((await h['passageLinks.list']({})).map((l) => l.id)).toEqual([link.id])

    await h['articles.delete']({ ids: [b.id] })
    expect(await h['passageLinks.list']({ highlightId: ha.id })).toEqual([])
    // A link the user deleted stays deleted when the article comes back.
    const second = await h['passageLinks.create']({
      fromId: ha.id,
      toId: (await h['highlights.create']({ articleId: ha.articleId, start: 0, end: 7, themeId: null })).id,
      relationId: rel('repeats'),
    })
    await h['passageLinks.delete']({ id: second.id })
    await h['articles.restore']({ ids: [b.id] })
    expect((await h['passageLinks.list']({})).map((l) => l.id)).toEqual([link.id])
    notebook.close()
  })

  it('refuses a link to itself, to a missing passage or with a deleted relation', async () => {
    const { notebook, h, ha, hb, rel } = await setup()
    await expect(async () => h['passageLinks.create']({ fromId: ha.id, toId: ha.id, relationId: rel('supports') })).rejects.toThrow(
      /itself/,
    )
    await expect(async () => h['passageLinks.create']({ fromId: ha.id, toId: 9999, relationId: rel('supports') })).rejects.toThrow(
      /highlight was not found/,
    )
    await h['linkRelations.delete']({ id: rel('quotes') })
    await expect(async () => h['passageLinks.create']({ fromId: ha.id, toId: hb.id, relationId: rel('quotes') })).rejects.toThrow(/deleted/)
    notebook.close()
  })
})
