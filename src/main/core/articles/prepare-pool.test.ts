import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPrepareWorker } from '../../../../tests/reliability/build'
import { openNotebook } from '../notebook'
import { prepareArticle } from './prepare'
import { createPreparePool } from './prepare-pool'
import { storeArticle } from './import'

const seeds = join(__dirname, '..', '..', '..', '..', 'seeds')
const page = (paragraphs: number): string =>
  `<!doctype html><html><head><title>Harbour works resume | Coast Post</title></head><body><nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>Harbour works resume</h1>${Array.from(
    { length: paragraphs },
    (_, i) => `<p>Paragraph ${i}: the council said the harbour works would resume next week after a pause of two months.</p>`,
  ).join('')}</article></body></html>`

let script: string
let dir: string

beforeAll(async () => {
  script = await buildPrepareWorker()
  dir = mkdtempSync(join(tmpdir(), 'parley-pool-'))
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the prepare pool (worker threads)', () => {
  it('prepares exactly what preparing in process gives, for text, Markdown and HTML, from bytes or from a path', async () => {
    const pool = createPreparePool({ script, size: 2 })
    try {
      const seed = join(seeds, readdirSync(seeds).sort()[1] as string)
      const files = [
        { name: 'seed.txt', bytes: readFileSync(seed) },
        {
          name: 'note.md',
          bytes: Buffer.from('---\ntitle: Harbour works resume\n---\n\nThe council said the works would resume next week.\n'),
        },
        { name: 'page.html', bytes: Buffer.from(page(12)) },
      ]
      for (const file of files) expect(await pool.prepare(file)).toEqual(prepareArticle(file))
      expect(await pool.prepare(seed)).toEqual(prepareArticle({ name: seed, bytes: readFileSync(seed) }))
      expect(pool.threaded).toBe(true)
    } finally {
      await pool.close()
    }
  })

  it('hands a large source text back as bytes, outside the main heap, and the store keeps it as the same text', async () => {
    const paragraph = 'The council said the harbour works would resume next week after a pause of two months. Ünïcödé stays whole.\n\n'
    const text = `Harbour works resume\n\n${paragraph.repeat(Math.ceil((1.5 * 2 ** 20) / paragraph.length))}`
    const pool = createPreparePool({ script, size: 1 })
    try {
      const prepared = await pool.prepare({ name: 'big.txt', bytes: Buffer.from(text) })
      expect(prepared.raw).toBeInstanceOf(Uint8Array)
      expect(Buffer.from(prepared.raw as Uint8Array).toString('utf8')).toBe(
        prepareArticle({ name: 'big.txt', bytes: Buffer.from(text) }).raw,
      )
    } finally {
      await pool.close()
    }
    // Stored as the bytes came: SQLite keeps them as the same text.
    const notebook = openNotebook(join(dir, 'big.parley'))
    try {
      // prepareArticle gives the source as a string; only a worker's reply carries bytes.
      const bytes = new TextEncoder().encode(prepareArticle({ name: 'big.txt', bytes: Buffer.from(text) }).raw as string)
      const result = storeArticle(notebook.db, { ...prepareArticle({ name: 'big.txt', bytes: Buffer.from(text) }), raw: bytes })
      expect(result.status).toBe('imported')
      const row = notebook.db.prepare('SELECT typeof(raw) AS type, raw FROM articles WHERE id = ?').get(result.id) as {
        type: string
        raw: string
      }
      expect(row.type).toBe('text')
      expect(row.raw).toBe(prepareArticle({ name: 'big.txt', bytes: Buffer.from(text) }).raw)
    } finally {
      notebook.close()
    }
  })

  it('reports a refused file with its reason, as in process', async () => {
    const pool = createPreparePool({ script, size: 1 })
    try {
      const png = { name: 'photo.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) }
      const inProcess = (() => {
        try {
          prepareArticle(png)
        } catch (error) {
          return error as Error & { code: string }
        }
      })()
      await expect(pool.prepare(png)).rejects.toMatchObject({ code: inProcess?.code, message: inProcess?.message })
      await expect(pool.prepare(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await pool.close()
    }
  })

  it('stops a file past the time limit, says so, and goes on with a fresh worker', async () => {
    const pool = createPreparePool({ script, size: 1, timeoutMs: 5 })
    try {
      await expect(pool.prepare({ name: 'long.html', bytes: Buffer.from(page(20_000)) })).rejects.toThrow(/took longer than/)
    } finally {
      await pool.close()
    }
    const next = createPreparePool({ script, size: 1 })
    try {
      await expect(next.prepare({ name: 'short.html', bytes: Buffer.from(page(5)) })).resolves.toMatchObject({
        title: 'Harbour works resume',
      })
    } finally {
      await next.close()
    }
  })

  it('files queued behind a file that is stopped go on in a fresh worker, each with its own time limit', async () => {
    // 1.2 s: the fresh worker that takes over loads its modules and language data inside its first
    // file's limit, which a machine under load (CI runs test files in parallel) stretched past 0.4 s.
    const pool = createPreparePool({ script, size: 1, timeoutMs: 1_200 })
    try {
      // Warm the worker so the short files are well inside the limit.
      await pool.prepare({ name: 'warm.html', bytes: Buffer.from(page(5)) })
      const long = pool.prepare({ name: 'long.html', bytes: Buffer.from(page(120_000)) })
      const after = [1, 2, 3, 4].map((i) => pool.prepare({ name: `short-${i}.html`, bytes: Buffer.from(page(i)) }))
      await expect(long).rejects.toThrow(/took longer than 1 s/)
      const titles = (await Promise.all(after)).map((a) => a.title)
      expect(titles).toEqual(Array(4).fill('Harbour works resume'))
    } finally {
      await pool.close()
    }
  })

  it('rejects the files still waiting when it is closed, so no import waits forever', async () => {
    const pool = createPreparePool({ script, size: 1 })
    const waiting = [1, 2, 3, 4, 5].map((i) => pool.prepare({ name: `p-${i}.html`, bytes: Buffer.from(page(2_000)) }))
    const settling = Promise.allSettled(waiting)
    await pool.close()
    const settled = await settling
    expect(settled.every((s) => s.status === 'rejected')).toBe(true)
  })

  it('stops a file that needs more memory than the heap limit, and the next file still imports', async () => {
    // 24 MB: a fresh worker holds the language profiles and function-word lists (a few MB) before any file.
    const pool = createPreparePool({ script, size: 1, heapMb: 24 })
    try {
      await expect(pool.prepare({ name: 'huge.html', bytes: Buffer.from(page(60_000)) })).rejects.toThrow(/more than 24 MB of memory/)
      await expect(pool.prepare({ name: 'short.html', bytes: Buffer.from(page(5)) })).resolves.toMatchObject({
        title: 'Harbour works resume',
      })
    } finally {
      await pool.close()
    }
  })

  it('prepares in process when the worker script cannot start', async () => {
    const pool = createPreparePool({ script: join(dir, 'no-such-worker.js'), size: 1 })
    try {
      await expect(pool.prepare({ name: 'short.html', bytes: Buffer.from(page(5)) })).resolves.toMatchObject({
        title: 'Harbour works resume',
      })
      expect(pool.threaded).toBe(false)
    } finally {
      await pool.close()
    }
  })

  it('imports a folder through the workers: every file in order, a bad one reported alone, the same store as in process', async () => {
    const input = join(dir, 'in')
    mkdirSync(input)
    for (let i = 0; i < 30; i++)
      writeFileSync(
        join(input, `a${String(i).padStart(2, '0')}.txt`),
        `Council approves harbour plan ${i}\n\nThe council approved the harbour plan number ${i} on Tuesday after a long debate about costs and the schedule.\n`,
      )
    writeFileSync(join(input, 'a15b.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]))
    const results = []
    for (const prepareWorker of [script, undefined]) {
      const file = join(dir, `${prepareWorker ? 'pool' : 'plain'}.parley`)
      const notebook = openNotebook(file, { prepareWorker })
      try {
        const list = await notebook.importPaths([input])
        const rows = notebook.db.prepare('SELECT title, body, content_hash FROM articles ORDER BY id').all()
        results.push({ list: list.map((r) => [r.file, r.status, r.id ?? null, r.error ?? null]), rows })
      } finally {
        notebook.close()
      }
    }
    const [pool, plain] = results
    expect(pool?.list).toHaveLength(31)
    expect(pool?.list.filter((r) => r[1] === 'failed')).toEqual([[join(input, 'a15b.txt'), 'failed', null, expect.stringMatching(/ZIP/i)]])
    expect(pool).toEqual(plain)
  })

  it('a write made while an import runs through the workers is committed at once, never held in an import group', async () => {
    const input = join(dir, 'concurrent')
    mkdirSync(input)
    for (let i = 0; i < 120; i++)
      writeFileSync(
        join(input, `c${String(i).padStart(3, '0')}.txt`),
        `Council debates harbour plan ${i}\n\n${'The council debated the harbour plan on Tuesday after a long meeting about costs and the schedule. '.repeat(6)}${i}\n`,
      )
    const file = join(dir, 'concurrent.sqlite')
    const notebook = openNotebook(file, { prepareWorker: script })
    const other = new Database(file, { readonly: true })
    try {
      let done = false
      const importing = notebook.importPaths([input]).finally(() => (done = true))
      let writes = 0
      const unseen: string[] = []
      // Every turn of the event loop the import leaves free: create a theme, then look for it from another connection.
      while (!done) {
        await new Promise((resolve) => setImmediate(resolve))
        const name = `Theme ${writes++}`
        notebook.handlers['themes.create']({ name })
        if (!other.prepare('SELECT 1 FROM themes WHERE name = ?').get(name)) unseen.push(name)
      }
      expect((await importing).filter((r) => r.status === 'imported')).toHaveLength(120)
      expect(writes).toBeGreaterThan(3)
      expect(unseen).toEqual([])
    } finally {
      other.close()
      notebook.close()
    }
  })
})
