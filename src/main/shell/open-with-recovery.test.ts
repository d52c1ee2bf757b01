/**
 * The desktop app's way out of a notebook that cannot be opened: real notebooks in a temp folder,
 * opened by the core; only Electron's message box and open-file dialog are stood in for (they
 * need a display), by answers a user could give.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../tests/helpers'
import { openNotebook, type Notebook } from '../core/notebook'
import { openWithRecovery, type RecoveryHost } from './open-with-recovery'

const tempDir = useTempDir()

function damagedWithBackup(): string {
  const file = join(tempDir(), 'n.parley')
  const notebook = openNotebook(file)
  notebook.close()
  copyFileSync(file, `${file}.v16-2024-01-01T00-00-00-000Z.bak`)
  writeFileSync(file, 'this is not a database, just text '.repeat(200))
  return file
}

/** A host whose user picks the way out whose label matches `pick` (null: Cancel). */
function host(pick: RegExp | null, asked: string[][], another: string | null = null): RecoveryHost<Notebook> {
  return {
    open: (file, readOnly) => openNotebook(file, { readOnly }),
    ask: async (_message, labels) => {
      asked.push(labels)
      if (!pick) return null
      const i = labels.findIndex((l) => pick.test(l))
      return i < 0 ? null : i
    },
    chooseAnother: async () => another,
  }
}

describe('opening a notebook in the desktop app when it cannot be opened', () => {
  it('offers the ways out and restores the backup the user picks, keeping the damaged file', async () => {
    const file = damagedWithBackup()
    const asked: string[][] = []
    const notebook = await openWithRecovery(file, host(/restore the copy/i, asked))
    expect(asked).toHaveLength(1)
    expect(asked[0]?.some((l) => /restore the copy/i.test(l))).toBe(true)
    expect(notebook?.file).toBe(file)
    expect(notebook?.db.readonly).toBe(false)
    notebook?.close()
    // Nothing deleted: the damaged file was moved aside.
    expect(readdirSync(dirname(file)).some((f) => f.startsWith('n.parley.damaged-'))).toBe(true)
  })

  it('opens another notebook the user chooses, and gives up when the user cancels', async () => {
    const file = damagedWithBackup()
    const other = join(tempDir(), 'other.parley')
    openNotebook(other).close()
    const picked = await openWithRecovery(file, host(/another/i, [], other))
    expect(picked?.file).toBe(other)
    picked?.close()
    expect(await openWithRecovery(file, host(null, []))).toBeNull()
  })

  it('throws an error with no way out as before, without asking', async () => {
    const asked: string[][] = []
    const missingFolder = join(tempDir(), 'no', 'such', 'folder', 'n.parley')
    const failing: RecoveryHost<Notebook> = {
      ...host(/.*/, asked),
      open: () => {
        throw new Error(`cannot open ${missingFolder}`)
      },
    }
    await expect(openWithRecovery(missingFolder, failing)).rejects.toThrow(/cannot open/)
    expect(asked).toHaveLength(0)
  })
})
