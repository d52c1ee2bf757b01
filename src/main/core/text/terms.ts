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
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .flatMap((w) => w.split('-'))
    .filter((w) => w.length > 1 && !isStopWord(w))
    .map(stem)
}
