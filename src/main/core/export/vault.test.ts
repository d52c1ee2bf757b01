import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import type { EventName } from '../../../shared/contract'
import { runCli } from '../../cli'
import type { WritableDB } from '../db/types'
import { deleteNote } from '../notes/repo'
import { openNotebook } from '../notebook'
import { MANIFEST, manifestText } from './manifest'
import { paragraphs } from './articles'
import { readZip } from './zip'
import { addArticle, addNote, addRound, highlight, parseCsv, parseXml, readXsd, T0, validateXml } from './testkit'
import { readExportData } from './data'
import { buildVault, exportKey, exportVault } from './vault'

const tempDir = useTempDir()
const FIXTURES = join(__dirname, 'fixtures')

// Article text with everything Markdown, GFM and Obsidian would misread if it were not escaped.
const HOSTILE = `Talks on *staffing* & [properties] resume

MOSCOW (Reuters) - Officials said 2 * 3 = 6 staff, _not_ 8, would return; costs rose 5% to $3 == "a #1 priority" ^note.

1. This line looks like a list item but is prose, with <b>tags</b>, &amp; entities and a | pipe | table.

- Another: a dash, \`code\`, ~~strike~~, %%comment%%, [[wikilink]] and a backslash \\ here.

# Not a heading, said the spokesman, who asked not to be named after the meeting in Moscow on Tuesday.
`

interface Built {
  db: WritableDB
  file: string
  ids: { park: number; hostile: number; h1: number; h2: number; h3: number; round: number; note: number; cellNote: number }
  close: () => void
}

/** A small notebook: two articles, three highlights, a round, a note with links and quotes, a cell note. */
function smallNotebook(dir: string): Built {
  const file = join(dir, 'n.parley')
  const nb = openNotebook(file)
  const db = nb.db
  const park = addArticle(db, 'park.txt', ARTICLE)
  const hostile = addArticle(db, 'hostile.txt', HOSTILE)
  db.prepare(
    "UPDATE articles SET outlet = 'City Post', published = '2024-05-02', author = 'Jane Doe and John Smith', url = 'https://example.org/park' WHERE id = ?",
  ).run(park)
  const h1 = highlight(db, park, 'public park', 1, 'the key "phrase", noted')
  const h2 = highlight(db, hostile, '2 * 3 = 6 staff, _not_ 8', 1)
  const h3 = highlight(db, hostile, 'costs rose 5% to $3 == "a #1 priority"', 2)
  const round = addRound(db, 'Round 1: Moscow', '2024-05-01', 'Moscow', [
    [hostile, 'reports'],
    [park, 'mentions'],
  ])
  const quote = (h: number, a: number, text: string): { highlightId: number; articleId: number; text: string; title: string } => ({
    highlightId: h,
    articleId: a,
    text,
    title: 'x',
  })
  const note = addNote(db, 'Staffing *findings* / draft', {
    links: [
      { kind: 'article', id: park, label: 'park' },
      { kind: 'round', id: round, label: 'round' },
      { kind: 'theme', id: 1, label: 'theme' },
    ],
    quotes: [quote(h1, park, 'public park'), quote(h2, hostile, '2 * 3 = 6 staff, _not_ 8')],
  })
  const cellNote = addNote(
    db,
    'Round 1: Moscow — Embassy staffing',
    { quotes: [quote(h2, hostile, '2 * 3 = 6 staff, _not_ 8')] },
    { roundId: round, themeId: 1 },
  )
  return { db, file, ids: { park, hostile, h1, h2, h3, round, note, cellNote }, close: () => nb.close() }
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? walk(full, base) : [relative(base, full).split('\\').join('/')]
  })
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8')

/** Front matter (parsed with yaml) and the Markdown after it. */
function splitMd(text: string): { props: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text)
  if (!m) throw new Error('no front matter on the first line')
  return { props: parseYaml(m[1] as string) as Record<string, unknown>, body: text.slice(m[0].length) }
}

