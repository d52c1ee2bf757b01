import { describe, expect, it } from 'vitest'
import { words } from '../text/words'
import {
  furnitureDensity,
  HAS_APPEAL,
  NOTICE,
  NOTICE_OTHER,
  isArticleNote,
  isArticlePrompt,
  isCredit,
  isMoreHeading,
  isSiteNotice,
  isTimestamp,
  LOGIN_NOTICE,
} from './furniture'

const stamp = (line: string): boolean => isTimestamp(line, words(line).length)

describe('isTimestamp', () => {
  it('reads a date line in any language: a date with a few words beside it, or a "published" word', () => {
    expect(stamp('Stand: 5. Februar 2020')).toBe(true)
    expect(stamp('14 lutego 2020')).toBe(true)
    expect(stamp('Veröffentlicht am Dienstag')).toBe(true)
    expect(stamp('Mis à jour le mardi')).toBe(true)
  })

  it('leaves sentences and lines that only mention a date', () => {
    expect(stamp('Die Sitzung fand am 5. Februar 2020 statt.')).toBe(false)
    expect(stamp('Stand up for the rights of tenants')).toBe(false)
    expect(stamp('Bericht vom 9.6.2015 mit der offiziellen Beschreibung des Herstellers')).toBe(false)
  })
})

describe('furnitureDensity', () => {
  it('counts the chrome words of other languages, not their prose words', () => {
    expect(furnitureDensity(words('Artikel teilen und kommentieren'))).toBe(0.5)
    expect(furnitureDensity(words('Die Suche nach mehr Kontakt'))).toBe(0)
  })
})

describe('isMoreHeading', () => {
  const more = (line: string): boolean => isMoreHeading(line, words(line).length)
  it('reads the heading of a block of teasers in several languages', () => {
    expect(more('Weitere Artikel')).toBe(true)
    expect(more('Meistgelesene Beiträge')).toBe(true)
    expect(more('Das könnte Sie auch interessieren:')).toBe(true)
    expect(more('You might also like')).toBe(true)
    expect(more('Autres articles')).toBe(true)
    expect(more('Más noticias')).toBe(true)
  })
  it('leaves subheads and sentences that open with the same words', () => {
    expect(more('Weitere Maßnahmen der Stadt')).toBe(false)
    expect(more('Mehr zu tun gibt es im Winter, sagte die Bürgermeisterin.')).toBe(false)
    expect(more('More articles were published in 2019 than ever before.')).toBe(false)
  })
})

describe('isCredit', () => {
  const credit = (line: string): boolean => isCredit(line, words(line).length)
  it('reads image credits in several languages and a © credit at the end of a short line', () => {
    expect(credit('Foto: Jane Roe')).toBe(true)
    expect(credit('Crédits photos : Agence Exemple')).toBe(true)
    expect(credit('Beitragsbild: Titelseite einer Zeitung')).toBe(true)
    expect(credit('Der Hafen in der Abenddämmerung © Jane Roe / Agentur')).toBe(true)
    expect(credit('Der Hafen in der Abenddämmerung. (Foto: Jane Roe/Agentur (bearbeitet))')).toBe(true)
    expect(credit('El puerto al atardecer. Foto: Archivo Ejemplo.')).toBe(true)
    expect(credit('Satama illalla. Kuva: JANE ROE')).toBe(true)
    expect(credit('Der Hafen in der Abenddämmerung. (Quelle: Roe/Bildagentur/Verband)')).toBe(true)
    expect(credit('Source: www.example.org')).toBe(true)
  })
  it('leaves prose that mentions a copyright or a photo', () => {
    expect(credit('The photographer kept the © sign on every print she sold, she said.')).toBe(false)
    expect(credit('Bildung ist der Schlüssel, sagte sie.')).toBe(false)
    expect(credit('Die Zahl der Geburten stieg um vier Prozent. (Quelle: Statistisches Landesamt)')).toBe(false)
    expect(credit('She kept one rule for the book: photos first, words later, and never the other way round.')).toBe(false)
  })
})

describe('notes and prompts about the article', () => {
  const note = (line: string): boolean => isArticleNote(line, words(line).length)
  const prompt = (line: string): boolean => isArticlePrompt(line, words(line))
  it('reads a note about the article that speaks of publishing, in several languages', () => {
    expect(note('Dieser Beitrag enthält Werbung für ein Produkt.')).toBe(true)
    expect(note('This article contains affiliate links.')).toBe(true)
    expect(note('Cet article est publié sous licence libre.')).toBe(true)
  })
  it("leaves an article's opening sentence and its credit line", () => {
    expect(note('This article examines how the council paid for the baths.')).toBe(false)
    expect(note('This post originally appeared in the Example Review.')).toBe(false)
  })
  it('reads a short prompt to share or rate the article, not a sentence about an article', () => {
    expect(prompt('Diesen Artikel teilen')).toBe(true)
    expect(prompt('War der Artikel nützlich?')).toBe(true)
    expect(prompt('Did you like this story?')).toBe(true)
    expect(prompt('The article was shared widely.')).toBe(false)
  })
  it('reads a log-in notice of a comment form', () => {
    expect(LOGIN_NOTICE.test('Sie sind aktuell nicht eingeloggt.')).toBe(true)
    expect(LOGIN_NOTICE.test('You must be logged in to post a comment.')).toBe(true)
    expect(LOGIN_NOTICE.test('The minister logged the complaint on Monday.')).toBe(false)
  })
})

