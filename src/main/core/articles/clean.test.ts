import { describe, expect, it } from 'vitest'
import { cleanParagraphs } from './clean'

const LEAD = [
  'The county council voted on Wednesday to rebuild the old swimming baths, ending a decade of argument over the Victorian building.',
  'The £12 million scheme will keep the original facade and add a learning pool, a gym and a café, the council said.',
  'Residents who campaigned to save the baths said they were delighted. “This building belongs to the town,” said campaigner Ann Moss.',
]

describe('cleanParagraphs', () => {
  it('drops a trailing appeal whose paragraphs read like prose, keeps the article', () => {
    const { kept, dropped } = cleanParagraphs([
      ...LEAD,
      'Before you go, we have a favour to ask.',
      'Our reporters have covered this town for a century and we want to keep doing it. Without readers like you, we could not.',
      'If you can, please make a contribution today: every donation keeps our journalism free for everyone.',
      'Continue',
    ])
    expect(kept).toEqual(LEAD)
    expect(dropped.map((d) => d.reason)).toContain('page tail (appeal)')
  })

  it('keeps a standfirst without a final stop under its headline, not a breadcrumb in capitals above a line', () => {
    const menu = ['Home', 'News', 'Sport', 'Weather', 'Local', 'Contact']
    const standfirst = 'After ten years of argument the town will keep its Victorian swimming baths and open them again'
    const { kept } = cleanParagraphs([...menu, 'Old baths to be rebuilt', standfirst, ...LEAD])
    expect(kept).toEqual([standfirst, ...LEAD])
    const crumbs = cleanParagraphs([...menu, 'HOME NEWS LOCAL', standfirst, ...LEAD])
    expect(crumbs.kept).toEqual(LEAD)
  })

  it('takes a short post under its date line, not the longer sidebar prose below the comment form', () => {
    const post = [
      'The ferry timetable changed again this week, and the early boat to the island now leaves twenty minutes sooner than before.',
      'Nobody at the harbour office could say why, and the printed timetables at the quay still show the old times for every day.',
    ]
    const sidebar = Array.from(
      { length: 4 },
      (_, i) =>
        `About this blog, part ${i + 1}: the writer has lived by the harbour for thirty years and writes about its boats, its weather and its people, in long and short pieces alike.`,
    )
    const lines = [
      ...['Home', 'Archive', 'About'],
      'Early boat',
      '12 March 2024',
      ...post,
      ...['Share', 'Facebook', 'Twitter', 'Leave a reply', 'Name', 'Email', 'Website', 'Post comment', 'Previous post', 'Next post'],
      ...['Harbour', 'Boats', 'Weather', 'People', 'Ferries', 'Fishing', 'Storms', 'Piers'],
      ...sidebar,
    ]
    const { kept } = cleanParagraphs(lines)
    expect(kept).toEqual(post)
  })

  it('keeps a lead above a long list (a recipe’s ingredients) as the article’s', () => {
    const lead = 'This fish soup is what the harbour cooks make when the boats come back late, and it needs only one pot and an hour.'
    const items = Array.from({ length: 24 }, (_, i) => `${i + 1} ${['g', 'ml', 'pinch'][i % 3]} ${['cod', 'stock', 'salt', 'leek'][i % 4]}`)
    const steps = [
      'Cut the fish into large pieces and keep them cold while the leeks soften slowly in the butter for ten minutes.',
      'Pour in the stock, bring it to a simmer, add the fish and let it cook gently until the pieces just begin to flake apart.',
      'Season with salt and pepper at the very end, and serve the soup at once with bread from the bakery on the quay.',
    ]
    const { kept } = cleanParagraphs(['Home', 'Recipes', 'Fish soup', lead, ...items, ...steps])
    expect(kept[0]).toBe(lead)
    expect(kept.slice(-3)).toEqual(steps)
    // The ingredients between the lead and the steps are the article's too, a share bar is not.
    const withBar = cleanParagraphs(['Home', 'Recipes', 'Fish soup', lead, 'Share', 'Print', ...items, ...steps])
    expect(withBar.kept).toEqual([lead, ...items, ...steps])
  })

  it('keeps a row of capitalised words with a figure between two paragraphs (a score), not a menu row', () => {
    const score = 'Harbour Rovers 3-1 River Town'
    const row = 'News Sport Weather Culture Travel'
    expect(cleanParagraphs([...LEAD.slice(0, 2), score, row, LEAD[2] as string]).kept).toEqual([...LEAD.slice(0, 2), score, LEAD[2]])
  })

  it('keeps a line of code between two paragraphs', () => {
    const intro = 'To read the settings, the script first loads the configuration file from the home directory of the user.'
    const line = 'target=$2'
    const outro = 'After that, every value in the file can be read by its name, and missing values fall back to the defaults.'
    expect(cleanParagraphs([intro, line, outro]).kept).toEqual([intro, line, outro])
  })

  it('keeps a post embedded between two paragraphs, judged without the link it ends in', () => {
    const post = 'Swimming again after ten years. pic.share.example/p/x1y2'
    const signature = '— Ann Moss (@annmoss) 2 June 2024'
    const { kept } = cleanParagraphs([...LEAD.slice(0, 2), post, signature, LEAD[2] as string])
    expect(kept).toEqual([...LEAD.slice(0, 2), post, LEAD[2]])
  })

  it('keeps the list items of a page that holds no paragraph of prose, not its menu', () => {
    const menu = ['Home', 'Results', 'Contact']
    const rows = ['Anna Roe, harbour club, 12.4 seconds', 'Jane Doe, river club, 12.9 seconds', 'Mary Poe, lake club, 13.1 seconds']
    expect(cleanParagraphs([...menu, 'Results 2024', ...rows, ...menu]).kept).toEqual(rows)
  })

  it('keeps the line right under the last paragraph when the paragraph introduces it, or when it is prose without a stop', () => {
    const intro = 'Residents can still add their names to the petition to keep the pool open on Sundays:'
    const link = 'www.petitions.example.org/keep-the-pool-open-on-sundays'
    const menu = ['Home', 'News', 'Sport', 'Weather', 'Contact']
    expect(cleanParagraphs([...LEAD, intro, link, ...menu]).kept).toEqual([...LEAD, intro, link])
    const closing = 'And yes, we will be there on the first morning with our towels and our old swimming caps 😉'
    expect(cleanParagraphs([...LEAD, closing, ...menu]).kept).toEqual([...LEAD, closing])
    // A teaser's "Label: headline" under the article stays out.
    const teaser = 'Town news: council plans a new car park behind the old market hall near the river'
    expect(cleanParagraphs([...LEAD, teaser, ...menu]).kept).toEqual(LEAD)
  })

  it('keeps a personal piece that addresses the reader throughout', () => {
    const column = [
      'We all have a swimming pool story, and you probably remember yours better than your first day at school.',
      'Our town gave us the old baths, and we were lucky to have them for as long as we did.',
      'When you walk past the scaffolding next year, remember what we nearly lost.',
    ]
    const { kept } = cleanParagraphs([...column, 'Sign up to our newsletter'])
    expect(kept).toEqual(column)
  })

  it('keeps quotes spoken in the first person', () => {
    const quote = '“We will not give up, and we expect the council to listen to us,” said campaigner Ann Moss.'
    const { kept } = cleanParagraphs([...LEAD, quote, 'Subscribe to our newsletter for more local news.'])
    expect(kept).toEqual([...LEAD, quote])
  })

  it('drops captions, share bars, bylines, timestamps and related lists, keeps subheads and short sentences', () => {
    const { kept, dropped } = cleanParagraphs([
      'By Sam Carter',
      'Published 14 May 2025, 10:32 BST',
      LEAD[0] as string,
      'The baths as they looked in 1910. Photo: County Archive',
      'Share on Facebook Share on X Email',
      LEAD[1] as string,
      'What happens next',
      LEAD[2] as string,
      'She declined to comment.',
      'Work starts in July and should take two years, with the pool due to reopen in the summer of 2027.',
      'Related stories',
      'Town hall clock to be restored',
      'Library opening hours cut',
    ])
    expect(kept).toEqual([
      LEAD[0],
      LEAD[1],
      'What happens next',
      LEAD[2],
      'She declined to comment.',
      'Work starts in July and should take two years, with the pool due to reopen in the summer of 2027.',
    ])
    expect(Object.fromEntries(dropped.map((d) => [d.text.slice(0, 12), d.reason]))).toMatchObject({
      'By Sam Carte': 'byline',
      'Published 14': 'timestamp',
      'The baths as': 'caption',
      'Share on Fac': 'notice',
    })
  })

  it('uses markup hints: link-dense blocks and chrome go, a repeated pull quote goes', () => {
    const { kept, dropped } = cleanParagraphs(
      [
        ...LEAD,
        'Council approves new cycle lanes on the ring road',
        'a decade of argument over the Victorian building',
        'Work starts in July.',
      ],
      {
        hints: [{}, {}, {}, { linkDensity: 1, tag: 'li' }, { tag: 'blockquote' }, { chrome: 'promo' }],
      },
    )
    expect(kept).toEqual(LEAD)
    expect(dropped.map((d) => d.reason)).toEqual(['links', 'repeated inside the article', 'page chrome (promo)'])
  })

  it('keeps a sentence with a link between article paragraphs, not a linked teaser or a labelled one', () => {
    const linked = 'The full minutes of the meeting, which ran for almost four hours, are on the council website.'
    const teaser = 'Council approves new cycle lanes on the ring road'
    const labelled = 'Read more: the council has approved the new cycle lanes on the ring road.'
    const hints = [{}, { linkDensity: 0.6 }, {}, { linkDensity: 1 }, { linkDensity: 0.8 }, {}]
    const paragraphs = [LEAD[0] as string, linked, LEAD[1] as string, teaser, labelled, LEAD[2] as string]
    const { kept } = cleanParagraphs(paragraphs, { hints, evidenceOnly: true })
    expect(kept).toEqual([LEAD[0], linked, LEAD[1], LEAD[2]])
    // The same sentence below the article is a teaser, not the article's own.
    const below = cleanParagraphs([...LEAD, linked], { hints: [{}, {}, {}, { linkDensity: 0.6 }], evidenceOnly: true })
    expect(below.kept).toEqual(LEAD)
  })

  it('drops a short label that closes the page after the last paragraph, not the last item of a list', () => {
    const hints = LEAD.map(() => ({}))
    const { kept, dropped } = cleanParagraphs([...LEAD, 'Reader reactions: 0'], { evidenceOnly: true, hints })
    expect(kept).toEqual(LEAD)
    expect(dropped.map((d) => d.reason)).toEqual(['closing label'])
    const two = cleanParagraphs([...LEAD, 'About the writer', 'Reader reactions: 0'], { evidenceOnly: true, hints })
    expect(two.kept).toEqual(LEAD)
    const list = [...LEAD, 'What the scheme includes:', 'A learning pool', 'A new gym']
    expect(cleanParagraphs(list, { evidenceOnly: true }).kept).toEqual(list)
  })

  it('keeps a paragraph marked as article text even without a final stop', () => {
    const last = 'The council said the scheme would go ahead whatever the outcome of the appeal'
    expect(cleanParagraphs([...LEAD, last]).kept).not.toContain(last)
    expect(cleanParagraphs([...LEAD, last], { keep: new Set([3]) }).kept).toContain(last)
  })
})

