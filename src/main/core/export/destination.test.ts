// Issue 17 F5, F6: where an export may write, and what it may replace or remove there. Each case is
// an attack that worked before: a planted manifest, a symlinked folder, `.Obsidian`, `.obsidian.`, a
// link to `.obsidian`, and the page naming any folder at all (`~/.ssh/authorized_keys` became a folder).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { MANIFEST } from './manifest'
import { addArticle, addRound } from './testkit'
import { exportVault } from './vault'

const tempDir = useTempDir()
const sha = (text: string): string => createHash('sha256').update(text).digest('hex')
const planted = (files: Record<string, string>): string =>
  JSON.stringify({ format: 'parley-export', version: 1, files: Object.fromEntries(Object.entries(files).map(([p, t]) => [p, sha(t)])) })

function notebookIn(dir: string) {
  const nb = openNotebook(join(dir, 'n.parley'))
  addArticle(nb.db, 'park.txt', ARTICLE)
  return nb
}

describe('export writes only what is its own (F6)', () => {
  it('a planted manifest naming the hash of the user’s file neither removes nor overwrites it', async () => {
    const dir = tempDir()
    const nb = notebookIn(dir)
    const out = join(dir, 'vault')
    mkdirSync(join(out, 'articles'), { recursive: true })
    mkdirSync(join(out, 'rounds'))
    const plan = 'My plan: call the embassy on Monday.\n'
    writeFileSync(join(out, 'rounds', 'plan.md'), plan)
    const mine = 'my own notes about the park\n'
    const parkFile = 'articles/council-approves-new-riverside-park.md'
    writeFileSync(join(out, parkFile), mine)
    writeFileSync(join(out, MANIFEST), planted({ 'rounds/plan.md': plan, [parkFile]: mine }))
    const report = await exportVault(nb.db, out)
    nb.close()
    expect(readFileSync(join(out, 'rounds', 'plan.md'), 'utf8')).toBe(plan)
    expect(readFileSync(join(out, parkFile), 'utf8')).toBe(mine)
    expect(report.removed).toEqual([])
    expect(report.conflicts).toContainEqual({ file: parkFile, newVersion: parkFile.replace('.md', '.parley-new.md'), reason: 'not-parley' })
  })

  it('never writes or removes through a folder of the vault that is a symbolic link, even when its own manifest lists the file', async () => {
    const dir = tempDir()
    const nb = notebookIn(dir)
    const round = addRound(nb.db, 'Round 1: Moscow', '2024-05-01', 'Moscow', [])
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    const [roundFile] = readdirSync(join(out, 'rounds'))
    // The user's documents elsewhere, with a file of the same name and bytes as Parley's.
    const userdocs = join(dir, 'userdocs')
    mkdirSync(userdocs)
    writeFileSync(join(userdocs, roundFile!), readFileSync(join(out, 'rounds', roundFile!)))
    writeFileSync(join(userdocs, 'other.md'), 'keep')
    // Someone swaps the vault's rounds/ for a link to them; the round is deleted, so the export removes its file.
    const { rmSync } = await import('node:fs')
    rmSync(join(out, 'rounds'), { recursive: true })
    symlinkSync(userdocs, join(out, 'rounds'))
    nb.db.prepare('DELETE FROM article_rounds WHERE round_id = ?').run(round)
    nb.db.prepare('DELETE FROM rounds WHERE id = ?').run(round)
    addRound(nb.db, 'Round 2: Geneva', '2024-06-01', 'Geneva', [])
    const report = await exportVault(nb.db, out)
    nb.close()
    expect(existsSync(join(userdocs, roundFile!))).toBe(true)
    expect(readdirSync(userdocs).sort()).toEqual([roundFile!, 'other.md'].sort())
    expect(report.removed).toEqual([])
    expect(report.kept).toContain(`rounds/${roundFile!}`)
  })
})

describe('export destinations (F5)', () => {
  it('refuses Obsidian’s settings folder in any case, with trailing dots, and behind a link', async () => {
    const dir = tempDir()
    const nb = notebookIn(dir)
    const vault = join(dir, 'vault')
    mkdirSync(join(vault, '.obsidian'), { recursive: true })
    symlinkSync(join(vault, '.obsidian'), join(dir, 'settings'))
    for (const target of [
      join(vault, '.obsidian'),
      join(vault, '.Obsidian', 'x'),
      join(vault, '.OBSIDIAN.'),
      join(vault, '.obsidian. .', 'plugins'),
      join(dir, 'settings'),
      join(dir, 'settings', 'plugins'),
    ])
      await expect(exportVault(nb.db, target), target).rejects.toMatchObject({ code: 'invalid_input' })
    expect(readdirSync(join(vault, '.obsidian'))).toEqual([])
    nb.close()
  })

  it('from the page: only a full path inside the home (or the configured root), not hidden, empty or exported to by this notebook', async () => {
    const dir = tempDir()
    const home = join(dir, 'home')
    mkdirSync(join(home, '.ssh'), { recursive: true })
    mkdirSync(join(home, 'Documents', 'thesis'), { recursive: true })
    writeFileSync(join(home, 'Documents', 'thesis', 'chapter1.md'), 'mine')
    symlinkSync(join(dir, 'elsewhere'), join(home, 'out-link'))
    const before = process.env.PARLEY_EXPORT_ROOT
    process.env.PARLEY_EXPORT_ROOT = home
    const nb = notebookIn(dir)
    const exportTo = (target: string) => Promise.resolve().then(() => nb.handlers['notebook.export']({ dir: target }))
    try {
      for (const target of [
        'relative/vault',
        join(dir, 'outside-home'),
        join(home, '.ssh', 'authorized_keys'),
        join(home, '.config', 'autostart'),
        join(home, 'Documents', 'thesis'),
        join(home, 'out-link'),
        join(home, 'out-link', 'vault'),
        home,
        join(home, 'Documents', '..', '..', 'escape'),
      ])
        await expect(exportTo(target), target).rejects.toMatchObject({ code: 'invalid_input' })
      expect(existsSync(join(home, '.ssh', 'authorized_keys'))).toBe(false)
      expect(existsSync(join(dir, 'elsewhere'))).toBe(false)
      expect(readdirSync(join(home, 'Documents', 'thesis'))).toEqual(['chapter1.md'])
      // A new folder, then the same one again (its manifest is this notebook's), with a file of the user's added.
      const vault = join(home, 'Documents', 'Parley export')
      expect((await exportTo(vault)).written.length).toBeGreaterThan(0)
      writeFileSync(join(vault, 'my-notes.md'), 'mine')
      expect((await exportTo(vault)).conflicts).toEqual([])
      // Another notebook's manifest is not this one's.
      const other = openNotebook(join(dir, 'other.parley'))
      await expect(Promise.resolve().then(() => other.handlers['notebook.export']({ dir: vault }))).rejects.toMatchObject({
        code: 'invalid_input',
      })
      other.close()
    } finally {
      if (before === undefined) delete process.env.PARLEY_EXPORT_ROOT
      else process.env.PARLEY_EXPORT_ROOT = before
      nb.close()
    }
  })
})
