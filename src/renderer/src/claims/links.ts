import type { LinkEnd, PassageLink } from '@shared/contract-claims'

/** The link as read from one of its passages: the relation in that direction and the other passage. */
export function fromSide(link: PassageLink, highlightId: number): { relation: string; other: LinkEnd } {
  if (link.from.highlightId === highlightId) return { relation: link.relation, other: link.to }
  return { relation: link.inverse || link.relation, other: link.from }
}

/** Where a passage opens in place: its article, scrolled to the passage. */
export const passageHref = (end: Pick<LinkEnd, 'articleId' | 'highlightId'>): string => `#/article/${end.articleId}/h/${end.highlightId}`

export const shortQuote = (text: string, max = 140): string => {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

export const endSource = (end: LinkEnd): string => [end.outlet ?? end.title, end.published].filter(Boolean).join(', ')
