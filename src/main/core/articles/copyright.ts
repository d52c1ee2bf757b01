import { parse } from 'tldts'
import { words } from '../text/words'

/**
 * The site a plain-text copy of a page names in its copyright line: "© 2023 Harbour Gazette. All
 * rights reserved.", "Copyright © 2019 by harbour-gazette.example", "Alle Rechte vorbehalten · 2022 ·
 * Hafen Verlag GmbH". A select-all copy carries the page's footer, and the footer's copyright line
 * is the one place most pages print their own name in words; captions and photo credits carry a
 * "©" too, but name a photographer or an agency, and sit inside the article, not at its end.
 *
 *   copyrightOutlet(['…', '© 2023 Harbour Gazette. All rights reserved.']) // 'Harbour Gazette'
 */
export function copyrightOutlet(paragraphs: readonly string[], isWire: (name: string) => boolean = () => false): string | null {
  // The footer is the end of the page: its last lines, read from the last. A line that says the
  // rights are reserved is the site's own; a bare "© Name" may credit a theme or a picture.
  const window = 0.5
  const from = Math.max(0, Math.min(paragraphs.length - 30, Math.floor(paragraphs.length * window)))
  let bare: string | null = null
  for (let i = paragraphs.length - 1; i >= from; i--) {
    let line = (paragraphs[i] ?? '').trim()
    // Most lines carry no mark at all: one test settles them (cutting a line never adds a mark), and
    // the literal every mark holds settles most lines before the pattern is read.
    if (!MAY_MARK.test(line.toLowerCase()) || !MARK.test(line)) continue
    // The software's credit that follows the site's own ("… · Powered by …") is cut off.
    const made = line.search(MADE_BY)
    if (made >= 0) line = line.slice(0, made)
    if (line.length > 300 || !MARK.test(line)) continue
    const name = nameIn(line)
    if (!name || isWire(name)) continue
    if (RESERVED_ONE.test(line) || YEAR.test(line)) return name
    // A bare "© Name" names a photographer as often as the site: only in the page's last lines.
    if (i >= paragraphs.length - 10) bare ??= name
  }
  return bare
}

/**
 * The site a plain-text copy of a page names by its own address, when it names itself in no words:
 * the web or mail address its footer prints most (its last 15 lines: contact, imprint, copyright),
 * printed twice on the page or on a line of the site's own (a copyright mark, an imprint, a contact),
 * as its registrable domain ("info@hafenblatt.de" → "hafenblatt.de"). Not an
 * address a credit gives (a designer's, a host's, a picture's), nor a platform's that every site
 * links to (share buttons, social networks, mail providers, picture libraries).
 *
 *   addressOutlet(['…', 'Kontakt: redaktion@hafenblatt.de', 'Impressum · www.hafenblatt.de']) // 'hafenblatt.de'
 */
export function addressOutlet(paragraphs: readonly string[]): string | null {
  const footerFrom = Math.max(0, paragraphs.length - 15)
  const found = new Map<string, { n: number; footer: number; own: boolean }>()
  for (let i = 0; i < paragraphs.length; i++) {
    const line = paragraphs[i] as string
    // Cheap first: most lines hold no address at all.
    if (line.length > 2000 || !/www\.|https?:\/\/|@/i.test(line)) continue
    if (MADE_BY.test(line) || PICTURE.test(line) || CREDITED.test(line)) continue
    for (const m of line.matchAll(MARKED_HOST)) {
      const host = parse((m[1] as string).toLowerCase())
      const domain = host.domain
      if (!domain || !(host.isIcann || host.isPrivate) || PLATFORM.test(domain)) continue
      const entry = found.get(domain) ?? { n: 0, footer: 0, own: false }
      entry.n++
      if (i >= footerFrom) entry.footer++
      if (OWN_LINE.test(line)) entry.own = true
      found.set(domain, entry)
    }
  }
  let best: string | null = null
  let bestEntry: { n: number; footer: number } | null = null
  for (const [domain, e] of found) {
    if (e.footer === 0 || (e.n < 2 && !e.own)) continue
    if (!bestEntry || e.footer > bestEntry.footer || (e.footer === bestEntry.footer && e.n > bestEntry.n)) {
      best = domain
      bestEntry = e
    }
  }
  return best
}

