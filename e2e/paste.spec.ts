// Issue 17 ("also seen"): pasting HTML into a note made live elements that only the CSP stopped.
// The clipboard's HTML is cleaned before Lexical sees it; the saved note holds no style or script link.
import { call, expect, test } from './fixtures'

const HOSTILE = [
  '<meta charset="utf-8"><b style="font-weight:normal" id="docs-internal-guid-1">',
  '<p style="position:fixed;inset:0;z-index:99999;background:white" onclick="window.__pwned=1">Session expired <b>sign in</b></p>',
  '<img src="x" onerror="window.__pwned=2"><svg onload="window.__pwned=3"><text>svg text</text></svg>',
  '<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe><script>window.__pwned=5</script><style>body{display:none}</style>',
  '<p><a href="javascript:window.__pwned=6">js link</a> and <a href="https://example.org/ok" style="color:red">web link</a></p>',
  '<ul><li><span style="font-size:90px">big item</span></li></ul></b>',
].join('')

test('pasting hostile HTML into a note keeps its text and structure, and nothing else', async ({ page, parley }) => {
  await page.goto(parley.url)
  await page.getByRole('link', { name: 'Notes', exact: true }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill('Pasted')
  await page.getByRole('textbox', { name: 'Note title' }).press('Enter')
  const editor = page.getByTestId('note-editor')
  await editor.click()
  await editor.evaluate((el, html) => {
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', 'Session expired sign in')
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, HOSTILE)
  await expect(editor).toContainText('Session expired')
  await expect(editor).toContainText('big item')
  await expect(editor).toContainText('web link')
  // No element of the paste is live, no inline style reached the page, nothing ran.
  expect(await editor.locator('img, svg, iframe, script, style, [onclick], [onerror], [style]').count()).toBe(0)
  expect(await editor.locator('a[href^="javascript"]').count()).toBe(0)
  expect(await editor.locator('a[href="https://example.org/ok"]').count()).toBe(1)
  // The Google Docs wrapper did not make everything bold; the real <b> is.
  expect(await editor.locator('strong, b, .ed-bold').allInnerTexts()).toEqual(['sign in'])
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  // Saved (autosave), the note holds no style and no script link.
  const saved = async (): Promise<string> => {
    const notes = await call<Array<{ id: number }>>(page, 'notes.list', {})
    return JSON.stringify((await call<{ content: unknown }>(page, 'notes.get', { id: notes[0]!.id })).content)
  }
  await expect.poll(saved, { timeout: 10_000 }).toContain('big item')
  expect(await saved()).not.toMatch(/javascript:|position:fixed|font-size/)
})

test('a paste in Lexical’s own clipboard format (which carries inline styles) is not taken as it is', async ({ page, parley }) => {
  await page.goto(parley.url)
  await page.getByRole('link', { name: 'Notes', exact: true }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill('Pasted from Lexical')
  await page.getByRole('textbox', { name: 'Note title' }).press('Enter')
  const notes = await call<Array<{ id: number }>>(page, 'notes.list', {})
  const editor = page.getByTestId('note-editor')
  await editor.click()
  const overlay = 'position:fixed;inset:0;z-index:99999;background:white;font-size:40px'
  await editor.evaluate(
    (el, [namespace, style]) => {
      const text = { type: 'text', text: 'Session expired: sign in again', version: 1, format: 0, detail: 0, mode: 'normal', style }
      const data = new DataTransfer()
      data.setData('application/x-lexical-editor', JSON.stringify({ namespace, nodes: [text] }))
      data.setData('text/plain', 'Session expired: sign in again')
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    [`note-${notes[0]!.id}`, overlay] as const,
  )
  await expect(editor).toContainText('Session expired: sign in again')
  expect(await editor.locator('[style]').count()).toBe(0)
})
