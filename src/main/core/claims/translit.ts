/**
 * Cyrillic names in Latin letters, so that a speaker written in both scripts ("Петрова" in one
 * outlet, "Petrova" in another) is one speaker. The table is the romanisation English-language
 * news uses: BGN/PCGN (Russian, 1947) with its usual simplifications (no diacritics, ё as e, ъ
 * and ь dropped), plus the Ukrainian and Belarusian letters (і, ї, є, ґ, ў) as their national
 * systems write them. Latin text passes unchanged, so keys of Latin names (and the user's merges
 * made under them) stay what they were.
 *
 *   romanize('Дмитрий') → 'Dmitriy', romanize('Евгения') → 'Yevgeniya', romanize('Petrova') → 'Petrova'
 */
const LETTERS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'w',
}
const VOWELS = new Set([...'аеёиоуыэюяіїє'])

/** A word (or name) with its Cyrillic letters romanised; capitals kept as capitals. */
export function romanize(word: string): string {
  if (!/\p{Script=Cyrillic}/u.test(word)) return word
  const chars = [...word.normalize('NFC')]
  let out = ''
  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase()
    const prev = (chars[i - 1] ?? '').toLowerCase()
    let latin = LETTERS[lower]
    if (latin === undefined) {
      out += ch
      return
    }
    // е at the start of a word or after a vowel, ъ or ь is "ye" (Yevgeny, Zhukovskaya's "-yeva").
    if ((lower === 'е' || lower === 'ё') && (i === 0 || !/\p{L}/u.test(prev) || VOWELS.has(prev) || prev === 'ъ' || prev === 'ь'))
      latin = 'ye'
    // "-ий" and "-ый" at the end of a name are "-y" in news spelling (Dmitry, Grigory).
    if ((lower === 'и' || lower === 'ы') && (chars[i + 1] ?? '').toLowerCase() === 'й' && !/\p{L}/u.test(chars[i + 2] ?? '')) latin = ''
    out += ch !== lower && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin
  })
  return out
}
