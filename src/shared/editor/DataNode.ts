import { DecoratorNode, type NodeKey } from 'lexical'

/** How the renderer shows a node's data (a React element); headless (core, export) use renders nothing. */
export type NodeRenderer<D> = (data: D, key: NodeKey) => unknown

/** Where the renderer installs a node type's view: `set` from the renderer, `get` at decoration. */
export function rendererSlot<D>(): { set(fn: NodeRenderer<D> | null): void; get(): NodeRenderer<D> | null } {
  let render: NodeRenderer<D> | null = null
  return {
    set: (fn) => {
      render = fn
    },
    get: () => render,
  }
}

/**
 * A note's own node that is only its data, shown by a view the renderer installs (a quote, a
 * link chip): what the node types share, so each says only its type, its data's JSON, its element
 * and its text. Its data never changes in place (a new node replaces it), so the DOM never updates.
 */
export abstract class DataDecoratorNode<D> extends DecoratorNode<unknown> {
  __data: D

  constructor(data: D, key?: NodeKey) {
    super(key)
    this.__data = data
  }

  /** The element Lexical keeps for the node and its class. */
  protected abstract element(): { tag: 'div' | 'span'; className: string }

  /** The renderer's view of this node type, if one is installed. */
  protected abstract renderer(): NodeRenderer<D> | null

  override createDOM(): HTMLElement {
    const { tag, className } = this.element()
    const element = document.createElement(tag)
    element.className = className
    return element
  }

  override updateDOM(): boolean {
    return false
  }

  /** The node's data as of the current editor state. */
  protected latest(): D {
    return this.getLatest().__data
  }

  override decorate(): unknown {
    const render = this.renderer()
    return render ? render(this.__data, this.__key) : null
  }
}
