/**
 * Metadata edits, versions and re-clean through the contract on a real temp notebook: edits win
 * over detection on re-clean and re-import, a changed copy becomes a version with a diff, and
 * highlights re-anchor when the cleaned body changes (an orphan is kept).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir, utf8 } from '../../../../tests/helpers'
import type { Article } from '../../../shared/model'
import { openNotebook } from '../notebook'
import { diffParagraphs } from './versions'

const tempDir = useTempDir()

async function withArticle(text = ARTICLE, name = 'park.txt') {
  const notebook = openNotebook(join(tempDir(), 'n.parley'))
  const h = notebook.handlers
  const [result] = await h['articles.import']({ files: [{ name, data: Buffer.from(utf8(text)).toString('base64') }] })
  const id = result!.id!
  const get = async (articleId = id): Promise<Article> => h['articles.get']({ id: articleId })
  return { notebook, h, id, get }
}

describe('article metadata edits', () => {
  it('sets, clears and reverts fields; edited and needsAttention say so', async () => {
    const { notebook, h, id, get } = await withArticle()
    const before = await get()
    expect(before.needsAttention).toEqual(['outlet', 'published'])
    const edited = await h['articles.update']({ id, outlet: 'Riverside Courier', published: '2025-03-04', author: null })
    expect(edited).toMatchObject({ outlet: 'Riverside Courier', published: '2025-03-04', author: null })
    expect(edited.edited).toEqual(['outlet', 'author', 'published'])
    expect(edited.needsAttention).toEqual([])
    const reverted = await h['articles.update']({ id, revert: ['outlet'] })
    expect(reverted.outlet).toBe(before.outlet)
    expect(reverted.edited).toEqual(['author', 'published'])
    expect((await h['articles.list']({ sort: 'title', direction: 'asc' }))[0]).toMatchObject({
      edited: ['author', 'published'],
      needsAttention: ['outlet'],
    })
    await expect(async () => h['articles.update']({ id, published: '2025-02-30' })).rejects.toThrow(/date/)
    notebook.close()
  })

  it('a read-only notebook refuses edits and re-clean', async () => {
    const { notebook, id } = await withArticle()
    notebook.close()
    const ro = openNotebook(notebook.file, { readOnly: true })
    expect(() => ro.handlers['articles.update']({ id, title: 'New' })).toThrow(/read-only/)
    expect(() => ro.handlers['articles.reclean']({})).toThrow(/read-only/)
    ro.close()
  })
})

describe('re-clean', () => {
  it('keeps user edits, updates the body and search index, and re-anchors highlights (orphans kept)', async () => {
    const { notebook, h, id, get } = await withArticle()
    await h['articles.update']({ id, title: 'Park vote', outlet: 'Riverside Courier' })
    const body = (await get()).body
    const quote = 'ending a debate that lasted nearly a decade'
    const kept = await h['highlights.create']({
      articleId: id,
      start: body.indexOf(quote),
      end: body.indexOf(quote) + quote.length,
      themeId: null,
    })
    const gone = 'Work on the site is expected'
    const lost = await h['highlights.create']({
      articleId: id,
      start: body.indexOf(gone),
      end: body.indexOf(gone) + gone.length,
      themeId: null,
    })

    // Simulate an older cleaner's output: a furniture line kept at the top, a paragraph the cleaner would not produce.
    const stale = `Share this article\n\n${body}`.replace(gone, 'Building on the plot is expected')
    notebook.db.prepare('UPDATE articles SET body = ? WHERE id = ?').run(stale, id)
    await h['highlights.update']({ id: kept.id, start: stale.indexOf(quote), end: stale.indexOf(quote) + quote.length })
    await h['highlights.update']({
      id: lost.id,
      start: stale.indexOf('Building on the plot'),
      end: stale.indexOf('Building on the plot') + gone.length,
    })

    const result = await h['articles.reclean']({})
    expect(result).toMatchObject({ articles: 1, changed: 1, failed: [] })
    expect(result.moved).toBeGreaterThanOrEqual(1)
    const after = await get()
    expect(after.body).toBe(body)
    expect(after).toMatchObject({ title: 'Park vote', outlet: 'Riverside Courier' })
    const highlights = await h['highlights.list']({ articleId: id })
    const byId = new Map(highlights.map((x) => [x.id, x]))
    expect(byId.get(kept.id)).toMatchObject({ anchor: 'anchored', exact: quote, start: body.indexOf(quote) })
    expect(byId.get(lost.id)?.anchor).toBe('orphan')
    expect(await h['articles.search']({ query: 'freight', limit: 10 })).toHaveLength(1)
    expect(await h['articles.search']({ query: 'Share', limit: 10 })).toHaveLength(0)
    // Nothing changes the second time.
    expect(await h['articles.reclean']({ id })).toMatchObject({ articles: 1, changed: 0 })
    notebook.close()
  })
})

describe('versions', () => {
  it('a changed copy with the same title and outlet becomes a newer version, keeps edits, and shows what changed', async () => {
    const text = `Harbour Gazette\n\n${ARTICLE}\n© Harbour Gazette 2025`
    const { notebook, h, id } = await withArticle(text, 'park-a.txt')
    expect((await h['articles.get']({ id })).outlet).toBe('Harbour Gazette')
    await h['articles.update']({ id, author: 'Jo Lane' })
    const changed = text.replace('about two years', 'about three years') + '\n\nA public meeting on the design will be held in June.'
    const [second] = await h['articles.import']({ files: [{ name: 'park-b.txt', data: Buffer.from(changed).toString('base64') }] })
    expect(second?.status).toBe('imported')
    const newer = await h['articles.get']({ id: second!.id! })
    expect(newer).toMatchObject({ versionOf: id, author: 'Jo Lane', edited: ['author'] })
    const versions = await h['articles.versions']({ id })
    expect(versions.chain.map((v) => v.id)).toEqual([id, newer.id])
    expect(versions.diffs[0]?.added).toEqual([
      'Work on the site is expected to begin next spring and to take about three years, officials said.',
      'A public meeting on the design will be held in June.',
    ])
    expect(versions.diffs[0]?.removed).toEqual([
      'Work on the site is expected to begin next spring and to take about two years, officials said.',
    ])
    notebook.close()
  })

  it('links by URL', async () => {
    const page = (extra: string) =>
      `<html><head><title>Tide gauge installed</title><link rel="canonical" href="https://news.example/tide"></head><body><article><h1>Tide gauge installed</h1><p>A new tide gauge was installed at the pier on Monday, giving fishermen live readings of the water level for the first time.</p><p>${extra}</p></article></body></html>`
    const { notebook, h, id } = await withArticle(
      page('The council paid for the gauge from its harbour maintenance budget, a spokesman said.'),
      'a.html',
    )
    const [b] = await h['articles.import']({
      files: [
        {
          name: 'b.html',
          data: Buffer.from(page('The harbour board paid for the gauge from its own reserves, a spokesman said on Tuesday.')).toString(
            'base64',
          ),
        },
      ],
    })
    expect((await h['articles.get']({ id: b!.id! })).versionOf).toBe(id)
    notebook.close()
  })

  it('diffs paragraphs by longest common subsequence', () => {
    expect(diffParagraphs(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual({ added: ['d'], removed: ['b'], unchanged: 2 })
  })
})
