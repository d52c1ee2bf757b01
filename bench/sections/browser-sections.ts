/** The sections that need Chromium: one browser for all of them, or SKIP lines saying why not. */
import { heading, type Ctx } from '../util'
import { browserUnavailable, buildStamp, launch } from './browser'
import { renderSection } from './render'
import { notesViewSection } from './notes-view'
import { matrixPaintSection } from './matrix-paint'
import { libraryScrollSection } from './library-scroll'
import type { BigNotebook } from './big'

export interface BrowserWanted {
  render: boolean
  notes: boolean
  /** The large notebook and the count query's time, when the matrix's first paint is wanted. */
  matrix: { big: BigNotebook; sqlMs: number } | null
}

export async function browserSections(ctx: Ctx, wanted: BrowserWanted): Promise<void> {
  const names = [
    wanted.render && 'render',
    wanted.notes && 'notes view',
    wanted.matrix && 'matrix view',
    wanted.matrix && 'library scroll',
  ].filter(Boolean)
  if (names.length === 0) return
  heading(`In Chromium: ${names.join(', ')}`)
  const missing = browserUnavailable()
  if (missing) {
    console.log(`SKIP: ${missing}.\n`)
    for (const target of [
      ...(wanted.render ? ['render 1,000 and 5,000 highlights'] : []),
      ...(wanted.notes ? ['notes view: load and typing'] : []),
      ...(wanted.matrix ? ['matrix view: first paint', 'library view: rows windowed while scrolling'] : []),
    ])
      ctx.verdicts.push({ target, pass: null, detail: missing })
    return
  }
  console.log(
    `Built renderer of ${buildStamp()} served by \`node out/main/cli.js serve\`; Chromium ${process.env.PARLEY_CHROMIUM || '/usr/bin/chromium'}.\n`,
  )
  const browser = await launch()
  try {
    if (wanted.render) await renderSection(ctx, browser)
    if (wanted.notes) await notesViewSection(ctx, browser)
    if (wanted.matrix) await matrixPaintSection(ctx, browser, wanted.matrix.big, wanted.matrix.sqlMs)
    // The same large notebook's articles: the Library's windowing (the Matrix's is measured just above).
    if (wanted.matrix) await libraryScrollSection(ctx, browser, wanted.matrix.big)
  } finally {
    await browser.close()
  }
}
