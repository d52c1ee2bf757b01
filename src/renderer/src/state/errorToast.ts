import { ClientError, type ClientErrorCode } from '@shared/errors'

export interface Toast {
  id: number
  text: string
  kind: 'info' | 'error'
  undo?: boolean
  /** Buttons a user can act on (e.g. Try again after a full disk). */
  actions?: { label: string; run: () => void }[]
  /** Ways out the app cannot take from here (e.g. open read-only), shown so the user knows them. */
  hints?: string[]
}

/** Codes after which the same call may well work once the user has acted (freed space, closed the other Parley). */
const RETRYABLE = new Set<ClientErrorCode>(['disk_full', 'io_error', 'locked', 'offline'])
/** What to say first for codes a user can act on; the core's sentence follows. */
const LEADS: Partial<Record<ClientErrorCode, string>> = {
  disk_full: 'The disk is full.',
  read_only: 'This notebook is read-only.',
  locked: 'The notebook is in use elsewhere.',
  corrupt: 'The notebook file is damaged.',
  io_error: 'The disk could not be written.',
}

/** A failed call as a toast: a clear lead by code, Try again when it can help, and the error's ways out. */
export function errorToast(error: unknown, retry?: () => void): Omit<Toast, 'id'> {
  const text = error instanceof Error ? error.message : String(error)
  if (!(error instanceof ClientError)) return { text, kind: 'error' }
  const lead = LEADS[error.code]
  const canRetry = retry && (RETRYABLE.has(error.code) || error.recover.some((r) => r.action === 'retry'))
  return {
    text: lead && !text.startsWith(lead) ? `${lead} ${text}` : text,
    kind: 'error',
    actions: canRetry ? [{ label: 'Try again', run: retry }] : undefined,
    hints: error.recover.filter((r) => r.action !== 'retry').map((r) => r.label),
  }
}
