import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { reanchorArticle } from './repo'

const tempDir = useTempDir()

async function setup() {
  const notebook = openNotebook(join(tempDir(), 'n.parley'))
  const [result] = await notebook.handlers['articles.import']({
    files: [{ name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') }],
  })
  const article = await notebook.handlers['articles.get']({ id: result!.id! })
  const themes = await notebook.handlers['themes.list']({})
  return { notebook, article, themes }
}

describe('highlights', () => {
  it('stores offsets with exact, prefix and suffix, and can be re-themed, commented, resized, deleted and restored', async () => {
    const { notebook, article, themes } = await setup()
    const h = notebook.handlers
    const start = article.body.indexOf('public park')
    const created = await h['highlights.create']({ articleId: article.id, start, end: start + 11, themeId: themes[0]!.id, comment: 'key' })
    expect(created).toMatchObject({ exact: 'public park', start, end: start + 11, comment: 'key', anchor: 'anchored' })
    expect(created.prefix).toBe(article.body.slice(start - 32, start))

    const rethemed = await h['highlights.update']({ id: created.id, themeId: themes[1]!.id })
    expect(rethemed.themeId).toBe(themes[1]!.id)
    const resized = await h['highlights.update']({ id: created.id, start: start - 2, end: start + 11 })
    expect(resized.exact).toBe('a public park')
    expect(await h['highlights.update']({ id: created.id, themeId: null })).toMatchObject({ themeId: null, comment: 'key' })

    const deleted = await h['highlights.delete']({ id: created.id })
    expect(await h['highlights.list']({ articleId: article.id })).toEqual([])
    const restored = await h['highlights.restore']({
      id: deleted.id,
      articleId: deleted.articleId,
      themeId: deleted.themeId,
      start: deleted.start,
      end: deleted.end,
      comment: deleted.comment,
      createdAt: deleted.createdAt,
    })
    expect(restored).toMatchObject({ id: created.id, exact: 'a public park', createdAt: created.createdAt })
    notebook.close()
  })

  it('refuses spans outside the article, blank spans and unknown themes', async () => {
    const { notebook, article } = await setup()
    const h = notebook.handlers
    await expect(async () =>
      h['highlights.create']({ articleId: article.id, start: 0, end: article.body.length + 5, themeId: null }),
    ).rejects.toThrow(/after the end/)
    const blank = article.body.indexOf('\n\n')
    await expect(async () =>
      h['highlights.create']({ articleId: article.id, start: blank, end: blank + 2, themeId: null }),
    ).rejects.toThrow(/only spaces/)
    await expect(async () => h['highlights.create']({ articleId: article.id, start: 0, end: 5, themeId: 999 })).rejects.toThrow(
      /theme was not found/,
    )
    await expect(async () => h['highlights.create']({ articleId: 999, start: 0, end: 5, themeId: null })).rejects.toThrow(
      /article was not found/,
    )
    notebook.close()
  })

  it('re-anchors after the body changes and keeps an orphan with its text', async () => {
    const { notebook, article } = await setup()
    const h = notebook.handlers
    const a = article.body.indexOf('first large green space')
    const b = article.body.indexOf('two years')
    const moved = await h['highlights.create']({ articleId: article.id, start: a, end: a + 23, themeId: null })
    const lost = await h['highlights.create']({ articleId: article.id, start: b, end: b + 9, themeId: null })
    const newBody = `Updated: ${article.body.replace('two years', 'an unknown time')}`
    notebook.db.prepare('UPDATE articles SET body = ? WHERE id = ?').run(newBody, article.id)
    expect(reanchorArticle(notebook.db, article.id, new Date())).toEqual({ moved: 1, orphaned: 1 })
    const after = await h['highlights.list']({ articleId: article.id })
    const m = after.find((x) => x.id === moved.id)!
    expect(newBody.slice(m.start, m.end)).toBe('first large green space')
    expect(after.find((x) => x.id === lost.id)).toMatchObject({ anchor: 'orphan', exact: 'two years' })
    notebook.close()
  })
})

describe('themes', () => {
  it('starts with the three default themes, each with a color, a description and keywords', async () => {
    const { notebook, themes } = await setup()
    expect(themes.map((t) => t.name)).toEqual(['Embassy staffing', 'Diplomatic properties', 'Direct flights'])
    for (const t of themes) {
      expect(t.color).toMatch(/^#[0-9a-f]{6}$/)
      expect(t.description.length).toBeGreaterThan(10)
      expect(t.keywords.terms.length).toBeGreaterThan(3)
    }
    notebook.close()
  })

  it('adds, renames, recolors, reorders, merges and deletes themes, each undoable', async () => {
    const { notebook, article, themes } = await setup()
    const h = notebook.handlers
    const mine = await h['themes.create']({ name: 'Sanctions' })
    expect(mine.color).toMatch(/^#[0-9a-f]{6}$/)
    await expect(async () => h['themes.create']({ name: 'sanctions' })).rejects.toThrow(/already a theme/)
    expect(await h['themes.update']({ id: mine.id, name: 'Sanctions relief', color: '#AA0000' })).toMatchObject({
      name: 'Sanctions relief',
      color: '#aa0000',
    })
    const order = [mine.id, ...themes.map((t) => t.id)]
    expect((await h['themes.reorder']({ ids: order })).map((t) => t.id)).toEqual(order)
    await expect(async () => h['themes.reorder']({ ids: [mine.id] })).rejects.toThrow(/every theme/)

    const highlight = await h['highlights.create']({ articleId: article.id, start: 0, end: 10, themeId: mine.id })
    const { moved } = await h['themes.merge']({ sourceId: mine.id, targetId: themes[0]!.id })
    expect(moved).toEqual([highlight.id])
    expect((await h['themes.list']({})).some((t) => t.id === mine.id)).toBe(false)
    expect((await h['highlights.list']({ articleId: article.id }))[0]?.themeId).toBe(themes[0]!.id)
    await h['themes.unmerge']({ sourceId: mine.id, moved })
    expect((await h['highlights.list']({ articleId: article.id }))[0]?.themeId).toBe(mine.id)

    await h['themes.delete']({ id: mine.id })
    expect((await h['themes.list']({})).map((t) => t.id)).not.toContain(mine.id)
    expect(await h['highlights.list']({ articleId: article.id })).toEqual([])
    await h['themes.restore']({ id: mine.id })
    expect((await h['highlights.list']({ articleId: article.id }))[0]?.themeId).toBe(mine.id)
    expect((await h['themes.list']({})).find((t) => t.id === mine.id)?.highlights).toBe(1)

    const filtered = await h['articles.list']({ sort: 'title', direction: 'asc', themeId: mine.id })
    expect(filtered.map((a) => a.id)).toEqual([article.id])
    expect(await h['articles.list']({ sort: 'title', direction: 'asc', themeId: themes[2]!.id })).toEqual([])
    expect(await h['articles.search']({ query: 'park', limit: 10, themeId: themes[2]!.id })).toEqual([])
    expect(await h['articles.search']({ query: 'park', limit: 10, themeId: mine.id })).toHaveLength(1)
    notebook.close()
  })
})
