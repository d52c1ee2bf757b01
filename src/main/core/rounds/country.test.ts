// A report that names only the country of a round's city (issue 16). SELF-WRITTEN fixtures: invented
// people, outlets and text, written for these tests.
import { describe, expect, it } from 'vitest'
import { detectRounds, type DetectArticle } from './detect'

let next = 1
const article = (published: string, body: string, outlet: string): DetectArticle => ({
  id: next++,
  title: body.slice(0, 60),
  outlet,
  published,
  body,
})

/** The wire's report from the city, in English. */
const genevaWire = (): DetectArticle =>
  article(
    '2025-03-06',
    'GENEVA (Northwire) - Trade negotiators from the two countries held talks on Thursday in Geneva on fishing quotas, officials said. Tomas Varga met Anna Berg for six hours.',
    'Northwire',
  )

/** The index of the round an article reports (not only mentions), -1 for none. */
const roundOf =
  (rounds: ReturnType<typeof detectRounds>) =>
  (x: DetectArticle): number =>
    rounds.findIndex((r) => r.articles.some((m) => m.articleId === x.id && m.role !== 'mentions'))

describe('a report that names only the country', () => {
  it('joins the round at a city of that country, in another language', () => {
    const a = genevaWire()
    const b = article(
      '2025-03-06',
      "Thursday's talks in Geneva between Anna Berg and Tomas Varga ended without a deal on fishing quotas.",
      'Daily',
    )
    const c = article(
      '2025-03-06',
      'Szef delegacji Tomas Varga prowadził w czwartek w Szwajcarii rozmowy na temat kwot połowowych. Spotkanie trwało ponad sześć godzin, poinformowało ministerstwo.',
      'Gazeta',
    )
    const of = roundOf(detectRounds([a, b, c]))
    expect(of(c)).toBe(of(a))
    expect(of(a)).toBe(of(b))
  })

  it('does not join a round at a city of another country', () => {
    const a = genevaWire()
    const c = article(
      '2025-03-06',
      'Szef delegacji Tomas Varga prowadził w czwartek w Austrii rozmowy na temat kwot połowowych. Spotkanie trwało ponad sześć godzin, poinformowało ministerstwo.',
      'Gazeta',
    )
    const of = roundOf(detectRounds([a, c]))
    expect(of(c)).not.toBe(of(a))
  })

  it('joins on the same day alone in a language none of its reports is in (no words to share)', () => {
    const a = genevaWire()
    const c = article(
      '2025-03-06',
      'Delegacje obu krajów prowadziły w czwartek w Szwajcarii rozmowy na temat kwot połowowych. Spotkanie trwało ponad sześć godzin, poinformowało ministerstwo.',
      'Gazeta',
    )
    const of = roundOf(detectRounds([a, c]))
    expect(of(c)).toBe(of(a))
  })
})
