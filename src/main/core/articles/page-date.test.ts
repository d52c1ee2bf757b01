/**
 * The publication day of a page whose metadata states the moment in UTC: the publisher's own day
 * where the page shows the same moment in its time zone, or its URL writes the day one apart.
 */
import { describe, expect, it } from 'vitest'
import { extractHtml } from './html'
import { datelineOverLead, settleOrder, textDate, urlDate } from './page-date'

const page = (head: string, body: string, canonical?: string): string =>
  `<!doctype html><html><head><title>Mayor elected</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}${head}</head><body><article><h1>Mayor elected</h1>${body}${'<p>The council met late into the evening and counted every ballot twice before the result was announced.</p>'.repeat(4)}</article></body></html>`
const utc = (stamp: string): string => `<meta property="article:published_time" content="${stamp}">`

describe('a UTC timestamp and the publisher’s day', () => {
  it('takes the day of a <time> that shows the same moment in local time', () => {
    expect(
      extractHtml(page(utc('2023-11-09T05:30:59+00:00'), '<time datetime="2023-11-08 23:30:59">November 8, 2023 at 11:30 p.m.</time>'))
        .published,
    ).toBe('2023-11-08')
    expect(extractHtml(page(utc('2023-11-09T05:30:59Z'), '<time datetime="2023-11-08T23:30:59-06:00">Nov 8</time>')).published).toBe(
      '2023-11-08',
    )
  })
  it('keeps the UTC day when the <time> is another moment (a comment, a related story)', () => {
    expect(extractHtml(page(utc('2023-11-09T05:30:59+00:00'), '<time datetime="2023-11-08 23:12:00">a comment</time>')).published).toBe(
      '2023-11-09',
    )
    expect(
      extractHtml(page(utc('2023-11-08T22:43:30+00:00'), '<time datetime="2023-11-09T04:09:24-06:00">39 mins ago</time>')).published,
    ).toBe('2023-11-08')
  })
  it('takes the URL’s day one apart only where a time zone could make it so', () => {
    expect(extractHtml(page(utc('2020-02-25T02:25:54+00:00'), '', 'https://example.org/2020/02/24/mayor-elected/')).published).toBe(
      '2020-02-24',
    )
    // 10:04 UTC is the same day from UTC−10 to UTC+12: the URL's earlier day is when the page was made.
    expect(extractHtml(page(utc('2020-07-09T10:04:04Z'), '', 'https://example.org/politics/2020/07/08/mayor-elected/')).published).toBe(
      '2020-07-09',
    )
    expect(extractHtml(page(utc('20200414T00:38:07Z'), '', 'https://example.org/news/20200413/mayor-elected')).published).toBe('2020-04-13')
  })
  it('leaves a timestamp with its own offset as written', () => {
    expect(extractHtml(page(utc('2023-11-06T08:00:15-08:00'), '<time datetime="2023-11-05T16:00:15Z">x</time>')).published).toBe(
      '2023-11-06',
    )
  })
})

describe('the publication day the page shows', () => {
  const stated = (published: string, modified: string): string =>
    `<meta property="article:published_time" content="${published}"><meta property="article:modified_time" content="${modified}">`
  it('takes the edit’s day when the page shows only that day', () => {
    expect(
      extractHtml(page(stated('2021-03-02T09:00:00+01:00', '2021-04-19T10:00:00+01:00'), '<p class="article-date">Updated 19.04.2021</p>'))
        .published,
    ).toBe('2021-04-19')
  })
  it('keeps the publication when the page shows it, or shows no date at all', () => {
    expect(
      extractHtml(
        page(
          stated('2021-03-02T09:00:00+01:00', '2021-04-19T10:00:00+01:00'),
          '<p class="article-date">Updated 19.04.2021</p><p class="article-date">Published 02.03.2021</p>',
        ),
      ).published,
    ).toBe('2021-03-02')
    expect(extractHtml(page(stated('2021-03-02T09:00:00+01:00', '2021-04-19T10:00:00+01:00'), '')).published).toBe('2021-03-02')
  })
  it('reads a date stored as midnight east of Greenwich and written in UTC as the next day', () => {
    expect(extractHtml(page(utc('2022-11-06T23:00:00.000Z'), '')).published).toBe('2022-11-07')
    expect(extractHtml(page(utc('2021-11-04T22:00Z'), '')).published).toBe('2021-11-05')
    // Another moment of the evening is that day.
    expect(extractHtml(page(utc('2022-11-06T23:14:09Z'), '')).published).toBe('2022-11-06')
  })
})

