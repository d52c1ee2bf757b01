/**
 * The language of a text (the function words of each language are in stopwords.ts). franc (trigram
 * profiles, MIT, 296 KB) asked only about the languages mapped below: franc-min (82 languages, the
 * ones with more than eight million speakers) has no profile for Finnish, Danish, Norwegian, Slovak,
 * Hebrew, the Baltic languages or Slovenian, and filed a Finnish report under Ilocano, an Estonian
 * one under Fulfulde and a Hebrew one under "unknown"; the full list of 187 would add confusions
 * with minor languages no news is written in (Galician for Spanish). It answers ISO 639-3, mapped
 * here to the ISO 639-1 codes that stopwords-iso, Intl and chrono use.
 */
import { franc } from 'franc'
import { ENGLISH_MARKERS } from './stopwords'

const ISO_639_1: Record<string, string> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  rus: 'ru',
  ukr: 'uk',
  ces: 'cs',
  slk: 'sk',
  slv: 'sl',
  hrv: 'hr',
  srp: 'sr',
  bos: 'bs',
  bul: 'bg',
  ron: 'ro',
  hun: 'hu',
  fin: 'fi',
  swe: 'sv',
  nob: 'no',
  nno: 'no',
  dan: 'da',
  ell: 'el',
  tur: 'tr',
  arb: 'ar',
  ara: 'ar',
  pes: 'fa',
  fas: 'fa',
  heb: 'he',
  hin: 'hi',
  ben: 'bn',
  urd: 'ur',
  cmn: 'zh',
  zho: 'zh',
  jpn: 'ja',
  kor: 'ko',
  vie: 'vi',
  tha: 'th',
  ind: 'id',
  zlm: 'ms',
  msa: 'ms',
  tgl: 'tl',
  swh: 'sw',
  hau: 'ha',
  yor: 'yo',
  zul: 'zu',
  afr: 'af',
  cat: 'ca',
  glg: 'gl',
  eus: 'eu',
  lit: 'lt',
  lav: 'lv',
  est: 'et',
  ekk: 'et',
  lvs: 'lv',
  bel: 'be',
  kaz: 'kk',
  uzn: 'uz',
  azj: 'az',
  hye: 'hy',
  kat: 'ka',
  tam: 'ta',
  tel: 'te',
  mar: 'mr',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  pan: 'pa',
  som: 'so',
  amh: 'am',
}

/** The languages franc may answer: those Parley maps (franc knows 187, many of them not written in news). */
const CANDIDATES = Object.keys(ISO_639_1)

/** Enough text to judge by: the first few thousand characters say as much as the whole. */
const SAMPLE = 1500

/** ISO 639-1 code of the text's language ('en', 'de', 'ru'…), or 'und' when the text is too short to tell. */
export function detectLanguage(text: string): string {
  // Long runs of Latin characters without a space (addresses, encoded data) are no words of any
  // language; Chinese and Japanese write whole sentences without one, so only ASCII runs go.
  const head = text.length > SAMPLE * 4 ? text.slice(0, SAMPLE * 4) : text
  const sample = (hasAsciiRun(head, 40) ? head.replace(/[!-~]{40,}/g, ' ') : head).slice(0, SAMPLE)
  // English prose is told by its function words at once; franc compares ~80 profiles (a few ms).
  if (englishShare(sample) >= 0.3) return 'en'
  const code = franc(sample, { minLength: 20, only: CANDIDATES })
  return code === 'und' ? 'und' : (ISO_639_1[code] ?? code)
}

/**
 * Whether `text` holds `min` printable ASCII characters in a row: one pass by character code, where
 * the pattern restarts at every letter of every word (most samples have no such run).
 */
function hasAsciiRun(text: string, min: number): boolean {
  let run = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x21 && c <= 0x7e) {
      if (++run >= min) return true
    } else run = 0
  }
  return false
}

/**
 * Whether a text reads as English, by its share of English function words among all its words (any
 * script): the quick first step of detectLanguage, for callers that need to know only that much.
 * A short text needs a lower share (a headline has few function words).
 */
export function readsAsEnglish(text: string): boolean {
  const all = text
    .slice(0, SAMPLE)
    .toLowerCase()
    .match(/[\p{L}']+/gu)
  if (!all) return false
  let n = 0
  for (const x of all) if (ENGLISH_MARKERS.has(x)) n++
  return n / all.length >= (all.length >= 20 ? 0.3 : 0.2)
}

/** Share of the words that are the commonest English function words (0.3 and more only in English prose). */
function englishShare(sample: string): number {
  const w = sample.toLowerCase().match(/[a-z']+/g)
  if (!w || w.length < 20) return 0
  let n = 0
  for (const x of w) if (ENGLISH_MARKERS.has(x)) n++
  return n / w.length
}
