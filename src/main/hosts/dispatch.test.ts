import { describe, expect, it } from 'vitest'
import { errors } from '../core/errors'
import { toApiError } from './dispatch'

describe('toApiError', () => {
  it('keeps a code and its ways out; an error without any crosses as { code, message } only', () => {
    const recover = [{ action: 'open_read_only' as const, label: 'Open read-only' }]
    expect(toApiError(errors.locked('The notebook is in use.', recover))).toEqual({
      code: 'locked',
      message: 'The notebook is in use.',
      recover,
    })
    expect(toApiError(errors.conflict('Already linked.'))).toStrictEqual({ code: 'conflict', message: 'Already linked.' })
    expect(toApiError(new Error('secret path /home/x')).code).toBe('internal')
  })
})
