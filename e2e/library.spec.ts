import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, screenshotPath, test } from './fixtures'

const seeds = join(__dirname, '..', 'seeds')

test('first run opens a notebook with the seeds imported, and the token leaves the address bar', async ({ page, parley }) => {
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr')).toHaveCount(readdirSync(seeds).length)
  expect(page.url()).toBe(`${parley.origin}/`)
  expect(page.url()).not.toContain('t=')
  await expect(page.locator('.notebook')).toContainText('5 articles')
  await expect(page.getByRole('link', { name: 'U.S., Russian Diplomats Meet in Helsinki to Discuss Relations' })).toBeVisible()
  await page.screenshot({ path: screenshotPath('library-1280') })
  // Zero network beyond our own origin.
  expect(requests.filter((u) => !u.startsWith(parley.origin))).toEqual([])
  // The renderer has no Node.
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
  expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined')
})

test('search shows highlighted snippets, and an article opens in the Reader with its original one click away', async ({ page, parley }) => {
  await page.goto(parley.url)
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('flights')
  const hits = page.getByRole('list', { name: 'Search results' }).locator('li')
  await expect(hits.first()).toBeVisible()
  expect(await hits.count()).toBeGreaterThanOrEqual(2)
  await expect(hits.first().locator('mark').first()).toHaveText(/flights/i)
  await page.screenshot({ path: screenshotPath('search-1280') })

  await page.getByRole('searchbox', { name: 'Search articles' }).fill('zzzqqq')
  await expect(page.getByText('No articles match “zzzqqq”')).toBeVisible()

  await page.getByRole('searchbox', { name: 'Search articles' }).fill('"direct flights"')
  await hits.first().locator('a').click()
  await expect(page.locator('#article-title')).toBeVisible()
  const body = page.getByTestId('article-body')
  await expect(body).toContainText('direct flights')
  const paragraphs = await body.locator('p').count()
  expect(paragraphs).toBeGreaterThan(1)
  await page.screenshot({ path: screenshotPath('reader-1280'), fullPage: false })

  await page.getByRole('button', { name: 'Original' }).click()
  await expect(page.getByTestId('original')).toBeVisible()
  await page.getByRole('button', { name: 'Clean text' }).click()
  await page.getByRole('link', { name: '← Library' }).click()
  await expect(page.locator('table.articles')).toBeVisible()
})

test('sorting by column reorders the library', async ({ page, parley }) => {
  await page.goto(parley.url)
  const titles = page.locator('table.articles tbody td.col-title')
  await expect(titles).toHaveCount(5)
  await page.getByRole('button', { name: /^Title/ }).click()
  const sorted = (list: string[]): string[] => [...list].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }))
  await expect
    .poll(async () => {
      const shown = await titles.allInnerTexts()
      return shown.join('\n') === sorted(shown).join('\n')
    })
    .toBe(true)
  const asc = await titles.allInnerTexts()
  await page.getByRole('button', { name: /^Title/ }).click()
  // Polled: the list comes back from the core after the click (a loaded machine read the old order).
  await expect.poll(() => titles.allInnerTexts()).toEqual([...asc].reverse())
  await page.getByRole('button', { name: /^Words/ }).click()
  await expect(page.locator('th.col-words')).toHaveAttribute('aria-sort', 'descending')
})

