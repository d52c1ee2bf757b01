import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { dispatch } from '../../hosts/dispatch'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

async function setup() {
  const notebook = openNotebook(join(tempDir(), 'n.parley'))
  const [result] = await notebook.handlers['articles.import']({
    files: [{ name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') }],
  })
  const [staffing, properties, flights] = await notebook.handlers['themes.list']({})
  return { notebook, h: notebook.handlers, articleId: result!.id!, staffing: staffing!, properties: properties!, flights: flights! }
}

describe('sub-themes (one level)', () => {
  it('sets and clears a parent; refuses a second level from either side with code conflict, and bad input at the edge', async () => {
    const { notebook, h, staffing, properties, flights } = await setup()
    expect((await h['themes.list']({})).map((t) => t.parentId)).toEqual([null, null, null])
    const visas = await h['themes.create']({ name: 'Visas' })
    expect(await h['themes.setParent']({ id: visas.id, parentId: staffing.id })).toMatchObject({ id: visas.id, parentId: staffing.id })

    // Under a sub-theme: refused, the message names both themes.
    const deeper = await dispatch(notebook.handlers, 'themes.setParent', { id: flights.id, parentId: visas.id })
    expect(deeper).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(JSON.stringify(deeper)).toMatch(/Visas.*Embassy staffing/)
    // A theme with sub-themes cannot become one.
    const parentDown = await dispatch(notebook.handlers, 'themes.setParent', { id: staffing.id, parentId: properties.id })
    expect(parentDown).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(JSON.stringify(parentDown)).toMatch(/has sub-themes \(Visas\)/)
    // Zod at the edge: itself, a missing parent, a wrong type.
    expect(await dispatch(notebook.handlers, 'themes.setParent', { id: visas.id, parentId: visas.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await dispatch(notebook.handlers, 'themes.setParent', { id: visas.id, parentId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await dispatch(notebook.handlers, 'themes.setParent', { id: visas.id, parentId: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })

    // Moving under another top-level theme and back to the top.
    expect((await h['themes.setParent']({ id: visas.id, parentId: properties.id })).parentId).toBe(properties.id)
    expect((await h['themes.setParent']({ id: visas.id, parentId: null })).parentId).toBeNull()
    expect((await h['themes.setParent']({ id: staffing.id, parentId: properties.id })).parentId).toBe(properties.id)
    notebook.close()
  })

  it('a deleted or merged parent leaves its sub-themes at the top level; Undo puts them back under it', async () => {
    const { notebook, h, articleId, staffing, flights } = await setup()
    const visas = await h['themes.create']({ name: 'Visas' })
    const expulsions = await h['themes.create']({ name: 'Expulsions' })
    await h['themes.setParent']({ id: visas.id, parentId: staffing.id })
    await h['themes.setParent']({ id: expulsions.id, parentId: staffing.id })
    const parentOf = async (id: number) => (await h['themes.list']({})).find((t) => t.id === id)?.parentId

    await h['themes.delete']({ id: staffing.id })
    expect(await parentOf(visas.id)).toBeNull()
    await h['themes.restore']({ id: staffing.id })
    expect(await parentOf(visas.id)).toBe(staffing.id)
    expect(await parentOf(expulsions.id)).toBe(staffing.id)

    const highlight = await h['highlights.create']({ articleId, start: 0, end: 10, themeId: staffing.id })
    const { moved } = await h['themes.merge']({ sourceId: staffing.id, targetId: flights.id })
    expect(moved).toEqual([highlight.id])
    expect(await parentOf(visas.id)).toBeNull()
    await h['themes.unmerge']({ sourceId: staffing.id, moved })
    expect(await parentOf(visas.id)).toBe(staffing.id)

    // While the parent is in the trash a former sub-theme becomes a parent: restoring the old parent
    // then leaves it at the top (one level), not under a sub-theme.
    await h['themes.delete']({ id: staffing.id })
    await h['themes.setParent']({ id: expulsions.id, parentId: visas.id })
    await h['themes.restore']({ id: staffing.id })
    expect(await parentOf(visas.id)).toBeNull()
    expect(await parentOf(expulsions.id)).toBe(visas.id)
    // Deleting a sub-theme and restoring it whose parent became a sub-theme meanwhile: back at the top.
    await h['themes.delete']({ id: expulsions.id })
    await h['themes.setParent']({ id: visas.id, parentId: flights.id })
    await h['themes.restore']({ id: expulsions.id })
    expect(await parentOf(expulsions.id)).toBeNull()
    const themes = await h['themes.list']({})
    const ids = new Set(themes.map((t) => t.id))
    for (const t of themes) if (t.parentId !== null) expect(themes.find((p) => p.id === t.parentId)?.parentId ?? null).toBeNull()
    expect(ids.size).toBe(themes.length)
    notebook.close()
  })
})

describe('codebook order', () => {
  it('lists each top-level theme followed by its sub-themes (the order keys 1–9 follow), and reorders in that order', async () => {
    const { notebook, h, staffing, properties, flights } = await setup()
    const visas = await h['themes.create']({ name: 'Visas' })
    const seized = await h['themes.create']({ name: 'Seized' })
    await h['themes.setParent']({ id: seized.id, parentId: properties.id })
    await h['themes.setParent']({ id: visas.id, parentId: staffing.id })
    const names = async () => (await h['themes.list']({})).map((t) => t.name)
    expect(await names()).toEqual(['Embassy staffing', 'Visas', 'Diplomatic properties', 'Seized', 'Direct flights'])
    // Positions follow the same order, so the Matrix's columns (ordered by position, one per top-level
    // theme: a sub-theme counts in its parent's column) match the Themes view.
    expect((await h['matrix.get']({})).themes.map((t) => t.name)).toEqual(['Embassy staffing', 'Diplomatic properties', 'Direct flights'])
    await h['themes.reorder']({ ids: [flights.id, properties.id, seized.id, staffing.id, visas.id] })
    expect(await names()).toEqual(['Direct flights', 'Diplomatic properties', 'Seized', 'Embassy staffing', 'Visas'])
    notebook.close()
  })
})
