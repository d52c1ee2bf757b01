import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { toFtsQuery } from './fts'

const tempDir = useTempDir()

describe('search', () => {
  it('turns user text into a safe FTS5 query', () => {
    expect(toFtsQuery('embassy "direct flights" sanc*')).toBe('"embassy" AND "direct flights" AND "sanc"*')
    expect(toFtsQuery('NEAR(a b) OR title:x -y ^z')).toBe('"NEAR" AND "a" AND "b" AND "OR" AND "title" AND "x" AND "y" AND "z"')
    expect(toFtsQuery('  "" * ')).toBeNull()
  })

  it('finds articles by term, phrase and prefix and returns snippets as text runs', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    await notebook.handlers['articles.import']({ files: [{ name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') }] })
    const search = (query: string) =>
      notebook.handlers['articles.search']({ query, limit: 10 }) as Array<{
        snippet: Array<{ text: string; match: boolean }>
        title: Array<{ text: string; match: boolean }>
      }>
    expect(search('freight')).toHaveLength(1)
    expect(search('"green space"')).toHaveLength(1)
    expect(search('"space green"')).toHaveLength(0)
    expect(search('riversi*')).toHaveLength(1)
    expect(search('riversi')).toHaveLength(0)
    expect(search('voting')).toHaveLength(1) // porter stemming: voting ~ voted
    const [hit] = search('freight')
    expect(hit!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['freight'])
    expect(hit!.title.map((p) => p.text).join('')).toBe('Council approves new riverside park')
    expect(search('"; DROP TABLE articles; --')).toEqual([])
    notebook.close()
  })
})
