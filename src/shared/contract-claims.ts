/**
 * Types of the typed passage links and claim proposals (issue 21), kept beside the contract that
 * carries them (contract.ts imports these).
 */

/** A relation a link can have ("supports", "contradicts"…); the user can add, rename and delete them. */
export interface LinkRelation {
  id: number
  name: string
  /** How the relation reads from the other passage ("is supported by"); '' when it reads the same both ways. */
  inverse: string
  position: number
  /** A deleted relation is no longer offered; links made with it keep showing its name. */
  deleted: boolean
}

/** One end of a link: the passage and where it lives. */
export interface LinkEnd {
  highlightId: number
  articleId: number
  title: string
  outlet: string | null
  published: string | null
  exact: string
  start: number
  end: number
}

export interface PassageLink {
  id: number
  relationId: number
  relation: string
  inverse: string
  note: string
  createdAt: string
  from: LinkEnd
  to: LinkEnd
}

/** One passage of a claim in one article: the statement and what it carries. */
export interface ClaimPassage {
  articleId: number
  title: string
  outlet: string | null
  published: string | null
  /** Offsets into the article's body; text === body.slice(start, end). */
  start: number
  end: number
  text: string
  /** Who is said to speak (as written), or null when only a quotation marks the claim. */
  speaker: string | null
  /** The attribution words that matched ("said", "according to", "заявил"…). */
  verb: string | null
  /** The quoted words, when the statement carries a quotation. */
  quote: string | null
  numbers: string[]
  dates: string[]
}

export type ClaimStatus = 'agree' | 'differ' | 'only-here'

/** A claim proposed for a round: the same statement in one or more outlets, with why they were grouped. */
export interface ClaimProposal {
  /** Stable across runs for the same passages: what claims.reject remembers. */
  key: string
  roundId: number
  speaker: string | null
  /** A short label: the shared quotation or the first passage's words. */
  label: string
  status: ClaimStatus
  passages: ClaimPassage[]
  /** Why: "same quotation “…”", "same speaker X and words: a, b", "same number 35"… */
  reasons: string[]
  /** Numbers or dates that differ between the passages, side by side. */
  differences: Array<{ kind: 'number' | 'date'; values: Array<{ articleId: number; value: string }> }>
  /** Set by the notebook: every passage is highlighted and the first is linked to each other one. */
  accepted?: boolean
}

export interface ClaimProposals {
  roundId: number
  claims: ClaimProposal[]
  /** Keys the user rejected in this round (left out of claims). */
  rejected: string[]
  /** True when the round was larger than the work cap and only part of it was read. */
  truncated: boolean
}

/** Who speaks in a round: a speaker (names folded to their last word) and the passages per outlet. */
export interface RoundSpeaker {
  /** What merges name: the folded last word of the name ("araghchi"), after the user's merges. */
  key: string
  /** Spellings merged into this speaker by the user (claims.unmergeSpeaker takes one back), by key. */
  merged: Array<{ key: string; name: string }>
  /** The shortest spelling with two capitalised words ("Anna Berg"), else the longest one met. */
  speaker: string
  /** Every spelling met, for the reader to check the grouping. */
  spellings: string[]
  total: number
  outlets: Array<{ outlet: string; passages: Array<{ articleId: number; start: number; end: number; text: string }> }>
}

/** A quotation an article credits to a source ("told Interfax"): the source, and its article when it is in the round. */
export interface QuoteCredit {
  articleId: number
  /** The quoted words' offsets in the article's body. */
  start: number
  end: number
  credit: string
  /** The round's article from the credited outlet, when there is one: the words came from there. */
  sourceArticleId: number | null
}

/** How a carrier of a shared quotation gives its words, next to the first carrier's. */
export type QuoteReuse = 'first' | 'same' | 'trimmed' | 'extended' | 'changed'

/** One article carrying a shared quotation, in carrier order (publication date, time if known, import order). */
export interface QuoteCarrier {
  articleId: number
  title: string
  outlet: string | null
  published: string | null
  /** The publication time the article's text gives ("09:12 UTC"), when it gives one; Parley stores only the day. */
  time: string | null
  /** The quoted words' offsets in the body; text === body.slice(start, end). */
  start: number
  end: number
  text: string
  reuse: QuoteReuse
  /** Word-level differences from the first carrier's words (empty for the first). */
  diff: Array<{ kind: 'same' | 'added' | 'removed'; text: string }>
  /** Why this place in the order: the dates (or times, or import order) compared. */
  why: string
}

/** A quotation several articles of a round carry: who carried it first and who re-used it. */
export interface QuoteProvenance {
  text: string
  carriers: QuoteCarrier[]
}

/** The typed links touching a Matrix cell's passages (round × theme), by how their relation reads. */
export interface CellClaims {
  roundId: number
  themeId: number
  /** Links whose relation agrees: supports, repeats, quotes. */
  agree: number
  /** Links whose relation is contradicts. */
  differ: number
  /** Links of any other relation (updates, the user's own). */
  other: number
  /** The links, for the round panel to show the cell's claims. */
  linkIds: number[]
}
