import { copyFileSync, existsSync, renameSync } from 'node:fs'
import type { RecoverOption } from '../../../shared/errors'
import { errors } from '../errors'
import { listBackups } from './open'

/** What a host does next after the user chose a way out: open a file (maybe read-only), or ask for another. */
export type Recovery = { kind: 'open'; file: string; readOnly: boolean } | { kind: 'choose_another' }

/**
 * Takes one of the ways out offered with an error opening `file` (see recoverOptions), so every
 * host — the desktop app's dialog as much as the CLI — acts on the same options the same way.
 * Restoring a backup never deletes: the notebook (and its -wal and -shm) is moved aside to
 * `<file>.damaged-<time>` first, then the backup is copied in its place. Only a backup that
 * recoverOptions lists for this file is accepted, never any path a caller passes.
 *
 *   const next = takeRecovery(file, error.recover[i])
 *   if (next.kind === 'open') openNotebook(next.file, { readOnly: next.readOnly })
 */
export function takeRecovery(file: string, option: RecoverOption, now: Date = new Date()): Recovery {
  switch (option.action) {
    case 'retry':
      return { kind: 'open', file, readOnly: false }
    case 'open_read_only':
      return { kind: 'open', file, readOnly: true }
    case 'choose_another':
      return { kind: 'choose_another' }
    case 'restore_backup': {
      if (!option.backup || !listBackups(file).includes(option.backup))
        throw errors.not_found(`There is no backup of ${file} at ${option.backup ?? '(none given)'} to restore.`)
      const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${aside}${suffix}`)
      copyFileSync(option.backup, file)
      return { kind: 'open', file, readOnly: false }
    }
  }
}
