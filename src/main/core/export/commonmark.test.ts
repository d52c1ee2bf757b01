import MarkdownIt from 'markdown-it'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { addNote } from './testkit'

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

  // Issue 17 F8/F9: imported titles, pasted links and note text reach the vault as text, never as
  // HTML or a live link; only http(s) and mailto links leave Parley.
  it.each([false, true])(
    'renders the whole vault (wikilinks: %s) with raw HTML enabled: no HTML, no link but http(s), mailto or a vault file',
    async (wikilinks) => {
      const notebook = openNotebook(join(tempDir(), 'n.parley'))
      const h = notebook.handlers
      const payload = '<img src=x onerror=alert(1)>'
      const file = [
        '---',
        `title: "Talks ${payload} [[evil]] %%c%% ==m=="`,
        `outlet: "<script>alert(2)</script>"`,
        'url: "javascript:alert(document.domain)"',
        '---',
        '',
        'Officials met in Moscow on Tuesday to discuss embassy staffing <iframe srcdoc="x"></iframe> and direct flights.',
        '',
      ].join('\n')
      const [imported] = await h['articles.import']({ files: [{ name: 'evil.md', data: Buffer.from(file).toString('base64') }] })
      const articleId = imported!.id!
      expect((await h['articles.get']({ id: articleId })).url).toBeNull()
      await expect(Promise.resolve().then(() => h['articles.update']({ id: articleId, url: 'javascript:alert(1)' }))).rejects.toMatchObject(
        { code: 'invalid_input' },
      )
      await expect(
        Promise.resolve().then(() => h['articles.update']({ id: articleId, url: 'data:text/html,<script>x</script>' })),
      ).rejects.toMatchObject({
        code: 'invalid_input',
      })
      const body = (await h['articles.get']({ id: articleId })).body
      const start = body.indexOf('embassy staffing')
      const hl = await h['highlights.create']({ articleId, start, end: start + 16, themeId: 1, comment: payload })

      const text = (t: string, format = 0): Record<string, unknown> => ({
        type: 'text',
        text: t,
        version: 1,
        format,
        detail: 0,
        mode: 'normal',
        style: '',
      })
      const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
        type,
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children,
        ...extra,
      })
      const link = (url: string, t: string): Record<string, unknown> =>
        block('link', [text(t)], { url, rel: null, target: null, title: null })
      const content = {
        root: block('root', [
          block('paragraph', [
            text(
              `${payload} <script>alert(4)</script> [[evil]] ![[evil]] %%hidden%% ==mark== &lt;b&gt; [y](javascript:alert(5)) <https://x>`,
            ),
            link('javascript:alert(6)', 'pasted js'),
            link('data:text/html;base64,PHNjcmlwdD4=', 'pasted data'),
            link('https://example.org/a b"<img src=x onerror=alert(7)>', 'web'),
            link('mailto:a@example.org?subject=<img src=x onerror=alert(8)>', 'mail'),
            text(`bold ${payload}`, 1),
            text('`code` <b>', 16),
            { type: 'parley-ref', version: 1, kind: 'article', id: articleId, label: payload },
          ]),
          block('heading', [text(`<h1>${payload}</h1>`)], { tag: 'h2' }),
          block('paragraph', [text('<div>'), { type: 'linebreak', version: 1 }, text('- <b>bold</b>')]),
          block('list', [block('listitem', [text(payload)], { value: 1 })], { listType: 'number', start: 1, tag: 'ol' }),
          block('code', [text('```\n<img src=x onerror=alert(9)>\n```')], { language: 'js\n<img src=x onerror=alert(10)>' }),
          block('quote', [text(payload)]),
        ]),
      }
      const note = await h['notes.create']({ title: `Note ${payload}`, content: content as never })
      await h['notes.appendQuote']({ noteId: note.id, highlightId: hl.id })
      // A note stored before saves were cleaned (written past the repo, as an old store holds it).
      const old = addNote(notebook.db, 'Old note', { links: [{ kind: 'article', id: articleId, label: payload }] })
      notebook.db
        .prepare('UPDATE notes SET content = ? WHERE id = ?')
        .run(JSON.stringify({ root: block('root', [block('paragraph', [link('javascript:alert(11)', 'old js'), text(payload)])]) }), old)

      const out = tempDir()
      await h['notebook.export']({ dir: out, wikilinks })
      notebook.close()
      const md = new MarkdownIt({ html: true, linkify: false })
      // markdown-it drops javascript: and data: links by itself; Obsidian and other readers may not.
      md.validateLink = () => true
      let links = 0
      for (const path of files(out)) {
        if (path.endsWith('.qdpx')) continue
        const raw = readFileSync(path, 'utf8')
        // CSL-JSON, BibTeX, CSV, JSON-LD: no script URL anywhere (note text may say "javascript:" as text).
        if (!path.endsWith('.md')) {
          expect(raw, path).not.toMatch(/javascript:|data:text/i)
          continue
        }
        const front = /^---\n([\s\S]*?)\n---\n/.exec(raw)
        const props = (front ? parseYaml(front[1] ?? '') : {}) as { url?: unknown }
        if (props.url !== undefined) expect(String(props.url), path).toMatch(/^(https?|mailto):/)
        const tokens = md.parse(front ? raw.slice(front[0].length) : raw, {})
        for (const t of [...tokens, ...tokens.flatMap((tok) => tok.children ?? [])]) {
          expect(t.type, `${path}: ${t.content}`).not.toMatch(/^html_/)
          if (t.type === 'link_open' || t.type === 'image') {
            const href = String(t.attrGet('href') ?? t.attrGet('src') ?? '')
            expect(t.type, `${path}: image ${href}`).toBe('link_open')
            // A vault file (relative), a block in one, or a web/mail address: nothing else.
            if (/^[a-z][a-z0-9+.-]*:/i.test(href)) expect(href, path).toMatch(/^(https?|mailto):/i)
            links++
          }
        }
        const html = md.render(front ? raw.slice(front[0].length) : raw)
        expect(html, path).not.toMatch(/<(img|script|iframe|div|b)\b/i)
      }
      expect(links).toBeGreaterThan(wikilinks ? 1 : 4)
      const noteText = files(out)
        .filter((f) => f.includes(join('notes', '')))
        .map((f) => readFileSync(f, 'utf8'))
        .find((t) => t.includes('pasted js')) as string
      // The text survives, as text.
      expect(md.render(noteText)).toContain('&lt;img src=x onerror=alert(1)&gt;')
      expect(md.render(noteText)).toContain('pasted js')
    },
  )
})
