// Domain types shared by core, hosts and renderer. Row types stay in each repo module.

export type ArticleFormat = 'text' | 'markdown' | 'html'

export interface ArticleSummary {
  id: number
  title: string
  outlet: string | null
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  published: string | null
  words: number
  sourceName: string
  importedAt: string
  /** The agency when a wire story is carried by another outlet. */
  wire: string | null
  /** Fields the user set by hand (they win over detection on re-clean and re-import). */
  edited: ArticleField[]
  /** Fields Parley could not find and the user has not set: the Library asks for them. */
  needsAttention: ArticleField[]
}

/** The metadata a user can edit. */
export type ArticleField = 'title' | 'outlet' | 'wire' | 'author' | 'published' | 'url'

/** articles.update: a string sets the field, null clears it (both are kept as user edits). */
export interface ArticlePatch {
  title?: string
  outlet?: string | null
  wire?: string | null
  author?: string | null
  published?: string | null
  url?: string | null
  /** Forget these user edits and go back to what Parley detected. */
  revert?: ArticleField[]
}

/** articles.delete: what went with the articles (all of it comes back with articles.restore). */
export interface DeletedArticles {
  ids: number[]
  highlights: number
  /** Notes that link to or quote the deleted articles: they keep their text and say the source was deleted. */
  notes: number
  rounds: number
  deletedAt: string
}

/** One article's change in articles.updateMany; its undo is another list of these. */
export interface ArticleBulkPatch {
  id: number
  outlet?: string | null
  published?: string | null
  revert?: Array<'outlet' | 'published'>
}

/** What changed, and the patches that put it back (for Undo). */
export interface ArticleBulkEdit {
  changed: number
  undo: ArticleBulkPatch[]
}

/** passages.list: one coded passage with where it comes from (the Passages view, issue 18). */
export interface PassageRow {
  highlightId: number
  articleId: number
  themeId: number
  start: number
  end: number
  exact: string
  comment: string
  orphan: boolean
  articleTitle: string
  outlet: string | null
  published: string | null
  /** The rounds the article reports. */
  rounds: Array<{ id: number; title: string; date: string | null }>
}

export type PassageSort = 'date' | 'article' | 'outlet' | 'theme'

export interface PassageList {
  passages: PassageRow[]
  /** How many match the filter (the list stops at the limit). */
  total: number
  /** Outlets with passages of the theme (all themes when none), '' for an unknown outlet. */
  outlets: Array<{ outlet: string; passages: number }>
  /** Articles that pass the filter's article conditions (round, outlet, dates), coded or not. */
  articles: number
  /** Per theme, over the same articles: how many are coded with it and with how many passages. */
  byTheme: Array<{ themeId: number; articles: number; passages: number }>
}

/** What changed between two versions of an article, paragraph by paragraph. */
export interface VersionDiff {
  /** The older and the newer version. */
  from: number
  to: number
  added: string[]
  removed: string[]
  /** Paragraphs the two versions share. */
  unchanged: number
  /** Metadata fields whose values differ. */
  fields: ArticleField[]
}

export interface ArticleVersions {
  /** Every version of the article, oldest first (the asked one included). */
  chain: ArticleSummary[]
  /** diffs[i] compares chain[i] with chain[i + 1]. */
  diffs: VersionDiff[]
}

export interface RecleanResult {
  /** Articles whose stored text was cleaned again. */
  articles: number
  /** Of those, articles whose body or metadata changed. */
  changed: number
  /** Highlights that moved to a new position (found by quote). */
  moved: number
  /** Highlights that could not be found again: kept and shown as orphans. */
  orphaned: number
  /** Articles left as they were, with why. */
  failed: Array<{ id: number; error: string }>
}

export interface Article extends ArticleSummary {
  wire: string | null
  author: string | null
  url: string | null
  format: ArticleFormat
  /** Clean text: paragraphs separated by one blank line. */
  body: string
  /** The original file, decoded. */
  raw: string
  encoding: string
  versionOf: number | null
}

/** A search snippet as text runs, so the UI never renders HTML from the store. */
export interface SnippetPart {
  text: string
  match: boolean
}

export interface SearchHit {
  id: number
  title: SnippetPart[]
  outlet: string | null
  published: string | null
  snippet: SnippetPart[]
}

export type ImportStatus = 'imported' | 'duplicate' | 'failed'

