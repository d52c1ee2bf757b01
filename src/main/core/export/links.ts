import type { PassageLink } from '../../../shared/contract-claims'
import { citationLabel } from '../../../shared/editor/cite'
import type { ExportArticle } from './data'
import { frontMatter } from './frontmatter'
import { escapeText, link } from './markdown'

/** What links.md needs of the vault: where each article's file is and each passage's block id. */
export interface LinksContext {
  wikilinks: boolean
  articles: Map<number, ExportArticle>
  articlePath: Map<number, string>
  /** The block id of a faithful highlight in its article's file; undefined for a passage not written. */
  blockOf: (highlightId: number) => string | undefined
}

const short = (text: string, max = 120): string => {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

/** Links whose two passages are both in the vault (faithful highlights): the others cannot be pointed at. */
export function exportableLinks(links: PassageLink[], blockOf: (highlightId: number) => string | undefined): PassageLink[] {
  return links.filter((l) => blockOf(l.from.highlightId) !== undefined && blockOf(l.to.highlightId) !== undefined)
}

/**
 * `links.md`: every typed link between passages, each end a link to the passage's block in its
 * article's file (`[[articles/x#^block|“…”]]` with wikilinks), the relation between them and the note.
 */
export function linksFile(ctx: LinksContext, links: PassageLink[]): string {
  const lines = [frontMatter({ title: 'Links between passages', tags: ['parley/links'] }), '# Links between passages', '']
  const end = (e: PassageLink['from']): string => {
    const a = ctx.articles.get(e.articleId)
    const path = ctx.articlePath.get(e.articleId)
    const block = ctx.blockOf(e.highlightId)
    const quote = `“${short(e.exact)}”`
    const target = path ? link(quote, path, '', ctx.wikilinks, block) : escapeText(quote)
    const source = a ? citationLabel(a, escapeText) : ''
    return `${target}${source ? ` (${source})` : ''}`
  }
  if (!links.length) lines.push('No links between passages yet.', '')
  for (const l of links) {
    lines.push(`- ${end(l.from)} **${escapeText(l.relation)}** ${end(l.to)}`)
    if (l.note.trim()) lines.push(`  - Note: ${escapeText(short(l.note, 2000))}`)
  }
  lines.push('')
  return lines.join('\n')
}

const passageTarget = (e: PassageLink['from'], articles: Map<number, ExportArticle>): unknown => {
  const url = articles.get(e.articleId)?.url
  return {
    type: 'SpecificResource',
    id: `urn:parley:highlight:${e.highlightId}`,
    source: `urn:parley:article:${e.articleId}`,
    ...(url ? { scope: url } : {}),
    selector: [
      { type: 'TextQuoteSelector', exact: e.exact },
      { type: 'TextPositionSelector', start: e.start, end: e.end },
    ],
  }
}

/**
 * The links as W3C Web Annotations with motivation "linking": the target is the passage the link
 * starts from, the body the passage it points to, with the relation as a tagging body and the
 * note as a commenting body.
 */
export function linkAnnotations(links: PassageLink[], articles: Map<number, ExportArticle>): unknown {
  const items = links.map((l) => ({
    id: `urn:parley:link:${l.id}`,
    type: 'Annotation',
    motivation: 'linking',
    created: l.createdAt,
    body: [
      passageTarget(l.to, articles),
      { type: 'TextualBody', purpose: 'tagging', value: l.relation },
      ...(l.note.trim() ? [{ type: 'TextualBody', purpose: 'commenting', value: l.note, format: 'text/plain' }] : []),
    ],
    target: passageTarget(l.from, articles),
  }))
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:parley:links',
    type: 'AnnotationCollection',
    label: 'Parley links between passages',
    total: items.length,
    first: { id: 'urn:parley:links:page1', type: 'AnnotationPage', startIndex: 0, items },
  }
}
