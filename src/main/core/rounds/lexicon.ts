/**
 * The words round detection reads a meeting by, per language (issue 16): words that name talks and
 * meetings, words that tell of a coming one, "said" verbs, connectors that introduce an earlier
 * event, and the prepositions that put a meeting in a place ("in Genf", "à Genève", "en Ginebra",
 * "в Женеве", "Cenevre'de", "在日内瓦"). English is mentions.ts's own; these are added to it for an
 * article in another language (chosen by text/language.ts), never to an English article, so that
 * a word of one language ("hier" is "here" in German and "yesterday" in French) is not read in another.
 *
 * This is the generic vocabulary of diplomacy and meetings, written as stems where the language
 * inflects (консультаци- for консультации/консультаций). A stem stops short of the word for the
 * negotiators (переговорщик, Verhandlungsführer, negoziatore, rozmówca, müzakereci): they name people, not
 * a meeting. It names no place, person or outlet.
 */

import { B, E, readingLanguages } from './lexicon-dates'

/** The word lists of one language, as regular-expression alternations (each a plain list of words or stems). */
interface Words {
  /** Words that name a meeting on their own: talks, negotiations, consultations, a summit, "met with". */
  strong: string
  /** Words that name a meeting only where two people are named: "meeting", "met", "discussions". */
  weak: string
  /** A coming meeting: "will", "next", "planned", "is to be held". */
  future: string
  /** Verbs of saying, before a date that dates the saying ("said on Thursday"). */
  said: string
  /** Introduces an earlier event ("after", "before", "since"). */
  connector: string
  /** Prepositions of place before a city name. */
  at: string
  /** Stems of capitalized words that follow those prepositions but are no places (German nouns, buildings). */
  notPlaces?: string
  /** True when the stems may be suffixed by more letters (inflecting languages); words are whole otherwise. */
  stems?: boolean
  /**
   * A place is one word (hyphens joined): German capitalizes every noun ("in Genf Gespräche geführt"), and
   * Slavic word order often puts a name right after the place ("в Женеве Томас Варга").
   */
  oneWord?: boolean
  /**
   * Where the language capitalizes every noun (German), the words that open a noun phrase: a
   * capitalized word the article also writes after one of them ("die Fabriken", "der Serie") is a
   * common noun, so "in Fabriken", "in Serie" name no place. Cities are not written after them.
   */
  determiners?: string
}

const L = String.raw`\p{L}*`

// Parliaments, chambers and government seats are where a meeting is held within a city, never the city:
// "w Parlamencie", "no Senado", "na Câmara", "im Kanzleramt". Read as the venue, they would also keep
// apart two reports of one meeting, one naming the city and one the building. Stems, as words decline.
const INSTITUTIONS = [
  'parlam',
  'senad',
  'senat',
  'câmara',
  'cámara',
  'congres',
  'kongres',
  'sejm',
  'bundestag',
  'bundesrat',
  'landtag',
  'kanzleramt',
  'assembl',
  'asamblea',
  'парламент',
  'сенат',
  'конгрес',
]

// German nouns are capitalized: the commonest ones that follow "in" without an article are no places.
const DE_NOT_PLACES =
  'kraft frage gang höhe zukunft betracht sicht richtung verbindung bezug form ordnung anspruch folge kürze erwartung hinblick zusammenarbeit abstimmung absprache anwesenheit gegenwart teilen kreisen ruhe eile sorge angriff aussicht'

