// The reader, sentences, the export and versions take paragraphs from src/shared/body.ts (issue 20, item 1).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { paragraphs } from '../../src/shared/body'
import { TRICKY } from '../../src/shared/body.cases'
import { sentences } from '../../src/shared/sentences'
import { paragraphs as exportParagraphs } from '../../src/main/core/export/articles'
import { prepareArticle } from '../../src/main/core/articles/prepare'
import { openDatabase } from '../../src/main/core/db/open'
import { articleVersions, findPreviousVersion } from '../../src/main/core/articles/versions'

const SEEDS = join(__dirname, '../../seeds')

describe('one body model', () => {
  it('the cleaner writes canonical bodies, on which every former rule agreed (seeds)', () => {
    const files = readdirSync(SEEDS)
    expect(files.length).toBeGreaterThan(0)
    for (const name of files) {
      const { body } = prepareArticle({ name, bytes: readFileSync(join(SEEDS, name)) })
      expect(body.length, name).toBeGreaterThan(0)
      // Trimmed, non-empty paragraphs joined by exactly one blank line: split('\n\n') (reader),
      // the non-empty pieces (sentences), /\n[\t ]*\n\s*/ (export) and /\n\s*\n/ (versions) all give these.
      expect(
        paragraphs(body)
          .map((p) => p.text)
          .join('\n\n'),
        name,
      ).toBe(body)
      for (const p of paragraphs(body)) expect(p.text, name).toBe(p.text.trim())
      expect(body.split(/\n\s*\n/).join('\n\n'), name).toBe(body)
    }
  })

  it('sentences keep their offsets on tricky bodies (as pinned before the change in e85d2db)', () => {
    const got = Object.fromEntries(
      Object.entries(TRICKY).map(([k, body]) => [k, sentences(body).map((s) => `${s.start}-${s.end}#${s.paragraph}`)]),
    )
    expect(got).toEqual({
      canonical: ['0-4#0', '5-9#0', '11-17#1'],
      blankWithSpaces: ['0-4#0', '7-11#0'],
      blankWithTab: ['0-4#0', '7-11#0'],
      crlf: ['0-4#0', '8-12#0'],
      leading: ['2-6#0'],
      trailing: ['0-4#0'],
      threeNewlines: ['0-4#0', '7-11#1'],
      emptyParagraph: ['0-4#0', '8-12#1'],
      spacesAfterBreak: ['0-4#0', '8-12#1'],
      spaceBeforeBreak: ['0-4#0', '7-11#1'],
      // Was paragraph #2: a whitespace-only piece is no longer counted (the number only groups sentences).
      whitespaceParagraph: ['0-4#0', '9-13#1'],
    })
  })

  it('the export makes one Markdown block per model paragraph', () => {
    for (const body of Object.values(TRICKY)) expect(exportParagraphs(body)).toEqual(paragraphs(body))
  })

  it('versions compare and diff the model paragraphs, trimmed, with no empty ones', () => {
    const { db } = openDatabase(':memory:')
    const insert = db.prepare(
      `INSERT INTO articles (title, source_name, format, encoding, content_hash, body, raw, words, imported_at, version_of)
       VALUES (?, ?, 'text', 'utf-8', ?, ?, '', 1, '2025-01-01T00:00:00Z', ?)`,
    )
    const table: Record<string, unknown> = {}
    for (const [name, body] of Object.entries(TRICKY)) {
      const older = Number(insert.run(`old ${name}`, `${name}.txt`, `old-${name}`, 'One.\n\nTwo.\n\nOther.', null).lastInsertRowid)
      const shares = findPreviousVersion(db, { url: null, title: 'x', outlet: null, source_name: `${name}.txt`, body }) === older
      const newer = Number(insert.run(`new ${name}`, `${name}.txt`, `new-${name}`, body, older).lastInsertRowid)
      const diff = articleVersions(db, newer).diffs[0]
      table[name] = [shares, diff?.added, diff?.removed, diff?.unchanged]
    }
    db.close()
    expect(table).toEqual({
      canonical: [false, ['One. Two.', 'Three.'], ['One.', 'Two.', 'Other.'], 0],
      // A line of spaces (or \r\n) is no paragraph break any more: one paragraph, not shared.
      blankWithSpaces: [false, ['One.\n \nTwo.'], ['One.', 'Two.', 'Other.'], 0],
      blankWithTab: [false, ['One.\n\t\nTwo.'], ['One.', 'Two.', 'Other.'], 0],
      crlf: [false, ['One.\r\n\r\nTwo.'], ['One.', 'Two.', 'Other.'], 0],
      // An empty piece was shown as an added paragraph ''; spaces around a paragraph made it "changed".
      leading: [true, [], ['Two.', 'Other.'], 1],
      trailing: [true, [], ['Two.', 'Other.'], 1],
      threeNewlines: [true, [], ['Other.'], 2],
      emptyParagraph: [true, [], ['Other.'], 2],
      spacesAfterBreak: [true, [], ['Other.'], 2],
      spaceBeforeBreak: [true, [], ['Other.'], 2],
      whitespaceParagraph: [true, [], ['Other.'], 2],
    })
  })
})
