import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { EventSink } from '../shared/contract'
import type { ExportSummary, ImportResult } from '../shared/model'
import { collectPaths, failed, prepareArticle, readSource, storeArticle } from './core/articles/import'
import { getArticle } from './core/articles/repo'
import { detectAndStore, listRounds } from './core/rounds/repo'
import { openDatabase } from './core/db/open'
import { ParleyError } from './core/errors'
import { openNotebook, openOrCreateDefault, type Notebook } from './core/notebook'
import { createTheme, listThemes } from './core/themes/repo'
import { relationFor, roundClaims, roundQuoteProvenance } from './core/claims/repo'
import type { ClaimPassage, ClaimProposal, QuoteCarrier } from '../shared/contract-claims'
import { suggestions } from './core/themes/suggestions'
import { startBridge } from './hosts/http'
import { writeLaunchPage } from './hosts/launch-page'
import { defaultNotebookPath, prepareWorkerScript, rendererDir, seedsDir } from './paths'

export interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

const USAGE = `Usage: npm run -s parley -- <command>

  import <files|folders…> [--notebook FILE]   import articles into a notebook
  analyze --json <files|folders…> [--themes FILE]
  claims --json <files|folders…>              print per round the proposed claims, the links they would make and quote provenance
                                              dry run on a throwaway notebook; prints one JSON object
                                              (--themes: a JSON list of {name, description, keywords}
                                              used instead of the default themes)
  serve [--notebook FILE] [--port N] [--open] browser mode on 127.0.0.1 (prints a one-time launch link)
  check [--notebook FILE]                     verify a notebook file's integrity
  export --out DIR [--notebook FILE] [--wikilinks]
                                              write the notebook as a Markdown vault (safe to repeat)

The default notebook is ${defaultNotebookPath()} (set PARLEY_HOME to use another folder).`

interface Parsed {
  command: string | undefined
  positional: string[]
  flags: Map<string, string | true>
}

const VALUE_FLAGS = new Set(['--notebook', '--port', '--out', '--themes'])

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') continue
    if (arg.startsWith('--')) {
      const [name, inline] = arg.split('=', 2) as [string, string | undefined]
      if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i]
        if (value === undefined) throw new UsageError(`${name} needs a value.`)
        flags.set(name, value)
      } else flags.set(name, true)
    } else positional.push(arg)
  }
  return { command: positional.shift(), positional, flags }
}

class UsageError extends Error {}

/** The shape of `analyze --json`: fixed; later features fill `themes` and `rounds`. */
export interface AnalyzeOutput {
  articles: Array<{
    file: string
    status: ImportResult['status']
    error?: string
    title: string | null
    outlet: string | null
    published: string | null
    body: string
    themes: Record<string, Array<{ start: number; end: number; text: string }>>
    round: string | null
  }>
  rounds: Array<{ id: string; date: string | null; venue: string | null; title: string; articles: string[] }>
}

/** A theme given to `analyze --themes`: the format of the corpora's themes.json (other keys are ignored). */
export interface AnalyzeTheme {
  name: string
  description?: string
  keywords: string[]
}

/** Reads and checks a `--themes` file: a JSON list of `{ name, description?, keywords }` with distinct names. */
export function readThemesFile(file: string): AnalyzeTheme[] {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`--themes ${file}: ${(error as Error).message}`)
  }
  const bad = (why: string): UsageError => new UsageError(`--themes ${file}: ${why}`)
  if (!Array.isArray(value) || value.length === 0) throw bad('expected a non-empty JSON list of { "name", "description", "keywords" }.')
  const names = new Set<string>()
  return value.map((item: unknown, i) => {
    const t = item as Partial<Record<'name' | 'description' | 'keywords', unknown>> | null
    if (!t || typeof t !== 'object' || typeof t.name !== 'string' || !t.name.trim()) throw bad(`theme ${i + 1} has no "name".`)
    if (names.has(t.name.trim().toLowerCase())) throw bad(`two themes are called "${t.name}".`)
    names.add(t.name.trim().toLowerCase())
    if (!Array.isArray(t.keywords) || !t.keywords.every((k) => typeof k === 'string'))
      throw bad(`theme "${t.name}" needs "keywords", a list of strings.`)
    if (t.description !== undefined && typeof t.description !== 'string')
      throw bad(`theme "${t.name}" has a "description" that is not text.`)
    return { name: t.name.trim(), ...(t.description ? { description: t.description } : {}), keywords: t.keywords as string[] }
  })
}

