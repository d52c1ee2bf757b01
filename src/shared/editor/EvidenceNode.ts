import {
  $applyNodeReplacement,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
  type Spread,
} from 'lexical'
import { DataDecoratorNode, rendererSlot, type DataNodeSpec, type NodeRenderer } from './DataNode'

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

// The renderer installs its React view; headless (core/export) use renders nothing.
const view = rendererSlot<EvidenceData>()
export function setEvidenceRenderer(fn: NodeRenderer<EvidenceData> | null): void {
  view.set(fn)
}

const EVIDENCE: DataNodeSpec<EvidenceData> = { type: 'parley-evidence', tag: 'div', className: 'evidence-block', text: (d) => d.text, view }

/** A quoted highlight: a block that shows the passage with its article, and opens it on click. */
export class EvidenceNode extends DataDecoratorNode<EvidenceData> {
  static override getType(): string {
    return EVIDENCE.type
  }

  static override clone(node: EvidenceNode): EvidenceNode {
    return new EvidenceNode(node.__data, node.__key)
  }

  constructor(data: EvidenceData, key?: NodeKey) {
    super(data, key)
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

  protected override spec(): DataNodeSpec<EvidenceData> {
    return EVIDENCE
  }

  getData(): EvidenceData {
    return this.latest()
  }
}

export function $createEvidenceNode(data: EvidenceData): EvidenceNode {
  return $applyNodeReplacement(new EvidenceNode(data))
}

export function $isEvidenceNode(node: LexicalNode | null | undefined): node is EvidenceNode {
  return node instanceof EvidenceNode
}
