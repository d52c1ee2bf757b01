// Language gaps of round detection (issue 16): word orders, declined place names, prefixed venues and verb-only
// meetings in languages other than English. Every text here is SELF-WRITTEN for this test (invented delegations of
// "the two countries" and their fishing talks): it shows that a language's structure is read at all, not that
// detection holds on real coverage in it.
import { describe, expect, it } from 'vitest'
import { type DetectArticle } from './detect'
import { languagePatterns } from './lexicon'
import { articleEvents } from './mentions'

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
