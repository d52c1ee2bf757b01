// Pins what each copy of the body's paragraph rule did before src/shared/body.ts (issue 20, item 1).
import { describe, expect, it } from 'vitest'
import { paragraphSpans, sentences } from '../../src/main/core/text/sentences'
import { paragraphs as exportParagraphs } from '../../src/main/core/export/articles'
import { openDatabase } from '../../src/main/core/db/open'
import { articleVersions, findPreviousVersion } from '../../src/main/core/articles/versions'

export const TRICKY: Record<string, string> = {
  canonical: 'One. Two.\n\nThree.',
  blankWithSpaces: 'One.\n \nTwo.',
  blankWithTab: 'One.\n\t\nTwo.',
  crlf: 'One.\r\n\r\nTwo.',
  leading: '\n\nOne.',
  trailing: 'One.\n\n',
  threeNewlines: 'One.\n\n\nTwo.',
  emptyParagraph: 'One.\n\n\n\nTwo.',
  spacesAfterBreak: 'One.\n\n  Two.',
  spaceBeforeBreak: 'One. \n\nTwo.',
  whitespaceParagraph: 'One.\n\n \n\nTwo.',
}

const spans = (body: string, list: Array<{ start: number; end: number }>): string[] =>
  list.map((p) => `${p.start}-${p.end}:${JSON.stringify(body.slice(p.start, p.end))}`)

describe('paragraph rules before body.ts', () => {
  it('sentences and export split like this', () => {
    const table = Object.fromEntries(
      Object.entries(TRICKY).map(([name, body]) => [
        name,
        {
          sentences: spans(body, paragraphSpans(body)),
          sentenceSpans: sentences(body).map((s) => `${s.start}-${s.end}#${s.paragraph}`),
          export: spans(body, exportParagraphs(body)),
        },
      ]),
    )
    expect(table).toMatchSnapshot()
  })

  it('versions compare and diff paragraphs like this', () => {
    const { db } = openDatabase(':memory:')
    const insert = db.prepare(
      `INSERT INTO articles (title, source_name, format, encoding, content_hash, body, raw, words, imported_at, version_of)
       VALUES (?, ?, 'text', 'utf-8', ?, ?, '', 1, '2025-01-01T00:00:00Z', ?)`,
    )
    const table: Record<string, unknown> = {}
    for (const [name, body] of Object.entries(TRICKY)) {
      // A file of the same name shares its text when most paragraphs match: one changed copy each way.
      const older = Number(insert.run(`old ${name}`, `${name}.txt`, `old-${name}`, 'One.\n\nTwo.\n\nOther.', null).lastInsertRowid)
      const found = findPreviousVersion(db, { url: null, title: 'x', outlet: null, source_name: `${name}.txt`, body })
      const newer = Number(insert.run(`new ${name}`, `${name}.txt`, `new-${name}`, body, older).lastInsertRowid)
      const diff = articleVersions(db, newer).diffs[0]
      table[name] = { sharesText: found === older, added: diff?.added, removed: diff?.removed, unchanged: diff?.unchanged }
    }
    expect(table).toMatchSnapshot()
    db.close()
  })
})
