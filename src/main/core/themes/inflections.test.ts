// Theme suggestions on articles in languages that inflect their words (issue 15 item 2: "search and
// suggestions keep working on non-English text"). SELF-WRITTEN fixtures with invented places and
// people: they show that inflected forms meet a theme's keywords, not how well suggestions hold on
// real coverage in these languages, for which the project has no labelled corpus.
import { describe, expect, it } from 'vitest'
import type { Theme } from '../../../shared/model'
import { suggestForArticle, themeModel } from './suggest'

const theme = (id: number, name: string, terms: string[]): Theme => ({
  id,
  name,
  color: '#3b6fd8',
  description: '',
  keywords: { terms, context: [] },
  position: id,
  highlights: 0,
  parentId: null,
})

/** The passages suggested for each theme, with the words given as the reason. */
function suggested(body: string, themes: Theme[]): Array<{ theme: string; text: string; terms: string[] }> {
  const stats = { documents: 50, df: new Map<string, number>() }
  const models = themes.map((t) => themeModel(t, [], stats))
  return suggestForArticle(1, body, models, stats).map((s) => ({
    theme: themes.find((t) => t.id === s.themeId)?.name ?? '',
    text: s.text,
    terms: s.reason.terms,
  }))
}

describe('theme suggestions meet inflected words in other languages', () => {
  it('German: "Sanktionen", "Strafmaßnahmen", "Inspektoren", "Kontrollen" meet "Sanktion", "Strafmaßnahme", "Inspektor", "Kontrolle"', () => {
    const body = [
      'NORDHAFEN (Nordpresse) - Die Regierung hat am Donnerstag neue Sanktionen gegen drei Reedereien verhängt, teilte das Ministerium mit.',
      'Die Strafmaßnahmen ergänzen das Embargo und treffen vor allem den Export von Fisch und Holz.',
      'Die Inspektoren der Behörde sollen bei ihren Kontrollen die Häfen wieder besuchen dürfen.',
    ].join('\n\n')
    const found = suggested(body, [
      theme(1, 'Sanktionen', ['Sanktion', 'Strafmaßnahme', 'Embargo']),
      theme(2, 'Inspektionen', ['Inspektor', 'Inspektion', 'Kontrolle']),
    ])
    expect(found).toContainEqual({
      theme: 'Sanktionen',
      text: expect.stringContaining('Strafmaßnahmen'),
      terms: ['strafmaßnahmen', 'embargo'],
    })
    expect(found).toContainEqual({
      theme: 'Inspektionen',
      text: expect.stringContaining('Inspektoren'),
      terms: ['inspektoren', 'kontrollen'],
    })
  })

  it('Spanish and Russian: endings and accents ("sanciones" / "sanción", "санкциями" / "санкции")', () => {
    const es = suggested('El gobierno anunció el jueves nuevas sanciones y un embargo contra dos navieras del puerto de Villalta.', [
      theme(1, 'Sanciones', ['sanción', 'embargo']),
    ])
    expect(es.map((s) => s.terms)).toEqual([['sanciones', 'embargo']])
    const ru = suggested('Правительство в четверг ввело новые санкции и эмбарго против двух компаний из Нордгавани.', [
      theme(1, 'Санкции', ['санкциями', 'эмбарго']),
    ])
    expect(ru.map((s) => s.terms)).toEqual([['санкции', 'эмбарго']])
  })

  it('leaves English to its stemmer: "national" and "nationwide" are no forms of "nation"', () => {
    const body =
      'The national carrier said on Thursday that nationwide strikes had grounded most flights, and the union said talks had stalled.'
    expect(suggested(body, [theme(1, 'Nations', ['nation', 'strikes'])]).map((s) => s.terms)).toEqual([['strikes']])
  })

  it('does not take a longer word for a form of a short keyword ("Uranus" is not "Uran" + ending)', () => {
    // Keywords under five letters have no stem long enough to compare: only their exact form meets them.
    const body = 'Die Forscher beobachten den Planeten Uranus seit Jahren mit einem neuen Teleskop in der Wüste von Südland.'
    expect(suggested(body, [theme(1, 'Anreicherung', ['Uran', 'Teleskop'])]).map((s) => s.terms)).toEqual([['teleskop']])
  })
})
