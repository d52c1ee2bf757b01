import { hash } from 'node:crypto'
import type { Highlight } from '../../../shared/model'
import type { ExportArticle, ExportTheme } from './data'
import { deflatePacked, packTexts } from './deflate-pool'
import { assembleZip, prepareEntry, type PreparedEntry, type ZipEntry } from './zip'

/**
 * A REFI-QDA project exchange file (.qdpx): a ZIP with `project.qde` (QDA-XML, namespace
 * urn:QDA-XML:project:1.0) and the plain text of every article under `sources/`. Themes are codes,
 * highlights are coded PlainTextSelections, notes are memos (Notes) referenced from the passages
 * they quote. GUIDs are derived from Parley ids, so a re-export gives the same file.
 */
export interface QdpxInput {
  name: string
  articles: ExportArticle[]
  themes: ExportTheme[]
  /** Faithful highlights only. */
  highlights: Highlight[]
  notes: Array<{ id: number; title: string; markdown: string; createdAt: string; updatedAt: string; quotes: number[] }>
  /** Typed links between two exported highlights: QDA-XML Links from one PlainTextSelection to another. */
  links?: Array<{ id: number; from: number; to: number; relation: string; note: string }>
}

/** A stable GUID (UUID v5 layout over SHA-1) for a Parley item. */
export function guid(kind: string, id: number | string): string {
  // One-shot hash straight to hex (no Buffer): the export makes about 110,000 of these.
  const hex = hash('sha1', `parley:${kind}:${id}`, 'hex')
  // Version 5 in the high nibble of byte 6, variant 10xx in the high bits of byte 8.
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase()
}

const XML_SPECIAL = /[\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff&<>"]/

/** XML 1.0 text: escapes markup and drops characters XML cannot carry (most C0 controls, lone surrogates). */
export function xmlText(text: string): string {
  // Most names and descriptions need nothing: one test instead of six replacements.
  if (!XML_SPECIAL.test(text)) return text
  return text
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
}

const SURROGATE = /[\ud800-\udfff]/

/** Offsets in Unicode code points (how QDA tools count characters), from JavaScript's UTF-16 offsets. */
export function codePointOffset(text: string, utf16: number, hasSurrogates = SURROGATE.test(text)): number {
  if (!hasSurrogates) return Math.min(utf16, text.length)
  let n = 0
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++
    n++
  }
  return n
}

/** One attribute, left out when empty (as `attrs` does): for the elements written once per highlight. */
const attr = (key: string, value: string | number | undefined): string =>
  value === undefined || value === '' ? '' : ` ${key}="${xmlText(String(value))}"`

const attrs = (pairs: Record<string, string | number | undefined>): string =>
  Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('')