export function analyze(paths: string[], options: { themes?: AnalyzeTheme[] } = {}): AnalyzeOutput {
  const { db } = openDatabase(':memory:')
  try {
    if (options.themes) {
      // The throwaway notebook's default themes give way to the caller's (nothing is coded yet).
      db.prepare('DELETE FROM themes').run()
      for (const t of options.themes)
        createTheme(db, { name: t.name, description: t.description ?? '', keywords: { terms: t.keywords, context: [] } })
    }
    const imported = collectPaths(paths).map((file) => {
      let result: ImportResult
      try {
        result = storeArticle(db, prepareArticle(readSource(file)))
      } catch (error) {
        result = failed(file, error)
      }
      return { file, result }
    })
    const cache = { stats: null }
    const themes = listThemes(db)
    const articles = imported.map(({ file, result }) => {
      const stored = result.id ? getArticle(db, result.id) : undefined
      const spans: AnalyzeOutput['articles'][number]['themes'] = {}
      if (stored) {
        for (const s of suggestions(db, cache, stored.id, stored.body)) {
          const name = themes.find((t) => t.id === s.themeId)?.name
          if (name) (spans[name] ??= []).push({ start: s.start, end: s.end, text: s.text })
        }
        for (const list of Object.values(spans)) list.sort((a, b) => a.start - b.start)
      }
      return {
        file,
        status: result.status,
        ...(result.error ? { error: result.error } : {}),
        title: stored?.title ?? null,
        outlet: stored?.outlet ?? null,
        published: stored?.published ?? null,
        body: stored?.body ?? '',
        themes: spans,
        round: null as string | null,
      }
    })
    // Rounds: detection over the dry-run notebook. The contract: an article's round is the first
    // round (by date) it reports; a round lists exactly the files whose round it is (a duplicate file
    // goes with the article it repeats); a date is a full day or null, never a partial EDTF date.
    detectAndStore(db, new Date())
    const files = new Map<number, string[]>()
    for (const { file, result } of imported)
      if ((result.status === 'imported' || result.status === 'duplicate') && result.id)
        files.set(result.id, [...(files.get(result.id) ?? []), file])
    const roundOf = new Map<number, string>()
    const stored = listRounds(db)
    for (const r of stored)
      for (const a of r.articles) if (a.role === 'reports' && !roundOf.has(a.articleId)) roundOf.set(a.articleId, String(r.id))
    imported.forEach(({ result }, i) => {
      const article = articles[i]
      if (article && result.id && (result.status === 'imported' || result.status === 'duplicate'))
        article.round = roundOf.get(result.id) ?? null
    })
    const rounds = stored.map((r) => ({
      id: String(r.id),
      date: r.date && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null,
      venue: r.venue,
      title: r.title,
      articles: r.articles.filter((a) => roundOf.get(a.articleId) === String(r.id)).flatMap((a) => files.get(a.articleId) ?? []),
    }))
    return { articles, rounds }
  } finally {
    db.close()
  }
}

/** The shape of `claims --json`: per detected round, the proposed claims and the typed links they would make. */
export interface ClaimsOutput {
  rounds: Array<{
    id: string
    date: string | null
    venue: string | null
    title: string
    articles: string[]
    truncated: boolean
    claims: Array<{
      key: string
      status: ClaimProposal['status']
      speaker: string | null
      label: string
      reasons: string[]
      // The notebook's passage, named by file instead of article id (a dry run has no ids to keep).
      passages: Array<Omit<ClaimPassage, 'articleId' | 'title' | 'published'> & { file: string }>
      differences: Array<{ kind: 'number' | 'date'; values: Array<{ file: string; value: string }> }>
    }>
    links: Array<{ from: { file: string; start: number; end: number }; to: { file: string; start: number; end: number }; relation: string }>
    /**
     * Quote provenance (claims.provenance): each quotation several of the round's articles carry, its
     * carriers in order (first, then how each re-used the words) with why; articles named by file.
     */
    provenance: Array<{ text: string; carriers: Array<Omit<QuoteCarrier, 'articleId' | 'title'> & { file: string }> }>
  }>
}

