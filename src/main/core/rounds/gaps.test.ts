// Language gaps of round detection (issue 16): word orders, declined place names, prefixed venues and verb-only
// meetings in languages other than English. Every text here is SELF-WRITTEN for this test (invented delegations of
// "the two countries" and their fishing talks): it shows that a language's structure is read at all, not that
// detection holds on real coverage in it.
import { describe, expect, it } from 'vitest'
import { detectRounds, type DetectArticle } from './detect'
import { languagePatterns } from './lexicon'
import { articleEvents } from './mentions'
import { countryCode, isCountry, placeKey } from './places'

let next = 1
const article = (published: string | null, title: string, body: string): DetectArticle => ({
  id: next++,
  title,
  outlet: 'Nord',
  published,
  body,
})

describe('"after" and "before" written after the meeting they relate to (postpositions)', () => {
  // Each sentence: talks in Vienna, then "after" (postposed), then the news: talks in Geneva on Thursday 2025-03-06.
  // Read in English order, the Geneva talks would be taken for the earlier event and the Vienna ones for the news.
  const CASES: Array<[string, string, string, RegExp]> = [
    ['ja', '漁業協議', 'ウィーンでの会談後、両国の代表団は木曜日、ジュネーブで漁業協定をめぐる協議を行った。', /^ジュネーブ$/],
    ['ja', '漁業協議', 'ウィーンで会談を行った後、両国の代表団は木曜日、ジュネーブで漁業協定をめぐる協議を行った。', /^ジュネーブ$/],
    ['ko', '양국 어업 협상', '베를린에서 열린 회담 이후 양국 대표단은 목요일 제네바에서 어업 협정을 둘러싼 협상을 벌였다.', /^제네바$/],
    ['ko', '양국 어업 협상', '베를린에서 열린 회담 후 양국 대표단은 목요일 제네바에서 어업 협정을 둘러싼 협상을 벌였다.', /^제네바$/],
    [
      'tr',
      'Balıkçılık müzakereleri',
      "Viyana'daki görüşmelerden sonra iki ülkenin heyetleri perşembe günü Cenevre'de balıkçılık kotaları konusunda müzakereler yaptı.",
      /^Cenevre$/,
    ],
    ['hi', 'मछली पकड़ने पर वार्ता', 'वियना में हुई वार्ता के बाद दोनों देशों के प्रतिनिधिमंडलों ने गुरुवार को जिनेवा में वार्ता की।', /^जिनेवा$/],
    ['zh', '捕鱼配额磋商', '两国代表团在维也纳举行会谈之后，星期四又在日内瓦举行磋商，讨论捕鱼配额问题。', /^日内瓦$/],
    [
      'hu',
      'Halászati tárgyalások',
      'A bécsi megbeszélések után a két ország küldöttségei csütörtökön Genfben tárgyaltak a halászati kvótákról.',
      /^Genf$/,
    ],
    [
      'fi',
      'Kalastusneuvottelut',
      'Wienin neuvottelujen jälkeen maiden valtuuskunnat neuvottelivat torstaina Genevessä kalastuskiintiöistä.',
      /^Geneve$/,
    ],
  ]
  for (const [language, title, body, city] of CASES)
    it(`${language}: ${body.slice(0, 40)}…`, () => {
      const main = articleEvents(article('2025-03-07', title, body)).main
      expect(main?.venue).toMatch(city)
      expect(main?.date).toMatchObject({ year: 2025, month: 3, day: 6 })
    })
})

describe('postposed "after"/"before" are told from words that only contain them', () => {
  const post = (language: string, after: string): boolean => languagePatterns(language)?.postConnector?.test(after) ?? false
  it('reads them right after a meeting word', () => {
    expect(post('ja', '後、両国は')).toBe(true)
    expect(post('ja', 'を前に、')).toBe(true)
    expect(post('ko', '을 마친 뒤 양국은')).toBe(true)
    expect(post('ko', '에 앞서 양국은')).toBe(true)
    expect(post('ko', '에 이어 양국은')).toBe(true)
    expect(post('ja', 'を受け、両国は')).toBe(true)
    expect(post('zh', '结束后，')).toBe(true)
    expect(post('tr', 'in ardından')).toBe(true)
    expect(post('hi', ' से पहले')).toBe(true)
  })
  it('not afternoon, progress, strategy, candidates, follow-up or prospects', () => {
    expect(post('ja', 'は木曜日午後、')).toBe(false)
    expect(post('ja', 'は前進した')).toBe(false)
    expect(post('ja', 'で前向きな')).toBe(false)
    expect(post('ko', ' 전략을')).toBe(false)
    expect(post('ko', ' 후보는')).toBe(false)
    expect(post('zh', '后续')).toBe(false)
    expect(post('zh', '前景')).toBe(false)
    expect(post('tr', ' iki gün önce')).toBe(false)
    expect(post('en', ' after')).toBe(false)
  })
})