describe('where the article is in a whole page copied as text', () => {
  const MENU = ['Home', 'News', 'Sport', 'Weather', 'Culture', 'Travel', 'Contact', 'Archive', 'Imprint', 'Privacy']

  it('takes the article over a longer log-in dialog that follows the page footer', () => {
    const dialog = [
      'Please fill in all required fields marked with an asterisk before you continue with the registration.',
      'This e-mail address does not seem to be correct, it must contain an at sign and an existing domain.',
      'We store your settings on this device so that you can pick up where you left off when you come back.',
      'Your password must be at least eight characters long and contain one digit and one capital letter.',
      'If you already have an account, you can log in with your e-mail address and your password here.',
    ]
    const footer = [...MENU, ...MENU].map((m, i) => `${m} ${i}`)
    const { kept } = cleanParagraphs([...MENU, ...LEAD, ...footer, ...dialog])
    expect(kept).toEqual(LEAD)
  })

  it('ends the article at a share bar or tag line: the author note after it is not article text', () => {
    const bio = 'Sam Carter has written about local government and planning in the county for more than twenty years.'
    const { kept } = cleanParagraphs([
      ...MENU,
      ...LEAD,
      'Share on Facebook Share on X Email',
      'Tags: Council, Swimming, Heritage',
      'Most read',
      'Comments',
      bio,
      ...MENU,
    ])
    expect(kept).toEqual(LEAD)
  })
})

