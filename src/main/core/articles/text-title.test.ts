import { describe, expect, it } from 'vitest'
import { detectMetadata, normalizeDate } from './metadata'
import { headlineShaped, scoreTitle, trimHeadline } from './text-title'

// Invented page copies: a harbour town's paper, its menus, teasers and articles.
const NAV = Array.from({ length: 14 }, (_, i) => ['Home', 'Port', 'Town', 'Sport', 'Culture', 'Weather', 'Jobs'][i % 7] as string)
const LEAD =
  'The harbour board agreed on Tuesday evening to rebuild the old north pier before the winter storms, after divers found that two of its timber piles had rotted through.'
const MORE =
  'Work on the pier is to start in October and last about six weeks, the board said, while ferries move to the south quay and fishing boats share the inner basin.'

const copy = (head: string[]): string[] => [...NAV, ...head, LEAD, MORE, MORE.replace('October', 'November')]

describe('scoreTitle', () => {
  it('takes a headline with its signature and date run into its line, not the tagline over it for its headline', () => {
    const lines = copy([
      'Notes on ferries, boats and the harbour, every single week.',
      'Old north pier to be rebuilt before winter by anna on 3 May 2024',
    ])
    const found = scoreTitle(lines, NAV.length + 2)
    expect(found?.title).toBe('Old north pier to be rebuilt before winter by anna on 3 May 2024')
  })

  it('takes the line over the date line, not a section label or a comment link nearer the lead', () => {
    const lines = copy(['Port', 'Old north pier to be rebuilt before winter', '12 March 2024', 'Leave a comment'])
    const found = scoreTitle(lines, NAV.length + 4)
    expect(found?.title).toBe('Old north pier to be rebuilt before winter')
  })

  it('reads a headline that quotes in guillemets or names a place with an abbreviation', () => {
    const quoted = copy(['Port', 'Harbour master: «The pier will stand before winter»', '12 March 2024'])
    expect(scoreTitle(quoted, NAV.length + 3)?.title).toBe('Harbour master: «The pier will stand before winter»')
    const french = copy(['Port', '« Le quai tiendra avant l’hiver », promet le port', '12 March 2024'])
    expect(scoreTitle(french, NAV.length + 3)?.title).toBe('« Le quai tiendra avant l’hiver », promet le port')
    const abbreviated = 'St. Anne Harbour board agrees to rebuild the old north pier before the storms of the coming winter'
    expect(scoreTitle(copy(['Port', abbreviated, '12 March 2024']), NAV.length + 3)?.title).toBe(abbreviated)
  })

  it('does not take the author’s name for the headline when the byline is repeated under the start', () => {
    const lines = [...NAV, 'Opinion', 'Ada Quay', 'Why the old north pier must be rebuilt before winter', LEAD, 'Ada Quay', MORE, MORE]
    expect(scoreTitle(lines, NAV.length + 3)?.title).toBe('Why the old north pier must be rebuilt before winter')
  })

  it('reads a headline in title case and a one-word headline the article uses', () => {
    const titled = copy(['Sport', 'Rowers and Sailors Share the Harbour', 'Posted on 3 May 2024 by Ada Quay'])
    expect(scoreTitle(titled, NAV.length + 3)?.title).toBe('Rowers and Sailors Share the Harbour')
    const single = [...NAV, 'Contact', 'Imprint', 'Pier', LEAD, MORE]
    expect(scoreTitle(single, NAV.length + 3)?.title).toBe('Pier')
  })

  it('takes the headline above its standfirst, though the standfirst uses more of the article’s words', () => {
    const standfirst = 'Divers found that two timber piles of the old pier had rotted through before the winter storms'
    const lines = copy(['Old north pier to be rebuilt before winter', standfirst])
    const found = scoreTitle(lines, NAV.length + 2)
    expect(found?.title).toBe('Old north pier to be rebuilt before winter')
    expect(found?.standfirst).toBe(NAV.length + 1)
    // A standfirst that ends as a sentence is not taken for the headline either, across a photo credit.
    const credited = copy(['Old north pier to be rebuilt before winter', 'Photo: Ada Quay', `${standfirst}.`])
    expect(scoreTitle(credited, NAV.length + 3)?.title).toBe('Old north pier to be rebuilt before winter')
  })

  it('takes the headline over a label printed between it and its standfirst', () => {
    const standfirst = 'Divers found that two timber piles of the old pier had rotted through before the winter storms'
    const lines = copy(['Old north pier to be rebuilt before winter', 'This story is more than 3 years old', standfirst])
    const found = scoreTitle(lines, NAV.length + 2)
    expect(found?.title).toBe('Old north pier to be rebuilt before winter')
    expect(found?.standfirst).toBe(NAV.length + 2)
  })

  it('takes the headline above a long standfirst that has no sentence stop, across a gap in their scores', () => {
    // The standfirst says what the lead says; the headline uses none of its words: it scores far lower.
    const standfirst =
      'The harbour board agreed to rebuild the old north pier before the winter storms after divers found rotted timber piles'
    const lines = copy(['Photo of the harbour at dusk', 'Costly Quay Plan Splits the Town Council', standfirst, 'Ada Quay'])
    const found = scoreTitle(lines, NAV.length + 4)
    expect(found?.title).toBe('Costly Quay Plan Splits the Town Council')
    expect(found?.standfirst).toBe(NAV.length + 2)
    // A section label above a headline is not a headline over a standfirst.
    const labelled = copy([
      'PORT AND HARBOUR NEWS',
      'Harbour board votes for a new pier and asks the town to pay for half of it',
      'Ada Quay',
    ])
    expect(scoreTitle(labelled, NAV.length + 3)?.title).toBe('Harbour board votes for a new pier and asks the town to pay for half of it')
  })

  it('does not take a label over the headline for it: glued links, a line with pipes', () => {
    const headline = 'Harbour board votes for a new pier and asks the town to pay for half of it'
    for (const label of ['Local NewsSports Weekly Digest', 'Topics: Politics | Local Elections'])
      expect(scoreTitle(copy(['Town', label, headline, '12 March 2024']), NAV.length + 4)?.title).toBe(headline)
  })

  it('takes a headline that the copy runs after its date on one line', () => {
    const lines = copy(['Town', 'Weather', '12 March 2024 Old north pier to be rebuilt before winter', 'Share'])
    expect(trimHeadline(scoreTitle(lines, NAV.length + 4)?.title ?? '')).toBe('Old north pier to be rebuilt before winter')
  })

  it('takes the headline printed over and under a kicker, not the kicker between its copies', () => {
    const headline = 'Pier repairs: better than their reputation?'
    const lines = copy(['Town', headline, 'Reading sample: the old harbour and the north pier', headline, '12 March 2024'])
    expect(scoreTitle(lines, NAV.length + 5)?.index).toBe(NAV.length + 3)
  })

  it('takes a headline whose line ends in its signature and date', () => {
    const lines = copy(['Town', 'Leave a comment', 'Old north pier to be rebuilt before winter by Ada Quay on 12 March 2024', 'Share'])
    expect(scoreTitle(lines, NAV.length + 4)?.title).toBe('Old north pier to be rebuilt before winter by Ada Quay on 12 March 2024')
  })

  it('does not take the author’s name on its own line under the headline for it', () => {
    const standfirst = 'What the town will pay, and when the ferries move again.'
    const lines = copy(['Port', 'Costly Quay Plan Splits the Town Council', standfirst, 'Ada Maria Lind', '12 March 2024'])
    expect(scoreTitle(lines, NAV.length + 5)?.title).toBe('Costly Quay Plan Splits the Town Council')
    // A short headline in capitals that the article is about stays a headline.
    const named = copy(['Port', 'North Pier', 'Ada Quay', '12 March 2024'])
    expect(scoreTitle(named, NAV.length + 4)?.title).toBe('North Pier')
  })
})