const WORDS: Record<string, Words> = {
  de: {
    // Plural talks and negotiations, their rounds, and compounds joined by -s- or a hyphen ("Friedensgespräche",
    // "Koalitionsverhandlungen", "EU-Gipfel") or named by subject ("Atomgespräche"). A single "Gespräch" is a
    // conversation or an interview, "Treffen" any gathering and "Gipfel" a mountain top as often: they are weak.
    strong: String.raw`(?:\p{L}+s|\p{L}+-|atom|nuklear|zoll|handels|friedens)?(?:gesprächen?|gesprächsrunden?|verhandlungen|verhandlungsrunden?)|konsultationen|gipfeltreffens?|spitzentreffens?|\p{L}+-gipfels?|traf(?:en)?\s+sich|zusammengetroffen`,
    // Teams and athletes "treffen … aufeinander" (face each other): a match, no meeting.
    weak: String.raw`gespräch|(?:treffens?|traf(?:en)?)(?![^.!?]{0,120}\baufeinander)|gipfels?|unterredung${L}`,
    future: String.raw`wird|werden|soll|sollen|sollte|sollten|will|wollen|geplant${L}|nächste${L}|kommende${L}|bevorstehende${L}|morgen|künftig${L}|weitere${L}`,
    said: String.raw`sagte${L}|erklärte${L}|teilte${L}|betonte${L}|hieß|verkündete${L}`,
    connector: String.raw`nach|nachdem|vor|vorher|seit|bevor|während|vorangegangen${L}`,
    at: 'in',
    notPlaces: DE_NOT_PLACES,
    oneWord: true,
    determiners:
      'der die das den dem des ein eine einer einem einen eines kein keine keiner keinem keinen keines im am zum zur vom beim ins ans aufs sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren unser unsere unserer unserem unseren dieser diese dieses diesem diesen jeder jede jedes jedem jeden',
  },
  fr: {
    strong: String.raw`négociations|pourparlers|consultations|sommets?|s['’]est\s+entretenu${L}|a\s+rencontré|ont\s+rencontré|se\s+sont\s+rencontré${L}|se\s+sont\s+réuni${L}|round\s+de\s+(?:négociations|discussions)`,
    weak: String.raw`négociation|entretiens?|rencontre${L}|réunion${L}|discussions?|dialogue`,
    future: String.raw`va|vont|devrai(?:t|ent)|doi(?:t|vent)|prochain${L}|prévu${L}|sera|seront|aura|auront|tiendra|tiendront|réunira|réuniront|rencontrera|rencontreront|reprendra|reprendront|débutera|commencera|à\s+venir|futur${L}|nouvelle?s?`,
    said: String.raw`déclaré|dit|affirmé|indiqué|annoncé|souligné|expliqué|estimé|selon`,
    connector: String.raw`après|avant|depuis|suite\s+à|à\s+la\s+suite\s+d[eu]|tandis\s+que|précédent${L}`,
    at: String.raw`à|au`,
  },
  es: {
    strong: String.raw`negociaciones|conversaciones|cumbres?|se\s+reuni(?:ó|eron)|mantuvieron\s+(?:una\s+)?(?:reunión|conversaciones)|ronda\s+de\s+(?:negociaciones|conversaciones|diálogo|consultas)`,
    weak: String.raw`negociación|consultas|reuni(?:ón|ones)|encuentro${L}|diálogo${L}|discusion${L}`,
    future: String.raw`va|van|será|serán|celebrará${L}|tendrá${L}|prevista?s?|previsto?s?|próxim${L}|reunirá${L}|reanudará${L}|deberá${L}|podría${L}|planea${L}|nueva?s?|otra`,
    said: String.raw`dijo|afirmó|declaró|señaló|indicó|anunció|aseguró|explicó|según`,
    connector: String.raw`tras|después\s+de|antes\s+de|desde|luego\s+de|mientras|anterior${L}`,
    at: 'en',
  },
  it: {
    strong: String.raw`negoziat[oi]|colloqui|trattativ${L}|consultazion${L}|vertice|vertici|summit|ha\s+incontrato|hanno\s+incontrato|si\s+sono\s+incontrat${L}|si\s+sono\s+riunit${L}`,
    weak: String.raw`incontr${L}|riunion${L}|dialogo|discussion${L}`,
    future: String.raw`sarà|saranno|terrà|terranno|prossim${L}|previst${L}|dovrebbe${L}|incontrerà${L}|riprenderà${L}|nuov${L}|altro|altra`,
    said: String.raw`detto|dichiarato|affermato|annunciato|spiegato|sottolineato|secondo`,
    connector: String.raw`dopo|prima\s+d[ie]|mentre|precedent${L}`,
    at: String.raw`a|in`,
  },
  pt: {
    strong: String.raw`negociaç${L}|conversações|consultas|cúpula|cimeira|reuniu-se|reuniram-se|se\s+reuni(?:u|ram)|rodada\s+de\s+(?:negociações|conversações)`,
    weak: String.raw`reuni(?:ão|ões)|encontro${L}|diálogo|conversas|discuss(?:ão|ões)`,
    future: String.raw`vai|vão|será|serão|realizará${L}|próxim${L}|previst${L}|deverá${L}|reunirá${L}|retomará${L}|nova?s?|outra`,
    said: String.raw`disse|afirmou|declarou|anunciou|indicou|explicou|segundo`,
    connector: String.raw`após|depois\s+d[eoa]s?|antes\s+d[eoa]s?|desde|enquanto|anterior${L}`,
    at: String.raw`em|no|na`,
  },
  nl: {
    strong: String.raw`${L}onderhandelingen|onderhandelingsronde${L}|${L}gesprekken|besprekingen|(?:\p{L}+-)?top|topontmoeting${L}|ontmoette(?:n)?\s+(?:elkaar|met)`,
    weak: String.raw`${L}ontmoeting${L}|vergadering${L}|ontmoette${L}|bijeenkomst${L}`,
    future: String.raw`zal|zullen|volgende|komende|gepland${L}|verwacht${L}|nieuwe`,
    said: String.raw`zei|zegt|verklaarde|meldde|liet\s+weten|aldus`,
    connector: String.raw`na|nadat|sinds|voordat|voorafgaand${L}|terwijl`,
    at: 'in',
  },
  pl: {
    strong: String.raw`rozmow(?:y|ach|ami|om)|rozmów|negocjac${L}|konsultac${L}|szczyt(?:u|cie|em)?|spotkał${L}\s+się`,
    weak: String.raw`spotkani${L}|posiedzeni${L}|dyskusj${L}`,
    future: String.raw`będzie|będą|odbędzie|odbędą|planowan${L}|przyszł${L}|kolejn${L}|nadchodząc${L}|następn${L}|ma\s+się|mają\s+się`,
    said: String.raw`powiedział${L}|oświadczył${L}|poinformował${L}|zapowiedział${L}|przekazał${L}|według`,
    connector: String.raw`po|przed|podczas\s+gdy|wcześniejsz${L}|poprzedni${L}`,
    at: String.raw`w|we`,
    oneWord: true,
  },
  ru: {
    strong: String.raw`переговор(?:ы|ов|ах|ам|ами)|консультаци${L}|саммит${L}|встретил${L}|встретят${L}|встретит${L}|раунд${L}`,
    weak: String.raw`встреч${L}|заседани${L}|совещани${L}|обсуждени${L}`,
    future: String.raw`будет|будут|пройд[её]т|пройдут|состоится|состоятся|планиру${L}|следующ${L}|предстоящ${L}|намечен${L}|ожида${L}|возобнов${L}|нов${L}|очередн${L}`,
    said: String.raw`заявил${L}|сказал${L}|сообщил${L}|отметил${L}|подчеркнул${L}|объявил${L}|по\s+словам`,
    connector: String.raw`после|перед|до|накануне|с\s+тех\s+пор|тогда\s+как|предыдущ${L}|прошл${L}`,
    at: String.raw`в|во`,
    notPlaces: 'кремл белом бел государственн госдум совет',
    stems: true,
    oneWord: true,
  },
  uk: {
    strong: String.raw`переговор(?:и|ів|ах|ам|ами)|перемовин${L}|консультаці${L}|саміт${L}|зустрів${L}|зустрілися|раунд${L}`,
    weak: String.raw`зустріч${L}|засіданн${L}|нарад${L}|обговоренн${L}`,
    future: String.raw`буде|будуть|відбудеться|відбудуться|запланован${L}|наступн${L}|майбутн${L}|очіку${L}|відновл${L}|нов${L}|черговий|чергов${L}`,
    said: String.raw`заявив${L}|заявила|сказав${L}|сказала|повідомив${L}|повідомила|наголосив${L}|за\s+словами`,
    connector: String.raw`після|перед|до|напередодні|відтоді|попередн${L}|минул${L}`,
    at: String.raw`в|у`,
    notPlaces: 'кремл біл верховн',
    stems: true,
    oneWord: true,
  },
  tr: {
    strong: String.raw`müzakere(?!ci)${L}|görüşmeler${L}|görüşme${L}|zirve${L}|istişare${L}|görüştü${L}|bir\s+araya\s+geldi${L}`,
    weak: String.raw`toplantı${L}|buluşma${L}|diyalog${L}`,
    future: String.raw`${L}(?:acak|ecek)${L}|planlanan|gelecek|önümüzdeki|bekleniyor|yeni|bir\s+sonraki`,
    said: String.raw`dedi|açıkladı|söyledi|belirtti|bildirdi|kaydetti`,
    connector: String.raw`sonra|önce|beri|ardından|öncesinde|önceki`,
    at: '',
  },
  ar: {
    strong: String.raw`(?:[وبل]?(?:ال)?)(?:مفاوضات|محادثات|مشاورات|قمة|مباحثات)|(?:[وبل]?(?:ال)?)جولة\s+(?:من\s+)?(?:ال)?(?:مفاوضات|محادثات)|التقى|اجتمع`,
    weak: String.raw`(?:[وبل]?(?:ال)?)(?:اجتماع|لقاء|حوار)`,
    future: String.raw`سوف|سيعقد|ستعقد|سيلتقي|ستنطلق|ستجري|سيجري|ستستأنف|سيتم|المقبل|المقبلة|القادم|القادمة|المقرر|المتوقع|جديدة`,
    said: String.raw`قال|قالت|أعلن|أعلنت|صرح|أكد|أكدت|وفقا`,
    connector: String.raw`بعد|قبل|منذ|عقب|السابقة|السابق`,
    at: '',
  },
  zh: {
    strong: '会谈|谈判|磋商|会晤|峰会|会见|协商',
    weak: '会议|见面|对话|讨论',
    future: '将|将于|将要|即将|计划|预计|拟|下周|下一轮|新一轮',
    said: '表示|说|宣布|指出|称',
    connector: '之后|以后|此前|之前|自从|上一轮',
    at: '',
  },
}

