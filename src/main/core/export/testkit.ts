// Test helpers for the export: a small notebook with fixed clocks, and readers for what it writes.
import { createHeadlessEditor } from '@lexical/headless'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { $createHeadingNode } from '@lexical/rich-text'
import { $createEvidenceNode } from '../../../shared/editor/EvidenceNode'
import { NOTE_NODES } from '../../../shared/editor/nodes'
import { $createRefNode } from '../../../shared/editor/RefNode'
import { prepareArticle, storeArticle } from '../articles/import'
import type { Db } from '../db/open'
import { createHighlight } from '../highlights/repo'
import { createNote } from '../notes/repo'

export const T0 = new Date('2025-05-24T09:12:00.000Z')

export function addArticle(db: Db, name: string, text: string): number {
  const result = storeArticle(db, prepareArticle({ name, bytes: new TextEncoder().encode(text) }), T0)
  if (!result.id) throw new Error(`not imported: ${result.error ?? result.status}`)
  return result.id
}

/** Highlights the first occurrence of `text` in the article's body. */
export function highlight(db: Db, articleId: number, text: string, themeId: number | null, comment = ''): number {
  const body = db.prepare('SELECT body FROM articles WHERE id = ?').pluck().get(articleId) as string
  const start = body.indexOf(text)
  if (start < 0) throw new Error(`"${text}" is not in article ${articleId}`)
  return createHighlight(db, { articleId, start, end: start + text.length, themeId, comment }, T0).id
}

export function addRound(
  db: Db,
  title: string,
  date: string | null,
  venue: string | null,
  articles: Array<[number, 'reports' | 'mentions']>,
): number {
  const id = Number(
    db
      .prepare(`INSERT INTO rounds (title, date, venue, participants, summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(
        title,
        date,
        venue,
        JSON.stringify(['Thomas Shannon', 'Sergei Ryabkov']),
        'Talks on *embassy* staffing & properties.',
        T0.toISOString(),
        T0.toISOString(),
      ).lastInsertRowid,
  )
  for (const [articleId, role] of articles)
    db.prepare("INSERT INTO article_rounds (article_id, round_id, role, source) VALUES (?, ?, ?, 'user')").run(articleId, id, role)
  return id
}

export interface QuoteSpec {
  highlightId: number
  articleId: number
  text: string
  title: string
}

/** A note with a heading, a paragraph with links, and quotes of highlights. */
export function addNote(
  db: Db,
  title: string,
  parts: { links?: Array<{ kind: 'article' | 'note' | 'round' | 'theme'; id: number; label: string }>; quotes?: QuoteSpec[] },
  cell?: { roundId: number; themeId: number },
): number {
  const editor = createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (e) => {
      throw e
    },
  })
  editor.update(
    () => {
      const root = $getRoot()
      root.append($createHeadingNode('h2').append($createTextNode('Findings')))
      const p = $createParagraphNode().append($createTextNode('See '))
      for (const l of parts.links ?? []) p.append($createRefNode(l), $createTextNode(' and '))
      p.append($createTextNode('more.'))
      root.append(p)
      for (const q of parts.quotes ?? [])
        root.append(
          $createEvidenceNode({
            highlightId: q.highlightId,
            articleId: q.articleId,
            text: q.text,
            title: q.title,
            outlet: null,
            published: null,
          }),
        )
    },
    { discrete: true },
  )
  return createNote(db, { title, content: editor.getEditorState().toJSON(), ...(cell ?? {}) }, T0).id
}

/** RFC 4180: fields, quotes doubled, CRLF or LF; returns rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`)
      quoted = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`)
      if (c === '\r') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
