/**
 * Errors with stable codes. The UI switches on `code`, never on message text; the message is a
 * sentence a user can read.
 */
export class ParleyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ParleyError'
  }
}

export const notFound = (what: string): ParleyError => new ParleyError('not_found', `${what} was not found.`)

export const invalidInput = (message: string): ParleyError => new ParleyError('invalid_input', message)

export const notebookTooNew = (found: number, known: number): ParleyError =>
  new ParleyError(
    'notebook_too_new',
    `This notebook was written by a newer Parley (schema ${found}; this version knows ${known}). Open it with a newer Parley, or choose another notebook.`,
  )

export const readOnlyNotebook = (): ParleyError => new ParleyError('read_only', 'This notebook is open read-only; changes cannot be saved.')
