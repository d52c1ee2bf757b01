import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { latestIdBySource } from './repo'
import type { ReadableDB } from '../db/types'

/**
 * Whether this notebook holds articles imported from the seeds folder (first run's sample
 * notebook): the UI shows its welcome there only (notebook.info's `seeded`). Read from the articles
 * themselves, so it holds after a restart without a schema change.
 */
export function holdsSeeds(db: ReadableDB, seedsDir: string | undefined): boolean {
  if (!seedsDir || !existsSync(seedsDir)) return false
  return readdirSync(seedsDir).some((name) => latestIdBySource(db, join(seedsDir, name)) !== null)
}
