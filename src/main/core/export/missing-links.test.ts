import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { deleteNote } from '../notes/repo'
import { openNotebook } from '../notebook'
import { addArticle, addNote, T0 } from './testkit'
import { exportVault } from './vault'

const tempDir = useTempDir()

describe('a note linking to something deleted', () => {
  it('keeps the link’s label as text, escaped, in Markdown and with wikilinks; live links stay links', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    try {
      const db = notebook.db
      const articleId = addArticle(db, 'park.txt', 'Park plan\n\nThe council approved the park plan on Monday.')
      const title = db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(articleId) as string
      const gone = addNote(db, 'Old draft', {})
      deleteNote(db, gone, T0)
      addNote(db, 'Findings', {
        links: [
          { kind: 'article', id: articleId, label: title },
          { kind: 'note', id: gone, label: 'Old *draft* [v1]' },
        ],
      })
      const line = async (wikilinks: boolean): Promise<string> => {
        const dir = join(tempDir(), wikilinks ? 'wiki' : 'md')
        await exportVault(db, dir, { wikilinks })
        const file = readdirSync(join(dir, 'notes')).find((f) => f.startsWith('findings')) as string
        return readFileSync(join(dir, 'notes', file), 'utf8')
          .split('\n')
          .find((l) => l.startsWith('See ')) as string
      }
      expect(await line(false)).toMatch(/^See \[.+\]\(\.\.\/articles\/.+\.md\) and Old \\\*draft\\\* \\\[v1\\\] and more\.$/)
      // With wikilinks the label is written as a wikilink label (wikiLabel), not escaped as text: as
      // before the label moved into the transformer (then a regex patched the converted Markdown).
      expect(await line(true)).toMatch(/^See \[\[articles\/.+\|.+\]\] and Old \*draft\* {2}v1 and more\.$/)
    } finally {
      notebook.close()
    }
  })
})
