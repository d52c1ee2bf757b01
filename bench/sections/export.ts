/**
 * Issue 8 (speed): exporting the large notebook (vault, CSV, JSON-LD, CSL-JSON, BibTeX, .qdpx)
 * through the contract (`notebook.export`), against writing the same bytes with plain
 * fs.writeFile, measured in the same run.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { existsSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { openNotebook } from '../../src/main/core/notebook'
import { exportVault } from '../../src/main/core/export/vault'
import { dispatch } from '../../src/main/hosts/dispatch'
import type { ExportSummary } from '../../src/shared/model'
import { formatTable, ms } from '../report'
import { fmt, heading, now, progress, ratio, sum, type Ctx } from '../util'
import type { BigNotebook } from './big'

async function walk(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(full)))
    else out.push(full)
  }
  return out
}

/**
 * notebook.export only writes inside the user's home or PARLEY_EXPORT_ROOT (export/destination.ts),
 * and the bench writes in its own temp folder: it names that folder the export root for the
 * section, as vitest and the e2e fixtures do with theirs, and puts the variable back afterwards.
 */
export async function exportSection(ctx: Ctx, big: BigNotebook): Promise<void> {
  const before = process.env.PARLEY_EXPORT_ROOT
  process.env.PARLEY_EXPORT_ROOT = ctx.root
  try {
    await measureExport(ctx, big)
  } finally {
    if (before === undefined) delete process.env.PARLEY_EXPORT_ROOT
    else process.env.PARLEY_EXPORT_ROOT = before
  }
}

async function measureExport(ctx: Ctx, big: BigNotebook): Promise<void> {
  heading('Export (issue 8)')
  const notebook = openNotebook(big.file)
  if (!('notebook.export' in notebook.handlers)) {
    notebook.close()
    ctx.verdicts.push({ target: 'export: ≥ 0.2× fs.writeFile', pass: null, detail: 'notebook.export is not in the contract yet' })
    console.log('SKIP: notebook.export is not in the contract yet.\n')
    return
  }
  const out = join(ctx.root, 'vault')
  progress(`exporting ${fmt(big.articles)} articles, ${fmt(big.notes)} notes, ${fmt(big.highlights)} highlights`)
  const runExport = async (): Promise<{ ms: number; summary: ExportSummary }> => {
    const t = now()
    const res = await dispatch(notebook.handlers, 'notebook.export', { dir: out })
    const elapsed = now() - t
    if (!res.ok) throw new Error(`notebook.export failed: ${res.error.message}`)
    return { ms: elapsed, summary: res.result as ExportSummary }
  }
  const first = await runExport()
  // Re-export into the same folder: nothing changed, so every file is compared and left alone.
  const again = await runExport()
  // What durability costs: the same export into an empty folder without the fsyncs (measured only).
  const loose = join(ctx.root, 'vault-no-fsync')
  const t = now()
  await exportVault(notebook.db, loose, { durable: false })
  const looseMs = now() - t
  rmSync(loose, { recursive: true, force: true })
  notebook.close()

  // The same bytes, written with plain fs.writeFile into a fresh folder (directories made as needed).
  const files = await walk(out)
  const contents = await Promise.all(files.map(async (f) => ({ path: relative(out, f), data: await readFile(f) })))
  const bytes = sum(contents.map((c) => c.data.length))
  const plainDir = join(ctx.root, 'plain')
  const plain = async (): Promise<number> => {
    if (existsSync(plainDir)) rmSync(plainDir, { recursive: true, force: true })
    const t = now()
    const made = new Set<string>()
    for (const c of contents) {
      const target = join(plainDir, c.path)
      const d = dirname(target)
      if (!made.has(d)) {
        await mkdir(d, { recursive: true })
        made.add(d)
      }
      await writeFile(target, c.data)
    }
    return now() - t
  }
  const plainMs = Math.min(await plain(), await plain())
  rmSync(plainDir, { recursive: true, force: true })
  rmSync(out, { recursive: true, force: true })

  const s = first.summary
  console.log(
    `${fmt(files.length)} files, ${fmt(bytes / 1e6, 1)} MB (${fmt(s.written.length)} written; ${fmt(s.mismatches.length)} mismatches reported).`,
  )
  console.log(
    formatTable(
      ['variant', 'time', 'MB/s', 'ratio (throughput)'],
      [
        ['fs.writeFile of the same bytes, file by file (best of 2)', ms(plainMs), fmt(bytes / 1e3 / plainMs, 1), '1.00×'],
        [
          'notebook.export into an empty folder (files and folders fsynced)',
          ms(first.ms),
          fmt(bytes / 1e3 / first.ms, 1),
          ratio(plainMs / first.ms),
        ],
        [
          'the same without fsync (what durability costs; not the product)',
          ms(looseMs),
          fmt(bytes / 1e3 / looseMs, 1),
          ratio(plainMs / looseMs),
        ],
        [
          `notebook.export again, nothing changed (${fmt(again.summary.unchanged)} unchanged)`,
          ms(again.ms),
          fmt(bytes / 1e3 / again.ms, 1),
          ratio(plainMs / again.ms),
        ],
      ],
    ),
  )
  const x = plainMs / first.ms
  ctx.verdicts.push({
    target: `export ${fmt(big.articles)} articles: ≥ 0.2× fs.writeFile`,
    pass: x >= 0.2,
    detail: `${ratio(x)} (${ms(first.ms)} vs ${ms(plainMs)} for ${fmt(bytes / 1e6, 1)} MB)`,
  })
  console.log()
}