export interface ImportResult {
  file: string
  status: ImportStatus
  /** Present when imported, or the existing article when duplicate. */
  id?: number
  title?: string
  /** A human sentence saying why the file failed. */
  error?: string
  /** Imported, but not all of it: a human sentence saying what was left out and why. */
  warning?: string
}

export interface ImportProgress {
  batch: string
  done: number
  total: number
  result: ImportResult
}

export interface NotebookInfo {
  path: string
  articles: number
  schemaVersion: number
  readOnly: boolean
  /** Where File › Export… proposes to write the vault. */
  exportDir: string
  /** The notebook first run made from the sample articles (seeds/): the welcome shows only there. */
  seeded: boolean
}

export type ArticleSort = 'published' | 'title' | 'outlet' | 'wire' | 'words' | 'imported'

export interface ThemeKeywords {
  /** What the theme is about. */
  terms: string[]
  /** Words that must also appear nearby for a suggestion; empty means no such condition. */
  context: string[]
}

export interface Theme {
  id: number
  name: string
  /** #rrggbb */
  color: string
  description: string
  keywords: ThemeKeywords
  position: number
  highlights: number
  /** The top-level theme this one is a sub-theme of (one level only), or null. */
  parentId: number | null
}

export type AnchorState = 'anchored' | 'orphan'

/** A coded passage: W3C TextPositionSelector (start, end) + TextQuoteSelector (exact, prefix, suffix) on the clean body. */
export interface Highlight {
  id: number
  articleId: number
  themeId: number | null
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  comment: string
  anchor: AnchorState
  createdAt: string
  updatedAt: string
}

export interface SuggestionReason {
  /** Theme keywords (and terms learnt from the user's highlights) that matched. */
  terms: string[]
  /** The user's own highlight this passage resembles most, when that counted. */
  resembles: { highlightId: number; text: string } | null
}

export interface Suggestion {
  articleId: number
  themeId: number
  start: number
  end: number
  text: string
  score: number
  reason: SuggestionReason
}

export interface NoteSummary {
  id: number
  title: string
  /** The start of the note's text, for lists. */
  excerpt: string
  roundId: number | null
  themeId: number | null
  createdAt: string
  updatedAt: string
}

export interface Note extends NoteSummary {
  /** Lexical's serialized editor state. */
  content: unknown
}

export type LinkKind = 'article' | 'note' | 'round' | 'theme'

/** A note that links to or quotes something, with the sentence around the link. */
export interface Backlink {
  noteId: number
  noteTitle: string
  kind: LinkKind | 'highlight'
  context: string
}

/** Something a `[[` link can point at. */
export interface LinkTarget {
  kind: LinkKind
  id: number
  title: string
  detail: string
}

/** A highlight as it is now, for quotes that must show whether their source changed or went away. */
export interface HighlightState {
  id: number
  exists: boolean
  exact: string | null
  articleId: number | null
  orphan: boolean
  /** Gone because its article was deleted (articles.restore brings both back). */
  articleDeleted?: boolean
}

// Rounds of talks (issue 7).

/** 'reports': the article is about the round; 'mentions': it only recalls it. */
export type RoundRole = 'reports' | 'mentions'
export type RoundStatus = 'proposed' | 'accepted'
/** Round fields the user can set; once set they win over detection. */
export type RoundField = 'title' | 'date' | 'venue' | 'participants' | 'summary'

export interface RoundArticle {
  articleId: number
  title: string
  outlet: string | null
  published: string | null
  role: RoundRole
  /** 'user' when the user put the article there; detection never changes those. */
  source: 'detected' | 'user'
}

export interface Round {
  id: number
  title: string
  /** EDTF: YYYY-MM-DD, YYYY-MM, YYYY, XXXX-MM-DD or XXXX-MM (year unknown); null when unknown. */
  date: string | null
  venue: string | null
  participants: string[]
  summary: string
  status: RoundStatus
  /** Why detection proposed it, as sentences. */
  reasons: string[]
  edited: RoundField[]
  /** Accepted, edited or given articles by hand: re-detection leaves it as it is. */
  locked: boolean
  /** Reporting articles first, then by date. */
  articles: RoundArticle[]
  createdAt: string
  updatedAt: string
}

export interface RoundDetection {
  /** Rounds now in the notebook. */
  rounds: number
  created: number
  /** Proposals detection found again and refreshed. */
  updated: number
  /** Earlier proposals detection no longer finds (removed). */
  removed: number
  /** Accepted or edited rounds left untouched. */
  kept: number
  /** Proposals not made again because the user deleted them. */
  suppressed: number
}