// "The third round of talks" in other languages, with a number ("3. Runde", "3e cycle", "3ª ronda",
// "3-й раунд", "第3轮") or an ordinal word from first to twelfth (hand-listed: ICU has no ordinal words).
const ROUND_WORDS: Record<string, { word: string; ordinals?: string[] }> = {
  de: {
    word: String.raw`(?:\p{L}*s)?runde`,
    ordinals: 'erste zweite dritte vierte fünfte sechste siebte achte neunte zehnte elfte zwölfte'.split(' '),
  },
  fr: {
    word: String.raw`(?:round|cycle|session|série)`,
    ordinals: 'premier deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième onzième douzième'.split(' '),
  },
  es: {
    word: String.raw`ronda`,
    ordinals: 'primera segunda tercera cuarta quinta sexta séptima octava novena décima undécima duodécima'.split(' '),
  },
  it: {
    word: String.raw`(?:round|tornata)`,
    ordinals: 'primo secondo terzo quarto quinto sesto settimo ottavo nono decimo undicesimo dodicesimo'.split(' '),
  },
  pt: {
    word: String.raw`(?:rodada|ronda)`,
    ordinals: 'primeira segunda terceira quarta quinta sexta sétima oitava nona décima'.split(' '),
  },
  nl: { word: String.raw`(?:\p{L}*ronde)`, ordinals: 'eerste tweede derde vierde vijfde zesde zevende achtste negende tiende'.split(' ') },
  pl: { word: String.raw`rund\p{L}*`, ordinals: 'pierwsz drug trzeci czwart piąt szóst siódm ósm dziewiąt dziesiąt'.split(' ') },
  ru: { word: String.raw`раунд\p{L}*`, ordinals: 'перв втор трет четвёрт пят шест седьм восьм девят десят'.split(' ') },
  uk: { word: String.raw`раунд\p{L}*`, ordinals: 'перш друг трет четверт п’ят шост сьом восьм дев’ят десят'.split(' ') },
  tr: { word: String.raw`tur\p{L}*` },
}
const CHINESE_NUMBERS = '一二三四五六七八九十'

