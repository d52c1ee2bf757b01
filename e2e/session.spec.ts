// Issue 17 F2, F13: the session key is not a cookie, so another server on 127.0.0.1 that the same
// browser visits receives nothing usable, a page on another port cannot lock Parley out by setting
// cookies, and two runs side by side in one browser both keep working.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { call, expect, startParley, stopParley, test } from './fixtures'

function otherServer(seen: IncomingHttpHeaders[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    seen.push(req.headers)
    // A page that tosses cookies at 127.0.0.1 (they ignore ports), as a hostile local page would.
    res.writeHead(200, {
      'Content-Type': 'text/html',
      'Set-Cookie': ['parley_token=junk; Path=/api', 'parley_token=junk2; Path=/', 'parley_session=junk; Path=/'],
    })
    res.end('<!doctype html><title>other</title><script>document.cookie = "parley_token=junk3; path=/api"</script>')
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  )
}

test('another local server gets no key, tossed cookies lock nobody out, two runs side by side both work', async ({ page, parley }) => {
  await page.goto(parley.url)
  await expect(page.locator('table.articles tbody tr').first()).toBeVisible()
  const key = await page.evaluate(() => sessionStorage.getItem('parley.session'))
  expect(key).toBeTruthy()
  expect(await page.context().cookies()).toEqual([])

  const seen: IncomingHttpHeaders[] = []
  const other = await otherServer(seen)
  const second = await startParley()
  try {
    // The same browser visits another server on 127.0.0.1: it receives no Parley cookie, nothing with the key.
    const stranger = await page.context().newPage()
    await stranger.goto(`${other.origin}/`)
    await stranger.goto(`${other.origin}/again`)
    expect(seen.length).toBeGreaterThan(0)
    for (const headers of seen) expect(JSON.stringify(headers)).not.toContain(key!)
    await stranger.close()

    // Parley still works after the tossing, and after a reload (the key stays in the tab).
    expect((await call<{ articles: number }>(page, 'notebook.info', {})).articles).toBeGreaterThan(0)
    await page.reload()
    await expect(page.locator('table.articles tbody tr').first()).toBeVisible()
    expect((await call<{ articles: number }>(page, 'notebook.info', {})).articles).toBeGreaterThan(0)

    // A second run in the same browser: both tabs keep their own key and both work.
    const tab = await page.context().newPage()
    await tab.goto(second.url)
    await expect(tab.locator('table.articles tbody tr').first()).toBeVisible()
    expect((await call<{ articles: number }>(tab, 'notebook.info', {})).articles).toBeGreaterThan(0)
    expect((await call<{ articles: number }>(page, 'notebook.info', {})).articles).toBeGreaterThan(0)
    // The first run's launch link, opened again in a new tab, is spent.
    const replay = await page.context().newPage()
    await replay.goto(parley.url)
    await expect(replay.getByText('This Parley link has expired')).toBeVisible()
    await Promise.all([tab.close(), replay.close()])
  } finally {
    other.server.close()
    await stopParley(second)
  }
})