describe('a city named in a declined form is the city named in its nominative', () => {
  it('has one key for the forms of one city (Czech, Slovak, Croatian, Polish, Finnish, Turkish, Hungarian)', () => {
    const same: Array<[string, string]> = [
      ['Ženevě', 'Ženeva'],
      ['Ženevě', 'ŽENEVA'],
      ['Ženeve', 'Ženeva'],
      ['Ženevi', 'Ženeva'],
      ['Berlíně', 'Berlín'],
      ['Genewie', 'Genewa'],
      ['Warszawie', 'Warszawa'],
      ['Berlinie', 'Berlin'],
      ['Paryżu', 'Paryż'],
      ['Stambule', 'Stambuł'],
      ['Kairze', 'Kair'],
      ['Madrycie', 'Madryt'],
      ['Pradze', 'Praga'],
      ['Osace', 'Osaka'],
      ['Poznaniu', 'Poznań'],
      ['Praze', 'Praha'],
      ['Káhiře', 'Káhira'],
      ['Genevessä', 'Geneve'],
      ['Helsingissä', 'Helsinki'],
      ['Wieni', 'Wien'],
      ["Cenevre'de", 'Cenevre'],
      ['İstanbul’daki', 'İstanbul'],
      ['Genfben', 'Genf'],
    ]
    for (const [declined, nominative] of same) expect(`${declined}: ${placeKey(declined)}`).toBe(`${declined}: ${placeKey(nominative)}`)
  })
  it('keeps different cities apart', () => {
    const different: Array<[string, string]> = [
      ['Geneva', 'Genoa'],
      ['Genova', 'Geneva'],
      ['Vienna', 'Venice'],
      ['Bari', 'Bar'],
      ['Macau', 'Maceio'],
      ['Lima', 'Lim'],
    ]
    for (const [a, b] of different) expect(placeKey(a)).not.toBe(placeKey(b))
    // The cities ICU names time zones after: no two share a key.
    const cities = [...new Set(Intl.supportedValuesOf('timeZone').map((z) => (z.split('/').at(-1) as string).replace(/_/g, ' ')))]
    const byKey = new Map<string, string[]>()
    for (const c of cities) byKey.set(placeKey(c), [...(byKey.get(placeKey(c)) ?? []), c])
    expect([...byKey.values()].filter((v) => v.length > 1)).toEqual([])
  })
  it('joins two reports of one meeting, one naming the city in the dateline, one in the text (Czech, Polish, Finnish)', () => {
    const pairs: Array<[string, string]> = [
      [
        'ŽENEVA (Nordpress) - Delegace obou zemí ve čtvrtek jednaly o rybolovných kvótách a clech, uvedli úředníci.',
        'Delegace obou zemí jednaly ve čtvrtek v Ženevě o rybolovných kvótách a clech, uvedlo ministerstvo.',
      ],
      [
        'GENEWA (Nordpress) - Delegacje obu krajów prowadziły w czwartek rozmowy o kwotach połowowych i cłach, poinformowali urzędnicy.',
        'Delegacje obu krajów prowadziły w czwartek w Genewie rozmowy o kwotach połowowych i cłach, poinformowało ministerstwo.',
      ],
    ]
    pairs.push([
      'HELSINKI (Nordpress) - Maiden valtuuskunnat neuvottelivat torstaina kalastuskiintiöistä ja tulleista, kertoivat virkamiehet.',
      'Maiden valtuuskunnat neuvottelivat torstaina Helsingissä kalastuskiintiöistä ja tulleista, kertoi ministeriö.',
    ])
    for (const [wire, report] of pairs) {
      const a = article('2025-03-07', wire.slice(0, 50), wire)
      const b = article('2025-03-06', report.slice(0, 50), report)
      const c = article('2025-03-06', 'Ministerstvo', `${report} `)
      const rounds = detectRounds([a, b, c])
      expect(rounds.map((r) => r.articles.map((x) => x.articleId).sort((x, y) => x - y))).toEqual([[a.id, b.id, c.id]])
      expect(rounds[0]?.date).toBe('2025-03-06')
    }
  })
})

