import { expect, screenshotPath, test } from './fixtures'

test('needs attention lists undated articles; details can be added, survive re-clean, and be reverted; Original shows what was removed', async ({
  page,
  parley,
}) => {
  await page.goto(parley.url)
  await page.getByRole('combobox', { name: 'Filter by theme' }).selectOption('attention')
  const rows = page.locator('table.articles tbody tr')
  const before = await rows.count()
  expect(before).toBeGreaterThan(0)
  await expect(rows.first().locator('.attention').first()).toBeVisible()
  await page.screenshot({ path: screenshotPath('library-needs-attention') })

  const title = await rows.first().locator('td.col-title a').innerText()
  await rows.first().locator('td.col-title a').click()
  await expect(page.locator('.meta')).toContainText('Date not found')
  await page.getByRole('button', { name: 'Add missing details' }).click()
  const form = page.getByRole('form', { name: 'Article details' })
  await form.getByLabel('Outlet').fill('Test Outlet')
  await form.getByLabel('Published').fill('2025-02-28')
  await page.screenshot({ path: screenshotPath('reader-edit-details') })
  await form.getByRole('button', { name: 'Save details' }).click()
  await expect(page.locator('.meta')).toContainText('Test Outlet')
  await expect(page.locator('.meta')).toContainText('2025')

  // Re-clean keeps the edit.
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await page.getByRole('button', { name: 'Re-clean' }).click()
  // The app's own dialog asks (a re-clean cannot be undone); Escape would cancel it.
  const ask = page.getByRole('dialog', { name: 'Clean every article again?' })
  await expect(ask.getByRole('button', { name: 'Re-clean all' })).toBeFocused()
  await ask.getByRole('button', { name: 'Re-clean all' }).click()
  await expect(ask).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: /Re-cleaned 5 articles/ })).toBeVisible()
  await page.getByRole('combobox', { name: 'Filter by theme' }).selectOption('attention')
  await expect(rows).toHaveCount(before - 1)
  await page.getByRole('combobox', { name: 'Filter by theme' }).selectOption('')
  await page.getByRole('link', { name: title }).click()
  await expect(page.locator('.meta')).toContainText('Test Outlet')

  // Undo the edit with Ctrl+Z? The re-clean came after; revert explicitly instead.
  await page.getByRole('button', { name: 'Edit details' }).click()
  await page.getByRole('form', { name: 'Article details' }).getByRole('button', { name: 'edited · revert' }).first().click()
  await expect(page.locator('.meta')).not.toContainText('Test Outlet')

  await page.getByRole('button', { name: 'Original' }).click()
  const removed = page.getByRole('region', { name: 'Removed by cleaning' })
  await expect(removed).toBeVisible()
  await expect(page.getByTestId('original')).toBeVisible()
  await page.screenshot({ path: screenshotPath('reader-original-removed') })
})
