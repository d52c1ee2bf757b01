import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { contract } from '../../../shared/contract'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

describe('articles.import called again with the same requestId', () => {
  it('answers with what the first call stored instead of importing again (no "already in library" for new files)', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const files = [
      { name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') },
      {
        name: 'ferry.txt',
        data: Buffer.from(
          `Ferry timetable changes\n\n${'The ferry now leaves at nine on weekdays and at ten on Sundays, the harbour office said. '.repeat(3)}\n`,
        ).toString('base64'),
      },
    ]
    const input = { files, requestId: 'import-0001-abcdef' }
    // A resend while the first is still running, and one after it finished: both get its answer.
    const [first, during] = await Promise.all([notebook.handlers['articles.import'](input), notebook.handlers['articles.import'](input)])
    const after = await notebook.handlers['articles.import'](input)
    expect(first.map((r) => r.status)).toEqual(['imported', 'imported'])
    expect(during).toEqual(first)
    expect(after).toEqual(first)
    expect(notebook.handlers['notebook.info']({})).toMatchObject({ articles: 2 })
    // Another call (a new id, or none) is a new import: the same files are then already there.
    const again = await notebook.handlers['articles.import']({ files, requestId: 'import-0002-abcdef' })
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    expect((await notebook.handlers['articles.import']({ files })).map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    notebook.close()
  })

  it('accepts only a short plain id', () => {
    const schema = contract['articles.import'].input
    const files = [{ name: 'a.txt', data: 'YQ==' }]
    expect(schema.safeParse({ files, requestId: '0123456789abcdef' }).success).toBe(true)
    for (const bad of ['short', 'x'.repeat(65), 'has space here', '../../etc/passwd']) {
      expect(schema.safeParse({ files, requestId: bad }).success, bad).toBe(false)
    }
  })
})
