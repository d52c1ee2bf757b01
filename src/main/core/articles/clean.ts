/**
 * Page furniture removal at the level of blocks with features (length, sentence ends, stop-word,
 * link and furniture-word density, position, repetition, reader address), in the spirit of
 * jusText and boilerpipe. The only words named here are generic furniture words any outlet uses.
 */
import {
  addressed,
  DISCLAIMER,
  furnitureDensity,
  HAS_APPEAL,
  NOTICE,
  NOTICE_OTHER,
  RIGHTS,
  isByline,
  isArticleNote,
  isArticlePrompt,
  isCaption,
  isCredit,
  LOGIN_NOTICE,
  isMenu,
  isMoreHeading,
  isSiteNotice,
  isTimestamp,
  speaksToReader,
} from './furniture'
import { stopWordsOf } from '../text/stopwords'
import { headlineShaped } from './text-title'
import { endsSentence } from '../../../shared/sentences'
import { letterRuns, splitGluedSentences, squashSpaces, stopDensity, words, wordsIn } from '../text/words'

export interface Block {
  text: string
  kind: 'good' | 'short' | 'furniture'
  reason?: string
}

/** What the page's structure says about a block (HTML, Markdown); plain text has none. */
export interface BlockHint {
  /** Share of the block's characters that sit inside links. */
  linkDensity?: number
  /** The element it came from, lower case: 'p', 'h2', 'li', 'figcaption', 'blockquote'. */
  tag?: string
  /** A furniture cue from the markup (class, id, role, landmark), e.g. 'share' or 'related'. */
  chrome?: string
}

export interface CleanOptions {
  /** One hint per paragraph, same order. */
  hints?: ReadonlyArray<BlockHint | undefined>
  /** Paragraph indexes known to be article text (e.g. the line a wire sign-off was cut from). */
  keep?: ReadonlySet<number>
  /** The article's language (ISO 639-1, 'und' when unknown): its function words tell prose from labels. */
  language?: string
  /**
   * The blocks were already chosen as the article by an extractor (Readability): drop a block only
   * on evidence that it is furniture (markup cue, links, repetition, notice, caption, byline…),
   * never because it is short or its words are not the function words of a known language.
   */
  evidenceOnly?: boolean
  /** Keep short lines inside the article only when they read as sentences or subheads (jusText's rule). */
  strictShort?: boolean
  /** Lines the page's metadata already holds (author, site name): a block that is only one of them is a byline or masthead. */
  metadataLines?: readonly string[]
}

interface Language {
  code: string
  stops: ReadonlySet<string>
}

/** Lower case, words only: the key for repetition and containment (asked several times per block). */
function norm(text: string): string {
  const hit = recentNorms.get(text)
  if (hit !== undefined) return hit
  // Lower case first: what `toLowerCase` adds (a combining dot) must separate words as before.
  const key = letterRuns(text.toLowerCase())
  if (recentNorms.size >= 4096) recentNorms.clear()
  recentNorms.set(text, key)
  return key
}
const recentNorms = new Map<string, string>()

const LINKED_SENTENCE = 'links (a sentence)'

function classify(text: string, hint: BlockHint, seen: Set<string>, lang: Language, chosen = false): Block {
  const key = norm(text)
  if (seen.has(key)) return { text, kind: 'furniture', reason: 'repeated' }
  seen.add(key)
  // A text copy of a page is classified twice (once to find where its article starts, for the
  // headline; once to clean it): past the repetition check a block without hints is judged by its
  // text, the language and the extractor's choice alone, so the second pass reads the first's.
  if (hint.tag !== undefined || hint.chrome !== undefined || hint.linkDensity !== undefined) return judge(text, hint, lang, chosen)
  const hit = judged.get(text)
  if (hit && hit.code === lang.code && hit.stops === lang.stops.size > 0 && hit.chosen === chosen) return { ...hit.block }
  const block = judge(text, hint, lang, chosen)
  if (judged.size >= 1024) judged.clear()
  judged.set(text, { code: lang.code, stops: lang.stops.size > 0, chosen, block: { ...block } })
  return block
}
const judged = new Map<string, { code: string; stops: boolean; chosen: boolean; block: Block }>()