describe('Hebrew venues, written with the prefix "in" (ב) that also opens ordinary words', () => {
  const venueOf = (title: string, body: string): string | null | undefined => articleEvents(article('2025-03-07', title, body)).main?.venue
  it('reads a place named with ב near a word of meeting, and named again in the article', () => {
    const main = articleEvents(
      article(
        '2025-03-07',
        "שיחות הדיג בז'נבה",
        "משלחות שתי המדינות קיימו ביום חמישי שיחות בז'נבה על מכסות הדיג והמכסים, כך מסרו פקידים. השיחות נמשכו שש שעות.",
      ),
    ).main
    expect(main?.venue).toBe("ז'נבה")
    expect(main?.date).toMatchObject({ year: 2025, month: 3, day: 6 })
    expect(venueOf('שיחות בוושינגטון', 'המשלחות נפגשו ביום חמישי בוושינגטון לשיחות על המכסים. בוושינגטון לא הושג הסכם.')).toBe('וושינגטון')
    expect(venueOf('שיחות הדיג', "המשלחות נפגשו ביום חמישי בעיר ז'נבה לשיחות על המכסים.")).toBe("ז'נבה")
  })
  it('not a day, a subject, a country or a word named once', () => {
    expect(venueOf('שיחות הדיג', 'השיחות בנושא המכסים נמשכו ביום חמישי, ובנושא הדיג לא הושגה הסכמה.')).toBeFalsy()
    expect(venueOf('שיחות הדיג', 'המשלחות נפגשו ביום חמישי בשווייץ לשיחות על המכסים. בשווייץ לא הושג הסכם.')).not.toBe('שווייץ')
    expect(venueOf('שיחות הדיג', 'המשלחות קיימו שיחות בחשאי ביום חמישי על המכסים.')).toBeFalsy()
  })
})

describe('meetings told by a verb alone (German, Dutch)', () => {
  const CASES: Array<[string, string, string, RegExp]> = [
    [
      'Fischerei in Genf',
      'Die Delegationen der beiden Länder trafen sich am Donnerstag in Genf, um über Fischereiquoten und Zölle zu beraten.',
      'de',
      /^Genf$/,
    ],
    [
      'Fischerei in Genf',
      'Die Delegationen der beiden Länder verhandelten am Donnerstag in Genf über Fischereiquoten und Zölle.',
      'de',
      /^Genf$/,
    ],
    [
      'Fischerei in Genf',
      'Die Delegationen der beiden Länder berieten am Donnerstag in Genf über Fischereiquoten und Zölle.',
      'de',
      /^Genf$/,
    ],
    [
      'Fischerei in Genf',
      'Die Delegationen der beiden Länder kamen am Donnerstag in Genf zusammen, um über Fischereiquoten zu reden.',
      'de',
      /^Genf$/,
    ],
    [
      'Fischerei in Genf',
      'Die Außenminister der beiden Länder sprachen am Donnerstag in Genf miteinander über Fischereiquoten und Zölle.',
      'de',
      /^Genf$/,
    ],
    [
      'Visserij',
      'De delegaties van beide landen kwamen donderdag in Genève bijeen om te praten over visquota en invoerrechten.',
      'nl',
      /^Genève$/,
    ],
    [
      'Fischerei in Genf',
      'Die Außenminister der beiden Länder sprachen am Donnerstag in Genf über Fischereiquoten und Zölle.',
      'de',
      /^Genf$/,
    ],
    ['Visserij in Genève', 'De ministers van beide landen spraken donderdag in Genève over visquota en invoerrechten.', 'nl', /^Genève$/],
    // The perfect and the present (a headline's tense) tell the same.
    [
      'Visserij',
      'De delegaties van beide landen hebben donderdag in Genève urenlang gesproken over visquota en invoerrechten.',
      'nl',
      /^Genève$/,
    ],
    [
      'Ministers praten in Genève over visquota',
      'De ministers van beide landen praten donderdag in Genève over visquota en invoerrechten.',
      'nl',
      /^Genève$/,
    ],
    ['Visserij', 'De delegaties van beide landen onderhandelden donderdag in Genève over visquota en invoerrechten.', 'nl', /^Genève$/],
    ['Visserij', 'De delegaties van beide landen overlegden donderdag in Genève over visquota en invoerrechten.', 'nl', /^Genève$/],
    [
      'Visserij',
      'De ministers van Buitenlandse Zaken van beide landen spraken donderdag in Genève met elkaar over visquota.',
      'nl',
      /^Genève$/,
    ],
  ]
  for (const [title, body, language, city] of CASES)
    it(`${language}: ${body.slice(0, 60)}…`, () => {
      const events = articleEvents(article('2025-03-07', title, body))
      expect(events.language).toBe(language)
      expect(events.main?.venue).toMatch(city)
      expect(events.main?.date).toMatchObject({ year: 2025, month: 3, day: 6 })
    })
  it('not a vote, an opinion, a match or a speech', () => {
    const none = [
      'Die Bürger sprachen sich am Donnerstag in Genf gegen den Bau der neuen Straße aus, wie die Behörden mitteilten.',
      'Experten sprachen am Donnerstag in Genf von einem deutlichen Rückgang der Fangmengen in den beiden Ländern.',
      'Die Fans kamen am Donnerstag in Genf nicht auf ihre Kosten, weil das Spiel wegen Regens abgesagt wurde.',
      'De inwoners spraken zich donderdag in Genève uit tegen de bouw van een nieuwe weg, meldde de gemeente.',
      'Duizenden fans kwamen donderdag in Genève bijeen voor het concert van de populaire band in het stadion.',
      'Der Minister sprach am Donnerstag in Genf über die Lage der Fischerei in den beiden Ländern.',
      'Die Minister der beiden Länder sprachen sich am Donnerstag in Genf für neue Fangquoten aus.',
      'De ministers van beide landen spraken zich donderdag in Genève uit over de nieuwe visquota.',
    ]
    for (const body of none) expect(articleEvents(article('2025-03-07', 'Genf', body)).main).toBeNull()
  })
})

