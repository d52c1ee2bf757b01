// Issue 17 item 3 (F5): the desktop app's export folder is chosen in the main process with the
// system's dialog, never named by the page. Electron's dialogs are stood in for (no Electron binary
// here); the notebook and the export are real. index.ts wires these steps to File › Export Vault….
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../tests/helpers'
import { notebookAndUserFolder } from './export-testkit'
import { exportVault } from '../core/export/vault'
import { exportReport, exportToPickedFolder, type FolderChoice } from './export-folder'

const tempDir = useTempDir()

describe('export from the desktop app’s menu (issue 17 item 3)', () => {
  it('exports into the folder the system dialog gave, which the page could not name; cancelling writes nothing', async () => {
    const dir = tempDir()
    const { nb, chosen } = notebookAndUserFolder(dir)
    await expect(Promise.resolve().then(() => nb.handlers['notebook.export']({ dir: chosen }))).rejects.toMatchObject({
      code: 'invalid_input',
    })
    expect(readdirSync(chosen)).toEqual(['chapter1.md'])

    const steps = (choice: FolderChoice, links: boolean | null = false) => ({
      askLinks: async () => links,
      pickFolder: async () => choice,
      exportTo: (target: string, wikilinks: boolean) => exportVault(nb.db, target, { wikilinks }),
    })
    expect(await exportToPickedFolder(steps({ canceled: true, filePaths: [] }))).toBeNull()
    expect(await exportToPickedFolder(steps({ canceled: false, filePaths: [chosen] }, null))).toBeNull()
    expect(readdirSync(chosen)).toEqual(['chapter1.md'])

    const summary = await exportToPickedFolder(steps({ canceled: false, filePaths: [chosen] }, true))
    expect(summary?.written.length).toBeGreaterThan(0)
    expect(readFileSync(join(chosen, 'chapter1.md'), 'utf8')).toBe('mine')
    expect(existsSync(join(chosen, 'articles'))).toBe(true)
    expect(exportReport(summary!)).toMatch(/^\d+ files in .*thesis: \d+ written/)

    // The export's own checks still hold for a chosen folder: Obsidian's settings folder is refused.
    mkdirSync(join(dir, 'vault', '.Obsidian'), { recursive: true })
    await expect(exportToPickedFolder(steps({ canceled: false, filePaths: [join(dir, 'vault', '.Obsidian')] }))).rejects.toMatchObject({
      code: 'invalid_input',
    })
    expect(readdirSync(join(dir, 'vault', '.Obsidian'))).toEqual([])
    nb.close()
  })
})

describe('the desktop app’s menu is wired to it', () => {
  it('File › Export Vault… runs exportToPickedFolder in the main process with the system folder dialog', () => {
    const index = readFileSync(join(__dirname, '..', 'index.ts'), 'utf8')
    expect(index).toMatch(/command === 'export' \? void exportFromMenu\(\)/)
    expect(index).toMatch(/exportToPickedFolder\(\{/)
    expect(index).toMatch(/properties: \['openDirectory'/)
    expect(index).toMatch(/exportTo: \(dir, wikilinks\) =>\s+exportVault\(session\.current\(\)\.db, dir/)
  })
})
