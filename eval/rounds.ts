/**
 * Rounds on real coverage (`../shared/corpora/rounds-dev`): the files go through `analyze()`, the
 * same core code as `parley analyze --json --themes themes.json`, and its output is scored against
 * the hand labels: same-round pairs (precision, recall, F1), solo (background and unrelated articles
 * in no round), each labelled round's date and venue, theme suggestions with the corpus's own
 * themes, and the output contract. A keyword baseline (publication day ±0 and the same city from a
 * fixed list) is scored in the same run on the same metadata.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { analyze, type AnalyzeOutput } from '../src/main/cli'
import { analyzeViolations } from '../src/main/analyze-contract'
import { pct, table, type EvalOptions, type SectionResult } from './report'
import { corporaDir } from './run'

interface Entry {
  file: string
  kind: 'talks' | 'background' | 'distractor'
  published: string | null
  published_inferred?: string
  round: string | null
  round_date: string | null
  venue: string | null
  themes: Record<string, boolean>
  evidence: Record<string, string>
  /** Theme keys a careful reader could decide either way (the corpus README): left out of the "decided" F1. */
  borderline?: string[]
}

interface CorpusTheme {
  key: string
  name: string
  description: string
  keywords: string[]
}

// The baseline's places: capitals and cities that often host talks, fixed before looking at any
// corpus (a baseline, not a rule of Parley: detection never reads this list).
const BASELINE_CITIES =
  'Geneva Vienna Paris London Washington Moscow Beijing Tokyo Berlin Brussels Rome Madrid Istanbul Ankara Cairo Doha Dubai Riyadh Muscat Tehran Baghdad Beirut Jerusalem Amman Kabul Islamabad Delhi Seoul Singapore Oslo Stockholm Helsinki Minsk Kyiv Warsaw Lausanne Astana Baku Tbilisi Yerevan Havana Caracas Bogota Lima Nairobi Addis Khartoum Tripoli Algiers Rabat Jeddah Sochi Hanoi Manila Jakarta Bangkok Canberra Ottawa'.split(
    ' ',
  )

interface Grouping {
  /** file → group id, or null for no round */
  roundOf: Map<string, string | null>
  /** group id → { date, venue } */
  rounds: Map<string, { date: string | null; venue: string | null }>
}

function pairs(files: string[], of: (f: string) => string | null): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i < files.length; i++)
    for (let j = i + 1; j < files.length; j++) {
      const a = of(files[i] as string)
      if (a !== null && a === of(files[j] as string)) out.add(`${i}:${j}`)
    }
  return out
}

interface Scores {
  pairP: number
  pairR: number
  pairF1: number
  solo: number
  date: number
  venue: number
  wrong: string[]
}

function score(entries: Entry[], files: string[], grouping: Grouping): Scores {
  const gold = pairs(files, (f) => entries[files.indexOf(f)]?.round ?? null)
  const found = pairs(files, (f) => grouping.roundOf.get(f) ?? null)
  const hit = [...found].filter((p) => gold.has(p)).length
  const pairP = found.size ? hit / found.size : gold.size ? 0 : 1
  const pairR = gold.size ? hit / gold.size : 1
  const pairF1 = pairP + pairR ? (2 * pairP * pairR) / (pairP + pairR) : 0
  const outside = entries.map((e, i) => ({ e, f: files[i] as string })).filter(({ e }) => e.kind !== 'talks')
  const solo = outside.length ? outside.filter(({ f }) => (grouping.roundOf.get(f) ?? null) === null).length / outside.length : 1
  // Each labelled round is judged by the detected round that holds most of its articles.
  const goldRounds = new Map<string, { date: string | null; venue: string | null; files: string[] }>()
  entries.forEach((e, i) => {
    if (!e.round) return
    const g = goldRounds.get(e.round) ?? { date: e.round_date, venue: e.venue, files: [] }
    g.files.push(files[i] as string)
    goldRounds.set(e.round, g)
  })
  let dated = 0
  let dateOk = 0
  let placed = 0
  let venueOk = 0
  const wrong: string[] = []
  for (const [id, g] of goldRounds) {
    const votes = new Map<string, number>()
    for (const f of g.files) {
      const r = grouping.roundOf.get(f)
      if (r) votes.set(r, (votes.get(r) ?? 0) + 1)
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0]
    const found = best ? grouping.rounds.get(best) : undefined
    if (g.date) {
      dated++
      if (found?.date === g.date) dateOk++
      else wrong.push(`${id}: date ${found?.date ?? '—'} (labelled ${g.date})`)
    }
    if (g.venue) {
      placed++
      if (found?.venue?.toLowerCase() === g.venue.toLowerCase()) venueOk++
      else wrong.push(`${id}: venue ${found?.venue ?? '—'} (labelled ${g.venue})`)
    }
  }
  return { pairP, pairR, pairF1, solo, date: dated ? dateOk / dated : 1, venue: placed ? venueOk / placed : 1, wrong }
}

