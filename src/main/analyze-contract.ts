import type { AnalyzeOutput } from './cli'

// A place name starts with a capital in the scripts that have capitals (Latin, Cyrillic, Greek…); Chinese,
// Japanese, Korean, Arabic and Hebrew names have none to show.
const CASED = /^[\p{sc=Latin}\p{sc=Cyrillic}\p{sc=Greek}\p{sc=Armenian}\p{sc=Georgian}]/u
// A nationality or language adjective ("Russian", "Chinese", "British") names no place.
const DEMONYM = /(?:ian|ese|ish)$/i
const CALENDAR_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/i

/**
 * The promises of `analyze --json` about rounds, as sentences, one per broken promise (none when it
 * holds): a round's date is a day (YYYY-MM-DD) or null, its venue a place or null; every article's
 * round is one of the rounds; each round lists exactly the files whose round it is.
 */
export function analyzeViolations(output: AnalyzeOutput): string[] {
  const out: string[] = []
  const ids = new Set<string>()
  for (const r of output.rounds) {
    if (ids.has(r.id)) out.push(`round ${r.id} is listed twice`)
    ids.add(r.id)
    if (r.date !== null && !(/^\d{4}-\d{2}-\d{2}$/.test(r.date) && !Number.isNaN(Date.parse(`${r.date}T00:00:00Z`))))
      out.push(`round ${r.id}: date ${JSON.stringify(r.date)} is not YYYY-MM-DD or null`)
    if (r.venue !== null) {
      const v = r.venue.trim()
      if (
        !v ||
        v !== r.venue ||
        /\d/.test(v) ||
        (!/^\p{Lu}/u.test(v) && !(/^\p{L}/u.test(v) && !CASED.test(v))) ||
        DEMONYM.test(v) ||
        CALENDAR_WORD.test(v)
      )
        out.push(`round ${r.id}: venue ${JSON.stringify(r.venue)} is not a place`)
    }
  }
  const byRound = new Map<string, string[]>()
  for (const a of output.articles) {
    if (a.round === null) continue
    if (!ids.has(a.round)) out.push(`${a.file}: its round ${a.round} is not among the rounds`)
    byRound.set(a.round, [...(byRound.get(a.round) ?? []), a.file])
  }
  for (const r of output.rounds) {
    const expected = [...(byRound.get(r.id) ?? [])].sort()
    const listed = [...r.articles].sort()
    if (expected.length !== listed.length || expected.some((f, i) => f !== listed[i]))
      out.push(`round ${r.id} lists [${listed.join(', ')}] but the articles whose round it is are [${expected.join(', ')}]`)
  }
  return out
}
