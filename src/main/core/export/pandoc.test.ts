/**
 * The vault read by pandoc itself (issue 18: "the pandoc check in the suite reads it"): article
 * files with a highlight's comment callout, comparison.md and a note that quotes a passage convert
 * to HTML without error, and the comment arrives as a block quote under its passage. CI installs
 * pandoc from Debian; where it is absent the test says so and skips.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { addArticle, addNote, addRound, highlight } from './testkit'
import { exportVault } from './vault'

const tempDir = useTempDir()

function pandocVersion(): string | null {
  try {
    return execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? null
  } catch {
    return null
  }
}
const version = pandocVersion()
if (!version) console.log('pandoc.test: pandoc is not installed here (CI installs it with apt); the pandoc check is skipped.')

/** pandoc's HTML for a Markdown file, its YAML front matter read as metadata; throws on any pandoc error. */
const toHtml = (file: string): string =>
  execFileSync('pandoc', ['--from', 'markdown+yaml_metadata_block', '--to', 'html', '--fail-if-warnings', file], { encoding: 'utf8' })

describe.skipIf(!version)('the vault read by pandoc', () => {
  it('converts article files, comparison.md and notes, with a comment as a block quote under its passage', async () => {
    const dir = tempDir()
    const nb = openNotebook(join(dir, 'n.parley'))
    const park = addArticle(nb.db, 'park.txt', ARTICLE)
    const h = highlight(nb.db, park, 'public park', 1, 'Why *now*?\nAsk the council.')
    addRound(nb.db, 'Round 1', '2024-05-01', 'Moscow', [[park, 'reports']])
    addNote(nb.db, 'Findings', {
      quotes: [{ highlightId: h, articleId: park, text: 'public park', title: 'Council approves new riverside park' }],
    })
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)

    const article = toHtml(join(out, 'articles', readdirSync(join(out, 'articles'))[0]!))
    // The callout is a block quote whose first line names it; the comment's Markdown is escaped, not emphasis.
    expect(article).toMatch(
      /<blockquote>\s*<p>\[!note\] Comment on “public park”\s*Why \*now\*\?\s*Ask the council\.<\/p>\s*<\/blockquote>/,
    )
    expect(article.indexOf('public park')).toBeLessThan(article.indexOf('[!note]'))

    const comparison = toHtml(join(out, 'comparison.md'))
    expect(comparison).toContain('Ask the council.')
    expect(comparison).toContain('<table')

    const note = toHtml(join(out, 'notes', readdirSync(join(out, 'notes'))[0]!))
    expect(note).toMatch(/<blockquote>[\s\S]*public park[\s\S]*<\/blockquote>/)
    expect(readFileSync(join(out, 'comparison.md'), 'utf8')).toContain('[!note] Comment')
    nb.close()
  })
})
