import type { Suggestion, Theme } from '../../../shared/model'
import { sentences, type SentenceSpan } from '../../../shared/sentences'
import { readsAsEnglish } from '../text/language'
import { eachTerm, foldAccents, inflectionBase, isStopWord, stem, terms } from '../text/terms'

export interface CorpusStats {
  documents: number
  /** stem → number of articles that use it */
  df: Map<string, number>
}

export function corpusStats(bodies: Iterable<string>): CorpusStats {
  // One lookup per word: each term's count carries the last document that counted it.
  const counts = new Map<string, { n: number; last: number }>()
  let documents = 0
  for (const body of bodies) {
    const doc = ++documents
    eachTerm(body, (t) => {
      const c = counts.get(t)
      if (!c) counts.set(t, { n: 1, last: doc })
      else if (c.last !== doc) {
        c.n++
        c.last = doc
      }
    })
  }
  const df = new Map<string, number>()
  for (const [t, c] of counts) df.set(t, c.n)
  return { documents, df }
}

export interface ThemeModel {
  theme: Theme
  /** stem → weight (1 for the theme's own terms, less for terms learnt from highlights) */
  weights: Map<string, number>
  context: Set<string>
  /** The theme's keywords that are one term each ("quotas", not "catch limits" or its "catch"). */
  words: Set<string>
  highlights: Array<{ id: number; text: string; stems: Set<string> }>
}

const K1 = 1.2
const B = 0.75

function idf(stats: CorpusStats, term: string): number {
  const n = stats.df.get(term) ?? 0
  return Math.log(1 + (stats.documents - n + 0.5) / (n + 0.5))
}

/**
 * A theme's query: its keywords, expanded with the distinctive terms of the user's own highlights
 * of that theme (frequent in them, rare in the notebook), so suggestions learn from the coding.
 */
