import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { TALKS } from './testing'

const tempDir = useTempDir()

// A report of the meeting after TALKS.wire's (Geneva, 2025-02-27), on Sunday 2025-03-02, with no date: its
// "Sunday" falls on none of the days of the notebook's round, so it stays apart until it has a date; then it is
// three days after the round's report, at its place and with its people, and joins it.
const UNDATED = `---\ntitle: Quota talks in Geneva\noutlet: The Evening Post\n---\n\nAnna Berg and Tomas Varga held talks in Geneva on Sunday over fishing quotas and tariffs.\n\nOfficials said the gap on tariffs had narrowed since the winter.\n`

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('rounds after a date is set (issue 16)', () => {
  it('re-detects by itself when an article gets its date; the user’s accepted round keeps its id and gains it', async () => {
    const changes: string[] = []
    const notebook = openNotebook(join(tempDir(), 'dates.parley'), { emit: (event) => changes.push(event) })
    const h = notebook.handlers
    try {
      const [wire, undated] = await h['articles.import']({
        files: [
          { name: 'wire.md', data: Buffer.from(TALKS.wire).toString('base64') },
          { name: 'undated.md', data: Buffer.from(UNDATED).toString('base64') },
        ],
      })
      await h['rounds.detect']({})
      const before = await h['rounds.list']({})
      const geneva = before.find((r) => r.articles.some((a) => a.articleId === wire?.id))
      expect(geneva?.articles.map((a) => a.articleId)).toEqual([wire?.id])
      expect(before.some((r) => r.id !== geneva?.id && r.articles.some((a) => a.articleId === undated?.id))).toBe(true)
      await h['rounds.accept']({ id: geneva?.id as number })

      const seen = changes.length
      await h['articles.update']({ id: undated?.id as number, published: '2025-03-03' })
      // One change for the edit, one when the new rounds are stored.
      await waitFor(() => changes.slice(seen).filter((e) => e === 'library.changed').length >= 2)

      const after = await h['rounds.list']({})
      const round = after.find((r) => r.id === geneva?.id)
      expect(round?.status).toBe('accepted')
      expect(round?.articles.map((a) => a.articleId).sort()).toEqual([wire?.id, undated?.id].sort())
      expect(after.filter((r) => r.articles.some((a) => a.articleId === undated?.id))).toHaveLength(1)
    } finally {
      notebook.close()
    }
  })

  it('does not re-detect when an edit leaves the date as it was', async () => {
    const changes: string[] = []
    const notebook = openNotebook(join(tempDir(), 'same.parley'), { emit: (event) => changes.push(event) })
    const h = notebook.handlers
    try {
      const [wire] = await h['articles.import']({ files: [{ name: 'wire.md', data: Buffer.from(TALKS.wire).toString('base64') }] })
      const seen = changes.length
      await h['articles.update']({ id: wire?.id as number, outlet: 'Another Wire' })
      // Longer than a detection of one article takes.
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(changes.slice(seen)).toEqual(['library.changed'])
    } finally {
      notebook.close()
    }
  })
})