/** `claims --json`: a dry run of import and round detection, then the claims of each round (analyze's output is left as it is). */
export function claimsOf(paths: string[]): ClaimsOutput {
  const { db } = openDatabase(':memory:')
  try {
    const files = new Map<number, string>()
    for (const file of collectPaths(paths)) {
      try {
        const result = storeArticle(db, prepareArticle(readSource(file)))
        if (result.id && !files.has(result.id)) files.set(result.id, file)
      } catch {
        // A file that cannot be imported has no claims; `analyze` says why.
      }
    }
    detectAndStore(db, new Date())
    const fileOf = (id: number): string => files.get(id) ?? String(id)
    return {
      rounds: listRounds(db).map((r) => {
        const proposals = roundClaims(db, r.id)
        return {
          id: String(r.id),
          date: r.date,
          venue: r.venue,
          title: r.title,
          articles: r.articles.map((a) => fileOf(a.articleId)),
          truncated: proposals.truncated,
          claims: proposals.claims.map((c) => ({
            key: c.key,
            status: c.status,
            speaker: c.speaker,
            label: c.label,
            reasons: c.reasons,
            passages: c.passages.map((p) => ({
              file: fileOf(p.articleId),
              outlet: p.outlet,
              start: p.start,
              end: p.end,
              text: p.text,
              speaker: p.speaker,
              verb: p.verb,
              quote: p.quote,
              numbers: p.numbers,
              dates: p.dates,
            })),
            differences: c.differences.map((d) => ({
              kind: d.kind,
              values: d.values.map((v) => ({ file: fileOf(v.articleId), value: v.value })),
            })),
          })),
          links: proposals.claims.flatMap((c) =>
            c.passages.slice(1).map((p, i) => ({
              from: {
                file: fileOf((c.passages[0] as typeof p).articleId),
                start: (c.passages[0] as typeof p).start,
                end: (c.passages[0] as typeof p).end,
              },
              to: { file: fileOf(p.articleId), start: p.start, end: p.end },
              relation: relationFor(c, i + 1),
            })),
          ),
          provenance: roundQuoteProvenance(db, r.id).map((q) => ({
            text: q.text,
            carriers: q.carriers.map((c) => ({
              file: fileOf(c.articleId),
              outlet: c.outlet,
              published: c.published,
              time: c.time,
              start: c.start,
              end: c.end,
              text: c.text,
              reuse: c.reuse,
              diff: c.diff,
              why: c.why,
            })),
          })),
        }
      }),
    }
  } finally {
    db.close()
  }
}

function describeExport(s: ExportSummary): string[] {
  const lines = [
    `${s.files} files → ${s.dir}: ${s.written.length} written, ${s.updated.length} updated, ${s.unchanged} unchanged, ${s.removed.length} removed`,
  ]
  for (const c of s.conflicts)
    lines.push(
      `conflict   ${c.file}: ${c.reason === 'edited' ? 'edited since the last export' : 'not written by Parley'}, left as it is${c.newVersion ? `; new version in ${c.newVersion}` : ''}`,
    )
  for (const k of s.kept) lines.push(`kept       ${k}: its item was deleted, but the file was edited since the last export`)
  for (const m of s.mismatches) lines.push(`mismatch   ${m.file}: highlight ${m.highlightId}: ${m.reason}`)
  lines.push(`${s.conflicts.length} conflicts, ${s.mismatches.length} mismatches`)
  return lines
}

function describe(result: ImportResult): string {
  if (result.status === 'failed') return `failed     ${result.file}: ${result.error}`
  return `${result.status.padEnd(10)} ${result.file} → ${result.title}${result.warning ? ` (${result.warning})` : ''}`
}

