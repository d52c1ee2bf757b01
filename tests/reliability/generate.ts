/** Seeded generators shared by the reliability driver and tests (no dependencies, no I/O). */

/** mulberry32: a small seeded PRNG; the seed is printed by the tests so a failure can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SUBJECTS = ['The council', 'The delegation', 'Officials', 'The ministry', 'Negotiators', 'The committee', 'Residents', 'The mayor']
const VERBS = ['discussed', 'approved', 'rejected', 'postponed', 'reviewed', 'welcomed', 'questioned', 'announced']
const OBJECTS = [
  'a plan for the harbour',
  'the new budget for schools',
  'a proposal on river transport',
  'the schedule for the next meeting',
  'changes to the rail timetable',
  'a report on water quality',
  'the future of the old market',
  'an agreement on fishing quotas',
]
const TAILS = ['on Tuesday', 'after a long debate', 'in a short statement', 'late in the evening', 'without a vote', 'for the second time']

function sentence(random: () => number): string {
  const at = (list: string[]): string => list[Math.floor(random() * list.length)] as string
  return `${at(SUBJECTS)} ${at(VERBS)} ${at(OBJECTS)} ${at(TAILS)}.`
}

/** A plain-text article (title line, then paragraphs) that carries `token` in its body, so it is unique and searchable. */
export function articleText(random: () => number, token: string): string {
  const paragraphs: string[] = []
  const count = 3 + Math.floor(random() * 4)
  for (let p = 0; p < count; p++) {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 4) }, () => sentence(random))
    if (p === 1) sentences.push(`The reference code ${token} was quoted in the minutes.`)
    paragraphs.push(sentences.join(' '))
  }
  return `Report ${token.slice(-8)} from the city desk\n\n${paragraphs.join('\n\n')}\n`
}

/** A Lexical editor state with `paragraphs` paragraphs of text (a note as the editor saves it). */
export function noteContent(text: string, paragraphs: number): { root: { type: 'root'; children: unknown[]; [key: string]: unknown } } {
  const paragraph = (i: number): unknown => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text: `${text} — paragraph ${i}`, format: 0, style: '', mode: 'normal', detail: 0 }],
  })
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: Array.from({ length: paragraphs }, (_, i) => paragraph(i)),
    },
  }
}
