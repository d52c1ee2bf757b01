/**
 * Hostile pages are bounded: a size cap (import), element and nesting limits before parsing, and
 * a wall-clock budget between parsing phases, each with an error a user can read.
 */
import { describe, expect, it } from 'vitest'
import { extractHtml, insideLandmarks, parsePage, textBlocks } from './html'
import { importOne } from './import'
import { openDatabase } from '../db/open'

const page = (body: string): string => `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`

describe('pathological HTML', () => {
  it('refuses deep nesting and too many elements with a clear error, quickly', () => {
    const started = performance.now()
    expect(() => extractHtml(page('<div>'.repeat(5000) + 'x' + '</div>'.repeat(5000)))).toThrow(/nests elements more than 1000 deep/)
    expect(() => extractHtml(page('<span>a</span>'.repeat(250_000)))).toThrow(/more than 200,000 elements/)
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('does not count markup inside a script, a style or a comment (a script often carries HTML in a string)', () => {
    const prose = '<p>The delegations met for several hours and agreed to continue the consultations at a later date.</p>'.repeat(4)
    const inScript = `<script>var tip = "${"\\<span class\\='x'\\>".repeat(1500)}";</script>`
    const inComment = `<!-- ${'<div>'.repeat(1500)} -->`
    const inStyle = `<style>/* ${'<div>'.repeat(1500)} */</style>`
    for (const extra of [inScript, inComment, inStyle])
      expect(
        extractHtml(page(`${extra}<article><h1>Talks resume</h1>${prose}</article>`))
          .blocks.map((b) => b.text)
          .join(' '),
      ).toContain('The delegations met')
    // Markup outside them still counts.
    expect(() => extractHtml(page(`<script>x</script>${'<div>'.repeat(1500)}x`))).toThrow(/nests elements more than 1000 deep/)
  })

  it('reads a 100k-element page within the time budget, or refuses it', () => {
    const html = page(`<article><h1>Headline of the page</h1>${'<p>Short <b>words</b> here.</p>'.repeat(50_000)}</article>`)
    const started = performance.now()
    try {
      extractHtml(html)
    } catch (error) {
      expect((error as Error).message).toMatch(/took more than|does not look like an article/)
    }
    expect(performance.now() - started).toBeLessThan(20_000)
  })

  it('stops when the time budget is spent, and import reports it as a failed file', () => {
    let t = 0
    const clock = (): number => (t += 10_000)
    expect(() => extractHtml(page('<p>Some text that is long enough to read as a paragraph of an article.</p>'), { now: clock })).toThrow(
      /took more than 15 s to read/,
    )
    const { db } = openDatabase(':memory:')
    const deep = new TextEncoder().encode(page('<div>'.repeat(3000) + '</div>'.repeat(3000)))
    expect(importOne(db, { name: 'deep.html', bytes: deep })).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/nests elements/),
    })
    db.close()
  })
})

describe('page structure', () => {
  const prose = Array.from(
    { length: 6 },
    (_, i) => `<p>Paragraph ${i} of the story tells at some length what the delegations said to each other and what they agreed on.</p>`,
  ).join('')
  it('reads the page’s text when something stands before <html> or between </head> and <body> (linkedom would give an empty body)', () => {
    const cases = {
      'a server warning before <html>': ['<br />\n<b>Warning</b>: a plugin failed on line <b>299</b><br />\n', ''],
      'a <style> before <html>': ['<style>.boxes { opacity: 1 }</style>\n', ''],
      'a <meta> between </head> and <body>': ['', '<meta name="robots" content="index">'],
    }
    for (const [name, [before, between]] of Object.entries(cases)) {
      const html = `${before}<!doctype html><html><head><title>Talks resume - The Daily</title></head>${between}<body><article><h1>Talks resume</h1>${prose}</article></body></html>`
      // What Readability and the date and title rules read: the document's body, as a browser has it.
      const { body } = parsePage(html) as { body: { textContent: string } }
      expect(body.textContent, name).toContain('Paragraph 5 of the story')
      expect(body.textContent, name).not.toMatch(/^\s*$/)
      expect(
        extractHtml(html)
          .blocks.map((b) => b.text)
          .join('\n'),
        name,
      ).toContain('Paragraph 5 of the story')
    }
  })
})

