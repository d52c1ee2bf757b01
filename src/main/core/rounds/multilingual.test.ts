// Round detection in other languages than English (issue 16). These scenarios are SELF-WRITTEN
// fixtures (invented people, outlets and words, written for this test): they show that the words of
// each language are read at all, not that detection holds on real coverage in that language, for
// which the project has no corpus. Each language tells the same invented story: a meeting on Thursday
// 2025-03-06 in one city, reported by three outlets (a wire copy with a dateline the day after, a report
// on the day, an undated copy with a dated dateline), a preview two days before, an unrelated sports
// item, a background piece that recalls the meeting two months on, and a meeting in the same city a year
// later, which must be a round of its own.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { analyzeViolations } from '../../analyze-contract'
import { analyze } from '../../cli'
import { dateMentions, edtf, isoDay } from './dates'
import { detectRounds, samePerson, type DetectArticle } from './detect'
import { articleEvents } from './mentions'
import { localRoundOrdinal } from './lexicon'
import { isCountry, nameWordKey, placeKey } from './places'

let next = 1
const article = (published: string | null, body: string, outlet: string): DetectArticle => ({
  id: next++,
  title: body.slice(0, 60),
  outlet,
  published,
  body,
})

interface Story {
  wire: DetectArticle
  onTheDay: DetectArticle
  undated: DetectArticle
  preview: DetectArticle
  sport: DetectArticle
  yearLater: DetectArticle
  background: DetectArticle
}

const story = (bodies: Record<keyof Story, string>): Story => ({
  wire: article('2025-03-07', bodies.wire, 'Nord'),
  onTheDay: article('2025-03-06', bodies.onTheDay, 'Tagblatt'),
  undated: article(null, bodies.undated, 'Sud'),
  preview: article('2025-03-04', bodies.preview, 'Abend'),
  sport: article('2025-03-05', bodies.sport, 'Tagblatt'),
  yearLater: article('2026-03-13', bodies.yearLater, 'Nord'),
  background: article('2025-05-20', bodies.background, 'Rundschau'),
})