describe('headlineShaped', () => {
  it('does not take an address alone on its line (an e-mail, a web address, a domain) for a headline', () => {
    for (const line of [
      'desk@harbour-paper.example',
      'www.harbour-paper.example',
      'https://harbour-paper.example/pier',
      'harbour-paper.example',
    ])
      expect(headlineShaped(line)).toBe(false)
    expect(headlineShaped('Harbour-paper.example wins a prize for its pier coverage')).toBe(true)
  })
})

describe('lines beside the headline that sign or credit it', () => {
  it('does not take the author’s name beside the date line or under a lone "By", even when the article names the author', () => {
    const lead = `${LEAD} Ada Quay, who has written about the pier for years, watched the vote.`
    const above = [...NAV, 'Ada Quay', '12 March 2024', 'Storm season ahead', lead, MORE, MORE]
    expect(scoreTitle(above, NAV.length + 3)?.title).toBe('Storm season ahead')
    const under = [...NAV, 'Storm season ahead', 'By', 'Ada Quay', '12 March 2024', lead, MORE]
    expect(scoreTitle(under, NAV.length + 4)?.title).toBe('Storm season ahead')
  })

  it('does not take a caption that ends in a photo credit in another language for the headline', () => {
    const caption = [...NAV, 'Sturmzeit am Hafen', '12.03.2024', 'The old north pier at low tide. Foto: AQ', LEAD, MORE]
    expect(scoreTitle(caption, NAV.length + 3)?.title).toBe('Sturmzeit am Hafen')
  })
})

