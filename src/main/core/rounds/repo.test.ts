import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { contract } from '../../../shared/contract'
import type { Round } from '../../../shared/model'
import { talksNotebook } from './testing'

const tempDir = useTempDir()
const byVenue = (rounds: Round[], venue: string): Round => rounds.find((r) => r.venue === venue) as Round
const members = (r: Round): Array<[number, string, string]> => r.articles.map((a) => [a.articleId, a.role, a.source])

describe('rounds repository', () => {
  it('stores detected rounds with their articles and reasons, by date; re-detection is stable', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    // Import may already have proposed the rounds: then this run finds and refreshes the same ones.
    const first = await h['rounds.detect']({})
    expect(first).toMatchObject({ rounds: 2, removed: 0, kept: 0, suppressed: 0 })
    expect(first.created + first.updated).toBe(2)
    const rounds = await h['rounds.list']({})
    expect(rounds.map((r) => [r.venue, r.date, r.status])).toEqual([
      ['Geneva', '2025-02-27', 'proposed'],
      ['Vienna', '2025-04-10', 'proposed'],
    ])
    const geneva = byVenue(rounds, 'Geneva')
    expect(members(geneva)).toEqual([
      [ids.wire, 'reports', 'detected'],
      [ids.daily, 'reports', 'detected'],
      [ids.weekly, 'reports', 'detected'],
      [ids.review, 'mentions', 'detected'],
    ])
    expect(geneva.reasons[0]).toMatch(/^3 articles report a meeting in Geneva/)
    expect(geneva.locked).toBe(false)
    expect(await h['rounds.detect']({})).toEqual({ rounds: 2, created: 0, updated: 2, removed: 0, kept: 0, suppressed: 0 })
    expect((await h['rounds.list']({})).map((r) => r.id)).toEqual(rounds.map((r) => r.id))
    notebook.close()
  })

  it('a detection asked for while one runs gets that run’s answer (one run, not two)', async () => {
    const { notebook } = await talksNotebook(tempDir())
    const h = notebook.handlers
    const [a, b] = await Promise.all([h['rounds.detect']({}), h['rounds.detect']({})])
    expect(b).toBe(a)
    const again = await h['rounds.detect']({})
    expect(again).not.toBe(a)
    expect(again.rounds).toBe(a.rounds)
  })

  it('keeps accepted and edited rounds and the user’s placements through re-detection', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    await h['rounds.detect']({})
    const list = await h['rounds.list']({})
    const geneva = byVenue(list, 'Geneva')
    const vienna = byVenue(list, 'Vienna')
    await h['rounds.accept']({ id: geneva.id })
    await h['rounds.update']({ id: vienna.id, title: 'Second round', summary: 'Little progress.', date: '2025-04' })
    const moved = await h['rounds.moveArticle']({ articleId: ids.daily, fromId: geneva.id, toId: vienna.id })
    expect(moved.map((r) => r.id)).toEqual([geneva.id, vienna.id])

    const again = await h['rounds.detect']({})
    expect(again).toMatchObject({ rounds: 2, created: 0, kept: 2 })
    const after = await h['rounds.list']({})
    const g = after.find((r) => r.id === geneva.id) as Round
    const v = after.find((r) => r.id === vienna.id) as Round
    expect(g.status).toBe('accepted')
    expect(g.articles.map((a) => a.articleId)).not.toContain(ids.daily)
    expect(v).toMatchObject({
      title: 'Second round',
      summary: 'Little progress.',
      date: '2025-04',
      edited: ['title', 'summary', 'date'],
      locked: true,
    })
    expect(members(v)).toContainEqual([ids.daily, 'reports', 'user'])
    notebook.close()
  })

  it('deletes a proposal with an undo, and does not propose it again', async () => {
    const { notebook } = await talksNotebook(tempDir())
    const h = notebook.handlers
    await h['rounds.detect']({})
    const vienna = byVenue(await h['rounds.list']({}), 'Vienna')
    const snapshot = await h['rounds.delete']({ id: vienna.id })
    expect(snapshot.articles).toHaveLength(2)
    expect(await h['rounds.detect']({})).toMatchObject({ rounds: 1, created: 0, suppressed: 1 })
    // The snapshot crosses the contract as JSON and is valid input for rounds.restore.
    const input = contract['rounds.restore'].input.parse(JSON.parse(JSON.stringify(snapshot)))
    const restored = await h['rounds.restore'](input)
    expect(restored).toEqual({ ...vienna, updatedAt: restored.updatedAt })
    expect(await h['rounds.detect']({})).toMatchObject({ rounds: 2, created: 0, suppressed: 0 })
    notebook.close()
  })

  it('splits articles off into a new round and merges it back', async () => {
    const { notebook, ids } = await talksNotebook(tempDir())
    const h = notebook.handlers
    await h['rounds.detect']({})
    const geneva = byVenue(await h['rounds.list']({}), 'Geneva')
    const { from, to } = await h['rounds.split']({ id: geneva.id, articleIds: [ids.weekly], title: 'Weekly’s version' })
    expect(from.articles.map((a) => a.articleId)).not.toContain(ids.weekly)
    expect(to).toMatchObject({ title: 'Weekly’s version', venue: 'Geneva', status: 'accepted', locked: true })
    expect(members(to)).toEqual([[ids.weekly, 'reports', 'user']])
    await expect(async () => h['rounds.split']({ id: geneva.id, articleIds: [ids.sport] })).rejects.toThrow(/Only articles of the round/)

    const merged = await h['rounds.merge']({ sourceId: to.id, targetId: geneva.id })
    expect(members(merged)).toContainEqual([ids.weekly, 'reports', 'user'])
    expect((await h['rounds.list']({})).map((r) => r.id)).not.toContain(to.id)
    await expect(async () => h['rounds.accept']({ id: to.id })).rejects.toThrow(/round was not found/)
    notebook.close()
  })

  it('validates input at the contract: EDTF dates, a move needs a side, no self-merge', () => {
    const update = contract['rounds.update'].input
    for (const date of ['2025-02-27', '2025-02', '2025', 'XXXX-02-27', 'XXXX-02', null])
      expect(update.safeParse({ id: 1, date }).success).toBe(true)
    for (const date of ['XXXX', '2025-13-01', '27 Feb', '2025-02-32'])
      expect(update.safeParse({ id: 1, date }).success, String(date)).toBe(false)
    expect(contract['rounds.moveArticle'].input.safeParse({ articleId: 1, fromId: null, toId: null }).success).toBe(false)
    expect(contract['rounds.merge'].input.safeParse({ sourceId: 2, targetId: 2 }).success).toBe(false)
    expect(contract['rounds.update'].input.safeParse({ id: 1, extra: true }).success).toBe(false)
  })
})