const STORIES: Record<string, { city: RegExp; story: Story }> = {
  de: {
    city: /^Genf$/,
    story: story({
      wire: 'GENF (Nordpresse) - Die Delegationen der beiden Länder haben am Donnerstag in Genf Gespräche über Fischereiquoten und Zölle geführt, teilten Beamte mit.\n\nDer stellvertretende Handelsminister Tomas Varga traf die Chefunterhändlerin Anna Berg für sechs Stunden. „Wir sind einer fairen Einigung so nah wie nie“, sagte Varga.',
      onTheDay:
        'Die Verhandlungen zwischen Anna Berg und Tomas Varga in Genf sind heute ohne Einigung über die Fangquoten zu Ende gegangen, teilte das Ministerium mit.',
      undated:
        'Genf, 6. März 2025 (Südagentur) - Bei den Gesprächen in Genf stritten Tomas Varga und Anna Berg über zwei Fanggebiete und über Zölle.',
      preview:
        'Tomas Varga und Anna Berg werden sich am Donnerstag in Genf zu neuen Verhandlungen über Fischereiquoten treffen, kündigte das Ministerium an.',
      sport:
        'Der FC Nord hat am Samstag im Stadion an der Weser mit 3:1 gegen Union gewonnen. Jana Okafor traf zweimal in der zweiten Halbzeit.',
      yearLater:
        'GENF (Nordpresse) - Ein Jahr später haben Tomas Varga und Anna Berg am Donnerstag in Genf erneut Gespräche über Fischereiquoten geführt.',
      background:
        'Der Streit über die Fangquoten ist Jahre alt. Die Unterhändler hatten am 6. März in Genf verhandelt, als Anna Berg niedrigere Quoten forderte; nach den Gesprächen in Wien im April gab es kaum Fortschritte.',
    }),
  },
  fr: {
    city: /^Genève$/,
    story: story({
      wire: "GENÈVE (Agence Nord) - Les délégations des deux pays ont mené jeudi à Genève des négociations sur les quotas de pêche et les droits de douane, ont indiqué des responsables.\n\nLe vice-ministre du Commerce Tomas Varga a rencontré la négociatrice en chef Anna Berg pendant six heures. « Nous n'avons jamais été aussi proches d'un accord équitable », a déclaré Varga.",
      onTheDay:
        "Les pourparlers entre Anna Berg et Tomas Varga à Genève se sont achevés aujourd'hui sans accord sur les quotas de pêche, selon le ministère.",
      undated:
        'Genève, 6 mars 2025 (Agence Sud) - Lors des négociations à Genève, Tomas Varga et Anna Berg se sont opposés sur deux zones de pêche et sur les droits de douane.',
      preview:
        'Tomas Varga et Anna Berg se rencontreront jeudi à Genève pour de nouvelles négociations sur les quotas de pêche, a annoncé le ministère.',
      sport: 'Le club du Nord a battu Union 3 à 1 samedi au stade de la Loire, avec deux buts de Jeanne Okafor en seconde période.',
      yearLater:
        'GENÈVE (Agence Nord) - Un an plus tard, Tomas Varga et Anna Berg ont repris jeudi à Genève les négociations sur les quotas de pêche.',
      background:
        'Le différend sur les quotas de pêche dure depuis des années. Les négociateurs avaient tenu des négociations à Genève le 6 mars, quand Anna Berg réclamait des quotas plus bas ; après les pourparlers de Vienne en avril, peu de progrès ont été faits.',
    }),
  },
  es: {
    city: /^Ginebra$/,
    story: story({
      wire: 'GINEBRA (Agencia Norte) - Las delegaciones de los dos países mantuvieron el jueves en Ginebra negociaciones sobre las cuotas de pesca y los aranceles, según fuentes oficiales.\n\nEl viceministro de Comercio Tomas Varga se reunió con la negociadora jefe Anna Berg durante seis horas. "Nunca hemos estado tan cerca de un acuerdo justo", dijo Varga.',
      onTheDay:
        'Las conversaciones entre Anna Berg y Tomas Varga en Ginebra terminaron hoy sin acuerdo sobre las cuotas de pesca, informó el ministerio.',
      undated:
        'Ginebra, 6 mar (Agencia Sur).- En las negociaciones de Ginebra del 6 de marzo de 2025, Tomas Varga y Anna Berg discutieron sobre dos caladeros y los aranceles.',
      preview:
        'Tomas Varga y Anna Berg celebrarán el jueves en Ginebra una nueva ronda de negociaciones sobre las cuotas de pesca, anunció el ministerio.',
      sport: 'El Atlético Norte venció 3-1 al Unión el sábado en el estadio del río, con dos goles de Juana Okafor en la segunda parte.',
      yearLater:
        'GINEBRA (Agencia Norte) - Un año después, Tomas Varga y Anna Berg retomaron el jueves en Ginebra las negociaciones sobre las cuotas de pesca.',
      background:
        'La disputa sobre las cuotas de pesca dura años. Los negociadores celebraron negociaciones en Ginebra el 6 de marzo, cuando Anna Berg pidió cuotas más bajas; tras las conversaciones de Viena en abril hubo pocos avances.',
    }),
  },
  ru: {
    city: /^Женев/,
    story: story({
      wire: 'ЖЕНЕВА, 7 марта. /Северное агентство/. Делегации двух стран в четверг провели в Женеве переговоры о квотах на вылов рыбы и пошлинах, сообщили официальные лица.\n\nЗаместитель министра торговли Томас Варга встретился с главным переговорщиком Анной Берг. «Мы никогда не были так близки к справедливому соглашению», — сказал Варга.',
      onTheDay:
        'Переговоры Анны Берг и Томаса Варги в Женеве завершились сегодня без соглашения о квотах на вылов рыбы, сообщило министерство.',
      undated:
        'Женева, 6 марта 2025 года (Южное агентство) - На переговорах в Женеве Томас Варга и Анна Берг спорили о двух районах промысла и о пошлинах.',
      preview:
        'Томас Варга и Анна Берг встретятся в четверг в Женеве на новом раунде переговоров о квотах на вылов рыбы, сообщило министерство.',
      sport: 'Футбольный клуб «Север» в субботу обыграл «Юнион» со счётом 3:1 на стадионе у реки, два мяча забила Яна Окафор.',
      yearLater:
        'ЖЕНЕВА, 13 марта. /Северное агентство/. Спустя год Томас Варга и Анна Берг в четверг вновь провели в Женеве переговоры о квотах на вылов рыбы.',
      background:
        'Спор о квотах на вылов рыбы длится годами. Переговорщики провели переговоры в Женеве 6 марта, когда Анна Берг добивалась снижения квот; после переговоров в Вене в апреле прогресса почти не было.',
    }),
  },
}