describe('a page whose article Readability does not find', () => {
  const nav = `<ul>${['Region', 'Sport', 'Culture', 'Business', 'Weather', 'Contact'].map((w) => `<li><a href="/${w}">${w}</a></li>`).join('')}</ul>`
  const prose = 'The jury praised the novel for the way it tells the years after the war through the eyes of a boy in a small town.'
  const story = `<p>${prose}</p><p>${prose.replace('jury', 'committee')}</p>`
  const text = (html: string): string =>
    extractHtml(html)
      .blocks.map((b) => b.text)
      .join('\n')
  it('reads the article inside a landmark (an <aside>, a <header> left open) when no prose stands outside them, without the navigation', () => {
    const html = `<!doctype html><html><head><title>Prize goes to a first novel</title></head><body><nav>${nav}</nav><main><aside class="direct"><section class="story"><header class="story-tools"><h1>Prize goes to a first novel</h1><div class="teaser">${story}</div></section></aside></main><footer>${nav}</footer></body></html>`
    expect(text(html)).toContain('The committee praised the novel')
    expect(text(html)).not.toContain('Weather')
  })
  it('reads the article from a template that a script shows, without running anything', () => {
    const html = `<!doctype html><html><head><title>Prize goes to a first novel</title></head><body><h2><a href="/">The Town Blog</a></h2><div class="post-body"><script type='text/template'>${story}</script></div>${nav}</body></html>`
    expect(text(html)).toContain('The committee praised the novel')
  })
})

describe('what the markup of the chosen article says about its blocks', () => {
  const prose = (n: number): string =>
    `<p>Paragraph ${n} of the story tells at some length what the delegations said to each other and what they agreed on after the talks.</p>`
  const story = [1, 2, 3, 4, 5, 6].map(prose).join('')
  const hints = (article: string): Map<string, string | undefined> =>
    new Map(
      extractHtml(
        `<!doctype html><html><head><title>Talks resume</title></head><body><article>${article}</article></body></html>`,
      ).blocks.map((b) => [b.text.slice(0, 40), b.hint.chrome]),
    )
  it('takes a paragraph of prose in the article’s <header> (its lead) as the article’s, and a byline there as chrome', () => {
    const lead =
      'The delegations of both countries met again in the old capital on Monday and agreed to resume the talks that broke off in spring.'
    const found = hints(`<header><h1>Talks resume</h1><p>${lead}</p><p class="meta">By A. Writer, 3 May</p></header>${story}`)
    expect(found.get(lead.slice(0, 40))).toBeUndefined()
    expect(found.get('By A. Writer, 3 May')).toBe('header')
  })
  it('does not take the box of a paywalled article for chrome, and takes an author’s box and widgets for chrome', () => {
    const found = hints(
      `<h1>Talks resume</h1><p class="byline">By A. Writer</p>${story}<div class="paywall-content">${prose(7)}</div><section class="author-bio"><p>The writer covers diplomacy and trade for the paper since many years and lives in the capital.</p></section><div class="text-widget"><p>Most popular this week on the site, as chosen by our readers over the past seven days.</p></div>`,
    )
    expect(found.get('Paragraph 7 of the story tells at some le')).toBeUndefined()
    expect(found.get('The writer covers diplomacy and trade fo')).toBe('author-bio')
    // Readability often drops a widget itself; the walk of a whole page cues it.
    const walked = textBlocks(
      (
        parsePage(page('<div class="text-widget"><p>Most popular this week on the site.</p></div>')) as {
          body: Parameters<typeof textBlocks>[0]
        }
      ).body,
      { rawCues: true },
    )
    expect(walked.find((b) => b.text.startsWith('Most popular'))?.hint.chrome).toBe('widget')
  })
  it('reads no furniture cue in the classes of <body> and <html>, which wrap the whole page', () => {
    const doc = parsePage(
      '<!doctype html><html class="menu-open"><head><title>Talks</title></head><body class="has-ad-slots cookies-not-set"><p>The delegations met again on Monday.</p><div class="share-bar"><p>Share this</p></div></body></html>',
    ) as { body: Parameters<typeof textBlocks>[0] }
    const walked = textBlocks(doc.body, { rawCues: true })
    expect(walked.find((b) => b.text.startsWith('The delegations'))?.hint.chrome).toBeUndefined()
    expect(walked.find((b) => b.text === 'Share this')?.hint.chrome).toBe('share')
  })
  it('reads a furniture word only as a whole part of a class or id token, the first such token of the list first', () => {
    const cue = (attributes: string): string | undefined => {
      const doc = parsePage(
        `<!doctype html><html><head><title>T</title></head><body><div ${attributes}><p>Words of a line.</p></div></body></html>`,
      ) as {
        body: Parameters<typeof textBlocks>[0]
      }
      return textBlocks(doc.body, { rawCues: true })[0]?.hint.chrome
    }
    expect(cue('class="shared-reader loaded"')).toBeUndefined()
    expect(cue('class="shared-reader  page-share_bar"')).toBe('share')
    expect(cue('class="box\tpromo-box related-links"')).toBe('promo')
    expect(cue('class="main" id="most-read-list"')).toBe('most-read')
    expect(cue('class="adventure" id="headline"')).toBeUndefined()
    expect(cue('class="x ADS"')).toBe('ads')
  })
})

