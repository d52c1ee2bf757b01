import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { talksNotebook } from '../rounds/testing'
import { parseCsv } from './testkit'
import { exportVault } from './vault'

const tempDir = useTempDir()

describe('quote provenance in the export', () => {
  it('comparison.md names each shared quotation’s first carrier and how the others re-used it; claims.csv names the first carrier', async () => {
    const dir = tempDir()
    const { notebook, ids } = await talksNotebook(dir)
    const h = notebook.handlers
    await h['rounds.detect']({})
    const geneva = (await h['rounds.list']({})).find((r) => r.venue === 'Geneva')!
    const proposals = await h['claims.propose']({ roundId: geneva.id })
    const quoted = proposals.claims.find((c) => c.reasons.some((r) => r.startsWith('same quotation')))!
    await h['claims.accept']({ roundId: geneva.id, key: quoted.key })

    const out = join(dir, 'vault')
    await exportVault(notebook.db, out)
    const comparison = readFileSync(join(out, 'comparison.md'), 'utf8')
    const section = comparison.slice(comparison.indexOf('### Quote provenance'))
    expect(section).toMatch(/^### Quote provenance\n\n> We are closer than ever to a fair deal on quotas,\n\n/)
    expect(section).toMatch(
      /\n- First carrier: Northwire, \[[^\]]+\]\([^)]+\) \(2025-02-28\)\. Why: first carrier: Northwire published 2025-02-28, before The Daily on 2025-03-01\.\n/,
    )
    expect(section).toMatch(
      /\n- Trimmed: The Daily, \[[^\]]+\]\([^)]+\) \(2025-03-01\)\. Why: re-used trimmed \(dropped “fair”\): Northwire published 2025-02-28, before The Daily on 2025-03-01\.\n/,
    )

    const rows = parseCsv(readFileSync(join(out, 'claims.csv'), 'utf8').replace(/^\uFEFF/, ''))
    const column = rows[0]!.indexOf('quote_first_carrier')
    const daily = rows.find((r) => r[5] === String(ids.daily))!
    expect(daily[column]).toBe('Northwire — Negotiators hold talks on quotas — 2025-02-28')
    notebook.close()
  })

  it('comparison.md’s table gives each cell’s typed links next to its count, as the Matrix does', async () => {
    const dir = tempDir()
    const { notebook, ids } = await talksNotebook(dir)
    const h = notebook.handlers
    await h['rounds.detect']({})
    const [staffing] = await h['themes.list']({})
    const mark = async (articleId: number, text: string): Promise<number> => {
      const body = (await h['articles.get']({ id: articleId })).body
      const start = body.indexOf(text)
      return (await h['highlights.create']({ articleId, start, end: start + text.length, themeId: staffing!.id })).id
    }
    const six = await mark(ids.wire, 'six fishing zones')
    const two = await mark(ids.weekly, 'two fishing grounds')
    const relations = await h['linkRelations.list']({})
    await h['passageLinks.create']({ fromId: six, toId: two, relationId: relations.find((r) => r.name === 'contradicts')!.id })
    const out = join(dir, 'vault')
    await exportVault(notebook.db, out)
    const comparison = readFileSync(join(out, 'comparison.md'), 'utf8')
    expect(comparison).toContain('in brackets, the typed links touching them.')
    expect(comparison).toMatch(/\| \[Talks in Geneva[^|]*\| 2025-02-27 \| Geneva \| 2 \(1 differ\) \| not covered \| not covered \|/)
    notebook.close()
  })
})