describe('round detection in other languages (self-written fixtures, not evidence of generality)', () => {
  for (const [language, { city, story: s }] of Object.entries(STORIES)) {
    it(`${language}: three reports and a preview of one meeting are one round; a meeting a year later in the same city is another; a background piece only mentions it; sport is none`, () => {
      const all = Object.values(s)
      const rounds = detectRounds(all)
      const roundOf = (a: DetectArticle): number => rounds.findIndex((r) => r.articles.some((x) => x.articleId === a.id))
      const meeting = roundOf(s.wire)
      expect(meeting).toBeGreaterThanOrEqual(0)
      expect([s.onTheDay, s.undated, s.preview].map(roundOf)).toEqual([meeting, meeting, meeting])
      expect(roundOf(s.yearLater)).not.toBe(meeting)
      expect(roundOf(s.sport)).toBe(-1)
      // The background piece only mentions the meeting it recalls.
      expect(rounds.flatMap((r) => r.articles).filter((x) => x.articleId === s.background.id && x.role === 'reports')).toEqual([])
      const round = rounds[meeting]
      expect(round?.date).toBe('2025-03-06')
      expect(round?.venue).toMatch(city)
    })

    it(`${language}: the wire copy's meeting is dated by its weekday word and placed in the city, not the country`, () => {
      const main = articleEvents(s.wire).main
      expect(main).toMatchObject({ date: { year: 2025, month: 3, day: 6 }, dateKind: 'weekday' })
      expect(main?.venue).toMatch(city)
      expect(articleEvents(s.sport).main).toBeNull()
    })
  }
})

// One report per further language (self-written): a meeting on Thursday 2025-03-06, published the day after.
const ONE_REPORT: Array<[string, string, RegExp | null]> = [
  [
    'it',
    'Le delegazioni dei due paesi hanno tenuto giovedì a Ginevra colloqui sulle quote di pesca e sui dazi, hanno detto i funzionari del ministero.',
    /^Ginevra$/,
  ],
  [
    'pt',
    'As delegações dos dois países realizaram na quinta-feira em Genebra negociações sobre as quotas de pesca e as tarifas, disseram os funcionários do ministério.',
    /^Genebra$/,
  ],
  [
    'nl',
    'De delegaties van de twee landen hebben donderdag in Genève onderhandelingen gevoerd over visquota en invoerrechten, zeiden ambtenaren van het ministerie.',
    /^Genève$/,
  ],
  [
    'pl',
    'Delegacje obu krajów prowadziły w czwartek w Genewie rozmowy na temat kwot połowowych i ceł, poinformowali urzędnicy ministerstwa.',
    /^Genewie$/,
  ],
  [
    'uk',
    'Делегації двох країн у четвер провели у Женеві переговори щодо квот на вилов риби та мит, повідомили посадовці міністерства.',
    /^Женев/,
  ],
  [
    'tr',
    "İki ülkenin heyetleri perşembe günü Cenevre'de balıkçılık kotaları ve gümrük vergileri konusunda müzakereler yaptı, bakanlık yetkilileri açıkladı.",
    /^Cenevre$/,
  ],
  ['zh', '两国代表团星期四在日内瓦举行会谈，讨论捕鱼配额和关税问题，外交部官员表示，双方同意下个月继续磋商。', /^日内瓦$/],
  // Arabic: city names take no capital; the venue is a word after "in" near the talks that the gazetteer knows.
  ['ar', 'أجرى وفدا البلدين يوم الخميس في جنيف محادثات حول حصص الصيد والرسوم الجمركية، حسبما قال مسؤولون في الوزارة اليوم.', /^جنيف$/],
]