export function themeModel(theme: Theme, highlights: Array<{ id: number; text: string }>, stats: CorpusStats): ThemeModel {
  const weights = new Map<string, number>()
  const words = new Set<string>()
  for (const k of theme.keywords.terms) {
    const own = terms(k)
    for (const t of own) weights.set(t, 1)
    if (own.length === 1) words.add(own[0] as string)
  }
  const context = new Set(theme.keywords.context.flatMap((k) => terms(k)))
  const counts = new Map<string, number>()
  for (const h of highlights) for (const t of new Set(terms(h.text))) counts.set(t, (counts.get(t) ?? 0) + 1)
  const learnt = [...counts]
    .filter(([t, n]) => !weights.has(t) && t.length > 2 && !/^\d+$/.test(t) && (n >= 2 || highlights.length === 1))
    .map(([t, n]) => [t, n * idf(stats, t)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
  for (const [t] of learnt) weights.set(t, 0.5)
  return { theme, weights, context, words, highlights: highlights.map((h) => ({ ...h, stems: new Set(terms(h.text)) })) }
}

/**
 * The highlight a sentence most resembles (Jaccard similarity of their distinct terms; the first of
 * equal ones), found through the highlights that share a term with the sentence rather than by
 * comparing it with every highlight.
 */
function mostSimilar(tf: Map<string, number>, model: ThemeModel, shared: Int32Array): { index: number; similarity: number } {
  const index = highlightIndex(model)
  const touched: number[] = []
  for (const t of tf.keys()) {
    const list = index.get(t)
    if (!list) continue
    for (const h of list) {
      const n = shared[h] as number
      if (n === 0) touched.push(h)
      shared[h] = n + 1
    }
  }
  let best = -1
  let similarity = 0
  for (const h of touched) {
    const n = shared[h] as number
    shared[h] = 0
    const sim = n / (tf.size + (model.highlights[h] as { stems: Set<string> }).stems.size - n || 1)
    if (sim > similarity || (sim === similarity && best >= 0 && h < best)) {
      similarity = sim
      best = h
    }
  }
  return { index: best, similarity }
}

// term → indexes of the model's highlights that use it, built once per model object (models are
// reused between calls, and a model's highlights are not changed once built).
const highlightIndexes = new WeakMap<ThemeModel, Map<string, number[]>>()

function highlightIndex(model: ThemeModel): Map<string, number[]> {
  let index = highlightIndexes.get(model)
  if (!index) {
    const built = new Map<string, number[]>()
    model.highlights.forEach((h, i) => {
      for (const t of h.stems) {
        const list = built.get(t)
        if (list) list.push(i)
        else built.set(t, [i])
      }
    })
    highlightIndexes.set(model, (index = built))
  }
  return index
}

export interface SuggestOptions {
  /** Spans already coded with the theme, or rejected for it: never proposed. */
  skip?: (themeId: number, start: number, end: number) => boolean
  /** Themes the user has already coded in this article: it carries them, however it words the rest. */
  coded?: ReadonlySet<number>
  perTheme?: number
  /** The article's headline (not part of the body): a theme it names makes the body's lone mentions of the theme's words worth proposing. */
  headline?: string
}

export const MIN_SCORE = 1.5

/**
 * Ranks an article's sentences per theme by BM25 against the theme model. A sentence qualifies
 * when it matches the theme's terms and, if the theme names context words, one of them appears in
 * its paragraph: "staff" in a piece about a hospital is not "embassy staffing".
 */
export function suggestForArticle(
  articleId: number,
  body: string,
  models: ThemeModel[],
  stats: CorpusStats,
  options: SuggestOptions = {},
): Suggestion[] {
  const spans = sentences(body)
  if (!spans.length) return []
  // Per sentence, once for every model: its length in terms and its term frequencies (keys in
  // order of first use, which fixes the order of the reasons and of the score's sum). Without
  // highlights to compare whole sentences with, only the models' terms and context words are ever
  // looked at, so only those are counted.
  const own = modelTerms(models)
  const wanted = models.some((m) => m.highlights.length > 0) ? null : own
  const lengths: number[] = []
  const tfs: Array<Map<string, number>> = []
  const articleTerms = new Set<string>()
  let total = 0
  const canon = inflectionsOf(own, body)
  for (const span of spans) {
    const tf = new Map<string, number>()
    let length = 0
    eachTerm(
      body,
      wanted
        ? (term) => {
            length++
            const t = canon(term)
            if (wanted.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1)
          }
        : (term) => {
            length++
            const t = canon(term)
            tf.set(t, (tf.get(t) ?? 0) + 1)
          },
      span.start,
      span.end,
    )
    for (const t of tf.keys()) articleTerms.add(t)
    lengths.push(length)
    tfs.push(tf)
    total += length
  }
  const avgLength = total / spans.length || 1
  // term → the sentences that use it, in order: a theme looks only at sentences holding one of its
  // terms (a sentence without one is never suggested), not at every sentence of the article.
  const sentencesWith = new Map<string, number[]>()
  tfs.forEach((tf, i) => {
    for (const t of tf.keys()) {
      const list = sentencesWith.get(t)
      if (list) list.push(i)
      else sentencesWith.set(t, [i])
    }
  })
  const seen = new Int32Array(spans.length).fill(-1)
  // Sentences of a paragraph are consecutive: the first and last index of each.
  const paragraphs = new Map<number, { from: number; to: number }>()
  spans.forEach((s, i) => {
    const p = paragraphs.get(s.paragraph)
    if (p) p.to = i
    else paragraphs.set(s.paragraph, { from: i, to: i })
  })

  const out: Suggestion[] = []
  for (const [m, model] of models.entries()) {
    if (!model.weights.size && !model.highlights.length) continue
    // Without highlights to resemble, a suggestion needs one of the theme's own terms: an article
    // with none of them is passed over before any sentence is looked at.
    if (!model.highlights.length && !usesOwnTerm(model, articleTerms)) continue
    const hasContext = (tf: Map<string, number>): boolean => {
      for (const t of tf.keys()) if (model.context.has(t)) return true
      return false
    }
    const paragraphContext = new Map<number, boolean>()
    const inParagraph = (paragraph: number): boolean => {
      let known = paragraphContext.get(paragraph)
      if (known === undefined) {
        const p = paragraphs.get(paragraph) as { from: number; to: number }
        known = false
        for (let i = p.from; i <= p.to && !known; i++) known = hasContext(tfs[i] as Map<string, number>)
        paragraphContext.set(paragraph, known)
      }
      return known
    }
    // An article that is plainly about the theme's context lends it to sentences that match two terms.
    let articleContext = -1
    const contextCount = (): number => {
      if (articleContext < 0) {
        articleContext = 0
        for (const tf of tfs) for (const [t, n] of tf) if (model.context.has(t)) articleContext += n
      }
      return articleContext
    }
    let headlineWords: Set<string> | undefined
    const inHeadline = (term: string): boolean =>
      (headlineWords ??= options.headline === undefined ? new Set() : themeTermsOf(options.headline, model, canon)).has(term)
    // The words shown as the reason are found only for the suggestions kept (it reads the sentence again).
    const scored: Array<{ suggestion: Suggestion; stems: string[]; single: boolean }> = []
    let shared: Int32Array | undefined // per highlight, terms shared with the sentence at hand (zeroed after each)
    const candidates: number[] = []
    for (const t of model.weights.keys())
      for (const i of sentencesWith.get(t) ?? [])
        if (seen[i] !== m) {
          seen[i] = m
          candidates.push(i)
        }
    candidates.sort((a, b) => a - b)
    candidates.forEach((i) => {
      const span = spans[i] as SentenceSpan
      const tf = tfs[i] as Map<string, number>
      const matched: string[] = []
      const own: string[] = []
      const contextInSentence: string[] = []
      for (const t of tf.keys()) {
        const weight = model.weights.get(t)
        if (weight !== undefined) {
          matched.push(t)
          if (weight === 1) own.push(t)
        } else if (model.context.has(t)) contextInSentence.push(t)
      }
      if (matched.length === 0) return
      const contextHit = model.context.size === 0 || inParagraph(span.paragraph) || (own.length >= 2 && contextCount() >= 3)
      if (!contextHit) return
      let resembles: Suggestion['reason']['resembles'] = null
      let similarity = 0
      if (model.highlights.length) {
        const best = mostSimilar(tf, model, (shared ??= new Int32Array(model.highlights.length)))
        const h = model.highlights[best.index]
        similarity = best.similarity
        if (h && similarity >= 0.25) resembles = { highlightId: h.id, text: h.text.length > 140 ? `${h.text.slice(0, 140)}…` : h.text }
      }
      const distinct = matched.length + contextInSentence.length
      const smallTheme = model.weights.size <= 2
      // One term alone says little: such a sentence is proposed only beside others that carry the
      // theme (below), and only when the term is one of the theme's one-word keywords, not a word
      // of a phrase ("catch" of "catch limits" is any catch).
      const single = distinct < 2 && !smallTheme && !resembles
      if (single && !model.words.has(matched[0] as string)) return
      if (options.skip?.(model.theme.id, span.start, span.end)) return
      const length = lengths[i] as number
      let score = 0
      for (const t of matched) {
        const f = tf.get(t) ?? 0
        const weight = model.weights.get(t) ?? 0
        // Theme terms were chosen by the user, learnt terms by their highlights: in a small
        // notebook where every article uses them, their idf must not fall to nothing.
        const termIdf = Math.max(1, idf(stats, t))
        score += weight * termIdf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * length) / avgLength)))
      }
      score += contextInSentence.length * 0.5 + (resembles ? similarity * 4 : 0)
      // A word every article of the notebook uses scores little alone ("sanctions" in a dossier on
      // sanctions talks), yet where the headline uses that very word for its subject, the body's
      // lone uses of it mean the same (and are still proposed only beside a passage that carries
      // the theme, below). Only the headline's own word: a headline naming "staff" does not make a
      // lone "diplomats" mean the staff.
      const headlined = single && inHeadline(matched[0] as string)
      if ((score < (smallTheme ? MIN_SCORE / 2 : MIN_SCORE) && !headlined) || (own.length === 0 && !resembles)) return
      scored.push({
        suggestion: {
          articleId,
          themeId: model.theme.id,
          start: span.start,
          end: span.end,
          text: span.text,
          score: Math.round(score * 100) / 100,
          reason: { terms: [], resembles },
        },
        stems: [...matched, ...contextInSentence],
        single,
      })
    })
    // A theme the article only mentions in passing is not one it is about: suggest its passages
    // only when at least one of them carries the theme (see passingMention), or resembles a
    // highlight, or the theme's words are a large share of all the article says (a brief of one or
    // two sentences is all aside and all substance at once), or the user has coded the theme here
    // (accepting the passage that carried it must not take the others away).
    // One such passage is enough, wherever it stands. A reader tells a theme's substance ("lists of
    // sanctions the other side could lift") from a clause that only gives the talks' aim or name
    // ("talks on lifting sanctions") by what the clause says, not by its form: on rounds-dev both
    // come as one sentence with two of the theme's words, anywhere in the article, rarely in the
    // headline and with no word of the theme's description, and requiring a second passage, one in
    // the lead, or the headline dropped more true themes than false ones (issue 16).
    const carried = options.coded?.has(model.theme.id) === true
    if (!carried && !scored.some((s) => !s.single)) continue
    if (
      !carried &&
      themeShare(model, tfs, sentencesWith, total) < SUBSTANTIVE_SHARE &&
      !scored.some((s) => !s.single && (s.suggestion.reason.resembles || !passingMention(s.suggestion.text, model, canon)))
    )
      continue
    const kept = scored.sort((a, b) => b.suggestion.score - a.suggestion.score || a.suggestion.start - b.suggestion.start)
    for (const { suggestion, stems } of kept.slice(0, options.perTheme ?? 12)) {
      suggestion.reason.terms = surfaceTerms(suggestion.text, stems, canon)
      out.push(suggestion)
    }
  }
  return out.sort((a, b) => b.score - a.score)
}

