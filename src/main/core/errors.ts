/**
 * Errors with stable codes (ErrorCode, src/shared/errors.ts), made by one factory each. The UI
 * switches on `code`, never on message text; the message is a sentence a user can read.
 *
 *   throw errors.locked(`The notebook at ${file} is in use…`, [{ action: 'retry', label: 'Try again' }])
 */
import { CodedError, ERROR_CODES, isErrorCode, type ErrorCode, type RecoverOption } from '../../shared/errors'

export { isErrorCode }
export type { ErrorCode, RecoverOption }

/** An error of the core, by code (the fields are CodedError's, shared with the clients' ClientError). */
export class ParleyError extends CodedError<ErrorCode> {
  override name = 'ParleyError'
}

export type ErrorFactory = (message: string, recover?: RecoverOption[]) => ParleyError

/** One factory per code: `errors.disk_full(message, recover)`. */
export const errors = Object.fromEntries(
  ERROR_CODES.map((code) => [code, (message: string, recover?: RecoverOption[]) => new ParleyError(code, message, recover)]),
) as { readonly [C in ErrorCode]: ErrorFactory }

export const notFound = (what: string): ParleyError => errors.not_found(`${what} was not found.`)

export const invalidInput = (message: string): ParleyError => errors.invalid_input(message)

export const notebookTooNew = (found: number, known: number): ParleyError =>
  errors.notebook_too_new(
    `This notebook was written by a newer Parley (schema ${found}; this version knows ${known}). Open it with a newer Parley, or choose another notebook.`,
  )

export const readOnlyNotebook = (): ParleyError => errors.read_only('This notebook is open read-only; changes cannot be saved.')
