import { TRANSFORMERS, CHECK_LIST, type ElementTransformer, type TextMatchTransformer, type Transformer } from '@lexical/markdown'
import { $createRefNode, $isRefNode, parseRefUrl, RefNode, refUrl, type RefData } from './RefNode'
import { $isEvidenceNode, EvidenceNode, type EvidenceData } from './EvidenceNode'
import { citationLabel, wikiLabel } from './cite'

export interface MarkdownOptions {
  /**
   * The href for a notebook link (the exporter maps it to a relative file); default `parley:kind/id`.
   * Null when the target is gone: the link's label is written as text, without a link.
   */
  hrefFor?: (ref: RefData) => string | null
  /** Current title of a link target, if it was renamed; default the label stored in the note. */
  labelFor?: (ref: RefData) => string
  /** The citation line under a quoted highlight. */
  citationFor?: (evidence: EvidenceData) => string
  wikilinks?: boolean
  /** How a link's label is written (the exporter escapes it fully); default: brackets escaped, or wikiLabel in a wikilink. */
  escapeLabel?: (label: string) => string
}

const escapeLabel = (text: string): string => text.replace(/([[\]\\])/g, '\\$1')

/** The citation a quote carries itself: `— Title, Outlet, 2025-05-23`, each part through `escape` (Markdown escaping, say). */
export function defaultCitation(e: EvidenceData, escape?: (part: string) => string): string {
  return `— ${citationLabel(e, escape)}`
}

/** A note link: `[label](parley:article/12)` in Markdown, a RefNode in the editor. */
export function refTransformer(options: MarkdownOptions = {}): TextMatchTransformer {
  return {
    dependencies: [RefNode],
    export: (node) => {
      if (!$isRefNode(node)) return null
      const ref = node.getRef()
      const label = options.labelFor?.(ref) ?? ref.label
      const href = options.hrefFor ? options.hrefFor(ref) : refUrl(ref)
      const text = (options.escapeLabel ?? (options.wikilinks ? wikiLabel : escapeLabel))(label)
      if (href === null) return text
      return options.wikilinks ? `[[${href.replace(/\.md$/, '')}|${text}]]` : `[${text}](${href.replace(/ /g, '%20')})`
    },
    importRegExp: /\[([^\]]*)\]\((parley:[a-z]+\/\d+)\)/,
    regExp: /\[([^\]]*)\]\((parley:[a-z]+\/\d+)\)$/,
    replace: (textNode, match) => {
      const ref = parseRefUrl(match[2] ?? '')
      if (ref) textNode.replace($createRefNode({ ...ref, label: match[1] ?? '' }))
    },
    trigger: ')',
    type: 'text-match',
  }
}

/** A quoted highlight: a blockquote followed by its citation line. Export only (notes are not imported from Markdown). */
export function evidenceTransformer(options: MarkdownOptions = {}): ElementTransformer {
  return {
    dependencies: [EvidenceNode],
    export: (node) => {
      if (!$isEvidenceNode(node)) return null
      const e = node.getData()
      const quote = e.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')
      return `${quote}\n>\n> ${(options.citationFor ?? defaultCitation)(e)}`
    },
    regExp: /(?!)/,
    replace: () => false,
    type: 'element',
  }
}

/** The editor's Markdown shortcuts and the exporter's conversion share these transformers. */
export function noteTransformers(options: MarkdownOptions = {}): Transformer[] {
  return [evidenceTransformer(options), refTransformer(options), CHECK_LIST, ...TRANSFORMERS]
}
