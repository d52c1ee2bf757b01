/**
 * Error codes: the stable names of every error the core or a host returns as `{ code, message }`.
 * The UI switches on `code` (never on message text); the message is a sentence a user can read.
 * The core makes them with one factory each (src/main/core/errors.ts); clients throw ClientError.
 */
export const ERROR_CODES = [
  // Calls
  'invalid_input',
  'not_found',
  'conflict',
  'read_only',
  'closed',
  // Imported files and notes
  'unreadable_file',
  'unreadable_folder',
  'unreadable_note',
  // Export
  'export_busy',
  'export_failed',
  // Opening a notebook: these carry recover options
  'locked',
  'corrupt',
  'too_many_files',
  'io_error',
  'cannot_open',
  'disk_full',
  'migration_failed',
  'notebook_too_new',
  // Hosts
  'forbidden',
  'unknown_method',
  'internal',
  // The HTTP host's own refusals, before a call reaches the contract
  'forbidden_host',
  'forbidden_origin',
  'unauthorised',
  'link_expired',
  'bad_request',
  'too_large',
  'bad_json',
  'method_not_allowed',
  'unsupported_media_type',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
}

/** One way out of a notebook that cannot be opened or written; `backup` is set for `restore_backup`. */
export interface RecoverOption {
  action: 'open_read_only' | 'restore_backup' | 'choose_another' | 'retry'
  label: string
  backup?: string
}

/** What a client can meet besides the core's codes: no answer at all, or an answer it cannot read. */
export type ClientErrorCode = ErrorCode | 'offline' | 'unknown'

/**
 * An error with a stable code and, where a notebook cannot be used, its ways out: what the core's
 * ParleyError (src/main/core/errors.ts) and the clients' ClientError share, so both carry the
 * same fields under the same names.
 */
export abstract class CodedError<C extends string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** Ways out a UI or the CLI can offer when a notebook cannot be used (open read-only, restore a backup…). */
    readonly recover: RecoverOption[] = [],
  ) {
    super(message)
  }
}

/**
 * The one error class on the client side (renderer, preload, scripts): a failed call, by code.
 *
 *   catch (e) { if (e instanceof ClientError && e.code === 'read_only') offerReadOnlyHelp() }
 */
export class ClientError extends CodedError<ClientErrorCode> {
  override name = 'ClientError'

  /** From an error shape that crossed a host (`{ code, message }`); a code this client does not know becomes 'unknown'. */
  static from(error: { code?: unknown; message?: unknown; recover?: unknown } | null | undefined, fallback: string): ClientError {
    const recover = Array.isArray(error?.recover) ? (error.recover as RecoverOption[]) : []
    return new ClientError(
      isErrorCode(error?.code) ? error.code : 'unknown',
      typeof error?.message === 'string' ? error.message : fallback,
      recover,
    )
  }
}
