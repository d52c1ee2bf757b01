/**
 * How a note cites its sources and links by wikilink: one home for the citation line under a
 * quoted highlight (`[title, outlet, published]`) and for a `[[path|label]]` link's label, used
 * by the editor's transformers, `notes.markdown` and every export file.
 */

/** What a quote or a link end is cited by: its article's title, outlet and date. */
export interface CitedSource {
  title?: string | null
  outlet?: string | null
  published?: string | null
}

/** The citation's parts in order, the missing ones left out. */
export function citationParts(source: CitedSource): string[] {
  return [source.title, source.outlet, source.published].filter((part): part is string => Boolean(part))
}

/** "Title, Outlet, 2025-05-23"; `escape` (Markdown escaping, say) applies to each part. */
export function citationLabel(source: CitedSource, escape: (part: string) => string = (part) => part): string {
  return citationParts(source).map(escape).join(', ')
}

/** The label of a `[[path|label]]` link: what would end it (`]`, `|`), point inside it (`#`, `^`), open one (`[`) or make it HTML (`<`, `>`) becomes a space. */
export function wikiLabel(label: string): string {
  return label.replace(/[[\]|#^<>]/g, ' ').trim()
}

/** `[[path#^block|label]]`: the path from the vault root without `.md`, the label made safe by wikiLabel. */
export function wikiLink(path: string, label: string, block?: string): string {
  return `[[${path.replace(/\.md$/, '')}${block ? `#^${block}` : ''}|${wikiLabel(label)}]]`
}
