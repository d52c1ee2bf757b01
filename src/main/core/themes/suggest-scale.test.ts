// Issue 17 F3: one imported Markdown file named thousands of themes in `highlight-themes` and
// marked thousands of passages; opening the article ran suggestions for 18 s (2,000 themes) to
// more than 10 minutes (9,000), on the core's thread.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { MAX_MARKS_PER_FILE, MAX_NEW_THEMES_PER_FILE } from '../articles/import'
import { openNotebook } from '../notebook'
import { rng } from '../../../../tests/reliability/generate'
import { codedSpans } from './suggestions'

const tempDir = useTempDir()

/** A Markdown article of `n` sentences, each marked with its own new theme, as a hostile file would be. */
export function manyThemesMarkdown(n: number, marksPerSentence = 1): string {
  const names = Array.from({ length: n * marksPerSentence }, (_, i) => `T${i}`)
  const lines = Array.from({ length: n }, (_, i) =>
    Array.from(
      { length: marksPerSentence },
      (_, k) => `Delegates discussed ==ferry crossing zone${i}x${k} talks== with officials on day ${i * marksPerSentence + k}.`,
    ).join(' '),
  )
  return `---\ntitle: Many themes\nhighlight-themes:\n${names.map((t) => `  - ${t}`).join('\n')}\n---\n\n${lines.join('\n\n')}\n`
}

describe('suggestions with many themes (issue 17 F3)', () => {
  it('imports a file naming 2,000 new themes with a warning and at most the cap of new themes, and its suggestions answer in seconds, not minutes', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const before = (await notebook.handlers['themes.list']({})).length
    const [result] = await notebook.handlers['articles.import']({
      files: [{ name: 'many.md', data: Buffer.from(manyThemesMarkdown(2000)).toString('base64') }],
    })
    expect(result?.error).toBeUndefined()
    expect(result).toMatchObject({
      status: 'imported',
      warning: expect.stringContaining(`more than ${MAX_NEW_THEMES_PER_FILE} new themes`),
    })
    expect((await notebook.handlers['themes.list']({})).length).toBe(before + MAX_NEW_THEMES_PER_FILE)
    // Every passage is still highlighted; those of the themes not made have none.
    expect((await notebook.handlers['highlights.list']({ articleId: result!.id! })).length).toBe(2000)
    const t0 = performance.now()
    await notebook.handlers['suggestions.list']({ articleId: result!.id! })
    // About 0.5 s on a loaded 2-core machine (before: 18 s for 2,000 themes, minutes for more).
    expect(performance.now() - t0).toBeLessThan(5000)
    notebook.close()
  })

  it('keeps at most the cap of marks of one file, and says so', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const [result] = await notebook.handlers['articles.import']({
      files: [
        {
          name: 'marks.md',
          data: Buffer.from(manyThemesMarkdown(700, 3).replace(/highlight-themes:\n(?: {2}- .*\n)*/, '')).toString('base64'),
        },
      ],
    })
    expect(result?.warning).toContain(`only the first ${MAX_MARKS_PER_FILE} of its 2100 highlights`)
    expect((await notebook.handlers['highlights.list']({ articleId: result!.id! })).length).toBe(MAX_MARKS_PER_FILE)
    notebook.close()
  })

  it('finds coded spans by interval lookup exactly as a scan of every span would', () => {
    const random = rng(17)
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: Math.floor(random() * 40) }, () => {
        const start = Math.floor(random() * 200)
        return { themeId: random() < 0.2 ? null : 1 + Math.floor(random() * 3), start, end: start + 1 + Math.floor(random() * 30) }
      })
      const lookup = codedSpans(spans)
      for (let q = 0; q < 200; q++) {
        const themeId = 1 + Math.floor(random() * 3)
        const start = Math.floor(random() * 220)
        const end = start + 1 + Math.floor(random() * 30)
        const scan = spans.some((s) => s.themeId === themeId && s.start < end && start < s.end)
        expect(lookup(themeId, start, end)).toBe(scan)
      }
    }
  })
})
