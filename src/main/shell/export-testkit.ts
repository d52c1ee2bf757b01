import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ARTICLE } from '../../../tests/helpers'
import { addArticle } from '../core/export/testkit'
import { openNotebook, type Notebook } from '../core/notebook'

/**
 * A notebook with one article, and a folder the page may not name as an export destination: it
 * holds the user's own file (chapter1.md, "mine") and no manifest of this notebook.
 */
export function notebookAndUserFolder(dir: string): { nb: Notebook; chosen: string } {
  const nb = openNotebook(join(dir, 'n.parley'))
  addArticle(nb.db, 'park.txt', ARTICLE)
  const chosen = join(dir, 'thesis')
  mkdirSync(chosen)
  writeFileSync(join(chosen, 'chapter1.md'), 'mine')
  return { nb, chosen }
}