describe('isSiteNotice', () => {
  const notice = (line: string): boolean => isSiteNotice(line, words(line).length)
  it('reads the site speaking about itself in several languages', () => {
    expect(notice('Diese Webseite nutzt Cookies, um die Nutzung zu analysieren. Mit dem Besuch stimmen Sie zu.')).toBe(true)
    expect(notice('We use cookies on this site to remember your settings and to count visits.')).toBe(true)
    expect(notice('Your browser version is outdated: please update it to see this page as intended.')).toBe(true)
    expect(notice('Bitte aktualisiere deinen Browser, damit die Seite richtig angezeigt wird.')).toBe(true)
    expect(
      notice('This magazine is read by its readers. When you buy through links on our pages, we may earn an affiliate commission.'),
    ).toBe(true)
    expect(notice('Vielen Dank für Ihre Registrierung. Sie erhalten gleich eine E-Mail.')).toBe(true)
    expect(notice('Die Fotos in diesem Tagebuch stehen unter einer Creative Commons Namensnennung 4.0 International Lizenz.')).toBe(true)
    expect(notice('Mit dem Absenden des Formulars willige ich in die Verarbeitung meiner Daten gemäß der Datenschutzerklärung ein.')).toBe(
      true,
    )
    expect(notice('By clicking the button, you agree to our privacy terms and to receive our newsletter.')).toBe(true)
    expect(notice('Diese Website filtert Spam. Erfahre mehr darüber, wie deine Kommentardaten verarbeitet werden.')).toBe(true)
    // A long banner, past the short notices' word limit, that names data protection instead of the site.
    expect(
      notice(
        "Nous utilisons des cookies afin d'adapter nos offres à vos centres d'intérêt. Pour en savoir plus, consultez la page sur la protection des données.",
      ),
    ).toBe(true)
    expect(
      notice('Usamos cookies para personalizar el contenido. Más información en nuestra política de privacidad y tratamiento de datos.'),
    ).toBe(true)
    expect(HAS_APPEAL.test('The best stories of the week, delivered straight to your inbox.')).toBe(true)
    // A banner that names neither the site nor data, only that "we use" cookies for the reader's sake.
    expect(notice('Für ein besseres Leseerlebnis verwenden wir Cookies. Mit der Nutzung unserer Dienste stimmen Sie dem zu.')).toBe(true)
    expect(notice('Vielen Dank für Ihre Bestellung. Wir wünschen Ihnen eine gute Lektüre.')).toBe(true)
    expect(notice('Thank you for your order. Your first issue arrives next week.')).toBe(true)
  })
  it('leaves prose about cookies, browsers and licences', () => {
    expect(notice('Die Kekse, auf Englisch cookies genannt, backen zwölf Minuten bei 180 Grad.')).toBe(false)
    expect(notice('The new browser engine renders pages twice as fast as the old one, the company said.')).toBe(false)
    expect(notice('The foundation offers free copyright licences through its Creative Commons tools.')).toBe(false)
    expect(notice('Die meisten Nutzer akzeptieren neue Datenschutzbedingungen, ohne sie zu lesen, zeigt die Studie.')).toBe(false)
    expect(notice('Spam in the comments of public forums doubled last year, researchers found.')).toBe(false)
    expect(notice('Die Bäckerei verwendet Cookies aus Dinkelmehl, sagte die Inhaberin.')).toBe(false)
  })
})

describe('comment forms and share buttons', () => {
  it('reads their fixed wording as notices, in several languages', () => {
    for (const line of ['Leave a Reply', 'Report this post', 'Link copied']) expect(NOTICE.test(line)).toBe(true)
    for (const line of ['Schreibe eine Antwort', 'Hinterlasse einen Kommentar', 'Laisser un commentaire', 'Deja un comentario'])
      expect(NOTICE_OTHER.test(line)).toBe(true)
    // A "read also" label before a teaser's headline, with its colon.
    for (const line of ['Lea también: El puerto abre de nuevo', 'MIRA: El puerto abre de nuevo', 'Auch lesen: Der Hafen öffnet wieder'])
      expect(NOTICE_OTHER.test(line)).toBe(true)
    expect(NOTICE_OTHER.test('Mira la ciudad desde el puerto, dijo.')).toBe(false)
    expect(isTimestamp('Erstellt: vor 4 Stunden', 4)).toBe(true)
    expect(isTimestamp('Erstellt wurde das Programm im Jahr 2019 von zwei Studenten', 10)).toBe(false)
  })
})
