import {
  $applyNodeReplacement,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
  type Spread,
} from 'lexical'
import { DataDecoratorNode, rendererSlot, type DataNodeSpec, type NodeRenderer } from './DataNode'

export type RefKind = 'article' | 'note' | 'round' | 'theme'

/** A link to something in the notebook, by id: it survives renames and shows the current title. */
export interface RefData {
  kind: RefKind
  id: number
  /** The title when the link was made; shown only if the target cannot be resolved. */
  label: string
}

export type SerializedRefNode = Spread<RefData, SerializedLexicalNode>

const view = rendererSlot<RefData>()
export function setRefRenderer(fn: NodeRenderer<RefData> | null): void {
  view.set(fn)
}

const REF: DataNodeSpec<RefData> = { type: 'parley-ref', tag: 'span', className: 'ref-chip', text: (d) => d.label, view }

/** `parley:article/12` — the in-document form of a ref, used in Markdown and resolved by the exporter. */
export const refUrl = (ref: Pick<RefData, 'kind' | 'id'>): string => `parley:${ref.kind}/${ref.id}`

export function parseRefUrl(url: string): Pick<RefData, 'kind' | 'id'> | null {
  const m = /^parley:(article|note|round|theme)\/(\d+)$/.exec(url)
  return m ? { kind: m[1] as RefKind, id: Number(m[2]) } : null
}

export class RefNode extends DataDecoratorNode<RefData> {
  static override getType(): string {
    return REF.type
  }

  static override clone(node: RefNode): RefNode {
    return new RefNode(node.__data, node.__key)
  }

  constructor(ref: RefData, key?: NodeKey) {
    super(ref, key)
  }

  static override importJSON(json: SerializedPartial<SerializedRefNode>): RefNode {
    return $createRefNode({ kind: json.kind ?? 'note', id: json.id ?? 0, label: json.label ?? '' })
  }

  protected override spec(): DataNodeSpec<RefData> {
    return REF
  }

  getRef(): RefData {
    return this.latest()
  }
}

export function $createRefNode(ref: RefData): RefNode {
  return $applyNodeReplacement(new RefNode(ref))
}

export function $isRefNode(node: LexicalNode | null | undefined): node is RefNode {
  return node instanceof RefNode
}
