// A meeting word is not a report of a meeting: a how-to titled "Difficult talks", or a statement issued
// "on the occasion of the coalition negotiations", names no place, no day and fewer than two people.
// Found on real pages (web-eval: such pages each became a round of their own). These texts are
// SELF-WRITTEN (invented people and places): they pin the rule, no more.
import { describe, expect, it } from 'vitest'
import { articleEvents, type DetectArticle } from './mentions'

let next = 1
const article = (title: string, body: string): DetectArticle => ({ id: next++, title, outlet: null, published: '2025-03-07', body })

describe('a meeting word that tells of no meeting', () => {
  it('is no report when nothing says where, when or who', () => {
    const howTo = article(
      'Difficult talks: how to get through them',
      'Nobody likes conflict. Yet a calm voice and a clear aim help, and most people can learn both with a little practice.',
    )
    expect(articleEvents(howTo).main).toBeNull()
    const occasion = article(
      'Schwierige Gespräche: so geht es',
      'Konflikte mag keiner. Wer ruhig bleibt und sein Ziel kennt, kommt aber weiter, und das lässt sich üben.',
    )
    expect(articleEvents(occasion).main).toBeNull()
  })

  it('is a report as soon as the article names a place, a day or two people', () => {
    const place = article('Talks resume', 'Talks resumed in Nordhavn. Both sides called the atmosphere businesslike.')
    expect(articleEvents(place).main?.venue).toBe('Nordhavn')
    const people = article('Talks resume', 'Anna Berg and Tomas Varga resumed talks. Both sides called the atmosphere businesslike.')
    expect(articleEvents(people).main?.participants.length).toBeGreaterThanOrEqual(2)
    const day = article('Talks resume', 'Talks resumed on Thursday. Both sides called the atmosphere businesslike.')
    expect(articleEvents(day).main?.dateKind).toBe('weekday')
  })
})