describe('the headline without the kicker its markup sets apart', () => {
  const prose =
    '<p>The delegations met for several hours and agreed to continue the consultations at a later date, officials said.</p>'.repeat(5)
  const titled = (og: string, h1: string): string | null =>
    extractHtml(
      `<!doctype html><html><head><title>${og} | The Daily</title><meta property="og:title" content="${og}"></head><body><article><h1>${h1}</h1>${prose}</article></body></html>`,
    ).title
  it('drops a first part set apart by a line break, a block, a <small> or a label class, when a meta title confirms the rest', () => {
    expect(titled('Talks: A new round opens', '<span class="sub">Talks</span><br><span>A new round opens</span>')).toBe('A new round opens')
    expect(titled('Week in review | A new round opens', '<span class="t"><small>Week in review</small><br>A new round opens</span>')).toBe(
      'A new round opens',
    )
    expect(titled('Anniversary: A new round opens', '<div class="topic-label"> Anniversary </div> A new round opens')).toBe(
      'A new round opens',
    )
    expect(titled('Talks in the capital - A new round opens', '<span class="subtitle">Talks in the capital</span> A new round opens')).toBe(
      'A new round opens',
    )
    expect(titled('Talks - A new round opens', '<span class="teaser__kicker red">Talks</span> <span>A new round opens</span>')).toBe(
      'A new round opens',
    )
  })
  it('keeps a headline whose parts are not set apart, or whose first part is long', () => {
    expect(titled('Talks resume: a new round opens', '<span>Talks resume:</span> <em>a new round opens</em>')).toBe(
      'Talks resume: a new round opens',
    )
    expect(
      titled(
        'Envoys of both sides met again in the old capital. A new round opens',
        '<span class="subtitle">Envoys of both sides met again in the old capital.</span><br>A new round opens',
      ),
    ).toBe('Envoys of both sides met again in the old capital. A new round opens')
  })
  it('takes the lone <h1> that a meta title words differently, when the two share their words', () => {
    expect(titled('Embassy staffing talks resume', 'Embassy staffing talks resume in the capital after a pause')).toBe(
      'Embassy staffing talks resume in the capital after a pause',
    )
    expect(titled('Embassy staffing: what changes', 'Staffing of embassies: what changes now')).toBe(
      'Staffing of embassies: what changes now',
    )
    // An <h1> that shares nothing with the meta title (a section name, a slogan) is not the headline.
    expect(titled('Embassy staffing talks resume', 'Latest news from our region')).toBe('Embassy staffing talks resume')
  })
})