/** A block's class from its own text and hint (repetition is the caller's). */
function judge(text: string, hint: BlockHint, lang: Language, chosen: boolean): Block {
  const w = words(text)
  const sentence = endsSentence(text)
  if (w.length === 0) return { text, kind: 'furniture', reason: 'no words' }
  if (hint.chrome) return { text, kind: 'furniture', reason: `page chrome (${hint.chrome})` }
  if (
    NOTICE.test(text) ||
    DISCLAIMER.test(text) ||
    (w.length <= 60 && RIGHTS.test(text)) ||
    (w.length <= 25 && NOTICE_OTHER.test(text)) ||
    (w.length <= 15 && /^(?:©|\(c\)\s|copyright\b)/i.test(text)) ||
    (w.length <= 25 && LOGIN_NOTICE.test(text)) ||
    isArticlePrompt(text, w) ||
    isArticleNote(text, w.length) ||
    isSiteNotice(text, w.length)
  )
    return { text, kind: 'furniture', reason: 'notice' }
  if (hint.tag === 'figcaption' || isCaption(text, w.length) || isCredit(text, w.length))
    return { text, kind: 'furniture', reason: 'caption' }
  if (isMoreHeading(text, w.length)) return { text, kind: 'furniture', reason: 'related heading' }
  const linked = hint.linkDensity ?? 0
  if (linked > 0.5 || (linked > 0.25 && w.length < 15)) {
    // A sentence of the article's language with a link in it (not a linked headline) may be the
    // article's own, where it stands between its paragraphs: see keepLinkedInsideArticle.
    const stops = lang.code === 'en' || lang.stops.size > 0 ? stopDensity(text, lang.code === 'en' ? undefined : lang.stops, lang.code) : 1
    // A label or kicker before a colon ("See also: …", "Topic: headline") marks a teaser.
    const sentenceWithLink = linked < 0.9 && sentence && w.length >= 6 && stops >= 0.15 && !/^[^.!?]{1,60}:\s/.test(text)
    return { text, kind: 'furniture', reason: sentenceWithLink ? LINKED_SENTENCE : 'links' }
  }
  // (The cheap tests first: the appeal's long list of words is read only where they hold.)
  if ((w.length < 12 || /\b(you|your)\b/i.test(text) || /^[^.!?]*!$/.test(text)) && HAS_APPEAL.test(text)) {
    return { text, kind: 'furniture', reason: 'appeal' }
  }
  if (/^\[[^\]]{1,40}\]\s*[-–—|]/.test(text)) return { text, kind: 'furniture', reason: 'link list' }
  if (isByline(text, w.length)) return { text, kind: 'furniture', reason: 'byline' }
  if (isTimestamp(text, w.length)) return { text, kind: 'furniture', reason: 'timestamp' }
  // Among blocks an extractor chose, a row of capitalised words without links is a list item, a
  // score or a table cell of the article; a menu there is a row of links (dropped above).
  if (!chosen && isMenu(text)) return { text, kind: 'furniture', reason: 'menu' }
  if (w.length <= 12 && !sentence && furnitureDensity(w) >= 0.5) return { text, kind: 'furniture', reason: 'furniture words' }
  // Word counts in the article's script (a Chinese sentence is one run of letters); function words
  // of its language, or none when no list exists: then length and the final stop decide.
  const n = lang.code === 'en' ? w.length : wordsIn(text, lang.code).length
  const known = lang.code === 'en' || lang.stops.size > 0
  const stops = known ? stopDensity(text, lang.code === 'en' ? undefined : lang.stops, lang.code) : 1
  const prose = n >= 8 && (sentence || /["”’»」]$/.test(text)) && stops >= 0.15
  // A long run of prose is prose even when its final stop is missing.
  const longProse = n >= 20 && stops >= 0.3
  return prose || longProse ? { text, kind: 'good' } : { text, kind: 'short' }
}

/** A short block that is contained in a longer one (a pull quote, a teaser of the lead). */
function markContained(blocks: Block[]): void {
  // The long blocks' keys, one per line, searched at once (a search per pair was quadratic on long pages).
  const long = `\n${blocks
    .filter((b) => b.kind === 'good' && words(b.text).length > 12)
    .map((b) => norm(b.text))
    .join('\n')}\n`
  for (const b of blocks) {
    if (b.kind === 'furniture' || words(b.text).length < 5 || words(b.text).length > 40) continue
    const key = norm(b.text)
    // A match that is a whole line is the block itself (identical blocks were already marked repeated).
    for (let at = long.indexOf(key); at >= 0; at = long.indexOf(key, at + 1)) {
      if (long[at - 1] === '\n' && long[at + key.length] === '\n') continue
      Object.assign(b, { kind: 'furniture', reason: 'repeated inside the article' })
      break
    }
  }
}

/**
 * A short line of three words or more with no furniture word: inside an article it is a list item,
 * a line of verse, an ingredient or a figure, not a label of the page.
 */
const listItem = (text: string, lang: Language): boolean => wordsIn(text, lang.code).length >= 3 && furnitureDensity(words(text)) === 0

const looksLikeSubhead = (text: string, hint: BlockHint): boolean => {
  const w = words(text)
  if (w.length < 1 || w.length > 16 || /[|•·]/.test(text) || /:$/.test(text)) return false
  // Scripts without capitals (Chinese, Japanese, Arabic, Hebrew, Thai) open a subhead with any letter.
  return /^[\p{Lu}\p{Lo}\p{N}"'“‘「『]/u.test(text) && furnitureDensity(w) < 0.34 && (hint.linkDensity ?? 0) < 0.5
}

/** A short line inviting the reader to act ("Have your say…", "Follow X for live updates…"). */
function callToAction(text: string): boolean {
  const w = words(text)
  const density = furnitureDensity(w)
  return w.length <= 15 && (density >= 0.15 || (density > 0 && /\b(you|your)\b/i.test(text)))
}

/**
 * Where the article ends: a trailing run of furniture and reader-addressed blocks ("we", "you",
 * outside quotes) that holds at least one appeal or notice is the page's tail, even where its
 * paragraphs read like prose. Personal pieces (a body that addresses the reader throughout) keep theirs.
 */
function tailStart(blocks: Block[]): number {
  let start = blocks.length
  let cue = false
  let prose = 0
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i] as Block
    if (b.kind !== 'good') {
      cue ||= b.reason === 'appeal' || b.reason === 'notice' || HAS_APPEAL.test(b.text)
      start = i
      continue
    }
    const action = callToAction(b.text)
    if (!addressed(b.text) && !action) break
    cue ||= HAS_APPEAL.test(b.text) || action
    prose++
    start = i
  }
  if (!cue || prose === 0) return blocks.length
  const body = blocks.slice(0, start).filter((b) => b.kind === 'good')
  const personal = body.filter((b) => addressed(b.text)).length
  return body.length >= 2 && personal <= body.length * 0.25 ? start : blocks.length
}

