/**
 * Generic furniture cues, valid for any outlet: the vocabulary of page chrome, appeals and notices,
 * and the shapes of captions, bylines and timestamps. No outlet, person or headline is named here.
 */
import { endsSentence } from '../../../shared/sentences'
import { findDates } from './dates'

/** Words that make up menus, share bars and promo lines. */
const FURNITURE_WORDS = new Set(
  'share shares shared tweet facebook twitter x email e-mail mail print whatsapp linkedin reddit pinterest telegram flipboard copy link links comment comments subscribe subscribers subscription newsletter newsletters login log sign signup register account menu search home homepage advertisement advertise advertising sponsored sponsor cookies cookie privacy policy terms contact follow read more related trending popular listen watch video videos photo photos gallery next previous back top skip content save bookmark min mins topics topic tags tag sections section feedback donate support app download rss podcast podcasts live updates'.split(
    ' ',
  ),
)

/**
 * The same chrome in the other languages Parley meets most (de, fr, es, pt, it, nl, pl, ru): the
 * words of share bars, comment forms, log-in and account links, site menus and legal footers. Words
 * as common in prose as in chrome stay out (mehr, plus, más, lesen, lire; Suche, Kontakt, Werbung,
 * Anzeige; cerca, stampa, inicio, buscar; поиск, главная; and any word that is also English), so a
 * list item or a sentence does not read as a menu.
 */
const FURNITURE_WORDS_OTHER = new Set(
  (
    'teilen drucken kommentar kommentare kommentieren abonnieren abonnement anmelden abmelden registrieren startseite menü impressum datenschutz datenschutzerklärung nutzungsbedingungen weiterlesen merkliste schlagworte schlagwörter kategorie kategorien archiv bildergalerie login ' +
    'partager imprimer commentaire commentaires commenter abonnez abonner rechercher accueil légales confidentialité catégories ' +
    'compartir imprimir comentario comentarios comentar suscríbete suscribirse suscripción registrarse menú contacto privacidad síguenos etiquetas categorías ' +
    'compartilhar partilhar comentários assine pesquisar início contato siga ' +
    'condividi commenti commenta iscriviti abbonati accedi contatti seguici ' +
    'delen afdrukken reacties reageren abonneren inloggen zoeken ' +
    'udostępnij drukuj komentarze komentarz skomentuj subskrybuj zaloguj szukaj obserwuj ' +
    'поделиться комментарии комментарий подписаться контакты'
  ).split(' '),
)

/** `furnitureDensity(["Share", "on", "Facebook"])` → 0.67 */
export function furnitureDensity(w: readonly string[]): number {
  if (w.length === 0) return 0
  return w.filter((x) => FURNITURE_WORDS.has(x.toLowerCase()) || FURNITURE_WORDS_OTHER.has(x.toLowerCase())).length / w.length
}

/** Appeals for money, subscriptions and sign-ups. */
export const HAS_APPEAL =
  /\b(support (us|our|independent|quality|journalism)|donat(e|es|ing|ion|ions)|contribut(e|ion)s? (now|today|to us)|make a contribution|subscri(be|ber|bers|ption|ptions)|become a (member|subscriber|supporter|patron)|newsletters?|sign up|(?:straight |directly |direct )?(?:to|in|into) your inbox|unlimited access|paywall|merchandise|advertis(e|ing|ement)|remind me|reminder|payment methods?|your support)\b/i

/** Notices and buttons that are never article text, whatever follows them on the line. */
export const NOTICE =
  /^(comments? (are|is|have been) (closed|disabled|turned off)|share (this|on|via|article|story)|read more|read next|related( articles| stories| coverage| content|:)?|more (from|on|stories|in)|most (read|popular|viewed)|recommended|trending|continue( reading)?|not ready to|click here|follow us|we use cookies|accept (all )?cookies|cookie (settings|policy|preferences)|listen to (this )?(article|story)|(this )?(article|story|summary|audio) (was|is|has been) (generated|produced|created|read|translated)|(©|copyright)|all rights reserved|×|advertisement|ad|skip to|back to top|sign up|subscribe|thank you! your|dear reader|leave a (reply|comment)|post a comment|report this (post|comment)|(the )?link (was |has been )?copied)\b.{0,120}$/i

