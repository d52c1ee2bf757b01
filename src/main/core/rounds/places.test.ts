import { describe, expect, it } from 'vitest'
import { articleEvents } from './mentions'
import { countryOfAdjective, isCountry, isDemonym } from './places'

describe('places (ICU country and language names)', () => {
  it('knows countries, and cities are not countries', () => {
    for (const country of ['Kenya', 'Japan', 'Brazil', 'United States', 'Norway']) expect(isCountry(country), country).toBe(true)
    for (const city of ['Nairobi', 'Kyoto', 'Lima', 'Bergen', 'Kinshasa']) expect(isCountry(city), city).toBe(false)
  })

  it('tells adjectives of nations and languages from places', () => {
    for (const word of ['Kenyan', 'Japanese', 'Brazilian', 'Italian', 'Turkish', 'French', 'Swahili', 'Muslim', 'Orthodox', 'Buddhist'])
      expect(isDemonym(word), word).toBe(true)
    for (const place of ['Nairobi', 'Kyoto', 'Lima', 'Bergen', 'Milan', 'Kazan', 'Kenya', 'Geneva'])
      expect(isDemonym(place), place).toBe(false)
    expect(countryOfAdjective('Kenyan')).toBe('kenya')
    expect(countryOfAdjective('Nairobi')).toBeNull()
  })
})

describe('venues of reported meetings', () => {
  const report = (body: string): string | null =>
    articleEvents({ id: 1, title: 'Talks', outlet: null, published: '2024-03-09', body }).main?.venue ?? null

  it('takes the city after "the X capital", never the adjective', () => {
    expect(report('Envoys held talks in the Kenyan capital, Nairobi, on Friday over the border dispute.')).toBe('Nairobi')
    expect(report('Envoys held talks in the Kenyan capital on Friday over the border dispute.')).toBeNull()
  })

  it('lets a country give way to the city the article names, and a possessive to its owner', () => {
    expect(
      report(
        'Envoys held talks in Kenya on Friday over the border dispute.\n\nThe delegations met in Nairobi at a hotel near the airport. Both will return to Nairobi next month.',
      ),
    ).toBe('Nairobi')
    expect(report("Envoys held talks at Nairobi's State House on Friday over the border dispute.")).toBe('Nairobi')
  })

  it('reads a deal sealed or an agreement reached as the meeting, and a part of the world as no venue', () => {
    const deal = 'A border accord between the two governments sealed in Nairobi on Tuesday was welcomed across the Middle East.'
    expect(report(deal)).toBe('Nairobi')
    expect(articleEvents({ id: 1, title: 'Accord', outlet: null, published: '2024-03-09', body: deal }).main?.date).toMatchObject({
      month: 3,
      day: 5,
    })
    expect(report('The two governments reached a border agreement in Nairobi on Tuesday.')).toBe('Nairobi')
    expect(report('Envoys held talks in the Middle East on Friday over the border dispute.')).toBeNull()
  })
})
