import type { Locator } from '@playwright/test'
import { call, expect, shots, test } from './fixtures'

interface Highlight {
  id: number
  articleId: number
  start: number
  end: number
  exact: string
  themeId: number | null
}

/** Selects the first `words` words of an element's text as a user's drag would, and lets go. */
async function selectWords(el: Locator, words: number): Promise<string> {
  return el.evaluate((node, n) => {
    const text = node.firstChild as Text
    const chosen = text.data.split(' ').slice(0, n).join(' ')
    const range = document.createRange()
    range.setStart(text, 0)
    range.setEnd(text, chosen.length)
    const s = window.getSelection()!
    s.removeAllRanges()
    s.addRange(range)
    node.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    return chosen
  }, words)
}

// Issue 18, item 4: selection in the Passages view codes as in the Reader (toolbar, keys 1–9, undo).
test('words selected in a Passages mention are coded with the toolbar and a number key, and Ctrl+Z takes it back', async ({
  page,
  parley,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(parley.url)
  const themes = await call<Array<{ id: number; name: string }>>(page, 'themes.list', {})
  const staffing = themes.find((t) => t.name === 'Embassy staffing')!
  const key = themes.indexOf(staffing) + 1
  await page.evaluate((h) => (location.hash = h), `#/passages/${staffing.id}`)
  const mention = page.getByRole('region', { name: 'Mentioned, not coded' }).getByTestId('mention-text').first()
  await expect(mention).toBeVisible({ timeout: 15_000 })

  const chosen = await selectWords(mention, 5)
  const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' })
  await expect(toolbar).toBeVisible()
  await expect(toolbar.getByRole('button', { name: /Embassy staffing/ })).toBeVisible()
  await shots(page, 'loops-passages-selection')

  const articles = await call<Array<{ id: number }>>(page, 'articles.list', {})
  const all = async (): Promise<Highlight[]> =>
    (await Promise.all(articles.map((a) => call<Highlight[]>(page, 'highlights.list', { articleId: a.id })))).flat()
  const before = (await all()).length
  await page.keyboard.press(String(key))
  await expect(toolbar).toHaveCount(0)
  await expect.poll(async () => (await all()).length).toBe(before + 1)
  const made = (await all()).find((h) => h.exact === chosen)
  expect(made?.themeId).toBe(staffing.id)
  // The new passage is listed among the theme's coded passages.
  await expect(page.getByRole('list', { name: 'Passages' }).getByTestId('passage-text').filter({ hasText: chosen })).toBeVisible()

  // Undo, as in the Reader.
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await all()).length).toBe(before)
  await expect(page.getByRole('list', { name: 'Passages' }).getByTestId('passage-text').filter({ hasText: chosen })).toHaveCount(0)
})
