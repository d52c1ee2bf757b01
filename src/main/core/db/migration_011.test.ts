import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { migrations } from './migrate'
import { openDatabase } from './open'

const tempDir = useTempDir()
const key = (file: string): Buffer => {
  const { db } = openDatabase(file)
  const value = db.prepare("SELECT value FROM notebook_secrets WHERE name = 'export-mac'").pluck().get() as Buffer
  db.close()
  return value
}

describe('migration 011: the notebook’s export key', () => {
  it('gives an existing notebook a random 32-byte key, kept across openings, different in every notebook', () => {
    const dir = tempDir()
    const old = join(dir, 'old.parley')
    openDatabase(old, { migrations: migrations.filter((m) => m.version <= 10) }).db.close()
    const first = key(old)
    expect(first.length).toBe(32)
    expect(key(old).equals(first)).toBe(true)
    const other = key(join(dir, 'new.parley'))
    expect(other.length).toBe(32)
    expect(other.equals(first)).toBe(false)
    expect(first.equals(Buffer.alloc(32))).toBe(false)
  })
})