/** Parley's rounds as a grouping: each article's `round`, each round's date and venue. */
function parleyGrouping(output: AnalyzeOutput): Grouping {
  return {
    roundOf: new Map(output.articles.map((a) => [a.file, a.round])),
    rounds: new Map(output.rounds.map((r) => [r.id, { date: r.date, venue: r.venue }])),
  }
}

/** The baseline: articles published the same day that name the same city of a fixed list first are one round. */
function baselineGrouping(output: AnalyzeOutput): Grouping {
  const cityOf = (body: string): string | null => {
    let best: { city: string; at: number } | null = null
    for (const city of BASELINE_CITIES) {
      const at = new RegExp(`\\b${city}\\b`).exec(body)?.index
      if (at !== undefined && (!best || at < best.at)) best = { city, at }
    }
    return best?.city ?? null
  }
  const keys = output.articles.map((a) => {
    const city = a.published ? cityOf(a.body) : null
    return city ? `${a.published as string} ${city}` : null
  })
  const counts = new Map<string, number>()
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1)
  const roundOf = new Map<string, string | null>()
  const rounds = new Map<string, { date: string | null; venue: string | null }>()
  output.articles.forEach((a, i) => {
    const k = keys[i] ?? null
    const round = k && (counts.get(k) ?? 0) > 1 ? k : null
    roundOf.set(a.file, round)
    if (round) rounds.set(round, { date: round.slice(0, 10), venue: round.slice(11) })
  })
  return { roundOf, rounds }
}

/** Where a sentence of the file is in the cleaned body (whitespace-insensitive), or null. */
function locate(body: string, sentence: string): { start: number; end: number } | null {
  const map: number[] = []
  let flat = ''
  for (let i = 0; i < body.length; i++) {
    if (/\s/.test(body[i] as string)) {
      if (flat.endsWith(' ')) continue
      flat += ' '
    } else flat += body[i]
    map.push(i)
  }
  const wanted = sentence.replace(/\s+/g, ' ').trim()
  const at = flat.indexOf(wanted)
  if (at < 0) return null
  return { start: map[at] as number, end: (map[at + wanted.length - 1] as number) + 1 }
}