describe('agency datelines of Japanese, Korean and Chinese news: the reporter’s city, the venue only when the text names none', () => {
  const CASES: Array<[string, string, string]> = [
    ['漁業協議', '【ワシントン=共同】両国の代表団は木曜日、ジュネーブで漁業協定をめぐる協議を行った。', 'ジュネーブ'],
    ['漁業協議', '【ジュネーブ=共同】両国の代表団は木曜日、漁業協定をめぐる協議を行った。協議は6時間に及んだ。', 'ジュネーブ'],
    ['양국 어업 협상', '(서울=연합뉴스) 양국 대표단은 목요일 제네바에서 어업 협정을 둘러싼 협상을 벌였다.', '제네바'],
    ['양국 어업 협상', '(제네바=연합뉴스) 홍길동 기자 = 양국 대표단은 목요일 어업 협정을 둘러싼 협상을 벌였다.', '제네바'],
    ['捕鱼配额会谈', '新华社北京3月6日电 两国代表团星期四在日内瓦举行会谈，讨论捕鱼配额问题。', '日内瓦'],
    ['捕鱼配额会谈', '新华社日内瓦3月6日电 两国代表团星期四举行会谈，讨论捕鱼配额问题。', '日内瓦'],
  ]
  for (const [title, body, city] of CASES)
    it(body.slice(0, 30), () => {
      const main = articleEvents(article('2025-03-07', title, body)).main
      expect(main?.venue).toBe(city)
      expect(main?.date).toMatchObject({ year: 2025, month: 3, day: 6 })
    })
})

describe('a photo credit in the dateline’s form is no city', () => {
  it('reads no venue from "(사진=…)" or "【写真=…】"', () => {
    expect(
      articleEvents(article('2025-03-07', '양국 어업 협상', '(사진=연합뉴스)\n양국 대표단은 목요일 어업 협정을 둘러싼 협상을 벌였다.')).main
        ?.venue ?? null,
    ).toBeNull()
    expect(
      articleEvents(article('2025-03-07', '漁業協議', '【写真=共同】\n両国の代表団は木曜日、漁業協定をめぐる協議を行った。')).main?.venue ??
        null,
    ).toBeNull()
  })
})

describe('a country named in a declined form is a country, not a city', () => {
  it('reads Polish, Czech, Slovak, Croatian and Finnish case forms of country names', () => {
    for (const name of ['Szwajcarii', 'Švýcarsku', 'Švajčiarsku', 'Švicarskoj', 'Sveitsissä', 'Norwegii'])
      expect(`${name} ${String(isCountry(name))}`).toBe(`${name} true`)
    expect(countryCode('Szwajcarii')).toBe('CH')
    expect(countryCode('Švýcarsku')).toBe('CH')
  })
  it('keeps cities apart from countries', () => {
    for (const name of ['Genewie', 'Ženevě', 'Turku', 'Helsingissä', 'Wiedniu', 'Moskwie'])
      expect(`${name} ${String(isCountry(name))}`).toBe(`${name} false`)
    // No city ICU names a time zone after is a country by its stem alone.
    const cities = [...new Set(Intl.supportedValuesOf('timeZone').map((z) => (z.split('/').at(-1) as string).replace(/_/g, ' ')))]
    // Those that are countries by name (city-states, territories) before declined forms were read, and no more.
    const countries =
      'Ceuta Djibouti Anguilla Antigua Aruba Barbados Belize Costa_Rica Dominica El_Salvador Grenada Guadeloupe Guatemala Guyana Jamaica Martinique Miquelon Montserrat Panama Puerto_Rico Bahrain Brunei Kuwait Qatar Singapore Bermuda Cape_Verde South_Georgia Andorra Gibraltar Guernsey Isle_of_Man Jersey Luxembourg Malta Monaco San_Marino Maldives Mauritius Mayotte Reunion Fiji Guam Nauru Niue Norfolk Palau Pitcairn Wallis'
    expect(cities.filter((c) => isCountry(c))).toEqual(countries.split(' ').map((c) => c.replace(/_/g, ' ')))
  })
})