describe('the headline of a page copy', () => {
  it('is scored near the top of a page copy too: a one-word headline under a breadcrumb and a photo credit', () => {
    const lead =
      'Harbourtown lies where the river meets the sea, and its fishing fleet has landed herring at the old north pier for more than three hundred years.'
    const lines = [
      'You are here: Home » Towns » Coast » Harbourtown',
      'Photo: Ada Quay',
      'Harbourtown',
      lead,
      MORE,
      ...Array(10).fill(MORE),
    ]
    expect(detectMetadata(lines, { articleStart: 3 }, 'town.txt').title).toBe('Harbourtown')
  })

  it('is found above the article when a blurb about the author comes first and reads as the lead', () => {
    const blurb =
      'Ada Quay has written about the harbour, its boats and the people who work on them for more than twenty years, and before that she sailed with the fishing fleet.'
    const aside =
      'She lives above the old chandlery with two cats, a great many charts and a rowing boat that has not been in the water since the spring.'
    const lines = [
      ...NAV,
      'About the author',
      blurb,
      aside,
      'Archive',
      'Contact',
      'Imprint',
      'Privacy',
      'Print',
      'Old north pier to be rebuilt before winter',
      '12 March 2024',
      LEAD,
      MORE,
      MORE.replace('October', 'November'),
    ]
    const m = detectMetadata(lines, { articleStart: lines.indexOf(LEAD) }, 'pier.txt')
    expect(m.title).toBe('Old north pier to be rebuilt before winter')
  })
})

describe('a Chinese page copy', () => {
  it('finds the lead by words as the script counts them, and the headline above it', () => {
    const nav = ['首页', '新闻', '港口', '体育', '文化', '天气', '招聘', '联系我们', '关于我们', '订阅', '搜索', '登录']
    const lead =
      '港务委员会周二晚上同意在冬季风暴来临之前重建旧的北码头，因为潜水员发现码头的两根木桩已经完全腐烂，必须尽快更换以保证渡轮和渔船的安全。'
    const more = '工程预计在十月开始，持续大约六个星期，在此期间渡轮将改停南码头，渔船将共用内港，委员会表示将尽量减少对居民和游客的影响。'
    const lines = [...nav, '旧北码头将在冬季前重建', '2024-03-12 10:00 来源：港口日报', lead, more, more]
    const m = detectMetadata(lines, {}, 'pier.txt')
    expect(m.title).toBe('旧北码头将在冬季前重建')
    expect(m.published).toBe('2024-03-12')
  })
})