/** Why a block was dropped, when that block ends an article rather than interrupting it. */
const CLOSES_ARTICLE = new Set(['notice', 'related heading', 'appeal', 'furniture words', 'menu', 'timestamp', 'byline'])

/** Why a block was dropped, when that block separates the article from a teaser above it (a byline, a date or a share bar does not: they sit between a lead and its body). */
const OPENS_ABOVE = new Set(['related heading', 'appeal'])

/**
 * The article in a page's text is its densest run of prose: the run of blocks with the highest sum
 * of weights (Kadane's maximum subarray, as in Finn's Body Text Extraction), where prose weighs its
 * words and every short or furniture line weighs against. A menu of forty links above the article,
 * or comments separated by names and dates below it, fall outside. Where the page holds several
 * such runs, the first that weighs at least half the heaviest.
 */
/**
 * How many lines of furniture or short lines a paragraph of prose may sit above the article's run
 * and still be its lead: a gallery, a recipe's ingredients, a share bar and a caption can stand
 * between a lead and the body (measured on the web benchmark's text copies: 14 lost leads, 30 to 60
 * kept about as many, 40 chosen).
 */
const LEAD_REACH = 40

const SIGNS = new Set(['timestamp', 'byline'])

/**
 * Where an article's text starts when its run of prose opens with a few sentences that are not its
 * own (account or edition notices, a share dialog, a teaser): under a headline near the top of the
 * run, a line of four words or more shaped as one with a date or byline line within three lines
 * under it, when the prose above it is short (no paragraph of thirty words, eighty words in all)
 * and weighs at most half the prose of the fifteen lines under it. 0 when no headline anchors the
 * run. Measured on the web benchmark's text copies: two more headlines found, no snippet moved.
 */
function headlineAnchor(blocks: readonly Block[], run: { from: number; to: number }, lang: Language): number {
  const count = (b: Block): number => (lang.code === 'en' ? words(b.text).length : wordsIn(b.text, lang.code).length)
  const signs = (i: number): boolean => SIGNS.has((blocks[i] as Block | undefined)?.reason ?? '')
  let above = 0
  for (let h = run.from; h <= Math.min(run.to, run.from + 20); h++) {
    const b = blocks[h] as Block
    const anchored =
      h > run.from &&
      !signs(h) &&
      headlineShaped(b.text) &&
      words(b.text).length >= 4 &&
      !/[.:]$/.test(b.text) &&
      [1, 2, 3].some((k) => signs(h + k))
    if (anchored && above > 0) {
      let below = 0
      for (let i = h + 1; i <= Math.min(run.to, h + 15); i++) if ((blocks[i] as Block).kind === 'good') below += count(blocks[i] as Block)
      return above * 2 <= below ? h + 1 : 0
    }
    if (b.kind === 'good') {
      above += count(b)
      if (count(b) >= 30 || above > 80) return 0
    }
  }
  return 0
}

