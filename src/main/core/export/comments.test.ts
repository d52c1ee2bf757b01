import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { deleteArticles } from '../articles/trash'
import { openNotebook } from '../notebook'
import { addArticle, addNote, addRound, highlight, T0 } from './testkit'
import { exportVault } from './vault'

const tempDir = useTempDir()

describe('export: comments and quotes of deleted articles (issue 18)', () => {
  it("puts a highlight's comment under its paragraph in the article file and under its evidence in comparison.md", async () => {
    const dir = tempDir()
    const nb = openNotebook(join(dir, 'n.parley'))
    const park = addArticle(nb.db, 'park.txt', ARTICLE)
    highlight(nb.db, park, 'public park', 1, 'Why *now*?\nAsk the council.')
    addRound(nb.db, 'Round 1', '2024-05-01', 'Moscow', [[park, 'reports']])
    const out = join(dir, 'vault')
    await exportVault(nb.db, out)
    const file = readdirSync(join(out, 'articles'))[0]!
    const md = readFileSync(join(out, 'articles', file), 'utf8')
    expect(md).toMatch(/==public park==[^\n]* \^h-\d+\n\n> \[!note\] Comment on “public park”\n> Why \\\*now\\\*\?\n> Ask the council\.\n/)
    const comparison = readFileSync(join(out, 'comparison.md'), 'utf8')
    expect(comparison).toMatch(/> public park\n>\n> — [^\n]+\n\n> \[!note\] Comment\n> Why \\\*now\\\*\?\n> Ask the council\.\n/)
    nb.close()
  })

  it('says in a note that the quoted source article was deleted, and reports it', async () => {
    const dir = tempDir()
    const nb = openNotebook(join(dir, 'n.parley'))
    const park = addArticle(nb.db, 'park.txt', ARTICLE)
    const h = highlight(nb.db, park, 'public park', 1)
    addNote(nb.db, 'Findings', {
      quotes: [{ highlightId: h, articleId: park, text: 'public park', title: 'Council approves new riverside park' }],
    })
    deleteArticles(nb.db, [park], T0)
    const summary = await exportVault(nb.db, join(dir, 'vault'))
    const note = readFileSync(join(dir, 'vault', 'notes', readdirSync(join(dir, 'vault', 'notes'))[0]!), 'utf8')
    expect(note).toContain('> public park')
    expect(note).toContain('— Council approves new riverside park (the source article was deleted)')
    expect(summary.mismatches.map((m) => m.reason)).toEqual(['the source article was deleted'])
    nb.close()
  })
})
