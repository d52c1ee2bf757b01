/**
 * What Readability leaves out of the article is taken back on structural evidence only: a lead
 * between the headline and the body, a paragraph inside the body's span; never a box with a
 * furniture cue, a row of links or a line that does not read as prose.
 */
import { describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import { recoverArticleBlocks } from './dom-recover'
import { extractHtml, textBlocks, type TextBlock } from './html'

const para = (n: number): string =>
  `<p>The committee heard testimony number ${n} from residents about the new bridge, and most of them said it would shorten their commute.</p>`
const LEAD = 'After three evenings of hearings, the town council is expected to approve the crossing before the summer recess.'

/** The page's blocks as extractHtml walks them (raw markup cues), from a real DOM. */
const walk = (body: string): TextBlock[] =>
  textBlocks(parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`).document.body as never, { rawCues: true })
const texts = (blocks: TextBlock[]): string[] => blocks.map((b) => b.text)

describe('taking back the article text Readability left out', () => {
  it('takes the lead set in its own box between the headline and the body, before the body', () => {
    const html = `<!doctype html><html><head><title>Residents back the bridge</title></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <div class="top"><div class="story-head"><h1>Residents back the bridge</h1><div class="standfirst">${LEAD}</div>
      <div class="meta">By A. Writer</div></div><ul class="tools"><li><a href="/a">Print</a></li><li><a href="/b">Mail</a></li></ul></div>
      <div class="main"><article>${[1, 2, 3, 4, 5, 6, 7, 8].map(para).join('')}</article><div class="more"><a href="/x">More</a></div></div>
      <footer>Contact</footer></body></html>`
    const blocks = texts(extractHtml(html).blocks)
    expect(blocks[0]).toBe(LEAD)
    expect(blocks.slice(1).every((t) => t.startsWith('The committee heard'))).toBe(true)
  })

  it('puts back a paragraph of the body that was cleaned away, in its place, and not furniture beside it', () => {
    const page = walk(
      `<h1>Residents back the bridge</h1><article>${para(1)}${para(2)}
       <div class="gallery"><p>A paragraph beside the pictures says the old ferry will keep running until the bridge opens.</p></div>
       <div class="share-box"><p>Share this story with your friends and family who might care about the bridge.</p></div>
       <div><p><a href="/1">Council approves the budget for the coming year after a long debate</a> and more.</p></div>
       <div><p>Photo gallery of the hearing evenings in the town hall</p></div>
       ${para(3)}${para(4)}</article>`,
    )
    const article = page.filter((b) => b.text.startsWith('The committee heard'))
    const out = texts(recoverArticleBlocks(article, page))
    expect(out).toHaveLength(5)
    expect(out[2]).toMatch(/^A paragraph beside the pictures/)
    expect(out.join(' ')).not.toMatch(/Share this story|Council approves|Photo gallery/)
  })

  it('puts back a short sentence and a list without links from inside the body, not a list of links or a caption line', () => {
    const page = walk(
      `<h1>Residents back the bridge</h1><article>${para(1)}${para(2)}
       <p>Who will pay for the new bridge in the end?</p>
       <ul><li>A lane for bicycles on both sides</li><li>Lights along the whole span</li></ul>
       <ul><li><a href="/a">Council approves the budget</a></li><li><a href="/b">Harbour to be dredged</a></li></ul>
       <p>Photo gallery of the hearing evenings in the town hall</p>
       ${para(3)}${para(4)}</article>`,
    )
    const article = page.filter((b) => b.text.startsWith('The committee heard'))
    const out = texts(recoverArticleBlocks(article, page))
    expect(out.slice(2, 5)).toEqual([
      'Who will pay for the new bridge in the end?',
      'A lane for bicycles on both sides',
      'Lights along the whole span',
    ])
    expect(out.join(' ')).not.toMatch(/Council approves|Harbour to be|Photo gallery/)
  })

  it('takes a lead set as a subheading under the headline, not a short subheading', () => {
    const page = walk(`<h1>Residents back the bridge</h1><h2>Section</h2><h2>${LEAD}</h2><article>${para(1)}${para(2)}${para(3)}</article>`)
    const article = page.filter((b) => b.text.startsWith('The committee heard'))
    expect(texts(recoverArticleBlocks(article, page))).toEqual([LEAD, ...texts(article)])
  })

  it('without a headline above, takes only a paragraph right before the article, not prose further up (a teaser of another story)', () => {
    const teaser =
      '<div class="box"><p>Another story: the harbour will be dredged next spring and its quays rebuilt, the port authority said on Monday.</p></div>'
    const far = walk(`${teaser}<div>Menu</div><div>Weather</div><div>Sport</div><article>${para(1)}${para(2)}${para(3)}</article>`)
    const farArticle = far.filter((b) => b.text.startsWith('The committee heard'))
    expect(texts(recoverArticleBlocks(farArticle, far))).toEqual(texts(farArticle))
    const near = walk(`<div class="intro"><p>${LEAD}</p></div><article>${para(1)}${para(2)}${para(3)}</article>`)
    const nearArticle = near.filter((b) => b.text.startsWith('The committee heard'))
    expect(texts(recoverArticleBlocks(nearArticle, near))).toEqual([LEAD, ...texts(nearArticle)])
    // Paragraphs taken on the way up do not count against the three blocks: a lead of two paragraphs
    // with an advertisement's label between them comes back whole.
    const second = 'The crossing would replace the ferry, which has carried people over the river for more than a century.'
    const split = walk(
      `<div><p>${LEAD}</p></div><div>Advertisement</div><div><p>${second}</p></div><div>Photo</div><article>${para(1)}${para(2)}</article>`,
    )
    const splitArticle = split.filter((b) => b.text.startsWith('The committee heard'))
    expect(texts(recoverArticleBlocks(splitArticle, split))).toEqual([LEAD, second, ...texts(splitArticle)])
  })

  it('reads no furniture in a class word of an element that wraps the article itself, but still in a box inside it', () => {
    const page = walk(
      `<div class="page-banner-layout"><h1>Residents back the bridge</h1><div class="intro"><p>${LEAD}</p></div>
       <article>${para(1)}${para(2)}<div class="share-box"><p>Share this story with your friends and family who might care about the bridge.</p></div>${para(3)}</article></div>`,
    )
    const article = page.filter((b) => b.text.startsWith('The committee heard'))
    expect(article.every((b) => b.hint.chrome === 'banner')).toBe(true)
    expect(texts(recoverArticleBlocks(article, page))).toEqual([LEAD, ...texts(article)])
  })

  it('takes the closing paragraphs right after the article, up to a heading or a box with a furniture cue', () => {
    const closing = 'Anyone who saw the hearing can tell the council what they think of the plans until the end of the month.'
    const page = walk(
      `<h1>Residents back the bridge</h1><article>${para(1)}${para(2)}${para(3)}</article><div class="tail"><p>${closing}</p></div>
       <div class="comments"><p>A comment by a reader who thinks that the bridge is too expensive for a town of this size.</p></div>
       <h2>More from the region</h2><p>The harbour will be dredged next spring and its quays rebuilt, the port authority said.</p>`,
    )
    const article = page.filter((b) => b.text.startsWith('The committee heard'))
    expect(texts(recoverArticleBlocks(article, page))).toEqual([...texts(article), closing])
    const headed = walk(`<article>${para(1)}${para(2)}</article><h2>More</h2><p>${closing}</p>`)
    const headedArticle = headed.filter((b) => b.text.startsWith('The committee heard'))
    expect(texts(recoverArticleBlocks(headedArticle, headed))).toEqual(texts(headedArticle))
  })

  it('leaves the article as it is when its blocks are not found on the page', () => {
    const page = walk(`<h1>Headline</h1><p>${LEAD}</p>`)
    const article: TextBlock[] = [{ text: 'Text that the page does not show in this form at all, rewritten.', hint: {} }]
    expect(recoverArticleBlocks(article, page)).toEqual(article)
  })
})
