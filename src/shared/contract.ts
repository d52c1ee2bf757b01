import { z } from 'zod'
import type { ErrorCode, RecoverOption } from './errors'
import type {
  Article,
  ArticleBulkEdit,
  ArticleSummary,
  ArticleVersions,
  Backlink,
  DeletedArticles,
  ExportProgress,
  ExportSummary,
  Highlight,
  HighlightState,
  ImportProgress,
  ImportResult,
  LinkKind,
  LinkTarget,
  Matrix,
  MatrixRow,
  Note,
  NoteSummary,
  NotebookInfo,
  PassageList,
  RecleanResult,
  Round,
  RoundComparison,
  RoundDetection,
  RoundSnapshot,
  SearchHit,
  Suggestion,
  Theme,
} from './model'
import type {
  CellClaims,
  ClaimProposals,
  LinkEnd,
  LinkRelation,
  PassageLink,
  QuoteCredit,
  QuoteProvenance,
  RoundSpeaker,
} from './contract-claims'

/**
 * The one list of calls between renderer and core. The preload, the IPC host, the HTTP bridge
 * and the renderer's client are all derived from it: adding a call means one entry here and
 * one core function.
 */
function call<Result>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result })
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** Files per articles.import call: a renderer sends larger selections in several calls. */
export const MAX_IMPORT_BATCH_FILES = 200
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024

const offset = z.number().int().min(0).max(MAX_IMPORT_FILE_BYTES)
const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a color like #3b6fd8')
  .transform((c) => c.toLowerCase())
const themeName = z.string().trim().min(1, 'a theme needs a name').max(80)
const term = z.string().trim().min(1).max(60)
const keywords = z.object({ terms: z.array(term).max(200), context: z.array(term).max(200) }).strict()
const comment = z.string().max(10_000)
const articleField = z.enum(['title', 'outlet', 'wire', 'author', 'published', 'url'])
const metaText = z.string().max(500)
const noteTitle = z.string().max(300)
/** Lexical's serialized state: a root with children; the size is bounded (a note is not a book). */
const noteContent = z
  .object({ root: z.object({ type: z.literal('root'), children: z.array(z.unknown()) }).passthrough() })
  .passthrough()
  .refine((c) => JSON.stringify(c).length <= 8 * 1024 * 1024, { message: 'the note is larger than 8 MB' })
const linkNote = z.string().max(10_000)
const relationName = z.string().trim().min(1, 'a relation needs a name').max(60)
const relationInverse = z.string().trim().max(60)
const speakerKey = z.string().trim().min(2).max(100)
const claimKey = z.string().regex(/^[0-9a-f]{16}$/, 'a claim key')
const span = z
  .object({ articleId: id, start: offset, end: offset })
  .strict()
  .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] })

