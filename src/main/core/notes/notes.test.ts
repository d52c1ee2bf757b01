import { $createCodeNode } from '@lexical/code'
import { $createLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { $createEvidenceNode } from '../../../shared/editor/EvidenceNode'
import { extractLinks, plainText } from '../../../shared/editor/json'
import { $createRefNode } from '../../../shared/editor/RefNode'
import { openNotebook } from '../notebook'
import { createMarkdownConverter, createNoteEditor } from './markdown'

const tempDir = useTempDir()

/** Builds a note with every node type through a real (headless) Lexical editor. */
function noteWithEverything(articleId: number, highlightId: number, noteId: number): unknown {
  const editor = createNoteEditor()
  editor.update(
    () => {
      const root = $getRoot()
      root.append($createHeadingNode('h1').append($createTextNode('Round two')))
      const p = $createParagraphNode()
      p.append(
        $createTextNode('Staffing was '),
        $createTextNode('central').toggleFormat('bold'),
        $createTextNode(' and '),
        $createTextNode('urgent').toggleFormat('italic'),
        $createTextNode('. See '),
      )
      p.append(
        $createRefNode({ kind: 'article', id: articleId, label: 'The park article' }),
        $createTextNode(' and '),
        $createRefNode({ kind: 'note', id: noteId, label: 'Earlier note' }),
        $createTextNode('.'),
      )
      root.append(p)
      root.append(
        $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('first point')),
          $createListItemNode().append($createTextNode('second point')),
        ),
      )
      root.append($createListNode('number').append($createListItemNode().append($createTextNode('step one'))))
      root.append($createListNode('check').append($createListItemNode(true).append($createTextNode('checked task'))))
      root.append($createQuoteNode().append($createTextNode('A plain block quote')))
      root.append($createParagraphNode().append($createLinkNode('https://example.org/report').append($createTextNode('a web link'))))
      root.append($createCodeNode().append($createTextNode('code block')))
      root.append(
        $createEvidenceNode({
          highlightId,
          articleId,
          text: 'public park',
          title: 'Council approves new riverside park',
          outlet: 'City Post',
          published: '2024-05-02',
        }),
      )
    },
    { discrete: true },
  )
  return editor.getEditorState().toJSON()
}