describe('the date of a page copy', () => {
  it('is read beside another copy of the headline (a teaser above the article)', () => {
    const lines = [
      ...NAV,
      'Old north pier to be rebuilt before winter',
      '14/03/2024',
      'Listen',
      ...NAV.slice(0, 8),
      'Old north pier to be rebuilt before winter',
      'Audio 4:22',
      'Share',
      'Print',
      'Save',
      'Comments',
      'Gallery',
      'Next',
      'Follow',
      LEAD,
      MORE,
    ]
    const m = detectMetadata(lines, { articleStart: lines.indexOf(LEAD) }, 'pier.txt')
    expect(m.title).toBe('Old north pier to be rebuilt before winter')
    expect(m.published).toBe('2024-03-14')
  })

  it('falls back on the date line nearest the headline, however far below the article it is printed', () => {
    const body = Array.from({ length: 12 }, (_, i) => MORE.replace('six weeks', `${i + 2} weeks`))
    const lines = [
      ...NAV,
      'Old north pier to be rebuilt before winter',
      LEAD,
      ...body,
      'Old north pier to be rebuilt before winter 21/11/2023',
      ...NAV,
      ...NAV,
    ]
    expect(detectMetadata(lines, { articleStart: NAV.length + 1 }, 'pier.txt').published).toBe('2023-11-21')
    // In the page's last quarter a date belongs to comments or a list of other articles.
    const late = [
      ...NAV,
      'Old north pier to be rebuilt before winter',
      LEAD,
      ...body,
      ...NAV,
      ...NAV,
      ...NAV,
      'Comment of 21/11/2023',
      ...NAV,
    ]
    expect(detectMetadata(late, { articleStart: NAV.length + 1 }, 'pier.txt').published).toBeNull()
  })

  it('takes a dated byline far above the headline, not a bare date there', () => {
    const between = ['Print', 'Email', 'Share', 'Save', 'Listen', 'Gallery', 'Next', 'Follow']
    const page = (line: string): string[] => [...NAV, line, ...between, 'Old north pier to be rebuilt before winter', LEAD, MORE]
    expect(detectMetadata(page('Posted by Ada Quay in Port news, 21/11/2023'), {}, 'pier.txt').published).toBe('2023-11-21')
    expect(detectMetadata(page('21/11/2023'), {}, 'pier.txt').published).toBeNull()
  })

  it('reads a slashed or dashed numeric date day first, unless its second number cannot be a month', () => {
    expect(normalizeDate('Posted 02/10/2020 by Ada Quay')).toBe('2020-10-02')
    expect(normalizeDate('Today, 02-11-2023 13:29')).toBe('2023-11-02')
    expect(normalizeDate('04/13/2020')).toBe('2020-04-13')
  })

  it('takes the date line right under the headline before a date the page prints at its top', () => {
    const lines = [
      'Latest: 3 January 2024',
      ...NAV,
      'Old north pier to be rebuilt before winter',
      '12 March 2024 Ada Quay Leave a comment',
      LEAD,
      MORE,
    ]
    expect(detectMetadata(lines, { articleStart: NAV.length + 3 }, 'pier.txt').published).toBe('2024-03-12')
    // A caption under the headline dates an event, not the article.
    const captioned = [
      'Latest: 3 January 2024',
      ...NAV,
      'Old north pier to be rebuilt before winter',
      'On 12 March 2024 the pier was closed.',
      LEAD,
      MORE,
    ]
    expect(detectMetadata(captioned, { articleStart: NAV.length + 3 }, 'pier.txt').published).not.toBe('2024-03-12')
  })
})

