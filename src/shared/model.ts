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
}

export type ArticleSort = 'published' | 'title' | 'outlet' | 'words' | 'imported'

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
