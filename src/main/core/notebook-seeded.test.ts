import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openNotebook, openOrCreateDefault } from './notebook'

const article = `Talks resume in the capital

The two delegations met again on Tuesday for a second day of talks on the ceasefire, officials said.
Both sides described the meeting as constructive and agreed to meet again next week.
`

describe('notebook.info seeded', () => {
  it('is true for the notebook first run makes from seeds/, also after a restart, and false for any other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-seeded-'))
    const seeds = join(dir, 'seeds')
    mkdirSync(seeds)
    writeFileSync(join(seeds, '000_sample.txt'), article)
    const file = join(dir, 'notebook.parley')

    const first = await openOrCreateDefault(file, seeds)
    expect(first.seeded.map((r) => r.status)).toEqual(['imported'])
    expect((await first.notebook.handlers['notebook.info']({})).seeded).toBe(true)
    first.notebook.close()

    const again = await openOrCreateDefault(file, seeds)
    expect(again.created).toBe(false)
    expect((await again.notebook.handlers['notebook.info']({})).seeded).toBe(true)
    again.notebook.close()

    // The user's own notebook holding an article of the same name is not the sample one.
    const own = openNotebook(join(dir, 'own.parley'))
    const other = join(dir, 'mine')
    mkdirSync(other)
    writeFileSync(join(other, '000_sample.txt'), article)
    await own.importPaths([other])
    expect((await own.handlers['notebook.info']({})).seeded).toBe(false)
    own.close()

    const unseeded = await openOrCreateDefault(join(dir, 'bare.parley'), null)
    expect((await unseeded.notebook.handlers['notebook.info']({})).seeded).toBe(false)
    unseeded.notebook.close()
  })
})