// A web address (after "www." or a scheme) or a mail address (after "@"): a bare "word.word" may be
// a file name, an abbreviation or two words run together.
const MARKED_HOST = /(?:https?:\/\/(?:www\.)?|www\.|@)((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\b/giu
// A line of the site's own: its rights, its imprint, its contact.
const OWN_LINE =
  /©|\(c\)|copyright|rights|impressum|imprint|kontakt|contact|e-?mail|mail:|tel\.|telefon|phone|redaktion|redacci[oó]n|rédaction|redazione|redakcja|редакци/iu
// A credit's words: the address after them is the credited one's.
const CREDITED = /\b(?:via|quelle|source|fuente|fonte|źródło|источник|credit|courtesy)\b/iu
// Platforms every site links to or mails from, picture libraries and the example domains: no site's own name.
const PLATFORM =
  /^(?:example|facebook|fb|twitter|x|t|instagram|youtube|youtu|google|googleapis|gstatic|linkedin|pinterest|tiktok|whatsapp|telegram|xing|vk|ok|snapchat|reddit|tumblr|flickr|vimeo|soundcloud|spotify|apple|microsoft|amazon|paypal|github|gmail|googlemail|gmx|web|yahoo|outlook|hotmail|icloud|mail|proton|protonmail|yandex|t-online|wordpress|blogspot|blogger|wix|squarespace|jimdo|unsplash|pixabay|pexels|shutterstock|gettyimages|istockphoto|adobe|flaticon|creativecommons|w3)\.[a-z.]+$/u

// "Powered by …", "Theme by …", "Community platform by …": the software's credit, not the site's.
const MADE_BY =
  /\b(?:powered|platform|theme|template|software|design|designed|developed|hosted|hosting|built|made|realisation|realization|umsetzung|entwickelt|gestaltet)\s+(?:by|with|von|par|por|da)\b/iu

// "©", "(c)", "Copyright", or a rights-reserved phrase in the languages most pages are written in.
const RESERVED = String.raw`(?:all )?rights reserved|alle rechte vorbehalten|tous droits réservés|(?:todos los )?derechos reservados|todos os direitos reservados|tutti i diritti riservati|alle rechten voorbehouden|wszelkie prawa zastrzeżone|všechna práva vyhrazena|minden jog fenntartva|toate drepturile rezervate|tüm hakları saklıdır|все права защищены|всі права захищені|版权所有|著作権所有|جميع الحقوق محفوظة`
const MARK = new RegExp(String.raw`©|\(c\)|\bcopyright\b|${RESERVED}`, 'iu')
/**
 * A literal that each of MARK's forms holds, lower case ("reserv" for "rights reserved", "derechos
 * reservados", "réservés" holds "servés"): a line without one cannot match MARK. A plain pattern of
 * literals, where MARK's case-insensitive alternatives are read at every character.
 */
const MAY_MARK =
  /©|\(c\)|copyright|reserv|servés|vorbehalt|riserv|voorbehoud|zastrzeż|vyhrazen|fenntart|rezerv|saklı|защищ|захищ|版权所有|著作権所有|محفوظة/
const RESERVED_ONE = new RegExp(RESERVED, 'iu')
const RESERVED_RE = new RegExp(String.raw`(?:${RESERVED})\.?`, 'giu')
// A credit for a picture ("© Foto: …", "Image: © …", "Symbolbild …"), not the site's own line.
const PICTURE =
  /\b(?:foto|fotos|photo|photos|photograph|bild|symbolbild|image|images|imagen|immagine|picture|pictures|credit|quelle|source|getty|shutterstock|istock(?:photo)?|stock\.adobe|adobe stock|imago|фото|zdjęcie)\b/iu
const YEAR = /\b(?:19|20)\d{2}\b/u
const YEARS = /\b(?:19|20)\d{2}\b(?:\s*[-–—/]\s*(?:19|20)\d{2}\b)?/gu
const LEGAL_FORM =
  /(?:[\s,]+(?:GmbH\s*(?:&|\+|und)\s*Co\.?\s*KG(?:aA)?|GmbH|gGmbH|mbH|AG|KG|e\.\s?V\.|LLC|L\.L\.C\.|Inc\.?|Ltd\.?|LTD|Limited|plc|PLC|Corp\.?|Corporation|S\.A\.?|SA|S\.L\.|S\.p\.A\.|S\.r\.l\.|B\.V\.|N\.V\.|Oyj|AB|ASA|Sp\. z o\.o\.?(?:\s*S\.K\.A\.?)?|SAS|SARL|Pty Ltd))+\.?$/u
/** A name: up to six words, the first capitalised or a digit, or a web address ("harbour-gazette.example"). */
const NAME =
  /^(?:the\s+)?[\p{Lu}\d][\p{L}\d'’&.+-]*(?:\s+(?:of|and|&|on|the|für|de|del|la|le|di|der|des|y|e|i|[\p{Lu}\d][\p{L}\d'’&.+-]*)){0,5}$/u
