import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { call, expect, screenshotPath, test } from './fixtures'

interface Summary {
  id: number
  title: string
}
interface Highlight {
  id: number
  exact: string
}

/** Presses Tab until `selector` has focus (a keyboard user's way there), at most `max` times. */
async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

// Made-up article (no corpus text).
const ARTICLE = `Ferry talks resume in Port Elmwood

PORT ELMWOOD — Negotiators from the two island councils met on Tuesday to discuss the ferry timetable. The harbour master said the winter crossings would double if both sides agreed. A second meeting is planned for next month.
`

test('keyboard only: import, code a sentence, quote it in a note and export, without a mouse event', async ({ page, parley }) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'parley-keys-'))
  const file = join(dir, 'ferry-talks.txt')
  writeFileSync(file, ARTICLE)
  let mouse = 0
  await page.exposeFunction('parleyMouseSeen', () => void mouse++)
  await page.addInitScript(() => {
    for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown'])
      window.addEventListener(
        type,
        (e) => (e as MouseEvent).detail > 0 && (window as unknown as { parleyMouseSeen: () => void }).parleyMouseSeen(),
        true,
      )
  })
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr').first()).toBeVisible()

  // Import through the palette.
  await page.keyboard.press('Control+k')
  await page.keyboard.type('import')
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(file)
  await expect.poll(async () => (await call<Summary[]>(page, 'articles.list', {})).some((a) => a.title.includes('Ferry talks'))).toBe(true)
  const article = (await call<Summary[]>(page, 'articles.list', {})).find((a) => a.title.includes('Ferry talks'))!

  // Open it by name, select the second sentence with the keyboard (F7, ↓ ↓) and code it with 1.
  await page.keyboard.press('Control+k')
  await page.keyboard.type('Ferry talks')
  await expect(page.getByRole('option', { name: article.title })).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  const active = page.locator('[role=option][aria-selected=true]')
  while (!(await active.textContent())?.includes(article.title)) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('article-body')).toContainText('harbour master')
  await page.keyboard.press('F7')
  await expect(page.getByTestId('article-body')).toBeFocused()
  const selected = (): Promise<string> => page.evaluate(() => window.getSelection()?.toString() ?? '')
  for (let i = 0; i < 6 && !(await selected()).includes('harbour master'); i++) await page.keyboard.press('ArrowDown')
  expect(await selected()).toBe('The harbour master said the winter crossings would double if both sides agreed.')
  await page.screenshot({ path: screenshotPath('keyboard-selection') })
  await page.keyboard.press('1')
  await expect.poll(async () => (await call<Highlight[]>(page, 'highlights.list', { articleId: article.id })).length).toBe(1)
  const [highlight] = await call<Highlight[]>(page, 'highlights.list', { articleId: article.id })
  expect(highlight!.exact).toBe('The harbour master said the winter crossings would double if both sides agreed.')

  // Open the highlight from the coding panel; its popover takes focus; quote it in a new note.
  await tabTo(page, 'button.passage')
  await page.keyboard.press('Enter')
  const popover = page.getByRole('dialog', { name: 'Highlight' })
  await expect(popover).toBeVisible()
  await expect.poll(() => popover.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  await tabTo(page, '.quote-in-note > button')
  await page.keyboard.press('Enter')
  await tabTo(page, '[role=menuitem]')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Quoted in' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(popover).toBeHidden()

  // The note, by name from the palette, holds the quote.
  await page.keyboard.press('Control+k')
  await page.keyboard.type('Untitled note')
  await expect(page.locator('[role=option]').filter({ hasText: 'Untitled note' }).first()).toBeVisible()
  while (!(await active.textContent())?.includes('Untitled note')) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.locator('.notes-layout')).toContainText('winter crossings would double')
  await page.screenshot({ path: screenshotPath('keyboard-note') })

  // Export from the palette; the dialog has focus in its folder field.
  const out = mkdtempSync(join(tmpdir(), 'parley-keys-vault-'))
  await page.keyboard.press('Control+k')
  await page.keyboard.type('export')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Export notebook' })
  await expect(dialog.getByRole('textbox', { name: 'Export folder' })).toBeFocused()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(out)
  await tabTo(page, '.export-dialog button.primary')
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('export-summary')).toContainText('written')
  const notes = readdirSync(join(out, 'notes')).map((f) => readFileSync(join(out, 'notes', f), 'utf8'))
  expect(notes.some((n) => n.includes('winter crossings would double'))).toBe(true)
  expect(mouse).toBe(0)
})