export async function evalRounds(options: EvalOptions): Promise<SectionResult | null> {
  const dir = join(corporaDir(), 'rounds-dev')
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`rounds: skipped, no corpus at ${dir} (set PARLEY_CORPORA to the folder that holds rounds-dev).`)
    return null
  }
  const all = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Entry[]
  const entries = options.limit !== undefined ? all.slice(0, options.limit) : all
  const themes = JSON.parse(readFileSync(join(dir, 'themes.json'), 'utf8')) as CorpusTheme[]
  const files = entries.map((e) => join(dir, e.file))
  const started = performance.now()
  const output = analyze(files, { themes: themes.map((t) => ({ name: t.name, description: t.description, keywords: t.keywords })) })
  const seconds = (performance.now() - started) / 1000
  const byFile = new Map(output.articles.map((a) => [a.file, a]))

  const parley = score(entries, files, parleyGrouping(output))
  const base = score(entries, files, baselineGrouping(output))
  const violations = analyzeViolations(output)

  // Detection alone: the same files with their labelled publication day written on a first line
  // ("Published: YYYY-MM-DD", as a user would fix a missing date), in a temporary folder.
  const temp = mkdtempSync(join(tmpdir(), 'parley-eval-rounds-'))
  let datedScores: Scores
  let datedBase: Scores
  let datedViolations: string[]
  try {
    const copies = entries.map((e, i) => {
      const day = e.published ?? e.published_inferred ?? null
      const copy = join(temp, basename(files[i] as string))
      const text = readFileSync(files[i] as string, 'utf8')
      writeFileSync(copy, day ? `Published: ${day}\n\n${text}` : text)
      return copy
    })
    const dated = analyze(copies)
    datedScores = score(entries, copies, parleyGrouping(dated))
    datedBase = score(entries, copies, baselineGrouping(dated))
    datedViolations = analyzeViolations(dated)
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }

  // Themes: an article has a theme when any passage is suggested for it.
  const themeRows: Array<Array<string | number>> = []
  const figures: Record<string, number> = {}
  let evidenceTotal = 0
  let evidenceHit = 0
  let evidenceMissing = 0
  const themeMisses: string[] = []
  for (const t of themes) {
    let tp = 0
    let fp = 0
    let fn = 0
    // The same count on the articles whose label is not marked borderline: how much of the
    // difference is the labellers' own either-way cases. Informational; the floor is on all.
    const decided = { tp: 0, fp: 0, fn: 0 }
    entries.forEach((e, i) => {
      const a = byFile.get(files[i] as string)
      const spans = a?.themes[t.name] ?? []
      const truth = e.themes[t.key] === true
      if (!e.borderline?.includes(t.key)) {
        if (spans.length && truth) decided.tp++
        else if (spans.length) decided.fp++
        else if (truth) decided.fn++
      }
      if (spans.length && truth) tp++
      else if (spans.length) {
        fp++
        themeMisses.push(`${e.file}: ${t.key} suggested, labelled false`)
      } else if (truth) {
        fn++
        themeMisses.push(`${e.file}: ${t.key} not suggested, labelled true`)
      }
      const evidence = e.evidence[t.key]
      if (truth && evidence && a) {
        evidenceTotal++
        const at = locate(a.body, evidence)
        if (!at) evidenceMissing++
        else if (spans.some((s) => s.start < at.end && at.start < s.end)) evidenceHit++
      }
    })
    const p = tp + fp ? tp / (tp + fp) : 1
    const r = tp + fn ? tp / (tp + fn) : 1
    const f1 = p + r ? (2 * p * r) / (p + r) : 0
    figures[`rounds.themes.${t.key}.f1`] = f1
    const decidedF1 = decided.tp ? (2 * decided.tp) / (2 * decided.tp + decided.fp + decided.fn) : 0
    figures[`rounds.themes.${t.key}.f1Decided`] = decidedF1
    themeRows.push([t.key, p, r, f1, decidedF1])
  }
  const distractors = entries.map((e, i) => ({ e, a: byFile.get(files[i] as string) })).filter(({ e }) => e.kind === 'distractor')
  const clean = distractors.length
    ? distractors.filter(({ a }) => !a || Object.values(a.themes).every((s) => s.length === 0)).length / distractors.length
    : 1
  const passage = evidenceTotal ? evidenceHit / evidenceTotal : 1

  Object.assign(figures, {
    'rounds.pairP': parley.pairP,
    'rounds.pairR': parley.pairR,
    'rounds.pairF1': parley.pairF1,
    'rounds.solo': parley.solo,
    'rounds.date': parley.date,
    'rounds.venue': parley.venue,
    'rounds.contractOk': violations.length + datedViolations.length === 0 ? 1 : 0,
    'rounds.dated.pairP': datedScores.pairP,
    'rounds.dated.pairR': datedScores.pairR,
    'rounds.dated.pairF1': datedScores.pairF1,
    'rounds.dated.solo': datedScores.solo,
    'rounds.dated.date': datedScores.date,
    'rounds.dated.venue': datedScores.venue,
    'rounds.baseline.pairP': base.pairP,
    'rounds.baseline.pairR': base.pairR,
    'rounds.baseline.pairF1': base.pairF1,
    'rounds.baseline.solo': base.solo,
    'rounds.baseline.date': base.date,
    'rounds.baseline.venue': base.venue,
    'rounds.baseline.dated.pairF1': datedBase.pairF1,
    'rounds.themes.distractorClean': clean,
    'rounds.themes.passage': passage,
  })

  const lines = [
    `${entries.length} articles, ${new Set(entries.map((e) => e.round).filter(Boolean)).size} labelled rounds; analyze took ${seconds.toFixed(1)} s; ${output.rounds.length} rounds proposed`,
    ...table(
      ['', 'pair P', 'pair R', 'pair F1', 'solo', 'date', 'venue'],
      [
        ['Parley', parley.pairP, parley.pairR, parley.pairF1, parley.solo, parley.date, parley.venue],
        [
          'Parley, labelled publication days',
          datedScores.pairP,
          datedScores.pairR,
          datedScores.pairF1,
          datedScores.solo,
          datedScores.date,
          datedScores.venue,
        ],
        ['baseline (same day, same city)', base.pairP, base.pairR, base.pairF1, base.solo, base.date, base.venue],
        [
          'baseline, labelled publication days',
          datedBase.pairP,
          datedBase.pairR,
          datedBase.pairF1,
          datedBase.solo,
          datedBase.date,
          datedBase.venue,
        ],
      ],
    ),
    `contract violations: ${violations.length + datedViolations.length}`,
    ...[...violations, ...datedViolations].slice(0, options.verbose ? undefined : 5).map((v) => `  ${v}`),
    '',
    ...table(['theme', 'P', 'R', 'F1', 'F1 without borderline labels'], themeRows),
    `no theme on distractors: ${pct(clean)}; passage on the evidence sentence: ${pct(passage)} (${evidenceHit}/${evidenceTotal}, ${evidenceMissing} sentences not found in the cleaned body)`,
  ]
  if (options.verbose) {
    lines.push('', 'rounds (labelled → proposed):')
    entries.forEach((e, i) => {
      const a = byFile.get(files[i] as string)
      const r = output.rounds.find((x) => x.id === a?.round)
      lines.push(
        `  ${e.file
          .replace(/^articles\//, '')
          .slice(0, 44)
          .padEnd(
            44,
          )} ${(e.round ?? `(${e.kind})`).padEnd(20)} → ${a?.round ? `${a.round} ${r?.date ?? '—'} ${r?.venue ?? '—'}` : '—'} (published ${a?.published ?? '—'})`,
      )
    })
    lines.push(
      ...parley.wrong.map((w) => `  ${w}`),
      ...datedScores.wrong.map((w) => `  with labelled days: ${w}`),
      ...themeMisses.map((m) => `  ${m}`),
    )
  }
  return { figures, lines }
}
