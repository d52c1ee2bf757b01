import { writeFileSync, mkdirSync, openSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir, utf8 } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

function notebookIn(dir: string) {
  const events: unknown[] = []
  const notebook = openNotebook(join(dir, 'test.parley'), { emit: (event, payload) => events.push({ event, payload }) })
  return { notebook, events }
}

const SCRIPTED_HTML = `<!doctype html><html><head><title>Harbour reopens after storm</title>
<meta property="og:site_name" content="Coastal Gazette">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<script>window.__pwned = 1; fetch('http://127.0.0.1:9/steal')</script></head>
<body onload="window.__pwned=2"><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Monday after a week of repairs to the breakwater, the port authority said in a statement.</p>
<p>Fishing crews returned to the water at dawn, and the first catch was landed before noon. <img src="http://127.0.0.1:9/pixel.png" onerror="window.__pwned=3"></p>
<p>Engineers said the storm had moved several concrete blocks, but the damage was less severe than first feared.</p>
<p><a href="javascript:alert(1)">A link that must stay text</a> and the phrase &lt;script&gt;alert(1)&lt;/script&gt; appears as words in the article.</p>
</article><footer>© Coastal Gazette. All rights reserved.</footer></body></html>`

describe('import', () => {
  it('imports text, Markdown with front matter and HTML, each with title, outlet and date', async () => {
    const dir = tempDir()
    const { notebook } = notebookIn(dir)
    writeFileSync(join(dir, 'park.txt'), ARTICLE)
    writeFileSync(
      join(dir, 'bridge.md'),
      `---\ntitle: "Bridge inspection finds cracks"\noutlet: Valley Courier\ndate: 2023-11-02\n---\n\nInspectors found **hairline cracks** in two supports of the old bridge, the [county](https://example.org) said on Thursday, and ordered weekly checks.\n\nThe bridge will stay open to cars while repairs are planned, but lorries will be diverted from next week.\n`,
    )
    writeFileSync(join(dir, 'harbour.html'), SCRIPTED_HTML)
    const results = await notebook.importPaths([dir])
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported'])

    const list = notebook.handlers['articles.list']({ sort: 'title', direction: 'asc' }) as Array<{ id: number; title: string }>
    expect(list.map((a) => a.title)).toEqual([
      'Bridge inspection finds cracks',
      'Council approves new riverside park',
      'Harbour reopens after storm',
    ])
    // The Library's first screenful: the same order, cut.
    const first = notebook.handlers['articles.list']({ sort: 'title', direction: 'desc', limit: 2 }) as Array<{ title: string }>
    expect(first.map((a) => a.title)).toEqual(['Harbour reopens after storm', 'Council approves new riverside park'])

    const md = await notebook.handlers['articles.get']({ id: list[0]!.id })
    expect(md).toMatchObject({ outlet: 'Valley Courier', published: '2023-11-02', format: 'markdown' })
    expect(md.body).toContain('Inspectors found hairline cracks in two supports of the old bridge, the county said on Thursday')
    expect(md.body).not.toMatch(/\*\*|\]\(/)

    const html = await notebook.handlers['articles.get']({ id: list[2]!.id })
    expect(html).toMatchObject({ outlet: 'Coastal Gazette', published: '2024-03-05', format: 'html' })
    expect(html.body).toContain('The harbour reopened on Monday')
    expect(html.body).toContain('<script>alert(1)</script> appears as words')
    expect(html.body).not.toMatch(/__pwned|fetch\(|Home News/)
    expect(html.body.split('\n\n').length).toBeGreaterThanOrEqual(3)
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
    notebook.close()
  })

  it('reports each bad file with a reason and still imports the good ones', async () => {
    const dir = tempDir()
    const { notebook, events } = notebookIn(dir)
    const files = {
      'empty.txt': new Uint8Array(),
      'picture.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'good.txt': utf8(ARTICLE),
      'broken.html': utf8('<html><body><div><p>Unclosed <b>tags <i>everywhere<p>and <table><tr><td>a cell'),
      'legacy.txt': new Uint8Array([
        ...utf8('Mayor\u2019s plan\n\n').slice(0, 0),
        ...Buffer.from(
          'The caf\xe9 owners said the new rules, announced on Friday, would cost them \x93thousands\x94 every month.\n\nThe mayor said the rules were needed to keep the pavements clear for pedestrians and wheelchair users.',
          'latin1',
        ),
      ]),
    }
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes)
    writeFileSync(join(dir, 'missing-later.txt'), ARTICLE.replace('Tuesday', 'Wednesday'))
    const paths = [...Object.keys(files), 'does-not-exist.txt'].map((n) => join(dir, n))
    const results = await notebook.importPaths(paths)
    const byName = Object.fromEntries(results.map((r) => [r.file.split('/').pop(), r]))
    expect(byName['empty.txt']).toMatchObject({ status: 'failed', error: 'The file is empty.' })
    expect(byName['picture.txt']).toMatchObject({ status: 'failed', error: 'The file is a PNG image, not text.' })
    expect(byName['good.txt']?.status).toBe('imported')
    expect(byName['broken.html']?.status).toMatch(/imported|failed/)
    expect(byName['legacy.txt']?.status).toBe('imported')
    expect(byName['does-not-exist.txt']).toMatchObject({ status: 'failed' })
    expect(byName['does-not-exist.txt']?.error).toMatch(/not exist|no such/i)

    const legacy = await notebook.handlers['articles.get']({ id: byName['legacy.txt']!.id! })
    expect(legacy.encoding).toBe('windows-1252')
    expect(legacy.body).toContain('The café owners said the new rules, announced on Friday, would cost them “thousands” every month.')

    const progress = events.filter((e) => (e as { event: string }).event === 'import.progress')
    expect(progress).toHaveLength(paths.length)
    expect(progress.at(-1)).toMatchObject({ payload: { done: paths.length, total: paths.length } })
    expect(events.some((e) => (e as { event: string }).event === 'library.changed')).toBe(true)
    expect(notebook.db.pragma('integrity_check', { simple: true })).toBe('ok')
    notebook.close()
  })

  it('keeps a url from a file only if it is a web address, on import and on re-clean (issue 17 F9)', async () => {
    const dir = tempDir()
    const { notebook } = notebookIn(dir)
    const file = join(dir, 'evil.md')
    writeFileSync(file, `---\ntitle: Talks resume\nurl: "javascript:alert(document.domain)"\n---\n\n${ARTICLE}`)
    const [result] = await notebook.importPaths([file])
    expect((await notebook.handlers['articles.get']({ id: result!.id! })).url).toBeNull()
    await notebook.handlers['articles.reclean']({ id: result!.id! })
    expect((await notebook.handlers['articles.get']({ id: result!.id! })).url).toBeNull()
    writeFileSync(file, `---\ntitle: Talks resume\nurl: https://news.example/talks\n---\n\n${ARTICLE} Again.`)
    const [web] = await notebook.importPaths([file])
    expect((await notebook.handlers['articles.get']({ id: web!.id! })).url).toBe('https://news.example/talks')
    notebook.close()
  })

  it('does not make an unrelated file of the same name a newer version of an article (it would take over its edits)', async () => {
    const dir = tempDir()
    const { notebook } = notebookIn(dir)
    const file = join(dir, 'article.md')
    writeFileSync(file, ARTICLE)
    const [trusted] = await notebook.importPaths([file])
    await notebook.handlers['articles.update']({ id: trusted!.id!, author: 'Jo Lane' })
    writeFileSync(file, `Officials deny the report\n\nA spokesman said the ministry had never discussed the matter with anyone.\n`)
    const [other] = await notebook.importPaths([file])
    expect(other?.status).toBe('imported')
    const stored = await notebook.handlers['articles.get']({ id: other!.id! })
    expect(stored.versionOf).toBeNull()
    expect(stored.author).toBeNull()
    expect(stored.edited).toEqual([])
    notebook.close()
  })

  it('reports a re-import of the same text as a duplicate and links a changed copy to the earlier version', async () => {
    const dir = tempDir()
    const { notebook } = notebookIn(dir)
    const file = join(dir, 'park.txt')
    writeFileSync(file, ARTICLE)
    const [first] = await notebook.importPaths([file])
    const [again] = await notebook.importPaths([file])
    expect(again).toMatchObject({ status: 'duplicate', id: first!.id })
    writeFileSync(file, ARTICLE.replace('two years', 'three years'))
    const [changed] = await notebook.importPaths([file])
    expect(changed?.status).toBe('imported')
    expect((await notebook.handlers['articles.get']({ id: changed!.id! })).versionOf).toBe(first!.id)
    expect(notebook.handlers['notebook.info']({})).toMatchObject({ articles: 2 })
    notebook.close()
  })

  it('refuses a 50 MB text file by its size, before reading it, and goes on with the next', async () => {
    const dir = tempDir()
    const { notebook } = notebookIn(dir)
    const big = join(dir, 'huge.txt')
    const fd = openSync(big, 'w')
    const line = Buffer.from('A very long sentence repeated to make a huge file for the import test. '.repeat(64) + '\n')
    for (let written = 0; written < 50 * 1024 * 1024; written += line.length) writeSync(fd, line)
    closeSync(fd)
    writeFileSync(join(dir, 'small.txt'), ARTICLE)
    const results = await notebook.importPaths([big, join(dir, 'small.txt')])
    expect(results[0]).toMatchObject({ status: 'failed' })
    expect(results[0]?.error).toMatch(/50\.\d MB; Parley imports articles up to 20 MB/)
    expect(results[1]?.status).toBe('imported')
    notebook.close()
  })

  it('imports files sent as bytes through the contract handler, one transaction per file', async () => {
    const dir = tempDir()
    const { notebook } = notebookIn(dir)
    const results = await notebook.handlers['articles.import']({
      files: [
        { name: 'a.txt', data: Buffer.from(ARTICLE).toString('base64') },
        { name: 'b.bin', data: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0]).toString('base64') },
      ],
    })
    expect(results.map((r) => r.status)).toEqual(['imported', 'failed'])
    notebook.close()
  })

  it('walks folders recursively, taking only article files', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true })
    writeFileSync(join(dir, 'nested', 'deeper', 'a.txt'), ARTICLE)
    writeFileSync(join(dir, 'nested', 'photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff]))
    const { notebook } = notebookIn(tempDir())
    const results = await notebook.importPaths([dir])
    expect(results).toHaveLength(1)
    expect(results[0]?.status).toBe('imported')
    notebook.close()
  })
})