const CREDIT_WORD = /\b(photo(graph)?|picture|image|illustration|credit|getty|file photo|via)\b/i
const TRAILING_CREDIT =
  /(\((?:[^()]*\b(?:photo|picture|image|credit)\b[^()]*)\)|\b\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+)* ?\/ ?\p{Lu}[\p{L}&.' -]{1,40})\s*$/u

/** A photo credit in parentheses at the end: "(Photo: Jane Roe)", "(Foto: …)", "(Jane Roe/Agency)". */
export function endsWithCredit(text: string): boolean {
  return /\((?:[^()]*\b(?:photo|foto|picture|image|credit)\b[^()]*)\)\s*$|\(\p{Lu}[^()/]{1,50}\/\s?\p{Lu}[^()/]{0,40}\)\s*$/iu.test(text)
}

/** Photo captions and credits: "A player celebrates. (Photo: Jane Roe/Agency)", "Jane Roe / Agency". */
export function isCaption(text: string, wordCount: number): boolean {
  if (wordCount > 40) return false
  if (/^(photo|picture|image|caption|credit|illustration)s?\s*[:|]/i.test(text)) return true
  if (TRAILING_CREDIT.test(text) && !/[.!?…]["'”’]?$/.test(text)) return true
  if (endsWithCredit(text)) return true
  return !endsSentence(text) && wordCount <= 25 && (CREDIT_WORD.test(text) || /\s\/\s/.test(text))
}

/** "By Jane Roe", "By Jane Roe and John Doe, Science Correspondent", "Words by …". */
export function isByline(text: string, wordCount: number): boolean {
  return (
    wordCount <= 14 &&
    !endsSentence(text.replace(/\b[A-Z]\.$/, '')) &&
    /^(by|words by|reporting by|story by|written by)\s+[\p{Lu}@]/iu.test(text)
  )
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?'
const DATE_OR_TIME = new RegExp(
  `\\b(\\d{1,2}:\\d{2}\\s*([ap]\\.?m\\.?)?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|${MONTH} \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH},? \\d{4}|\\d+ (minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)(,? \\d+ (days?|weeks?|months?))? ago)\\b`,
  'i',
)

/** "Published 4 March 2025, 09:12 GMT", "Updated 3 hours ago", "5 min read", a bare date line. */
export function isTimestamp(text: string, wordCount: number): boolean {
  if (wordCount > 14) return false
  if (/^(published|updated|posted|last (updated|modified)|first published|modified)\b/i.test(text)) return true
  if (PUBLISHED_OTHER.test(text)) return true
  // A date in any language and script (findDates knows their month names), with at most a few
  // words beside it ("Stand: 5. Februar 2020", "14 lutego 2020, 10:32"), no sentence after it.
  if (/(?:19|20)\d{2}/.test(text) && !/[.!?]["'”’]?$/.test(text) && (text.match(/\p{L}+/gu) ?? []).length <= 4) {
    if (findDates(text, { limit: 1 }).length > 0) return true
  }
  if (/^\d+\s*(-|–)?\s*min(ute)?s?\s+read$/i.test(text)) return true
  return DATE_OR_TIME.test(text) && !/[.!?]["'”’]?$/.test(text.replace(/\b(a\.m|p\.m)\.$/i, ''))
}

/** "Published" and "updated" as a date line opens in the other languages Parley meets most. */
const PUBLISHED_OTHER =
  /^(veröffentlicht|aktualisiert|zuletzt aktualisiert|erschienen|stand(?=:)|erstellt(?=:)|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano|опубликовано|обновлено)(?![\p{L}])/iu

const PRONOUN = /^(we|our|ours|us|you|your|yours|you['’](re|ve|ll|d))$/i
const QUOTED = /"[^"]*"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|‘[^’]*’(?!\p{L})/gu

/** Speaks to the reader ("we", "our", "you") outside quotations: appeals do, news copy does not. */
export function addressed(text: string): boolean {
  const outside = text.replace(QUOTED, ' ')
  const w = outside.match(/[\p{L}][\p{L}'’]*/gu) ?? []
  const n = w.filter((x) => PRONOUN.test(x)).length
  return n >= 2 && n / Math.max(w.length, 1) >= 0.03
}

/** A word that speaks to the reader or for the page ("you", "us"; German "du", "uns"), outside quotations: one is enough in a short line. */
const READER = /^(we|our|ours|us|you|your|yours|wir|uns|unser\p{L}*|du|dich|dir|dein\p{L}*|euch|euer|eure\p{L}*)$/iu

/** A short line that speaks to the reader: "Stay up to date with us!", "Bleib dran, wir melden uns!" */
export function speaksToReader(text: string): boolean {
  return (text.replace(QUOTED, ' ').match(/[\p{L}][\p{L}'’]*/gu) ?? []).some((x) => READER.test(x))
}

/** Disclaimers: "This article is for information only and does not constitute financial advice." */
export const DISCLAIMER =
  /^(this|the) (article|content|story|page|information|material)\b.{0,160}\b(not (a substitute for|intended as|constitute)|does not constitute|for (general )?information( purposes)? only)\b.{0,120}$/i

/** A copyright or rights line, however long its legal tail: "© 2025 Name. All rights reserved. This material may not…". */
export const RIGHTS = /^(?:©|\(c\)|copyright\b)\s*(?:\d{4}|.{0,80}\ball rights reserved\b)/i

/**
 * A menu or section bar: three or more capitalised items and no function words, with or without
 * separators ("News | Sport | Weather", "Markets  Companies  Economy").
 */
export function isMenu(text: string): boolean {
  // Most paragraphs end with a stop: decided before splitting them into items.
  if (/[.!?:,;]$/.test(text)) return false
  const items = text.split(/\s*[|·•]\s*|\s{2,}|\s+/).filter(Boolean)
  if (items.length < 3 || items.length > 16) return false
  const separated = /\s[|·•]\s.*\s[|·•]\s|\S\s{2,}\S.*\S\s{2,}\S/.test(text)
  const capitalised = items.every((w) => /^[\p{Lu}\d&'’]/u.test(w) || /^(and|&|on|of|the)$/i.test(w))
  return (
    capitalised && (separated || items.length >= 4) && !items.some((w) => /^(in|to|for|a|an|as|at|by|is|are|was|with|after|over)$/i.test(w))
  )
}

/**
 * The same notices in the other languages Parley meets most: "related", "read also", "share this",
 * "back to the overview", cookie banners and the comment form's fixed sentences (the wording of
 * common publishing systems). Generic interface words; no outlet is named.
 */
export const NOTICE_OTHER =
  /^(mehr zu(m| den)? (thema|themen)\b|weitere (artikel|beiträge|nachrichten|informationen zum thema)|verwandte (artikel|beiträge|themen)|ähnliche (artikel|beiträge)|auch interessant|das könnte (sie|dich) auch interessieren|lesen sie (auch|mehr|hier)|lies auch|beliebte beiträge|zurück zu(r)? (übersicht|startseite)|(jetzt )?teilen|teile (diesen|den) (beitrag|artikel)|dir hat der artikel gefallen|artikel teilen|kommentare?( \(\d+\))?$|(deine|ihre) e-mail-adresse wird nicht veröffentlicht|schreibe (eine antwort|einen kommentar)|hinterlasse (eine antwort|einen kommentar)|(der )?link wurde kopiert|laisser un commentaire|deja (un comentario|una respuesta)|deixe (um comentário|uma resposta)|lascia un commento|dodaj komentarz|wir verwenden cookies|diese (web)?seite verwendet cookies|también te puede interesar|te puede interesar|lee también|mirá también|noticias relacionadas|artículos relacionados|comparte (esta|este)|tu dirección de correo electrónico no será publicada|utilizamos cookies|leia também|veja também|notícias relacionadas|o seu endereço de (e-)?mail não será publicado|à lire aussi|lire aussi|voir aussi|sur le même sujet|articles similaires|partager (cet|cette|sur)|votre adresse (e-)?mail ne sera pas publiée|nous utilisons des cookies|leggi anche|articoli correlati|potrebbe interessarti|condividi|il tuo indirizzo email non sarà pubblicato|lees ook|gerelateerde artikelen|deel dit|czytaj (także|też|również)|zobacz (także|też|również)|polecamy|udostępnij|korzystamy z (plików )?cookies|читайте также|смотрите также|похожие (статьи|материалы)|поделиться|подпишитесь|(?:lea|mir[ae])(?: también| además| más)?(?=\s*:)|puedes ver(?=\s*:)|(?:le|les) puede(?:n)? interesar|auch lesen(?=\s*:)|dowiedz się więcej(?=\s*:)|czytaj (?:więcej|dalej)(?=\s*:)|(?:veja|leia) (?:também|mais)(?=\s*:))(?![\p{L}\p{N}]).{0,120}$/iu

/**
 * The heading of a block of teasers or links that follows an article: "More on this topic", "Most
 * read", "Weitere Artikel", "Das könnte Sie auch interessieren", "Autres articles". Only as a short
 * line without a final stop: the same words open sentences of prose. Generic interface wording.
 */
const MORE_HEADING =
  /^(?:(?:neueste|weitere|empfohlene|beliebte|beliebteste|meist-?gelesene|meist-?diskutierte|meist-?gelesen|meist-?diskutiert|ähnliche|passende)\s+\p{L}*(?:artikel|beiträge|beitrag|meldungen|nachrichten|news|themen|stories|storys|videos|galerien|infos|informationen|links|tipps|empfehlungen|produkttests?|posts|podcasts|episoden)|meist-?(?:gelesen|diskutiert|geteilt)|mehr (?:zu|zum|zur|themen|aus|von|über|news|artikel)\b|auch (?:auf|bei) \S+$|noch mehr\b|entdecke(?:n sie)? (?:weitere|jetzt|mehr)\b|schon gelesen|heute empfehlen wir|themen (?:im|in diesem) (?:artikel|beitrag)|(?:das|dieses) (?:thema )?könnte (?:sie|dich) (?:auch )?interessieren|you (?:may|might) also (?:like|enjoy)|more (?:news|articles|stories|posts)\b|latest (?:news|articles|posts|stories)\b|popular (?:posts|articles|stories)|recent (?:posts|articles)|(?:autres|derniers) articles|(?:audios? et )?vidéos sur le (?:même )?sujet|(?:más|otras|últimas) noticias|noticias (?:recientes|destacadas)|valora esta noticia|ultime notizie|altri articoli|meer nieuws|najnowsze|najczęściej (?:czytane|komentowane)|popularne artykuły|zobacz (?:także|też|również))(?![\p{L}\p{N}])/iu

/** `isMoreHeading("Weitere Artikel")` → true; a sentence or a long line → false. */
export function isMoreHeading(text: string, wordCount: number): boolean {
  return wordCount <= 8 && !/[.!]["'”’]?$/.test(text) && MORE_HEADING.test(text.trim())
}

const CREDIT_LABEL =
  /^(?:fotos?|bild(?:er)?|bildquelle|beitragsbild|titelbild|headerbild|abbildung(?:en)?|grafik|crédits?(?: photos?)?|cr[ée]dit photo|fot\.?|zdjęci[ea]|imagen(?:es)?|immagine|фото)\s*[:|]/iu

/** The words a picture credit is labelled with, in the languages Parley meets most. */
const PICTURE_WORD =
  '(?:fotos?|photos?|photograph|picture|image|imagen|immagine|bild|bildquelle|kuva|zdjęcie|fot\\.|cr[ée]dits?|cr[ée]ditos?|credit|фото)'

/**
 * A caption's credit at its end, labelled with a picture word: "… the harbour. (Foto: Jane Roe/Agency
 * (edited))", "… the harbour. Foto: Archive Name", "… harbour. Kuva: JANE ROE" (at most six words
 * after the label, no sentence after them).
 */
const CREDIT_AT_END = new RegExp(
  `(?:\\(\\s*${PICTURE_WORD}\\s*:[^()]*(?:\\([^()]*\\)[^()]*)?\\)|(?:^|[.!?…]\\s+)${PICTURE_WORD}\\s*:\\s*(?:[^\\s.!?]+\\.?\\s*){1,6})\\s*$`,
  'iu',
)

const SOURCE_LINE = /^(?:sources?|quellen?|fuentes?|fontes?|źródło|источник)\s*:/iu

/** "(Quelle: Name/Agency/Outlet)": a source in parentheses is a picture credit when it has the slashes of one. */
const SOURCE_AT_END = /\((?:quelle|source|fuente|fonte|źródło)\s*:[^()/]*\/[^()]*\)\s*$/iu

/**
 * A photo or image credit in any of the languages Parley meets most: "Foto: Jane Roe", "Crédits
 * photos : Agency", "Bild: Name/Agency", or a short line that ends in a © credit ("Harbour at dusk
 * © Jane Roe / Agency"). For the cleaner only: the title and outlet rules keep their own caption test.
 */
export function isCredit(text: string, wordCount: number): boolean {
  if (wordCount > 40) return false
  if (CREDIT_LABEL.test(text)) return true
  if (CREDIT_AT_END.test(text) || SOURCE_AT_END.test(text)) return true
  // "Source: www.example.org", "Quelle: Name / Agency": a short line naming where the text or picture came from.
  if (wordCount <= 12 && SOURCE_LINE.test(text)) return true
  // A © with at most a name or two after it, no sentence after the name.
  return /©\s*[^©.!?]{1,60}$/u.test(text) && (text.slice(text.lastIndexOf('©')).match(/\p{L}+/gu) ?? []).length <= 8
}

const ARTICLE_WORD =
  /(?<![\p{L}])(artikel|beitrag|beitrags|article|post|story|artículo|noticia|articolo|artigo|artykuł|artykułu|статья|статью)(?![\p{L}])/iu
const FEEDBACK_WORD =
  /(?<![\p{L}])(nützlich|hilfreich|helpful|useful|utile|útil|gefallen|gefällt|like|liked|enjoyed|aimé|gustó|bewerten|bewertung|rate|valorar|noter)(?![\p{L}])/iu

/** "Diesen Artikel teilen", "War der Artikel nützlich?", "Did you like this story?": the page asks about the article itself (never a sentence ending in a full stop). */
export function isArticlePrompt(text: string, w: readonly string[]): boolean {
  return w.length <= 8 && !/\.["”’]?$/.test(text) && ARTICLE_WORD.test(text) && (furnitureDensity(w) > 0 || FEEDBACK_WORD.test(text))
}

/** The comment form's log-in notice: "You must be logged in to post a comment", "Sie sind nicht eingeloggt". */
export const LOGIN_NOTICE =
  /(?<![\p{L}])(eingeloggt|einloggen|angemeldet sein|logged in|log in to (comment|reply|post)|sign in to (comment|reply|post)|connecté|connectez-vous|iniciar sesión|inicia sesión|zalogowan\p{L}*|zaloguj się)(?![\p{L}])/iu

/** Words at least one of isSiteNotice's tests needs (lower case). */
const NOTICE_CUE =
  /cookie|browser|navigateur|navegador|affiliate|provision|commission|comisión|thank|dank|merci|gracias|obrigad|cc[ -]by|creative commons|einverstanden|willige|stimme|akzeptier|consent|agree|acepto|acepta|accepte|zgadzam|concordo|acconsento|spam/

/**
 * The site speaking about itself rather than the article, in the languages Parley meets most: a
 * cookie banner ("Unsere Website verwendet Cookies…", "We use cookies to…"), a notice about the
 * reader's browser ("You are using a browser version with limited support", "Bitte aktualisiere
 * deinen Browser"), an affiliate disclosure ("When you buy through links on our site, we may earn an
 * affiliate commission"), a thank-you for registering or ordering, a licence line ("licensed under
 * CC BY-SA"). A cookie banner may name neither the site nor data, only that "we use" cookies.
 * Each needs two cues on one line of at most 60 words, so prose about cookies or browsers stays.
 */
export function isSiteNotice(text: string, wordCount: number): boolean {
  if (wordCount > 60) return false
  const t = text.toLowerCase()
  // Every test below needs one of these words: one scan settles the lines that have none (nearly all).
  if (!NOTICE_CUE.test(t)) return false
  const cookies =
    (/(?<![\p{L}])cookies?(?![\p{L}])/u.test(t) &&
      /(?<![\p{L}])(website|webseite|web site|internetseite|site|seite|sitio|sito|browser|navigateur|navegador|consent|zustimmung|einwilligung|accept|akzeptier\p{L}*|aceptar?|accepter|datenschutz\p{L}*|privacy|tracking|analyse|analytics|analíticas?|données|datos|dados|dati|gegevens|confidentialité|privacidad|privacidade|privacità)(?![\p{L}])/u.test(
        t,
      )) ||
    (/(?<![\p{L}])cookies?(?![\p{L}])/u.test(t) &&
      /(?<![\p{L}])(verwenden wir|nutzen wir|setzen wir|wir verwenden|wir nutzen|wir setzen|we use|we are using|nous utilisons|utilisons|utilizamos|usamos|utilizziamo|usiamo|wij gebruiken|gebruiken wij|używamy|stosujemy)(?![\p{L}])/u.test(
        t,
      ))
  const browser =
    /(?<![\p{L}])browser\p{L}*|navigateur|navegador/u.test(t) &&
    /(?<![\p{L}])(your|you|dein\p{L}*|ihr\p{L}*|sie|votre|vous|tu|su|seu)(?![\p{L}])/u.test(t) &&
    /(?<![\p{L}])(update|upgrade|version|support\p{L}*|aktualisier\p{L}*|unterstütz\p{L}*|veraltet\p{L}*|outdated|verwende\p{L}*|mettre à jour|actualiz\p{L}*|javascript)(?![\p{L}])/u.test(
      t,
    )
  const affiliate =
    /(?<![\p{L}])(affiliate|provision|commission|comisión)(?![\p{L}])/u.test(t) &&
    /(?<![\p{L}])(links?|link-?s|we|wir|nous|our|unsere?)(?![\p{L}])/u.test(t)
  const registered =
    /^(thank you|thanks|vielen dank|danke|merci|gracias|obrigad[oa]) (for|für|pour|por) (registering|signing up|subscribing|your (registration|subscription|order|purchase)|ihre (registrierung|anmeldung|bestellung)|deine (registrierung|anmeldung|bestellung)|votre (inscription|commande)|registrarte|suscribirte|tu (suscripción|pedido|compra))/u.test(
      t,
    )
  const licence =
    /(?<![\p{L}])(cc[ -]by(?:[ -](?:sa|nc|nd))*|creative commons)(?![\p{L}])/u.test(t) &&
    /licensed|lizenziert|(under|unter|bajo|sous|sotto) .{0,100}(licen[cs]e|lizenz|licencia|licenza)/u.test(t)
  // The sign-up or comment form's consent line: the reader ("I", "you") agrees to the site's handling of their data.
  const consent =
    /(?<![\p{L}])(einverstanden|willige|stimme|akzeptier\p{L}*|consent|agree|acepto|aceptas?|accepte|accepter|zgadzam|concordo|acconsento)(?![\p{L}])/u.test(
      t,
    ) &&
    /(?<![\p{L}])(datenschutz\p{L}*|personenbezogen\p{L}*|privacy|données|datos personales|dane osobowe|dados pessoais|newsletter\p{L}*)(?![\p{L}])/u.test(
      t,
    ) &&
    // German's formal "Sie" only with its capital: lower case it is "they", as in a report about users.
    (/(?<![\p{L}])(ich|mir|mich|mein\p{L}*|i|my|je|j|mes|mon|yo|mis|eu|io|you|your|du|dein\p{L}*|vous|votre|usted|tu|ty)(?![\p{L}])/u.test(
      t,
    ) ||
      /(?<![\p{L}])(Sie|Ihre?)(?![\p{L}])/u.test(text))
  // The comment form's spam filter notice ("This site uses a filter to reduce spam. Learn how your comment data is processed").
  const spam =
    /(?<![\p{L}])spam(?![\p{L}])/u.test(t) &&
    /(?<![\p{L}])(kommentar\p{L}*|comments?|commentaires?|comentarios?)(?![\p{L}])/u.test(t) &&
    /(?<![\p{L}])(website|webseite|site|seite|sitio|sito|blog)(?![\p{L}])/u.test(t)
  return cookies || browser || affiliate || registered || licence || consent || spam
}

/**
 * A note about the article rather than part of it: "This article contains affiliate links",
 * "Dieser Beitrag enthält Werbung", "Dieser Text wurde unter der Lizenz … veröffentlicht", "Dieser
 * Beitrag gibt die Meinung des Autors wieder". The article's own first sentence may open the same way
 * ("This article examines…"), so the note must also speak of publishing: an issue, a licence, an
 * advertisement, the author's opinion. "This post originally appeared in…" is left alone: annotators
 * count that credit as article text.
 */
export function isArticleNote(text: string, wordCount: number): boolean {
  return (
    wordCount <= 50 &&
    /^\W*(this|the) (article|post|story|text|piece|content)|^\W*(dieser|der) (artikel|beitrag|text|blogbeitrag)|^\W*bei diesem (beitrag|artikel|text)|^\W*(cet|l['’]) ?article|^\W*(este|el) (artículo|texto|contenido)|^\W*(questo|l['’]) ?articolo|^\W*(dit|het) (artikel|bericht)|^\W*(ten|niniejszy) (artykuł|tekst)/iu.test(
      text,
    ) &&
    /(?<![\p{L}])(ausgabe|lizenz|licen[cs]ed?|werbung|anzeige|sponsored|gesponsert|affiliate|provision|commission|meinung|opinion|opinión|redaktion|editorial|translated|übersetzt|traduit|traducido|community|enthält|contains|contiene|contient|gastbeitrag|guest)(?![\p{L}])/iu.test(
      text,
    )
  )
}
