import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { readExportData } from './data'
import { buildVault } from './vault'

const tempDir = useTempDir()

describe('codebook.md', () => {
  it('lists each theme with colour, key, description, counts and examples; sub-themes one heading under their parent, whose count adds theirs', async () => {
    const nb = openNotebook(join(tempDir(), 'n.parley'))
    const h = nb.handlers
    const [imported] = await h['articles.import']({ files: [{ name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') }] })
    const article = await h['articles.get']({ id: imported!.id! })
    const [staffing] = await h['themes.list']({})
    const visas = await h['themes.create']({ name: 'Visas', description: 'Visa refusals and delays.' })
    await h['themes.setParent']({ id: visas.id, parentId: staffing!.id })
    const at = (text: string) => ({ start: article.body.indexOf(text), end: article.body.indexOf(text) + text.length })
    await h['highlights.create']({ articleId: article.id, ...at('public park'), themeId: staffing!.id })
    await h['highlights.create']({ articleId: article.id, ...at('freight yard'), themeId: visas.id })
    const md = buildVault(readExportData(nb.db)).files.get('codebook.md')!.toString('utf8')
    nb.close()

    const headings = md.split('\n').filter((l) => l.startsWith('#'))
    expect(headings).toEqual(['# Codebook', '## Embassy staffing', '### Visas', '## Diplomatic properties', '## Direct flights'])
    const section = (name: string): string => md.slice(md.indexOf(name), md.indexOf('\n#', md.indexOf(name)))
    expect(section('## Embassy staffing')).toContain('- Passages: 1 passage in 1 article')
    expect(section('## Embassy staffing')).toContain('- With its sub-themes (Visas): 2 passages in 1 article')
    expect(section('## Embassy staffing')).toMatch(/> public park\n>\n> — \[.*\]\(articles\/.*\.md#\^h-\d+\)/)
    expect(section('### Visas')).toContain('Visa refusals and delays.')
    expect(section('### Visas')).toContain('- Key in the Reader: 2')
    expect(section('### Visas')).toContain(`- Colour: \`${visas.color}\``)
    expect(section('### Visas')).toContain('> freight yard')
    expect(section('## Direct flights')).toContain('- Passages: none coded yet')
  })
})
