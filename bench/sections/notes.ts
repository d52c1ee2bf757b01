/**
 * Issue 6 (speed), core part: saving a note with 200 links against the same note with none
 * (core saveNote: JSON, plain text, link extraction and note_links in one transaction). The
 * editor's load and typing are measured in the browser section.
 */
import { join } from 'node:path'
import { openNotebook } from '../../src/main/core/notebook'
import { createNote, saveNote } from '../../src/main/core/notes/repo'
import { rng } from '../corpus'
import { headingNode, note, paragraph, ref, text, type JsonNode } from '../lexical-json'
import { formatTable, ms } from '../report'
import { bulkFill, fmt, heading, median, now, progress, ratio, removeDb, SEED, type Ctx } from '../util'

/** A note of `paragraphs` paragraphs of generated prose; with `links`, that many of them carry a link to an article. */
export function generatedNote(ctx: Ctx, paragraphs: number, links: number, articles: number): { root: JsonNode } {
  const r = rng(SEED ^ 0x7e5)
  const words = (n: number): string => Array.from({ length: n }, () => ctx.vocab.sample(r)).join(' ')
  const children: JsonNode[] = []
  const every = links > 0 ? Math.max(1, Math.floor(paragraphs / links)) : 0
  let made = 0
  for (let i = 0; i < paragraphs; i++) {
    if (i % 100 === 0) children.push(headingNode(`Part ${i / 100 + 1}`))
    const before = `${words(14)} `
    const after = ` ${words(12)}.`
    const id = 1 + (i % articles)
    if (every && i % every === 0 && made < links) {
      made++
      children.push(paragraph([text(before), ref('article', id, `Article ${id}`), text(after)]))
    } else children.push(paragraph([text(`${before}Article ${id}${after}`)]))
  }
  return note(children)
}

export async function notesSaveSection(ctx: Ctx): Promise<void> {
  heading('Notes: saving (issue 6)')
  progress('notes: saving a note with 200 links vs none')
  const file = join(ctx.root, 'notes-save.parley')
  removeDb(file)
  const notebook = openNotebook(file)
  const db = notebook.db
  bulkFill(db, ctx.vocab, 200)
  const date = new Date('2025-03-01T12:00:00Z')
  const withLinks = generatedNote(ctx, 200, 200, 200)
  const without = generatedNote(ctx, 200, 0, 200)
  const a = createNote(db, { title: 'With links', content: withLinks }, date).id
  const b = createNote(db, { title: 'Without links', content: without }, date).id
  const linked: number[] = []
  const plain: number[] = []
  const rounds = ctx.quick ? 40 : 150
  for (let i = 0; i < rounds + 10; i++) {
    const one = (id: number, content: unknown, into: number[]): void => {
      const t = now()
      saveNote(db, id, { content }, date)
      if (i >= 10) into.push(now() - t) // the first ten are warm-up
    }
    if (i % 2) {
      one(a, withLinks, linked)
      one(b, without, plain)
    } else {
      one(b, without, plain)
      one(a, withLinks, linked)
    }
  }
  const links = db.prepare('SELECT count(*) FROM note_links WHERE note_id = ?').pluck().get(a) as number
  const bytes = JSON.stringify(withLinks).length
  notebook.close()
  removeDb(file)
  console.log(`A note of 200 paragraphs (${fmt(bytes / 1024)} KB of Lexical JSON), saved ${rounds} times each way, alternating.`)
  console.log(
    formatTable(
      ['note', 'saves', 'median', 'min', 'note_links rows'],
      [
        ['200 paragraphs, no links', String(plain.length), ms(median(plain)), ms(Math.min(...plain)), '0'],
        ['200 paragraphs, 200 links to articles', String(linked.length), ms(median(linked)), ms(Math.min(...linked)), fmt(links)],
      ],
    ),
  )
  const x = median(linked) / median(plain)
  ctx.verdicts.push({
    target: 'notes: save with 200 links ≤ 3× with none',
    pass: x <= 3,
    detail: `${ratio(x)} (median ${ms(median(linked))} vs ${ms(median(plain))})`,
  })
  console.log()
}
