import { describe, expect, it } from 'vitest'
import { addressOutlet, copyrightOutlet } from './copyright'
import { prepareArticle } from './prepare'

// Invented pages: a few lines of article, then a footer.
const ARTICLE = [
  'Harbour ferry returns after winter',
  'The ferry between the two harbours will run again from May, the operators said on Tuesday after months of repairs.',
  'Tickets go on sale next week, and the timetable keeps the early crossing that commuters asked for.',
  'The town council said it would review the fares in the autumn.',
]
const page = (...footer: string[]): string[] => [...ARTICLE, ...footer]

describe('copyrightOutlet', () => {
  it("reads the site's name from its footer's copyright line, in several languages and shapes", () => {
    expect(copyrightOutlet(page('About us', '© 2023 Harbour Gazette. All rights reserved.'))).toBe('Harbour Gazette')
    expect(copyrightOutlet(page('Impressum | Datenschutz', 'Alle Rechte vorbehalten · 2022 · Hafen Verlag GmbH'))).toBe('Hafen Verlag')
    expect(copyrightOutlet(page('Copyright © 2019 by harbour-gazette.example'))).toBe('harbour-gazette.example')
    expect(copyrightOutlet(page('Gaceta del Puerto © 2011-2019. Todos los derechos reservados.'))).toBe('Gaceta del Puerto')
    expect(copyrightOutlet(page('© 2021 Портовая газета. Все права защищены.'))).toBe('Портовая газета')
    // Scripts without capitals: the name is the words of that script beside the mark.
    expect(copyrightOutlet(page('جميع الحقوق محفوظة © 2024 جريدة الميناء'))).toBe('جريدة الميناء')
    expect(copyrightOutlet(page('© 2024 港口日报 版权所有'))).toBe('港口日报')
    // A brand written in lower case, beside a year.
    expect(copyrightOutlet(page('© harbourlight 2010 – 2021'))).toBe('harbourlight')
    expect(copyrightOutlet(page('Copyright © harbourlight 2021'))).toBe('harbourlight')
  })

  it("takes no name from the rights line's wording, its links or a link to the copyright page", () => {
    expect(copyrightOutlet(page('Alle Rechte vorbehalten | Impressum | Datenschutz'))).toBeNull()
    expect(copyrightOutlet(page('Infos zum Copyright'))).toBeNull()
    // A lower-case word with no year beside it is no name.
    expect(copyrightOutlet(page('Copyright notice', '© images'))).toBeNull()
    expect(copyrightOutlet(page('Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.'))).toBeNull()
    // The name beside the words that say "copyright", and the one a "©" splits the rights phrase around.
    expect(copyrightOutlet(page('Prawa autorskie © Gazeta Portowa Sp. z o.o. S.K.A.'))).toBe('Gazeta Portowa')
    expect(copyrightOutlet(page('جميع الحقوق © محفوظة لـ "جريدة الميناء" - يحظر النشر دون إذن'))).toBe('جريدة الميناء')
  })

  it("takes the site's line, not a picture's credit, a caption's or the software's", () => {
    // A photographer's credit after a caption, inside the article.
    expect(copyrightOutlet(page('The quay at dawn, before the first crossing © Jane Roe'))).toBeNull()
    expect(copyrightOutlet(page('© Foto: Jane Roe'))).toBeNull()
    // The theme's credit comes last; the site's line before it wins.
    expect(copyrightOutlet(page('© 2020 Harbour Gazette', 'Powered by PressKit © 2019'))).toBe('Harbour Gazette')
    // A bare "© Name" far from the page's end names a picture as often as the site.
    const long = page('© Jane Roe', ...Array.from({ length: 12 }, (_, i) => `Footer link ${i}`))
    expect(copyrightOutlet(long)).toBeNull()
    expect(copyrightOutlet(page('© Harbour Gazette'))).toBe('Harbour Gazette')
  })

  it('leaves a wire agency named by the line to the wire, not the outlet', () => {
    expect(copyrightOutlet(page('© 2023 Wire Press'), (name) => name === 'Wire Press')).toBeNull()
  })
})

describe('text import: the outlet', () => {
  const copy = (top: string, footer: string[]): string =>
    [top, 'News | Sport | Weather | Culture', top, ...ARTICLE, 'Related stories', ...footer].join('\n\n')

  it("names the outlet from the footer's copyright line, and never a menu item that heads the page", () => {
    const a = prepareArticle({
      name: 'ferry.txt',
      bytes: new TextEncoder().encode(copy('Home', ['Contact', '© 2024 Harbour Gazette. All rights reserved.'])),
    })
    expect(a.outlet).toBe('Harbour Gazette')
    const b = prepareArticle({ name: 'ferry.txt', bytes: new TextEncoder().encode(copy('Home', ['Contact', 'Home'])) })
    expect(b.outlet).toBeNull()
  })
})

describe('addressOutlet', () => {
  const body = Array.from({ length: 20 }, (_, i) => `Paragraph ${i} of the article about the harbour and its ferries, told at length.`)

  it('names the site by the address its footer prints on its own lines (contact, imprint, rights)', () => {
    expect(addressOutlet([...body, 'Impressum', 'Kontakt: redaktion@hafenblatt.de', 'Datenschutz'])).toBe('hafenblatt.de')
    expect(addressOutlet([...body, 'Besuchen Sie uns auf www.hafenblatt.de', 'Newsletter', 'www.hafenblatt.de/abo'])).toBe('hafenblatt.de')
  })

  it('takes no address a credit or a platform gives, none that the article alone names once, none that is no domain', () => {
    expect(addressOutlet([...body, 'Webdesign by www.pixelhafen.de'])).toBeNull()
    expect(addressOutlet([...body, 'Foto: www.bildarchiv-nord.de'])).toBeNull()
    expect(addressOutlet([...body, 'Folgen Sie uns: www.facebook.com/hafenblatt', 'Kontakt: hafen@gmail.com'])).toBeNull()
    expect(addressOutlet(['Mehr unter www.faehrverein.de', ...body, 'Teilen'])).toBeNull()
    expect(addressOutlet([...body, 'Mehr unter www.faehrverein.de'])).toBeNull()
    expect(addressOutlet([...body, 'Kontakt: info@hafen.notatld'])).toBeNull()
  })
})
