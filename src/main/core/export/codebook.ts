import type { Highlight } from '../../../shared/model'
import { citationLabel } from '../../../shared/editor/cite'
import type { ExportArticle, ExportTheme } from './data'
import { frontMatter } from './frontmatter'
import { escapeText, linkTo } from './markdown'

/** Examples quoted per theme: enough to show what the code means, not a second passage list. */
const EXAMPLES = 3

export interface CodebookContext {
  wikilinks: boolean
  articles: Map<number, ExportArticle>
  /** In the app's codebook order: each top-level theme followed by its sub-themes. */
  themes: ExportTheme[]
  /** Faithful highlights only (checked against the body), in export order. */
  highlights: Highlight[]
  path: { article: Map<number, string> }
  blockOf: (highlightId: number) => string | undefined
}

/**
 * `codebook.md`: every theme with its colour, Reader key, description, keywords, counts and a few
 * example passages linked to their article; sub-themes one heading level under their parent, whose
 * count adds theirs (as the Themes view shows). The REFI-QDA project nests the same tree.
 */
export function codebookFile(ctx: CodebookContext): string {
  const listed = new Set(ctx.themes.map((t) => t.id))
  const isChild = (t: ExportTheme): boolean =>
    t.parentId != null && listed.has(t.parentId) && ctx.themes.find((p) => p.id === t.parentId)?.parentId == null
  const byTheme = new Map<number, Highlight[]>()
  for (const h of ctx.highlights) if (h.themeId !== null) byTheme.set(h.themeId, [...(byTheme.get(h.themeId) ?? []), h])
  const articlesOf = (hs: Highlight[]): number => new Set(hs.map((h) => h.articleId)).size
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

  const props = frontMatter({ title: 'Codebook', tags: ['parley/codebook'] })
  const lines = ['# Codebook', '']
  if (!ctx.themes.length) lines.push('No themes.', '')
  const section = (t: ExportTheme, key: number, level: string): void => {
    const own = byTheme.get(t.id) ?? []
    const children = ctx.themes.filter((c) => isChild(c) && c.parentId === t.id)
    const all = [...own, ...children.flatMap((c) => byTheme.get(c.id) ?? [])]
    lines.push(`${level} ${escapeText(t.name)}`, '')
    if (t.description.trim()) lines.push(escapeText(t.description.trim()), '')
    lines.push(`- Colour: \`${t.color}\``)
    if (key <= 9) lines.push(`- Key in the Reader: ${key}`)
    lines.push(`- Passages: ${own.length ? `${plural(own.length, 'passage')} in ${plural(articlesOf(own), 'article')}` : 'none coded yet'}`)
    if (children.length)
      lines.push(
        `- With its sub-themes (${children.map((c) => escapeText(c.name)).join(', ')}): ${plural(all.length, 'passage')} in ${plural(articlesOf(all), 'article')}`,
      )
    lines.push('')
    const examples = own.slice(0, EXAMPLES)
    if (examples.length) {
      lines.push(`Examples:`, '')
      for (const h of examples) {
        const a = ctx.articles.get(h.articleId)
        const file = ctx.path.article.get(h.articleId)
        lines.push(...h.exact.split('\n').map((l) => `> ${escapeText(l)}`.trimEnd()))
        if (a && file) lines.push('>', `> — ${linkTo(citationLabel(a), file, '', ctx.wikilinks)(ctx.blockOf(h.id))}`)
        lines.push('')
      }
    }
    ctx.themes.forEach((c, i) => {
      if (isChild(c) && c.parentId === t.id) section(c, i + 1, `${level}#`)
    })
  }
  ctx.themes.forEach((t, i) => {
    if (!isChild(t)) section(t, i + 1, '##')
  })
  return `${props}\n${lines.join('\n').trimEnd()}\n`
}
