// Test helpers for the export: a small notebook with fixed clocks, and readers for what it writes.
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { $createHeadingNode } from '@lexical/rich-text'
import { $createEvidenceNode } from '../../../shared/editor/EvidenceNode'
import { createNoteEditor } from '../notes/markdown'
import { $createRefNode } from '../../../shared/editor/RefNode'
import { prepareArticle, storeArticle } from '../articles/import'
import { createHighlight } from '../highlights/repo'
import { createNote } from '../notes/repo'
import type { WritableDB } from '../db/types'

export const T0 = new Date('2025-05-24T09:12:00.000Z')

export function addArticle(db: WritableDB, name: string, text: string): number {
  const result = storeArticle(db, prepareArticle({ name, bytes: new TextEncoder().encode(text) }), T0)
  if (!result.id) throw new Error(`not imported: ${result.error ?? result.status}`)
  return result.id
}

/** Highlights the first occurrence of `text` in the article's body. */
export function highlight(db: WritableDB, articleId: number, text: string, themeId: number | null, comment = ''): number {
  const body = db.prepare('SELECT body FROM articles WHERE id = ?').pluck().get(articleId) as string
  const start = body.indexOf(text)
  if (start < 0) throw new Error(`"${text}" is not in article ${articleId}`)
  return createHighlight(db, { articleId, start, end: start + text.length, themeId, comment }, T0).id
}

export function addRound(
  db: WritableDB,
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
        JSON.stringify(['Ana Lima', 'Jon Berg']),
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
  db: WritableDB,
  title: string,
  parts: { links?: Array<{ kind: 'article' | 'note' | 'round' | 'theme'; id: number; label: string }>; quotes?: QuoteSpec[] },
  cell?: { roundId: number; themeId: number },
): number {
  const editor = createNoteEditor()
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

export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlElement[]
  text: string
}

const decodeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_, e: string, d?: string, h?: string) =>
    d
      ? String.fromCodePoint(Number(d))
      : h
        ? String.fromCodePoint(parseInt(h, 16))
        : (({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e] as string),
  )

/** A strict little XML reader (no DTDs): throws on anything not well-formed that tests may meet. */
export function parseXml(xml: string): XmlElement {
  const re =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[6]) throw new Error(`stray < at ${m.index}`)
    if (m[1]) {
      const open = stack.pop()
      if (!open || open.name !== m[1]) throw new Error(`</${m[1]}> does not close <${open?.name}>`)
      continue
    }
    if (m[2]) {
      const attrs: Record<string, string> = {}
      for (const a of (m[3] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if ((a[1] as string) in attrs) throw new Error(`duplicate attribute ${a[1]}`)
        attrs[a[1] as string] = decodeXml(a[2] ?? a[3] ?? '')
      }
      const el: XmlElement = { name: m[2], attrs, children: [], text: '' }
      const parent = stack[stack.length - 1]
      if (parent) parent.children.push(el)
      else if (root) throw new Error('two root elements')
      else root = el
      if (!m[4]) stack.push(el)
      continue
    }
    if (m[5] !== undefined) {
      const parent = stack[stack.length - 1]
      if (parent) parent.text += decodeXml(m[5])
      else if (m[5].trim()) throw new Error('text outside the root')
    }
  }
  if (stack.length || !root) throw new Error('unclosed elements')
  return root
}

interface XsdType {
  /** Child particles in order; `group` numbers a sequence position, a choice shares one position. */
  children: Array<{ name: string; type: string; min: number; max: number; position: number }>
  attributes: Map<string, { type: string; required: boolean }>
}