describe('metadata that disagree', () => {
  const ld = (json: object): string => `<script type="application/ld+json">${JSON.stringify(json)}</script>`
  it('takes the day the page shows where the meta tags and the JSON-LD state two days', () => {
    const head = `<meta itemprop="datePublished" content="2019-10-18">${ld({ '@type': 'NewsArticle', datePublished: '2019-10-19T03:00:00.000Z' })}`
    expect(extractHtml(page(head, '<div class="meta__date">19.10.2019, 05:00</div>')).published).toBe('2019-10-19')
    // Without a date line, the meta tag stands.
    expect(extractHtml(page(head, '')).published).toBe('2019-10-18')
    // The JSON-LD's creation day, shown by the page, beside a publication stamp of the next day in UTC.
    const created = `<meta property="article:published_time" content="2022-05-04T00:53:29.274Z">${ld({ '@type': 'NewsArticle', dateCreated: 'Tue, 03 May 2022 23:53:14 GMT', datePublished: 'Wed, 04 May 2022 00:25:56 GMT' })}`
    expect(extractHtml(page(created, '<span class="article-date">3 May 2022</span>')).published).toBe('2022-05-03')
  })
  it('reads an embedded video’s upload day after the article’s own date', () => {
    const head = `<meta itemprop="uploadDate" content="2019-10-15 14:43:33">${ld({ '@type': 'NewsArticle', datePublished: '2019-10-19 18:56:59' })}`
    expect(extractHtml(page(head, '')).published).toBe('2019-10-19')
    expect(extractHtml(page('<meta itemprop="uploadDate" content="2019-10-15 14:43:33">', '')).published).toBe('2019-10-15')
  })
  it('does not take a "modified" day earlier than the publication', () => {
    const head =
      '<meta property="article:published_time" content="2022-12-25T08:00:00+01:00"><meta property="article:modified_time" content="2022-12-07T10:10:52+01:00">'
    expect(extractHtml(page(head, '<span class="post-meta">2022-12-07</span>')).published).toBe('2022-12-25')
  })
})

describe('the date line under the headline', () => {
  const generic = (day: string): string => `<meta name="date" content="${day}">`
  it('beats a bare "date" meta tag, which often holds the day the page was generated', () => {
    expect(extractHtml(page(generic('2021-06-30'), '<p>Posted 24.06.2021 by the newsroom</p>')).published).toBe('2021-06-24')
    expect(extractHtml(page(generic('2021-06-02'), '<p><span>Berlin, 09.06.2021</span></p>')).published).toBe('2021-06-09')
    // Without a date line, or with one far from the tag's day, the tag stands.
    expect(extractHtml(page(generic('2021-06-30'), '')).published).toBe('2021-06-30')
    expect(extractHtml(page(generic('2021-06-30'), '<p>Posted 24.06.2019</p>')).published).toBe('2021-06-30')
  })
  it('decides between publication tags that state two days', () => {
    const two = '<meta name="pubdate" content="2021-03-02T09:00:00+01:00"><meta name="DC.date.issued" content="2021-04-19T10:00:00+01:00">'
    expect(extractHtml(page(two, '<p>Jane Roe | 19.04.2021 | 10:00</p>')).published).toBe('2021-04-19')
    expect(extractHtml(page(two, '<p>Jane Roe | 02.03.2021 | 09:00</p>')).published).toBe('2021-03-02')
    expect(extractHtml(page(two, '')).published).toBe('2021-03-02')
  })
  it('does not let a named publication tag give way', () => {
    const named = '<meta property="article:published_time" content="2021-06-30T10:00:00+02:00">'
    expect(extractHtml(page(named, '<p>Posted 24.06.2021</p>')).published).toBe('2021-06-30')
  })
  it('comes before dated teasers and comments when the page has no metadata', () => {
    const teasers = '<ul><li class="teaser-date">03.05.2021</li><li class="teaser-date">01.05.2021</li></ul>'
    expect(extractHtml(page('', `<p>Jane Roe, 28.04.2021</p>${teasers}`)).published).toBe('2021-04-28')
  })
  it('passes over a longer heading that quotes dates (another title)', () => {
    expect(extractHtml(page('', '<h2>Results of the races from 2021/4/3 to 2021/4/4 at the coast</h2><p>10.04.2021</p>')).published).toBe(
      '2021-04-10',
    )
  })
})

describe('a slashed date in metadata that could be read either way', () => {
  it('is read in the order the page’s own dotted date settles', () => {
    const head = '<meta name="date" content="11/01/2023 12:43:42">'
    expect(extractHtml(page(head, '<footer><p>Created: 01.11.2023</p></footer>')).published).toBe('2023-11-01')
    expect(extractHtml(page(head, '<footer><p>Created: 11.01.2023</p></footer>')).published).toBe('2023-01-11')
    expect(extractHtml(page(head, '')).published).toBe('2023-01-11')
    expect(settleOrder('04/13/2023', '2023-04-13', '13.04.2023')).toBe('2023-04-13')
  })
})

describe('a <time> in a comment', () => {
  it('is passed over even when the comment marks only its container', () => {
    const comment = '<div class="comment-meta"><a href="#c1"><time datetime="2021-05-02T08:00:00+02:00">2 May 2021</time></a></div>'
    const shown = '<div class="entry"><time datetime="2021-04-20T10:00:00+02:00">20 April 2021</time></div>'
    expect(extractHtml(page('', `${comment}${shown}`)).published).toBe('2021-04-20')
  })
})