function articleSpan(blocks: readonly Block[], lang: Language): [number, number, number[], number?] {
  // Every run Kadane closes (the sum fell to zero) is a candidate with its best sum.
  const runs: Array<{ from: number; to: number; score: number }> = []
  let current = { from: 0, to: 0, score: -Infinity }
  let sum = 0
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block
    const n = lang.code === 'en' ? words(b.text).length : wordsIn(b.text, lang.code).length
    const weight = b.kind === 'good' ? n : b.kind === 'short' ? -(2 + Math.min(n, 6)) : -(3 + Math.min(n, 12))
    if (sum <= 0) {
      if (current.score > 0) runs.push(current)
      sum = 0
      current = { from: i, to: i, score: -Infinity }
    }
    sum += weight
    if (sum > current.score) current = { ...current, to: i, score: sum }
  }
  if (current.score > 0) runs.push(current)
  const best = runs.reduce((m, r) => Math.max(m, r.score), 0)
  if (best <= 0) return [0, blocks.length - 1, []]
  // A page shows its article before its comments, sidebars, footers and cookie or log-in dialogs,
  // whose sentences can outweigh a short article: the first run that weighs at least half the
  // heaviest is the article.
  const first = runs.find((r) => r.score >= best * 0.5)
  // A shorter run right under a date or byline line is where an article starts (a blog post of two
  // paragraphs above a sidebar's or a comment form's longer prose): it wins from a fifth of the
  // heaviest, unless the first heavy run has such a line over it too, or starts within fourteen
  // lines of it (a lead over a share bar and a caption, taken in below).
  const dated = (r: { from: number }): boolean =>
    [1, 2, 3].some((k) => ['timestamp', 'byline'].includes((blocks[r.from - k] as Block | undefined)?.reason ?? ''))
  const earlier =
    first && !dated(first) ? runs.find((r) => r.to < first.from - 14 && r.score >= best * 0.2 && r.score >= 20 && dated(r)) : undefined
  const chosen = earlier ?? first ?? { from: 0, to: blocks.length - 1 }
  const floor = headlineAnchor(blocks, chosen, lang)
  let bestFrom = Math.max(chosen.from, floor)
  let bestTo = chosen.to
  // A paragraph of prose up to LEAD_REACH lines above (a lead or standfirst above a gallery, a caption
  // and a share bar) belongs to it too, unless a teaser heading or an appeal stands between them.
  const prose = (i: number): boolean => {
    const b = blocks[i] as Block
    return b.kind === 'good' && (lang.code === 'en' ? words(b.text).length : wordsIn(b.text, lang.code).length) >= 12
  }
  // The short lines crossed to reach it (a caption, a date, a share bar) are not article text; a
  // list item is (an ingredient, a line of verse, a point of a summary under the lead), as it is
  // between two paragraphs, unless it is one of a run of lines made from one pattern ("Picture 3 of
  // 12", a gallery's labels). Measured on the web benchmark's text copies: 13 sentences of articles
  // kept for 13 lines of furniture, mostly captions and teasers not yet recognised as such.
  const between: number[] = []
  for (let i = bestFrom - 1, gap = 0; i >= floor && gap <= LEAD_REACH; i--) {
    if (OPENS_ABOVE.has((blocks[i] as Block).reason ?? '')) break
    if (prose(i)) {
      const pattern = (j: number): string => (blocks[j] as Block).text.replace(/\d+/g, '#')
      const patterns = new Map<string, number>()
      for (let j = i + 1; j < bestFrom; j++) patterns.set(pattern(j), (patterns.get(pattern(j)) ?? 0) + 1)
      for (let j = i + 1; j < bestFrom; j++) {
        const b = blocks[j] as Block
        const item = listItem(b.text, lang) && (patterns.get(pattern(j)) ?? 0) < 3
        if (b.kind === 'short' && !endsSentence(b.text) && !item) between.push(j)
      }
      ;[bestFrom, gap] = [i, 0]
    } else gap++
  }
  // Below it, a share bar, a notice, a tag or date line or an author line closes the article: prose
  // after that is a bio, a teaser or a comment.
  for (let i = bestTo + 1, gap = 0; i < blocks.length && gap <= 8; i++) {
    if (CLOSES_ARTICLE.has((blocks[i] as Block).reason ?? '')) break
    if (prose(i)) [bestTo, gap] = [i, 0]
    else gap++
  }
  // A paragraph of prose touching the article is part of it, however short (Kadane may have closed
  // the run on the line before it).
  while (bestFrom > floor && (blocks[bestFrom - 1] as Block).kind === 'good') bestFrom--
  while (bestTo < blocks.length - 1 && (blocks[bestTo + 1] as Block).kind === 'good') bestTo++
  return [bestFrom, bestTo, between, listAbove(blocks, bestFrom, floor, lang)]
}

/** A short line with a figure and no furniture word: a quantity, a measure, a time, a cell of a table. */
const figureLine = (b: Block): boolean =>
  b.kind === 'short' && /\p{N}/u.test(b.text) && words(b.text).length <= 8 && furnitureDensity(words(b.text)) === 0

/**
 * A list right over the article's first paragraph, dense with figures (a recipe's ingredients over
 * its steps, a product's specifications, the facts of an event): the article's own, as the same list
 * would be between its paragraphs. Five lines with figures or more, at least three in ten of the
 * lines crossed, no paragraph, date, byline, teaser heading or appeal among them. Returns its first
 * item of three words or more, which opens the article there (the list's other items are then kept
 * or dropped as between paragraphs). Measured on the web benchmark's text copies: 12 snippets of
 * articles kept, none of the boilerplate; with four figure lines, three lines of a sidebar came in.
 */