describe('furniture in other languages and the lines around the article', () => {
  const DE = [
    'Der Gemeinderat hat am Mittwoch beschlossen, das alte Hallenbad zu sanieren und im nächsten Jahr wieder zu eröffnen.',
    'Die Kosten von zwölf Millionen Euro teilen sich die Stadt und das Land, sagte die Bürgermeisterin nach der Sitzung.',
    'Die Bürgerinitiative, die seit Jahren für das Bad gekämpft hat, zeigte sich erleichtert über die Entscheidung des Rates.',
  ]

  it('drops a share and comment bar written in German, keeps prose that uses the same words', () => {
    const { kept, dropped } = cleanParagraphs([DE[0] as string, 'Drucken Teilen Kommentieren', DE[1] as string, DE[2] as string], {
      language: 'de',
    })
    expect(kept).toEqual(DE)
    expect(dropped.map((d) => d.reason)).toEqual(['furniture words'])
  })

  it('keeps a short sentence that opens or closes the article, not a call to the reader after it', () => {
    const { kept } = cleanParagraphs([
      'Home',
      'News',
      'Nobody saw it coming.',
      ...LEAD,
      'The full report is published on the council website:',
      'Stay up to date with us!',
      'Home',
      'News',
    ])
    expect(kept).toEqual(['Nobody saw it coming.', ...LEAD, 'The full report is published on the council website:'])
  })
})

