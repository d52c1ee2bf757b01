import { expect, screenshotPath, test } from './fixtures'

test('a call that gets no answer says Parley is not running and offers Try again (a ClientError by code reaches the toast)', async ({
  page,
  parley,
}) => {
  await page.goto(parley.url)
  await page.getByRole('link', { name: 'Matrix', exact: true }).click()
  const link = page.getByTestId('matrix-row').first().getByRole('link').first()
  await link.click()
  const panel = page.getByRole('complementary', { name: 'Round' })
  await expect(panel).toBeVisible()
  // Stop the real server under the open page: the next call has no answer.
  const exited = new Promise((resolve) => parley.process.once('exit', resolve))
  parley.process.kill('SIGTERM')
  await exited
  await panel.getByRole('button', { name: 'Delete round' }).click()
  const toast = page.getByRole('alert').filter({ hasText: 'Parley is not running any more' })
  await expect(toast).toBeVisible()
  await expect(toast.getByRole('button', { name: 'Try again' })).toBeVisible()
  await page.screenshot({ path: screenshotPath('error-offline-1280') })
  await page.setViewportSize({ width: 800, height: 700 })
  await page.screenshot({ path: screenshotPath('error-offline-800') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: screenshotPath('error-offline-800-dark') })
  // It stays (its button must not vanish mid-read) until tried again or dismissed.
  await page.waitForTimeout(5500)
  await expect(toast).toBeVisible()
  await toast.getByRole('button', { name: 'Try again' }).click()
  // Still no answer: the same toast comes back.
  await expect(page.getByRole('alert').filter({ hasText: 'Parley is not running any more' })).toBeVisible()
})
