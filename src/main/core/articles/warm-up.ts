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
  const html = htmlPage(n, title, paragraphs)
  return { text, markdown, html }
}

/**
 * A page built the way news sites build theirs (head metadata, nested wrappers with classes, menus,
 * a figure, related links, a footer), so that parsing, Readability's scoring and the page's own
 * checks all run their usual paths: on a bare page, a worker's first real pages still took two to
 * four times as long as the rest.
 */
function htmlPage(n: number, title: string, paragraphs: string[]): string {
  const menu = (cls: string, items: string[]): string =>
    `<ul class="${cls}">${items.map((item, i) => `<li class="${cls}__item"><a href="/${cls}/${i}" class="link">${item}</a></li>`).join('')}</ul>`
  const sections = ['News', 'World', 'Business', 'Sport', 'Culture', 'Weather', 'Opinion', 'Video']
  const related = SENTENCES.map(
    (s, i) => `<li><a href="/news/${n}-${i}"><span class="kicker">Coast</span> ${s.slice(0, 60)}</a></li>`,
  ).join('')
  const body = paragraphs
    .map((p, i) =>
      i === 4
        ? `<figure class="media"><img src="harbour-${n}.jpg" alt="The harbour" width="800" height="450"><figcaption>The sea wall in March. Photo: Coast Post</figcaption></figure><p>${p}</p>`
        : i === 8
          ? `<h2>What happens next</h2><p>${p}</p><div class="ad-slot" data-slot="mid">Advertisement</div>`
          : `<p>${p}</p>`,
    )
    .join('\n')
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    datePublished: '2024-03-04T09:30:00Z',
    author: { '@type': 'Person', name: 'Jane Roe' },
    publisher: { '@type': 'Organization', name: 'Coast Post' },
  })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Coast Post</title>
<meta name="description" content="${paragraphs[0]?.slice(0, 150) ?? ''}"><meta property="og:title" content="${title}">
<meta property="og:site_name" content="Coast Post"><meta property="article:published_time" content="2024-03-04T09:30:00Z">
<link rel="canonical" href="https://coast.example/news/2024/03/04/harbour-${n}"><script type="application/ld+json">${ld}</script>
<style>.page{margin:0 auto}.ad-slot{height:250px}</style><script>window.dataLayer=[];</script></head>
<body class="article-page"><div id="wrapper" class="page"><header class="site-header"><a class="logo" href="/">Coast Post</a>
<nav class="main-nav" aria-label="Sections">${menu('nav', sections)}</nav><form class="search" action="/search"><input name="q" type="search"></form></header>
<main id="content"><div class="container"><div class="row"><article class="story" itemscope itemtype="https://schema.org/NewsArticle">
<div class="story__header"><p class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a></p><h1 class="story__title" itemprop="headline">${title}</h1>
<div class="byline">By <a rel="author" href="/authors/jane-roe">Jane Roe</a> · <time datetime="2024-03-04T09:30:00Z">4 March 2024</time></div></div>
<div class="story__body" itemprop="articleBody">${body}</div>
<div class="share"><a href="#" class="share-facebook">Share on Facebook</a> <a href="#" class="share-x">Share on X</a></div></article>
<aside class="sidebar"><h3>Most read</h3><ol class="most-read">${related}</ol></aside></div></div></main>
<footer class="site-footer">${menu('footer', ['About us', 'Contact', 'Privacy', 'Terms', 'Cookies'])}<p>Sign up for our newsletter</p><p>© 2024 Coast Post. All rights reserved.</p></footer>
</div></body></html>`
}

/** Made-up articles prepared to warm a worker up. */
export const WARM_UP_STEPS = 40

/** Prepares the `n`th made-up article (text; every second step HTML, every fourth Markdown too). */
export function warmUpStep(n: number): void {
  const p = page(n)
  prepareArticle({ name: `warm-${n}.txt`, bytes: Buffer.from(p.text) })
  if (n % 4 === 0) prepareArticle({ name: `warm-${n}.md`, bytes: Buffer.from(p.markdown) })
  if (n % 2 === 0) prepareArticle({ name: `warm-${n}.html`, bytes: Buffer.from(p.html) })
}
