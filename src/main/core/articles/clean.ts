/**
 * Page furniture removal and text repair, at the level of blocks with features (length,
 * punctuation, stop-word density, position, repetition), in the spirit of jusText. The only
 * phrases named here are generic furniture words that any outlet uses.
 */

export interface Block {
  text: string
  kind: 'good' | 'short' | 'furniture'
  reason?: string
}

const STOP_WORDS = new Set(
  'a about after against all also an and any are as at be because been before being but by can could did do does for from had has have he her his how i if in into is it its last more most new no not of on one or our out over said says she so than that the their them there these they this those through to two under up was we were what when which while who will with would you your'.split(
    ' ',
  ),
)

// Words that open a sentence; after an abbreviation such a word most likely starts a new sentence.
const SENTENCE_OPENERS = new Set(
  'a an the in on at as but and or so he she it they we i this that these those there after before when while if for since although though however meanwhile yet'.split(
    ' ',
  ),
)

// Generic furniture cues, valid for any outlet.
const APPEAL =
  /\b(support (us|our|independent)|donat(e|ion)|contribut(e|ion)|subscri(be|ption)|become a (member|subscriber)|newsletter|sign up|unlimited (access|portal)|monthly magazine|paywall|merchandise|advertis(e|ing|ement)|we need your help|small favou?r to ask|remind me|reminder is set|payment methods?|paiment methods?)\b/i
const NOTICE =
  /^(comments? (are|is) (closed|disabled)|share (this|on)|read more|related( articles| stories)?|more (from|on|stories)|continue( reading)?|not ready to support|click here|follow us|cookie|accept (all )?cookies|listen to (this )?article|this (article|story) (was|is) (generated|read)|×|advertisement|ad)\b.{0,80}$/i
const CREDIT = /\b(photo|image|illustration|credit|getty|via)\b|\s\/\s/i

const ABBREVIATION =
  /(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs)\.)$/

export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []
}

function stopDensity(text: string): number {
  const w = words(text)
  if (w.length === 0) return 0
  return w.filter((x) => STOP_WORDS.has(x.toLowerCase())).length / w.length
}

const endsSentence = (text: string): boolean => /[.!?…]["'”’)\]]*$/.test(text)

/** Splits sentences glued without a space ("Istanbul.The talks"), leaving abbreviations, decimals and URLs alone. */
export function splitGluedSentences(text: string): string {
  return text
    .replace(
      /(\p{Ll}{2,}|\p{Ll}[)"”’]|\d%)([.!?])(["”’]?)(\p{Lu}\p{Ll})/gu,
      (m, a: string, p: string, q: string, b: string, offset: number, whole: string) => {
        const before = whole.slice(Math.max(0, offset - 40), offset + a.length)
        // Leave URLs and e-mail addresses alone.
        if (/(https?:\/\/|www\.|@)\S*$/i.test(before)) return m
        return `${a}${p}${q} ${b}`
      },
    )
    .replace(/(\p{Ll}{2,}),(\p{Lu}\p{Ll})/gu, '$1, $2')
}

/** Rejoins lines broken inside a sentence, e.g. a line ending in an abbreviation followed by its continuation. */
export function rejoinLines(lines: string[]): string[] {
  const out: string[] = []
  for (const raw of lines) {
    const line = raw.trim()
    const prev = out.at(-1)
    if (prev !== undefined && line && shouldJoin(prev, line)) out[out.length - 1] = `${prev} ${line}`
    else out.push(line)
  }
  return out
}

function shouldJoin(prev: string, next: string): boolean {
  if (!prev) return false
  const first = words(next)[0] ?? ''
  const startsLower = /^\p{Ll}/u.test(next)
  if (ABBREVIATION.test(prev)) {
    return startsLower || (/^\p{Lu}/u.test(first) && !SENTENCE_OPENERS.has(first.toLowerCase()))
  }
  // A long line that stops mid-sentence and a next line that carries on in lower case.
  return !endsSentence(prev) && !/[:;]$/.test(prev) && startsLower && words(prev).length >= 6
}