describe('a city rather than a country named in a declined form', () => {
  it('Polish "w Szwajcarii … w Genewie": the venue is the city', () => {
    const main = articleEvents(
      article(
        '2025-03-07',
        'Rozmowy o kwotach',
        'Delegacje obu krajów prowadziły w czwartek w Szwajcarii rozmowy o kwotach połowowych i cłach. Rozmowy w Genewie trwały sześć godzin, poinformowało ministerstwo.',
      ),
    ).main
    expect(main?.venue).toBe('Genewie')
    expect(main?.date).toMatchObject({ year: 2025, month: 3, day: 6 })
  })
})

describe('a round named by the form of its city most reports write', () => {
  it('shows "Genewa" for two wires "GENEWA" and a report "w Genewie" (the report comes first)', () => {
    const a = article(
      '2025-03-06',
      'Rozmowy',
      'Delegacje obu krajów prowadziły w czwartek w Genewie rozmowy o kwotach połowowych i cłach, poinformowało ministerstwo.',
    )
    const b = article(
      '2025-03-07',
      'Rozmowy',
      'GENEWA (Nordpress) - Delegacje obu krajów prowadziły w czwartek rozmowy o kwotach połowowych i cłach, poinformowali urzędnicy.',
    )
    const c = article(
      '2025-03-07',
      'Rozmowy',
      'GENEWA (Sudpress) - Delegacje obu krajów prowadziły w czwartek rozmowy o kwotach połowowych, cłach i portach.',
    )
    const rounds = detectRounds([a, b, c])
    expect(rounds).toHaveLength(1)
    expect(rounds[0]?.venue).toBe('Genewa')
  })
})

describe('quotes in scripts with combining vowel signs', () => {
  it('are cut into whole words (Devanagari)', () => {
    const events = articleEvents(
      article(
        '2025-03-07',
        'जिनेवा में वार्ता',
        'दोनों देशों के प्रतिनिधिमंडलों ने गुरुवार को जिनेवा में वार्ता की। मंत्री ने कहा, "हम एक उचित समझौते के बहुत करीब हैं और बातचीत जारी रहेगी।"',
      ),
    )
    expect(events.quotes).toContain('हम एक उचित समझौते के')
  })
})

describe('meetings told by a verb of negotiating alone (Spanish, French, Portuguese, Polish, Swedish, Danish, Norwegian)', () => {
  const CASES: Array<[string, string, string, RegExp]> = [
    [
      'es',
      'Pesca en Ginebra',
      'Las delegaciones de ambos países negociaron el jueves en Ginebra sobre las cuotas de pesca y los aranceles.',
      /^Ginebra$/,
    ],
    [
      'fr',
      'Pêche à Genève',
      'Les délégations des deux pays ont négocié jeudi à Genève sur les quotas de pêche et les droits de douane.',
      /^Genève$/,
    ],
    [
      'pt',
      'Pesca em Genebra',
      'As delegações dos dois países negociaram na quinta-feira em Genebra sobre as quotas de pesca e as tarifas.',
      /^Genebra$/,
    ],
    [
      'pl',
      'Połowy w Genewie',
      'Delegacje obu krajów negocjowały w czwartek w Genewie w sprawie kwot połowowych i ceł, poinformowało ministerstwo.',
      /^Genew/,
    ],
    [
      'sv',
      'Fiske i Genève',
      'Delegationerna från de två länderna förhandlade på torsdagen i Genève om fiskekvoter och tullar, uppgav ministeriet.',
      /^Genève$/,
    ],
  ]
  for (const [language, title, body, city] of CASES)
    it(`${language}: ${body.slice(0, 50)}…`, () => {
      const events = articleEvents(article('2025-03-07', title, body))
      expect(events.main?.venue).toMatch(city)
      expect(events.main?.date).toMatchObject({ year: 2025, month: 3, day: 6 })
    })
})
