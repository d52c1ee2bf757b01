import { describe, expect, it } from 'vitest'
import { detectMetadata, normalizeDate, relativePublished, stripSiteSuffix } from './metadata'

const LEAD =
  'The city zoo welcomed twin red panda cubs on Sunday, the first born there in more than twenty years, keepers said in a statement.'
const MORE = 'The cubs, a male and a female, are being cared for by their mother and will go on public view in the spring, the zoo said.'

describe('detectMetadata', () => {
  it('dates a page copy by its date line in any language: day-first dotted dates, slash-separated byline lines, "published" words', () => {
    const menu = ['Menu', 'Home', 'News', 'Sport', 'Culture', 'Travel', 'Weather', 'Contact', 'Search', 'Sign in']
    const copy = (lines: string[]): string | null =>
      detectMetadata([...menu, 'Twin red panda cubs born at city zoo', ...lines, LEAD, MORE], {}, 'zoo.txt').published
    expect(normalizeDate('am Dienstag, 07.11.2023 - 10:30')).toBe('2023-11-07')
    expect(copy(['Rosa Lind / 07.11.2023 / 09:30 / Photo: Agency'])).toBe('2023-11-07')
    expect(copy(['12. November 2015 / 13:48'])).toBe('2015-11-12')
    expect(copy(['Source: Agency. Veröffentlicht: 30.07.2019 09:35 Uhr'])).toBe('2019-07-30')
    expect(copy(['Publicado el 3 de mayo de 2022'])).toBe('2022-05-03')
    // A caption's date is the photo's.
    expect(copy(['The cubs on 2 May 2018 / Photo: Agency'])).toBeNull()
  })

  it('passes over a masthead’s date among the first lines of a whole-page copy, for the date line by the headline', () => {
    const menu = ['Menu', 'Home', 'News', 'Sport', 'Culture', 'Travel', 'Weather', 'Contact', 'Search', 'Sign in']
    const lines = ['Skip to content', 'Sunday, 9 March 2025|Today’s edition', ...menu, 'Twin red panda cubs born at city zoo']
    const byline = 'by Rosa Lind and Tomas Berg of the Harbour Gazette science desk, with reporting by the zoo pool: March 7, 2025 4:01 PM'
    expect(detectMetadata([...lines, byline, LEAD, MORE], {}, 'zoo.txt').published).toBe('2025-03-07')
    // A short page whose first lines are its own: the date line there is the article's.
    expect(detectMetadata(['Sunday, 9 March 2025', 'Twin red panda cubs born at city zoo', LEAD, MORE], {}, 'zoo.txt').published).toBe(
      '2025-03-09',
    )
  })

  it('reads a longer line under the headline that opens with its date, not the dated teasers above', () => {
    const menu = ['Menu', 'Home', 'News', 'Sport', 'Culture', 'Travel', 'Weather', 'Contact', 'Search', 'Sign in']
    const teasers = ['[ March 5, 2025 ] Ferry timetable changes for spring Audio', '[ March 4, 2025 ] Library extends hours Local News']
    const under = 'March 7, 2025 Rosa Lind Audio, Local News, Science, Animals, Comments Off on Twin red panda cubs born at city zoo'
    const m = detectMetadata([...menu, ...teasers, 'Twin red panda cubs born at city zoo', under, LEAD, MORE], {}, 'zoo.txt')
    expect(m.published).toBe('2025-03-07')
  })

  it('reads the headline, byline author and a dated line, and skips the kicker', () => {
    const m = detectMetadata(['Animals', 'Twin red panda cubs born at city zoo', 'By Rosa Lind | March 3, 2025', LEAD, MORE], {}, 'zoo.txt')
    expect(m).toMatchObject({
      title: 'Twin red panda cubs born at city zoo',
      titleIndex: 1,
      author: 'Rosa Lind',
      published: '2025-03-03',
      wire: null,
    })
  })

  it('takes the headline above its standfirst, an author line or a tag list, not the line nearest the lead', () => {
    const menu = ['Menu', 'Home', 'News', 'Sport', 'Culture', 'Travel', 'Weather', 'Contact', 'Search', 'Sign in']
    const lead = `${LEAD} Visitors queued at the gates before opening.`
    const title = (lines: string[]): string => detectMetadata([...menu, ...lines, lead, MORE], {}, 'zoo.txt').title
    const headline = 'Twin red panda cubs born at city zoo'
    const standfirst = 'Keepers say the first births in twenty years are a boost for a breeding programme across the region'
    expect(title([headline, standfirst, 'Rosa Lind Science editor'])).toBe(headline)
    // The standfirst passed over is the article's text: the cleaner is told to keep it.
    const withStandfirst = detectMetadata([...menu, headline, standfirst, lead, MORE], {}, 'zoo.txt')
    expect(withStandfirst.title).toBe(headline)
    expect(withStandfirst.keep.has(menu.length + 1)).toBe(true)
    expect(title([headline, '12 November 2015', 'Posted by Rosa in Animals', 'zoo, pandas, cubs, spring'])).toBe(headline)
    // A kicker above the headline is not the headline: too short, or not the article's words.
    expect(title(['Weekend outings', headline])).toBe(headline)
    // Near the top, a "skip to content" link is not the headline when the line above the lead is.
    expect(detectMetadata(['Skip to content', 'About this blog', 'Archive', headline, lead, MORE], {}, 'zoo.txt').title).toBe(headline)
  })

  it('dates a page copy by a date line printed apart from the headline, after the article', () => {
    const share = ['Share on Facebook', 'Share on X', 'Share by email', 'Print', 'Comments', 'Listen', 'Save', 'Gallery', 'Next']
    const article = Array.from({ length: 8 }, (_, i) => `${MORE.replace('spring', `spring ${i}`)}`)
    const footer = ['Contact', 'Imprint', 'Privacy', 'Jobs', 'Advertise', 'Newsletter', 'Archive', 'Help']
    const copy = (line: string): string | null =>
      detectMetadata(['Twin red panda cubs born at city zoo', ...share, LEAD, ...article, line, ...footer], {}, 'zoo.txt').published
    expect(copy('6. November 2023')).toBe('2023-11-06')
    expect(copy('Updated June 13, 2019 08:03')).toBe('2019-06-13')
  })

  it('dates a page copy by a date line a few lines above the headline, when none follows it sooner', () => {
    const nav = ['Home', 'News', 'Sport', 'Culture', 'Weather', 'Travel', 'Science', 'Podcasts', 'Video', 'Search']
    const copy = (above: string[], below: string[] = []): string | null =>
      detectMetadata([...nav, ...above, 'Twin red panda cubs born at city zoo', ...below, LEAD, MORE], {}, 'zoo.txt').published
    expect(copy(['14 February 2012', 'Print', 'Email', 'Share', 'Home › Local news'])).toBe('2012-02-14')
    // A date line under the headline that is nearer wins.
    expect(copy(['14 February 2012', 'Print', 'Email', 'Share', 'Home › Local news'], ['Listen', '15 February 2012'])).toBe('2012-02-15')
    // Further up than a few lines, a date is the page's, not the article's.
    expect(copy(['14 February 2012', 'Print', 'Email', 'Subscribe', 'Share', 'Local news', 'Home › Local news'])).toBeNull()
  })

  it('never invents a date: a weekday or a date without a year stays empty', () => {
    expect(detectMetadata(['Twin red panda cubs born at city zoo', 'Sunday, March 2', LEAD, MORE], {}, 'zoo.txt').published).toBeNull()
    expect(normalizeDate('on Tuesday')).toBeNull()
    expect(normalizeDate('2025-02-30')).toBeNull()
  })

  it('never takes the clock for a date: "12 minutes ago" or "today" is the day a copy is read', () => {
    expect(normalizeDate('12 minutes ago')).toBeNull()
    expect(normalizeDate('By Rosa Lind • 16 hours ago')).toBeNull()
    expect(normalizeDate('12 minutes ago Wed 29th April 2020 | 03:32 PM')).toBe('2020-04-29')
    expect(
      detectMetadata(['Twin red panda cubs born at city zoo', 'By Rosa Lind • 16 hours ago', LEAD, MORE], {}, 'zoo.txt').published,
    ).toBeNull()
  })

  it('reads a two-digit year day first, as the page writes it, and not a schedule', () => {
    expect(normalizeDate('07.11.23 - 10:11 | Rosa Lind 0 comments')).toBe('2023-11-07')
    expect(normalizeDate('30/10/23 | City News')).toBe('2023-10-30')
    expect(normalizeDate('19.1.23, 10:00-11:30 Uhr')).toBeNull()
  })

  it('reads numeric dates month first on a page that writes month names before the day', () => {
    const page = (extra: string): string[] => [
      'Twin red panda cubs born at city zoo',
      'Posted by Rosa Lind, 06/01/2020',
      LEAD,
      MORE,
      extra,
      extra,
    ]
    expect(detectMetadata(page('More from the zoo: Jun 3, 2020'), {}, 'zoo.txt').published).toBe('2020-06-01')
    expect(detectMetadata(page('More from the zoo: 3 June 2020'), {}, 'zoo.txt').published).toBe('2020-01-06')
    // A photo credit's date is the agency's way of writing, not the page's.
    expect(detectMetadata(page('Keepers at the zoo, Jun 3, 2020. (Photo: Agency)'), {}, 'zoo.txt').published).toBe('2020-01-06')
  })

  it('dates a short article by a bare date line in the page’s last quarter when nothing nearer has one', () => {
    const menu = ['Menu', 'Home', 'News', 'Sport', 'Culture', 'Travel', 'Weather', 'Contact', 'Search', 'Sign in']
    const teasers = Array.from({ length: 12 }, (_, i) => `Read next: the keepers' diary, part ${i + 1}`)
    const page = (line: string): string[] => [
      ...menu,
      ...menu,
      'Twin red panda cubs born at city zoo',
      LEAD,
      MORE,
      ...teasers,
      line,
      ...menu.slice(0, 5),
    ]
    expect(detectMetadata(page('10.11.2021'), {}, 'zoo.txt').published).toBe('2021-11-10')
    expect(detectMetadata(page('Aktualisiert: 30.12.2016'), {}, 'zoo.txt').published).toBe('2016-12-30')
  })

  it('finds a headline repeated in a trailing list when the page has none at the top', () => {
    const m = detectMetadata(
      [LEAD, MORE, 'Library opening hours cut', 'Twin red panda cubs born at the city zoo', 'Bus fares to rise'],
      {},
      'zoo.txt',
    )
    expect(m.title).toBe('Twin red panda cubs born at the city zoo')
    expect(m.titleIndex).toBe(3)
  })

  it('reads a wire sign-off after trailing furniture and cuts it from its line', () => {
    const m = detectMetadata(
      ['Twin red panda cubs born at city zoo', LEAD, `${MORE.slice(0, -1)} —AP`, 'Share this', 'Comments'],
      {},
      'z.txt',
    )
    expect(m.wire).toBe('AP')
    expect(m.edits.get(2)).toBe(MORE.slice(0, -1))
    expect(m.keep.has(2)).toBe(true)
  })

  it('reads a wire dateline, and an agency dateline as the outlet', () => {
    expect(detectMetadata(['Zoo cubs born', `LYON (Reuters) - ${LEAD}`, MORE], {}, 'z.txt').wire).toBe('Reuters')
    const own = detectMetadata(['Zoo cubs born', `LYON, March 3. /NPA/. ${LEAD}`, MORE], {}, 'z.txt')
    expect(own).toMatchObject({ outlet: 'NPA', wire: null })
  })

  it('reads a dateline that carries a date or an agency written in lower case, and a sign-off on a line of its own', () => {
    expect(detectMetadata(['Zoo cubs born', `LYON, March 3 (Reuters) -- ${LEAD}`, MORE], {}, 'z.txt').wire).toBe('Reuters')
    expect(detectMetadata(['Zoo cubs born', `LYON (npa-XFX) - ${LEAD}`, MORE], {}, 'z.txt').wire).toBe('npa-XFX')
    expect(detectMetadata(['Zoo cubs born', `LYON (npa) - ${LEAD}`, MORE], {}, 'z.txt').wire).toBe('npa')
    expect(detectMetadata(['Zoo cubs born', `LYON, 3 mar (NPA).- ${LEAD}`, MORE], {}, 'z.txt').wire).toBe('NPA')
    expect(detectMetadata(['Zoo cubs born', LEAD, MORE, '–NPA', 'Share this'], {}, 'z.txt').wire).toBe('NPA')
    // Not a sign-off: a dash and capitals under a line that is no paragraph.
    expect(detectMetadata(['Zoo cubs born', LEAD, 'Share this', '–NPA'], {}, 'z.txt').wire).toBeNull()
    // Nor a lower-case word in brackets after a capitalised place.
    expect(detectMetadata(['Zoo cubs born', `LYON (see map) - ${LEAD}`, MORE], {}, 'z.txt').wire).toBeNull()
  })

  it('titles a copy with no headline by its first sentence, without its dateline, not cut at an abbreviation', () => {
    const lead = 'LYON (NPA) — The U.S. consul and the harbour board agreed on Tuesday to rebuild the old north pier. Work starts soon.'
    expect(detectMetadata([lead], {}, 'z.txt').title).toBe('The U.S. consul and the harbour board agreed on Tuesday to rebuild the old…')
    const short = 'LYON — The U.S. consul and the board met. Work on the old north pier starts in October, the board said.'
    expect(detectMetadata([short], {}, 'z.txt').title).toBe('The U.S. consul and the board met.')
  })

  it('names a wire by the short name it signs with, however the page writes it', () => {
    expect(detectMetadata(['Zoo cubs born', 'By Rosa Lind, Associated Press', LEAD, MORE], {}, 'z.txt').wire).toBe('AP')
  })

  it("reads an agency dateline under another site's copyright line as the wire that site carries", () => {
    const carried = detectMetadata(['Zoo cubs born', `LYON, March 3. /NPA/. ${LEAD}`, MORE, '© 2025 Lakeside Herald'], {}, 'z.txt')
    expect(carried).toMatchObject({ outlet: 'Lakeside Herald', wire: 'NPA' })
    // The agency's own copyright line leaves it the outlet.
    const own = detectMetadata(['Zoo cubs born', `LYON, March 3. /NPA/. ${LEAD}`, MORE, '© 2025 NPA'], {}, 'z.txt')
    expect(own).toMatchObject({ outlet: 'NPA', wire: null })
  })

  it('does not take a hyphenated word or a job title for a wire', () => {
    expect(detectMetadata(['Zoo cubs born', LEAD, 'The zoo joined a breeding programme run across the UK-EU'], {}, 'z.txt').wire).toBeNull()
    expect(detectMetadata(['Zoo cubs born', 'By Rosa Lind, Science Reporter', LEAD, MORE], {}, 'z.txt').wire).toBeNull()
  })

  it('finds the outlet in a copyright line and in a reader appeal', () => {
    expect(detectMetadata([LEAD, MORE, '© 2025 Lakeside Herald. All rights reserved.'], {}, 'z.txt').outlet).toBe('Lakeside Herald')
    expect(detectMetadata(['Support the Valley Voice!', LEAD, MORE], {}, 'z.txt').outlet).toBe('the Valley Voice')
    expect(detectMetadata([LEAD, MORE, 'Suivez Gazette du Port sur Twitter'], {}, 'z.txt').outlet).toBe('Gazette du Port')
    expect(detectMetadata([LEAD, MORE, 'Folgen Sie dem Hafenblatt auf Instagram'], {}, 'z.txt').outlet).toBe('Hafenblatt')
  })

  it('prefers explicit metadata and drops the repeated headline from the text', () => {
    const m = detectMetadata(
      ['Twin red panda cubs born at city zoo', LEAD],
      {
        title: 'Twin red panda cubs born at city zoo | Lakeside Herald',
        outlet: 'Lakeside Herald',
        published: '2025-03-02T22:10:00-05:00',
      },
      'z.html',
    )
    expect(m).toMatchObject({
      title: 'Twin red panda cubs born at city zoo',
      titleIndex: 0,
      outlet: 'Lakeside Herald',
      published: '2025-03-02',
    })
  })
})