describe('a language detected wrongly', () => {
  it('judges prose by length and final stops when the sentences hold none of the detected language’s function words', () => {
    const fi = [
      'Kaupunginvaltuusto päätti keskiviikkona korjata vanhan uimahallin, joka suljettiin kymmenen vuotta sitten huonon kunnon vuoksi.',
      'Hanke maksaa kaksitoista miljoonaa euroa, ja kaupunki jakaa kustannukset valtion kanssa, kertoi pormestari kokouksen jälkeen.',
      'Uimahallin puolesta vuosia kampanjoineet asukkaat olivat päätöksestä helpottuneita ja kiittivät valtuutettuja pitkästä työstä.',
    ]
    expect(cleanParagraphs(['Etusivu', 'Uutiset', ...fi, 'Etusivu'], { language: 'it' }).kept).toEqual(fi)
  })
})

describe('scripts without capitals', () => {
  it('keeps a Chinese subhead and list items between the paragraphs, counting words as the script does', () => {
    const zh = [
      '市议会星期三决定修复老游泳馆，这座建筑已经关闭了十年，居民们一直在等待这个决定。',
      '后续',
      '工程将在明年七月开始，预计需要两年时间，新的游泳馆将在二零二七年夏天重新开放。',
      '第一步修复屋顶',
      '第二步更换水管',
      '居民们说他们很高兴，这是他们多年来一直在争取的结果，他们希望工程能够按时完成。',
    ]
    expect(cleanParagraphs(zh, { language: 'zh' }).kept).toEqual(zh)
  })
})

