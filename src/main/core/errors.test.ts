import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClientError, ERROR_CODES } from '../../shared/errors'
import { errors, notFound, ParleyError } from './errors'

const MAIN = join(__dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  )
}

describe('error codes', () => {
  it('has one factory per code, each making a ParleyError with that code', () => {
    expect(Object.keys(errors).sort()).toEqual([...ERROR_CODES].sort())
    for (const code of ERROR_CODES) {
      const error = errors[code]('A sentence.', [{ action: 'retry', label: 'Try again' }])
      expect(error).toBeInstanceOf(ParleyError)
      expect([error.code, error.message, error.recover.length]).toEqual([code, 'A sentence.', 1])
    }
    expect(notFound('The article').code).toBe('not_found')
  })

  it('every code written in src/main (ParleyError, factories, host error shapes) is in the union', () => {
    const used = new Map<string, string>()
    for (const file of sources(MAIN)) {
      const text = readFileSync(file, 'utf8')
      // `errors.x(` counts where `errors` is the factories' object (core/errors.ts), not a local list.
      const factories = /import \{[^}]*\berrors\b[^}]*\} from '(\.\.?\/)+errors'/.test(text)
      for (const re of [/new ParleyError\(\s*'([a-z_]+)'/g, /\bcode: '([a-z_]+)'/g, ...(factories ? [/\berrors\.([a-z_]+)\(/g] : [])])
        for (const m of text.matchAll(re)) used.set(m[1] as string, file)
    }
    expect(used.size).toBeGreaterThan(10)
    const unknown = [...used].filter(([code]) => !(ERROR_CODES as readonly string[]).includes(code))
    expect(unknown).toEqual([])
  })

  it('a client reads an error shape into ClientError by code; a code it does not know is unknown', () => {
    const known = ClientError.from(
      { code: 'disk_full', message: 'The disk is full.', recover: [{ action: 'retry', label: 'Try again' }] },
      'x',
    )
    expect([known.code, known.message, known.recover]).toEqual([
      'disk_full',
      'The disk is full.',
      [{ action: 'retry', label: 'Try again' }],
    ])
    expect(ClientError.from({ code: 'http_502' }, 'Parley answered 502.').code).toBe('unknown')
    expect(ClientError.from(null, 'Parley answered 502.').message).toBe('Parley answered 502.')
  })
})
