import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { talksNotebook } from './testing'

const tempDir = useTempDir()

describe('matrix.claims', () => {
  it('counts the typed links touching each cell’s passages, agree and differ apart, once per cell, without deleted links', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    await h['rounds.detect']({})
    const geneva = (await h['rounds.list']({})).find((r) => r.venue === 'Geneva')!
    const [staffing, flights] = await h['themes.list']({})
    const mark = async (articleId: number, text: string, themeId: number | null): Promise<number> => {
      const body = (await h['articles.get']({ id: articleId })).body
      const start = body.indexOf(text)
      return (await h['highlights.create']({ articleId, start, end: start + text.length, themeId })).id
    }
    const wire = await mark(ids.wire, 'six fishing zones', staffing!.id)
    const weekly = await mark(ids.weekly, 'two fishing grounds', staffing!.id)
    const daily = await mark(ids.daily, 'without a deal on fishing quotas', flights!.id)
    const review = await mark(ids.review, 'lower fishing quotas', staffing!.id) // mentions the round only
    const relations = await h['linkRelations.list']({})
    const rel = (name: string): number => relations.find((r) => r.name === name)!.id
    await h['passageLinks.create']({ fromId: wire, toId: weekly, relationId: rel('contradicts') })
    const supports = await h['passageLinks.create']({ fromId: wire, toId: daily, relationId: rel('supports') })
    await h['passageLinks.create']({ fromId: daily, toId: review, relationId: rel('updates') })

    const cells = await h['matrix.claims']({})
    const cell = (themeId: number) => cells.find((c) => c.roundId === geneva.id && c.themeId === themeId)
    // Staffing: the contradiction (both ends in the cell, counted once) and the support (one end).
    expect(cell(staffing!.id)).toMatchObject({ agree: 1, differ: 1, other: 0 })
    // Flights: the support and the update; the review only mentions the round, so its end counts nowhere.
    expect(cell(flights!.id)).toMatchObject({ agree: 1, differ: 0, other: 1 })
    expect(cells.filter((c) => c.roundId === geneva.id)).toHaveLength(2)

    await h['passageLinks.delete']({ id: supports.id })
    expect((await h['matrix.claims']({ roundIds: [geneva.id] })).find((c) => c.themeId === staffing!.id)).toMatchObject({
      agree: 0,
      differ: 1,
    })
    notebook.close()
  })
})