const SENTENCE_CASE = /^[\p{Lu}\d][\p{L}\d'’&.+-]*(?:\s+[\p{L}\d][\p{L}\d'’&.+-]*){0,3}$/u
/**
 * A name in a script without capitals (Arabic, Hebrew, Chinese, Japanese, Korean, Indic, Thai…): the
 * capital that marks a name elsewhere is missing, so up to four words of that one script, no digits.
 */
const CASELESS_NAME =
  /^(?:[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Tamil}\p{sc=Thai}\p{sc=Georgian}\p{sc=Armenian}\p{sc=Ethiopic}\p{M}]+(?:\s+|$)){1,4}$/u
// "Copyright" said in words, and the halves of a rights phrase a "©" splits ("جميع الحقوق © محفوظة لـ …"):
// the line's wording, never the name it gives.
const COPYRIGHT_WORDS =
  /prawa autorskie|materiał chroniony prawem autorskim|urheberrecht(?:lich geschützt)?|droits d['’]auteur|derechos de autor|direitos autorais|diritti d['’]autore|auteursrecht|авторские права|авторское право|telif hakkı|جميع الحقوق|محفوظة(?:\s*لـ?)?|版权|著作権|저작권/giu
// The footer's links that share the rights line ("Alle Rechte vorbehalten | Impressum | Datenschutz"): pages, not names.
const LEGAL_PAGE =
  /^(?:impressum|imprint|datenschutz\p{L}*|privacy(?: policy)?|kontakt|contact(?: us)?|mentions légales|aviso legal|nota legal|note legali|colofon|disclaimer|agb|terms(?: of (?:use|service))?|nutzungsbedingungen|cookies?)$/iu
const LOWER_BRAND = /^\p{Ll}[\p{Ll}\d-]{3,30}$/u
const ADDRESS = /^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}$/iu

function nameIn(line: string): string | null {
  // The name follows the mark ("© 2020 Name", "Copyright © Name") or comes before it ("Name © 2019").
  const at = line.search(/©|\(c\)|\bcopyright\b/iu)
  const reserved = line.search(RESERVED_ONE)
  // A credit put after a caption ("A rig in the hills © Jane Roe"): the line is the picture's.
  if (at > 0 && words(line.slice(0, at)).length > 5 && reserved < 0) return null
  // A link to the site's copyright page ("Infos zum Copyright", "Copyright policy"): a label, no name.
  if (!/©|\(c\)/iu.test(line) && reserved < 0 && !YEAR.test(line)) return null
  const picture = PICTURE.test(line)
  const parts = at >= 0 ? [line.slice(at), line.slice(0, at)] : [line.slice(0, reserved), line.slice(reserved)]
  for (const part of parts) {
    const text = part
      .replace(/©|\(c\)|\bcopyright\b/giu, ' ')
      .replace(COPYRIGHT_WORDS, ' | ')
      .replace(RESERVED_RE, ' | ')
      .replace(YEARS, ' ')
      .replace(/^[\s,.:;|·•\-–—[\]()]*(?:by:?\s+)?/iu, '')
    // The first piece before a separator: "Name | Impressum | Datenschutz", "Name. Design by …".
    const piece = text.split(/\s+[|·•–—-]\s+|\s*[|·•]\s*|(?<=\p{Ll}{2}|\))\.\s+|\s*[[\]()]\s*/u)[0]?.trim() ?? ''
    const name = piece
      .replace(/^[\s,.:;"“”„«»-]+|[\s,.:;"“”„«»-]+$/gu, '')
      .replace(LEGAL_FORM, '')
      .trim()
    if (!name || name.length < 2 || words(name).length > 6 || !/\p{L}/u.test(name) || /^copy/iu.test(name) || LEGAL_PAGE.test(name))
      continue
    // Names in most languages capitalise only their first word ("Портовая газета"): a short one may.
    // A brand written in lower case ("© harbourlight 2010–2021") is one word beside a year.
    const brand = LOWER_BRAND.test(name) && YEAR.test(line)
    if (
      !NAME.test(name) &&
      !ADDRESS.test(name) &&
      !CASELESS_NAME.test(name) &&
      !(SENTENCE_CASE.test(name) && words(name).length <= 4) &&
      !brand
    )
      continue
    // A photographer's or agency's credit names the picture; the site's line does not speak of one.
    if (picture && !ADDRESS.test(name)) return null
    return name
  }
  return null
}
