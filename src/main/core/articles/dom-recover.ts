/**
 * Readability picks one container and cleans it; the article's own text sometimes falls outside
 * what it keeps: a lead paragraph set in its own box between the headline and the body, or a
 * paragraph of the body that its conditional cleaning removed with a box around it. Both are found
 * by aligning Readability's blocks with the blocks of the whole page (walked before Readability
 * changed it): a block of prose the page shows between the headline and the article's first block,
 * or between two of the article's blocks, is taken back. Only on structural evidence: no furniture
 * cue in its markup, few links, a paragraph's length and a sentence's end.
 */
import type { TextBlock } from './html'

/**
 * Runs of white space as one space, trimmed. Most blocks have none to change (the walk already
 * wrote single spaces), and a replace would copy each of the page's thousands of blocks: a scan first.
 */
export const squash = (s: string): string => (NOT_SINGLE_SPACES.test(s) ? s.replace(/\s+/g, ' ') : s).trim()
/** White space other than a single space: what a replace of runs of white space by one space changes. */
export const NOT_SINGLE_SPACES = /[^\S ]| {2}/

/** How far before the article's first block the headline is looked for, in page blocks (a kicker, a byline, share buttons, a picture and its caption may stand between). */
const LEAD_WINDOW = 30
/** How far after the article's last block its own closing paragraphs are looked for, in page blocks. */
const TAIL_WINDOW = 8

/** A block that reads as a paragraph of prose by its shape alone (any language): long, few links, ending a sentence. */
function prose(block: TextBlock, minLength: number, lead = false, wrappers: ReadonlySet<number> = new Set()): boolean {
  const text = squash(block.text)
  // A lead often sits in the article's <header> beside the headline: that landmark alone is no
  // furniture here; nor is a cue given by an element that also wraps the article's own text.
  const cued = block.hint.chrome && block.hint.chrome !== 'header' && !(block.cueOwner !== undefined && wrappers.has(block.cueOwner))
  if (cued || (block.hint.linkDensity ?? 0) >= 0.2 || text.length < minLength) return false
  if (block.hint.tag && /^(?:li|td|th|figcaption|dt)$/.test(block.hint.tag)) return false
  // A lead set as a subheading (<h2>) under the headline is a paragraph in length; other headings are not prose.
  if (block.hint.tag && /^h[1-6]$/.test(block.hint.tag) && !(lead && text.length >= 100)) return false
  return /[.!?…。！？"”»)]$/u.test(text)
}

/** An item of a list without links or furniture cue, of a phrase's length: a list of the article's own. */
function listItem(block: TextBlock, wrappers: ReadonlySet<number>): boolean {
  const cued = block.hint.chrome && !(block.cueOwner !== undefined && wrappers.has(block.cueOwner))
  return block.hint.tag === 'li' && !cued && (block.hint.linkDensity ?? 0) === 0 && squash(block.text).length >= 15
}

/**
 * Readability's blocks with the page's blocks of prose it left out, in the page's order: the lead
 * between the page's headline (its `<h1>`) and the article, and paragraphs between two of the
 * article's blocks. `page` is the walk of the whole page with its raw markup cues.
 */
export function recoverArticleBlocks(article: readonly TextBlock[], page: readonly TextBlock[]): TextBlock[] {
  if (article.length === 0 || page.length === 0) return [...article]
  // Page positions of the article's blocks, in order: each block's first position after the previous
  // match. Only the article's texts are looked up (a page has thousands of blocks, the article a few hundred).
  const positions = new Map<string, number[]>(article.map((b) => [squash(b.text), []]))
  page.forEach((b, i) => positions.get(squash(b.text))?.push(i))
  const at: number[] = []
  let last = -1
  for (const b of article) {
    const found = positions.get(squash(b.text))?.find((i) => i > last)
    at.push(found ?? -1)
    if (found !== undefined && squash(b.text).length >= 25) last = found
  }
  const anchored = at.filter((i, n) => i >= 0 && squash(article[n]?.text ?? '').length >= 25)
  const first = anchored[0]
  const end = anchored.at(-1)
  if (first === undefined || end === undefined) return [...article]
  // Elements that gave a furniture cue to two or more of the article's own blocks wrap the article:
  // their class word ("page-banner", "has-modal") says nothing of the text beside the article's.
  const cuedBy = new Map<number, number>()
  for (const i of anchored) {
    const owner = page[i]?.cueOwner
    if (owner !== undefined) cuedBy.set(owner, (cuedBy.get(owner) ?? 0) + 1)
  }
  const wrappers = new Set([...cuedBy].filter(([, n]) => n >= 2).map(([owner]) => owner))
  const joined = squash(article.map((b) => b.text).join(' '))
  const matched = new Set(at)
  const added = new Map<number, TextBlock>()
  const take = (i: number): void => {
    const b = page[i] as TextBlock
    if (!joined.includes(squash(b.text))) added.set(i, { text: b.text, hint: { ...b.hint, chrome: undefined } })
  }
  // The lead: prose between the page's headline and the article's first block.
  const headline = page.slice(Math.max(0, first - LEAD_WINDOW), first).findLastIndex((b) => b.hint.tag === 'h1')
  if (headline >= 0) {
    const from = Math.max(0, first - LEAD_WINDOW) + headline + 1
    for (let i = from; i < first; i++) if (prose(page[i] as TextBlock, 80, true, wrappers)) take(i)
  } else {
    // No <h1> above (a headline set in another element): only a longer paragraph right before the article.
    // Three blocks up from the article's start, not counting the paragraphs taken on the way.
    for (let i = first - 1, left = 3; i >= 0 && left > 0; i--)
      if (prose(page[i] as TextBlock, 100, false, wrappers)) take(i)
      else left--
  }
  // Paragraphs inside the article's span that Readability's cleaning removed: between two blocks of
  // the article, a sentence of a line's length is the article's, and so is an item of a list without links.
  for (let i = first + 1; i < end; i++) {
    const b = page[i] as TextBlock
    if (!matched.has(i) && (prose(b, 30, false, wrappers) || listItem(b, wrappers))) take(i)
  }
  // The article's end: paragraphs of prose that follow its last block before anything else does
  // (a heading, a box with a furniture cue, a third block in a row that is not prose); a short run only.
  for (let i = end + 1, gap = 0; i < page.length && i <= end + TAIL_WINDOW; i++) {
    const b = page[i] as TextBlock
    if (matched.has(i)) continue
    if (/^h[1-6]$/.test(b.hint.tag ?? '') || (b.hint.chrome && !(b.cueOwner !== undefined && wrappers.has(b.cueOwner)))) break
    if (prose(b, 80, false, wrappers)) {
      take(i)
      gap = 0
    } else if (++gap > 2) break
  }
  if (added.size === 0) return [...article]
  // Merged in page order: each taken block goes before the first article block that the page shows after it.
  const out: TextBlock[] = []
  const pending = [...added.entries()].sort((a, b) => a[0] - b[0])
  let p = 0
  article.forEach((b, n) => {
    const pos = at[n] ?? -1
    while (pos >= 0 && p < pending.length && (pending[p] as [number, TextBlock])[0] < pos)
      out.push((pending[p++] as [number, TextBlock])[1])
    out.push(b)
  })
  while (p < pending.length) out.push((pending[p++] as [number, TextBlock])[1])
  return out
}
