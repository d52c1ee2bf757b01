/**
 * The words round detection reads a meeting by, per language (issue 16): words that name talks and
 * meetings, words that tell of a coming one, "said" verbs, connectors that introduce an earlier
 * event, and the prepositions, case endings and postpositions that put a meeting in a place ("in Genf",
 * "à Genève", "в Женеве", "Cenevre'de", "在日内瓦", "ジュネーブで", "제네바에서", "Genfben", "Genevessä").
 * German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Ukrainian, Turkish, Arabic, Chinese;
 * Japanese, Korean, Greek, Swedish, Danish, Norwegian, Finnish, Czech, Slovak, Hungarian, Romanian,
 * Bulgarian, Croatian, Serbian, Hebrew, Persian, Hindi, Indonesian, Malay and Vietnamese.
 * English is mentions.ts's own; these are added to it for an
 * article in another language (chosen by text/language.ts), never to an English article, so that
 * a word of one language ("hier" is "here" in German and "yesterday" in French) is not read in another.
 *
 * This is the generic vocabulary of diplomacy and meetings, written as stems where the language
 * inflects (консультаци- for консультации/консультаций). A stem stops short of the word for the
 * negotiators (переговорщик, Verhandlungsführer, negoziatore, rozmówca, müzakereci): they name people, not
 * a meeting. It names no place, person or outlet.
 */

import { B, E, readingLanguages } from './lexicon-dates'
import { regionNames } from './places'
import { remembered } from '../text/remembered'

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
  /** Introduces an earlier event ("after", "before", "since"), written before the meeting it relates to. */
  connector: string
  /**
   * "After", "before", "since" written after the meeting they relate to (postpositions: "会談後", "회담 이후",
   * "görüşmelerden sonra", "वार्ता के बाद", "tárgyalások után"), with what may stand between (a case
   * ending, a particle, a verb of holding): matched right after a meeting word. The meeting before it is the
   * other one, not the one that follows, the reverse of English "after the meeting".
   */
  postConnector?: string
  /** Prepositions of place before a city name. */
  at: string
  /**
   * The language's own form of "in X" where it is no preposition before a capital (group 1 the place):
   * a case ending ("Istanbulissa", "Isztambulban"), a postposition ("イスタンブールで", "이스탄불에서"), or a
   * preposition in a script without capitals, read only before a verb of meeting (Persian, Hindi).
   */
  venue?: string
  /** Stems of capitalized words that follow those prepositions but are no places (German nouns, buildings). */
  notPlaces?: string
  /**
   * The preposition of `venue` is a prefix that also opens ordinary words (Hebrew "בז'נבה" and "בשיחות"): a word
   * read there is a place only where the article names it twice, or after a word for "the city" ("בעיר ז'נבה").
   */
  repeatedVenue?: boolean
  /**
   * A word read by `venue` is a place only where the gazetteer knows it as a city (gazetteer.ts): in a script
   * without capitals, "in" opens any noun ("في إسطنبول", "في الوقت"), and no letter tells a name.
   */
  knownVenue?: boolean
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

// English "in" and "at" are read as prepositions too in languages of Latin letters without case endings for
// places: on a short text the detector takes English for Swedish (names such as "Anna Berg" weigh), and the
// place is then read only by the language's own prepositions (mentions.ts venueMatches). Romanian written
// without diacritics spells "în" as "in". In none of them is "in" or "at" a preposition before a name (Swedish
// "in" is an adverb: "kom in").
const ENGLISH_AT = 'in|at'

// Capitalized words of Scandinavian prose after "i"/"på" that are buildings and offices, not cities.
const NORDIC_NOT_PLACES = 'vita hvide kvite regering ministeri departement slott palats hotel kontor ambassad universitet'

// A capitalized word that opens the sentence is not a name by its capital alone (Finnish and Hungarian read a
// place by its case ending, and "Neuvotteluissa", "Tárgyalásokban" open sentences).
const NOT_OPENING = String.raw`(?<!^[\s"'“”«»„(–—-]*)`

/**
 * Verbs that tell of a meeting only when delegations, ministers or negotiators do it ("kamen … zusammen", "berieten",
 * "kwamen … bijeen", "overlegden": fans, judges and councils gather and deliberate too): the verbs, kept where one
 * of the words for the parties stands in the sentence before them or within 80 characters after.
 */
const byParties = (parties: string, verbs: string): string =>
  String.raw`(?=${verbs})(?:(?<=${parties}[^.!?\n]{0,80})|(?=[^.!?\n]{0,80}${parties}))(?:${verbs})`
// A separable verb's particle up to 60 characters after it, in one clause ("kamen am Donnerstag in Genf zusammen").
const APART = String.raw`\s+(?:[^.!?;:\n]{0,60}?\s)?`
const DE_PARTIES = String.raw`\p{L}*(?:delegation|minister|unterhändler|verhandlungsführer|vertreter|regierungschef|präsident|gesandt|diplomat|sonderbeauftragt)\p{L}*`
const NL_PARTIES = String.raw`\p{L}*(?:delegatie|minister|onderhandelaar|vertegenwoordiger|regeringsleider|premier|president|gezant|diplomat|diplomaten|afgevaardigde)\p{L}*`

const KATAKANA = String.raw`\u30a1-\u30fa\u30fc`
const KANJI = String.raw`\u4e00-\u9fff々`
/**
 * Japanese "Xで" / "Xにて" (at X): a name in katakana (foreign places: "イスタンブールで"), or two to four kanji
 * before a verb or noun of meeting ("東京で開かれた", "北京での会談"): a kanji word before で is as often
 * "by phone" or "at the venue", and without spaces the kanji before a name cannot be told from it. A word
 * ending in ministry, agency, office, residence, embassy, hall or venue (省 庁 府 館 邸 院 会 所 部 室 場) is a building.
 */
const JAPANESE_VENUE = String.raw`((?<![${KATAKANA}])(?:[${KATAKANA}]{2,}・)?[${KATAKANA}]{2,}(?=(?:で|にて)(?!き|す|し))|(?<![${KANJI}\d])[${KANJI}]{2,4}(?<![省庁府館邸院会所部室場内])(?=(?:で|にて)(?:開か|行わ|開催|会談|協議|交渉|会合|会っ|会い|首脳|の(?:会談|協議|交渉|会合|首脳))))`
/**
 * Korean "X에서" (at X): the word before the particle, unless it ends in a word for the meeting, the press,
 * the government or the day ("회의에서", "기자회견에서", "이날 회담에서"), or in one for a ministry, agency,
 * office, party, committee, company, hall or palace (부 청 처 실 당 회 사 소 관 궁: "국방부에서").
 */
const KOREAN_VENUE = String.raw`(?<![가-힣])([가-힣]{2,10}?)(?<![부청처실당회사소관궁])(?<!회의|회담|협의|협상|회견|회동|자리|행사|현장|현지|정부|국회|의회|본부|청사|대사관|관저|국내|해외|양국|각국|지역|시내|이날|당시|과정|결과|방송|언론|인터뷰|성명|브리핑|온라인|화상|발표|기간|가운데|상황)에서(?:는|도|의|만)?(?![가-힣])`