/** The round a text names by number ("the 3rd round"), or null; in the words of `language` (mentions.ts reads English). */
export function localRoundOrdinal(text: string, language: string): number | null {
  let best: number | null = null
  const keep = (n: number): void => {
    if (n >= 1 && n <= 31 && (best === null || n > best)) best = n
  }
  if (language === 'zh') {
    for (const m of text.matchAll(/第\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*轮/gu)) {
      const v = m[1] as string
      if (/\d/.test(v)) keep(Number(v))
      else if (v.length === 1) keep(CHINESE_NUMBERS.indexOf(v) + 1)
      else if (v.startsWith('十')) keep(10 + CHINESE_NUMBERS.indexOf(v[1] as string) + 1)
    }
    return best
  }
  for (const l of readingLanguages(language)) {
    const r = ROUND_WORDS[l]
    if (!r) continue
    // A number with its ordinal mark: "3.", "3e", "3ème", "3ª", "3°", "3-й", "3-го".
    const digits = new RegExp(String.raw`${B}(\d{1,2})(?:\.|e|ème|ᵉ|ª|º|°|-?(?:й|го|м|ий|я|ї))?\s+(?:\p{L}+\s+)?${r.word}${E}`, 'giu')
    for (const m of text.matchAll(digits)) keep(Number(m[1]))
    if (r.ordinals) {
      const stems = r.ordinals.map((o) => o.replace(/’/g, "['’]")).join('|')
      const words = new RegExp(String.raw`${B}(${stems})\p{L}*\s+(?:\p{L}+\s+)?${r.word}${E}`, 'giu')
      for (const m of text.matchAll(words)) {
        const said = (m[1] as string).toLowerCase().replace(/'/g, '’')
        keep(r.ordinals.findIndex((o) => o === said) + 1)
      }
    }
  }
  return best
}

/** The compiled patterns of a language, for mentions.ts. Each matches the language's words only (English is added by the caller). */
export interface LanguagePatterns {
  language: string
  strong: RegExp
  weak: RegExp
  future: RegExp
  said: RegExp
  connector: RegExp
  /** Preposition + capitalized place name (group 1), or a language's own form (Turkish "Cenevre'de", Chinese "在日内瓦举行"). */
  venue: RegExp | null
  /** A word that names a meeting ("Переговоры" opening a sentence is no one's first name). */
  meetingWord: (word: string) => boolean
  /** A capitalized word after a preposition that is no place (a German noun, "Кремле"). */
  notPlace: (word: string) => boolean
  /** The capitalized words a text writes after a determiner (lower-cased): common nouns, in a language that capitalizes them. */
  commonNouns: (text: string) => Set<string>
  /** True for a language that capitalizes every noun (it has determiners to tell them by). */
  capitalizesNouns: boolean
}

const CAP = String.raw`\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}'’-]*`

const compiled = new Map<string, LanguagePatterns | null>()

/** The word lists read for a language: its own, or the union of its group's (lexicon-dates.ts readingLanguages). */
function wordsOf(language: string): Words | null {
  const lists = readingLanguages(language)
    .map((l) => WORDS[l])
    .filter((w): w is Words => w !== undefined)
  if (lists.length <= 1) return lists[0] ?? null
  const join = (pick: (w: Words) => string | undefined): string =>
    lists
      .map(pick)
      .filter((x): x is string => Boolean(x))
      .join('|')
  return {
    strong: join((w) => w.strong),
    weak: join((w) => w.weak),
    future: join((w) => w.future),
    said: join((w) => w.said),
    connector: join((w) => w.connector),
    at: join((w) => w.at),
    notPlaces: lists.map((w) => w.notPlaces ?? '').join(' '),
    stems: lists.some((w) => w.stems),
    oneWord: lists.some((w) => w.oneWord),
    determiners:
      lists
        .map((w) => w.determiners ?? '')
        .join(' ')
        .trim() || undefined,
  }
}

/** The patterns of a language with a word list, or null (English, and languages without a list). */
export function languagePatterns(language: string): LanguagePatterns | null {
  if (compiled.has(language)) return compiled.get(language) ?? null
  const w = wordsOf(language)
  let out: LanguagePatterns | null = null
  if (w) {
    // Chinese has no spaces between words, hence no boundaries.
    const [b, e] = language === 'zh' ? ['', ''] : [B, E]
    const words = (list: string, flags: string): RegExp => new RegExp(String.raw`${b}(?:${list})${e}`, flags)
    let venue: RegExp | null = null
    // A preposition may open the sentence ("В Женеве", "En Ginebra").
    const at = w.at
      .split('|')
      .flatMap((p) => [p, p.charAt(0).toUpperCase() + p.slice(1)])
      .join('|')
    if (w.at) venue = new RegExp(String.raw`${B}(?:${at})\s+(${CAP}${w.oneWord ? '' : String.raw`(?:[ -]${CAP})?`})(?!['’]s)`, 'gu')
    // Turkish names the place with a case ending after an apostrophe: "Cenevre'de", "İstanbul'daki".
    else if (language === 'tr') venue = new RegExp(String.raw`${B}(${CAP}(?:\s${CAP})?)['’](?:de|da|te|ta)(?:ki)?${E}`, 'gu')
    // Chinese: "在日内瓦举行" — the place between 在 and the verb of the meeting.
    else if (language === 'zh') venue = /在([\u4e00-\u9fff]{2,6}?)(?:举行|进行|召开|举办|会晤|会谈|开始|结束|重启|恢复)/gu
    const notPlaces = (w.notPlaces ?? '').split(' ').filter(Boolean)
    const determiners = (w.determiners ?? '').split(' ').filter(Boolean)
    // A determiner (capitalized too, opening a sentence), at most one lower-case word (an adjective),
    // then the capitalized word. Case-sensitive: under the i flag \p{Lu} matches lower case too.
    const both = determiners.flatMap((d) => [d, d.charAt(0).toUpperCase() + d.slice(1)])
    const nounAfter = both.length ? new RegExp(String.raw`${B}(?:${both.join('|')})\s+(?:\p{Ll}+\s+)?(\p{Lu}[\p{L}\p{M}-]*)`, 'gu') : null
    const meetingWord = new RegExp(String.raw`^(?:${w.strong}|${w.weak})$`, 'iu')
    out = {
      language,
      strong: words(w.strong, 'giu'),
      weak: words(w.weak, 'giu'),
      meetingWord: (word) => meetingWord.test(word),
      future: words(w.future, 'iu'),
      said: new RegExp(String.raw`${b}(?:${w.said})\s*(?:\p{Ll}{1,3}\s+)?$`, 'iu'),
      connector: words(w.connector, 'iu'),
      venue,
      capitalizesNouns: nounAfter !== null,
      commonNouns: (text) => {
        const nouns = new Set<string>()
        if (nounAfter) for (const m of text.matchAll(nounAfter)) nouns.add((m[1] as string).toLowerCase())
        return nouns
      },
      notPlace: (word) => {
        const lower = word.toLowerCase()
        return INSTITUTIONS.some((p) => lower.startsWith(p)) || notPlaces.some((p) => (w.stems ? lower.startsWith(p) : lower === p))
      },
    }
  }
  compiled.set(language, out)
  return out
}
