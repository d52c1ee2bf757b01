/**
 * Errors with stable codes. The UI switches on `code`, never on message text; the message is a
 * sentence a user can read.
 */
export class ParleyError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Ways out a UI or the CLI can offer when a notebook cannot be used (open read-only, restore a backup…). */
    readonly recover: RecoverOption[] = [],
  ) {
    super(message)
    this.name = 'ParleyError'
  }
}

/** One way out of a notebook that cannot be opened or written; `backup` is set for `restore_backup`. */
export interface RecoverOption {
  action: 'open_read_only' | 'restore_backup' | 'choose_another' | 'retry'
  label: string
  backup?: string
}

export const notFound = (what: string): ParleyError => new ParleyError('not_found', `${what} was not found.`)

export const invalidInput = (message: string): ParleyError => new ParleyError('invalid_input', message)

export const notebookTooNew = (found: number, known: number): ParleyError =>
  new ParleyError(
    'notebook_too_new',
    `This notebook was written by a newer Parley (schema ${found}; this version knows ${known}). Open it with a newer Parley, or choose another notebook.`,
  )

export const readOnlyNotebook = (): ParleyError => new ParleyError('read_only', 'This notebook is open read-only; changes cannot be saved.')