describe('what follows an article', () => {
  const DE = [
    'Der Stadtrat hat am Mittwoch beschlossen, das alte Hallenbad zu sanieren, nach zehn Jahren Streit über das Gebäude.',
    'Die Sanierung kostet zwölf Millionen Euro und soll im Sommer beginnen, teilte die Stadt nach der Sitzung mit.',
    'Die Anwohner, die sich für das Bad eingesetzt hatten, zeigten sich erleichtert und dankten dem Rat für die Entscheidung.',
  ]

  it('drops the heading of a teaser block and a credit line, in another language, also among blocks an extractor chose', () => {
    const { kept, dropped } = cleanParagraphs(
      [DE[0] as string, 'Das Bad im Jahr 1910 © Stadtarchiv', ...DE.slice(1), 'Neueste Beiträge', 'Meistgelesene Artikel'],
      { language: 'de', evidenceOnly: true },
    )
    expect(kept).toEqual(DE)
    expect(dropped.map((d) => d.reason)).toEqual(['caption', 'related heading', 'related heading'])
  })

  it("drops a closing note about the author that the page's metadata names, keeps the author's quoted words", () => {
    const bio = 'Jane Roe ist Redakteurin im Lokalressort und schreibt seit 2015 über Stadtpolitik und Verkehr.'
    const { kept, dropped } = cleanParagraphs([...DE, bio], { language: 'de', evidenceOnly: true, metadataLines: ['Jane Roe'] })
    expect(kept).toEqual(DE)
    expect(dropped.map((d) => d.reason)).toEqual(['about the author'])
    const quoted = 'Jane Roe: „Wir haben lange auf diese Entscheidung gewartet, und jetzt muss sie schnell umgesetzt werden.“'
    expect(cleanParagraphs([...DE, quoted], { language: 'de', evidenceOnly: true, metadataLines: ['Jane Roe'] }).kept).toEqual([
      ...DE,
      quoted,
    ])
  })

  it('drops a note about the article, a prompt to share it and a log-in notice among blocks an extractor chose', () => {
    const { kept, dropped } = cleanParagraphs(
      [
        ...DE,
        'Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.',
        'Diesen Artikel teilen',
        'Sie sind nicht eingeloggt.',
      ],
      { language: 'de', evidenceOnly: true },
    )
    expect(kept).toEqual(DE)
    expect(dropped.map((d) => d.reason)).toEqual(['notice', 'notice', 'notice'])
  })

  it('keeps a row of capitalised words among blocks an extractor chose unless it is a row of links', () => {
    const row = 'Mehl Zucker Butter Eier Milch'
    expect(cleanParagraphs([...DE, row], { language: 'de', evidenceOnly: true }).kept).toEqual([...DE, row])
    const menu = cleanParagraphs([...DE, row], { language: 'de', evidenceOnly: true, hints: [{}, {}, {}, { linkDensity: 0.5 }] })
    expect(menu.dropped.map((d) => d.reason)).toEqual(['links'])
    expect(cleanParagraphs(['Start', ...DE, row], { language: 'de' }).dropped.map((d) => d.reason)).toContain('menu')
  })

  it('keeps a closing paragraph that opens with an outlet-like name', () => {
    const last = 'The Daily Example asked the council for a comment on the cost of the scheme but had no reply by Friday.'
    const { kept } = cleanParagraphs([...LEAD, last], { evidenceOnly: true, metadataLines: ['The Daily Example'] })
    expect(kept).toEqual([...LEAD, last])
  })
})