/** The share of an article's terms that are a theme's words from which the article is about the theme, however it words it. */
const SUBSTANTIVE_SHARE = 0.05

/**
 * How many of the article's terms are the theme's own words (each use counted), over all its
 * terms. Not the terms learnt from highlights: those are the coded passages' other words, and
 * would make any article like a coded one look full of the theme.
 */
function themeShare(model: ThemeModel, tfs: Array<Map<string, number>>, sentencesWith: Map<string, number[]>, total: number): number {
  let uses = 0
  for (const [t, weight] of model.weights)
    if (weight === 1) for (const i of sentencesWith.get(t) ?? []) uses += (tfs[i] as Map<string, number>).get(t) ?? 0
  return total ? uses / total : 0
}

/** Sentences at least this long (in terms) can hold a main clause before a trailing aside. */
const ASIDE_MIN_TERMS = 8
/** The theme's first word after this share of the sentence: the theme is its trailing aside. */
const ASIDE_FROM = 0.75
/**
 * A sentence of more words than this that uses the theme's words at most twice, none in its opening
 * quarter, is about something else. Counted in words, not terms: the function words that terms
 * leave out are English ones, so a German sentence has more terms than the same English one.
 */
const LONG_SENTENCE_WORDS = 35

/**
 * Whether a sentence mentions the theme only in passing: its words come only in the last quarter
 * of a sentence long enough to say something else first (a trailing clause: "…, which the two
 * councils agreed for lower quotas"), or twice at most, after the opening quarter, in a very long
 * sentence. Measured on positions, with no word lists, so it reads any language whose sentences
 * the splitter finds. An article whose every passage for a theme is such a mention says nothing
 * substantive about the theme: on rounds-dev these were the background lines that recall what an
 * accord traded, in articles labelled without the theme.
 */