/** What a CommonMark reader shows for one of our escaped lines: escapes removed (any ASCII punctuation). */
const unescape = (md: string): string => md.replace(/\\([!-/:-@[-`{-~])/g, '$1')

describe('export: the vault', () => {
  it('matches the golden files for a small notebook', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    const out = join(dir, 'vault')
    const summary = await exportVault(nb.db, out)
    nb.close()
    expect(summary.mismatches).toEqual([])
    const golden = join(FIXTURES, 'golden')
    const files = walk(out).filter((f) => f !== 'parley.qdpx' && f !== MANIFEST)
    if (process.env.UPDATE_GOLDEN) {
      for (const f of files) {
        mkdirSync(dirname(join(golden, f)), { recursive: true })
        writeFileSync(join(golden, f), readFileSync(join(out, f)))
      }
    }
    expect(files.sort()).toEqual(walk(golden).sort())
    for (const f of files) expect(read(out, f), f).toBe(read(golden, f))
  })

  it('writes the layout, with front matter that parses and article text that reads as stored', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    const files = walk(out)
    for (const f of [
      'comparison.md',
      'timeline.md',
      'highlights.csv',
      'highlights.jsonld',
      'references.json',
      'references.bib',
      'parley.qdpx',
      MANIFEST,
    ])
      expect(files).toContain(f)
    expect(files.filter((f) => f.startsWith('articles/'))).toHaveLength(2)
    expect(files.filter((f) => f.startsWith('notes/'))).toHaveLength(2)
    expect(files.filter((f) => f.startsWith('rounds/'))).toHaveLength(1)
    expect(files.some((f) => f.startsWith('.obsidian'))).toBe(false)

    for (const f of files.filter((f) => f.endsWith('.md') && f.includes('/'))) {
      const { props } = splitMd(read(out, f))
      expect(props['parley-id'], f).toMatch(/^(article|note|round)-\d+$/)
      expect(typeof props.title, f).toBe('string')
      expect(props.tags, f).toEqual([`parley/${f.split('/')[0]?.replace(/s$/, '')}`])
    }

    for (const id of [nb.ids.park, nb.ids.hostile]) {
      const article = nb.db.prepare('SELECT title, body FROM articles WHERE id = ?').get(id) as { title: string; body: string }
      const f = files.find((x) => x.startsWith('articles/') && splitMd(read(out, x)).props['parley-id'] === `article-${id}`) as string
      const { props, body } = splitMd(read(out, f))
      expect(props.title).toBe(article.title)
      // A highlight's comment is a callout right under its paragraph (issue 18); the rest is the text.
      const all = body.trim().split('\n\n')
      const isComment = (b: string): boolean => b.startsWith('> [!note] Comment on “')
      for (const [i, b] of all.entries()) if (isComment(b)) expect(all[i - 1], b).toMatch(/ \^h-\d+$/)
      if (id === nb.ids.park) expect(all.filter(isComment)).toEqual(['> [!note] Comment on “public park”\n> the key "phrase", noted'])
      const blocks = all.filter((b) => !isComment(b))
      // One heading, then exactly one block per paragraph; no line of the body starts a Markdown block construct.
      expect(blocks[0]).toBe(`# ${article.title.replace(/[\\`*_[\]<>&~|=%$#^{}]/g, '\\$&')}`)
      const stored = paragraphs(article.body).map((p) => article.body.slice(p.start, p.end))
      expect(blocks.length - 1).toBe(stored.length)
      blocks.slice(1).forEach((block, i) => {
        expect(block).not.toMatch(/^(#|>|[-+*] |\d+[.)] | {4}|```|<)/)
        const text = unescape(block.replace(/ \^h-\d+$/, '').replace(/(?<!\\)==/g, ''))
        expect(text).toBe(stored[i])
      })
    }
    // Highlights appear as ==…== over the exact stored text, followed by the paragraph's block id.
    const hostile = read(out, files.find((f) => f.includes('talks-on-staffing')) as string)
    expect(hostile).toContain(`==2 \\* 3 \\= 6 staff, \\_not\\_ 8==`)
    expect(hostile).toMatch(/==costs rose 5\\% to \\\$3 \\=\\= "a \\#1 priority"== \\\^note\. \^h-\d+\n/)
    expect(hostile).toContain('highlight-themes:\n  - Embassy staffing\n  - Diplomatic properties')
    nb.close()
  })

  it('links only to files that exist, with block ids that exist, in both link styles', async () => {
    for (const wikilinks of [false, true]) {
      const dir = tempDir()
      const nb = smallNotebook(dir)
      const out = join(dir, 'vault')
      await exportVault(nb.db, out, { wikilinks })
      nb.close()
      let checked = 0
      for (const f of walk(out).filter((x) => x.endsWith('.md'))) {
        const text = read(out, f)
        const targets: Array<{ path: string; block?: string }> = []
        for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
          const [path, fragment] = (m[1] as string).split('#')
          if (/^[a-z]+:/.test(path as string)) throw new Error(`${f}: non-file link ${m[1]}`)
          targets.push({
            path: relative(out, resolve(out, dirname(f), decodeURIComponent(path as string))),
            block: fragment?.replace(/^\^/, ''),
          })
        }
        for (const m of text.matchAll(/\[\[([^\]|#\\]+)(?:#\^([\w-]+))?(?:\\?\|[^\]]*)?\]\]/g))
          targets.push({ path: `${m[1]}.md`, block: m[2] })
        if (!wikilinks) expect(text, f).not.toContain('[[')
        for (const t of targets) {
          expect(existsSync(join(out, t.path)), `${f} → ${t.path}`).toBe(true)
          if (t.block) expect(read(out, t.path), `${f} → ${t.path}#^${t.block}`).toMatch(new RegExp(` \\^${t.block}$`, 'm'))
          checked++
        }
      }
      expect(checked).toBeGreaterThan(10)
    }
  })

  it('writes notes with quotes as blockquotes and a citation line linking to the highlight', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    nb.close()
    const note = read(out, 'notes/staffing-findings-draft.md')
    const { props, body } = splitMd(note)
    expect(props).toMatchObject({ title: 'Staffing *findings* / draft', 'parley-id': `note-${nb.ids.note}` })
    expect(body).toContain('# Staffing \\*findings\\* / draft')
    expect(body).toMatch(
      /\n> public park\n>\n> — \[Council approves new riverside park, City Post, 2024-05-02\]\(\.\.\/articles\/council-approves-new-riverside-park\.md#\^h-\d+\)\n/,
    )
    expect(body).toContain('> 2 \\* 3 \\= 6 staff, \\_not\\_ 8\n')
    // Two quotes stay two blockquotes: a blank line between them.
    expect(body).toMatch(/\)\n\n> 2 \\\*/)
    const cell = splitMd(read(out, 'notes/round-1-moscow-embassy-staffing.md')).props
    expect(cell).toMatchObject({ round: 'Round 1: Moscow', theme: 'Embassy staffing' })
  })

  it('writes comparison.md as a GFM table with counts and "not covered", then evidence per cell', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    nb.close()
    const lines = read(out, 'comparison.md').split('\n')
    const header = lines.findIndex((l) => l.startsWith('| Round |'))
    expect(lines[header]).toBe('| Round | Date | Venue | Embassy staffing | Diplomatic properties | Direct flights |')
    expect(lines[header + 1]).toBe('| --- | --- | --- | ---: | ---: | ---: |')
    const cells = (lines[header + 2] as string)
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim())
    expect(cells).toHaveLength(6)
    // The park article only mentions the round: its highlight is not counted.
    expect(cells.slice(1)).toEqual(['2024-05-01', 'Moscow', '1', '1', 'not covered'])
    const text = lines.join('\n')
    expect(text).toContain('### Direct flights\n\nNot covered.')
    expect(text).toMatch(
      /### Embassy staffing\n\n> 2 \\\* 3 \\= 6 staff, \\_not\\_ 8\n>\n> — \[.*\]\(articles\/talks-on-staffing-properties-resume\.md#\^h-\d+\)\n\nNote: \[Round 1: Moscow — Embassy staffing\]\(notes\/round-1-moscow-embassy-staffing\.md\)/,
    )
  })
})

interface Annotation {
  type: string
  target: { source: string; selector: [{ type: string; exact: string; prefix: string }, { type: string; start: number; end: number }] }
}

describe('export: data files', () => {
  it('writes one CSV row per highlight (RFC 4180, BOM, CRLF) with the stored text', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    const raw = read(out, 'highlights.csv')
    expect(raw.startsWith('\uFEFF')).toBe(true)
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/\n(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    const [header, ...rows] = parseCsv(raw)
    expect(header?.slice(0, 3)).toEqual(['highlight_id', 'article_id', 'article'])
    const count = nb.db.prepare('SELECT count(*) FROM highlights').pluck().get() as number
    expect(rows).toHaveLength(count)
    const col = (name: string): number => (header as string[]).indexOf(name)
    for (const row of rows) {
      const body = nb.db
        .prepare('SELECT body FROM articles WHERE id = ?')
        .pluck()
        .get(Number(row[col('article_id')])) as string
      expect(body.slice(Number(row[col('start')]), Number(row[col('end')]))).toBe(row[col('exact')])
      expect(row[col('status')]).toBe('verbatim')
    }
    expect(rows.find((r) => r[col('highlight_id')] === String(nb.ids.h1))?.[col('comment')]).toBe('the key "phrase", noted')
    nb.close()
  })

  it('writes CSL-JSON items with the required fields and types, and BibTeX with escapes and balanced braces', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    nb.db.prepare("UPDATE articles SET outlet = 'R&D_Weekly #1 {x} ~50% $ ^ \\' WHERE id = ?").run(nb.ids.hostile)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    nb.close()
    const items = JSON.parse(read(out, 'references.json')) as Array<Record<string, unknown>>
    expect(items).toHaveLength(2)
    for (const item of items) {
      expect(item.type).toBe('article-newspaper')
      expect(typeof item.id).toBe('string')
      expect(item['citation-key']).toBe(item.id)
      expect(typeof item.title).toBe('string')
      for (const key of ['issued', 'accessed'] as const) {
        if (item[key] === undefined) continue
        const parts = (item[key] as { 'date-parts': unknown[][] })['date-parts']
        expect(parts[0]?.every((n) => Number.isInteger(n))).toBe(true)
      }
      for (const a of (item.author as Array<Record<string, unknown>> | undefined) ?? [])
        expect(typeof a.family === 'string' || typeof a.literal === 'string').toBe(true)
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length)
    const park = items.find((i) => i.title === 'Council approves new riverside park') as Record<string, unknown>
    expect(park).toMatchObject({
      'container-title': 'City Post',
      author: [
        { family: 'Doe', given: 'Jane' },
        { family: 'Smith', given: 'John' },
      ],
      issued: { 'date-parts': [[2024, 5, 2]] },
      URL: 'https://example.org/park',
    })

    const bib = read(out, 'references.bib')
    let depth = 0
    for (const ch of bib) {
      depth += ch === '{' ? 1 : ch === '}' ? -1 : 0
      expect(depth).toBeGreaterThanOrEqual(0)
    }
    expect(depth).toBe(0)
    expect(bib).toContain(
      'journal = {R\\&D\\_Weekly \\#1 \\textbraceleft{}x\\textbraceright{} \\textasciitilde{}50\\% \\$ \\textasciicircum{} \\textbackslash{}}',
    )
    expect(bib).toMatch(/author\s+= \{Doe, Jane and Smith, John\},/)
    expect(bib).toMatch(/month\s+= may,/)
    expect(bib).toMatch(/title\s+= \{Talks on \*staffing\* \\& \[properties\] resume\}/)
    expect(bib.match(/^@article\{/gm)).toHaveLength(2)
  })

  it('writes Web Annotation JSON-LD with quote and position selectors that match the text', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    const doc = JSON.parse(read(out, 'highlights.jsonld')) as {
      '@context': string
      type: string
      total: number
      first: { items: Annotation[] }
    }
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(doc.type).toBe('AnnotationCollection')
    expect(doc.first.items).toHaveLength(3)
    expect(doc.total).toBe(3)
    for (const a of doc.first.items) {
      expect(a.type).toBe('Annotation')
      const [quote, position] = a.target.selector
      expect(quote?.type).toBe('TextQuoteSelector')
      expect(position?.type).toBe('TextPositionSelector')
      const body = nb.db
        .prepare('SELECT body FROM articles WHERE id = ?')
        .pluck()
        .get(Number(String(a.target.source).split(':').pop())) as string
      expect(body.slice(position?.start, position?.end)).toBe(quote?.exact)
      expect(body.slice(0, position?.start).endsWith(quote?.prefix)).toBe(true)
    }
    nb.close()
  })

  it('writes a .qdpx whose project.qde follows the REFI-QDA schema, with selections on the source text', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    nb.close()
    const entries = readZip(readFileSync(join(out, 'parley.qdpx')), (d) => inflateRawSync(d))
    const qde = entries.find((e) => e.name === 'project.qde')
    expect(qde).toBeDefined()
    const project = parseXml((qde as { data: Buffer }).data.toString('utf8'))
    expect(project.attrs.xmlns).toBe('urn:QDA-XML:project:1.0')
    const schema = readXsd(parseXml(readFileSync(join(FIXTURES, 'Project.xsd'), 'utf8')))
    expect(schema.types.get('PlainTextSelectionType')?.attributes.get('startPosition')).toEqual({ type: 'xsd:integer', required: true })
    expect(validateXml(project, schema)).toEqual([])

    const all = (el: typeof project, name: string): Array<typeof project> => [
      ...(el.name === name ? [el] : []),
      ...el.children.flatMap((c) => all(c, name)),
    ]
    const codes = new Set(all(project, 'Code').map((c) => c.attrs.guid))
    const notes = new Set(all(project, 'Note').map((c) => c.attrs.guid))
    expect(codes.size).toBe(3)
    expect(notes.size).toBe(2)
    for (const ref of all(project, 'CodeRef')) expect(codes.has(ref.attrs.targetGUID)).toBe(true)
    for (const ref of all(project, 'NoteRef')) expect(notes.has(ref.attrs.targetGUID)).toBe(true)
    const selections = all(project, 'PlainTextSelection')
    expect(selections).toHaveLength(3)
    for (const source of all(project, 'TextSource')) {
      const path = (source.attrs.plainTextPath as string).replace('internal://', 'sources/')
      const text = entries.find((e) => e.name === path)?.data.toString('utf8') as string
      expect(text).toBeDefined()
      for (const s of source.children.filter((c) => c.name === 'PlainTextSelection')) {
        const chars = [...text]
        const passage = chars.slice(Number(s.attrs.startPosition), Number(s.attrs.endPosition)).join('')
        expect(s.attrs.name).toBe(passage)
      }
    }
    // The validator itself catches what it should.
    const broken = parseXml('<Project xmlns="urn:QDA-XML:project:1.0"><Sources><TextSource guid="x"/></Sources><Users/></Project>')
    expect(validateXml(broken, schema)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('missing attribute name'),
        expect.stringContaining('"x" is not a GUIDType'),
        expect.stringContaining('Users is out of order'),
      ]),
    )
  })
})

