import type { ExportMismatch } from '../../../shared/model'
import type { EvidenceData } from '../../../shared/editor/EvidenceNode'
import type { RefData } from '../../../shared/editor/RefNode'
import { citationLabel } from '../../../shared/editor/cite'
import { createMarkdownConverter, type StoredQuote } from '../notes/markdown'
import type { ExportNote } from './data'
import { frontMatter } from './frontmatter'
import { escapeText, link } from './markdown'

/** Where things are in the vault, and whether a highlight can be quoted faithfully. */
export interface VaultIndex {
  wikilinks: boolean
  pathOf(kind: RefData['kind'], id: number): string | null
  titleOf(kind: RefData['kind'], id: number): string | null
  /** "Title, Outlet, 2025-05-23" from the article as it is now. */
  citationOf(articleId: number): string | null
  /** The block id of a highlight in its article file, or null when the highlight is gone or orphaned. */
  blockOf(highlightId: number): { articleId: number; block: string; exact: string } | null
  /** The title of a deleted article (in the trash), so a quote of it can say its source was deleted. */
  deletedArticle?(articleId: number): string | null
}

export type Mismatch = ExportMismatch

/**
 * Converts notes with the notes' one converter (notes/markdown.ts), mapping notebook links to
 * vault files, citing each quote by a link to its passage's block and checking it against the
 * article text.
 */
export function createNoteWriter(index: VaultIndex): (note: ExportNote, file: string, mismatches: Mismatch[]) => string {
  const fromDir = 'notes'
  let current: { file: string; noteId: number; differs: Set<number> } = { file: '', noteId: 0, differs: new Set() }
  const convert = createMarkdownConverter({
    wikilinks: index.wikilinks,
    hrefFor: (ref) => {
      const path = index.pathOf(ref.kind, ref.id)
      // A link to something deleted keeps its label as plain text.
      if (!path) return null
      return index.wikilinks ? path : `../${path}`
    },
    labelFor: (ref) => index.titleOf(ref.kind, ref.id) ?? ref.label,
    citationFor: (e: EvidenceData) => {
      const label = index.citationOf(e.articleId) ?? citationLabel(e)
      const at = index.blockOf(e.highlightId)
      const path = index.pathOf('article', e.articleId)
      const cite = at && path ? link(label, path, fromDir, index.wikilinks, at.block) : escapeText(label)
      const deleted = at ? null : (index.deletedArticle?.(e.articleId) ?? null)
      if (deleted !== null) return `— ${escapeText(deleted || label)} (the source article was deleted)`
      const warning = current.differs.has(e.highlightId) ? " (⚠ this quote differs from the article's current text)" : ''
      return `— ${cite}${warning}`
    },
  })
  return (note, file, mismatches) => {
    current = { file, noteId: note.id, differs: new Set() }
    const check = (e: StoredQuote): void => {
      const id = e.highlightId ?? 0
      const at = index.blockOf(id)
      if (at && at.exact === e.text) return
      current.differs.add(id)
      mismatches.push({
        kind: 'quote',
        id: note.id,
        highlightId: id,
        file,
        reason: at
          ? "the quote differs from the article's current text"
          : typeof e.articleId === 'number' && index.deletedArticle?.(e.articleId) != null
            ? 'the source article was deleted'
            : 'the quoted highlight no longer exists or lost its place',
      })
    }
    try {
      return convert(note.content, check)
    } catch {
      // A note Lexical cannot read (damaged JSON) is exported empty rather than stopping the export.
      return ''
    }
  }
}

export interface NoteFileInput {
  note: ExportNote
  markdown: string
  round: string | null
  theme: string | null
}

/** `notes/<slug>.md`: properties, the title, the note as Markdown. */
export function noteFile({ note, markdown, round, theme }: NoteFileInput): string {
  const props = frontMatter({
    title: note.title || 'Untitled note',
    created: note.createdAt,
    updated: note.updatedAt,
    round,
    theme,
    tags: ['parley/note'],
    'parley-id': `note-${note.id}`,
  })
  return `${props}\n# ${escapeText(note.title || 'Untitled note')}\n\n${markdown.trim()}\n`
}
