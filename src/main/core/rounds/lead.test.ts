// Self-written fixtures (invented places and people): how the meeting an article reports is read
// from a page copy that opens a few sentences into the story, and which places are its own.
import { describe, expect, it } from 'vitest'
import { detectRounds, type DetectArticle } from './detect'
import { articleEvents } from './mentions'

const event = (title: string, body: string, published: string | null = null): ReturnType<typeof articleEvents> =>
  articleEvents({ id: 1, title, outlet: null, published, body })

describe('the meeting of a copy that opens inside the story (self-written)', () => {
  const body =
    'There was no word from either side after the meeting at the embassy in Nordhavn’s old harbour district. The minister has pressed for a quick settlement.\n' +
    '“The talks were held in a good atmosphere and are moving forward,” Berg told state radio.\n' +
    'Officials described the talks as indirect, like those last weekend in Sundby, with the host shuttling between the rooms.'

  it('is told by a later lead sentence, at the place the story keeps, not at the one it compares with', () => {
    const main = event(body.split('\n')[0] as string, body).main
    expect(main).not.toBeNull()
    expect(main?.venue).toBe('Nordhavn')
    // "last weekend" is the day of the meeting it is compared with.
    expect(main?.dateKind).toBeNull()
  })

  it('a meeting introduced as something else’s sequel or as coming is no report', () => {
    const text =
      'Harvest figures for the year were published on Monday by the agency. The figures set a record.\nThis report precedes a fisheries summit, where quotas will be a focal point.'
    expect(event('Harvest Figures Confirm Record Year in the Making', text).main).toBeNull()
  })
})

describe('places in a title in title case (self-written)', () => {
  it('a capitalized word after "in" in a title-case title is a place only if the text names it', () => {
    const body = 'Delegations of the two countries held talks on Thursday on fishing quotas, officials said.'
    expect(event('Quota Talks End With Deal in the Making', body, '2025-03-07').main?.venue ?? null).toBeNull()
    expect(
      event('Quota Talks in Nordhavn End With a Deal', `${body} The talks in Nordhavn lasted six hours.`, '2025-03-07').main?.venue,
    ).toBe('Nordhavn')
  })
})

describe('talks resumed after a pause (self-written)', () => {
  let id = 100
  const report = (published: string | null, body: string): DetectArticle => ({
    id: id++,
    title: body.slice(0, 60),
    outlet: 'Wire',
    published,
    body,
  })
  const opening = (): DetectArticle[] => [
    report(
      '2025-03-03',
      'NORDHAVN (Wire) - Delegations led by Anna Berg and Tomas Varga opened a new round of talks on fishing quotas in Nordhavn on Monday, officials said.',
    ),
    report(
      '2025-03-04',
      'NORDHAVN (Wire) - Anna Berg and Tomas Varga held a second day of talks on fishing quotas and harbour dues in Nordhavn on Tuesday, the ministry said.',
    ),
  ]
  const rounds = (articles: DetectArticle[]): number[][] =>
    detectRounds(articles).map((r) => r.articles.filter((a) => a.role === 'reports').map((a) => a.articleId))

  it('a report nine days on that the talks resumed after a pause continues the round, and the round keeps its first day', () => {
    const first = opening()
    const resumed = report(
      '2025-03-13',
      'NORDHAVN (Wire) - Talks on fishing quotas resumed in Nordhavn on Thursday after a week-long pause, with Anna Berg and Tomas Varga back at the table, officials said.',
    )
    const detected = detectRounds([...first, resumed])
    expect(detected.map((r) => r.articles.map((a) => a.articleId).sort((a, b) => a - b))).toEqual([[...first, resumed].map((a) => a.id)])
    expect(detected[0]?.date).toBe('2025-03-03')
  })

  it('talks that begin nine days on, with no word of a pause, are another round', () => {
    const first = opening()
    const later = report(
      '2025-03-13',
      'NORDHAVN (Wire) - Anna Berg and Tomas Varga began talks on fishing quotas in Nordhavn on Thursday, officials said.',
    )
    expect(rounds([...first, later])).toEqual([first.map((a) => a.id), [later.id]])
  })
})

describe('talks resumed after a pause, in other languages (self-written)', () => {
  const cases: Array<[string, string]> = [
    [
      'de',
      'Die Gespräche über Fischereiquoten wurden am Donnerstag in Genf nach einer Pause von einer Woche wieder aufgenommen, teilte das Ministerium mit.',
    ],
    ['fr', 'Les négociations sur les quotas de pêche ont repris jeudi à Genève après une pause d’une semaine, a indiqué le ministère.'],
    [
      'es',
      'Las negociaciones sobre las cuotas de pesca se reanudaron el jueves en Ginebra tras una pausa de una semana, informó el ministerio.',
    ],
    ['ru', 'Переговоры о квотах на вылов рыбы возобновились в четверг в Женеве после недельного перерыва, сообщили в министерстве.'],
  ]
  for (const [language, body] of cases)
    it(`${language}: the report is read as talks resumed`, () => {
      expect(event(body.slice(0, 50), body, '2025-03-14').main?.resumed).toBe(true)
    })
  it('talks that merely go on are not resumed', () => {
    const body = 'Die Gespräche über Fischereiquoten wurden am Donnerstag in Genf fortgesetzt, teilte das Ministerium mit.'
    expect(event(body.slice(0, 50), body, '2025-03-14').main?.resumed).toBeUndefined()
  })
})
