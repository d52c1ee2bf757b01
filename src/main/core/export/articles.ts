import { paragraphs, type Paragraph } from '../../../shared/body'
import type { Highlight } from '../../../shared/model'
import type { ExportArticle } from './data'
import { escapeParagraph, escapeText } from './markdown'
import { frontMatter } from './frontmatter'

export interface ArticleFileInput {
  article: ExportArticle
  /** Highlights already checked against the body (exact === body.slice(start, end)). */
  highlights: Highlight[]
  themeName: (id: number | null) => string | null
  /** Round titles or [[links]] for the properties. */
  rounds: string[]
}

export interface ArticleFile {
  text: string
  /** Highlight id → the block id of the paragraph where it starts (`h-12`). */
  blocks: Map<number, string>
}

// One paragraph per Markdown block, by the body model's rule (re-exported for the vault's tests).
export { paragraphs }

/** Merged [start, end) spans, clipped to the paragraph and trimmed of surrounding spaces (`== x ==` does not render). */
function marks(body: string, p: Paragraph, hs: Highlight[]): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (const h of hs) {
    let s = Math.max(h.start, p.start)
    let e = Math.min(h.end, p.end)
    while (s < e && /\s/.test(body[s] ?? '')) s++
    while (e > s && /\s/.test(body[e - 1] ?? '')) e--
    if (e <= s) continue
    const last = spans[spans.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else spans.push([s, e])
  }
  return spans
}

/**
 * `articles/<slug>.md`: properties, the title, then the clean body, one paragraph per block, with
 * highlights as `==…==` and a block id `^h-<id>` after each highlighted paragraph.
 */
export function articleFile({ article, highlights, themeName, rounds }: ArticleFileInput): ArticleFile {
  const body = article.body
  const sorted = [...highlights].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id)
  const blocks = new Map<number, string>()
  const markThemes: string[] = []
  const out: string[] = []
  for (const p of paragraphs(body)) {
    const touching = sorted.filter((h) => h.start < p.end && h.end > p.start)
    const spans = marks(body, p, touching)
    let text = ''
    let at = p.start
    for (const [s, e] of spans) {
      text += escapeParagraphPart(body.slice(at, s), at === p.start) + '==' + escapeText(body.slice(s, e)) + '=='
      at = e
      // The theme of the first highlight under the mark, so an import can code it again.
      const first = touching.find((h) => h.start < e && h.end > s)
      markThemes.push(first ? (themeName(first.themeId) ?? '') : '')
    }
    text += escapeParagraphPart(body.slice(at, p.end), at === p.start)
    const first = touching[0]
    if (first) {
      const block = `h-${first.id}`
      text += ` ^${block}`
      for (const h of touching) if (h.start >= p.start && !blocks.has(h.id)) blocks.set(h.id, block)
    }
    out.push(text)
  }
  // Highlights that start in the blank line between two paragraphs belong to the next one.
  for (const h of sorted)
    if (!blocks.has(h.id)) blocks.set(h.id, blocks.get(sorted.find((o) => o.end > h.start && blocks.has(o.id))?.id ?? -1) ?? `h-${h.id}`)

  const themes = [...new Set(sorted.map((h) => themeName(h.themeId)).filter((n): n is string => !!n))]
  const props = frontMatter({
    title: article.title,
    outlet: article.outlet,
    wire: article.wire,
    author: article.author,
    published: article.published,
    url: article.url,
    rounds,
    themes,
    tags: ['parley/article'],
    'parley-id': `article-${article.id}`,
    'highlight-themes': markThemes.some(Boolean) ? markThemes : [],
  })
  return { text: `${props}\n# ${escapeText(article.title)}\n\n${out.join('\n\n')}\n`, blocks }
}

function escapeParagraphPart(text: string, atStart: boolean): string {
  if (!text) return ''
  return atStart ? escapeParagraph(text) : escapeText(text.replace(/[\t ]*\n[\t ]*/g, ' '))
}
