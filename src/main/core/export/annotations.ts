import type { Highlight } from '../../../shared/model'
import type { ExportArticle } from './data'

/**
 * Highlights as a W3C Web Annotation collection (JSON-LD): each target carries a TextQuoteSelector
 * and a TextPositionSelector over the article's clean text; the theme is a tagging body and the
 * comment a commenting body.
 */
export function annotationCollection(
  highlights: Highlight[],
  articles: Map<number, ExportArticle>,
  themeName: (id: number | null) => string | null,
): unknown {
  const items = highlights.map((h) => {
    const a = articles.get(h.articleId)
    const body: unknown[] = []
    const theme = themeName(h.themeId)
    if (theme) body.push({ type: 'TextualBody', purpose: 'tagging', value: theme })
    if (h.comment) body.push({ type: 'TextualBody', purpose: 'commenting', value: h.comment, format: 'text/plain' })
    return {
      id: `urn:parley:highlight:${h.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: h.createdAt,
      ...(body.length ? { body } : {}),
      target: {
        source: `urn:parley:article:${h.articleId}`,
        ...(a?.url ? { scope: a.url } : {}),
        selector: [
          { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
          { type: 'TextPositionSelector', start: h.start, end: h.end },
        ],
      },
    }
  })
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:parley:highlights',
    type: 'AnnotationCollection',
    label: 'Parley highlights',
    total: items.length,
    first: { id: 'urn:parley:highlights:page1', type: 'AnnotationPage', startIndex: 0, items },
  }
}