/** Everything rounds.restore needs to bring back a deleted round as it was. */
export interface RoundSnapshot extends Pick<
  Round,
  'id' | 'title' | 'date' | 'venue' | 'participants' | 'summary' | 'status' | 'reasons' | 'edited' | 'createdAt'
> {
  /** Its memberships as they were (RoundArticle without the article's title, outlet and date). */
  articles: Array<Pick<RoundArticle, 'articleId' | 'role' | 'source'>>
  excluded: number[]
}

/** A passage of an article by offsets into its body: `body.slice(start, end) === text`. */
export interface Passage {
  articleId: number
  start: number
  end: number
  text: string
}

export interface OutletCoverage {
  /** The outlet name, or "Unknown outlet". */
  outlet: string
  articles: Array<{ articleId: number; title: string; published: string | null; role: RoundRole }>
  themes: Array<{ themeId: number; name: string; color: string; highlights: Array<Passage & { highlightId: number }> }>
}

export interface QuoteDiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

export interface QuoteOccurrence extends Passage {
  outlet: string | null
  published: string | null
  /** The earliest carrier (by publication date, then import order). */
  first: boolean
  /** The same words as the first occurrence (case and punctuation aside). */
  exact: boolean
  /** Word-level differences from the first occurrence (empty for the first). */
  diff: QuoteDiffPart[]
}

/** The same quoted words in several articles of a round. */
export interface SharedQuote {
  text: string
  /** Every occurrence carries exactly the same words. */
  exact: boolean
  occurrences: QuoteOccurrence[]
}

/** Articles giving different numbers for the same thing, or different dates for the meeting. */
export interface Disagreement {
  kind: 'number' | 'date'
  /** What the values are about: a theme name, a noun ("properties") or "meeting date". */
  subject: string
  values: Array<{ value: string; passages: Array<Passage & { outlet: string | null }> }>
}

export interface RoundComparison {
  round: Round
  outlets: OutletCoverage[]
  quotes: SharedQuote[]
  disagreements: Disagreement[]
}

/** 'pending': not known yet (a deferred matrix.get); matrix.rows tells. */
export type CoverageState = 'coded' | 'mentioned-not-coded' | 'not-mentioned' | 'pending'

export interface MatrixEvidence {
  highlightId: number
  articleId: number
  /** The passage's own theme: the column's, or one of its sub-themes (a column holds both). */
  themeId: number
  outlet: string | null
  published: string | null
  text: string
}

export interface MatrixCell {
  roundId: number
  themeId: number
  /** Articles reporting the round with a highlight of the theme. */
  articles: number
  highlights: number
  /** Up to five highlights, earliest article first. */
  evidence: MatrixEvidence[]
  coverage: CoverageState
  /** The cell's note (filled by notes). */
  noteId: number | null
}

export interface Matrix {
  /** Rounds by date (unknown years and dates last). */
  rounds: Array<{ id: number; title: string; date: string | null; venue: string | null; status: RoundStatus; articles: number }>
  themes: Array<{ id: number; name: string; color: string }>
  /** Row-major: cells[r * themes.length + t]. */
  cells: MatrixCell[]
  /** Rounds whose cells came without their evidence (a deferred matrix.get): matrix.rows has it. */
  evidenceLeftOut?: number[]
}

/** The slow parts of one matrix row (matrix.rows): its cells' evidence and coverage. */
export interface MatrixRow {
  roundId: number
  cells: Array<{ themeId: number; evidence: MatrixEvidence[]; coverage: CoverageState }>
}

// Export (issue 8).

/** A quote or highlight that could not be written verbatim from the article's stored text. */
export interface ExportMismatch {
  kind: 'highlight' | 'quote'
  /** The highlight, or the note holding the quote. */
  id: number
  highlightId: number
  /** The vault file concerned. */
  file: string
  reason: string
}

/** What notebook.export did in the folder; paths are relative to it. */
export interface ExportSummary {
  dir: string
  /** Files this export consists of. */
  files: number
  written: string[]
  updated: string[]
  unchanged: number
  /** Files of deleted items Parley had written and nobody changed. */
  removed: string[]
  /** Files of deleted items the user edited: left in place. */
  kept: string[]
  /** A file edited by the user (or not Parley's): left as it is, the new version written beside it. */
  conflicts: Array<{ file: string; newVersion: string; reason: 'edited' | 'not-parley' }>
  mismatches: ExportMismatch[]
}

export interface ExportProgress {
  done: number
  total: number
}
