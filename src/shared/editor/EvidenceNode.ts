import {
  $applyNodeReplacement,
  DecoratorNode,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
  type Spread,
} from 'lexical'

/** What a quote of a highlight keeps: the passage as it was when quoted, and where it came from. */
export interface EvidenceData {
  highlightId: number
  articleId: number
  /** The highlight's text at the time it was quoted (shown even if the source changes or goes). */
  text: string
  title: string
  outlet: string | null
  published: string | null
}

export type SerializedEvidenceNode = Spread<EvidenceData, SerializedLexicalNode>

type Renderer = (data: EvidenceData, key: NodeKey) => unknown

// The renderer installs its React view; headless (core/export) use renders nothing.
let render: Renderer | null = null
export function setEvidenceRenderer(fn: Renderer | null): void {
  render = fn
}

/** A quoted highlight: a block that shows the passage with its article, and opens it on click. */
export class EvidenceNode extends DecoratorNode<unknown> {
  __data: EvidenceData

  static override getType(): string {
    return 'parley-evidence'
  }

  static override clone(node: EvidenceNode): EvidenceNode {
    return new EvidenceNode(node.__data, node.__key)
  }

  constructor(data: EvidenceData, key?: NodeKey) {
    super(key)
    this.__data = data
  }

  static override importJSON(json: SerializedPartial<SerializedEvidenceNode>): EvidenceNode {
    return $createEvidenceNode({
      highlightId: json.highlightId ?? 0,
      articleId: json.articleId ?? 0,
      text: json.text ?? '',
      title: json.title ?? '',
      outlet: json.outlet ?? null,
      published: json.published ?? null,
    })
  }

  override exportJSON(): SerializedEvidenceNode {
    return { ...super.exportJSON(), type: 'parley-evidence', version: 1, ...this.__data }
  }

  override createDOM(): HTMLElement {
    const div = document.createElement('div')
    div.className = 'evidence-block'
    return div
  }

  override updateDOM(): boolean {
    return false
  }

  override isInline(): boolean {
    return false
  }

  override getTextContent(): string {
    return this.__data.text
  }

  getData(): EvidenceData {
    return this.getLatest().__data
  }

  override decorate(): unknown {
    return render ? render(this.__data, this.__key) : null
  }
}

export function $createEvidenceNode(data: EvidenceData): EvidenceNode {
  return $applyNodeReplacement(new EvidenceNode(data))
}

export function $isEvidenceNode(node: LexicalNode | null | undefined): node is EvidenceNode {
  return node instanceof EvidenceNode
}
