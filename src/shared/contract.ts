import { z } from 'zod'
import type { Article, ArticleSummary, ImportProgress, ImportResult, NotebookInfo, SearchHit } from './model'

/**
 * The one list of calls between renderer and core. The preload, the IPC host, the HTTP bridge
 * and the renderer's client are all derived from it: adding a call means one entry here and
 * one core function.
 */
function call<Result>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result })
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024

export const contract = {
  'notebook.info': call<NotebookInfo>()(z.object({}).strict()),
  'articles.list': call<ArticleSummary[]>()(
    z
      .object({
        sort: z.enum(['published', 'title', 'outlet', 'words', 'imported']).default('published'),
        direction: z.enum(['asc', 'desc']).default('desc'),
      })
      .strict(),
  ),
  'articles.get': call<Article>()(z.object({ id }).strict()),
  'articles.search': call<SearchHit[]>()(
    z
      .object({
        query: z.string().max(500),
        limit: z.number().int().min(1).max(200).default(50),
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
          .max(200),
      })
      .strict(),
  ),
} as const

export const events = {
  'import.progress': undefined as unknown as ImportProgress,
  'library.changed': undefined as unknown as { reason: 'import' },
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

/** The one error shape that crosses a host boundary. */
export interface ApiError {
  code: string
  message: string
}

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
