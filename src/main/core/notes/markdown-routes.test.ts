import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { addArticle, addNote, highlight } from '../export/testkit'
import { exportVault } from '../export/vault'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

/** The Markdown under a vault note's front matter and `# title` line. */
const vaultBody = (file: string): string =>
  readFileSync(file, 'utf8')
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^\s*# .*\n/, '')
    .trim()

describe('a note as Markdown: notes.markdown and the vault export', () => {
  it('give the same Markdown for the same note, but for the differences each route is for', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    try {
      const db = notebook.db
      const articleId = addArticle(db, 'park.txt', 'Park plan\n\nThe council approved the park plan on Monday.')
      const highlightId = highlight(db, articleId, 'approved the park plan', null)
      // The note names the article by its title as it is (the vault writes current titles; notes.markdown the note's label).
      const title = db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(articleId) as string
      const noteId = addNote(db, 'Findings', {
        links: [{ kind: 'article', id: articleId, label: title }],
        quotes: [{ highlightId, articleId, text: 'approved the park plan', title }],
      })
      const own = await notebook.handlers['notes.markdown']({ id: noteId })
      const dir = join(tempDir(), 'vault')
      await exportVault(db, dir)
      const file = readdirSync(join(dir, 'notes')).find((f) => f.endsWith('.md')) as string
      const exported = vaultBody(join(dir, 'notes', file))
      const articleFile = readdirSync(join(dir, 'articles')).find((f) => f.endsWith('.md')) as string

      // Written the same by both routes: the heading, the text, the quote. They differ where each
      // route is for: notes.markdown is for the editor and the clipboard (one line break between
      // blocks, `parley:` links, a plain citation); the vault is files (a blank line between blocks,
      // so two quotes stay two blockquotes; links to the vault's files; the citation links the
      // passage's block in its article).
      expect(own).toBe(
        ['## Findings', `See [${title}](parley:article/${articleId}) and more.`, '> approved the park plan', '>', `> — ${title}`].join(
          '\n',
        ),
      )
      const block = /\^([\w-]+)\)$/.exec(exported)?.[1]
      expect(block).toBeTruthy()
      expect(exported).toBe(
        [
          '## Findings',
          `See [${title}](../articles/${articleFile}) and more.`,
          '> approved the park plan\n>\n' + `> — [${title}](../articles/${articleFile}#^${block})`,
        ].join('\n\n'),
      )
    } finally {
      notebook.close()
    }
  })
})