describe('the outlet of a page that states no name and no address', () => {
  const prose =
    '<p>The delegations met for several hours and agreed to continue the consultations at a later date, officials said.</p>'.repeat(5)
  const outlet = (head: string, body: string): string | null =>
    extractHtml(`<!doctype html><html><head>${head}</head><body>${body}<article><h1>Talks resume</h1>${prose}</article></body></html>`)
      .siteName
  it('takes the name after the headline in the page title, the home link’s logo or text, or the copyright holder', () => {
    expect(outlet('<title>Talks resume - The Town Crier</title>', '')).toBe('The Town Crier')
    expect(outlet('<title>Talks resume</title>', '<a href="/"><img src="l.png" alt="Logo Town Crier"></a>')).toBe('Town Crier')
    expect(outlet('<title>Talks resume</title>', '<a href="/">Townsite.org: the news of the valley</a>')).toBe('Townsite.org')
    expect(outlet('<title>Talks resume</title>', '<footer>© 2020, Town Crier Media. All rights reserved.</footer>')).toBe(
      'Town Crier Media',
    )
  })
  it('does not take a home link that only says “home”, or a page title that is the headline alone', () => {
    expect(outlet('<title>Talks resume</title>', '<a href="/">Zurück zur Startseite</a><a href="./">Home</a>')).toBeNull()
  })
  it('takes the end of the page title that spells the address over a declared name that does not (a section, a person)', () => {
    const head = (site: string): string =>
      `<title>Talks resume | Town Crier</title><meta property="og:site_name" content="${site}"><link rel="canonical" href="https://www.towncrier.example/talks">`
    expect(outlet(head('Politics'), '')).toBe('Town Crier')
    // A declared name that spells the address stays.
    expect(outlet(head('The Town Crier Daily'), '')).toBe('The Town Crier Daily')
  })
  it('takes the name beside the headline in the page title, at either end, over the site most links go to', () => {
    const links = ['a', 'b', 'c', 'd'].map((p) => `<a href="https://code-host.example/${p}">${p}</a>`).join('')
    expect(outlet('<title>Talks resume - The Town Crier</title>', links)).toBe('The Town Crier')
    expect(outlet('<title>The Town Crier | Talks resume</title>', links)).toBe('The Town Crier')
    // Without a name in the title, the links' site.
    expect(outlet('<title>Talks resume</title>', links)).toBe('code-host.example')
  })
  it('takes an end of the page title that the copyright notice names, when the title has no headline to set it apart', () => {
    const body = '<div class="bottom">© 2020, Boys’ Choir of the Town</div>'
    expect(
      extractHtml(
        `<!doctype html><html><head><title>History - Boys’ Choir of the Town</title></head><body><article><h1>Our choir</h1>${prose}</article>${body}</body></html>`,
      ).siteName,
    ).toBe('Boys’ Choir of the Town')
  })
  it('reads the archived site from the links of a web archive’s copy', () => {
    const links = ['a', 'b', 'c'].map((p) => `<a href="/web/20070228213001/http://www.towncrier.example/${p}">${p}</a>`).join('')
    expect(outlet('<title>Talks resume</title>', links)).toBe('towncrier.example')
  })
  it('does not take a template’s placeholder or the headline for the declared site name', () => {
    const canonical = '<link rel="canonical" href="https://www.towncrier.example/talks">'
    expect(outlet(`<title>Talks resume</title>${canonical}<meta property="og:site_name" content="{$plugin.site_name}">`, '')).toBe(
      'towncrier.example',
    )
    const headline = 'Talks resume in the capital after a long pause'
    const head = (site: string): string =>
      `<title>${site}</title><meta property="og:title" content="${headline}">${canonical}<meta property="og:site_name" content="${site}">`
    expect(outlet(head(headline), '')).toBe('towncrier.example')
    // Of a headline given as the site's name, the part that spells the address is the site's.
    expect(outlet(head(`${headline} - TownCrier TV`), '')).toBe('TownCrier TV')
  })
  it('prefers, of the names a page declares, the one that spells its address (the other a section or a publisher)', () => {
    const head = (og: string, app: string): string =>
      `<title>Talks resume</title><link rel="canonical" href="https://www.towncrier.example/talks"><meta property="og:site_name" content="${og}"><meta name="application-name" content="${app}">`
    expect(outlet(head('Politics', 'Town Crier Online'), '')).toBe('Town Crier Online')
    expect(outlet(head('The Town Crier', 'Town Crier App'), '')).toBe('The Town Crier')
  })
  it('takes a part of the page title that is the address, at any place', () => {
    const head = `<title>Talks resume | towncrier.example | Your valley's paper</title><link rel="canonical" href="https://www.towncrier.example/talks"><meta property="og:site_name" content="Auto Weekly">`
    expect(outlet(head, '')).toBe('towncrier.example')
  })
  it('does not take the host of its images and scripts (a CDN) for the site, only the host its links go to', () => {
    const cdn =
      '<img src="https://img.cdn-host.net/a.jpg"><img src="https://img.cdn-host.net/b.jpg"><script src="https://img.cdn-host.net/c.js"></script>'
    expect(outlet('<title>Talks resume</title>', cdn)).toBeNull()
    const links =
      '<a href="https://www.towncrier.example/">Start</a><a href="https://www.towncrier.example/a">A</a><a href="https://www.towncrier.example/b">B</a>'
    expect(outlet('<title>Talks resume</title>', cdn + links)).toBe('towncrier.example')
  })
})

