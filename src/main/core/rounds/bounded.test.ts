import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'

const tempDir = useTempDir()

// Issue 17, F4: a 1 MB file of dates froze the core for 11 s when its rounds were detected.
const dense = (day: number, year: number): string =>
  `Negotiators met in Geneva on March ${day}, ${year} and on Friday, ${day} April ${year - 1}, then talks on ${day}/05/${year - 2} and Monday.`

describe('round detection on date-dense files (issue 17, F4)', () => {
  it('imports a 1 MB date-dense file, and the notebook keeps answering within a second while its rounds are detected', async () => {
    const notebook = openNotebook(join(tempDir(), 'dense.parley'))
    const h = notebook.handlers
    try {
      // Paragraphs that differ (repeated ones are page furniture to the cleaner), each ten sentences full
      // of dates. (The shape that grew super-linearly, one endless sentence, is refused by today's
      // cleaner; detect.test.ts gives it to detection directly.)
      const paragraph = (i: number): string =>
        Array.from({ length: 10 }, (_, k) => dense(((i * 10 + k) % 28) + 1, 2000 + ((i + k) % 25))).join(' ')
      const paragraphs: string[] = []
      for (let i = 0, size = 0; size < 1_000_000; i++) {
        paragraphs.push(paragraph(i))
        size += (paragraphs.at(-1) as string).length + 2
      }
      const text = `Dates\n\n${paragraphs.join('\n\n')}`
      const started = performance.now()
      const [result] = await h['articles.import']({ files: [{ name: 'dates.txt', data: Buffer.from(text).toString('base64') }] })
      expect(result?.status, result?.error).toBe('imported')
      const imported = performance.now() - started

      let longest = 0
      let answers = 0
      let running = true
      const detection = Promise.resolve(h['rounds.detect']({})).finally(() => (running = false))
      while (running) {
        const asked = performance.now()
        await new Promise((resolve) => setTimeout(resolve, 10))
        expect((await h['notebook.info']({})).articles).toBe(1)
        longest = Math.max(longest, performance.now() - asked)
        answers++
      }
      await detection
      expect(answers).toBeGreaterThan(0)
      expect(longest).toBeLessThan(1_000)
      // The import itself (prepare, store, and the detection it runs for a small notebook) stays bounded too.
      expect(imported).toBeLessThan(30_000)
    } finally {
      notebook.close()
    }
  })
})
