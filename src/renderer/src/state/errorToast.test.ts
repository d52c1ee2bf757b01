import { describe, expect, it } from 'vitest'
import { ClientError } from '@shared/errors'
import { errorToast } from './errorToast'

describe('errorToast', () => {
  it('shows the ways out an error carries across a host, and Try again when the call may work later', () => {
    // The shape the HTTP bridge and the IPC envelope carry.
    const crossed = {
      code: 'disk_full',
      message: 'The disk holding the notebook is full.',
      recover: [
        { action: 'retry', label: 'Try again' },
        { action: 'open_read_only', label: 'Open it read-only (nothing is changed)' },
        { action: 'restore_backup', label: 'Restore the copy made before an upgrade: a.bak', backup: 'a.bak' },
      ],
    }
    let retried = 0
    const toast = errorToast(ClientError.from(crossed, 'fallback'), () => retried++)
    expect(toast.kind).toBe('error')
    expect(toast.text).toBe('The disk is full. The disk holding the notebook is full.')
    expect(toast.hints).toEqual(['Open it read-only (nothing is changed)', 'Restore the copy made before an upgrade: a.bak'])
    expect(toast.actions?.map((a) => a.label)).toEqual(['Try again'])
    toast.actions?.[0]?.run()
    expect(retried).toBe(1)
  })

  it('offers no Try again for an error that will not change by trying, and reads an unknown code as unknown', () => {
    const readOnly = errorToast(new ClientError('read_only', 'This notebook is open read-only; changes cannot be saved.'), () => {})
    expect(readOnly.text).toBe('This notebook is read-only. This notebook is open read-only; changes cannot be saved.')
    expect(readOnly.actions).toBeUndefined()
    const unknown = ClientError.from({ code: 'http_418', message: 'odd' }, 'fallback')
    expect(unknown.code).toBe('unknown')
    expect(errorToast(new Error('plain')).text).toBe('plain')
  })
})