describe('a lead above the body', () => {
  it('joins a lead paragraph ten label lines above the body, and leaves the labels out', () => {
    const lead =
      'Nach zehn Jahren Streit hat der Stadtrat entschieden: Das alte Hallenbad wird saniert und soll im Sommer 2027 wieder öffnen.'
    const labels = Array.from({ length: 10 }, (_, i) => `Bild ${i + 1} der Galerie zum Hallenbad`)
    const body = [
      'Der Stadtrat hat am Mittwoch beschlossen, das alte Hallenbad zu sanieren, nach zehn Jahren Streit über das Gebäude.',
      'Die Sanierung kostet zwölf Millionen Euro und soll im Sommer beginnen, teilte die Stadt nach der Sitzung mit.',
      'Die Anwohner, die sich für das Bad eingesetzt hatten, zeigten sich erleichtert und dankten dem Rat für die Entscheidung.',
      'Während der Bauzeit können Schulen und Vereine das Bad der Nachbargemeinde nutzen, die Stadt übernimmt die Fahrtkosten.',
    ]
    const { kept, dropped } = cleanParagraphs([lead, ...labels, ...body], { language: 'de' })
    expect(kept).toEqual([lead, ...body])
    expect(new Set(dropped.map((d) => d.reason))).toEqual(new Set(['short, between lead and body']))
  })
})

describe('the top of the article in a whole page copied as text', () => {
  const body = [
    'The county council voted on Wednesday to rebuild the old swimming baths, ending a decade of argument over the Victorian building.',
    'The £12 million scheme will keep the original facade and add a learning pool, a gym and a café, the council said on Thursday.',
    'Residents who campaigned to save the baths said they were delighted. “This building belongs to the town,” said one of them.',
    'Work is due to start in the spring, and the baths should open again in the summer of 2027, two years later than first planned.',
    'Until then the schools will use the pool in the next town, and the council will pay for the buses that take the pupils there.',
  ]

  it('starts under a headline with a date line below it, not at the account notices over the headline', () => {
    const notices = [
      'You have chosen the regional edition of this site. We wish you an enjoyable read.',
      'Your account is now active. We wish you an enjoyable read of all our stories.',
      'You now have full access to all our stories online. We wish you an enjoyable read.',
    ]
    const lines = [
      ...['Home', 'News', 'Sport', 'Weather'],
      ...notices,
      'Old swimming baths to be rebuilt at last',
      '12 March 2024, 10:15',
      ...body,
    ]
    const { kept } = cleanParagraphs(lines)
    expect(kept).toEqual(body)
  })

  it('keeps the figures of a list over the first paragraph (a recipe’s ingredients), not a sidebar’s list over a headline', () => {
    const ingredients = [
      'For the dough:',
      '250 g',
      'plain flour',
      '100 g',
      'soft brown sugar',
      '2',
      'large eggs',
      '1 tsp',
      'baking powder',
      '50 ml',
      'whole milk',
    ]
    const steps = [
      'Heat the oven to 180 degrees and line a deep tin with baking paper, leaving a little of it over the sides.',
      'Mix the flour and the baking powder, then beat in the sugar and the eggs until the dough is smooth and thick.',
      'Spread the dough in the tin and bake it for forty minutes, until a skewer pushed into the middle comes out clean.',
      'Let the cake cool in its tin for ten minutes before you lift it out by the paper and leave it on a rack.',
    ]
    const recipe = cleanParagraphs([
      ...['Home', 'Recipes', 'Baking'],
      'Plain sponge cake',
      'Ingredients',
      ...ingredients,
      'Method',
      ...steps,
    ])
    expect(recipe.kept).toEqual(['For the dough:', 'soft brown sugar', 'Method', ...steps])
    const sidebar = [
      'Archive',
      'March 2024 (4)',
      'February 2024 (7)',
      'January 2024 (3)',
      'December 2023 (9)',
      'November 2023 (5)',
      'October 2023 (2)',
    ]
    const page = cleanParagraphs([...sidebar, 'Old swimming baths to be rebuilt at last', ...body])
    expect(page.kept.slice(-body.length)).toEqual(body)
    expect(page.kept.filter((k) => sidebar.includes(k))).toEqual([])
  })
})

