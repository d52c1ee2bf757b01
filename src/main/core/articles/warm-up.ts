/**
 * A worker's first articles run in V8's slow tiers: on a fresh thread the first few hundred files
 * of an import took ~40% longer than the rest. Preparing a few made-up pages while the worker is
 * idle (the notebook just opened) moves that cost out of the user's first import; a real file
 * stops the warm-up (real files warm it up as well, and must not wait). The pages are generic and
 * their results are thrown away.
 */
import { prepareArticle } from './prepare'

const SENTENCES = [
  'The regional council said on Tuesday that the harbour works would resume next week after a pause of two months.',
  'Engineers found that the old sea wall had moved by almost 12 centimetres since the survey of March 2023.',
  '“We cannot ask residents to wait another winter,” the council’s chair told reporters outside the town hall.',
  'The contractor, which had stopped work over a dispute about costs, agreed to a revised budget of 4.2 million.',
  'Local businesses, many of which depend on the ferry, welcomed the decision but asked for a firm timetable.',
  'A spokesperson for the port authority declined to comment on the delay, citing the ongoing negotiations.',
]

function page(n: number): { text: string; markdown: string; html: string } {
  const paragraphs = Array.from({ length: 14 }, (_, i) => [0, 1, 2].map((k) => SENTENCES[(n + i + k) % SENTENCES.length]).join(' '))
  const title = `Harbour works to resume after ${n + 2}-month pause`
  const furniture = [
    'Home | News | Sport | Weather',
    'Share on Facebook',
    'Sign up for our newsletter',
    '© 2024 Coast Post. All rights reserved.',
  ]
  const text = [furniture[0], title, `By Jane Roe, Coast Post`, `Published 4 March 2024`, ...paragraphs, ...furniture.slice(1)].join('\n\n')
  const markdown = `---\ntitle: ${title}\noutlet: Coast Post\npublished: 2024-03-04\n---\n\n# ${title}\n\n${paragraphs.join('\n\n')}\n`
  const html = `<!doctype html><html><head><title>${title} | Coast Post</title><meta property="article:published_time" content="2024-03-04"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Sign up for our newsletter</footer></body></html>`
  return { text, markdown, html }
}

/** Made-up articles prepared to warm a worker up. */
export const WARM_UP_STEPS = 40

/** Prepares the `n`th made-up article (text; every fourth step Markdown and HTML too). */
export function warmUpStep(n: number): void {
  const p = page(n)
  prepareArticle({ name: `warm-${n}.txt`, bytes: Buffer.from(p.text) })
  if (n % 4 === 0) prepareArticle({ name: `warm-${n}.md`, bytes: Buffer.from(p.markdown) })
  if (n % 4 === 0) prepareArticle({ name: `warm-${n}.html`, bytes: Buffer.from(p.html) })
}