test('importing by file picker reports each file, and hostile HTML is shown as text and never runs', async ({ page, parley }) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const outside: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith(parley.origin)) outside.push(r.url())
  })
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr')).toHaveCount(5)
  const hostile = `<!doctype html><html><head><title>Library opens late-night reading room</title>
<script>window.__pwned = 1; alert('script ran')</script><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>
<body><article><h1>Library opens late-night reading room</h1>
<p>The central library will keep its reading room open until midnight from next month, the city said on Wednesday, after students asked for more quiet space.</p>
<p>Staff said the late opening would be reviewed after six months. <img src="http://127.0.0.1:9/p.png" onerror="window.__pwned=2;alert(2)"></p>
<p>The text &lt;img src=x onerror=alert(3)&gt; is part of the article and must appear as written.</p></article></body></html>`
  await page.getByTestId('file-picker').setInputFiles([
    { name: 'reading-room.html', mimeType: 'text/html', buffer: Buffer.from(hostile) },
    { name: 'picture.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) },
    { name: 'again.txt', mimeType: 'text/plain', buffer: readFileSync(join(seeds, readdirSync(seeds)[0] as string)) },
  ])
  const panel = page.getByTestId('import-panel')
  await expect(panel).toContainText('1 imported, 1 already in library, 1 failed')
  await expect(panel.locator('.status-failed')).toContainText('The file is a PNG image, not text.')
  await page.screenshot({ path: screenshotPath('import-results-1280') })
  await expect(page.locator('table.articles tbody tr')).toHaveCount(6)

  await panel.getByRole('link', { name: 'Library opens late-night reading room' }).click()
  await expect(page.getByTestId('article-body')).toContainText('The text <img src=x onerror=alert(3)> is part of the article')
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
  expect(await page.locator('.body img, .body script').count()).toBe(0)
  expect(dialogs).toEqual([])
  expect(outside).toEqual([])
})

test('an unknown article and a link without the token show clear messages', async ({ page, parley }) => {
  await page.goto(parley.url)
  await page.goto(`${parley.origin}/#/article/9999`)
  await expect(page.getByText('This article cannot be shown')).toBeVisible()
  await expect(page.getByText('The article was not found.')).toBeVisible()
  await page.screenshot({ path: screenshotPath('reader-missing') })

  const stranger = await page.context().browser()!.newPage()
  await stranger.goto(parley.origin + '/')
  await expect(stranger.getByText('This Parley link has expired')).toBeVisible()
  await stranger.close()
})

test('narrow window and dark mode stay readable', async ({ page, parley }) => {
  await page.setViewportSize({ width: 640, height: 800 })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr')).toHaveCount(5)
  await page.screenshot({ path: screenshotPath('library-narrow-dark') })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.locator('table.articles tbody td.col-title a').first().click()
  await expect(page.getByTestId('article-body')).toBeVisible()
  await page.screenshot({ path: screenshotPath('reader-narrow-dark') })
})

test('a long library keeps only the rows near the viewport in the DOM and scrolls to its last article', async ({ page, parley }) => {
  test.setTimeout(120_000)
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr')).toHaveCount(5)
  const n = 400
  const files = Array.from({ length: n }, (_, i) => {
    const id = String(i + 1).padStart(4, '0')
    const text = `Zulu report ${id}\n\nThe delegation met for round ${id} of the talks on consular staffing, and both sides said the meeting number ${id} had been useful.\n`
    return { name: `zulu-${id}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) }
  })
  // All at once: the renderer splits them into calls of at most 200 files (the contract's cap).
  await page.getByTestId('file-picker').setInputFiles(files)
  await expect(page.locator('table.articles')).toHaveAttribute('aria-rowcount', String(5 + n + 1), { timeout: 90_000 })
  await expect(page.getByText(/400 imported/)).toBeVisible()
  await page.getByRole('button', { name: /^Title/ }).click()
  await expect(page.locator('th.col-title')).toHaveAttribute('aria-sort', 'ascending')
  const titles = page.locator('table.articles tbody td.col-title')
  // Windowed: far fewer rows than articles; aria-rowcount says how many there are.
  expect(await titles.count()).toBeLessThan(100)
  await page.locator('.content').evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(titles.last()).toHaveText('Zulu report 0400')
  expect(await titles.count()).toBeLessThan(100)
  await expect(titles.last()).toBeInViewport()
  // And back to the top.
  await page.locator('.content').evaluate((el) => (el.scrollTop = 0))
  await expect(page.locator('table.articles tbody tr').first().locator('td.col-title')).toBeInViewport()
})
