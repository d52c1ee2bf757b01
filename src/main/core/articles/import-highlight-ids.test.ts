import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

const STAFFING = `Embassy staffing row deepens

Moscow and Washington failed again on Thursday to agree on embassy staffing levels, officials said.

The talks in Istanbul also touched on seized diplomatic properties.
`

const MARKED = `Ferries run again

The ==ferry crossing== reopened on Monday and ==direct flights== resumed a week later, officials said.
`

const file = (name: string, text: string): { name: string; data: string } => ({ name, data: Buffer.from(text).toString('base64') })

describe('highlights made by an import', () => {
  it('are numbered above the highlights of deleted articles, so Undo brings those back under their own ids', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const h = notebook.handlers
    const [staffing] = await h['articles.import']({ files: [file('staffing.txt', STAFFING)] })
    const id = staffing?.id as number
    const body = (await h['articles.get']({ id })).body
    const made: number[] = []
    for (const words of ['embassy staffing levels', 'Istanbul', 'diplomatic properties']) {
      const start = body.indexOf(words)
      made.push((await h['highlights.create']({ articleId: id, start, end: start + words.length, themeId: null })).id)
    }
    await h['articles.delete']({ ids: [id] })

    const [marked] = await h['articles.import']({ files: [file('ferries.md', MARKED)] })
    expect(marked?.status).toBe('imported')
    const imported = await h['highlights.list']({ articleId: marked?.id as number })
    expect(imported.map((x) => x.exact)).toEqual(['ferry crossing', 'direct flights'])
    // Not the deleted article's ids, which a note may quote and Undo gives back.
    expect(Math.min(...imported.map((x) => x.id))).toBeGreaterThan(Math.max(...made))

    await h['articles.restore']({ ids: [id] })
    expect((await h['highlights.list']({ articleId: id })).map((x) => x.id)).toEqual(made)
    notebook.close()
  })
})