describe('a date in the page’s text', () => {
  const now = new Date('2024-01-01T00:00:00Z')
  const body = [
    'The new tariff applies from 1 January 2022 to cigarettes, and from 1 January 2022 to cigars; from 1 January 2023 to the rest.',
    'Date: 18.10.2021',
    'The law was published on 17 August 2021 in the gazette.',
  ].join('\n')
  it('takes a line that dates the page over a date the text repeats', () => {
    expect(textDate(body, false, now)).toBe('2021-10-18')
  })
  it('takes the date the text writes most often when no line dates the page', () => {
    expect(
      textDate(body.replace('Date: 18.10.2021', 'The office answered every letter that reached it before the summer.'), false, now),
    ).toBe('2022-01-01')
  })
})

describe('the date of an address', () => {
  it('reads a day-first date that is a whole path segment', () => {
    expect(urlDate('https://example.org/media/news/29-10-2021')).toBe('2021-10-29')
    expect(urlDate('https://example.org/29.10.2021/report.html')).toBe('2021-10-29')
    expect(urlDate('https://example.org/news/2020/08/16/talks')).toBe('2020-08-16')
    expect(urlDate('https://example.org/news/item-29-10-2021-7')).toBeNull()
  })
})

describe('the date line over the lead of a page copy', () => {
  const now = new Date('2024-06-01T00:00:00Z')
  const lead =
    'The council voted on Tuesday evening to keep the old harbour bridge open for another ten years, after a long debate about its repair and its cost.'
  const over = (lines: string[], anchor = 0): string | null => datelineOverLead(lines, anchor, false, now)

  it('is the short date line right over the first paragraph, past a share bar and a place', () => {
    expect(over(['Bridge stays open', 'Jane Roe', '12/03/2024 16h45', 'Share', 'Northport', lead])).toBe('2024-03-12')
    // After a time of day or a weekday, in any script's digits.
    expect(over(['Bridge stays open', '٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٣', lead])).toBe('2023-12-01')
  })
  it('passes over the dated entries of a list of teasers under a headline taken for the article’s', () => {
    const page = [
      'Bridge stays open',
      'Jane Roe 10/03/2024',
      'Ferry prices rise again next month',
      'Desk 05/03/2024',
      'Old lighthouse gets a new lamp',
      'Desk 01/03/2024',
      'Harbour repairs begin',
      '12/03/2024 16h45',
      lead,
    ]
    expect(over(page, 2)).toBe('2024-03-12')
  })
  it('passes over a ticker whose lines share one shape', () => {
    const ticker = ['08:45 Ferry prices rise 11.03.2024', '08:16 Lamp lit 11.03.2024', '07:50 Market opens 11.03.2024']
    expect(over(['Bridge stays open', ...ticker, '09:12, 12.03.2024', lead])).toBe('2024-03-12')
  })
  it('leaves the page to the other rules when the first dated line is not a date line over the lead', () => {
    // A byline with its date at the end, a relative time, a date over a caption far from the lead.
    expect(over(['Bridge stays open', 'By Jane Roe, staff writer, published on March 12, 2024', lead, 'Jane Roe 10/03/2024'])).toBeNull()
    expect(over(['Bridge stays open', 'By Jane Roe | 16 hours ago', 'Share', '10/03/2024', lead])).toBeNull()
    expect(over(['Bridge stays open', '12.03.2024', 'Harbour', 'Photo gallery', 'More', 'Weather', 'Sports', 'Ferry', lead])).toBeNull()
  })
  it('takes a date line just over the headline when none is under it', () => {
    expect(over(['Harbour', '4 March 2024, 15:29', 'Bridge stays open', lead], 2)).toBe('2024-03-04')
    // A standfirst first, then the date line: the line above is the site's "today".
    const standfirst =
      'The vote ends a debate of three years about the bridge, its repair and who pays for it, the mayor said on the steps of the hall.'
    expect(over(['Wednesday 13 March 2024', 'Harbour', 'Bridge stays open', standfirst, '12 March 2024', lead], 2)).toBe('2024-03-12')
  })
  it('is the date a lead opens with, not one run into a teaser’s text or a sentence’s', () => {
    expect(over(['Bridge stays open', `27.1.2024 – ${lead}`])).toBe('2024-01-27')
    expect(over(['Bridge stays open', `27.1.2024${lead}`])).toBeNull()
    expect(over(['Bridge stays open', `On 27 January 2024 ${lead}`])).toBeNull()
  })
  it('stops at a labelled line of published and updated days, for the other rules to read', () => {
    expect(over(['Bridge stays open', 'Published: 07.03.2024, 10:37 | updated: 08.03.2024, 11:01 (local time)', lead])).toBeNull()
  })
  it('does not read a date from a later sentence of the prose, or a future day', () => {
    expect(over(['Bridge stays open', `${lead} It was first opened on 3 May 1998.`])).toBeNull()
    expect(over(['Bridge stays open', '12.03.2031', lead])).toBeNull()
  })
})
