import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(__dirname, '..')

/** Finds an installed Electron binary without require('electron'), which would try to download one. */
function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(exe) ? exe : null
  }
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const exe = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

const exe = electronBinary()

test.describe('Electron host', () => {
  test.skip(!exe, 'No Electron binary is installed on this machine (it cannot be downloaded offline); browser mode covers the UI.')

  test('opens the seeded notebook in a hardened window', async () => {
    const home = mkdtempSync(join(tmpdir(), 'parley-electron-'))
    const app = await electron.launch({
      executablePath: exe as string,
      args: [root, `--user-data-dir=${home}`],
      env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
    })
    try {
      const page = await app.firstWindow()
      await expect(page.locator('table.articles tbody tr')).toHaveCount(5)
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined')
      expect(await page.evaluate(() => window.open('https://example.org'))).toBeNull()
      expect(await page.evaluate(() => Object.keys((window as unknown as { parley: object }).parley).sort())).toEqual(['api', 'host', 'on'])

      // Import through the picker, then highlight a sentence with key 1, through the IPC host.
      await page.getByTestId('file-picker').setInputFiles({
        name: 'harbour.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(
          'Harbour reopens after storm\n\nThe harbour reopened on Monday after a week of repairs to the breakwater, the port authority said.\n\nFishing crews returned to the water at dawn.\n',
        ),
      })
      await expect(page.getByTestId('import-panel')).toContainText('1 imported')
      await page.getByTestId('import-panel').getByRole('link', { name: 'Harbour reopens after storm' }).click()
      await page.getByTestId('article-body').evaluate((root) => {
        const node = root.querySelector('p')!.firstChild as Text
        const range = document.createRange()
        range.setStart(node, 0)
        range.setEnd(node, node.data.indexOf(' after'))
        window.getSelection()!.addRange(range)
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
      })
      await page.keyboard.press('1')
      await expect(page.getByRole('complementary', { name: 'Coding' })).toContainText('The harbour reopened on Monday')

      // Export the vault: the folder comes from the system's dialog in the main process (answered here
      // in its place); the page gets only a handle and the folder's name.
      const vault = join(home, 'vault')
      await app.evaluate(({ dialog }, folder) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog
      }, vault)
      await page.getByRole('button', { name: 'Export…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Export notebook' })
      await dialog.getByRole('button', { name: 'Choose folder…' }).click()
      await expect(dialog).toContainText('vault')
      expect(await page.evaluate(() => document.body.innerText)).not.toContain(vault)
      await dialog.getByRole('button', { name: 'Export', exact: true }).click()
      await expect(dialog.getByTestId('export-summary')).toContainText('written')
      expect(existsSync(join(vault, 'comparison.md'))).toBe(true)
    } finally {
      await app.close()
      rmSync(home, { recursive: true, force: true })
    }
  })
})
