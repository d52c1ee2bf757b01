// Issue 17 item 3: the desktop app hands the renderer an opaque, single-use handle for the folder the
// system dialog gave, never its path; the IPC layer takes the handle back to the path before the core
// is called. Electron's dialog is stood in for (no Electron binary here); the notebook, the handlers
// and the export are real. index.ts binds withFolderHandles to IPC and pickFolderHandle to the dialog.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../tests/helpers'
import { notebookAndUserFolder } from './export-testkit'
import { exportVault } from '../core/export/vault'
import { createFolderHandles, HANDLE_PREFIX, HANDLE_TTL_MS, pickFolderHandle, withFolderHandles } from './export-handles'

const tempDir = useTempDir()

describe('export folder handles (issue 17 item 3)', () => {
  it('keeps the chosen folder under a random handle that names no part of its path, and gives it back once', async () => {
    let clock = 1_000
    const handles = createFolderHandles(() => clock)
    const dir = join(tempDir(), 'private', 'thesis')
    const picked = await pickFolderHandle(async () => ({ canceled: false, filePaths: [dir] }), handles)
    expect(picked?.name).toBe('thesis')
    const handle = picked?.handle as string
    expect(handle.startsWith(HANDLE_PREFIX)).toBe(true)
    expect(handle).not.toContain('private')
    expect(handle).not.toContain('/')
    expect(JSON.stringify(picked)).not.toContain(dir)
    expect(handles.keep(dir).handle).not.toBe(handle) // a new handle each time
    expect(handles.take(handle)).toBe(dir)
    // Single use: the same handle again, or one never given, is refused with a clear message.
    expect(() => handles.take(handle)).toThrow(/no longer valid.*choose the folder again/)
    expect(() => handles.take(`${HANDLE_PREFIX}guessed`)).toThrow(expect.objectContaining({ code: 'invalid_input' }))
    // Cancelled: no handle is made.
    expect(await pickFolderHandle(async () => ({ canceled: true, filePaths: [] }), handles)).toBeNull()
    // Forgotten after a while.
    const late = handles.keep(dir).handle
    clock += HANDLE_TTL_MS + 1
    expect(() => handles.take(late)).toThrow(/no longer valid/)
    expect(handles.size).toBe(0) // the other kept handle expired too
  })

  it('notebook.export given a handle exports into its folder (which the page could not name); a used or unknown handle writes nothing', async () => {
    const dir = tempDir()
    const { nb, chosen } = notebookAndUserFolder(dir)
    const handles = createFolderHandles()
    const exported: string[] = []
    const handlers = withFolderHandles(nb.handlers, handles, (target, wikilinks) => {
      exported.push(target)
      return exportVault(nb.db, target, { wikilinks })
    })
    // Named by the page, the folder is refused (browser-mode rules: it holds the user's file and no manifest).
    await expect(Promise.resolve().then(() => handlers['notebook.export']({ dir: chosen }))).rejects.toMatchObject({
      code: 'invalid_input',
    })
    expect(readdirSync(chosen)).toEqual(['chapter1.md'])

    const { handle } = handles.keep(chosen)
    const summary = await handlers['notebook.export']({ dir: handle, wikilinks: true })
    expect(exported).toEqual([chosen])
    expect(summary.written.length).toBeGreaterThan(0)
    expect(existsSync(join(chosen, 'articles'))).toBe(true)
    expect(readFileSync(join(chosen, 'chapter1.md'), 'utf8')).toBe('mine')

    await expect(Promise.resolve().then(() => handlers['notebook.export']({ dir: handle }))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/choose the folder again/),
    })
    await expect(Promise.resolve().then(() => handlers['notebook.export']({ dir: `${HANDLE_PREFIX}x` }))).rejects.toMatchObject({
      code: 'invalid_input',
    })
    expect(exported).toEqual([chosen])
    // The export's own checks still hold for a handle's folder: Obsidian's settings folder is refused.
    mkdirSync(join(dir, 'vault', '.Obsidian'), { recursive: true })
    const obsidian = handles.keep(join(dir, 'vault', '.Obsidian')).handle
    await expect(Promise.resolve().then(() => handlers['notebook.export']({ dir: obsidian }))).rejects.toMatchObject({
      code: 'invalid_input',
    })
    expect(readdirSync(join(dir, 'vault', '.Obsidian'))).toEqual([])
    // Every other call is the notebook's own.
    expect(handlers['notebook.info']).toBe(nb.handlers['notebook.info'])
    nb.close()
  })
})

describe('the desktop app is wired to it', () => {
  it('binds IPC to withFolderHandles, picks with the system dialog into a handle, and the preload exposes only the picker', () => {
    const index = readFileSync(join(__dirname, '..', 'index.ts'), 'utf8')
    expect(index).toMatch(/bindIpc\(\s*ipcMain,\s*withFolderHandles\(notebooks\.handlers, folderHandles,/)
    expect(index).toMatch(/bindShellCall\(ipcMain, 'parley-shell:pick-export-folder'/)
    expect(index).toMatch(/pickFolderHandle\(/)
    const preload = readFileSync(join(__dirname, '..', '..', 'preload', 'index.ts'), 'utf8')
    expect(preload).toMatch(/pickExportFolder: \(\): Promise<PickedFolder \| null> =>\s*call\('parley-shell:pick-export-folder'/)
  })
})