// Words of talks and meeting in Arabic (with the prefixes "and", "in", "to", "the"), for its venue.
const AR_MEETING = String.raw`(?:(?:[وبل]?(?:ال)?)(?:مفاوضات|محادثات|مشاورات|مباحثات|قمة|اجتماع|اجتماعات|لقاء|جولة)|التقى|التقيا|اجتمع|اجتمعا)`
// Words of meeting and holding in Hebrew (with the prefixes "the", "and", "in", "to"), for its venue.
const HE_MEETING = String.raw`(?:(?:[ובהלמש]{0,2})(?:שיחות|התייעצויות|פסגה|פסגת|פגישה|פגישת|ישיבה|ישיבת|דיונים)|משא\s+ומתן|מו"מ|נפגש|נפגשה|נפגשו|ייפגשו|התקיימו|התקיימה|התקיים|יתקיימו|תתקיים|מתקיימות|נערכו|נערכה|ייערכו)`

const WORDS: Record<string, Words> = {
  de: {
    // Plural talks and negotiations, their rounds, and compounds joined by -s- or a hyphen ("Friedensgespräche",
    // "Koalitionsverhandlungen", "EU-Gipfel") or named by subject ("Atomgespräche"). A single "Gespräch" is a
    // conversation or an interview, "Treffen" any gathering and "Gipfel" a mountain top as often: they are weak.
    strong: String.raw`(?:\p{L}+s|\p{L}+-|atom|nuklear|zoll|handels|friedens)?(?:gesprächen?|gesprächsrunden?|verhandlungen|verhandlungsrunden?)|konsultationen|gipfeltreffens?|spitzentreffens?|\p{L}+-gipfels?|traf(?:en)?\s+sich|zusammengetroffen|verhandel(?:ten|te|n|t)|${byParties(DE_PARTIES, String.raw`berieten|beriet|tagten|kam(?:en)?${APART}zusammen|zusammengekommen|sprach(?:en)?${APART}miteinander|sprachen(?!\s+sich)${APART}über`)}`,
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
    strong: String.raw`négociations|pourparlers|consultations|sommets?|(?:ont|a)\s+négocié|négocient|s['’]est\s+entretenu${L}|a\s+rencontré|ont\s+rencontré|se\s+sont\s+rencontré${L}|se\s+sont\s+réuni${L}|round\s+de\s+(?:négociations|discussions)`,
    weak: String.raw`négociation|entretiens?|rencontre${L}|réunion${L}|discussions?|dialogue`,
    future: String.raw`va|vont|devrai(?:t|ent)|doi(?:t|vent)|prochain${L}|prévu${L}|sera|seront|aura|auront|tiendra|tiendront|réunira|réuniront|rencontrera|rencontreront|reprendra|reprendront|débutera|commencera|à\s+venir|futur${L}|nouvelle?s?`,
    said: String.raw`déclaré|dit|affirmé|indiqué|annoncé|souligné|expliqué|estimé|selon`,
    connector: String.raw`après|avant|depuis|suite\s+à|à\s+la\s+suite\s+d[eu]|tandis\s+que|précédent${L}`,
    at: String.raw`à|au`,
  },
  es: {
    strong: String.raw`negociaciones|conversaciones|cumbres?|negociaron|negoció|negocian|se\s+reuni(?:ó|eron)|mantuvieron\s+(?:una\s+)?(?:reunión|conversaciones)|ronda\s+de\s+(?:negociaciones|conversaciones|diálogo|consultas)`,
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
    strong: String.raw`negociaç${L}|negociaram|negociou|negociam|conversações|consultas|cúpula|cimeira|reuniu-se|reuniram-se|se\s+reuni(?:u|ram)|rodada\s+de\s+(?:negociações|conversações)`,
    weak: String.raw`reuni(?:ão|ões)|encontro${L}|diálogo|conversas|discuss(?:ão|ões)`,
    future: String.raw`vai|vão|será|serão|realizará${L}|próxim${L}|previst${L}|deverá${L}|reunirá${L}|retomará${L}|nova?s?|outra`,
    said: String.raw`disse|afirmou|declarou|anunciou|indicou|explicou|segundo`,
    connector: String.raw`após|depois\s+d[eoa]s?|antes\s+d[eoa]s?|desde|enquanto|anterior${L}`,
    at: String.raw`em|no|na`,
  },
  nl: {
    strong: String.raw`${L}onderhandelingen|onderhandelingsronde${L}|${L}gesprekken|besprekingen|(?:\p{L}+-)?top|topontmoeting${L}|ontmoette(?:n)?\s+(?:elkaar|met)|onderhandel(?:den|de|en|t)|${byParties(NL_PARTIES, String.raw`kwam(?:en)?${APART}bijeen|bijeengekomen|overlegden|overlegde|vergaderden|vergaderde|spraken${APART}met\s+elkaar|(?:spraken|praten|praatten|spreken|gesproken|gepraat)(?!\s+zich)${APART}over`)}`,
    weak: String.raw`${L}ontmoeting${L}|vergadering${L}|ontmoette${L}|bijeenkomst${L}`,
    future: String.raw`zal|zullen|volgende|komende|gepland${L}|verwacht${L}|nieuwe`,
    said: String.raw`zei|zegt|verklaarde|meldde|liet\s+weten|aldus`,
    connector: String.raw`na|nadat|sinds|voordat|voorafgaand${L}|terwijl`,
    at: 'in',
  },
  pl: {
    strong: String.raw`rozmow(?:y|ach|ami|om)|rozmów|negocjac${L}|negocjowa${L}|negocjują|konsultac${L}|szczyt(?:u|cie|em)?|spotkał${L}\s+się`,
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
    // "daha önce" (earlier), "bundan sonra" (after this) open the sentence; "sonra", "önce" follow the meeting.
    connector: String.raw`daha\s+önce|bundan\s+sonra|önceki`,
    postConnector: String.raw`\p{L}*\s+(?:sonra|sonrasında|ardından|önce|öncesinde|öncesi|beri|itibaren)${E}`,
    at: '',
  },
  ar: {
    strong: String.raw`(?:[وبل]?(?:ال)?)(?:مفاوضات|محادثات|مشاورات|قمة|مباحثات)|(?:[وبل]?(?:ال)?)جولة\s+(?:من\s+)?(?:ال)?(?:مفاوضات|محادثات)|التقى|اجتمع`,
    weak: String.raw`(?:[وبل]?(?:ال)?)(?:اجتماع|لقاء|حوار)`,
    future: String.raw`سوف|سيعقد|ستعقد|سيلتقي|ستنطلق|ستجري|سيجري|ستستأنف|سيتم|المقبل|المقبلة|القادم|القادمة|المقرر|المتوقع|جديدة`,
    said: String.raw`قال|قالت|أعلن|أعلنت|صرح|أكد|أكدت|وفقا`,
    connector: String.raw`بعد|قبل|منذ|عقب|السابقة|السابق`,
    at: '',
    // "في X" or "بX" (in X, with "and" before it, "the city of"/"the capital" after it) within a few words of a
    // word of talks or meeting; X a city the gazetteer knows (no capitals tell a name).
    venue: String.raw`(?<![\p{L}\p{M}])(?:(?<=${AR_MEETING}[^.!?؟\n]{0,40})|(?=[^.!?؟\n]{0,40}${AR_MEETING}))(?:و?في\s+|و?ب)(?:مدينة\s+|العاصمة\s+)?([\p{L}\p{M}]{3,20})(?=[\s,.;:!?؟،)]|$)`,
    knownVenue: true,
  },
  zh: {
    strong: '会谈|谈判|磋商|会晤|峰会|会见|协商',
    weak: '会议|见面|对话|讨论',
    future: '将|将于|将要|即将|计划|预计|拟|下周|下一轮|新一轮',
    said: '表示|说|宣布|指出|称',
    connector: '此前|自从|上一轮',
    // "会谈之后", "会谈结束后", "会谈前" (not 后续, 前景).
    postConnector: String.raw`(?:结束|举行|进行|完成)?(?:之后|以后|之前|以前|以来|后(?![续来])|前(?![景途进提夕]))`,
    at: '',
  },
  // Japanese: no spaces, so no word boundaries (as Chinese). 協議 but not 協議会 (a council); 会合 is any gathering,
  // weak as "meeting" is. "協議へ" (headline style: "to hold talks") and the non-past verbs of holding (行う,
  // 開かれる) tell of a coming meeting.
  ja: {
    strong: String.raw`会談|協議(?!会)|交渉|首脳会議|サミット|話し合い`,
    weak: String.raw`会合|会議|面会|対話|議論|意見交換`,
    future: String.raw`予定|見通し|方針|次回|来週|来月|来年|明日|今後|行う|開く|開かれる|行われる|開催される|再開する|再開される|始まる|臨む|^へ(?!の)`,
    said: String.raw`述べ|語っ|語り|明らかにし|発表し|強調し|説明し|によると`,
    connector: String.raw`前回|前の|先の|以前|昨年|去年|これまで`,
    // "会談後", "会談の後", "会談を行った後", "会談を前に", "会談以来" (not 後半, 後日, 前向き, 前進, 前提).
    postConnector: String.raw`(?:[\u3041-\u3096]|[行終開催済]){0,6}?(?:直後|直前|以来|以降|後(?![半日])|前(?![向進提半回])|に先立|を受け)`,
    at: '',
    venue: JAPANESE_VENUE,
    // Katakana words before で that are no places (online, by TV, at the hotel, at the summit) and kanji ones
    // before a verb of meeting (the capital, the venue, the prime minister's residence, parliament).
    notPlaces:
      '写真 画像 動画 資料 提供 オンライン テレビ ラジオ ビデオ メール インターネット ネット ホテル センター ホール ハウス ホワイトハウス ビル ルート ペース レベル ベース ケース ポイント トップ グループ チーム イベント プロセス フォーラム サミット ミーティング セッション スピーチ インタビュー ニュース メディア ウェブ サイト 首都 現地 同地 同市 会場 市内 都内 国内 国外 海外 両国 各国 同国 本部 官邸 首相官邸 国会 議会 現場',
  },
  // Korean: words take their particles unspaced ("회담을", "정상회담에서"), so no boundaries either. 협상가 is a
  // negotiator, 협의회/협의체 a council, 회의적 "sceptical".
  ko: {
    strong: String.raw`회담|협상(?!가)|협의(?!회|체)|정상회의|회동|교섭|담판`,
    weak: String.raw`회의(?!적|론)|만남|만나|만났|대화|논의`,
    future: String.raw`예정|다음|차기|내주|내달|내년|열릴|열린다|개최될|개최한다|가질|갖는다|갖기로|재개될|재개한다|앞두|방침|하기로|할\s+것`,
    said: String.raw`밝혔|말했|전했|발표했|강조했|설명했|따르면`,
    connector: String.raw`지난해|작년|앞서|이전|지난번|직전`,
    // "회담 후", "회담 이후", "회담을 마친 뒤", "협상이 끝난 후", "회담에 앞서", "회담을 앞두고" (not 전략, 후보).
    postConnector: String.raw`(?:\s*(?:이후|직후|후|뒤|이전|직전|전|이래)|에\s+(?:앞서|이어)|[을를]\s+앞두고|[을를이가]\s+[가-힣]{1,3}\s+(?:이후|직후|후|뒤))(?:에|에는|에도|부터)?(?![가-힣])`,
    at: '',
    venue: KOREAN_VENUE,
    // Credits in the dateline's form, "(사진=연합뉴스)": a photo, a graphic, a picture supplied, no city.
    notPlaces: '사진 자료사진 그래픽 영상 자료 제공 출처',
  },
  el: {
    strong: String.raw`συνομιλ${L}|διαπραγματε[υύ]σ${L}|διαβουλε[υύ]σ${L}|σ[υύ]νοδο\p{L}*\s+κορυφής|συναντήθηκ${L}|γ[υύ]ρο\p{L}*\s+(?:συνομιλιών|διαπραγματεύσεων)`,
    weak: String.raw`συνάντησ${L}|συνεδρίασ${L}|διάλογ${L}|συζήτησ${L}`,
    future: String.raw`θα|επόμεν${L}|προσεχ${L}|προγραμματισμέν${L}|αναμέν${L}|νέ${L}|αύριο|επικείμεν${L}`,
    said: String.raw`δήλωσε|είπε|ανέφερε|ανακοίνωσε|τόνισε|σύμφωνα\s+με`,
    connector: String.raw`μετά|πριν|από\s+τότε|ενώ|προηγούμεν${L}`,
    at: 'στη|στην|στο|στον|στις|στα|στους|εν',
    notPlaces: 'λευκ υπουργ βουλ μέγαρ',
    stems: true,
  },
  // Swedish, Danish and Norwegian are read together (lexicon-dates.ts GROUPS). "samtal" is talks in the
  // singular and the plural; a compound such as "telefonsamtal" does not start with it.
  sv: {
    strong: String.raw`samtal(?:en|s)?|förhandling(?:ar|arna|en)?|förhandlade|förhandlar|överläggning${L}|konsultation${L}|toppmöte${L}|möttes|träffades`,
    weak: String.raw`möte${L}|sammanträde${L}|diskussion${L}|dialog${L}|träffade`,
    future: String.raw`ska|skall|kommer\s+att|nästa|kommande|planerad${L}|väntas|förväntas|ny|nya|nytt|i\s+morgon|imorgon`,
    said: String.raw`sade|sa|säger|uppgav|meddelade|förklarade|betonade|enligt`,
    connector: String.raw`efter|före|sedan|innan|medan|föregående|tidigare`,
    at: `i|på|${ENGLISH_AT}`,
    notPlaces: NORDIC_NOT_PLACES,
    stems: true,
  },
  da: {
    strong: String.raw`forhandling(?:er|erne)|forhandlede|samtaler(?:ne)?|drøftelser(?:ne)?|konsultation${L}|topmøde${L}|mødtes`,
    weak: String.raw`møde(?:t|r|rne)?|dialog${L}|diskussion${L}|mødte`,
    future: String.raw`vil|skal|næste|kommende|planlagt${L}|ventes|forventes|ny|nye|nyt|i\s+morgen`,
    said: String.raw`sagde|siger|oplyste|meddelte|udtalte|ifølge`,
    connector: String.raw`efter|før|siden|inden|mens|forrige|tidligere`,
    at: `i|på|${ENGLISH_AT}`,
    notPlaces: NORDIC_NOT_PLACES,
    stems: true,
  },
  nb: {
    strong: String.raw`forhandling(?:er|ene)|forhandlet|samtal(?:er|ene)|drøfting(?:er|ene)|konsultasjon${L}|toppmøte${L}|møttes`,
    weak: String.raw`møte(?:t|r|ne)?|dialog${L}|diskusjon${L}|møtte`,
    future: String.raw`vil|skal|neste|kommende|planlagt${L}|ventes|forventes|ny|nye|nytt|i\s+morgen`,
    said: String.raw`sa|sier|opplyste|uttalte|meddelte|ifølge`,
    connector: String.raw`etter|før|siden|inntil|mens|forrige|tidligere`,
    at: `i|på|${ENGLISH_AT}`,
    notPlaces: NORDIC_NOT_PLACES,
    stems: true,
  },
  // Finnish names the place by a case ending: "Istanbulissa", "Genevessä" (the stem before it is the venue).
  fi: {
    strong: String.raw`neuvottelu${L}|neuvotteli${L}|huippukokou${L}|konsultaati${L}|tapasivat|kokoontuivat`,
    weak: String.raw`tapaami${L}|kokou${L}|keskustelu${L}|vuoropuhelu${L}|tapasi`,
    future: String.raw`tulee|tulevat|aiotaan|seuraava${L}|tuleva${L}|suunnitel${L}|odotetaan|uusi|uude${L}|huomenna|jatkuvat`,
    said: String.raw`sanoi|kertoi|totesi|ilmoitti|korosti|mukaan`,
    connector: String.raw`ennen|aiemm${L}|edellinen|edellis${L}`,
    postConnector: String.raw`\p{L}*\s+(?:jälkeen|lähtien)${E}`,
    at: '',
    venue: String.raw`${NOT_OPENING}(\p{Lu}\p{Ll}[\p{Ll}\p{M}-]+)(?:ssa|ssä)${E}`,
    notPlaces: 'neuvottelu kokoukse tapaamise keskustelu',
    stems: true,
  },
  // Czech and Slovak are read together. "rozhovor" alone is a conversation or an interview; the plural is talks.
  // "soudní jednání" is a court hearing.
  cs: {
    strong: String.raw`rozhovor(?:y|ech|ů|ům)|(?<!soudní\s|soudního\s)jednání|vyjednávání|konzultac${L}|summit${L}|sešl${L}\s+se|setkal${L}|jednal${L}`,
    weak: String.raw`schůzk${L}|setkání|rozhovor|diskus${L}|dialog${L}`,
    future: String.raw`bude|budou|příští${L}|nadcházející${L}|plánovan${L}|očekává|má\s+se|mají\s+se|nov${L}|další${L}|zítra`,
    said: String.raw`řekl${L}|uvedl${L}|prohlásil${L}|oznámil${L}|sdělil${L}|podle`,
    connector: String.raw`po|před|zatímco|předchozí${L}|minul${L}`,
    at: `v|ve|${ENGLISH_AT}`,
    notPlaces: 'bíl kreml úřad ministerstv hotel paláci',
    stems: true,
    oneWord: true,
  },
  sk: {
    strong: String.raw`rozhovor(?:y|och|ov|om)|rokovan[ií]${L}|rokoval${L}|vyjednávan[ií]${L}|konzultáci${L}|summit${L}|stretol\s+sa|stretla\s+sa|stretli\s+sa`,
    weak: String.raw`stretnuti${L}|schôdz${L}|diskusi${L}|dialóg${L}`,
    future: String.raw`bude|budú|budúc${L}|nasledujúc${L}|plánovan${L}|očakáva|má\s+sa|majú\s+sa|nov${L}|ďalš${L}|zajtra`,
    said: String.raw`povedal${L}|uviedol|uviedla|uviedlo|vyhlásil${L}|oznámil${L}|podľa`,
    connector: String.raw`po|pred|zatiaľ\s+čo|predchádzajúc${L}|minul${L}`,
    at: `v|vo|${ENGLISH_AT}`,
    notPlaces: 'biel kreml úrad ministerstv hotel paláci',
    stems: true,
    oneWord: true,
  },
  // Hungarian names the place by a case ending: "Isztambulban", "Genfben". A "tárgyaló" is a negotiator or a meeting room.
  hu: {
    strong: String.raw`tárgyal(?!ó)${L}|egyeztetés${L}|konzultáció${L}|csúcstalálkozó${L}|csúcs(?:on|ot|ra|ról)?|találkoztak|megbeszélés${L}`,
    weak: String.raw`találkozó${L}|találkozott|ülés${L}|párbeszéd${L}|vit[aá]${L}`,
    future: String.raw`fog|fognak|következő|jövő|tervezett|várhatóan|várható|új|újabb|holnap|kerül\s+sor`,
    said: String.raw`mondta|közölte|jelentette\s+ki|hangsúlyozta|nyilatkozta|szerint`,
    connector: String.raw`miközben|korábbi|előző`,
    postConnector: String.raw`\p{L}*\s+(?:után|előtt|óta|követően|nyomán)${E}`,
    at: '',
    venue: String.raw`${NOT_OPENING}(\p{Lu}\p{Ll}[\p{Ll}\p{M}]+?)-?(?:ban|ben)${E}`,
    notPlaces: 'ház tárgyalás megbeszélés ülés találkozó',
    stems: true,
  },
  ro: {
    strong: String.raw`negocier${L}|convorbir${L}|consultăr${L}|consultări|summit${L}|s-au\s+întâlnit|s-a\s+întâlnit`,
    weak: String.raw`întâlnir${L}|reuniun${L}|discuți${L}|discuţi${L}|dialog${L}`,
    future: String.raw`va|vor|urmează|următo${L}|viito${L}|planificat${L}|programat${L}|preconizat${L}|nou${L}|mâine`,
    said: String.raw`a\s+declarat|a\s+spus|a\s+afirmat|a\s+anunțat|a\s+precizat|potrivit|conform`,
    connector: String.raw`după|înainte|în\s+timp\s+ce|precedent${L}|anterio${L}`,
    at: `la|în|${ENGLISH_AT}`,
    notPlaces: 'minister guvern palat sediu casa ambasad consiliu comisi universit hotel',
    stems: true,
  },
  // Bulgarian and Serbian in Cyrillic, read with Russian and Ukrainian (their words do not clash with these).
  bg: {
    strong: String.raw`преговор${L}|консултаци${L}|срещна\s+се|срещнаха\s+се`,
    weak: String.raw`срещ${L}|заседани${L}|разговор${L}`,
    future: String.raw`ще|следващ${L}|предстоящ${L}|планиран${L}|очаква${L}`,
    said: String.raw`каза|заяви|съобщи|посочи|според`,
    connector: String.raw`след|преди|докато|предишн${L}|миналата|миналия`,
    at: 'в|във',
    stems: true,
    oneWord: true,
  },
  'sr-Cyrl': {
    strong: String.raw`преговор${L}|консултациј${L}|самит${L}|састал${L}\s+се|састали\s+су\s+се`,
    weak: String.raw`састан${L}|сусрет${L}|разговор${L}|седниц${L}`,
    future: String.raw`ће|следећ${L}|наредн${L}|предстојећ${L}|планиран${L}|очекује`,
    said: String.raw`рекао|рекла|изјавио|изјавила|саопштио|саопштила|навео|према`,
    connector: String.raw`након|пре|док|претходн${L}|прошл${L}`,
    at: 'у',
    stems: true,
    oneWord: true,
  },
  // Croatian, Serbian (Latin letters) and Bosnian, read together.
  hr: {
    strong: String.raw`pregovor${L}|razgovor(?:i|ima)|konzultacij${L}|summit${L}|samit${L}|sastal${L}\s+se|sastali\s+su\s+se`,
    weak: String.raw`sastan${L}|susret${L}|razgovor|sjednic${L}|dijalog${L}`,
    future: String.raw`će|sljedeć${L}|naredn${L}|predstojeć${L}|planiran${L}|očekuje|nov${L}|sutra`,
    said: String.raw`rekao|rekla|izjavio|izjavila|kazao|kazala|priopćio|priopćila|naveo|navela|prema`,
    connector: String.raw`nakon|poslije|prije|dok|prethodn${L}|prošl${L}`,
    at: `u|${ENGLISH_AT}`,
    notPlaces: 'bijel kremlj ministarstv hotel palač vlad sabor',
    stems: true,
    oneWord: true,
  },
  sr: {
    strong: String.raw`pregovor${L}|razgovor(?:i|ima)|konsultacij${L}|samit${L}|sastal${L}\s+se|sastali\s+su\s+se`,
    weak: String.raw`sastan${L}|susret${L}|razgovor|sednic${L}|dijalog${L}`,
    future: String.raw`će|sledeć${L}|naredn${L}|predstojeć${L}|planiran${L}|očekuje|nov${L}|sutra`,
    said: String.raw`rekao|rekla|izjavio|izjavila|saopštio|saopštila|naveo|navela|prema`,
    connector: String.raw`nakon|posle|pre|dok|prethodn${L}|prošl${L}`,
    at: `u|${ENGLISH_AT}`,
    notPlaces: 'bel kremlj ministarstv hotel palat vlad skupštin',
    stems: true,
    oneWord: true,
  },
  // Hebrew writes "in", "and", "the" as prefixes ("בשיחות", "והשיחות"), as Arabic does, and has no capitals: a
  // place is the word after "in" (ב) near a word of meeting or holding ("שיחות בז'נבה", "נפגשו ביום חמישי
  // בוושינגטון", "בז'נבה התקיימו"), or after "in the city of"/"in the capital" ("בעיר ז'נבה"), and, as "in"
  // opens any noun, only one the article names twice (mentions.ts) that is no word of time, subject or building.
  he: {
    strong: String.raw`(?:[ובהלמש]{0,2})(?:שיחות|התייעצויות|פסגה|פסגת)|משא\s+ומתן|מו"מ|נפגש|נפגשה|נפגשו`,
    weak: String.raw`(?:[ובהלמש]{0,2})(?:פגישה|פגישת|ישיבה|ישיבת|דיאלוג|דיון)`,
    future: String.raw`יתקיים|יתקיימו|תתקיים|ייפגשו|ייפגש|הבא|הבאה|הקרוב|הקרובה|צפוי|צפויה|צפויים|מתוכנן|מתוכננת|חדש|חדשה|מחר`,
    said: String.raw`אמר|אמרה|הודיע|הודיעה|מסר|מסרה|ציין|ציינה|לדברי|לפי`,
    connector: String.raw`אחרי|לאחר|לפני|מאז|בעוד|הקודם|הקודמת|הקודמות`,
    at: '',
    venue: String.raw`(?<![\p{L}\p{M}])(?=ו?ב)(?:(?<=${HE_MEETING}[^.!?\n]{0,40})|(?=[^.!?\n]{0,40}${HE_MEETING}))ו?ב(?:-|(?:עיר|בירה)\s+)?([\p{L}\p{M}][\p{L}\p{M}'׳"״-]{2,20}?)(?=[\s,.;:!?)]|$)`,
    repeatedVenue: true,
    notPlaces:
      'יום ימים שבוע שבועות חודש חודשים שנה שנים שעה שעות בוקר ערב לילה צהריים סוף תחילת מהלך נושא נושאים עניין ענייני מסגרת אופן זמן עת מקום עיר בירה אזור חסות נוכחות השתתפות רמה דרג ערוץ משרד משרדי בית מטה ארמון מלון שגרירות מרכז כנס ועידה אולם חשאי חשאיות שיחות שיחה פגישה פגישות ישיבה פסגה דיון דיונים משא ומתן טלפון וידאו נוסף נוסף כך זה זו זאת אותו אותה ראשונה שנית הצלחה כישלון',
  },
  // Persian: "در" (in) before the place, read only before a verb or noun of meeting (no capitals tell a name).
  // "دیدار" is a sports match as often as a meeting, "نشست خبری" a press conference.
  fa: {
    strong: String.raw`مذاکر${L}|گفت(?:\u200c|\s)?و(?:\u200c|\s)?گو${L}|رایزنی${L}|اجلاس|نشست(?!\s+خبری)`,
    weak: String.raw`دیدار|جلسه|ملاقات|گفتگو`,
    future: String.raw`خواهد|خواهند|آینده|بعدی|قرار\s+است|برگزار\s+می\u200cشود|فردا|جدید|تازه|پیش\s*رو`,
    said: String.raw`گفت|اعلام\s+کرد|اظهار\s+داشت|افزود|تاکید\s+کرد|تأکید\s+کرد|به\s+گفته`,
    connector: String.raw`پس\s+از|بعد\s+از|قبل\s+از|پیش\s+از|از\s+زمان|در\s+حالی|قبلی|گذشته`,
    at: '',
    venue: String.raw`${B}در\s+(\p{L}[\p{L}\p{M}]{1,15})(?=\s+(?:برگزار|انجام|آغاز|مذاکره|مذاکرات|گفت|دیدار|نشست|رایزنی|درباره|پیرامون|با\s))`,
    notPlaces:
      'این آن مورد حال حالی جریان ادامه پایان آغاز زمینه راستای نشست جلسه دیدار مذاکرات مذاکره گفتگو حاشیه چارچوب سفر روز پی عین واقع نهایت کنار همین خصوص باره',
  },
  // Hindi: "X में" (in X), read only before a word of meeting or holding (no capitals tell a name). "मिले" is
  // "met" and "got" (votes, seats): weak.
  hi: {
    strong: String.raw`वार्ता${L}|बातचीत|शिखर\s+सम्मेलन|परामर्श|मुलाकात\s+की|मुलाक़ात\s+की`,
    weak: String.raw`मिले|बैठक${L}|मुलाकात|मुलाक़ात|चर्चा|संवाद`,
    future: String.raw`होने\s+वाल[ीेा]|होगी|होगा|होंगे|होंगी|करेंगे|करेगा|करेगी|अगल[ाीे]|आगामी|प्रस्तावित|निर्धारित|संभावना|उम्मीद|नई|नए|नया`,
    said: String.raw`कहा|बताया|घोषणा|के\s+अनुसार|अनुसार`,
    // "इससे पहले" (before this), "इसके बाद" open the sentence; "के बाद", "से पहले" follow the meeting.
    connector: String.raw`इससे\s+पहले|इसके\s+बाद|पिछल[ाीे]`,
    postConnector: String.raw`[\p{L}\p{M}]*\s+(?:[\p{L}\p{M}]+\s+){0,2}?(?:के|से)\s+(?:बाद|पहले|पश्चात|उपरांत|पूर्व)${E}`,
    at: '',
    venue: String.raw`${B}(\p{L}[\p{L}\p{M}]+)\s+में\s+(?=(?:[\p{L}\p{M}]+\s+)?(?:हुई|हुआ|हुए|होगी|होगा|होंगी|होने|आयोजित|वार्ता|बातचीत|बैठक|शिखर|मुलाकात|मुलाक़ात|मिले))`,
    notPlaces: 'बैठक वार्ता बातचीत सम्मेलन इस उस बारे संबंध मामले दौरान क्षेत्र देश शहर राजधानी साल वर्ष महीने हफ्ते सप्ताह रूप तरह बीच दिन',
  },
  // Indonesian, read with Malay.
  id: {
    strong: String.raw`perundingan|negosiasi|pembicaraan|konsultasi|KTT|konferensi\s+tingkat\s+tinggi|bertemu\s+dengan`,
    weak: String.raw`pertemuan|rapat|dialog|diskusi|bertemu`,
    future: String.raw`akan|mendatang|berikutnya|selanjutnya|direncanakan|dijadwalkan|rencananya|diperkirakan|baru|besok`,
    said: String.raw`kata|mengatakan|menyatakan|ujar|ucap|menurut|tutur`,
    connector: String.raw`setelah|sebelum|sejak|sementara|sebelumnya|seusai|usai`,
    at: String.raw`di|di\s+ibu\s+kota|di\s+kota|${ENGLISH_AT}`,
    notPlaces: 'kementerian gedung istana kantor markas hotel kedutaan universitas jalan',
    stems: true,
  },
  ms: {
    strong: String.raw`rundingan|perundingan|pembicaraan|konsultasi|sidang\s+kemuncak|bertemu\s+dengan`,
    weak: String.raw`pertemuan|mesyuarat|dialog|perbincangan|bertemu`,
    future: String.raw`akan|akan\s+datang|seterusnya|dijadual|dijangka|baharu|esok`,
    said: String.raw`kata|berkata|menyatakan|menurut|ujar`,
    connector: String.raw`selepas|sebelum|sejak|sementara|sebelumnya`,
    at: String.raw`di|di\s+ibu\s+kota|di\s+kota|${ENGLISH_AT}`,
    notPlaces: 'kementerian wisma istana pejabat hotel kedutaan universiti jalan',
    stems: true,
  },
  // Vietnamese writes a word as spaced syllables ("đàm phán", "hội đàm"); names are capitalized.
  vi: {
    strong: String.raw`đàm\s+phán|hội\s+đàm|tham\s+vấn|thượng\s+đỉnh|gặp\s+gỡ`,
    weak: String.raw`cuộc\s+họp|cuộc\s+gặp|gặp|thảo\s+luận|đối\s+thoại|hội\s+nghị`,
    future: String.raw`sẽ|tới|sắp|tiếp\s+theo|dự\s+kiến|dự\s+định|kế\s+hoạch|mới|ngày\s+mai`,
    said: String.raw`cho\s+biết|nói|tuyên\s+bố|khẳng\s+định|nhấn\s+mạnh|theo`,
    connector: String.raw`sau\s+khi|trước\s+khi|kể\s+từ|trong\s+khi|trước\s+đó|lần\s+trước|vòng\s+trước`,
    at: String.raw`tại|ở|tại\s+thủ\s+đô|ở\s+thủ\s+đô|tại\s+thành\s+phố|ở\s+thành\s+phố`,
    notPlaces: 'bộ nhà trụ văn phủ quốc điện tòa khách trung hội',
    stems: false,
  },
}