function openBrowserWindow(launchUrl: string, io: Io): void {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
    io.err('No display found: open the URL above in a browser.')
    return
  }
  const candidates =
    process.platform === 'darwin'
      ? ['open']
      : process.platform === 'win32'
        ? ['explorer']
        : ['chromium', 'chromium-browser', 'google-chrome', 'xdg-open']
  const exe =
    process.env.PARLEY_CHROMIUM ??
    candidates.find((c) => ['/usr/bin/', '/usr/local/bin/', '/bin/'].some((dir) => existsSync(dir + c))) ??
    candidates[0]
  if (!exe) return
  const page = writeLaunchPage(launchUrl)
  const url = page.url
  const chromiumLike = /chrom/.test(exe)
  const args = chromiumLike
    ? [
        `--app=${url}`,
        '--window-size=1280,800',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${resolve(defaultNotebookPath(), '..', 'browser-profile')}`,
      ]
    : [page.path]
  const child = spawn(exe, args, { detached: true, stdio: 'ignore' })
  child.on('error', () => io.err(`Could not start ${exe}: open the URL above in a browser.`))
  child.unref()
}

/**
 * SIGTERM or Ctrl+C during a long write (`import`, `export`): close the notebook cleanly instead of
 * dying with its WAL unmerged. A signal handler runs between JavaScript tasks and every write is
 * one synchronous transaction, so none is open here: the ones that committed stay, the rest never
 * began. The WAL is checkpointed into the notebook, the file closed, and the process ends with the
 * signal's usual status (a stopped import is re-run to import the rest; duplicates are skipped).
 * Returns the function that removes the handlers once the work is done.
 */
function closeOnSignal(notebook: Notebook, io: Io, what: string): () => void {
  const stop = (signal: NodeJS.Signals): void => {
    try {
      notebook.db.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      notebook.close()
    }
    io.err(`Stopped by ${signal}: ${what}`)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  return () => {
    process.off('SIGTERM', stop)
    process.off('SIGINT', stop)
  }
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  let parsed: Parsed
  try {
    parsed = parseArgs(argv)
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { command, positional, flags } = parsed
  const notebookFile = resolve(String(flags.get('--notebook') ?? defaultNotebookPath()))

  try {
    switch (command) {
      case 'claims': {
        if (!flags.has('--json') || positional.length === 0) throw new UsageError('claims needs --json and at least one file.')
        io.out(JSON.stringify(claimsOf(positional)))
        return 0
      }
      case 'analyze': {
        if (!flags.has('--json') || positional.length === 0) throw new UsageError('analyze needs --json and at least one file.')
        const themesFile = flags.get('--themes')
        io.out(JSON.stringify(analyze(positional, typeof themesFile === 'string' ? { themes: readThemesFile(themesFile) } : {})))
        return 0
      }
      case 'import': {
        if (positional.length === 0) throw new UsageError('import needs at least one file or folder.')
        const notebook = openNotebook(notebookFile, { prepareWorker: prepareWorkerScript(__dirname) })
        const release = closeOnSignal(
          notebook,
          io,
          `the articles imported so far are in ${notebookFile}; import the same files again to add the rest.`,
        )
        try {
          const results = await notebook.importPaths(positional)
          results.forEach((r) => io.out(describe(r)))
          const count = (s: string): number => results.filter((r) => r.status === s).length
          io.out(`${count('imported')} imported, ${count('duplicate')} duplicate, ${count('failed')} failed → ${notebookFile}`)
        } finally {
          release()
          notebook.close()
        }
        return 0
      }
      case 'export': {
        const out = flags.get('--out')
        if (typeof out !== 'string' || positional.length > 0)
          throw new UsageError('export needs --out DIR (and nothing else but --notebook FILE and --wikilinks).')
        if (!existsSync(notebookFile)) throw new UsageError(`There is no notebook at ${notebookFile}.`)
        // The user typed the folder on the terminal: any folder (the page may name fewer; see export/destination.ts).
        const notebook = openNotebook(notebookFile, { exportFrom: 'terminal' })
        const release = closeOnSignal(notebook, io, `the export to ${resolve(out)} is unfinished; export again to complete it.`)
        try {
          const summary = await notebook.handlers['notebook.export']({ dir: resolve(out), wikilinks: flags.has('--wikilinks') })
          describeExport(summary).forEach((line) => io.out(line))
        } finally {
          release()
          notebook.close()
        }
        return 0
      }
      case 'check': {
        const { db } = openDatabase(notebookFile, { readOnly: true })
        const result = db.pragma('integrity_check', { simple: true })
        db.close()
        io.out(`${notebookFile}: ${String(result)}`)
        return result === 'ok' ? 0 : 1
      }
      case 'serve': {
        const port = flags.has('--port') ? Number(flags.get('--port')) : 0
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535.')
        if (!existsSync(resolve(rendererDir(), 'index.html'))) {
          io.err('The renderer is not built yet: run `npm run build` (npm start does it for you).')
          return 1
        }
        let sink: EventSink = () => undefined
        const emit: EventSink = (event, payload) => sink(event, payload)
        const { notebook, created, seeded } = await openOrCreateDefault(notebookFile, flags.has('--no-seed') ? null : seedsDir(), {
          emit,
          prepareWorker: prepareWorkerScript(__dirname),
        })
        if (created)
          io.err(
            `Created a new notebook at ${notebookFile}${seeded.length ? ` with ${seeded.filter((r) => r.status === 'imported').length} seed articles` : ''}.`,
          )
        if (notebook.backup) io.err(`Backed up the notebook before upgrading it: ${notebook.backup}`)
        const bridge = await startBridge({ handlers: notebook.handlers, staticDir: rendererDir(), port, log: io.err })
        sink = bridge.emit
        io.out(
          `Parley is running in browser mode (no Electron binary needed).\nOpen: ${bridge.url}\nNotebook: ${notebookFile}\nPress Ctrl+C to stop.`,
        )
        // The window gets a code of its own, through a page only this account can read (never argv).
        if (flags.has('--open')) openBrowserWindow(bridge.launchUrl(), io)
        // A printed link works once, for 30 s: Enter prints a fresh one.
        if (process.stdin.isTTY) {
          io.err('Press Enter for a new link.')
          process.stdin.on('data', () => io.out(`Open: ${bridge.launchUrl()}`))
        }
        await new Promise<void>((done) => {
          const stop = (): void => {
            void bridge.close().then(() => {
              // The WAL merged into the notebook before it closes, as `import` and `export` do on a signal.
              try {
                notebook.db.pragma('wal_checkpoint(TRUNCATE)')
              } finally {
                notebook.close()
              }
              done()
            })
          }
          process.once('SIGINT', stop)
          process.once('SIGTERM', stop)
        })
        return 0
      }
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(`Unknown command "${command}".`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`)
      return 2
    }
    if (error instanceof ParleyError) {
      io.err(error.message)
      // The ways out, as the app offers them (`check` on a damaged or locked notebook says what to do).
      for (const option of error.recover) io.err(`  - ${option.label}`)
      return 1
    }
    throw error
  }
}

// Run only when executed directly (not when imported by tests).
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  const argv = process.argv.slice(2)
  if (argv[0] === '--help' || argv[0] === '-h') argv[0] = 'help'
  // Installed first and for the whole run, so a signal never meets the default disposition (which
  // kills the process as if its work were cut short). While a command's own handler is installed
  // (closeOnSignal, serve's stop) that handler does the work. Once the command has finished and
  // its notebook is closed, a signal ends the process with the status the work earned.
  let finished: number | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    if (finished !== undefined) process.exit(finished)
    if (process.listenerCount(signal) === 1) process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  runCli(argv, { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) }).then(
    (code) => {
      finished = code
      process.exitCode = code
      // Ends now rather than when the event loop drains (the prepare worker ending, Node tearing down
      // the heap: some tens of ms, during which a signal would find no handler and kill the process
      // after its work was done). The output is flushed first.
      let pending = 2
      const flushed = (): void => {
        if (--pending === 0) process.exit(code)
      }
      process.stdout.write('', flushed)
      process.stderr.write('', flushed)
    },
    (error: unknown) => {
      process.stderr.write(`Parley failed: ${(error as Error).message}\n`)
      finished = 1
      process.exitCode = 1
    },
  )
}
