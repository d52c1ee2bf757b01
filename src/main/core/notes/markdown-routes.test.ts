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
  it('give the same Markdown for the same note, but for where links go and how a quote is cited', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    try {
      const db = notebook.db
      const articleId = addArticle(db, 'park.txt', 'Park plan\n\nThe council approved the park plan on Monday.')
      const highlightId = highlight(db, articleId, 'approved the park plan', null)
      const second = highlight(db, articleId, 'on Monday', null)
      // The note names the article by its title as it is (the vault writes current titles; notes.markdown the note's label).
      const title = db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(articleId) as string
      const noteId = addNote(db, 'Findings', {
        links: [{ kind: 'article', id: articleId, label: title }],
        quotes: [
          { highlightId, articleId, text: 'approved the park plan', title },
          { highlightId: second, articleId, text: 'on Monday', title },
        ],
      })
      const own = await notebook.handlers['notes.markdown']({ id: noteId })
      const dir = join(tempDir(), 'vault')
      await exportVault(db, dir)
      const file = readdirSync(join(dir, 'notes')).find((f) => f.endsWith('.md')) as string
      const exported = vaultBody(join(dir, 'notes', file))
      const articleFile = readdirSync(join(dir, 'articles')).find((f) => f.endsWith('.md')) as string

      // One converter: the same Markdown (blocks separated by a blank line, so two quotes stay two
      // blockquotes), but for where links go and how a quote is cited. notes.markdown is for the
      // editor and the clipboard (`parley:` links, the citation as text); the vault is files (links
      // to the vault's files, the citation a link to the passage's block in its article).
      const blocks = [...exported.matchAll(/#\^([\w-]+)\)$/gm)].map((m) => m[1])
      expect(blocks).toHaveLength(2)
      expect(own).toBe(
        [
          '## Findings',
          `See [${title}](parley:article/${articleId}) and more.`,
          `> approved the park plan\n>\n> — ${title}`,
          `> on Monday\n>\n> — ${title}`,
        ].join('\n\n'),
      )
      expect(exported).toBe(
        [
          '## Findings',
          `See [${title}](../articles/${articleFile}) and more.`,
          `> approved the park plan\n>\n> — [${title}](../articles/${articleFile}#^${blocks[0]})`,
          `> on Monday\n>\n> — [${title}](../articles/${articleFile}#^${blocks[1]})`,
        ].join('\n\n'),
      )
      // Modulo link targets (a link read as its label), the same Markdown.
      const labels = (markdown: string): string => markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      expect(labels(own)).toBe(labels(exported))
    } finally {
      notebook.close()
    }
  })
})
