const STOP = new Set(
  'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your said says say told according also would could may might'.split(
    ' ',
  ),
)

/**
 * A light English stemmer, enough to meet "staffing"/"staff", "flights"/"flight",
 * "expelled"/"expel" and "properties"/"property" on both sides of a comparison.
 */
export function stem(word: string): string {
  let s = stems.get(word)
  if (s === undefined) {
    s = stemWord(word)
    remember(stems, word, s)
  }
  return s
}

// Word → stem and token → term memos. A notebook's vocabulary is a few tens of thousands of
// words, each stemmed thousands of times by suggestions and corpus statistics; the regexes in
// stemWord cost far more than a Map lookup. Bounded so an unusual corpus cannot grow them without end.
const MEMO_LIMIT = 200_000
const stems = new Map<string, string>()
const tokenTerms = new Map<string, string | null>()

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(key, value)
}

function stemWord(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/[’']/g, '')
  if (w.length <= 3) return w
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3)
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2)
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1)
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|ff|zz)$/.test(word.toLowerCase().replace(/(ing|ed)$/, ''))) w = w.slice(0, -1)
  else if (/(ll)$/.test(w) && /(lled|lling)$/.test(word.toLowerCase())) w = w.slice(0, -1)
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
  return w
}

export const isStopWord = (word: string): boolean => STOP.has(word.toLowerCase())

/** Content-word stems of a text, in order (stop words and one-letter tokens left out). */
export function terms(text: string): string[] {
  const out: string[] = []
  const words = text.match(WORD)
  if (!words) return out
  for (const word of words) {
    if (word.includes('-')) {
      for (const piece of word.split('-')) {
        const t = termOf(piece)
        if (t !== null) out.push(t)
      }
    } else {
      const t = termOf(word)
      if (t !== null) out.push(t)
    }
  }
  return out
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

/** A hyphen-free token's term, or null when it is left out (stop word, one letter). */
function termOf(token: string): string | null {
  let t = tokenTerms.get(token)
  if (t === undefined) {
    t = token.length > 1 && !isStopWord(token) ? stem(token) : null
    remember(tokenTerms, token, t)
  }
  return t
}
