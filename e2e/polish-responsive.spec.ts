import type { Page } from '@playwright/test'
import { call, expect, screenshotPath, test } from './fixtures'

interface Summary {
  id: number
}
interface Theme {
  id: number
}

/** Text cut short on screen (overflowing its box) with no tooltip on it or an ancestor. */
async function clippedWithoutTooltip(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *, header *'))) {
      const style = getComputedStyle(el)
      if (style.textOverflow !== 'ellipsis' || el.scrollWidth <= el.clientWidth + 1 || !el.textContent?.trim()) continue
      if (!el.closest('[title]') && !el.querySelector('[title]'))
        out.push(`${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 40)}`)
    }
    // Placeholders wider than their field.
    for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('main input[placeholder], header input[placeholder]'))) {
      if (input.offsetParent === null || input.value) continue
      const ctx = document.createElement('canvas').getContext('2d')!
      const style = getComputedStyle(input)
      ctx.font = `${style.fontSize} ${style.fontFamily}`
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      if (ctx.measureText(input.placeholder).width > room + 2 && !input.title) out.push(`placeholder: ${input.placeholder}`)
    }
    return out
  })
}

test('at 1024x640 and 800x700 every view fits the window, nothing is cut without a tooltip, and the Matrix keeps its headers in sight', async ({
  page,
  parley,
}) => {
  test.setTimeout(240_000)
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr').first()).toBeVisible()
  const [a, b] = await call<Summary[]>(page, 'articles.list', {})
  const [theme] = await call<Theme[]>(page, 'themes.list', {})
  await call(page, 'notes.create', { title: 'A rather long note title that will not fit in the narrow list of notes' })
  const problems: string[] = []
  for (const size of [
    { width: 1024, height: 640 },
    { width: 800, height: 700 },
  ]) {
    await page.setViewportSize(size)
    for (const [name, hash] of [
      ['library', '#/library'],
      ['reader', `#/article/${a!.id}`],
      ['compare', `#/compare/${a!.id},${b!.id}`],
      ['matrix', '#/matrix'],
      ['timeline', '#/timeline'],
      ['notes', '#/notes'],
      ['themes', '#/themes'],
      ['passages', `#/passages/${theme!.id}`],
    ] as const) {
      await page.evaluate((h) => (location.hash = h), hash)
      await page.waitForTimeout(500)
      await page.screenshot({ path: screenshotPath(`responsive-${name}-${size.width}`) })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      if (overflow > 0) problems.push(`${name} ${size.width}: the page is ${overflow}px wider than the window`)
      for (const p of await clippedWithoutTooltip(page)) problems.push(`${name} ${size.width}: ${p}`)
    }
  }
  expect(problems).toEqual([])

  // Matrix at 800 with more rounds and themes than fit: scrolled right and down, the round column
  // and the theme row stay in place.
  for (const name of ['Sanctions', 'Prisoner exchange', 'Arms control']) await call(page, 'themes.create', { name })
  for (let i = 0; i < 20; i++)
    await call(page, 'rounds.restore', {
      id: 5000 + i,
      title: `Round ${i + 1} of the talks`,
      date: `2024-0${(i % 9) + 1}-1${i % 9}`,
      venue: null,
      participants: [],
      summary: '',
      status: 'accepted',
      reasons: [],
      edited: ['date'],
      createdAt: new Date().toISOString(),
      articles: [],
      excluded: [],
    })
  await page.evaluate(() => (location.hash = '#/matrix'))
  await page.reload()
  const main = page.locator('.matrix-main')
  await expect(page.getByRole('rowheader').first()).toBeVisible()
  await main.evaluate((el) => el.scrollTo({ left: 400, top: 900 }))
  await page.waitForTimeout(300)
  await page.screenshot({ path: screenshotPath('responsive-matrix-scrolled-800') })
  const mainBox = (await main.boundingBox())!
  // The round headers in view sit at the left edge; the theme headers at the top edge.
  const lefts = await page.getByRole('rowheader').evaluateAll((els) =>
    els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.bottom > 200 && r.top < 700)
      .map((r) => r.left),
  )
  expect(lefts.length).toBeGreaterThan(0)
  for (const x of lefts) expect(Math.abs(x - mainBox.x)).toBeLessThan(2)
  const head = (await page.getByRole('columnheader').nth(1).boundingBox())!
  expect(Math.abs(head.y - mainBox.y)).toBeLessThan(2)
})