function listAbove(blocks: readonly Block[], from: number, floor: number, lang: Language): number | undefined {
  // Under a headline (a line of four words or more without a figure right over the first paragraph)
  // a list above is the page's (a sidebar's counts, a list of names and years), not the article's.
  const headed = [1, 2].some((k) => {
    const b = blocks[from - k] as Block | undefined
    return (
      b !== undefined &&
      b.kind === 'short' &&
      words(b.text).length >= 4 &&
      (b.text.match(/\p{N}+/gu) ?? []).length <= 1 &&
      !/\.$/.test(b.text) &&
      headlineShaped(b.text)
    )
  })
  if (headed) return undefined
  let top = -1
  let figures = 0
  for (let i = from - 1, gap = 0; i >= floor && gap <= 4; i--) {
    const b = blocks[i] as Block
    if (b.kind === 'good' || OPENS_ABOVE.has(b.reason ?? '') || SIGNS.has(b.reason ?? '')) break
    if (figureLine(b)) [top, figures, gap] = [i, figures + 1, 0]
    else gap++
  }
  if (figures < 5 || figures * 10 < (from - top) * 3) return undefined
  for (let i = Math.max(floor, top - 2); i < from; i++) {
    const b = blocks[i] as Block
    if (b.kind === 'short' && listItem(b.text, lang)) return i
  }
  return undefined
}

/**
 * Short lines that touch the article's first or last paragraph and read as sentences of it: a
 * sign-off, a closing remark, the line that introduces a list or a link ("The full report is here:").
 * At most two on each side, none with a furniture word, each with the function words of the
 * article's language. Below the article an exclamation or a question is left out: there it is
 * usually a call to the reader ("Stay up to date!").
 */
function edgeSentences(blocks: readonly Block[], firstGood: number, lastGood: number, lang: Language): Set<number> {
  const edge = new Set<number>()
  if (firstGood < 0) return edge
  const reads = (i: number): boolean => {
    const b = blocks[i]
    if (!b || b.kind !== 'short') return false
    const w = words(b.text)
    if (w.length < 3 || furnitureDensity(w) > 0 || !(endsSentence(b.text) || /:$/.test(b.text))) return false
    const known = lang.code === 'en' || lang.stops.size > 0
    return !known || stopDensity(b.text, lang.code === 'en' ? undefined : lang.stops, lang.code) >= 0.15
  }
  // Above the first paragraph, a standfirst often has no final stop: a line of prose length with the
  // language's function words reads as one.
  const standfirst = (i: number): boolean => {
    const b = blocks[i]
    if (!b || b.kind !== 'short') return false
    const w = words(b.text)
    const n = lang.code === 'en' ? w.length : wordsIn(b.text, lang.code).length
    if (n < 8 || furnitureDensity(w) > 0 || /[:|]$/.test(b.text)) return false
    // Under its headline: a shorter line of three words or more that is not a sentence. A headline
    // of prose length right above the article (a date or a menu above it) is left to the title.
    const head = blocks[i - 1]
    const h = head ? words(head.text).length : 0
    if (!head || head.kind === 'good' || h < 3 || h > n - 3 || /[.:|]$/.test(head.text)) return false
    // A breadcrumb or a row of sections in capitals is not a headline.
    if (words(head.text).filter((x) => /^\p{Lu}{2,}$/u.test(x)).length * 3 > h) return false
    const known = lang.code === 'en' || lang.stops.size > 0
    return !known || stopDensity(b.text, lang.code === 'en' ? undefined : lang.stops, lang.code) >= 0.15
  }
  for (let i = firstGood - 1; i >= firstGood - 2 && reads(i); i--) edge.add(i)
  if (standfirst(firstGood - 1)) edge.add(firstGood - 1)
  for (let i = lastGood + 1; i <= lastGood + 2 && reads(i) && !/[!?]\W*$/.test((blocks[i] as Block).text); i++) edge.add(i)
  // The line right under the last paragraph is the article's too when that paragraph introduces it
  // with a colon (a link, a command, a list's first item; not a call ending in "!" or "?"), or when it is prose that ends in a sign
  // other than a letter or a stop (a closing line ending in an emoji, a bracket, a quotation mark):
  // ten words or more with the language's function words, no furniture word, and no "Label:
  // headline" opening, which is a teaser's. A line ending in a letter may be the next story's headline.
  let end = lastGood
  while (edge.has(end + 1)) end++
  const next = blocks[end + 1]
  if (next && next.kind === 'short') {
    const w = words(next.text)
    const n = lang.code === 'en' ? w.length : wordsIn(next.text, lang.code).length
    const known = lang.code === 'en' || lang.stops.size > 0
    const stops = known ? stopDensity(next.text, lang.code === 'en' ? undefined : lang.stops, lang.code) : 1
    const teaser = /^[^.!?:]{1,60}:\s/.test(next.text)
    const introduced =
      /:$/.test((blocks[end] as Block).text) && (listItem(next.text, lang) || codeLine(next.text)) && !teaser && !/[!?]\W*$/.test(next.text)
    const unstopped = n >= 10 && stops >= 0.15 && furnitureDensity(w) === 0 && !/[\p{L}\p{N}]$/u.test(next.text) && !teaser
    // The sentence a paragraph announces with a colon may end in an exclamation ("…the certainty:" /
    // "Enthusiasm is catching!"): five words or more with the language's function words, no furniture
    // word and no word to the reader (a call to the reader is short, names a furniture word or says "you").
    const announced =
      /:$/.test((blocks[end] as Block).text) &&
      /!\W*$/.test(next.text) &&
      n >= 5 &&
      stops >= 0.15 &&
      furnitureDensity(w) === 0 &&
      !speaksToReader(next.text) &&
      !teaser
    if (introduced || unstopped || announced) edge.add(end + 1)
    // The rest of a list the last paragraph introduces: its items follow one another, each of the
    // list's shape (three words or more, no furniture word), up to the first line that is not one.
    if (introduced)
      for (let i = end + 2; i < Math.min(blocks.length, end + 22); i++) {
        const b = blocks[i] as Block
        if (b.kind !== 'short' || !listItem(b.text, lang) || /^[^.!?:]{1,60}:\s/.test(b.text) || /[!?]\W*$/.test(b.text)) break
        edge.add(i)
      }
  }
  // (Under the list the last paragraph introduced, when there is one.)
  for (const i of factBox(blocks, Math.max(lastGood, ...edge))) edge.add(i)
  for (const i of listTail(blocks, Math.max(lastGood, ...edge))) edge.add(i)
  return edge
}

