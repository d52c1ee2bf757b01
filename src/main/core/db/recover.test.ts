import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { ParleyError } from '../errors'
import { openDatabase } from './open'
import { takeRecovery } from './recover'

const tempDir = useTempDir()

/** The error openDatabase throws for `file`. */
function openFailure(file: string): ParleyError {
  try {
    openDatabase(file).db.close()
  } catch (error) {
    if (error instanceof ParleyError) return error
    throw error
  }
  throw new Error('the notebook opened')
}

describe('taking a way out offered with an open error', () => {
  it('a damaged notebook with a backup beside it: restoring puts the backup back and keeps the damaged file aside', () => {
    const dir = tempDir()
    const file = join(dir, 'n.parley')
    const { db } = openDatabase(file)
    db.prepare(
      `INSERT INTO articles (title, source_name, format, encoding, content_hash, body, raw, words, imported_at)
       VALUES ('Kept', 'k.txt', 'text', 'utf-8', 'k1', 'Body.', 'Body.', 1, '2024-01-01')`,
    ).run()
    db.close()
    // A backup as migrate writes it (`<file>.v<N>-<time>.bak`), then the notebook itself is damaged.
    copyFileSync(file, `${file}.v16-2024-01-01T00-00-00-000Z.bak`)
    const damaged = 'this is not a database, just text '.repeat(200)
    writeFileSync(file, damaged)

    const error = openFailure(file)
    expect(error.code).toBe('corrupt')
    const restore = error.recover.find((o) => o.action === 'restore_backup')
    expect(restore).toBeTruthy()
    const next = takeRecovery(file, restore!, new Date('2026-12-07T01:02:03.004Z'))
    expect(next).toEqual({ kind: 'open', file, readOnly: false })

    const reopened = openDatabase(file).db
    expect(reopened.prepare('SELECT title FROM articles').pluck().all()).toEqual(['Kept'])
    reopened.close()
    // Nothing deleted: the damaged file is beside it, as it was.
    expect(readFileSync(join(dir, 'n.parley.damaged-2026-12-07T01-02-03-004Z'), 'utf8')).toBe(damaged)
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1)
  })

  it('only a backup listed for the file is restored, never another path', () => {
    const dir = tempDir()
    const file = join(dir, 'n.parley')
    openDatabase(file).db.close()
    const other = join(dir, 'elsewhere.parley')
    openDatabase(other).db.close()
    const before = readdirSync(dir).sort()
    expect(() => takeRecovery(file, { action: 'restore_backup', label: 'x', backup: other })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    )
    expect(readdirSync(dir).sort()).toEqual(before)
  })

  it('read-only, retry and another notebook tell the host what to open', () => {
    const file = join(tempDir(), 'n.parley')
    expect(takeRecovery(file, { action: 'open_read_only', label: '' })).toEqual({ kind: 'open', file, readOnly: true })
    expect(takeRecovery(file, { action: 'retry', label: '' })).toEqual({ kind: 'open', file, readOnly: false })
    expect(takeRecovery(file, { action: 'choose_another', label: '' })).toEqual({ kind: 'choose_another' })
  })
})
