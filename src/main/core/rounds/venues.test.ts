// Where a report's meeting was held, when the report names other places too (issue 16). SELF-WRITTEN
// fixtures: invented people, outlets and text, written for these tests.
import { describe, expect, it } from 'vitest'
import { articleEvents } from './mentions'

let next = 1
const venueOf = (body: string, published: string | null = '2025-03-07', title = body.slice(0, 60)): string | null =>
  articleEvents({ id: next++, title, outlet: null, published, body }).main?.venue ?? null

describe('a place named for the next meeting', () => {
  it('does not become the venue of a meeting held, which its dateline places', () => {
    expect(
      venueOf(
        'GENEVA (Northwire) - Trade negotiators from the two countries held talks on Thursday for six hours in the building of the old mission, officials said.\n\nThe next round of talks could be held in Vienna at the end of March, diplomats said.',
      ),
    ).toBe('Geneva')
    expect(
      venueOf(
        'GINEBRA, 6 mar (Agencianorte).- Las delegaciones de los dos países se reunieron este jueves durante seis horas en el edificio de la antigua misión para hablar de las cuotas de pesca.\n\nEl portavoz del ministerio dijo que el encuentro fue "útil".\n\nLa próxima ronda de consultas podría celebrarse en Viena a finales de marzo, según fuentes diplomáticas.',
      ),
    ).toBe('Ginebra')
    // The next meeting told in the lead, with no day.
    expect(
      venueOf(
        'GENEVA (Northwire) - Trade negotiators held talks on Thursday. The next round of talks will be held in Vienna, officials said.',
      ),
    ).toBe('Geneva')
  })

  it('is the venue of a preview, which reports the coming meeting', () => {
    expect(
      venueOf(
        'GENEVA (Northwire) - Trade negotiators from the two countries will hold a new round of talks in Vienna on Thursday, officials said.',
        '2025-03-04',
      ),
    ).toBe('Vienna')
  })
})

describe('a dateline in capitals before an agency and ".-"', () => {
  it('places a report that names no other place', () => {
    expect(
      venueOf(
        'GINEBRA, 6 mar (Agencianorte).- Las delegaciones de los dos países se reunieron este jueves durante seis horas para hablar de las cuotas de pesca.',
      ),
    ).toBe('Ginebra')
  })
})

describe('a city named after a building or a word for the city ("en el consulado … de X")', () => {
  it('is the venue in Spanish, French, Portuguese and Italian', () => {
    expect(
      venueOf(
        'Las delegaciones de los dos países se reunieron este jueves durante seis horas en el consulado estadounidense de Ginebra para hablar de las cuotas de pesca.',
      ),
    ).toBe('Ginebra')
    expect(
      venueOf(
        "Les délégations des deux pays se sont réunies jeudi pendant six heures au consulat général d'Istanbul pour évoquer les quotas de pêche.",
      ),
    ).toBe('Istanbul')
    expect(
      venueOf('As delegações dos dois países reuniram-se na quinta-feira durante seis horas no consulado americano de Istambul.'),
    ).toBe('Istambul')
    expect(
      venueOf('Le delegazioni dei due paesi si sono riunite giovedì per sei ore nella sede di Ginevra per i colloqui sulla pesca.'),
    ).toBe('Ginevra')
  })

  it('is not a country ("en la embajada de Rusia")', () => {
    expect(
      venueOf('Las delegaciones de los dos países se reunieron este jueves en la embajada de Rusia para hablar de las cuotas de pesca.'),
    ).toBe(null)
  })
})

describe('a city of two words where a place is read as one', () => {
  it('keeps its second word when the two are a city ("w Nowym Jorku")', () => {
    expect(
      venueOf(
        'Delegacje obu krajów prowadziły w czwartek w Nowym Jorku rozmowy na temat kwot połowowych. Spotkanie trwało ponad sześć godzin, poinformowało ministerstwo.',
      ),
    ).toBe('Nowym Jorku')
  })

  it('not a name that follows the place ("в Женеве Томас Варга")', () => {
    expect(venueOf('Переговоры прошли в четверг в Женеве Томас Варга встретился с Анной Берг, сообщило министерство.')).toBe('Женеве')
  })
})
