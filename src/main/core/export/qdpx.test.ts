import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { readExportData } from './data'
import { guid, projectXml } from './qdpx'
import { parseXml, readXsd, validateXml } from './testkit'

const tempDir = useTempDir()

/** The GUID layout written out byte by byte (UUID v5 over SHA-1): what every earlier export wrote. */
function referenceGuid(kind: string, id: number | string): string {
  const h = createHash('sha1').update(`parley:${kind}:${id}`).digest()
  h[6] = ((h[6] as number) & 0x0f) | 0x50
  h[8] = ((h[8] as number) & 0x3f) | 0x80
  const hex = h.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toUpperCase()
}

describe('qdpx GUIDs', () => {
  it('are the same GUIDs as before (a re-export keeps every item’s GUID), version 5, RFC 4122 variant', () => {
    const seen = new Set<string>()
    for (const kind of ['article', 'highlight', 'coding', 'note', 'theme', 'user'])
      for (let id = 0; id < 2000; id++) {
        const g = guid(kind, id)
        expect(g).toBe(referenceGuid(kind, id))
        expect(g).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/)
        seen.add(g[19] as string)
      }
    expect(guid('user', 'parley')).toBe(referenceGuid('user', 'parley'))
    // Every variant digit occurs, so the bit arithmetic is exercised on all four.
    expect([...seen].sort()).toEqual(['8', '9', 'A', 'B'])
  })
})

describe('qdpx codebook', () => {
  it('nests sub-themes as Codes inside their parent Code (valid against the REFI-QDA schema), top-level themes in order', async () => {
    const nb = openNotebook(join(tempDir(), 'n.parley'))
    const h = nb.handlers
    const [staffing, properties] = await h['themes.list']({})
    const visas = await h['themes.create']({ name: 'Visas', description: 'Visa refusals' })
    const seized = await h['themes.create']({ name: 'Seized' })
    await h['themes.setParent']({ id: visas.id, parentId: staffing!.id })
    await h['themes.setParent']({ id: seized.id, parentId: properties!.id })
    const data = readExportData(nb.db)
    nb.close()
    const project = parseXml(projectXml({ name: 'n', articles: [], themes: data.themes, highlights: [], notes: [] }))
    const schema = readXsd(parseXml(readFileSync(join(__dirname, 'fixtures', 'Project.xsd'), 'utf8')))
    expect(validateXml(project, schema)).toEqual([])
    type El = typeof project
    const child = (el: El, name: string): El[] => el.children.filter((c) => c.name === name)
    const codes = child(child(project, 'CodeBook')[0]!, 'Codes')[0]!
    const tree = (el: El): unknown[] => child(el, 'Code').map((c) => ({ [c.attrs.name as string]: tree(c) }))
    expect(tree(codes)).toEqual([
      { 'Embassy staffing': [{ Visas: [] }] },
      { 'Diplomatic properties': [{ Seized: [] }] },
      { 'Direct flights': [] },
    ])
    // Each Code once, with its own GUID; the description stays first inside a parent Code.
    expect(child(child(codes, 'Code')[0]!, 'Code')[0]!.attrs.guid).toBe(guid('theme', visas.id))
    expect(child(codes, 'Code')[0]!.children[0]?.name).toBe('Description')
  })

  it('writes a sub-theme whose parent is not exported, or a made-up cycle, at the top level rather than dropping it', () => {
    const themes = [
      { id: 1, name: 'A', color: '#aa4499', description: '', parentId: 2 },
      { id: 2, name: 'B', color: '#cc3311', description: '', parentId: 1 },
      { id: 3, name: 'C', color: '#009e73', description: '', parentId: 99 },
    ]
    const xml = projectXml({ name: 'n', articles: [], themes, highlights: [], notes: [] })
    expect(xml.match(/<Code /g)).toHaveLength(3)
    expect(xml).not.toMatch(/<Code [^>]*>\s*<Code/)
  })
})