describe('export: re-export into the same folder', () => {
  it('updates its own files, keeps edited and foreign files, removes files of deleted items', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    const out = join(dir, 'vault')
    const first = await exportVault(nb.db, out)
    expect(first.written.length).toBe(first.files)

    const again = await exportVault(nb.db, out)
    expect(again).toMatchObject({ written: [], updated: [], removed: [], conflicts: [], unchanged: first.files })

    const park = 'articles/council-approves-new-riverside-park.md'
    writeFileSync(join(out, park), `${read(out, park)}\nMy own remark.\n`)
    writeFileSync(join(out, 'notes', 'mine.md'), 'my own note')
    writeFileSync(join(out, 'timeline.md.bak'), 'foreign')
    highlight(nb.db, nb.ids.park, 'freight yard', 3)
    deleteNote(nb.db, nb.ids.note, T0)
    // A manifest listing a path outside the folder cannot make Parley delete there, even signed with the notebook's key.
    const outside = join(dir, 'outside.md')
    writeFileSync(outside, 'keep me')
    const manifest = JSON.parse(read(out, MANIFEST)) as { files: Record<string, string> }
    manifest.files['../outside.md'] = 'a'.repeat(64)
    writeFileSync(join(out, MANIFEST), manifestText(exportKey(nb.db), manifest.files))

    const third = await exportVault(nb.db, out)
    expect(third.conflicts).toEqual([
      { file: park, newVersion: 'articles/council-approves-new-riverside-park.parley-new.md', reason: 'edited' },
    ])
    expect(read(out, park)).toContain('My own remark.')
    expect(read(out, 'articles/council-approves-new-riverside-park.parley-new.md')).toContain('==freight yard==')
    expect(third.removed).toEqual(['notes/staffing-findings-draft.md'])
    expect(existsSync(join(out, 'notes/staffing-findings-draft.md'))).toBe(false)
    expect(read(out, 'notes/mine.md')).toBe('my own note')
    expect(read(out, 'timeline.md.bak')).toBe('foreign')
    expect(read(dir, 'outside.md')).toBe('keep me')
    // The codebook's counts and examples follow the highlights.
    expect(third.updated.sort()).toEqual(['codebook.md', 'highlights.csv', 'highlights.jsonld', 'parley.qdpx'])

    // Still edited: still a conflict, never overwritten; once the user takes the new version, the conflict is gone.
    const fourth = await exportVault(nb.db, out)
    expect(fourth.conflicts.map((c) => c.file)).toEqual([park])
    writeFileSync(join(out, park), readFileSync(join(out, 'articles/council-approves-new-riverside-park.parley-new.md')))
    const fifth = await exportVault(nb.db, out)
    expect(fifth.conflicts).toEqual([])
    expect(fifth.removed).toEqual(['articles/council-approves-new-riverside-park.parley-new.md'])
    // A file Parley never wrote at one of its paths is not overwritten either.
    const other = tempDir()
    mkdirSync(join(other, 'articles'))
    writeFileSync(join(other, park), 'theirs')
    const foreign = await exportVault(nb.db, other)
    expect(foreign.conflicts).toEqual([
      { file: park, newVersion: 'articles/council-approves-new-riverside-park.parley-new.md', reason: 'not-parley' },
    ])
    expect(read(other, park)).toBe('theirs')
    expect(readdirSync(out).some((f) => f.includes('parley-tmp'))).toBe(false)
    nb.close()
  })

  it('refuses to write into an Obsidian settings folder', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    await expect(exportVault(nb.db, join(dir, 'vault', '.obsidian'))).rejects.toThrow(/\.obsidian/)
    nb.close()
  })

  it('removes temporary files a killed export left, only its own names and only in the folders it writes', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    const stale = ['.x.md.0123456789abcdef.parley-tmp', 'articles/.y.md.0123456789ab0001.parley-tmp']
    const foreign = ['articles/draft.parley-tmp', 'articles/.y.md.parley-tmp', 'mine/.z.md.0123456789abcdef.parley-tmp']
    for (const f of [...stale, ...foreign]) {
      mkdirSync(dirname(join(out, f)), { recursive: true })
      writeFileSync(join(out, f), 'half a file')
    }
    const again = await exportVault(nb.db, out)
    expect(again.conflicts).toEqual([])
    for (const f of stale) expect(existsSync(join(out, f)), f).toBe(false)
    for (const f of foreign) expect(readFileSync(join(out, f), 'utf8'), f).toBe('half a file')
    nb.close()
  })

  it('writes the same .qdpx whether its sources deflate apart (export) or in line (buildVault)', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    await exportVault(nb.db, join(dir, 'v'))
    const inline = buildVault(readExportData(nb.db)).files.get('parley.qdpx')
    expect(readFileSync(join(dir, 'v', 'parley.qdpx')).equals(inline as Buffer)).toBe(true)
    nb.close()
  })

  it('without fsync (measuring only) writes the same vault', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    await exportVault(nb.db, join(dir, 'a'))
    await exportVault(nb.db, join(dir, 'b'), { durable: false })
    const files = walk(join(dir, 'a'))
    expect(walk(join(dir, 'b'))).toEqual(files)
    for (const f of files) expect(read(join(dir, 'b'), f), f).toBe(read(join(dir, 'a'), f))
    nb.close()
  })
})

