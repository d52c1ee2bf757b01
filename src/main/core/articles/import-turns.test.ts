import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openDatabase } from '../db/open'
import { importSources, prepareArticle, type Prepare, type SourceFile } from './import'

const tempDir = useTempDir()

/** A long article (every paragraph different, so cleaning keeps them all): its store is a group of its own. */
const long = (title: string, chars: number): SourceFile => {
  const paragraphs: string[] = []
  for (let i = 0, size = 0; size < chars; i++) {
    const p = `In session ${i} of the ${title} the delegations reviewed point ${i * 7} of the agenda and agreed to meet again on day ${i + 1}.`
    paragraphs.push(p)
    size += p.length + 2
  }
  return { name: `${title}.txt`, bytes: Buffer.from(`${title}\n\n${paragraphs.join('\n\n')}\n`) }
}

describe('import gives the event loop turns between its commits (issue 17 item 2)', () => {
  it('stores two long files prepared at once in two commits, with a turn between them and after the last', async () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'))
    // Prepared "by workers" before the first store, as a fast pool hands them over: nothing awaits between them.
    const prepare: Prepare = (source) => Promise.resolve(prepareArticle(source as SourceFile))
    const order: string[] = []
    const results = await importSources(
      db,
      [long('first talks', 300_000), long('second talks', 300_000)],
      {
        onResult: (result) => {
          order.push(`stored ${result.file} (${result.status})`)
          // A call that came in while this group was stored is read before the next one starts.
          setImmediate(() => setImmediate(() => order.push(`a call after ${result.file}`)))
        },
      },
      prepare,
    )
    order.push('import returned')
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported'])
    expect(order).toEqual([
      'stored first talks.txt (imported)',
      'a call after first talks.txt',
      'stored second talks.txt (imported)',
      'a call after second talks.txt',
      'import returned',
    ])
    db.close()
  })
})

describe('import prepares ahead within a bound (issue 15, import speed)', () => {
  it('hands many small files to the workers ahead of the store, but stops short of holding 64 MB of prepared text', async () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'))
    let begun = 0
    let stored = 0
    let mostAhead = 0
    const prepare: Prepare = (source) => {
      begun++
      mostAhead = Math.max(mostAhead, begun - stored)
      return Promise.resolve(prepareArticle(source as SourceFile))
    }
    const onResult = (): void => void stored++
    // Short files: far more than the eight a worker used to be given are in flight at once.
    const small = Array.from({ length: 200 }, (_, i) => long(`round ${i} of talks`, 2_000))
    await importSources(db, small, { onResult }, prepare)
    expect(stored).toBe(200)
    expect(mostAhead).toBeGreaterThan(64)
    // Files of some 3 MB, nearly all of it a blank tail (quick to prepare): counted at four times
    // their size once prepared, only six fit under 64 MB, so no more are handed out at once.
    begun = stored = mostAhead = 0
    const large = Array.from({ length: 12 }, (_, i) => {
      const file = long(`large round ${i}`, 2_000)
      return { name: file.name, bytes: Buffer.concat([file.bytes, Buffer.alloc(3_000_000, 0x20)]) }
    })
    await importSources(db, large, { onResult }, prepare)
    expect(stored).toBe(12)
    // Six held, and one more handed out as soon as the first is stored (reported once its group commits).
    expect(mostAhead).toBeLessThanOrEqual(7)
    db.close()
  })
})

describe('a file that fails while its group is written fails alone', () => {
  it('rolls the group back and stores it again file by file: the others are stored once, the bad one is reported', async () => {
    const { db } = openDatabase(join(tempDir(), 'n.parley'))
    // The database itself refuses one article part-way through the group (as a full disk or a
    // constraint would): a trigger, not a stand-in for any of Parley's code.
    db.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON articles WHEN new.source_name = 'third round.txt'
      BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`)
    const prepare: Prepare = (source) => Promise.resolve(prepareArticle(source as SourceFile))
    const files = ['first', 'second', 'third', 'fourth', 'fifth'].map((n) => long(`${n} round`, 1_500))
    const results = await importSources(db, files, {}, prepare)
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'failed', 'imported', 'imported'])
    expect(results[2]?.error).toContain('refused by the test')
    const names = db.prepare('SELECT source_name FROM articles ORDER BY id').pluck().all()
    expect(names).toEqual(['first round.txt', 'second round.txt', 'fourth round.txt', 'fifth round.txt'])
    // The index holds each stored article once, and nothing of the refused one.
    const found = db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'round'`).pluck().get()
    expect(found).toBe(4)
    expect(db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'third'`).pluck().get()).toBe(0)
    db.close()
  })
})
