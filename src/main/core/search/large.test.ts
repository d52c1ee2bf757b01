import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

/** About 1 MB of distinct paragraphs (cleaning keeps them all), with words of its own at the start, middle and end. */
function largeArticle(): string {
  const paragraphs: string[] = []
  for (let i = 0, size = 0; size < 1_000_000; i++) {
    const p = `In session ${i} the delegations reviewed point ${i * 7} of the agenda and agreed to meet again on day ${i + 1}, officials said.`
    paragraphs.push(p)
    size += p.length + 2
  }
  // Inside paragraphs like the others: cleaning takes a lone odd line among many alike for furniture.
  const at = (i: number, words: string): void => {
    paragraphs[i] = (paragraphs[i] as string).replace('officials said', words)
  }
  at(0, 'the lighthouse keepers said')
  at(Math.floor(paragraphs.length / 2), 'the quarantined freighter waited')
  at(paragraphs.length - 1, 'said the interpreters of Zanzibar')
  return `Marathon talks\n\n${paragraphs.join('\n\n')}\n`
}

describe('search over a large article (issue 17 item 2: its store step is bounded, its words all found)', () => {
  it('finds words, phrases and prefixes at the start, middle and very end of a 1 MB body, with a snippet there', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const [result] = await notebook.handlers['articles.import']({
      files: [{ name: 'marathon.txt', data: Buffer.from(largeArticle()).toString('base64') }],
    })
    expect(result?.status).toBe('imported')
    const body = (await notebook.handlers['articles.get']({ id: result?.id as number })).body
    expect(body.length).toBeGreaterThan(900_000)
    const search = async (query: string): Promise<string[]> =>
      (await notebook.handlers['articles.search']({ query, limit: 10 })).map((hit) =>
        hit.snippet
          .filter((part) => part.match)
          .map((part) => part.text)
          .join('|'),
      )
    expect(await search('lighthouse')).toEqual(['lighthouse'])
    expect(await search('freighter quarantined')).toEqual(['quarantined|freighter'])
    expect(await search('"interpreters of zanzibar"')).toEqual(['interpreters of Zanzibar'])
    expect(await search('zanzi*')).toEqual(['Zanzibar'])
    expect(await search('interpreter')).toEqual(['interpreters']) // stemmed
    expect(await search('zanzibar lighthouse')).toHaveLength(1) // the first and the last paragraph together
    expect(await search('"zanzibar lighthouse"')).toEqual([])
    notebook.close()
  }, 60_000)
})