describe('Arabic venues (self-written)', () => {
  const venue = (body: string): string | null => articleEvents(article('2025-03-07', body, 'Nord')).main?.venue ?? null

  it('reads "in X" and "and in X" near the talks as the venue only where X is a city the gazetteer knows', () => {
    expect(venue('عقد الوفدان يوم الخميس محادثات بالدوحة حول الرسوم الجمركية، حسبما قال مسؤولون.')).toBe('الدوحة')
    expect(venue('أجرى الوفدان يوم الخميس في الوقت نفسه محادثات حول الرسوم الجمركية، حسبما قال مسؤولون.')).toBeNull()
    expect(venue('أجرى الوفدان يوم الخميس في الميناء محادثات حول الرسوم الجمركية، حسبما قال مسؤولون.')).toBeNull()
  })
})

describe('a report in further languages (self-written, one sentence each)', () => {
  for (const [language, body, city] of ONE_REPORT) {
    it(`${language}: the meeting is found and dated by its weekday${city ? ', in its city' : ''}`, () => {
      const main = articleEvents(article('2025-03-07', body, 'Nord')).main
      expect(main).toMatchObject({ date: { year: 2025, month: 3, day: 6 }, dateKind: 'weekday' })
      if (city) expect(main?.venue).toMatch(city)
    })
  }
})

describe('calendar words come from Intl', () => {
  it('reads month names in the genitive, weekdays in the accusative, and Chinese day forms', () => {
    const ref = isoDay('2025-03-07')
    const at = (text: string, language: string): Array<string | null> => dateMentions(text, ref, { language }).map((d) => edtf(d.date))
    expect(at('переговоры 6 марта 2025 года', 'ru')).toEqual(['2025-03-06'])
    expect(at('rozmowy w środę', 'pl')).toEqual(['2025-03-05'])
    expect(at('в среду', 'ru')).toEqual(['2025-03-05'])
    expect(at('у середу', 'uk')).toEqual(['2025-03-05'])
    expect(at('am 6. März', 'de')).toEqual(['2025-03-06'])
    expect(at('el 6 de marzo de 2025', 'es')).toEqual(['2025-03-06'])
    expect(at('3月6日', 'zh')).toEqual(['2025-03-06'])
    expect(at('周四', 'zh')).toEqual(['2025-03-06'])
    expect(at('gestern', 'de')).toEqual(['2025-03-06'])
    // "hier" is "yesterday" in French, "here" in German: each language reads only its own words.
    expect(at('hier', 'fr')).toEqual(['2025-03-06'])
    expect(at('hier', 'de')).toEqual([])
  })

  it('takes countries in these languages, declined in Russian, for countries (never the venue when a city is named)', () => {
    for (const name of ['Schweiz', 'Suisse', 'Suiza', 'Швейцария', 'Швейцарии', 'İsviçre', '瑞士']) expect(isCountry(name)).toBe(true)
    expect(isCountry('Женева')).toBe(false)
    expect(placeKey('Женеве')).toBe(placeKey('Женева'))
    const main = articleEvents(
      article('2025-03-07', 'Делегации в четверг провели в Швейцарии, в Женеве, переговоры о квотах, сообщили в министерстве.', 'Nord'),
    ).main
    expect(main?.venue).toMatch(/^Женев/)
  })
})