describe('stripSiteSuffix', () => {
  it('removes the site name after a separator, keeps a dash inside a headline', () => {
    expect(stripSiteSuffix('Cubs born at zoo - Lakeside Herald', 'Lakeside Herald')).toBe('Cubs born at zoo')
    expect(stripSiteSuffix('Red panda cubs born at city zoo | Herald', null)).toBe('Red panda cubs born at city zoo')
    expect(stripSiteSuffix('Zoo - the first cubs in twenty years', null)).toBe('Zoo - the first cubs in twenty years')
  })
})

describe('relative days', () => {
  it('resolves "said on Tuesday" against a known later date with chrono-node, never forward', () => {
    expect(relativePublished('The company said on Tuesday that profit rose.', '2025-03-13')).toBe('2025-03-11')
    expect(relativePublished('Volunteers cleared the river on Saturday.', '2025-04-28')).toBe('2025-04-26')
    expect(relativePublished('The mayor spoke on Thursday.', '2025-03-13')).toBe('2025-03-13')
    expect(relativePublished('The mayor spoke on Thursday.', null)).toBeNull()
    expect(relativePublished('No day is named here.', '2025-03-13')).toBeNull()
  })
})

describe('masthead or section kicker', () => {
  it('does not take a section word that the article itself keeps using as the outlet', () => {
    const paragraphs = [
      'Brazil',
      'Farmers in Brazil said on Monday that the coffee harvest had been the smallest in a decade, after a dry winter and two frosts in the main growing regions of the south.',
      'Exporters warned that Brazil would ship about a fifth less coffee this year, and traders said prices in New York had already risen by more than ten percent since July.',
    ]
    expect(detectMetadata(paragraphs, {}, 'coffee.txt').outlet).toBeNull()
  })

  it('still takes a short site name that only the furniture repeats', () => {
    const paragraphs = [
      'Valley Courier',
      'Home | News | Sport | Weather',
      'Bridge repairs to start in spring',
      'The county said on Tuesday that repairs to the old bridge would start in spring and take about four months, with one lane open to traffic throughout the work.',
      '© Valley Courier. All rights reserved.',
    ]
    expect(detectMetadata(paragraphs, {}, 'bridge.txt').outlet).toBe('Valley Courier')
  })

  it('takes no menu word, label or weekday at the top for the site, and a one-word name only where the footer names it', () => {
    const story = [
      'Bridge repairs to start in spring',
      'The county said on Tuesday that repairs to the old bridge would start in spring and take about four months, with one lane open to traffic throughout the work.',
      'Drivers were asked to use the ring road, where the council will add a second lane for buses during the works.',
    ]
    // A menu word the footer repeats inside other words or as a label.
    expect(detectMetadata(['Abo', ...story, 'Abo-Service', 'Thema: Verkehr'], {}, 'a.txt').outlet).toBeNull()
    expect(detectMetadata(['Thema', ...story, 'Thema: Verkehr'], {}, 'a.txt').outlet).toBeNull()
    // A weekday before the date is the page's date line.
    expect(detectMetadata(['Freitag, November 22, 2019', ...story], {}, 'a.txt').outlet).toBeNull()
    expect(detectMetadata(['Support Us', ...story], {}, 'a.txt').outlet).toBeNull()
    // The footer names the site in an "about" line, or a two-word name anywhere.
    expect(detectMetadata(['Brückenblatt', ...story, 'Über Brückenblatt'], {}, 'a.txt').outlet).toBe('Brückenblatt')
    expect(detectMetadata(['Valley Courier', ...story, 'Valley Courier on Facebook'], {}, 'a.txt').outlet).toBe('Valley Courier')
  })
})
