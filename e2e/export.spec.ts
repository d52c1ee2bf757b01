import MarkdownIt from 'markdown-it'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { call, expect, screenshotPath, test } from './fixtures'

test('export the notebook from the UI with progress; the vault has articles, comparison and data files; re-export keeps the user’s edits', async ({
  page,
  parley,
}) => {
  const out = mkdtempSync(join(tmpdir(), 'parley-vault-'))
  try {
    await page.goto(parley.url)
    // Code every suggestion of two seeds so the comparison has evidence.
    const articles = await call<Array<{ id: number; title: string }>>(page, 'articles.list', {})
    for (const a of articles.slice(0, 3)) {
      const suggestions = await call<Array<{ themeId: number; start: number; end: number }>>(page, 'suggestions.list', { articleId: a.id })
      for (const s of suggestions)
        await call(page, 'highlights.create', { articleId: a.id, start: s.start, end: s.end, themeId: s.themeId })
    }

    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export notebook' })
    await dialog.getByRole('textbox', { name: 'Export folder' }).fill(out)
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(dialog.getByTestId('export-summary')).toContainText(/written, 0 updated, 0 unchanged, 0 removed/)
    await expect(dialog.locator('progress')).toHaveAttribute('value', /\d+/)
    await page.screenshot({ path: screenshotPath('export-dialog') })

    expect(readdirSync(join(out, 'articles'))).toHaveLength(articles.length)
    for (const f of [
      'comparison.md',
      'timeline.md',
      'highlights.csv',
      'highlights.jsonld',
      'references.json',
      'references.bib',
      'parley.qdpx',
    ])
      expect(existsSync(join(out, f)), f).toBe(true)
    const comparison = readFileSync(join(out, 'comparison.md'), 'utf8')
    const html = new MarkdownIt({ html: false }).render(comparison)
    expect(html).toContain('<table>')

    // Look at comparison.md as a reader would.
    const view = await page.context().newPage()
    await view.setContent(
      `<!doctype html><meta charset="utf-8"><style>body{font:15px/1.5 system-ui;margin:24px;max-width:1100px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:6px 8px;vertical-align:top}blockquote{margin:0 0 8px;padding-left:10px;border-left:3px solid #ccc;color:#444}</style>${html}`,
    )
    await view.screenshot({ path: screenshotPath('export-comparison-md'), fullPage: true })
    await view.close()

    // The user edits one exported file; re-export keeps it and writes the new version beside it.
    const [first] = readdirSync(join(out, 'articles'))
    const edited = join(out, 'articles', first!)
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nMy own remark.\n`)
    writeFileSync(join(out, 'my-notes.md'), 'not Parley’s')
    await dialog.getByRole('button', { name: 'Export again' }).click()
    await expect(dialog.getByTestId('export-summary')).toContainText('changed outside Parley')
    expect(readFileSync(edited, 'utf8')).toContain('My own remark.')
    expect(readFileSync(join(out, 'my-notes.md'), 'utf8')).toBe('not Parley’s')
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})