describe('a place named at the start of a sentence (self-written)', () => {
  it('reads "В Женеве" and "En Ginebra" as "в Женеве" and "en Ginebra"', () => {
    const ru = articleEvents(
      article('2025-03-07', 'В Женеве в четверг прошли переговоры о квотах на вылов рыбы, сообщили в министерстве.', 'Nord'),
    ).main
    expect(ru?.venue).toMatch(/^Женев/)
    const es = articleEvents(
      article(
        '2025-03-07',
        'En Ginebra, las delegaciones mantuvieron el jueves negociaciones sobre las cuotas de pesca, dijo el ministerio.',
        'Nord',
      ),
    ).main
    expect(es?.venue).toBe('Ginebra')
  })
})

describe('the round a report names by number, in other languages (self-written)', () => {
  it('reads numbered and ordinal-word rounds', () => {
    const cases: Array<[string, string, number]> = [
      ['de', 'Die dritte Verhandlungsrunde begann am Montag.', 3],
      ['de', 'Die 4. Runde der Gespräche endete ohne Einigung.', 4],
      ['fr', 'Le troisième cycle de négociations a commencé lundi.', 3],
      ['es', 'La quinta ronda de negociaciones comenzó el lunes.', 5],
      ['ru', 'Третий раунд переговоров начался в понедельник.', 3],
      ['ru', '7-й раунд переговоров завершился.', 7],
      ['pl', 'Druga runda rozmów zakończyła się w piątek.', 2],
      ['zh', '第三轮会谈周一开始。', 3],
      ['zh', '第12轮磋商结束。', 12],
    ]
    for (const [language, text, n] of cases) expect([language, text, localRoundOrdinal(text, language)]).toEqual([language, text, n])
    expect(localRoundOrdinal('Die Gespräche begannen am Montag.', 'de')).toBeNull()
  })
})

const tempDir = useTempDir()

describe('analyze --json on other languages (self-written files, imported as a user would)', () => {
  for (const language of ['de', 'fr', 'es', 'ru']) {
    it(`${language}: the import keeps what detection reads; the meeting's reports are one round, in the contract's shape`, () => {
      const { city, story: s } = STORIES[language] as { city: RegExp; story: Story }
      const dir = tempDir()
      const files = Object.entries(s).map(([name, a]) => {
        // Dated copies carry front matter; the undated one is plain text, a title line above the story.
        const title = a.body.split(/[.!?。]/)[0]?.slice(0, 70) ?? name
        const file = join(dir, a.published ? `${name}.md` : `${name}.txt`)
        writeFileSync(
          file,
          a.published
            ? `---\ntitle: ${JSON.stringify(title)}\noutlet: ${a.outlet}\npublished: ${a.published}\n---\n\n${a.body}\n`
            : `${title}\n\n${a.body}\n`,
        )
        return [name, file] as const
      })
      const result = analyze(files.map(([, f]) => f))
      expect(analyzeViolations(result)).toEqual([])
      const roundOf = new Map(result.articles.map((a) => [a.file, a.round]))
      const file = new Map(files)
      const meeting = roundOf.get(file.get('wire') as string)
      expect(meeting).toBeTruthy()
      expect(['onTheDay', 'preview', 'undated'].map((n) => roundOf.get(file.get(n) as string))).toEqual([meeting, meeting, meeting])
      expect(roundOf.get(file.get('yearLater') as string)).not.toBe(meeting)
      expect(roundOf.get(file.get('sport') as string)).toBeNull()
      const round = result.rounds.find((r) => r.id === meeting)
      expect(round?.date).toBe('2025-03-06')
      expect(round?.venue).toMatch(city)
    })
  }
})

describe('declined names (self-written)', () => {
  it('compares Russian names by their stem, and reads quotes in guillemets, so a report that names no venue joins by its day and its quote', () => {
    expect(nameWordKey('Варги')).toBe(nameWordKey('Варга'))
    expect(nameWordKey('Лавровым')).toBe(nameWordKey('Лавров'))
    expect(nameWordKey('Berg')).toBe('berg')
    const a = article(
      '2025-03-07',
      'Томас Варга и Анна Берг в четверг провели в Женеве переговоры о квотах на вылов рыбы. «Мы никогда не были так близки к справедливому соглашению», — сказал Варга.',
      'Nord',
    )
    const b = article(
      '2025-03-07',
      'Переговоры Томаса Варги с Анной Берг в четверг завершились без соглашения. «Мы никогда не были так близки к справедливому соглашению», — заявил Варга журналистам.',
      'Sud',
    )
    const rounds = detectRounds([a, b])
    expect(rounds.map((r) => r.articles.map((x) => x.articleId).sort())).toEqual([[a.id, b.id].sort()])
  })
})