describe('the end of the article in a whole page copied as text', () => {
  const body = [
    'The county council voted on Wednesday to rebuild the old swimming baths, ending a decade of argument over the Victorian building.',
    'The £12 million scheme will keep the original facade and add a learning pool, a gym and a café, the council said on Thursday.',
    'Residents who campaigned to save the baths said they were delighted, and the council listed what the new building will offer:',
  ]

  it('keeps every item of a list the last paragraph introduces with a colon, up to the first line that is not one', () => {
    const items = ['a learning pool for the schools', 'a gym on the upper floor', 'a café facing the park', 'changing rooms for families']
    const { kept } = cleanParagraphs([...['Home', 'News', 'Sport'], ...body, ...items, 'Share', 'Facebook', 'Twitter'])
    expect(kept).toEqual([...body, ...items])
  })

  it('keeps a fact box of three fields or more with labels of their own under the last paragraph, not two fields', () => {
    const story = [...body.slice(0, 2), 'Residents who campaigned to save the baths said they were delighted with the plans.']
    const fields = ['Pool length: 25 metres', 'Lanes: six', 'Opening: next spring', 'Cost: twelve million pounds']
    const boxed = cleanParagraphs([...['Home', 'News', 'Sport'], ...story, 'The new baths', ...fields, 'Share', 'Facebook', 'Twitter'])
    expect(boxed.kept).toEqual([...story, ...fields])
    const two = cleanParagraphs([...['Home', 'News', 'Sport'], ...story, 'Filed under: Towns', 'Next: Bus lanes', 'Share', 'Facebook'])
    expect(two.kept).toEqual(story)
  })

  it('keeps a command with options that the last paragraph introduces with a colon', () => {
    const story = [...body.slice(0, 2), 'To make the archive of the council minutes searchable, the clerk ran one command in the end:']
    const command = 'indexer build -r minutes -o search.db --skip-drafts'
    const { kept } = cleanParagraphs([...['Home', 'News', 'Sport'], ...story, command, 'Previous post', 'Next post'])
    expect(kept).toEqual([...story, command])
  })

  it('keeps the last short items of a list whose items carry one marker, up to the first line without it', () => {
    const items = [
      '• The learning pool will open to the schools of the district first, for swimming lessons in the mornings.',
      '• The gym on the upper floor will be run by the leisure trust, which already runs the sports hall.',
    ]
    const short = ['• A café with forty seats', '• Parking for two coaches']
    const { kept } = cleanParagraphs([...['Home', 'News', 'Sport'], ...body.slice(0, 2), ...items, ...short, 'Share', 'Facebook'])
    expect(kept).toEqual([...body.slice(0, 2), ...items, ...short])
  })

  it('keeps the exclamation the last paragraph announces with a colon, not a short call', () => {
    const story = [...body.slice(0, 2), 'After ten years of meetings and petitions, what remains for the campaigners is one certainty:']
    const line = 'Stubbornness is catching in this town!'
    const { kept } = cleanParagraphs([...['Home', 'News', 'Sport'], ...story, line, 'Share', 'Facebook'])
    expect(kept).toEqual([...story, line])
    const call = cleanParagraphs([...['Home', 'News', 'Sport'], ...story, 'Sign up now!', 'Share', 'Facebook'])
    expect(call.kept).toEqual(story)
  })

  it('drops a note about the author under the author box that prints the name alone, not a paragraph about the article’s subject', () => {
    const story = [
      ...body.slice(0, 2),
      'Residents who campaigned to save the baths said they were delighted. “This building belongs to the town,” they said.',
    ]
    const note = 'Ada Quay is a reporter who has covered the town hall and its buildings for the paper since 2015.'
    const boxed = cleanParagraphs([...['Home', 'News', 'Sport'], ...story, 'Ada Quay', note])
    expect(boxed.kept).toEqual(story)
    const subject = [...story.slice(0, 2), 'Ada Quay, who led the campaign, said the town had waited long enough for the decision.']
    const named = cleanParagraphs([...['Home', 'News', 'Sport'], ...subject, 'Ada Quay', note])
    expect(named.kept).toEqual([...subject, 'Ada Quay', note])
  })
})