/** Reads element and attribute declarations of a (simple, REFI-style) XSD. */
export function readXsd(xsd: XmlElement): { root: Map<string, string>; types: Map<string, XsdType>; patterns: Map<string, RegExp> } {
  const root = new Map<string, string>()
  const types = new Map<string, XsdType>()
  const patterns = new Map<string, RegExp>()
  for (const node of xsd.children) {
    if (node.name === 'xsd:element') root.set(node.attrs.name as string, node.attrs.type as string)
    if (node.name === 'xsd:simpleType') {
      const pattern = node.children[0]?.children.find((c) => c.name === 'xsd:pattern')?.attrs.value
      const values = node.children[0]?.children.filter((c) => c.name === 'xsd:enumeration').map((c) => c.attrs.value as string)
      if (pattern) patterns.set(node.attrs.name as string, new RegExp(`^(?:${pattern.replace(/\\\{/g, '\\{')})$`))
      else if (values?.length) patterns.set(node.attrs.name as string, new RegExp(`^(?:${values.join('|')})$`))
    }
    if (node.name !== 'xsd:complexType') continue
    const type: XsdType = { children: [], attributes: new Map() }
    let position = 0
    const walk = (el: XmlElement, inChoice: boolean): void => {
      for (const c of el.children) {
        if (c.name === 'xsd:sequence') walk(c, false)
        else if (c.name === 'xsd:choice') {
          position++
          walk(c, true)
        } else if (c.name === 'xsd:element') {
          if (!inChoice) position++
          const max = c.attrs.maxOccurs === 'unbounded' ? Infinity : Number(c.attrs.maxOccurs ?? 1)
          type.children.push({
            name: c.attrs.name as string,
            type: c.attrs.type as string,
            min: Number(c.attrs.minOccurs ?? 1),
            max: inChoice && el.attrs.maxOccurs === 'unbounded' ? Infinity : max,
            position,
          })
        } else if (c.name === 'xsd:attribute')
          type.attributes.set(c.attrs.name as string, { type: c.attrs.type as string, required: c.attrs.use === 'required' })
      }
    }
    walk(node, false)
    types.set(node.attrs.name as string, type)
  }
  return { root, types, patterns }
}

/** Structural validation against readXsd's declarations: names, order, occurrence, required attributes, simple types. */
export function validateXml(doc: XmlElement, schema: ReturnType<typeof readXsd>): string[] {
  const errors: string[] = []
  const BUILTIN: Record<string, RegExp> = {
    'xsd:integer': /^-?\d+$/,
    'xsd:boolean': /^(true|false|0|1)$/,
    'xsd:dateTime': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
    'xsd:date': /^\d{4}-\d{2}-\d{2}$/,
  }
  const check = (el: XmlElement, typeName: string, path: string): void => {
    if (typeName.startsWith('xsd:')) {
      if (el.children.length) errors.push(`${path}: ${typeName} cannot hold elements`)
      return
    }
    const type = schema.types.get(typeName)
    if (!type) return void errors.push(`${path}: unknown type ${typeName}`)
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xsi:')) continue
      const decl = type.attributes.get(name)
      if (!decl) errors.push(`${path}: attribute ${name} is not allowed`)
      else {
        const re = BUILTIN[decl.type] ?? schema.patterns.get(decl.type)
        if (re && !re.test(value)) errors.push(`${path}/@${name}: "${value}" is not a ${decl.type}`)
      }
    }
    for (const [name, decl] of type.attributes) if (decl.required && !(name in el.attrs)) errors.push(`${path}: missing attribute ${name}`)
    let last = 0
    const counts = new Map<string, number>()
    for (const child of el.children) {
      const decl = type.children.find((c) => c.name === child.name)
      if (!decl) {
        errors.push(`${path}: element ${child.name} is not allowed here`)
        continue
      }
      if (decl.position < last) errors.push(`${path}: ${child.name} is out of order`)
      last = decl.position
      counts.set(child.name, (counts.get(child.name) ?? 0) + 1)
      check(child, decl.type, `${path}/${child.name}`)
    }
    for (const c of type.children) {
      const n = counts.get(c.name) ?? 0
      const inChoice = type.children.some((o) => o !== c && o.position === c.position)
      if (!inChoice && n < c.min) errors.push(`${path}: needs ${c.min} ${c.name}`)
      if (n > c.max) errors.push(`${path}: at most ${c.max} ${c.name}`)
    }
  }
  const rootType = schema.root.get(doc.name)
  if (!rootType) errors.push(`root ${doc.name} is not declared`)
  else check(doc, rootType, doc.name)
  return errors
}
