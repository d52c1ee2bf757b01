import { call, expect, test } from './fixtures'

// Issue 18, trust: one 150-file import once reported "150 already in library" while adding 150
// new articles. Every status the import panel reports must agree with what the store holds.

const CITIES = ['Oslo', 'Lisbon', 'Tallinn', 'Valletta', 'Riga', 'Porto', 'Gdansk', 'Bergen', 'Turku', 'Split']
const TOPICS = ['ferry timetables', 'harbour dredging', 'tram depots', 'library hours', 'bridge repairs', 'school meals']

function article(i: number): { name: string; text: string; title: string } {
  const city = CITIES[i % CITIES.length]!
  const topic = TOPICS[i % TOPICS.length]!
  const title = `${city} council report ${i + 1} on ${topic}`
  const text = `${title}

${city}: The council published report number ${i + 1} on ${topic} on Tuesday, after ${i + 3} months of hearings with residents and ${(i * 7) % 41} local firms.

Officials said the plan for ${topic} would cost about ${(i + 2) * 1.5} million and take ${(i % 5) + 2} years, and that the first works would begin in district ${(i % 9) + 1} next spring.

Residents who spoke at the final hearing, the ${i + 1}th of the series, asked for weekly updates and for the ${topic} budget to be published in full.
`
  return { name: `report-${String(i + 1).padStart(3, '0')}.${i % 3 === 0 ? 'md' : 'txt'}`, text, title }
}

test('a 150-file import through the file picker reports every file as the store has it', async ({ page, parley }) => {
  test.setTimeout(180_000)
  await page.goto(parley.url)
  const before = await call<Array<{ id: number }>>(page, 'articles.list', {})
  // Every import call carries its own requestId (a resent call is then answered, not re-run).
  const ids: unknown[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('/api/articles.import')) ids.push((JSON.parse(r.postData() ?? '{}') as { requestId?: unknown }).requestId)
  })
  const files = Array.from({ length: 150 }, (_, i) => article(i))
  await page
    .getByTestId('file-picker')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })))
  const panel = page.getByTestId('import-panel')
  await expect(panel).toContainText('150 imported, 0 already in library, 0 failed', { timeout: 120_000 })

  // Each reported row against the store: an imported file names a new article with its title.
  const after = await call<Array<{ id: number; title: string; sourceName: string }>>(page, 'articles.list', {})
  expect(after).toHaveLength(before.length + 150)
  const known = new Set(before.map((a) => a.id))
  const added = after.filter((a) => !known.has(a.id))
  const rows = panel.locator('.import-results li')
  await expect(rows).toHaveCount(150)
  const reported = await rows.evaluateAll((lis) =>
    lis.map((li) => ({
      status: li.querySelector('.status')?.textContent,
      file: li.querySelector('.file')?.textContent,
      href: li.querySelector('.detail a')?.getAttribute('href'),
    })),
  )
  for (const f of files) {
    const row = reported.find((r) => r.file === f.name)
    expect(row, f.name).toBeDefined()
    expect(row!.status, f.name).toBe('Imported')
    const stored = added.find((a) => `#/article/${a.id}` === row!.href)
    expect(stored?.title, f.name).toBe(f.title)
  }
  expect(new Set(reported.map((r) => r.href)).size).toBe(150)
  expect(ids.length).toBeGreaterThan(0)
  expect(ids.every((id) => typeof id === 'string' && /^[\w-]{8,64}$/.test(id))).toBe(true)
  expect(new Set(ids).size).toBe(ids.length)
})

test('the bridge answers a resent import call with what the first one stored', async ({ page, parley }) => {
  await page.goto(parley.url)
  const f = article(500)
  const input = { files: [{ name: f.name, data: Buffer.from(f.text).toString('base64') }], requestId: 'resend-test-0001' }
  // Both sent at once, as a browser's resend would overlap a slow first call.
  const [first, second] = await Promise.all([
    call<Array<{ status: string; id: number }>>(page, 'articles.import', input),
    call<Array<{ status: string; id: number }>>(page, 'articles.import', input),
  ])
  const third = await call<Array<{ status: string; id: number }>>(page, 'articles.import', input)
  expect(first.map((r) => r.status)).toEqual(['imported'])
  expect(second).toEqual(first)
  expect(third).toEqual(first)
  const other = await call<Array<{ status: string; id: number }>>(page, 'articles.import', { ...input, requestId: 'resend-test-0002' })
  expect(other.map((r) => [r.status, r.id])).toEqual([['duplicate', first[0]!.id]])
})
