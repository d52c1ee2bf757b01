import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { createLink, listRelations } from '../links/repo'
import { openNotebook } from '../notebook'
import { addArticle, addRound, highlight, parseCsv, parseXml, readXsd, T0, validateXml } from './testkit'
import { exportVault } from './vault'
import { readZip } from './zip'

const tempDir = useTempDir()
const FIXTURES = join(__dirname, 'fixtures')

const OTHER = `Council delays riverside park

The city council postponed its vote on the freight yard on Tuesday, officials said, and no park will be built this year.
`

function notebookWithLink(dir: string) {
  const nb = openNotebook(join(dir, 'n.parley'))
  const park = addArticle(nb.db, 'park.txt', ARTICLE)
  const delay = addArticle(nb.db, 'delay.txt', OTHER)
  const a = highlight(nb.db, park, 'voted on Tuesday', null)
  const b = highlight(nb.db, delay, 'postponed its vote', null)
  const relation = listRelations(nb.db).find((r) => r.name === 'contradicts')!.id
  const link = createLink(nb.db, { fromId: a, toId: b, relationId: relation, note: 'which is it?' }, T0)
  return { nb, a, b, link }
}

describe('typed links in the export', () => {
  it('writes links.md with a wikilink to each passage block, the relation and the note', async () => {
    const dir = tempDir()
    const { nb } = notebookWithLink(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out, { wikilinks: true })
    const md = readFileSync(join(out, 'links.md'), 'utf8')
    const line = md.split('\n').find((l) => l.startsWith('- '))!
    expect(line).toMatch(
      /^- \[\[articles\/[^\]|#]+#\^[\w-]+\|“voted on Tuesday”\]\] \(.+\) \*\*contradicts\*\* \[\[articles\/[^\]|#]+#\^[\w-]+\|“postponed its vote”\]\]/,
    )
    expect(md).toContain('  - Note: which is it?')
    // Each block named in links.md is a block of the article file it points to.
    for (const [, file, block] of line.matchAll(/\[\[([^\]#|]+)#\^([\w-]+)\|/g))
      expect(readFileSync(join(out, `${file}.md`), 'utf8')).toContain(`^${block}`)
    nb.close()
  })

  it('writes relative Markdown links without the wikilinks option', async () => {
    const dir = tempDir()
    const { nb } = notebookWithLink(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    expect(readFileSync(join(out, 'links.md'), 'utf8')).toMatch(
      /\[“voted on Tuesday”\]\(articles\/[^)]+\.md#\^[\w-]+\) \(.*\) \*\*contradicts\*\* \[“postponed its vote”\]\(articles\//,
    )
    nb.close()
  })

  it('writes the links as W3C Web Annotations with motivation linking, and as REFI-QDA Links', async () => {
    const dir = tempDir()
    const { nb, a, b, link } = notebookWithLink(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    const jsonld = JSON.parse(readFileSync(join(out, 'links.jsonld'), 'utf8')) as {
      total: number
      first: {
        items: Array<{
          motivation: string
          target: { id: string; selector: Array<{ exact?: string }> }
          body: Array<{ id?: string; purpose?: string; value?: string }>
        }>
      }
    }
    expect(jsonld.total).toBe(1)
    const [item] = jsonld.first.items
    expect(item!.motivation).toBe('linking')
    expect(item!.target.id).toBe(`urn:parley:highlight:${a}`)
    expect(item!.target.selector[0]!.exact).toBe('voted on Tuesday')
    expect(item!.body[0]!.id).toBe(`urn:parley:highlight:${b}`)
    expect(item!.body.find((x) => x.purpose === 'tagging')?.value).toBe('contradicts')
    expect(item!.body.find((x) => x.purpose === 'commenting')?.value).toBe('which is it?')

    const entries = readZip(readFileSync(join(out, 'parley.qdpx')), (d) => inflateRawSync(d))
    const project = parseXml(entries.find((e) => e.name === 'project.qde')!.data.toString('utf8'))
    const schema = readXsd(parseXml(readFileSync(join(FIXTURES, 'Project.xsd'), 'utf8')))
    expect(validateXml(project, schema)).toEqual([])
    const links = project.children.find((c) => c.name === 'Links')
    const one = links?.children.find((c) => c.name === 'Link')
    expect(one?.attrs).toMatchObject({ name: 'contradicts: which is it?', direction: 'OneWay' })
    const selections = new Map<string, string>()
    const walk = (el: typeof project): void => {
      if (el.name === 'PlainTextSelection') selections.set(el.attrs.guid as string, el.attrs.name as string)
      el.children.forEach(walk)
    }
    walk(project)
    expect(selections.get(one!.attrs.originGUID as string)).toBe('voted on Tuesday')
    expect(selections.get(one!.attrs.targetGUID as string)).toBe('postponed its vote')
    expect(link.id).toBeGreaterThan(0)
    nb.close()
  })

  it('lists each round’s claims in comparison.md, contradictions first, and every link passage in claims.csv', async () => {
    const dir = tempDir()
    const { nb, a, b, link } = notebookWithLink(dir)
    const [park, delay] = [1, 2].map(
      (n) =>
        nb.db
          .prepare('SELECT article_id FROM highlights WHERE id = ?')
          .pluck()
          .get(n === 1 ? a : b) as number,
    )
    addRound(nb.db, 'Council vote', '2024-05-01', 'Riverside', [
      [park!, 'reports'],
      [delay!, 'reports'],
    ])
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    const comparison = readFileSync(join(out, 'comparison.md'), 'utf8')
    expect(comparison).toMatch(
      /### Claims\n\nContradictions: 1\n\n- “voted on Tuesday” — \[[^\]]+\]\([^)]+#\^h-\d+\) \*\*contradicts\*\* “postponed its vote” — \[[^\]]+\]\([^)]+\) \(which is it\?\)\n/,
    )
    const rows = parseCsv(readFileSync(join(out, 'claims.csv'), 'utf8').replace(/^\uFEFF/, ''))
    expect(rows[0]).toEqual([
      'link_id',
      'relation',
      'side',
      'speaker',
      'outlet',
      'article_id',
      'article',
      'published',
      'round',
      'highlight_id',
      'passage',
      'note',
      'article_file',
      'created',
      'quote_first_carrier',
    ])
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[8], r[9], r[10]])).toEqual([
      [String(link.id), 'contradicts', 'from', 'Council vote', String(a), 'voted on Tuesday'],
      [String(link.id), 'contradicts', 'to', 'Council vote', String(b), 'postponed its vote'],
    ])
    nb.close()
  })
})