/** Splits text into paragraphs: blank-line separated when the text uses them, otherwise one per line. */
export function paragraphsOf(text: string): string[] {
  const lines = text.split('\n')
  const blankSeparated = /\n[ \t]*\n/.test(text)
  if (!blankSeparated) return rejoinLines(lines).filter(Boolean)
  const paragraphs: string[] = []
  let current: string[] = []
  // Hard-wrapped text: most lines inside multi-line paragraphs stop mid-sentence.
  const inner = lines.filter((l, i) => l.trim() && lines[i + 1]?.trim())
  const wrapped = inner.length >= 4 && inner.filter((l) => !endsSentence(l.trim())).length > inner.length * 0.6
  const flush = (): void => {
    if (current.length) paragraphs.push(...(wrapped ? [current.join(' ')] : rejoinLines(current)))
    current = []
  }
  for (const line of lines) {
    if (line.trim()) current.push(line.trim())
    else flush()
  }
  flush()
  return paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean)
}

function classify(text: string, seen: Set<string>): Block {
  const key = text.toLowerCase().replace(/\W+/g, ' ').trim()
  if (seen.has(key)) return { text, kind: 'furniture', reason: 'repeated' }
  seen.add(key)
  const w = words(text)
  if (w.length === 0) return { text, kind: 'furniture', reason: 'no words' }
  if (NOTICE.test(text)) return { text, kind: 'furniture', reason: 'notice' }
  if (APPEAL.test(text) && (w.length < 12 || countMatches(text, APPEAL) >= 2 || /\b(you|your)\b/i.test(text))) {
    return { text, kind: 'furniture', reason: 'appeal' }
  }
  if (/^\[[^\]]{1,40}\]\s*[-–—|]/.test(text)) return { text, kind: 'furniture', reason: 'link list' }
  if (!endsSentence(text) && w.length <= 25 && CREDIT.test(text)) return { text, kind: 'furniture', reason: 'caption' }
  if (w.length < 8 || (!endsSentence(text) && !/["”’]$/.test(text)) || stopDensity(text) < 0.15) {
    return { text, kind: 'short' }
  }
  return { text, kind: 'good' }
}

function countMatches(text: string, pattern: RegExp): number {
  return (text.match(new RegExp(pattern.source, 'gi')) ?? []).length
}

/**
 * Classifies blocks: furniture is dropped; short blocks are kept only between good ones
 * (jusText's context rule), so subheads survive and trailing link lists do not.
 */
export function classifyBlocks(paragraphs: string[]): Block[] {
  const seen = new Set<string>()
  const blocks = paragraphs.map((p) => classify(p, seen))
  const goodIndexes = blocks.flatMap((b, i) => (b.kind === 'good' ? [i] : []))
  const firstGood = goodIndexes[0] ?? -1
  const lastGood = goodIndexes.at(-1) ?? -1
  // Everything after an appeal that follows the last good block is the page's tail.
  return blocks.map((b, i) => {
    if (b.kind !== 'short') return b
    const inside = i > firstGood && i < lastGood
    const nextIsGood = blocks[i + 1]?.kind === 'good'
    const prevIsGood = blocks[i - 1]?.kind === 'good'
    return inside && (nextIsGood || prevIsGood)
      ? { ...b, kind: 'good' as const }
      : { ...b, kind: 'furniture' as const, reason: b.reason ?? 'short, outside the article' }
  })
}

/** The whole cleaning pass over paragraphs: repair, classify, keep the article. */
export function cleanParagraphs(paragraphs: string[]): { kept: string[]; dropped: Block[]; all: Block[] } {
  const repaired = paragraphs.map((p) => splitGluedSentences(p.replace(/\s+/g, ' ').trim())).filter(Boolean)
  const all = classifyBlocks(repaired)
  return {
    kept: all.filter((b) => b.kind === 'good').map((b) => b.text),
    dropped: all.filter((b) => b.kind !== 'good'),
    all,
  }
}
