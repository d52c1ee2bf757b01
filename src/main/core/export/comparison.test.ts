import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { talksNotebook } from '../rounds/testing'
import { exportVault } from './vault'

const tempDir = useTempDir()

describe('comparison.md with sub-themes', () => {
  it('has one column per top-level theme, counts a sub-theme’s passages in its parent’s and names the sub-theme under its quote', async () => {
    const dir = tempDir()
    const { notebook, ids } = await talksNotebook(dir)
    const h = notebook.handlers
    await h['rounds.detect']({})
    const [staffing, properties, flights] = await h['themes.list']({})
    const visas = await h['themes.create']({ name: 'Visas' })
    await h['themes.setParent']({ id: visas.id, parentId: staffing!.id })
    const mark = async (articleId: number, text: string, themeId: number): Promise<void> => {
      const body = (await h['articles.get']({ id: articleId })).body
      const start = body.indexOf(text)
      await h['highlights.create']({ articleId, start, end: start + text.length, themeId })
    }
    await mark(ids.wire, 'six fishing zones', staffing!.id)
    await mark(ids.weekly, 'two fishing grounds', visas.id)

    const out = join(dir, 'vault')
    await exportVault(notebook.db, out)
    const comparison = readFileSync(join(out, 'comparison.md'), 'utf8')
    expect(comparison).toContain(`| Round | Date | Venue | ${staffing!.name} | ${properties!.name} | ${flights!.name} |\n`)
    expect(comparison).toMatch(/\| \[Talks in Geneva[^|]*\| 2025-02-27 \| Geneva \| 2 \| not covered \| not covered \|/)
    expect(comparison).not.toContain('### Visas')
    const cell = comparison.slice(comparison.indexOf(`### ${staffing!.name}`), comparison.indexOf(`### ${properties!.name}`))
    // The parent's own passage unlabelled, the sub-theme's named; in the round's article order.
    expect(cell).toMatch(/> six fishing zones\n>\n> — [^\n]*\)\n\n> two fishing grounds\n>\n> — [^\n]* \(Visas\)\n/)
    notebook.close()
  })
})
