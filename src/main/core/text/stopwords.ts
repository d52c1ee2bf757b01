/**
 * The core's stop-word lists, one module, each named for what it is used for (they differ on
 * purpose: changing one list changes cleaning, term matching or language detection, each pinned by
 * `npm run eval`):
 *
 * - `PROSE_WORDS`: English function words whose share tells prose from menus and headlines
 *   (stopDensity, when the article's language has no list of its own).
 * - `NOT_TERMS`: words no content term is made of: function words and reporting verbs ("said",
 *   "told", "according"), which every news sentence has (terms, suggestions, rounds).
 * - `ENGLISH_MARKERS`: the commonest English function words, enough to tell English prose at once
 *   without comparing language profiles (detectLanguage).
 * - `stopWordsOf(language)`: the function words of any language, from stopwords-iso.
 */
import stopwordsIso from 'stopwords-iso/stopwords-iso.json'

/** The space-separated words of `list` as a set. */
const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(' '))

export const PROSE_WORDS = wordSet(
  'a about after against all also an and any are as at be because been before being but by can could did do does for from had has have he her his how i if in into is it its last more most new no not of on one or our out over said says she so than that the their them there these they this those through to two under up was we were what when which while who will with would you your',
)

export const NOT_TERMS = wordSet(
  'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your said says say told according also would could may might',
)

export const ENGLISH_MARKERS = wordSet(
  'the of and to in a is that for on with was as by at from it he said are be has have this were its an not which but',
)

const lists = stopwordsIso as Record<string, string[]>
const cache = new Map<string, ReadonlySet<string>>()

/** The function words of a language (lower case); an empty set for a language without a list. */
export function stopWordsOf(language: string): ReadonlySet<string> {
  let found = cache.get(language)
  if (!found) {
    found = new Set((lists[language] ?? []).map((w) => w.toLowerCase()))
    cache.set(language, found)
  }
  return found
}