// Rounds: EDTF dates (year may be unknown: XXXX-02-27), roles and the snapshot rounds.restore takes back.
const roundDate = z
  .string()
  .regex(/^(?:\d{4}|XXXX)(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date like 2025-02-27, 2025-02, 2025 or XXXX-02-27')
  .refine((d) => d !== 'XXXX', { message: 'a date needs at least a year or a month' })
const roundRole = z.enum(['reports', 'mentions'])
const roundTitle = z.string().trim().min(1, 'a round needs a title').max(300)
const venue = z.string().trim().min(1).max(200)
const participants = z.array(z.string().trim().min(1).max(200)).max(100)
const roundSummary = z.string().max(20_000)
const roundSnapshot = z
  .object({
    id,
    title: roundTitle,
    date: roundDate.nullable(),
    venue: venue.nullable(),
    participants,
    summary: roundSummary,
    status: z.enum(['proposed', 'accepted']),
    reasons: z.array(z.string().max(5_000)).max(500),
    edited: z.array(z.enum(['title', 'date', 'venue', 'participants', 'summary'])).max(5),
    createdAt: z.iso.datetime(),
    articles: z.array(z.object({ articleId: id, role: roundRole, source: z.enum(['detected', 'user']) }).strict()).max(100_000),
    excluded: z.array(id).max(100_000),
  })
  .strict()

export const contract = {
  'notebook.info': call<NotebookInfo>()(z.object({}).strict()),
  /** Writes the notebook as a Markdown vault with data files into a folder; safe to repeat into the same folder. */
  'notebook.export': call<ExportSummary>()(
    z.object({ dir: z.string().trim().min(1, 'choose a folder').max(4096), wikilinks: z.boolean().optional() }).strict(),
  ),
  'articles.list': call<ArticleSummary[]>()(
    z
      .object({
        sort: z.enum(['published', 'title', 'outlet', 'wire', 'words', 'imported']).default('published'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        /** Only articles with highlights of this theme. */
        themeId: id.optional(),
        /** Only the first ones in this order: the Library paints a screenful before the rest arrives. */
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
  ),
  'articles.get': call<Article>()(z.object({ id }).strict()),
  'articles.search': call<SearchHit[]>()(
    z
      .object({
        query: z.string().max(500),
        limit: z.number().int().min(1).max(200).default(50),
        themeId: id.optional(),
      })
      .strict(),
  ),
  'articles.import': call<ImportResult[]>()(
    z
      .object({
        files: z
          .array(
            z
              .object({
                name: z.string().min(1).max(1024),
                /** File bytes, base64. */
                data: z.base64().max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 8),
              })
              .strict(),
          )
          .min(1)
          .max(MAX_IMPORT_BATCH_FILES),
        /**
         * Names this call: the same call arriving again (a browser resends a POST whose connection
         * closed before the answer) gets the first call's answer instead of importing again and
         * reporting every file as already in the library.
         */
        requestId: z
          .string()
          .regex(/^[\w-]{8,64}$/)
          .optional(),
      })
      .strict(),
  ),
  /** Sets metadata by hand: a string sets, null clears; both are user edits that win over detection. */
  'articles.update': call<Article>()(
    z
      .object({
        id,
        title: z.string().trim().min(1, 'an article needs a title').max(300).optional(),
        outlet: metaText.nullable().optional(),
        wire: metaText.nullable().optional(),
        author: metaText.nullable().optional(),
        published: z.iso.date().nullable().optional(),
        url: z.string().max(2000).nullable().optional(),
        /** Forget these edits and go back to the detected values. */
        revert: z.array(articleField).max(6).optional(),
      })
      .strict(),
  ),
  /**
   * Deletes articles with their highlights, rejected suggestions, round memberships and note links,
   * in one transaction; notes keep their quoted text. articles.restore brings all of it back.
   */
  'articles.delete': call<DeletedArticles>()(z.object({ ids: z.array(id).min(1).max(10_000) }).strict()),
  'articles.restore': call<DeletedArticles>()(z.object({ ids: z.array(id).min(1).max(10_000) }).strict()),
  /** Sets outlet and/or date on several articles at once (user edits); returns the patches that undo it. */
  'articles.updateMany': call<ArticleBulkEdit>()(
    z
      .object({
        patches: z
          .array(
            z
              .object({
                id,
                outlet: metaText.nullable().optional(),
                published: z.iso.date().nullable().optional(),
                revert: z
                  .array(z.enum(['outlet', 'published']))
                  .max(2)
                  .optional(),
              })
              .strict(),
          )
          .min(1)
          .max(10_000),
      })
      .strict(),
  ),
  /** Places articles in a round as reporting it (kept by detection); `added` are those not already in it. */
  'articles.addToRound': call<{
    roundId: number
    added: number[]
    /** Articles that only recalled the round and now report it, with the role and source they had. */
    promoted: Array<{ articleId: number; role: 'reports' | 'mentions'; source: 'detected' | 'user' }>
  }>()(z.object({ roundId: id, ids: z.array(id).min(1).max(10_000) }).strict()),
  /** Undo of articles.addToRound: takes the added articles out again (no exclusion is recorded) and restores promoted ones. */
  'articles.removeFromRound': call<{ roundId: number; removed: number[] }>()(
    z
      .object({
        roundId: id,
        ids: z.array(id).max(10_000),
        restore: z
          .array(z.object({ articleId: id, role: roundRole, source: z.enum(['detected', 'user']) }).strict())
          .max(10_000)
          .optional(),
      })
      .strict(),
  ),
  /** Cleans the stored original text again: one article ({ id }) or the whole notebook ({}). */
  'articles.reclean': call<RecleanResult>()(z.object({ id: id.optional() }).strict()),
  /** Every version of the article, oldest first, with what changed between neighbours. */
  'articles.versions': call<ArticleVersions>()(z.object({ id }).strict()),
  /** What cleaning removed from the original, block by block, with the reason (for "Original"). */
  'articles.removed': call<Array<{ text: string; reason: string }>>()(z.object({ id }).strict()),
  'themes.list': call<Theme[]>()(z.object({}).strict()),
  'themes.create': call<Theme>()(
    z
      .object({ name: themeName, color: color.optional(), description: z.string().max(500).optional(), keywords: keywords.optional() })
      .strict(),
  ),
  'themes.update': call<Theme>()(
    z
      .object({
        id,
        name: themeName.optional(),
        color: color.optional(),
        description: z.string().max(500).optional(),
        keywords: keywords.optional(),
      })
      .strict(),
  ),
  'themes.reorder': call<Theme[]>()(z.object({ ids: z.array(id).min(1).max(1000) }).strict()),
  /** Soft delete: the theme and its highlights' coding come back with themes.restore. */
  'themes.delete': call<Theme>()(z.object({ id }).strict()),
  'themes.restore': call<Theme>()(z.object({ id }).strict()),
  /** Moves every highlight of source to target and deletes source; returns the moved highlight ids (for undo). */
  'themes.merge': call<{ moved: number[] }>()(
    z
      .object({ sourceId: id, targetId: id })
      .strict()
      .refine((m) => m.sourceId !== m.targetId, { message: 'a theme cannot be merged into itself', path: ['targetId'] }),
  ),
  'themes.unmerge': call<Theme>()(z.object({ sourceId: id, moved: z.array(id).max(100_000) }).strict()),
  /**
   * Makes a theme a sub-theme of a top-level theme, or top-level again (parentId null). One level:
   * refused with code `conflict` when the parent is itself a sub-theme or the theme has sub-themes.
   */
  'themes.setParent': call<Theme>()(
    z
      .object({ id, parentId: id.nullable() })
      .strict()
      .refine((m) => m.id !== m.parentId, { message: 'a theme cannot be its own sub-theme', path: ['parentId'] }),
  ),

  'highlights.list': call<Highlight[]>()(z.object({ articleId: id }).strict()),
  'highlights.create': call<Highlight>()(
    z
      .object({ articleId: id, start: offset, end: offset, themeId: id.nullable(), comment: comment.optional() })
      .strict()
      .refine((h) => h.end > h.start, { message: 'end must be after start', path: ['end'] }),
  ),
  'highlights.update': call<Highlight>()(
    z
      .object({ id, themeId: id.nullable().optional(), comment: comment.optional(), start: offset.optional(), end: offset.optional() })
      .strict()
      .refine((h) => (h.start === undefined) === (h.end === undefined), { message: 'start and end change together', path: ['end'] }),
  ),
  /** Returns the deleted highlight so the UI can undo with highlights.restore. */
  'highlights.delete': call<Highlight>()(z.object({ id }).strict()),
  'highlights.restore': call<Highlight>()(
    z
      .object({
        id,
        articleId: id,
        themeId: id.nullable(),
        start: offset,
        end: offset,
        comment,
        createdAt: z.iso.datetime(),
      })
      .strict(),
  ),

  /** Every coded passage of a theme (or of all) across the notebook, with article, outlet, date and rounds. */
  'passages.list': call<PassageList>()(
    z
      .object({
        themeId: id.optional(),
        roundId: id.optional(),
        /** Only articles that report no round. */
        unassigned: z.boolean().optional(),
        /** '' is the unknown outlet. */
        outlet: metaText.optional(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
        sort: z.enum(['date', 'article', 'outlet', 'theme']).default('date'),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
  ),
  'suggestions.list': call<Suggestion[]>()(z.object({ articleId: id, themeId: id.optional() }).strict()),
  'suggestions.reject': call<null>()(span.and(z.object({ themeId: id }))),
  'suggestions.unreject': call<null>()(span.and(z.object({ themeId: id }))),

  'notes.list': call<NoteSummary[]>()(z.object({ query: z.string().max(500).optional() }).strict()),
  'notes.get': call<Note>()(z.object({ id }).strict()),
  'notes.create': call<Note>()(
    z.object({ title: noteTitle.optional(), content: noteContent.optional(), roundId: id.optional(), themeId: id.optional() }).strict(),
  ),
  /** Autosave: content and title together; links and search text are derived in the same transaction. */
  'notes.save': call<NoteSummary>()(z.object({ id, title: noteTitle.optional(), content: noteContent.optional() }).strict()),
  'notes.delete': call<NoteSummary>()(z.object({ id }).strict()),
  'notes.restore': call<NoteSummary>()(z.object({ id }).strict()),
  /** The note of a matrix cell (round × theme), created on first use. */
  'notes.cell': call<Note>()(z.object({ roundId: id, themeId: id }).strict()),
  'notes.backlinks': call<Backlink[]>()(z.object({ kind: z.enum(['article', 'note', 'round', 'theme', 'highlight']), id }).strict()),
  /** "Quote in note": appends a quote of the highlight to the note. */
  'notes.appendQuote': call<Note>()(z.object({ noteId: id, highlightId: id }).strict()),
  'notes.markdown': call<string>()(z.object({ id }).strict()),
  'links.search': call<LinkTarget[]>()(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(12) }).strict(),
  ),
  /** title null: the target is gone; deleted (articles): it is in the trash, titled `was`. */
  'links.resolve': call<Array<{ kind: LinkKind; id: number; title: string | null; deleted?: boolean; was?: string }>>()(
    z.object({ refs: z.array(z.object({ kind: z.enum(['article', 'note', 'round', 'theme']), id }).strict()).max(5000) }).strict(),
  ),
  'highlights.lookup': call<HighlightState[]>()(z.object({ ids: z.array(id).max(5000) }).strict()),
  'rounds.list': call<Round[]>()(z.object({}).strict()),
  /** Runs detection again; accepted, edited and hand-filled rounds and the user's placements stay as they are. */
  'rounds.detect': call<RoundDetection>()(z.object({}).strict()),
  /** Sets fields by hand (remembered as edits that detection never overwrites). */
  'rounds.update': call<Round>()(
    z
      .object({
        id,
        title: roundTitle.optional(),
        date: roundDate.nullable().optional(),
        venue: venue.nullable().optional(),
        participants: participants.optional(),
        summary: roundSummary.optional(),
      })
      .strict(),
  ),
  'rounds.accept': call<Round>()(z.object({ id }).strict()),
  /** Moves source's articles into target and deletes source. */
  'rounds.merge': call<Round>()(
    z
      .object({ sourceId: id, targetId: id })
      .strict()
      .refine((m) => m.sourceId !== m.targetId, { message: 'a round cannot be merged into itself', path: ['targetId'] }),
  ),
  /** Moves the chosen articles of a round into a new round. */
  'rounds.split': call<{ from: Round; to: Round }>()(
    z.object({ id, articleIds: z.array(id).min(1).max(10_000), title: roundTitle.optional() }).strict(),
  ),
  /** Takes an article out of fromId and/or puts it into toId (null: none); returns the rounds touched. */
  'rounds.moveArticle': call<Round[]>()(
    z
      .object({ articleId: id, fromId: id.nullable(), toId: id.nullable(), role: roundRole.optional() })
      .strict()
      .refine((m) => m.fromId !== null || m.toId !== null, { message: 'say where the article comes from or goes to', path: ['toId'] })
      .refine((m) => m.fromId !== m.toId, { message: 'the article is already in that round', path: ['toId'] }),
  ),
  /** Deletes a round (a proposal is not made again); returns what rounds.restore needs to undo. */
  'rounds.delete': call<RoundSnapshot>()(z.object({ id }).strict()),
  'rounds.restore': call<Round>()(roundSnapshot),
  /** The round's outlets side by side: themes, shared quotes, differing figures and dates. */
  'rounds.compare': call<RoundComparison>()(z.object({ id }).strict()),
  /**
   * Rounds × themes: counts, up to five evidence passages and coverage per cell. deferred: what is
   * slow is left for matrix.rows (coverage not yet known is 'pending'; evidence of the first rows only).
   */
  'matrix.get': call<Matrix>()(z.object({ deferred: z.boolean().optional() }).strict()),
  /** Some rows' evidence and, with coverage, the coverage of their empty cells (computed now if not known). */
  'matrix.rows': call<MatrixRow[]>()(z.object({ roundIds: z.array(id).min(1).max(200), coverage: z.boolean() }).strict()),
  /** Per Matrix cell, the typed links touching its passages (agree / differ / other), with their ids; only cells with links. */
  'matrix.claims': call<CellClaims[]>()(z.object({ roundIds: z.array(id).min(1).max(200).optional() }).strict()),

  /** Typed links between passages (issue 21): those touching a highlight, an article or a round; all without a filter. */
  'passageLinks.list': call<PassageLink[]>()(
    z
      .object({
        highlightId: id.optional(),
        articleId: id.optional(),
        roundId: id.optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
  ),
  /** Passages a new link can point to: highlights whose text, article title or outlet contain the query. */
  'passageLinks.targets': call<LinkEnd[]>()(
    z.object({ query: z.string().max(200), except: id.optional(), limit: z.number().int().min(1).max(100).default(20) }).strict(),
  ),
  'passageLinks.create': call<PassageLink>()(
    z
      .object({ fromId: id, toId: id, relationId: id, note: linkNote.optional() })
      .strict()
      .refine((l) => l.fromId !== l.toId, { message: 'a passage cannot be linked to itself', path: ['toId'] }),
  ),
  'passageLinks.update': call<PassageLink>()(z.object({ id, relationId: id.optional(), note: linkNote.optional() }).strict()),
  /** Hides the link; passageLinks.restore undoes. */
  'passageLinks.delete': call<PassageLink>()(z.object({ id }).strict()),
  'passageLinks.restore': call<PassageLink>()(z.object({ id }).strict()),
  /** The relations a link can have (supports, contradicts, repeats, quotes, updates, and the user's own). */
  'linkRelations.list': call<LinkRelation[]>()(z.object({}).strict()),
  'linkRelations.create': call<LinkRelation>()(z.object({ name: relationName, inverse: relationInverse.optional() }).strict()),
  'linkRelations.update': call<LinkRelation>()(
    z.object({ id, name: relationName.optional(), inverse: relationInverse.optional() }).strict(),
  ),
  /** Soft delete: no longer offered; links made with it keep it. linkRelations.restore undoes. */
  'linkRelations.delete': call<LinkRelation>()(z.object({ id }).strict()),
  'linkRelations.restore': call<LinkRelation>()(z.object({ id }).strict()),
  /** Claims proposed for a round: attributed statements grouped across outlets, with reasons. */
  'claims.propose': call<ClaimProposals>()(z.object({ roundId: id }).strict()),
  /** Creates the proposal's highlights (or reuses the same passages') and links them (repeats/quotes/contradicts). */
  'claims.accept': call<{ highlights: Highlight[]; created: number[]; links: PassageLink[] }>()(
    z.object({ roundId: id, key: claimKey }).strict(),
  ),
  /** Who speaks in the round: each speaker named in an attribution, with its passages per outlet. */
  'claims.speakers': call<RoundSpeaker[]>()(z.object({ roundId: id }).strict()),
  /** Merges two spellings of a speaker in every round (keys from claims.speakers); claims.unmergeSpeaker undoes. */
  'claims.mergeSpeaker': call<null>()(z.object({ from: speakerKey, into: speakerKey, name: z.string().max(300).default('') }).strict()),
  'claims.unmergeSpeaker': call<null>()(z.object({ from: speakerKey }).strict()),
  /** Quotations of the round's articles credited to a source ("told Interfax"), for quote provenance. */
  'claims.quoteCredits': call<QuoteCredit[]>()(z.object({ roundId: id }).strict()),
  /** Quotations several articles of the round carry: the first carrier, who re-used them, the drift, and why (dates compared). */
  'claims.provenance': call<QuoteProvenance[]>()(z.object({ roundId: id }).strict()),
  'claims.reject': call<null>()(z.object({ roundId: id, key: claimKey }).strict()),
  'claims.unreject': call<null>()(z.object({ roundId: id, key: claimKey }).strict()),
} as const

/** Commands the native menu sends to the renderer (Electron only; browser mode has keyboard shortcuts). */
export const MENU_COMMANDS = [
  'find',
  'find-in-notebook',
  'command-palette',
  'toggle-sidebar',
  'view-library',
  'view-matrix',
  'view-timeline',
  'view-reader',
  'view-compare',
  'view-notes',
  'new-note',
  'export',
  'settings',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export const events = {
  'import.progress': undefined as unknown as ImportProgress,
  'library.changed': undefined as unknown as { reason: 'import' | 'edit' | 'reclean' },
  'menu.command': undefined as unknown as { command: MenuCommand },
  'export.progress': undefined as unknown as ExportProgress,
}

export type Contract = typeof contract
export type Method = keyof Contract
export type Input<M extends Method> = z.input<Contract[M]['input']>
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type Result<M extends Method> = Contract[M]['result']
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = (typeof events)[E]

export const methodNames = Object.keys(contract) as Method[]
export const eventNames = Object.keys(events) as EventName[]

/** What the core implements; hosts call it only with validated input. */
export type Handlers = {
  [M in Method]: (input: ParsedInput<M>) => Result<M> | Promise<Result<M>>
}

/** What the renderer sees, whatever the host. */
export type Api = {
  [M in Method]: (input: Input<M>) => Promise<Result<M>>
}

export interface EventSink {
  <E extends EventName>(event: E, payload: EventPayload<E>): void
}

/** The one error shape that crosses a host boundary; `recover` only when there are ways out to offer. */
export interface ApiError {
  code: ErrorCode
  message: string
  recover?: RecoverOption[]
}

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
