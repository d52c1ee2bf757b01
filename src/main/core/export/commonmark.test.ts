import MarkdownIt from 'markdown-it'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()
const seeds = join(__dirname, '..', '..', '..', '..', 'seeds')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? files(full) : [full]
  })
}

describe('the vault read by a CommonMark parser', () => {
  it('parses every Markdown file (front matter as YAML), renders the comparison as a GFM table, and every relative link resolves', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    await notebook.importPaths([seeds])
    const articles = notebook.handlers['articles.list']({ sort: 'title', direction: 'asc' }) as Array<{ id: number }>
    for (const a of articles) {
      for (const s of await notebook.handlers['suggestions.list']({ articleId: a.id })) {
        await notebook.handlers['highlights.create']({ articleId: a.id, start: s.start, end: s.end, themeId: s.themeId })
      }
    }
    const [h] = await notebook.handlers['highlights.list']({ articleId: articles[0]!.id })
    const note = await notebook.handlers['notes.create']({ title: 'What changed' })
    await notebook.handlers['notes.appendQuote']({ noteId: note.id, highlightId: h!.id })

    const out = tempDir()
    await notebook.handlers['notebook.export']({ dir: out })
    const md = new MarkdownIt({ html: false, linkify: false })
    const markdown = files(out).filter((f) => f.endsWith('.md'))
    expect(markdown.length).toBeGreaterThan(articles.length + 2)
    let links = 0
    for (const file of markdown) {
      const text = readFileSync(file, 'utf8')
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text)
      if (front) expect(() => parseYaml(front[1] ?? ''), file).not.toThrow()
      const tokens = md.parse(front ? text.slice(front[0].length) : text, {})
      expect(tokens.length, file).toBeGreaterThan(0)
      // Every relative link points at a file that exists (block ids after # are checked by the vault tests).
      for (const t of tokens.flatMap((tok) => tok.children ?? [])) {
        if (t.type !== 'link_open') continue
        const href = String(t.attrGet('href') ?? '')
        if (/^[a-z]+:/i.test(href) || href.startsWith('#')) continue
        const target = resolve(dirname(file), decodeURIComponent(href.split('#')[0] ?? ''))
        expect(existsSync(target), `${file} → ${href}`).toBe(true)
        links++
      }
    }
    expect(links).toBeGreaterThan(5)
    const comparison = md.render(readFileSync(join(out, 'comparison.md'), 'utf8'))
    expect(comparison).toContain('<table>')
    const header = comparison.slice(comparison.indexOf('<thead>'), comparison.indexOf('</thead>'))
    for (const theme of ['Embassy staffing', 'Diplomatic properties', 'Direct flights']) expect(header).toContain(theme)
    const noteFile = markdown.find((f) => f.includes(`${join('notes', '')}`))!
    expect(md.render(readFileSync(noteFile, 'utf8'))).toContain('<blockquote>')
    notebook.close()
  })
})