function passingMention(text: string, model: ThemeModel, canon: (term: string) => string): boolean {
  let words = 0
  let firstWord = -1
  let termCount = 0
  let firstTerm = -1
  let uses = 0
  // Words and terms as eachTerm finds them: runs of letters and digits split at hyphens, pieces of
  // one character and stop words left out of the terms. The theme's words are its own keywords'
  // terms, not those learnt from highlights (a passage like a highlight is never passing anyway).
  for (const word of text.match(WORD) ?? []) {
    for (const piece of word.split('-')) {
      if (piece.length <= 1 || isStopWord(piece)) continue
      if (model.weights.get(canon(stem(piece))) === 1) {
        uses++
        if (firstTerm < 0) {
          firstTerm = termCount
          firstWord = words
        }
      }
      termCount++
    }
    words++
  }
  if (firstTerm < 0) return false
  return (
    (termCount >= ASIDE_MIN_TERMS && firstTerm >= ASIDE_FROM * termCount) ||
    (words > LONG_SENTENCE_WORDS && uses <= 2 && firstWord >= words / 4)
  )
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

/** The shortest stem two forms of a word must share to be taken for one. */
const MIN_BASE = 5
/** The longest ending an inflected form may add to that stem ("-en", "-ами", "-iones"). */
const MAX_ENDING = 4

/**
 * How the words of an article not in English meet the theme's terms: terms() stems English only, so
 * "Sanktionen", "санкциями" or "sanciones" never met the keywords "Sanktion", "санкции", "sanción".
 * Here a word meets a theme term when both, accents folded and the term's final vowels left out,
 * share a stem of five letters or more from which the word adds at most four letters (the endings of
 * inflection, in any language that inflects at the end of its words). English articles keep the
 * stemmer alone: "national" is no form of "nation".
 */
function inflectionsOf(own: ReadonlySet<string>, body: string): (term: string) => string {
  if (own.size === 0 || readsAsEnglish(body)) return (term) => term
  const bases = new Map<string, string>()
  for (const term of own) {
    const base = inflectionBase(term)
    if (base.length < MIN_BASE) continue
    if (!bases.has(base)) bases.set(base, term)
    // A keyword given inflected ("Sanktionen") meets the word's shorter forms ("Sanktion") too.
    for (let cut = 1; cut <= 2 && base.length - cut >= MIN_BASE + 1; cut++) {
      const shorter = base.slice(0, -cut)
      if (!bases.has(shorter)) bases.set(shorter, term)
    }
  }
  const memo = new Map<string, string>()
  return (term) => {
    if (own.has(term)) return term
    let found = memo.get(term)
    if (found === undefined) {
      found = term
      const folded = foldAccents(term)
      for (let cut = 0; cut <= MAX_ENDING && folded.length - cut >= MIN_BASE; cut++) {
        const hit = bases.get(folded.slice(0, folded.length - cut))
        if (hit !== undefined) {
          found = hit
          break
        }
      }
      if (memo.size < 50_000) memo.set(term, found)
    }
    return found
  }
}

/** The theme's own terms that a text uses (the article's headline), met as the body's words are. */
function themeTermsOf(text: string, model: ThemeModel, canon: (term: string) => string): Set<string> {
  const found = new Set<string>()
  eachTerm(text, (term) => {
    const t = canon(term)
    if (model.weights.get(t) === 1) found.add(t)
  })
  return found
}

function modelTerms(models: ThemeModel[]): Set<string> {
  const all = new Set<string>()
  for (const m of models) {
    for (const t of m.weights.keys()) all.add(t)
    for (const t of m.context) all.add(t)
  }
  return all
}

function usesOwnTerm(model: ThemeModel, present: Set<string>): boolean {
  for (const [t, w] of model.weights) if (w === 1 && present.has(t)) return true
  return false
}

/** The words as they appear in the sentence, for the reason shown to the user. */
function surfaceTerms(text: string, stems: string[], canon: (term: string) => string): string[] {
  const wanted = new Set(stems)
  const seen = new Set<string>()
  const out: string[] = []
  for (const word of text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
    // Whole when the word as written is a term, else its pieces: terms() splits at hyphens, so
    // "weapons-grade" matched as "weapons" and "grade" and gave no reason at all.
    for (const w of wanted.has(canon(stem(word))) ? [word] : word.split('-')) {
      const s = canon(stem(w))
      if (wanted.has(s) && !seen.has(s)) {
        seen.add(s)
        out.push(w.toLowerCase())
      }
    }
  }
  return out
}