describe('notes', () => {
  it('extracts links and quotes with their sentence, and plain text', () => {
    const content = noteWithEverything(7, 3, 9)
    const links = extractLinks(content)
    expect(links.map((l) => `${l.kind}:${l.targetId}`)).toEqual(['article:7', 'note:9', 'highlight:3', 'article:7'])
    expect(links[0]?.context).toContain('See The park article and Earlier note.')
    expect(plainText(content)).toContain('Round two')
    expect(plainText(content)).toContain('first point\nsecond point')
  })

  it('converts every node type to Markdown headlessly, with the editor’s transformers', () => {
    const md = createMarkdownConverter()(noteWithEverything(7, 3, 9))
    expect(md).toContain('# Round two')
    expect(md).toContain(
      'Staffing was **central** and *urgent*. See [The park article](parley:article/7) and [Earlier note](parley:note/9).',
    )
    expect(md).toContain('- first point\n- second point')
    expect(md).toContain('1. step one')
    expect(md).toContain('- [x] checked task')
    expect(md).toContain('> A plain block quote')
    expect(md).toContain('[a web link](https://example.org/report)')
    expect(md).toContain('```\ncode block\n```')
    expect(md).toContain('> public park\n>\n> — Council approves new riverside park, City Post, 2024-05-02')
    const relative = createMarkdownConverter({ hrefFor: (r) => `../${r.kind}s/${r.id}.md`, labelFor: (r) => `Renamed ${r.id}` })(
      noteWithEverything(7, 3, 9),
    )
    expect(relative).toContain('[Renamed 7](../articles/7.md)')
  })

  it('saves content with derived links in one transaction; backlinks follow edits; search finds note text', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const h = notebook.handlers
    const [imported] = await h['articles.import']({ files: [{ name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') }] })
    const articleId = imported!.id!
    const article = await h['articles.get']({ id: articleId })
    const start = article.body.indexOf('public park')
    const highlight = await h['highlights.create']({ articleId, start, end: start + 11, themeId: null })
    const earlier = await h['notes.create']({ title: 'Earlier note' })
    const note = await h['notes.create']({ title: 'Round two', content: noteWithEverything(articleId, highlight.id, earlier.id) as never })

    expect((await h['notes.backlinks']({ kind: 'article', id: articleId })).map((b) => b.noteTitle)).toEqual(['Round two', 'Round two'])
    expect(await h['notes.backlinks']({ kind: 'highlight', id: highlight.id })).toHaveLength(1)
    expect((await h['notes.backlinks']({ kind: 'note', id: earlier.id }))[0]).toMatchObject({
      noteId: note.id,
      context: expect.stringContaining('Earlier note'),
    })

    // Remove the link to the earlier note: its backlink goes in the same save.
    const withoutLink = JSON.parse(
      JSON.stringify(note.content).replace(
        /\{[^{}]*"type":"parley-ref"[^{}]*"kind":"note"[^{}]*\}/,
        '{"type":"text","text":"(removed)","version":1,"format":0,"detail":0,"mode":"normal","style":""}',
      ),
    )
    await h['notes.save']({ id: note.id, content: withoutLink })
    expect(await h['notes.backlinks']({ kind: 'note', id: earlier.id })).toEqual([])

    expect((await h['notes.list']({ query: 'staffing' })).map((n) => n.id)).toEqual([note.id])
    expect((await h['notes.list']({})).map((n) => n.id)).toEqual([note.id, earlier.id])

    const quoted = await h['notes.appendQuote']({ noteId: earlier.id, highlightId: highlight.id })
    expect(JSON.stringify(quoted.content)).toContain('"type":"parley-evidence"')
    expect(await h['notes.backlinks']({ kind: 'highlight', id: highlight.id })).toHaveLength(2)
    expect(await h['notes.markdown']({ id: earlier.id })).toContain('> public park')

    await h['highlights.delete']({ id: highlight.id })
    expect(await h['highlights.lookup']({ ids: [highlight.id] })).toEqual([
      { id: highlight.id, exists: false, exact: null, articleId: null, orphan: false },
    ])
    expect(await h['notes.markdown']({ id: earlier.id })).toContain('> public park')

    await h['notes.delete']({ id: note.id })
    expect((await h['notes.list']({})).map((n) => n.id)).toEqual([earlier.id])
    expect(await h['notes.backlinks']({ kind: 'article', id: articleId })).toHaveLength(1)
    await h['notes.restore']({ id: note.id })
    expect(await h['notes.list']({})).toHaveLength(2)
    notebook.close()
  })

  it('drops javascript:, data: and other non-web links and every inline style at save (issue 17 F8, F12)', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const text = (t: string, style = ''): Record<string, unknown> => ({
      type: 'text',
      text: t,
      version: 1,
      format: 0,
      detail: 0,
      mode: 'normal',
      style,
    })
    const link = (url: string, t: string): Record<string, unknown> => ({
      type: 'link',
      url,
      rel: null,
      target: null,
      title: null,
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [text(t)],
    })
    const overlay = 'position:fixed;inset:0;z-index:99999;background:white'
    const hostile = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: overlay,
            children: [
              text('Session expired: sign in again', overlay),
              link('javascript:alert(1)', 'one'),
              link('JaVaScRiPt:alert(2)', 'two'),
              link('java\tscript:alert(3)', 'three'),
              link('data:text/html;base64,PHNjcmlwdD4=', 'four'),
              link('file:///etc/passwd', 'five'),
              { ...link('https://example.org/ok', 'six'), type: 'autolink' },
              link('mailto:desk@example.org', 'seven'),
            ],
          },
        ],
      },
    }
    const note = await notebook.handlers['notes.create']({ title: 'Pasted', content: hostile as never })
    await notebook.handlers['notes.save']({ id: note.id, content: hostile as never })
    const stored = JSON.stringify((await notebook.handlers['notes.get']({ id: note.id })).content)
    expect(stored).not.toMatch(/script:|data:|file:|position:fixed/i)
    expect(stored).toContain('https://example.org/ok')
    expect(stored).toContain('mailto:desk@example.org')
    // The text of a dropped link stays.
    expect(plainText(JSON.parse(stored))).toBe('Session expired: sign in againonetwothreefourfivesixseven')
    // A note stored before saves were cleaned is cleaned when it is opened.
    notebook.db.prepare('UPDATE notes SET content = ? WHERE id = ?').run(JSON.stringify(hostile), note.id)
    expect(JSON.stringify((await notebook.handlers['notes.get']({ id: note.id })).content)).not.toMatch(/script:|position:fixed/i)
    notebook.close()
  })

  it('gives a matrix cell one note, created on first use', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const [theme] = await notebook.handlers['themes.list']({})
    const a = await notebook.handlers['notes.cell']({ roundId: 1, themeId: theme!.id })
    const b = await notebook.handlers['notes.cell']({ roundId: 1, themeId: theme!.id })
    expect(b.id).toBe(a.id)
    expect(a.title).toContain(theme!.name)
    notebook.close()
  })

  it('offers fuzzy [[ link targets over articles, notes and themes', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    await notebook.handlers['articles.import']({ files: [{ name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') }] })
    await notebook.handlers['notes.create']({ title: 'Parking questions' })
    const hits = await notebook.handlers['links.search']({ query: 'riverpark', limit: 5 })
    expect(hits[0]).toMatchObject({ kind: 'article', title: 'Council approves new riverside park' })
    expect((await notebook.handlers['links.search']({ query: 'flights', limit: 5 }))[0]).toMatchObject({
      kind: 'theme',
      title: 'Direct flights',
    })
    expect((await notebook.handlers['links.search']({ query: 'park q', limit: 5 }))[0]).toMatchObject({ kind: 'note' })
    notebook.close()
  })
})