describe('the end of the chosen article', () => {
  const para = (n: number): string =>
    `<p>The committee heard testimony number ${n} from residents about the new bridge, and most of them said it would shorten their commute.</p>`
  it('drops a heading that heads nothing at the article’s end (the title of a box of teasers left out), and keeps one that heads text', () => {
    const html = page(
      `<article><h1>Residents back the bridge</h1>${[1, 2, 3, 4, 5].map(para).join('')}<h2>What happens next</h2>${para(6)}<h3>More on this</h3></article>`,
    )
    const texts = extractHtml(html).blocks.map((b) => b.text)
    expect(texts.at(-1)).toMatch(/testimony number 6/)
    expect(texts).toContain('What happens next')
    expect(texts).not.toContain('More on this')
  })
})

describe('a choice of Readability inside the page’s landmarks', () => {
  it('measures how much of the chosen text the page shows inside a footer, a form or an aside', () => {
    const form =
      '<p>I agree that the association may send me news about its work by e-mail, and I can withdraw this at any time by writing to it.</p>'
    const story =
      '<p>The delegations met again on Monday in the old town hall and agreed on a calendar for the next three rounds of talks.</p>'
    const doc = parsePage(
      `<!doctype html><html><head><title>Talks</title></head><body><div class="content">${story}</div><footer><form>${form}</form></footer></body></html>`,
    ) as { body: Parameters<typeof textBlocks>[0] }
    const walked = textBlocks(doc.body, { rawCues: true })
    const chosen = (html: string): ReturnType<typeof textBlocks> =>
      textBlocks(
        (parsePage(`<!doctype html><html><head></head><body>${html}</body></html>`) as { body: Parameters<typeof textBlocks>[0] }).body,
      )
    expect(insideLandmarks(chosen(form), walked)).toBe(1)
    expect(insideLandmarks(chosen(story), walked)).toBe(0)
  })
})

describe('the JSON-LD of a page', () => {
  const story = Array.from(
    { length: 6 },
    (_, i) => `<p>Paragraph ${i + 1} of the story says what the delegations agreed on, and what they left for the next round of talks.</p>`,
  ).join('')
  const withScript = (attributes: string): string =>
    `<!doctype html><html><head><title>Talks resume</title><script ${attributes}>{"@type":"NewsArticle","author":{"name":"Ann Writer"}}</script></head><body><article><h1>Talks resume</h1>${story}</article></body></html>`
  it('is read from its JSON-LD scripts, a datetime on them or not, and from no other script', () => {
    expect(extractHtml(withScript('type="application/ld+json"')).byline).toBe('Ann Writer')
    expect(extractHtml(withScript('type="application/ld+json" datetime="2021-03-04T10:00:00Z"')).byline).toBe('Ann Writer')
    expect(extractHtml(withScript('type="text/x-data" datetime="2021-03-04T10:00:00Z"')).byline).not.toBe('Ann Writer')
  })
})
