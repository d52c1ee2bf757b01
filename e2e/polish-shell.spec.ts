import { expect, screenshotPath, test } from './fixtures'

test('first run: the welcome says what Parley does and three next steps; dismissed once, it stays away', async ({ page, parley }) => {
  await page.goto(parley.url)
  const welcome = page.getByRole('region', { name: 'Welcome to Parley' })
  await expect(welcome).toBeVisible()
  await expect(welcome.getByRole('listitem')).toHaveCount(3)
  // Missing details are an invitation, not a wall of warnings.
  await expect(page.getByRole('link', { name: 'Add date' }).first()).toBeVisible()
  await page.screenshot({ path: screenshotPath('welcome-1280') })
  await page.setViewportSize({ width: 800, height: 700 })
  await page.screenshot({ path: screenshotPath('welcome-800') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: screenshotPath('welcome-800-dark') })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
  await welcome.getByRole('link', { name: 'Articles without a date' }).click()
  await expect(page.getByRole('combobox', { name: 'Filter by theme' })).toHaveValue('attention')
  await page.getByRole('button', { name: 'Got it' }).click()
  await expect(welcome).toBeHidden()
  await page.reload()
  await expect(page.locator('table.articles tbody tr').first()).toBeVisible()
  await expect(welcome).toBeHidden()
})

test('command palette: Ctrl+K opens it with focus, finds views, actions and articles by name, Escape returns focus', async ({
  page,
  parley,
}) => {
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr').first()).toBeVisible()
  const search = page.getByRole('searchbox', { name: 'Search articles' })
  await search.focus()
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  const input = palette.getByRole('combobox')
  await expect(input).toBeFocused()
  await page.screenshot({ path: screenshotPath('palette-1280') })
  // Tab stays inside.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(input).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(palette).toBeHidden()
  await expect(search).toBeFocused()

  // A view by name.
  await page.keyboard.press('Control+p')
  await page.keyboard.type('timel')
  await expect(palette.getByRole('option').first()).toContainText('Timeline')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/timeline$/)

  // An article by a word of its title (from the notebook), then it is among the recent ones.
  const title = await page.evaluate(async () => {
    const r = await fetch('/api/articles.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Parley-Token': sessionStorage.getItem('parley.session') ?? '' },
      body: '{}',
    })
    return ((await r.json()) as Array<{ title: string }>)[0]!.title
  })
  const word = title
    .split(/\s+/)
    .find((w) => w.length > 5)!
    .replace(/[^\p{L}\p{N}]/gu, '')
  await page.keyboard.press('Control+k')
  await page.keyboard.type(word)
  await expect(palette.getByRole('option', { name: title })).toBeVisible()
  await palette.getByRole('option', { name: title }).click()
  await expect(page).toHaveURL(/#\/article\/\d+/)
  await page.keyboard.press('Control+k')
  await expect(palette.getByRole('option').first()).toContainText(title)
  await page.screenshot({ path: screenshotPath('palette-recent') })
  await page.keyboard.type('passages')
  await expect(palette.getByRole('option', { name: /^Passages: / }).first()).toBeVisible()
  await page.keyboard.press('Escape')

  // Keys for each view; ? lists every shortcut in a dialog that takes focus.
  await page.locator('body').click({ position: { x: 5, y: 400 } })
  await page.keyboard.press('Alt+3')
  await expect(page).toHaveURL(/#\/matrix$/)
  await page.keyboard.press('Alt+6')
  await expect(page).toHaveURL(/#\/themes$/)
  await page.keyboard.press('Shift+?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused()
  await page.screenshot({ path: screenshotPath('shortcuts-1280') })
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
})

test('narrow window: the views fold into a menu that takes focus and lists every view', async ({ page, parley }) => {
  await page.setViewportSize({ width: 800, height: 700 })
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr').first()).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden()
  const button = page.getByRole('button', { name: /Library/ })
  await button.click()
  const menu = page.getByRole('navigation', { name: 'Views' })
  await expect(menu.getByRole('link')).toHaveCount(7)
  await expect(menu.getByRole('link', { name: /Library/ })).toBeFocused()
  await page.screenshot({ path: screenshotPath('nav-menu-800') })
  await page.keyboard.press('Escape')
  await expect(button).toBeFocused()
  await button.click()
  await menu.getByRole('link', { name: /Notes/ }).click()
  await expect(page).toHaveURL(/#\/notes/)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