export function projectXml(input: QdpxInput): string {
  const user = guid('user', 'parley')
  const themeGuids = new Map(input.themes.map((t) => [t.id, guid('theme', t.id)]))
  const quotedBy = new Map<number, number[]>()
  for (const n of input.notes) for (const h of n.quotes) quotedBy.set(h, [...(quotedBy.get(h) ?? []), n.id])
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>']
  out.push(
    `<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"${attrs({ name: input.name, origin: 'Parley', creatingUserGUID: user })}>`,
  )
  out.push(`  <Users><User${attrs({ guid: user, name: 'Parley' })}/></Users>`)
  if (input.themes.length) {
    out.push('  <CodeBook>', '    <Codes>')
    // Sub-themes are Codes inside their parent's Code (REFI-QDA nests codes natively), so a QDA
    // tool shows the same codebook tree; a sub-theme whose parent is not exported stays at the top.
    // One level, as the app keeps it: a Code nests only under a theme that is itself at the top.
    const listed = new Set(input.themes.map((t) => t.id))
    const top = new Set(input.themes.filter((t) => t.parentId == null || !listed.has(t.parentId)).map((t) => t.id))
    const isChild = (t: ExportTheme): boolean => t.parentId != null && !top.has(t.id) && top.has(t.parentId)
    const code = (t: ExportTheme, indent: string): void => {
      const desc = t.description ? `<Description>${xmlText(t.description)}</Description>` : ''
      const open = `${indent}<Code${attrs({ guid: themeGuids.get(t.id), name: t.name, isCodable: 'true', color: t.color })}>${desc}`
      const children = input.themes.filter((c) => isChild(c) && c.parentId === t.id)
      if (children.length === 0) return void out.push(`${open}</Code>`)
      out.push(open)
      for (const c of children) code(c, `${indent}  `)
      out.push(`${indent}</Code>`)
    }
    for (const t of input.themes) if (!isChild(t)) code(t, '      ')
    out.push('    </Codes>', '  </CodeBook>')
  }
  const byArticle = new Map<number, Highlight[]>()
  for (const h of input.highlights) {
    const list = byArticle.get(h.articleId)
    if (list) list.push(h)
    else byArticle.set(h.articleId, [h])
  }
  if (input.articles.length) {
    out.push('  <Sources>')
    for (const a of input.articles) {
      const id = guid('article', a.id)
      out.push(
        `    <TextSource${attrs({ guid: id, name: a.title, plainTextPath: `internal://${id}.txt`, creatingUser: user, creationDateTime: a.importedAt })}>`,
      )
      const description = [a.outlet, a.published, a.author, a.url].filter(Boolean).join(' · ')
      if (description) out.push(`      <Description>${xmlText(description)}</Description>`)
      const wide = SURROGATE.test(a.body)
      for (const h of byArticle.get(a.id) ?? []) {
        const name = h.exact.length > 80 ? `${h.exact.slice(0, 77)}…` : h.exact
        out.push(
          `      <PlainTextSelection${attr('guid', guid('highlight', h.id))}${attr('name', name)}${attr('startPosition', codePointOffset(a.body, h.start, wide))}` +
            `${attr('endPosition', codePointOffset(a.body, h.end, wide))}${attr('creatingUser', user)}${attr('creationDateTime', h.createdAt)}>`,
        )
        if (h.comment) out.push(`        <Description>${xmlText(h.comment)}</Description>`)
        const code = h.themeId === null ? undefined : themeGuids.get(h.themeId)
        if (code) {
          out.push(
            `        <Coding${attr('guid', guid('coding', h.id))}${attr('creatingUser', user)}${attr('creationDateTime', h.createdAt)}>`,
          )
          out.push(`          <CodeRef${attr('targetGUID', code)}/>`)
          out.push('        </Coding>')
        }
        for (const noteId of quotedBy.get(h.id) ?? []) out.push(`        <NoteRef${attr('targetGUID', guid('note', noteId))}/>`)
        out.push('      </PlainTextSelection>')
      }
      out.push('    </TextSource>')
    }
    out.push('  </Sources>')
  }
  if (input.notes.length) {
    out.push('  <Notes>')
    for (const n of input.notes) {
      out.push(
        `    <Note${attrs({ guid: guid('note', n.id), name: n.title || 'Untitled note', creatingUser: user, creationDateTime: n.createdAt, modifiedDateTime: n.updatedAt })}>`,
      )
      out.push(`      <PlainTextContent>${xmlText(n.markdown)}</PlainTextContent>`)
      out.push('    </Note>')
    }
    out.push('  </Notes>')
  }
  // A QDA-XML Link joins two selections and has a name but no description: the relation is the
  // name ("contradicts") and the link's note follows it there.
  const written = new Set(input.highlights.map((h) => h.id))
  const links = (input.links ?? []).filter((l) => written.has(l.from) && written.has(l.to))
  if (links.length) {
    out.push('  <Links>')
    for (const l of links)
      out.push(
        `    <Link${attrs({ guid: guid('link', l.id), name: l.note.trim() ? `${l.relation}: ${l.note.replace(/\s+/g, ' ').slice(0, 200)}` : l.relation, direction: 'OneWay', originGUID: guid('highlight', l.from), targetGUID: guid('highlight', l.to) })}/>`,
      )
    out.push('  </Links>')
  }
  out.push('</Project>', '')
  return out.join('\n')
}

export function qdpx(input: QdpxInput): Buffer {
  return assembleZip([prepareEntry(projectEntry(input)), ...input.articles.map((a) => prepareEntry(sourceEntry(a)))])
}

/** The sources' entries, deflated on a worker thread; start it before building the rest of the vault. */
export function qdpxSources(articles: ExportArticle[], options: { inProcess?: boolean } = {}): Promise<PreparedEntry[]> {
  return deflatePacked(packTexts(articles.map((a) => ({ name: sourceName(a), text: a.body }))), options)
}

/** `qdpx` with the sources from `qdpxSources` (same articles, same order): the same bytes. */
export async function qdpxWith(input: QdpxInput, sources: Promise<PreparedEntry[]>): Promise<Buffer> {
  const project = prepareEntry(projectEntry(input))
  return assembleZip([project, ...(await sources)])
}

const projectEntry = (input: QdpxInput): ZipEntry => ({ name: 'project.qde', data: Buffer.from(projectXml(input), 'utf8') })
const sourceName = (a: ExportArticle): string => `sources/${guid('article', a.id)}.txt`
const sourceEntry = (a: ExportArticle): ZipEntry => ({ name: sourceName(a), data: Buffer.from(a.body, 'utf8') })
