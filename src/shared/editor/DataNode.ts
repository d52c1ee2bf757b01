import { DecoratorNode, type NodeKey, type SerializedLexicalNode } from 'lexical'

/** How the renderer shows a node's data (a React element); headless (core, export) use renders nothing. */
export type NodeRenderer<D> = (data: D, key: NodeKey) => unknown

/** Where the renderer installs a node type's view: `set` from the renderer, `get` at decoration. */
export interface RendererSlot<D> {
  set(fn: NodeRenderer<D> | null): void
  get(): NodeRenderer<D> | null
}

export function rendererSlot<D>(): RendererSlot<D> {
  let render: NodeRenderer<D> | null = null
  return {
    set: (fn) => {
      render = fn
    },
    get: () => render,
  }
}

/** What a data node type is: its JSON type, its element (a `div` block or an inline `span`), its text and its view. */
export interface DataNodeSpec<D> {
  type: string
  tag: 'div' | 'span'
  className: string
  text: (data: D) => string
  view: RendererSlot<D>
}

/**
 * A note's own node that is only its data, shown by a view the renderer installs (a quote, a
 * link chip): what the node types share, so each says only its spec, how it reads its JSON and
 * how it is cloned (Lexical wants those on each class). Its data never changes in place (a new
 * node replaces it), so its DOM never updates.
 */
export abstract class DataDecoratorNode<D extends object> extends DecoratorNode<unknown> {
  __data: D

  constructor(data: D, key?: NodeKey) {
    super(key)
    this.__data = data
  }

  protected abstract spec(): DataNodeSpec<D>

  override exportJSON(): SerializedLexicalNode & D {
    return { ...super.exportJSON(), type: this.spec().type, version: 1, ...this.__data }
  }

  override createDOM(): HTMLElement {
    const { tag, className } = this.spec()
    const element = document.createElement(tag)
    element.className = className
    return element
  }

  override updateDOM(): boolean {
    return false
  }

  override isInline(): boolean {
    return this.spec().tag === 'span'
  }

  override getTextContent(): string {
    return this.spec().text(this.__data)
  }

  /** The node's data as of the current editor state. */
  protected latest(): D {
    return this.getLatest().__data
  }

  override decorate(): unknown {
    const render = this.spec().view.get()
    return render ? render(this.__data, this.__key) : null
  }
}
