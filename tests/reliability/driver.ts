/**
 * A child process for the reliability tests: it drives the real core (openNotebook and its contract
 * handlers) and prints one line per event on stdout, written synchronously so a line that reached
 * the pipe is never lost when the process is killed. It is bundled by build.ts with Vite (the core
 * needs `import.meta.glob` for its migrations), then run with plain `node`.
 *
 *   node driver.cjs crash <notebook> <workdir> <seed> <focus>   writes forever: imports, note saves, highlights, exports
 *                                                              (focus: import | note | highlight | export | mixed)
 *   node driver.cjs import <notebook> <paths…|@list>    one import batch; prints a JSON summary last
 *                                                       (@list: a file of NUL-separated paths)
 *
 * `crash` lines: `begin <kind> …` before a write, `ack <kind> …` once it has committed.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { openNotebook, type Notebook } from '../../src/main/core/notebook'
import { ParleyError } from '../../src/main/core/errors'
import { articleText, noteContent, rng } from './generate'

const line = (text: string): void => {
  writeSync(1, `${text}\n`)
}
const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')

/** The bundled worker that prepares imported files, as the app uses it (set by the tests). */
const prepareWorker = process.env.PARLEY_PREPARE_WORKER || undefined

const KINDS = ['import', 'note', 'highlight', 'export'] as const

async function crash(file: string, work: string, seed: number, focus: string): Promise<void> {
  const random = rng(seed)
  // The focused kind of write gets 85% of the operations, so every kind is killed in the middle often.
  const weights = KINDS.map((k) => (focus === 'mixed' ? 0.25 : k === focus ? 0.85 : 0.05))
  const choose = (): (typeof KINDS)[number] => {
    let roll = random()
    for (const [i, w] of weights.entries()) if ((roll -= w) < 0) return KINDS[i] as (typeof KINDS)[number]
    return 'note'
  }
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T
  const notebook: Notebook = openNotebook(file, {
    prepareWorker,
    emit: (event, payload) => {
      if (event !== 'import.progress') return
      const { result } = payload as { result: { status: string; id?: number; file: string } }
      if (result.status === 'imported' && result.id !== undefined) {
        articles.push(result.id)
        line(`ack import ${result.id} ${result.file}`)
      }
    },
  })
  const h = notebook.handlers
  const articles: number[] = (notebook.db.prepare('SELECT id FROM articles').pluck().all() as number[]).slice()
  const notes: number[] = notebook.db.prepare('SELECT id FROM notes WHERE deleted_at IS NULL').pluck().all() as number[]
  line(`ready ${process.pid}`)
  for (let op = 0; ; op++) {
    const kind = articles.length < 3 ? 'import' : choose()
    if (kind === 'import') {
      // A batch of files, imported through the same path as `parley import <folder>`; now and then
      // the 500 (killed part-way: its groups commit one after another).
      const dir = join(work, 'in', `${seed}-${op}`)
      mkdirSync(dir, { recursive: true })
      const count = random() < 0.1 ? 500 : 5 + Math.floor(random() * 25)
      for (let i = 0; i < count; i++) writeFileSync(join(dir, `a${i}.txt`), articleText(random, `tok${seed}x${op}x${i}`))
      line(`begin import ${dir} ${count}`)
      await notebook.importPaths([dir])
      line(`done import ${dir}`)
    } else if (kind === 'note') {
      // Autosave: a new note now and then, otherwise a new version of an existing one.
      if (notes.length === 0 || random() < 0.2) {
        const note = await h['notes.create']({ title: `Note ${seed}-${op}` })
        notes.push(note.id)
        line(`ack note ${note.id} ${sha(JSON.stringify(note.content))}`)
      } else {
        const id = pick(notes)
        const content = noteContent(`note ${id} version ${seed}-${op} ${random().toString(36).slice(2)}`, 1 + Math.floor(random() * 40))
        const hash = sha(JSON.stringify(content))
        line(`begin note ${id} ${hash}`)
        await h['notes.save']({ id, content })
        line(`ack note ${id} ${hash}`)
      }
    } else if (kind === 'highlight') {
      const articleId = pick(articles)
      const { body } = await h['articles.get']({ id: articleId })
      const start = Math.floor(random() * Math.max(1, body.length - 40))
      const end = Math.min(body.length, start + 5 + Math.floor(random() * 60))
      line(`begin highlight ${articleId} ${start} ${end}`)
      const highlight = await h['highlights.create']({ articleId, start, end, themeId: null, comment: `c${op}` })
      line(`ack highlight ${highlight.id} ${articleId} ${highlight.start} ${highlight.end}`)
    } else {
      const dir = join(work, 'export', `${seed}-${op}`)
      line(`begin export ${dir}`)
      await h['notebook.export']({ dir, wikilinks: false })
      line(`ack export ${dir} ${sha(readFileSync(join(dir, '.parley-export.json')))}`)
    }
  }
}

async function importBatch(file: string, args: string[]): Promise<void> {
  // `@list` reads NUL-separated paths from a file (a batch can be longer than a command line).
  const paths = args.flatMap((a) => (a.startsWith('@') ? readFileSync(a.slice(1), 'utf8').split('\0').filter(Boolean) : [a]))
  const started = performance.now()
  let last = started
  const times: number[] = []
  const notebook = openNotebook(file, {
    prepareWorker,
    emit: (event, payload) => {
      if (event !== 'import.progress') return
      const now = performance.now()
      times.push(Math.round(now - last))
      last = now
      const { result } = payload as { result: { status: string; file: string } }
      line(`progress ${Math.round(now - started)} ${result.status} ${JSON.stringify(result.file)}`)
    },
  })
  const results = await notebook.importPaths(paths)
  notebook.close()
  const probe = globalThis as { __pwned?: unknown }
  line(
    JSON.stringify({
      results,
      times,
      ms: Math.round(performance.now() - started),
      maxRssKb: process.resourceUsage().maxRSS,
      pwned: probe.__pwned ?? null,
      polluted: ({} as { polluted?: unknown }).polluted ?? null,
    }),
  )
}

const [command, file, ...rest] = process.argv.slice(2)
const main = async (): Promise<void> => {
  if (command === 'crash' && file && rest[0] && rest[1]) return crash(file, rest[0], Number(rest[1]), rest[2] ?? 'mixed')
  if (command === 'import' && file) return importBatch(file, rest)
  throw new Error('usage: driver crash <notebook> <workdir> <seed> [focus] | import <notebook> <paths…>')
}
main().catch((error: unknown) => {
  line(`error ${error instanceof ParleyError ? error.code : 'other'} ${(error as Error).message}`)
  process.exitCode = 1
})