describe('export: faithful and hostile', () => {
  it('reports highlights and quotes that differ from the stored text and does not write them as highlights', async () => {
    const dir = tempDir()
    const nb = smallNotebook(dir)
    nb.db.prepare("UPDATE highlights SET anchor = 'orphan' WHERE id = ?").run(nb.ids.h1)
    nb.db.prepare("UPDATE highlights SET exact = 'not the text' WHERE id = ?").run(nb.ids.h3)
    const out = join(dir, 'vault')
    const s = await exportVault(nb.db, out)
    nb.close()
    expect(s.mismatches.map((m) => `${m.kind}:${m.highlightId}`).sort()).toEqual(
      [`highlight:${nb.ids.h1}`, `highlight:${nb.ids.h3}`, `quote:${nb.ids.h1}`].sort(),
    )
    expect(read(out, 'articles/council-approves-new-riverside-park.md')).not.toContain('==')
    expect(read(out, 'notes/staffing-findings-draft.md')).toContain("differs from the article's current text")
    const [header, ...rows] = parseCsv(read(out, 'highlights.csv'))
    const status = new Map(rows.map((r) => [r[0], r[(header as string[]).indexOf('status')]]))
    expect(status.get(String(nb.ids.h1))).toBe('orphan')
    expect(status.get(String(nb.ids.h3))).toBe('mismatch')
    expect((JSON.parse(read(out, 'highlights.jsonld')) as { total: number }).total).toBe(1)
  })

  it('names files safely for hostile titles: reserved names, paths, case-only and Unicode collisions, length', async () => {
    const dir = tempDir()
    const nb = openNotebook(join(dir, 'n.parley'))
    const titles = [
      'CON',
      'con',
      '../../etc/passwd',
      'A: b?',
      'a  B',
      'Café',
      'Cafe\u0301',
      'x'.repeat(300),
      'ünïcödé '.repeat(40),
      '...',
      'NUL.txt',
      'Report.',
      '#^[[x]]|',
    ]
    for (const [i, title] of titles.entries())
      addArticle(
        nb.db,
        `t${i}.md`,
        `---\ntitle: ${JSON.stringify(title)}\noutlet: Post\n---\n\nA sentence about the talks number ${i}, long enough to be an article paragraph for the cleaner to keep.\n`,
      )
    const out = join(dir, 'vault')
    const s = await exportVault(nb.db, out)
    nb.close()
    const names = walk(out)
      .filter((f) => f.startsWith('articles/'))
      .map((f) => f.slice('articles/'.length))
    expect(names).toHaveLength(titles.length)
    expect(new Set(names.map((n) => n.normalize('NFC').toLowerCase())).size).toBe(names.length)
    for (const n of names) {
      expect(Buffer.byteLength(n.replace(/\.md$/, ''))).toBeLessThanOrEqual(100)
      expect(n).toMatch(/^[\p{L}\p{M}\p{N}-]+\.md$/u)
      expect(n).toBe(n.normalize('NFC'))
      expect(n.replace(/\.md$/, '')).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i)
    }
    expect(s.written.every((f) => !f.includes('..'))).toBe(true)
    expect(existsSync(join(dir, 'etc'))).toBe(false)
  })
})