describe('months named alone, and plans, in other languages (self-written)', () => {
  it('reads "im März 2025", "en marzo de 2025", "в марте" as months, and "verschoben bis 6. März" as no date of the event', () => {
    const ref = isoDay('2025-05-20')
    const at = (text: string, language: string): Array<[string | null, string]> =>
      dateMentions(text, ref, { language }).map((d) => [edtf(d.date), d.kind])
    expect(at('Die Gespräche im März 2025 brachten nichts.', 'de')).toEqual([['2025-03', 'month']])
    expect(at('Las negociaciones en marzo de 2025 fracasaron.', 'es')).toEqual([['2025-03', 'month']])
    expect(at('Переговоры в марте не принесли результата.', 'ru')).toEqual([['2025-03', 'month']])
    expect(at('Die Gespräche wurden verschoben bis 6. März.', 'de')).toEqual([])
    expect(at('Переговоры запланированы на 6 марта.', 'ru')).toEqual([])
  })
})

// One meeting reported in several languages (self-written): each outlet names the city in its own
// language ("Geneva", "Genf", "Женева") and the people in its own script ("Varga", "Варга"). The day
// and the same delegation heads make it one meeting; the city's names are no evidence either way.
describe('one meeting reported in several languages (self-written)', () => {
  const en = (): DetectArticle =>
    article(
      '2025-03-07',
      'GENEVA (Northwire) - Deputy trade minister Tomas Varga and chief negotiator Anna Berg held talks on fishing quotas and tariffs in Geneva on Thursday, officials said.\n\nThe two sides met for six hours and agreed to meet again next month.',
      'Northwire',
    )
  const de = (): DetectArticle => article('2025-03-07', STORIES.de?.story.wire.body as string, 'Nordpresse')
  const ru = (): DetectArticle => article('2025-03-07', STORIES.ru?.story.wire.body as string, 'Север')
  const groups = (rounds: ReturnType<typeof detectRounds>): number[][] =>
    rounds.map((r) =>
      r.articles
        .filter((x) => x.role === 'reports')
        .map((x) => x.articleId)
        .sort((a, b) => a - b),
    )

  it('compares people across scripts: "Лавров" is "Lavrov", "Варги" is "Varga"', () => {
    expect(samePerson('Сергей Лавров', 'Sergey Lavrov')).toBe(true)
    expect(samePerson('Томаса Варги', 'Tomas Varga')).toBe(true)
    expect(samePerson('Ольга Петренко', 'Olga Petrenko')).toBe(true)
    expect(samePerson('Tomas Varga', 'Tomas Vargas Llosa')).toBe(false)
    expect(samePerson('Anna Berg', 'Anna Borg')).toBe(false)
    // Latin names compare whole: only a name in another script is compared without its final vowels.
    expect(samePerson('Corte Suprema', 'Supremo Tribunal')).toBe(false)
  })

  it('the English, German and Russian reports of a meeting on the same day with the same people are one round', () => {
    const all = [en(), de(), ru()]
    const rounds = detectRounds(all)
    expect(groups(rounds)).toEqual([all.map((a) => a.id)])
    expect(rounds[0]?.date).toBe('2025-03-06')
  })

  it('the same in any order: the German report first', () => {
    const all = [de(), ru(), en()]
    expect(groups(detectRounds(all))).toEqual([all.map((a) => a.id).sort((a, b) => a - b)])
  })

  it('"Istanbul" and "Стамбул": the same people on the same day are one meeting', () => {
    const a = article(
      '2025-05-16',
      'ISTANBUL (Northwire) - Foreign ministers Olga Petrenko and Marek Novak held their first direct talks in Istanbul on Friday on a ceasefire and an exchange of prisoners, officials said.',
      'Northwire',
    )
    const b = article(
      '2025-05-16',
      'СТАМБУЛ, 16 мая. /Северное агентство/. Министры иностранных дел Ольга Петренко и Марек Новак в пятницу провели в Стамбуле первые прямые переговоры о прекращении огня и обмене пленными, сообщили официальные лица.',
      'Север',
    )
    expect(groups(detectRounds([a, b]))).toEqual([[a.id, b.id]])
  })

  it('a meeting of other people the same day in another city, in another language, stays apart; so does the same people a year later', () => {
    const geneva = en()
    const vienna = article(
      '2025-03-07',
      'WIEN (Nordpresse) - Die Außenminister Lena Hoff und Piet Maas haben am Donnerstag in Wien Gespräche über Gaslieferungen und Pipelines geführt, teilte das Ministerium mit.',
      'Nordpresse',
    )
    const later = article('2026-03-13', STORIES.ru?.story.yearLater.body as string, 'Север')
    const rounds = detectRounds([geneva, vienna, later])
    expect(groups(rounds)).toEqual([[geneva.id], [vienna.id], [later.id]])
  })

  it('one person in common is not enough across languages when the cities differ', () => {
    const geneva = en()
    const other = article(
      '2025-03-07',
      'WIEN (Nordpresse) - Der Handelsminister Tomas Varga hat am Donnerstag in Wien mit der Ministerin Lena Hoff Gespräche über Gaslieferungen geführt, teilte das Ministerium mit.',
      'Nordpresse',
    )
    expect(groups(detectRounds([geneva, other]))).toEqual([[geneva.id], [other.id]])
  })
})

