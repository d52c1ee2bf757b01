import { paragraphs, type Paragraph } from '@shared/body'

/** Paragraphs of a clean body with their offsets, by the body model's rule (one <p data-start> each). */
export { paragraphs as paragraphsOf, type Paragraph }

/** The body offset of a DOM point inside an article view (paragraphs carry data-start). */
export function offsetOf(root: HTMLElement, node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
  const p = element?.closest<HTMLElement>('[data-start]')
  if (!p || !root.contains(p)) {
    // A point on the container itself (between paragraphs): use the paragraph before it.
    if (node === root) {
      const paras = root.querySelectorAll<HTMLElement>('[data-start]')
      const before = paras[Math.max(0, offset - 1)]
      if (!before) return null
      return Number(before.dataset.start) + (offset === 0 ? 0 : (before.textContent ?? '').length)
    }
    return null
  }
  const base = Number(p.dataset.start)
  if (node.nodeType === Node.TEXT_NODE) return base + offset
  return base + (offset === 0 ? 0 : (p.textContent ?? '').length)
}

/** The selection inside `root` as body offsets, trimmed of surrounding spaces; null if none. */
export function selectionOffsets(root: HTMLElement, body: string): { start: number; end: number } | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  let start = offsetOf(root, range.startContainer, range.startOffset)
  let end = offsetOf(root, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  while (start < end && /\s/.test(body[start] ?? '')) start++
  while (end > start && /\s/.test(body[end - 1] ?? '')) end--
  return end > start ? { start, end } : null
}

/** A DOM Range for body[start:end] inside an article view. */
export function rangeFor(root: HTMLElement, paragraphs: Paragraph[], start: number, end: number): Range | null {
  const point = (offset: number): [Node, number] | null => {
    let lo = 0
    let hi = paragraphs.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((paragraphs[mid]?.start ?? 0) <= offset) lo = mid
      else hi = mid - 1
    }
    const para = paragraphs[lo]
    if (!para) return null
    const el = root.querySelector<HTMLElement>(`[data-start="${para.start}"]`)
    const text = el?.firstChild
    if (!text) return null
    return [text, Math.min(Math.max(0, offset - para.start), para.text.length)]
  }
  const a = point(start)
  const b = point(end)
  if (!a || !b) return null
  const range = document.createRange()
  range.setStart(a[0], a[1])
  range.setEnd(b[0], b[1])
  return range
}

/** The body offset under a click, through the caret position at that point. */
export function offsetAtPoint(root: HTMLElement, x: number, y: number): number | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }
  const pos = doc.caretPositionFromPoint?.(x, y)
  if (pos) return offsetOf(root, pos.offsetNode, pos.offset)
  const range = document.caretRangeFromPoint?.(x, y)
  return range ? offsetOf(root, range.startContainer, range.startOffset) : null
}