describe('export: through the contract and the CLI', () => {
  it('notebook.export reports progress events and a summary; the CLI prints it and exits 0', async () => {
    const dir = tempDir()
    const built = smallNotebook(dir)
    built.close()
    const events: Array<{ event: EventName; payload: unknown }> = []
    const nb = openNotebook(built.file, { emit: (event, payload) => events.push({ event, payload }) })
    const summary = await nb.handlers['notebook.export']({ dir: join(dir, 'a') })
    nb.close()
    const progress = events.filter((e) => e.event === 'export.progress').map((e) => e.payload as { done: number; total: number })
    expect(progress).toHaveLength(summary.files)
    expect(progress[progress.length - 1]).toEqual({ done: summary.files, total: summary.files })

    const lines: string[] = []
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(`ERR ${t}`) }
    expect(await runCli(['export', '--out', join(dir, 'b'), '--notebook', built.file, '--wikilinks'], io)).toBe(0)
    expect(lines[0]).toMatch(/^\d+ files → .*b: \d+ written, 0 updated, 0 unchanged, 0 removed$/)
    expect(lines[lines.length - 1]).toBe('0 conflicts, 0 mismatches')
    expect(read(join(dir, 'b'), 'notes/staffing-findings-draft.md')).toContain('[[articles/council-approves-new-riverside-park#^h-')
    lines.length = 0
    expect(await runCli(['export', '--notebook', built.file], io)).toBe(2)
    expect(lines.join('\n')).toContain('export needs --out DIR')
  })
})