describe('an undated report in another language (self-written)', () => {
  const en = (): DetectArticle =>
    article(
      '2025-03-07',
      'GENEVA (Northwire) - Deputy trade minister Tomas Varga and chief negotiator Anna Berg held talks on fishing quotas and tariffs in Geneva on Thursday, officials said.',
      'Northwire',
    )
  const reports = (rounds: ReturnType<typeof detectRounds>): number[][] =>
    rounds.map((r) => r.articles.filter((x) => x.role === 'reports').map((x) => x.articleId))

  it('joins the round its weekday falls in when it names two of its people in full, whatever it calls the city', () => {
    const a = en()
    const ru = article(
      null,
      'Томас Варга и Анна Берг в четверг провели в Женеве переговоры о квотах на вылов рыбы и пошлинах, сообщили официальные лица.',
      'Юг',
    )
    expect(reports(detectRounds([a, ru]))).toEqual([[a.id, ru.id]])
  })

  it('one of its people is not enough where the gazetteer does not know the city under both names', () => {
    // An invented town: its Russian and English names cannot be told to be one place.
    const a = article(
      '2025-03-07',
      'MORVIK (Northwire) - Deputy trade minister Tomas Varga and chief negotiator Anna Berg held talks on fishing quotas and tariffs in Morvik on Thursday, officials said.',
      'Northwire',
    )
    const ru = article(
      null,
      'Томас Варга и Ольга Петренко в четверг провели в Мёрвике переговоры о поставках газа, сообщили официальные лица.',
      'Юг',
    )
    expect(reports(detectRounds([a, ru]))).toEqual([[a.id], [ru.id]])
  })

  it('a city the gazetteer knows is one venue in every language: the report joins as one in the same language would', () => {
    const a = en()
    const ru = article(
      null,
      'Томас Варга и Ольга Петренко в четверг провели в Женеве переговоры о поставках газа, сообщили официальные лица.',
      'Юг',
    )
    const same = article(null, 'Tomas Varga and Olga Petrenko held talks on gas supplies in Geneva on Thursday, officials said.', 'South')
    expect(reports(detectRounds([a, same]))).toEqual([[a.id, same.id]])
    expect(reports(detectRounds([a, ru]))).toEqual([[a.id, ru.id]])
  })
})