describe('trimHeadline', () => {
  it('takes the headline out of the breadcrumb trail, the marks and the byline a text copy runs into its line', () => {
    expect(trimHeadline('home / Harbour / Ferries: Night crossings return in spring')).toBe('Ferries: Night crossings return in spring')
    expect(trimHeadline('› Ferries: night crossings return in spring')).toBe('Ferries: night crossings return in spring')
    expect(trimHeadline('[> Anna Berg')).toBe('Anna Berg')
    expect(trimHeadline('Night FerriesNight Ferries')).toBe('Night Ferries')
    expect(trimHeadline('Night ferries return Night ferries return')).toBe('Night ferries return')
    expect(trimHeadline('Bora Bora')).toBe('Bora Bora')
    expect(trimHeadline('03.04.2024 - Night crossings return in spring')).toBe('Night crossings return in spring')
    expect(trimHeadline('1. Februar 2024 Nachtfähren fahren wieder über den Sund')).toBe('Nachtfähren fahren wieder über den Sund')
    expect(trimHeadline('[ 3 May 2024 ] Night crossings return in spring')).toBe('Night crossings return in spring')
    expect(trimHeadline('3 May 2024 Comments (3)')).toBe('3 May 2024 Comments (3)')
    expect(trimHeadline('9 November 1989: The night the harbour wall fell')).toBe('9 November 1989: The night the harbour wall fell')
    expect(trimHeadline('3 May 2024 Harbour News Ferries, pier, council')).toBe('3 May 2024 Harbour News Ferries, pier, council')
    expect(trimHeadline('2024-04-03 | Night crossings return in spring')).toBe('Night crossings return in spring')
    expect(trimHeadline('Faster ferry timetables with three simple tools by Anna Berg')).toBe(
      'Faster ferry timetables with three simple tools',
    )
  })

  it('keeps the first word of a headline that the copy glued to the date before it', () => {
    expect(trimHeadline('03.04.2024Fährpläne für den Sommer am Sund')).toBe('Fährpläne für den Sommer am Sund')
    expect(trimHeadline('3 May 2024Night crossings return in spring')).toBe('Night crossings return in spring')
  })

  it('keeps a quote, a bracketed section, a place after "von" and a short line as they are', () => {
    expect(trimHeadline('»Einfach kein Hafen mehr für uns«')).toBe('»Einfach kein Hafen mehr für uns«')
    expect(trimHeadline('[Hafen] Nachtfähren fahren wieder')).toBe('[Hafen] Nachtfähren fahren wieder')
    expect(trimHeadline('Die Fähren von Nord Havn')).toBe('Die Fähren von Nord Havn')
    expect(trimHeadline('Ferries by Anna Berg')).toBe('Ferries by Anna Berg')
    expect(trimHeadline('Harbour / Ferries / Timetables')).toBe('Harbour / Ferries / Timetables')
  })

  it('drops a signature joined to the headline when the page signs with that name elsewhere or dates it', () => {
    const page = [
      'Nachtfähren fahren wieder über den Sund von Mara Lind',
      'Mara Lind',
      'Die Nachtfähren über den Sund fahren vom Frühjahr an wieder, teilte die Reederei am Montag in einer kurzen Mitteilung mit.',
    ]
    expect(trimHeadline(page[0] as string, page)).toBe('Nachtfähren fahren wieder über den Sund')
    expect(trimHeadline('Neue Fahrpläne für alle Fähren im Sund von Mara Lind Erstellt am 03.04.24 um 08:35')).toBe(
      'Neue Fahrpläne für alle Fähren im Sund',
    )
    expect(trimHeadline('Das neue Fährschiff im ersten Test vor 11 Minuten von Mara Lind, Jon Berg', ['Text: Mara Lind, Jon Berg'])).toBe(
      'Das neue Fährschiff im ersten Test',
    )
  })

  it('drops a signature and a date run into the headline, but not a date the headline itself names', () => {
    expect(trimHeadline('Night ferries return to the sound by Anna Berg on 3 April 2024')).toBe('Night ferries return to the sound')
    expect(trimHeadline('Nachtfähren fahren wieder von Mara · 3. April 2024')).toBe('Nachtfähren fahren wieder')
    expect(trimHeadline('Le quai nord sera reconstruit jeudi 3 avril 2024, par Léa Marin')).toBe('Le quai nord sera reconstruit')
    expect(trimHeadline('Harbour board approves the new pier by: Anna Berg')).toBe('Harbour board approves the new pier')
    expect(trimHeadline('Pier works deadline extended by March 31, 2024')).toBe('Pier works deadline extended by March 31, 2024')
    // A date line signed so is not a headline with its signature.
    expect(trimHeadline('Veröffentlicht am Fr, 3. April 2024, 18:18 von Mara Lind')).toBe(
      'Veröffentlicht am Fr, 3. April 2024, 18:18 von Mara Lind',
    )
  })

  it('drops a kicker run into the headline when the page prints the rest as a breadcrumb item or a title line', () => {
    const line = 'Neue Saison Nachtfähren fahren wieder über den Sund'
    expect(trimHeadline(line, ['home / Hafen / Nachtfähren fahren wieder über den Sund', line])).toBe(
      'Nachtfähren fahren wieder über den Sund',
    )
    expect(trimHeadline(line, ['Nachtfähren fahren wieder über den Sund - Hafenblatt', line])).toBe(
      'Nachtfähren fahren wieder über den Sund',
    )
    // A colon is no such evidence (a tag line, a sentence), nor a line of its own shorter than a
    // headline (a shorter name of the subject).
    expect(trimHeadline(line, ['Schlagwörter: Nachtfähren fahren wieder über den Sund', line])).toBe(line)
    const short = 'Neue Saison Nachtfähren am Sund'
    expect(trimHeadline(short, ['Nachtfähren am Sund', short])).toBe(short)
  })

  it('drops a kicker of up to three words when the page prints the rest, a headline of five words or more, on a line of its own', () => {
    const line = 'Neue Saison Nachtfähren fahren wieder über den Sund'
    expect(trimHeadline(line, [line, 'Nachtfähren fahren wieder über den Sund'])).toBe('Nachtfähren fahren wieder über den Sund')
    // Four words before it are more than a kicker; a part opening in lower case is a sentence's end.
    const long = 'Aus dem alten Hafen Nachtfähren fahren wieder über den Sund'
    expect(trimHeadline(long, [long, 'Nachtfähren fahren wieder über den Sund'])).toBe(long)
    const lower = 'Neue Saison: ab heute fahren wieder Fähren über den Sund'
    expect(trimHeadline(lower, [lower, 'ab heute fahren wieder Fähren über den Sund'])).toBe(lower)
  })

  it("writes a colon spaced off its kicker as the page's prose writes colons", () => {
    const line = 'Neue Saison : Nachtfähren fahren wieder über den Sund'
    const prose = (colon: string): string[] => [
      line,
      `Die Reederei teilte am Montag mit${colon} Vom Frühjahr an fahren die Nachtfähren über den Sund wieder jede Stunde, auch an den Sonntagen.`,
      `Der Hafenmeister sagte${colon} Die neuen Schiffe sind leiser, und die Anleger am Nordkai werden bis zum Sommer für alle Schiffe erneuert.`,
    ]
    expect(trimHeadline(line, prose(':'))).toBe('Neue Saison: Nachtfähren fahren wieder über den Sund')
    // Prose that spaces its colons too (French typography), or no colon in the prose: as it is.
    expect(trimHeadline(line, prose(' :'))).toBe(line)
    expect(trimHeadline(line, [line])).toBe(line)
  })

  it('keeps a place after "von" that the article keeps naming, even where a tag line prints it alone', () => {
    const page = [
      'Ein Sommer auf den Inseln oder die Fähren von Nord Havn',
      'Nord Havn liegt an der Mündung des Sunds, und im Sommer fahren die Fähren fast jede Stunde hinüber zu den Inseln.',
      'In Nord Havn kennt jeder den Fährmann, der seit dreissig Jahren dieselbe Strecke fährt und nie einen Tag ausgelassen hat.',
      'Nord Havn',
    ]
    expect(trimHeadline(page[0] as string, page)).toBe(page[0])
    expect(trimHeadline('Die Fähren fahren wieder von Nord Havn')).toBe('Die Fähren fahren wieder von Nord Havn')
  })
})