// "The third round of talks" in other languages, with a number ("3. Runde", "3e cycle", "3ª ronda",
// "3-й раунд", "第3轮") or an ordinal word from first to twelfth (hand-listed: ICU has no ordinal words).
// Vietnamese, Indonesian, Malay, Hebrew and Persian put the ordinal after the word ("vòng đàm phán thứ ba",
// "putaran ketiga", "הסבב השלישי", "دور سوم"): `after`, with what may stand before a number ("ke-3", "thứ 3").
interface RoundWord {
  word: string
  ordinals?: string[]
  after?: { digits?: string; prefix?: string }
}
const ROUND_WORDS: Record<string, RoundWord> = {
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
  el: {
    word: String.raw`γ[υύ]ρο\p{L}*`,
    ordinals: 'πρώτ δεύτερ τρίτ τέταρτ πέμπτ έκτ έβδομ όγδο ένατ δέκατ'.split(' '),
  },
  sv: {
    word: String.raw`(?:\p{L}*rundan?|omgång\p{L}*)`,
    ordinals: 'första andra tredje fjärde femte sjätte sjunde åttonde nionde tionde'.split(' '),
  },
  da: {
    word: String.raw`(?:\p{L}*runde\p{L}*)`,
    ordinals: 'første anden tredje fjerde femte sjette syvende ottende niende tiende'.split(' '),
  },
  nb: {
    word: String.raw`(?:\p{L}*runde\p{L}*)`,
    ordinals: 'første andre tredje fjerde femte sjette sjuende åttende niende tiende'.split(' '),
  },
  fi: { word: String.raw`kierro\p{L}*`, ordinals: 'ensimmäi toi kolma neljä viide kuude seitsemä kahdeksa yhdeksä kymmene'.split(' ') },
  cs: { word: String.raw`kol[oae]\p{L}*`, ordinals: 'prvn druh třet čtvrt pát šest sedm osm devát desát'.split(' ') },
  sk: { word: String.raw`kol[oae]\p{L}*`, ordinals: 'prv druh tret štvrt piat šiest siedm ôsm deviat desiat'.split(' ') },
  hu: {
    word: String.raw`forduló\p{L}*`,
    ordinals: 'első második harmadik negyedik ötödik hatodik hetedik nyolcadik kilencedik tizedik'.split(' '),
  },
  ro: { word: String.raw`rund\p{L}*`, ordinals: 'prima doua treia patra cincea șasea șaptea opta noua zecea'.split(' ') },
  bg: { word: String.raw`(?:кръг|рунд)\p{L}*`, ordinals: 'първ втор трет четвърт пет шест седм осм девет десет'.split(' ') },
  'sr-Cyrl': { word: String.raw`(?:круг|рунд)\p{L}*`, ordinals: 'прв друг трећ четврт пет шест седм осм девет десет'.split(' ') },
  hr: { word: String.raw`(?:krug|rund)\p{L}*`, ordinals: 'prv drug treć četvrt pet šest sedm osm devet deset'.split(' ') },
  sr: { word: String.raw`(?:krug|rund)\p{L}*`, ordinals: 'prv drug treć četvrt pet šest sedm osm devet deset'.split(' ') },
  hi: { word: String.raw`दौर\p{L}*`, ordinals: 'पहले दूसरे तीसरे चौथे पांचवें छठे सातवें आठवें नौवें दसवें'.split(' ') },
  vi: {
    word: 'vòng',
    ordinals: ['thứ nhất', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy', 'thứ tám', 'thứ chín', 'thứ mười'],
    after: { digits: String.raw`(?:thứ\s+)?` },
  },
  id: {
    word: 'putaran',
    ordinals: 'pertama kedua ketiga keempat kelima keenam ketujuh kedelapan kesembilan kesepuluh'.split(' '),
    after: { digits: String.raw`ke-?` },
  },
  ms: {
    word: '(?:pusingan|putaran)',
    ordinals: 'pertama kedua ketiga keempat kelima keenam ketujuh kelapan kesembilan kesepuluh'.split(' '),
    after: { digits: String.raw`ke-?` },
  },
  he: {
    word: '[הו]?סבב',
    ordinals: 'ראשון שני שלישי רביעי חמישי שישי שביעי שמיני תשיעי עשירי'.split(' '),
    after: { prefix: 'ה?' },
  },
  fa: { word: 'دور', ordinals: 'اول دوم سوم چهارم پنجم ششم هفتم هشتم نهم دهم'.split(' '), after: {} },
}
const CJK_NUMBERS = '一二三四五六七八九十'

/** "第3回", "第三轮", "3차": a number 1–31 written in digits or Chinese numerals. */
function cjkNumber(v: string): number {
  if (/\d/.test(v)) return Number(v)
  if (v.length === 1) return CJK_NUMBERS.indexOf(v) + 1
  if (v.startsWith('十')) return 10 + CJK_NUMBERS.indexOf(v[1] as string) + 1
  return 0
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
  // Japanese "第3回協議", "第3ラウンド"; Korean "3차 협상", "제3차 회담" (a number alone before 차 is any series: "2차 세계대전").
  if (language === 'ja') {
    for (const m of text.matchAll(/第\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*(?:回|ラウンド|次)/gu)) keep(cjkNumber(m[1] as string))
    return best
  }
  if (language === 'ko') {
    for (const m of text.matchAll(/(?<!\d)([0-9]{1,2})\s*(?:차|라운드)\s*(?:[가-힣]+\s+)?(?:회담|협상|협의|회의|고위급)/gu))
      keep(Number(m[1]))
    return best
  }
  for (const l of readingLanguages(language)) {
    const r = ROUND_WORDS[l]
    if (!r) continue
    if (r.after) {
      // The word, up to two words ("đàm phán", "perundingan"), then the ordinal or the number.
      const between = String.raw`${B}${r.word}\s+(?:\p{L}+\s+){0,2}?`
      if (r.after.digits !== undefined)
        for (const m of text.matchAll(new RegExp(String.raw`${between}${r.after.digits}(\d{1,2})(?!\d)`, 'giu'))) keep(Number(m[1]))
      const ordinals = r.ordinals ?? []
      for (const m of text.matchAll(new RegExp(String.raw`${between}${r.after.prefix ?? ''}(${ordinals.join('|')})${E}`, 'giu')))
        keep(ordinals.indexOf((m[1] as string).toLowerCase()) + 1)
      continue
    }
    // A number with its ordinal mark: "3.", "3e", "3ème", "3ª", "3°", "3-й", "3-го", "3ος", "3:e".
    const digits = new RegExp(
      String.raw`${B}(\d{1,2})(?:\.|e|ème|ᵉ|ª|º|°|-?(?:й|го|м|ий|я|ї)|ος|ης|ου|:[ea])?\s+(?:\p{L}+\s+)?${r.word}${E}`,
      'giu',
    )
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
  /** Words.postConnector, anchored: tested on the text right after a meeting word. Null where the language has none. */
  postConnector: RegExp | null
  /** Preposition + capitalized place name (group 1), or a language's own form (Turkish "Cenevre'de", Chinese "在日内瓦举行"). */
  venue: RegExp | null
  /** Words.repeatedVenue: a place read by `venue` must be named twice in the article, unless written after a word for "the city". */
  repeatedVenue: boolean
  /** Words.knownVenue: a place read by `venue` must be a city the gazetteer knows. */
  knownVenue: boolean
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
    postConnector: join((w) => w.postConnector) || undefined,
    at: join((w) => w.at),
    // A case ending or postposition is the first member's own (groups are of languages with prepositions).
    venue: lists.find((w) => w.venue)?.venue,
    notPlaces: lists.map((w) => w.notPlaces ?? '').join(' '),
    repeatedVenue: lists.some((w) => w.repeatedVenue),
    knownVenue: lists.some((w) => w.knownVenue),
    stems: lists.some((w) => w.stems),
    oneWord: lists.some((w) => w.oneWord),
    determiners:
      lists
        .map((w) => w.determiners ?? '')
        .join(' ')
        .trim() || undefined,
  }
}

const UNSPACED = new Set(['zh', 'ja', 'ko'])

// The languages whose country names places.ts (isCountry) knows: for those, a country stands in for the venue
// when no city is named. For the others, added here since, a country named in their words ("アメリカ", "미국",
// "Turcia") would be taken for a city; it is no place here until places.ts knows their names too.
const KNOWN_COUNTRY_LANGUAGES = new Set(['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'tr', 'ar', 'zh'])
const countryCache = new Map<string, Set<string> | null>()

/** Lower-cased names of countries and world regions in the languages read for `language` that places.ts does not know, from ICU; null when it knows them all. */
function countryNames(language: string): Set<string> | null {
  if (countryCache.has(language)) return countryCache.get(language) ?? null
  const locales = readingLanguages(language).filter((l) => !KNOWN_COUNTRY_LANGUAGES.has(l))
  let out: Set<string> | null = null
  if (locales.length) {
    const names = new Set<string>()
    for (const locale of locales)
      regionNames(locale, (plain, code) => {
        // Countries and territories only (two-letter codes), not the continents places.ts also names.
        if (!/^[A-Z]{2}$/.test(code)) return
        names.add(plain)
        // Japanese news names a country without its form of state: アメリカ合衆国 is アメリカ.
        if (locale === 'ja') names.add(plain.replace(/(?:合衆国|連邦|共和国|王国)$/, ''))
      })
    out = names
  }
  countryCache.set(language, out)
  return out
}

/** The patterns of a language with a word list, or null (English, and languages without a list). */
export function languagePatterns(language: string): LanguagePatterns | null {
  if (compiled.has(language)) return compiled.get(language) ?? null
  const w = wordsOf(language)
  let out: LanguagePatterns | null = null
  if (w) {
    // Chinese and Japanese have no spaces between words, and Korean joins its particles to them: no boundaries.
    const [b, e] = UNSPACED.has(language) ? ['', ''] : [B, E]
    const words = (list: string, flags: string): RegExp => new RegExp(String.raw`${b}(?:${list})${e}`, flags)
    let venue: RegExp | null = null
    // A preposition may open the sentence ("В Женеве", "En Ginebra").
    const at = w.at
      .split('|')
      .flatMap((p) => [p, p.charAt(0).toUpperCase() + p.slice(1)])
      .join('|')
    if (w.venue) venue = new RegExp(w.venue, 'gu')
    else if (w.at) venue = new RegExp(String.raw`${B}(?:${at})\s+(${CAP}${w.oneWord ? '' : String.raw`(?:[ -]${CAP})?`})(?!['’]s)`, 'gu')
    // Turkish names the place with a case ending after an apostrophe: "Cenevre'de", "İstanbul'daki".
    else if (language === 'tr') venue = new RegExp(String.raw`${B}(${CAP}(?:\s${CAP})?)['’](?:de|da|te|ta)(?:ki)?${E}`, 'gu')
    // Chinese: "在日内瓦举行" — the place between 在 and the verb of the meeting.
    else if (language === 'zh') venue = /在([\u4e00-\u9fff]{2,6}?)(?:举行|进行|召开|举办|会晤|会谈|开始|结束|重启|恢复)/gu
    const notPlaces = (w.notPlaces ?? '').split(' ').filter(Boolean)
    const countries = countryNames(language)
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
      postConnector: w.postConnector ? new RegExp(String.raw`^(?:${w.postConnector})`, 'iu') : null,
      venue,
      repeatedVenue: w.repeatedVenue === true,
      knownVenue: w.knownVenue === true,
      capitalizesNouns: nounAfter !== null,
      commonNouns: (text) => {
        const nouns = new Set<string>()
        if (nounAfter) for (const m of text.matchAll(nounAfter)) nouns.add((m[1] as string).toLowerCase())
        return nouns
      },
      notPlace: (word) => {
        const lower = word.toLowerCase()
        return (
          INSTITUTIONS.some((p) => lower.startsWith(p)) ||
          notPlaces.some((p) => (w.stems ? lower.startsWith(p) : lower === p)) ||
          (countries?.has(lower) ?? false)
        )
      },
    }
  }
  compiled.set(language, out)
  return out
}

// Talks that resume after a pause, per language: a word of resuming and a word of the pause, both in the
// lead ("Die Gespräche wurden nach einer Pause wieder aufgenommen", "переговоры возобновились после перерыва").
// Stems where the language inflects. English is mentions.ts's own (RESUMED, PAUSED).
const RESUMPTION: Record<string, { resumed: string; paused: string }> = {
  de: {
    resumed: String.raw`wieder\s*aufgenommen|wieder\s*aufnehm${L}|fortgesetzt`,
    paused: String.raw`pause|unterbrechung|unterbrochen|ausgesetzt`,
  },
  fr: { resumed: String.raw`repris${L}|reprend${L}`, paused: String.raw`pause|interruption|interrompu${L}|suspendu${L}|suspension` },
  es: { resumed: String.raw`reanud${L}`, paused: String.raw`pausa|interrup${L}|suspend${L}|receso` },
  it: { resumed: String.raw`ripres${L}|riprend${L}`, paused: String.raw`pausa|interruzion${L}|interrott${L}|sospes${L}` },
  pt: { resumed: String.raw`retomad${L}|retom${L}|reinici${L}`, paused: String.raw`pausa|interrup${L}|suspens${L}` },
  nl: { resumed: String.raw`hervat${L}`, paused: String.raw`pauze|onderbreking|onderbroken|opgeschort` },
  pl: { resumed: String.raw`wznowi${L}|wznowion${L}`, paused: String.raw`przerw${L}|zawieszon${L}` },
  ru: { resumed: String.raw`возобнов${L}`, paused: String.raw`перерыв${L}|пауз${L}|приостановл${L}|прерван${L}` },
  uk: { resumed: String.raw`відновил${L}|відновлен${L}|поновил${L}`, paused: String.raw`перерв${L}|пауз${L}|призупинен${L}` },
  zh: { resumed: '恢复|重启|重开', paused: '暂停|中断|休会' },
}
const resumption = new Map<string, { resumed: RegExp; paused: RegExp } | null>()

/** Whether a text in `language` tells of talks resumed after a pause (a word of each in it). */
export function resumedAfterPause(text: string, language: string): boolean {
  let patterns = resumption.get(language)
  if (patterns === undefined) {
    const lists = readingLanguages(language)
      .map((l) => RESUMPTION[l])
      .filter((w): w is { resumed: string; paused: string } => w !== undefined)
    const [b, e] = language === 'zh' ? ['', ''] : [B, E]
    const join = (pick: (w: { resumed: string; paused: string }) => string): RegExp =>
      new RegExp(String.raw`${b}(?:${lists.map(pick).join('|')})${e}`, 'iu')
    patterns = lists.length ? { resumed: join((w) => w.resumed), paused: join((w) => w.paused) } : null
    resumption.set(language, patterns)
  }
  return patterns !== null && patterns.resumed.test(text) && patterns.paused.test(text)
}

// "The next round", "la próxima ronda", "die nächste Runde": a meeting after the one reported, per language
// (stems where the language inflects). Narrower than `future` ("will", "could", "is due to"), which also
// tells of the reported meeting itself ("will not hold talks with X in the Vienna talks"): a place named
// after one of these is the next meeting's. English is mentions.ts's own (NEXT). No word that also means
// "another" or "a new" of the same meeting ("очередной", "kolejny", "nouveau").
const NEXT_WORDS: Record<string, string> = {
  de: String.raw`nächste${L}|kommende${L}`,
  fr: String.raw`prochain${L}`,
  es: String.raw`próxim${L}|siguiente${L}`,
  it: String.raw`prossim${L}|successiv${L}`,
  pt: String.raw`próxim${L}|seguinte${L}`,
  nl: String.raw`volgende|komende`,
  pl: String.raw`następn${L}|przyszł${L}`,
  ru: String.raw`следующ${L}`,
  uk: String.raw`наступн${L}`,
  tr: String.raw`bir\s+sonraki|gelecek|önümüzdeki`,
  ar: String.raw`المقبل|المقبلة|القادم|القادمة`,
  zh: '下一轮|下一次|下次|下轮',
  ja: '次回|次の',
  ko: '다음|차기',
  el: String.raw`επόμεν${L}`,
  sv: String.raw`nästa|kommande`,
  da: String.raw`næste|kommende`,
  nb: String.raw`neste|kommende`,
  fi: String.raw`seuraava${L}`,
  cs: String.raw`příští${L}|další${L}\s+kol${L}`,
  sk: String.raw`budúc${L}|nasledujúc${L}`,
  hu: String.raw`következő|jövő`,
  ro: String.raw`următo${L}`,
  bg: String.raw`следващ${L}`,
  hr: String.raw`sljedeć${L}|naredn${L}`,
  sr: String.raw`следећ${L}|наредн${L}|sledeć${L}|naredn${L}`,
  he: String.raw`הבא|הבאה`,
  fa: String.raw`بعدی|آینده`,
  hi: String.raw`अगल[ाीे]`,
  id: String.raw`berikutnya|selanjutnya`,
  ms: String.raw`seterusnya|berikutnya`,
  vi: String.raw`tiếp\s+theo`,
}
/** The words of `language` for the next meeting ("la próxima ronda"), or null where it has none here. */
export const nextMeetingWords: (language: string) => RegExp | null = remembered((language: string) => {
  const lists = readingLanguages(language)
    .map((l) => NEXT_WORDS[l])
    .filter((w): w is string => w !== undefined)
  const [b, e] = UNSPACED.has(language) ? ['', ''] : [B, E]
  return lists.length ? new RegExp(String.raw`${b}(?:${lists.join('|')})${e}`, 'iu') : null
}, 500)

// Romance languages name the city after a building or a word for the city with "de"/"di"/"do": "en el consulado
// estadounidense de X", "au consulat d'X", "nella sede di X", "no consulado americano de X", "en la ciudad de X".
// Per language: the preposition with its article, the nouns (stems), and the "of" before the name. A place read
// here must be a city the gazetteer knows (mentions.ts): "la embajada de Rusia" names a country, "el palacio de
// X" may name a family.
const BUILDING_OF: Record<string, { at: string; nouns: string; of: string }> = {
  es: {
    at: String.raw`[Ee]n\s+(?:el|la|los|las|su|sus|un|una)`,
    nouns: 'consulado|embajada|palacio|hotel|ministerio|sede|residencia|edificio|centro|ciudad|capital|localidad',
    of: String.raw`de|del`,
  },
  fr: {
    at: String.raw`(?:[àÀ]\s+l['’]|[àÀ]\s+la|[Aa]u|[Aa]ux|[Dd]ans\s+(?:le|la|les|l['’]))`,
    nouns: 'consulat|ambassade|palais|hôtel|ministère|siège|résidence|bâtiment|centre|ville|capitale',
    of: String.raw`de|d['’]|du`,
  },
  it: {
    at: String.raw`(?:[Nn]el|[Nn]ella|[Nn]ello|[Nn]ell['’]|[Aa]l|[Aa]lla|[Aa]llo|[Aa]ll['’]|[Pp]resso\s+(?:il|la|lo|l['’]))`,
    nouns: 'consolato|ambasciata|palazzo|hotel|albergo|ministero|sede|residenza|edificio|centro|città|capitale',
    of: String.raw`di|del|della`,
  },
  pt: {
    at: String.raw`(?:[Nn]o|[Nn]a|[Nn]os|[Nn]as|[Ee]m\s+(?:o|a|um|uma))`,
    nouns: 'consulado|embaixada|palácio|hotel|ministério|sede|residência|edifício|centro|cidade|capital',
    of: String.raw`de|do|da`,
  },
}
/**
 * "en el consulado estadounidense de X": a city named after a building or a word for the city (group 1), in the
 * languages read for `language` (up to three lower-case words between); null where none is known.
 */
export const buildingCityPattern: (language: string) => RegExp | null = remembered((language: string) => {
  const parts = readingLanguages(language)
    .map((l) => BUILDING_OF[l])
    .filter((w): w is { at: string; nouns: string; of: string } => w !== undefined)
    .map((w) => String.raw`(?:${w.at})\s*(?:${w.nouns})${L}(?:\s+[\p{Ll}\p{M}-]+){0,3}?\s+(?:${w.of})\s*`)
  return parts.length ? new RegExp(String.raw`${B}(?:${parts.join('|')})(${CAP}(?:\s${CAP})?)(?!['’]s)`, 'gu') : null
}, 500)