/** A list item's marker: a sign before a space ("– ", "• ", "? " where a font's bullet was lost) or a number ("3. ", "3) "). */
const MARKER = /^(?:([^\p{L}\p{N}\s"'“”„«»‘’([])|(\d{1,2})[.)])\s+\S/u

/**
 * The rest of a list the article ends with: when its last two kept lines are items with one marker,
 * the short lines right under them with the same marker (the next number, for a numbered list) are
 * its last items, up to the first line that is not one or was dropped (on evidence, or as a closing
 * label: see markClosingLabels). Measured on the web benchmark's text copies: one snippet of an
 * article kept, and two references under a reference list whose others were kept already.
 */
function listTail(blocks: readonly Block[], last: number): number[] {
  const marker = (i: number): { sign: string; n: number } | undefined => {
    const m = MARKER.exec((blocks[i] as Block | undefined)?.text ?? '')
    return m ? { sign: m[1] ?? '#', n: Number(m[2] ?? 0) } : undefined
  }
  const [a, b] = [marker(last - 1), marker(last)]
  if (!a || !b || a.sign !== b.sign || (b.sign === '#' && b.n !== a.n + 1)) return []
  const tail: number[] = []
  for (let i = last + 1, prev = b; i < Math.min(blocks.length, last + 21); i++) {
    const m = marker(i)
    if ((blocks[i] as Block).kind !== 'short' || !m || m.sign !== prev.sign || (m.sign === '#' && m.n !== prev.n + 1)) break
    tail.push(i)
    prev = m
  }
  return tail
}

/** A short "Label: value" line: a field of a fact box ("Length: 2.4 m", "Rating: 1"). */
const FIELD = /^[^:\p{N}]{1,30}:\s*\S/u

/**
 * A fact box right under the article's last paragraph (a product's specifications, a test's marks,
 * a photo's data): three lines or more in a row, each a short "Label: value" line with a label of its
 * own, none dropped on evidence (a caption, a credit, a date, a menu), under at most one heading line.
 * Footers print such lines too, but seldom three with different labels and nothing else between
 * them. Measured on the web benchmark's text copies: 3 snippets of articles kept, none of the boilerplate.
 */
function factBox(blocks: readonly Block[], last: number): number[] {
  const field = (b: Block | undefined): boolean =>
    b !== undefined && b.kind === 'short' && FIELD.test(b.text) && !/:$/.test(b.text) && words(b.text).length <= 8
  let i = last + 1
  const head = blocks[i]
  if (head && head.kind === 'short' && !field(head) && words(head.text).length <= 4) i++
  const run: number[] = []
  const labels = new Set<string>()
  for (; field(blocks[i]); i++) {
    const label = norm((blocks[i] as Block).text.slice(0, (blocks[i] as Block).text.indexOf(':')))
    if (labels.has(label)) break
    labels.add(label)
    run.push(i)
  }
  return run.length >= 3 ? run : []
}

/**
 * A line of code or a command: an assignment, a call, a shell variable, or a command with options
 * ("tool -x -y", "--flag"). Menus and labels hold none of these signs, where a page about programming does.
 */
function codeLine(text: string): boolean {
  const signs = /[={}[\];$<>]/.test(text) && (text.match(/[=(){}[\];$<>]/g) ?? []).length >= 2
  return signs || (text.match(/(?:^|\s)--?[a-z][\w-]*(?=\s|$)/gi) ?? []).length >= 2
}

/**
 * The article's language with its function words, unless the page's own sentences deny it: when
 * almost none of its long sentences holds the function words of the language it was detected as
 * (a detector misled by a short or mixed page), judging prose by that list would find none, so the
 * cleaner judges by length and final stops alone, as for a language without a list.
 */
function languageOf(paragraphs: readonly string[], code: string): Language {
  const lang: Language = { code, stops: code === 'en' ? new Set() : stopWordsOf(code) }
  if (code === 'en' || lang.stops.size === 0) return lang
  let sentences = 0
  let fitting = 0
  for (const p of paragraphs) {
    if (!endsSentence(p) || wordsIn(p, code).length < 12) continue
    sentences++
    if (stopDensity(p, lang.stops, code) >= 0.15) fitting++
  }
  return sentences >= 3 && fitting < sentences * 0.1 ? { code, stops: new Set() } : lang
}

/**
 * The last paragraphs of an article often speak about its author, not the story: a note that opens
 * with the name the page's metadata gives as its author ("Jane Roe is a reporter who covers…").
 * Only among the last three paragraphs kept, and not when a quotation follows the name, so a story
 * that ends on its author's own words keeps them.
 */
const DETERMINER = /^(the|a|an|der|die|das|le|la|les|el|los|las|il|lo|de|het|een|o|os|as)$/i

function markClosingLines(blocks: Block[], metadataLines: readonly string[]): void {
  // A person's name: two to four capitalised words, not an outlet's "The …" / "Der …" / "Le …".
  const personal = (n: string): boolean => {
    const parts = n.trim().split(/\s+/)
    return parts.length >= 2 && parts.length <= 4 && parts.every((p) => /^\p{Lu}[\p{L}.'’-]*$/u.test(p)) && !DETERMINER.test(parts[0] ?? '')
  }
  const names = metadataLines.filter(personal)
  let seen = 0
  for (let i = blocks.length - 1; i >= 0 && seen < 3; i--) {
    const b = blocks[i] as Block
    if (b.kind !== 'good') continue
    seen++
    const n = words(b.text).length
    // An author box also prints the name alone on a line just above the note (a name the metadata may not know).
    // The article's subject is named in its other paragraphs; its author seldom is.
    const boxed = blocks
      .slice(Math.max(0, i - 5), i)
      .flatMap((x) => (x.kind !== 'good' && personal(x.text) ? [x.text.trim()] : []))
      .filter((name) => !blocks.some((o, j) => j !== i && o.kind === 'good' && o.text.includes(name)))
    if (
      n >= 8 &&
      n <= 80 &&
      [...names, ...boxed].some((name) => b.text.startsWith(name) && !/^[\s,:]*["“„«]/.test(b.text.slice(name.length)))
    )
      blocks[i] = { ...b, kind: 'furniture', reason: 'about the author' }
  }
}

/**
 * A run of linked blocks with article paragraphs on both sides is the article's own (a contents
 * list, a "see also" item inside the body, a linked subhead, a bare address): menus and teasers sit
 * around an article, not between its paragraphs. Only the link-density verdict is lifted; a markup
 * cue, a notice or a furniture word still drops the block.
 */
const INSIDE_RUN = 6

function keepLinkedInsideArticle(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    if ((blocks[i] as Block).reason !== LINKED_SENTENCE) continue
    let j = i
    while (j + 1 < blocks.length && (blocks[j + 1] as Block).reason === LINKED_SENTENCE) j++
    const before = blocks[i - 1]
    const after = blocks[j + 1]
    if (j - i < INSIDE_RUN && before && before.kind !== 'furniture' && after && after.kind !== 'furniture') {
      for (let k = i; k <= j; k++) {
        const b = blocks[k] as Block
        if (furnitureDensity(words(b.text)) === 0) blocks[k] = { text: b.text, kind: 'short' }
      }
    }
    i = j
  }
}

/**
 * One or two lines of four words or fewer with no final stop that end the page's text right after
 * a paragraph of prose are labels, links or counters of the page ("Contact", "Source:", "Back",
 * "Advertisement", "Comments: 0"), not the article's last sentences. After a longer run of short
 * lines, or after a paragraph that opens a list with a colon, they are the last items of a list,
 * and stay.
 */
function markClosingLabels(blocks: Block[]): void {
  const kept = blocks.flatMap((b, i) => (b.kind === 'furniture' ? [] : [i]))
  const label = (i: number): boolean => {
    const text = (blocks[i] as Block).text
    return words(text).length <= 4 && text.length <= 40 && !endsSentence(text) && !/["”’»」)]$/.test(text)
  }
  let run = 0
  while (run < 2 && run < kept.length && label(kept[kept.length - 1 - run] as number)) run++
  const prose = blocks[kept[kept.length - 1 - run] ?? -1]
  if (run === 0 || !prose || prose.kind !== 'good' || words(prose.text).length < 8 || /:$/.test(prose.text)) return
  for (const i of kept.slice(-run)) blocks[i] = { ...(blocks[i] as Block), kind: 'furniture', reason: 'closing label' }
}

/** A link that ends a line: an address with a scheme, or a domain with a path ("pic.example.com/x1y2"). */
const TRAILING_LINK = /\s+(?:https?:\/\/\S+|[\w-]+(?:\.[\w-]+)+\/\S*)$/u

/**
 * Classifies blocks: furniture is dropped; short blocks are kept only inside the article and when
 * they read as a short sentence or as a subhead over a good block (jusText's context rule).
 */
export function classifyBlocks(paragraphs: readonly string[], options: CleanOptions = {}): Block[] {
  const seen = new Set<string>()
  const hints = paragraphs.map((_, i) => options.hints?.[i] ?? {})
  const code = options.language ?? 'en'
  const lang = languageOf(paragraphs, code)
  const known = new Set((options.metadataLines ?? []).map(norm).filter(Boolean))
  const blocks = paragraphs.map((p, i): Block =>
    options.keep?.has(i) && p.trim()
      ? { text: p, kind: 'good' }
      : known.has(norm(p.replace(/^(by|von|par|por|di|door)\s+/i, '')))
        ? { text: p, kind: 'furniture', reason: 'byline' }
        : classify(p, hints[i] ?? {}, seen, lang, options.evidenceOnly),
  )
  markContained(blocks)
  keepLinkedInsideArticle(blocks)
  const tail = tailStart(blocks)
  for (let i = tail; i < blocks.length; i++) {
    const b = blocks[i] as Block
    if (b.kind === 'good') blocks[i] = { ...b, kind: 'furniture', reason: 'page tail (appeal)' }
  }
  if (!options.evidenceOnly) {
    const [spanFrom, to, between, listed] = articleSpan(blocks, lang)
    const from = listed ?? spanFrom
    if (listed !== undefined) blocks[listed] = { ...(blocks[listed] as Block), kind: 'good' }
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i] as Block
      if (b.kind === 'good' && (i < from || i > to)) blocks[i] = { ...b, kind: 'furniture', reason: 'outside the article' }
    }
    for (const i of between) blocks[i] = { ...(blocks[i] as Block), kind: 'furniture', reason: 'short, between lead and body' }
  }
  markClosingLines(blocks, options.metadataLines ?? [])
  markClosingLabels(blocks)
  const goodIndexes = blocks.flatMap((b, i) => (b.kind === 'good' ? [i] : []))
  const firstGood = goodIndexes[0] ?? -1
  const lastGood = goodIndexes.at(-1) ?? -1
  const edge = options.evidenceOnly ? new Set<number>() : edgeSentences(blocks, firstGood, lastGood, lang)
  // A page of lists and tables holds no paragraph of prose: rather than nothing, its list items are
  // the article (a results table, a timetable, a glossary), and its labels and furniture stay out.
  if (firstGood < 0 && !options.evidenceOnly)
    return blocks.map((b) =>
      b.kind === 'short' && listItem(b.text, lang)
        ? { ...b, kind: 'good' as const }
        : { ...b, kind: 'furniture' as const, reason: b.reason ?? 'short, no article around it' },
    )
  return blocks.map((b, i) => {
    // A row of capitalised words with a figure in it, between two paragraphs, is a score, a step's
    // heading or a line of a table ("Home 3-1 Away", "1. Choose the Pot"): menus seldom hold figures.
    if (b.reason === 'menu' && !options.evidenceOnly && i > firstGood && i < lastGood && /\p{N}/u.test(b.text) && listItem(b.text, lang))
      return { text: b.text, kind: 'good' as const }
    if (b.kind !== 'short') return b
    if (edge.has(i)) return { ...b, kind: 'good' as const }
    if (options.evidenceOnly) return { ...b, kind: 'good' as const }
    const inside = i > firstGood && i < lastGood
    const nextIsGood = blocks[i + 1]?.kind === 'good'
    const prevIsGood = blocks[i - 1]?.kind === 'good'
    const hint = hints[i] ?? {}
    // A post or a quote embedded in the article ends in its link ("… for the storm. pic.example/x1y2"):
    // the words before the link are judged too.
    const bare = b.text.replace(TRAILING_LINK, '')
    const sentence = (t: string): boolean => endsSentence(t) && furnitureDensity(words(t)) < 0.34
    const shortSentence = (sentence(b.text) || (bare !== b.text && sentence(bare))) && (prevIsGood || nextIsGood)
    const subhead = nextIsGood && looksLikeSubhead(b.text, hint)
    // Inside the article a short line is kept unless it reads as a label (no stop, no sentence):
    // list items, quoted lines and figures are article text too.
    const item = !options.strictShort && (listItem(b.text, lang) || (bare !== b.text && listItem(bare, lang)))
    // A line of code or a command (see codeLine).
    const code = !options.strictShort && codeLine(b.text)
    return inside && (shortSentence || subhead || item || code)
      ? { ...b, kind: 'good' as const }
      : { ...b, kind: 'furniture' as const, reason: inside ? 'short, between paragraphs' : 'short, outside the article' }
  })
}

/** The whole cleaning pass over paragraphs: repair, classify, keep the article. */
export function cleanParagraphs(
  paragraphs: readonly string[],
  options: CleanOptions = {},
): { kept: string[]; dropped: Block[]; all: Block[] } {
  const repaired = paragraphs.map((p) => splitGluedSentences(squashSpaces(p)))
  const all = classifyBlocks(repaired, options).filter((b) => b.text)
  return {
    kept: all.filter((b) => b.kind === 'good').map((b) => b.text),
    dropped: all.filter((b) => b.kind !== 'good'),
    all,
  }
}
