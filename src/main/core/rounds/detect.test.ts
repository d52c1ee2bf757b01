import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepareArticle } from '../articles/import'
import { detectRounds, detectRoundsAsync, type DetectArticle } from './detect'
import { latestFullDate } from './dates'
import { articleEvents, articleEventSteps, dateline, latestDateSteps } from './mentions'

let next = 1
const article = (published: string | null, body: string, outlet = 'Outlet', title = body.slice(0, 40)): DetectArticle => ({
  id: next++,
  title,
  outlet,
  published,
  body,
})

// Three outlets report one meeting (2025-02-27, a Thursday) in their own words and dates.
const wire = article(
  '2025-02-28',
  'GENEVA (Northwire) - Trade negotiators from the two countries held talks on Thursday in Geneva on tariffs and fishing quotas, officials said.\n\nDeputy Trade Minister Tomas Varga met with Anna Berg, the chief negotiator, for six hours.',
  'Northwire',
)
const daily = article(
  '2025-03-01',
  "Thursday's talks in Geneva between Anna Berg and Tomas Varga ended without a deal on fishing quotas, the ministry said on Saturday.\n\nBoth sides said tariffs would be discussed again.",
  'The Daily',
)
const weekly = article(
  '2025-03-03',
  'Negotiators met for talks on Feb. 26 in the Swiss city of Geneva, where Tomas Varga and Anna Berg argued over tariffs and fishing quotas.',
  'The Weekly',
)
// Another round, weeks later, in another city.
const vienna = article(
  '2025-04-11',
  'Tomas Varga and Anna Berg held a second round of talks in Vienna on Thursday, focusing on fishing quotas and tariffs.',
  'Northwire',
)
// Background: recalls both rounds with explicit dates, reports none.
const background = article(
  '2025-05-20',
  'A trade deal could be signed soon, officials say.\n\nThe dispute over tariffs is years old. Negotiators first held talks in Geneva on Feb. 27, when Anna Berg pressed for lower fishing quotas. A later round of talks in Vienna on April 10 made little progress.',
  'The Review',
)
// Unrelated subjects: sport, science, local news; none reports talks.
const unrelated = [
  article(
    '2025-03-02',
    'Rovers beat City 3-1 at the Riverside Stadium on Saturday, with Jane Okafor scoring twice in the second half.\n\nThe manager said the win kept their hopes of promotion alive. Rovers meet Athletic in Leeds next week.',
  ),
  article(
    '2025-03-04',
    'Astronomers at the Kestrel Observatory reported on Monday that a comet discovered in January will pass within sight of Earth in June.\n\nDr Maria Lind said the team met every night for three weeks to track it.',
  ),
  article(
    '2025-03-05',
    'The city council voted on Tuesday in the town hall to close Mill Road for six weeks of repairs.\n\nThe meeting lasted four hours. Residents said the detour would add twenty minutes to journeys.',
  ),
  article('2025-03-06', 'Shares in the chipmaker rose after it said it was in talks to buy a smaller rival in Austin on Monday.'),
]

describe('articleEvents', () => {
  it('reads a dateline with an agency, and a dateline with a colon', () => {
    expect(dateline('OSLO (Wire) - Ministers met.', null)?.venue).toBe('Oslo')
    expect(dateline('NEW YORK: Ministers met.', null)?.venue).toBe('New York')
    expect(dateline('UPDATE: Ministers met.', null)).toBeNull()
    expect(dateline('Ministers met in Oslo.', null)).toBeNull()
  })

  it('reads a dateline that opens a line below a repeated headline, and dates "yesterday" by it when nothing else can', () => {
    const body =
      'Fishing Talks Make Progress: Envoy\nFishing Talks Make Progress: Envoy\nBERGEN, Mar 4 (Wire) – The two delegations agreed on quotas in the Oslo talks, their chief envoy said yesterday.'
    expect(dateline(body, null)).toMatchObject({ venue: 'Bergen', date: { month: 3, day: 4 } })
    // A dateline deep in the text (a quoted wire story below a long lead) is no dateline.
    expect(dateline(`${'Lead paragraph words. '.repeat(25)}\nBERGEN, Mar 4 (Wire) – Envoys met.`, null)).toBeNull()
    expect(articleEvents(article(null, body)).main).toMatchObject({ venue: 'Oslo', date: { month: 3, day: 4 } })
  })

  it('finds the reported meeting: its date resolved against publication, its venue and its people without titles', () => {
    const e = articleEvents(wire)
    expect(e.main).toMatchObject({ venue: 'Geneva', date: { year: 2025, month: 2, day: 27 }, dateKind: 'weekday' })
    expect(e.main?.participants).toEqual(expect.arrayContaining(['Tomas Varga', 'Anna Berg']))
    expect(e.main?.participants).not.toContain('Deputy Trade Minister Tomas Varga')
    const w = articleEvents(weekly).main
    expect(w).toMatchObject({ venue: 'Geneva', date: { year: 2025, month: 2, day: 26 } })
  })

  it('does not take a figure recalled as "then-President X" or "former minister X" for a participant', () => {
    const e = articleEvents(
      article(
        '2025-03-01',
        'Tomas Varga and Anna Berg held talks in Geneva on Friday, years after then-President Karl Olsen and former minister Eva Lund left the accord.',
      ),
    )
    expect(e.main?.participants).toEqual(expect.arrayContaining(['Tomas Varga', 'Anna Berg']))
    expect(e.main?.participants).not.toContain('Karl Olsen')
    expect(e.main?.participants).not.toContain('Eva Lund')
  })

  it('takes no plan, programme of action or office of affairs for a participant', () => {
    const e = articleEvents(
      article(
        '2025-03-01',
        'Anna Berg and Tomas Varga held talks in Oslo on Friday on the Joint Fisheries Plan, with Deputy for Political Affairs Eva Lund.',
      ),
    )
    expect(e.main?.participants).toEqual(expect.arrayContaining(['Anna Berg', 'Tomas Varga', 'Eva Lund']))
    expect(e.main?.participants.join('|')).not.toMatch(/Plan|Affairs/)
  })

  it('takes the dateline as the venue when the lead names none', () => {
    const e = articleEvents(article(null, 'LISBON (Wire) - Envoys from both countries held talks on Monday about fishing rights.'))
    expect(e.main).toMatchObject({ venue: 'Lisbon', date: { weekday: 1, year: null } })
  })

  it('tells recalls from reports: explicit older dates and "after X met" are recalls; plans are nothing', () => {
    const e = articleEvents(background)
    expect(e.main).toBeNull()
    expect(e.recalls.map((m) => [m.venue, m.date.month, m.date.day])).toEqual([
      ['Geneva', 2, 27],
      ['Vienna', 4, 10],
    ])
    const after = articleEvents(
      article('2025-03-01', 'Envoys held talks in Oslo on Friday, days after Anna Berg and Tomas Varga met in Bergen on Feb. 20.'),
    )
    expect(after.main?.venue).toBe('Oslo')
    expect(after.recalls).toEqual([expect.objectContaining({ venue: 'Bergen', earlier: true })])
    expect(articleEvents(article('2025-03-01', 'The two ministers will meet in Oslo on Friday for talks on quotas.')).main).toBeNull()
  })
})

describe('detectRounds', () => {
  const all = [wire, daily, weekly, vienna, background, ...unrelated]
  const rounds = detectRounds(all)

  it('groups reports that agree on venue, date (± 2 days) and people into one round, with reasons', () => {
    const geneva = rounds.find((r) => r.venue === 'Geneva')
    expect(geneva?.date).toBe('2025-02-27')
    expect(geneva?.articles.filter((a) => a.role === 'reports').map((a) => a.articleId)).toEqual([wire.id, daily.id, weekly.id])
    expect(geneva?.reasons[0]).toMatch(
      /^3 articles report a meeting in Geneva on 2025-02-27 \(dates agree within 1 day; shared participants: .*Anna Berg/,
    )
    expect(geneva?.reasons.length).toBeGreaterThanOrEqual(4)
  })

  it('keeps a later meeting elsewhere apart, and links a background piece to the rounds it recalls', () => {
    expect(rounds.map((r) => r.venue).sort()).toEqual(['Geneva', 'Vienna'])
    const v = rounds.find((r) => r.venue === 'Vienna')
    expect(v?.date).toBe('2025-04-10')
    for (const r of rounds) expect(r.articles).toContainEqual({ articleId: background.id, role: 'mentions' })
  })

  it('gives unrelated articles no round', () => {
    const ids = new Set(rounds.flatMap((r) => r.articles.map((a) => a.articleId)))
    for (const u of unrelated) expect(ids.has(u.id), u.body).toBe(false)
    expect(detectRounds(unrelated)).toEqual([])
  })

  it('does not merge two meetings in one city on different dates', () => {
    const later = article('2025-06-06', 'Anna Berg and Tomas Varga held talks in Geneva on Thursday on fishing quotas and tariffs.')
    const found = detectRounds([wire, daily, later]).filter((r) => r.venue === 'Geneva')
    expect(found.map((r) => r.date)).toEqual(['2025-02-27', '2025-06-05'])
  })

  it('gives the import fixtures (news on other subjects) no round', () => {
    const dir = join(__dirname, '../articles/fixtures')
    const files = [
      ...readdirSync(dir).map((f) => join(dir, f)),
      ...readdirSync(join(dir, 'proof')).map((f) => join(dir, 'proof', f)),
    ].filter((f) => /\.(txt|md|html)$/.test(f))
    expect(files.length).toBeGreaterThan(20)
    const articles = files.map((f, i) => {
      const a = prepareArticle({ name: f, bytes: readFileSync(f) })
      return { id: i + 1, title: a.title, outlet: a.outlet, published: a.published, body: a.body }
    })
    expect(detectRounds(articles)).toEqual([])
  })
})

describe('detectRounds on the seeds', () => {
  const DIR = join(__dirname, '../../../../seeds')
  const seeds = readdirSync(DIR)
    .sort()
    .map((file, i) => {
      const a = prepareArticle({ name: file, bytes: readFileSync(join(DIR, file)) })
      return { id: i + 1, title: a.title, outlet: a.outlet, published: a.published, body: a.body }
    })
  const rounds = detectRounds(seeds)

  it('paced (the event loop runs between steps), detection proposes exactly the same rounds', async () => {
    let turns = 0
    let counting = true
    const tick = (): void => {
      turns++
      if (counting) setImmediate(tick)
    }
    setImmediate(tick)
    const paced = await detectRoundsAsync(seeds, 0)
    counting = false
    expect(paced).toEqual(rounds)
    // With no time allowed per slice, every step is followed by a turn of the event loop.
    expect(turns).toBeGreaterThan(seeds.length)
  })

  it('proposes one round per reported meeting, each in a different city named in its report', () => {
    expect(rounds).toHaveLength(4)
    expect(new Set(rounds.map((r) => r.venue)).size).toBe(4)
    for (const r of rounds) {
      const reporters = r.articles.filter((a) => a.role === 'reports')
      expect(reporters).toHaveLength(1)
      const body = seeds.find((s) => s.id === reporters[0]?.articleId)?.body ?? ''
      expect(body.slice(0, 400)).toContain(r.venue as string)
      // The two negotiators, named in full in the report: not people it only quotes or recalls.
      expect(r.participants).toHaveLength(2)
      for (const p of r.participants) expect(body).toContain(p)
    }
  })

  it('invents no precise date for undated articles, and links the piece that only recalls a meeting', () => {
    expect(seeds.every((s) => s.published === null)).toBe(true)
    for (const r of rounds) {
      expect(r.date === null || r.date.startsWith('XXXX')).toBe(true)
      expect(r.reasons[0]).toMatch(
        /^1 article reports a meeting in \S+ on .*\(\w+ unknown; no publication date, so no year is assumed\)\.$/,
      )
    }
    const reporting = new Set(rounds.flatMap((r) => r.articles.filter((a) => a.role === 'reports').map((a) => a.articleId)))
    const others = seeds.filter((s) => !reporting.has(s.id))
    expect(others).toHaveLength(1)
    const linked = rounds.filter((r) => r.articles.some((a) => a.articleId === others[0]?.id))
    expect(linked).toHaveLength(1)
    expect(linked[0]?.date).toMatch(/^XXXX-\d\d-\d\d$/)
    expect(linked[0]?.reasons.join(' ')).toMatch(/recalls it and gives its date/)
  })
})

describe('detection on date-dense text (issue 17, F4)', () => {
  // Every clause a meeting, a place and three dates: the worst case for date parsing and for
  // matching dates, names and meeting words within a sentence.
  const dense = (bytes: number): DetectArticle => {
    const unit = 'Negotiators met in Geneva on March 3, 2024 and on Friday, 4 April 2023, then talks on 12/05/2022 and Monday; '
    return article(null, unit.repeat(Math.ceil(bytes / unit.length)), 'Outlet', 'Dates')
  }

  it('reads a bounded part of each article: 1 MB and 8 MB of dates take about as long as 20 KB', () => {
    const time = (a: DetectArticle): number => {
      const started = performance.now()
      detectRounds([a])
      return performance.now() - started
    }
    time(dense(20_000)) // warm-up (chrono's expressions are compiled on first use)
    const small = Math.max(time(dense(20_000)), 5)
    const big = time(dense(1_000_000))
    const huge = time(dense(8_000_000))
    // Linear growth would be 50× and 400×; before the bound, 1 MB took 11 s (200 KB already 10 s).
    expect(big).toBeLessThan(Math.max(small * 10, 1_000))
    expect(huge).toBeLessThan(Math.max(small * 20, 2_000))
  })

  it('stays interruptible: paced detection of date-dense files lets timers run at least every 500 ms (a 1 MB file held the thread for 11 s)', async () => {
    const articles = Array.from({ length: 6 }, () => dense(1_000_000))
    let last = performance.now()
    let longest = 0
    const timer = setInterval(() => {
      const t = performance.now()
      longest = Math.max(longest, t - last)
      last = t
    }, 5)
    try {
      await detectRoundsAsync(articles)
    } finally {
      clearInterval(timer)
    }
    longest = Math.max(longest, performance.now() - last)
    // A step is a piece of one article's reading (a sentence, 2,000 characters searched for dates: a few ms idle).
    expect(longest).toBeLessThan(500)
  })

  // responsive.test.ts's F4 file: paragraphs of ten sentences, each a meeting with three dates.
  const paragraphs = (chars: number): string => {
    const sentence = (day: number, year: number): string =>
      `Negotiators met in the capital on March ${day}, ${year} and on Friday, ${day} April ${year - 1}, then talks on ${day}/05/${year - 2} and Monday.`
    const out: string[] = []
    for (let i = 0, size = 0; size < chars; i++) {
      out.push(Array.from({ length: 10 }, (_, k) => sentence(((i * 10 + k) % 28) + 1, 2000 + ((i + k) % 25))).join(' '))
      size += (out.at(-1) as string).length + 2
    }
    return `Dates\n\n${out.join('\n\n')}`
  }

  it('reads one date-dense article in small steps (a sentence, or 2,000 characters searched for dates), with the result of one go', () => {
    // Counted, not timed: each step is a few ms of chrono idle (responsive.test.ts times the whole under load).
    for (const published of [null, '2024-06-01']) {
      const a = article(published, paragraphs(400_000), 'Outlet', 'Dates')
      const steps = articleEventSteps(a)
      let count = 0
      let step = steps.next()
      for (; !step.done; step = steps.next()) count++
      // The 20,000 characters read are ~140 sentences that each name a meeting (and 10 pieces searched for the latest date).
      expect(count).toBeGreaterThanOrEqual(published ? 130 : 140)
      expect(step.value).toEqual(articleEvents(a))
    }
  })

  it('searches a text for its latest date in pieces cut only where no date can span the cut', () => {
    const filler = (n: number): string => 'The delegations went on with their work for several hours. '.repeat(n)
    const texts = [
      paragraphs(20_000),
      // A date written across a paragraph break (no full stop before it, or a month after it) is not cut.
      // (chrono reads "on 5\n\nMarch 2031" as one date; a full stop before the break ends a date.)
      `${filler(40)}They met on 5\n\nMarch 2031 in the capital.\n\n${filler(40)}On 3 May 2020 they met.`,
      `${filler(40)}They met on 5 March\n\n2031 in the capital.\n\n${filler(40)}On 3 May 2020 they met.`,
      `${filler(40)}They met on March\n\n5, 2031 in the capital.\n\n${filler(40)}On 3 May 2020 they met.`,
      `${filler(40)}\n\n${filler(40)}\n\nOn 3 May 2020 they met.\n\n${filler(40)}`,
      'No date at all.',
    ]
    for (const text of texts) {
      const steps = latestDateSteps(text)
      let pieces = 0
      let step = steps.next()
      for (; !step.done; step = steps.next()) pieces++
      expect(step.value, text.slice(0, 60)).toEqual(latestFullDate(text))
      expect(pieces).toBeLessThanOrEqual(Math.ceil(text.length / 2_000) + 1)
      if (text.length > 20_000) expect(pieces).toBeGreaterThanOrEqual(5)
    }
  })
})

describe('rounds on several kinds of evidence (issue 16)', () => {
  const quote = '“We have closed the gap on quotas but not on tariffs,”'
  const placed = article(
    '2025-03-01',
    `GENEVA — Chief negotiators Tomas Varga and Anna Berg held talks on Friday on fishing quotas. ${quote} Berg said afterwards.`,
    'Northwire',
  )
  const unplaced = article(
    '2025-03-02',
    `Tomas Varga and Anna Berg ended a second day of talks on Saturday without a deal. ${quote} Berg told reporters.`,
    'The Daily',
  )

  it('joins two reports a day apart with the same delegation heads and the same quote, though one names no venue', () => {
    const rounds = detectRounds([placed, unplaced])
    expect(rounds).toHaveLength(1)
    expect(rounds[0]?.venue).toBe('Geneva')
    expect(rounds[0]?.articles.map((a) => a.articleId)).toEqual([placed.id, unplaced.id])
    expect(rounds[0]?.reasons[0]).toMatch(/shared participants: .*Anna Berg.*the same words quoted/)
  })

  it('never joins two meetings in one city two years apart, even with the same people and words', () => {
    const later = article('2027-03-06', placed.body, 'Eastwire')
    const rounds = detectRounds([placed, later])
    expect(rounds.map((r) => r.date)).toEqual(['2025-02-28', '2027-03-05'])
  })

  it('puts a preview with the meeting it announces, and a follow-up two days later with it too', () => {
    const preview = article(
      '2025-02-26',
      'Tomas Varga and Anna Berg will hold talks in Geneva on Friday on fishing quotas, officials said.',
      'Eastwire',
    )
    const followUp = article(
      '2025-03-02',
      'Anna Berg said on Sunday that Friday’s talks in Geneva with Tomas Varga had brought the two sides closer on quotas.',
      'The Weekly',
    )
    const rounds = detectRounds([preview, placed, followUp])
    expect(rounds).toHaveLength(1)
    expect(rounds[0]).toMatchObject({ date: '2025-02-28', venue: 'Geneva' })
    expect(rounds[0]?.articles.map((a) => a.articleId).sort()).toEqual([preview.id, placed.id, followUp.id].sort())
  })

  it('puts a preview that names no day ("next week") with the next meeting at its city within a week, not a later one', () => {
    const preview = article(
      '2025-02-24',
      'Officials from both capitals will travel to Geneva next week, although they will not hold direct talks, diplomats said.',
      'Eastwire',
      'Delegations to go to Geneva for indirect talks',
    )
    // Nothing in common with the preview but the city and the days.
    const report = article(
      '2025-03-01',
      'GENEVA — Mediators shuttled between two hotel floors on Friday as indirect talks opened.',
      'The Daily',
    )
    const later = article(
      '2025-03-15',
      'GENEVA — Mediators shuttled between hotel floors on Friday as indirect talks resumed.',
      'The Weekly',
    )
    const rounds = detectRounds([preview, report, later])
    expect(rounds.map((r) => r.articles.map((a) => a.articleId))).toEqual([[preview.id, report.id], [later.id]])
    expect(rounds[0]?.date).toBe('2025-02-28')
  })

  it('places undated reports once the rounds of one meeting are joined: a report quoting the preview of the meeting joins it', () => {
    const said = '“We will not leave Geneva without a deal on quotas,”'
    const preview = article(
      '2025-02-24',
      `Officials from both capitals will travel to Geneva this week, although they will not hold direct talks. ${said} an envoy said.`,
      'Eastwire',
      'Delegations to go to Geneva for indirect talks',
    )
    const report = article(
      '2025-02-28',
      'GENEVA — Mediators shuttled between two hotel floors on Friday as indirect talks opened.',
      'Northwire',
    )
    const later = article('2025-03-15', 'GENEVA — Negotiators held talks on Friday on port fees, officials said.', 'The Weekly')
    // Saturday 2025-03-01 (the day after the meeting's report) or 2025-03-15 (the later round's): only the quote tells.
    const undated = article(null, `Envoys went on with the talks in Geneva on Saturday. ${said} one of them repeated.`, 'The Evening Post')
    const rounds = detectRounds([preview, report, later, undated])
    const round = rounds.find((r) => r.articles.some((a) => a.articleId === report.id))
    expect(round?.articles.map((a) => a.articleId).sort()).toEqual([preview.id, report.id, undated.id].sort())
  })

  it('joins an undated report to the round at its place whose report numbers the round alike ("the fourth round"), a few days on', () => {
    // Monday 2025-02-24: the fourth round opens; a third round at the same place three weeks before.
    const third = article('2025-02-03', 'GENEVA — The third round of talks on fishing quotas opened on Monday.', 'Eastwire')
    const fourth = article('2025-02-24', 'GENEVA — The fourth round of talks on fishing quotas opened on Monday.', 'Northwire')
    // Thursday 2025-02-27: three days after the fourth round's report (a weekday alone is looked for a day either side).
    const undated = article(null, 'Envoys met in Geneva on Thursday as the fourth round of talks went on.', 'The Evening Post')
    const rounds = detectRounds([third, fourth, undated])
    expect(rounds.find((r) => r.articles.some((a) => a.articleId === fourth.id))?.articles.map((a) => a.articleId)).toEqual([
      fourth.id,
      undated.id,
    ])
    expect(rounds.flatMap((r) => r.reasons)).toContainEqual(expect.stringMatching(/the same number of the round \(4\)/))
  })

  it('does not take a preview’s own day for a day of the meeting it announces', () => {
    // A Thursday preview of talks that open on Monday: "Thursday" in an undated report is another week's.
    const preview = article(
      '2025-02-20',
      'Officials from both capitals will travel to Geneva next week, although they will not hold direct talks, diplomats said.',
      'Eastwire',
      'Delegations to go to Geneva for indirect talks',
    )
    const report = article('2025-02-24', 'GENEVA — Tomas Varga and Anna Berg held talks on Monday on fishing quotas.', 'Northwire')
    const undated = article(null, 'Anna Berg and Tomas Varga met in Geneva on Thursday for talks on quotas.', 'The Evening Post')
    const rounds = detectRounds([preview, report, undated])
    expect(rounds.find((r) => r.articles.some((a) => a.articleId === undated.id))?.articles).toHaveLength(1)
  })

  // Copies of pages with no publication date: the meeting is placed by what the text names.
  const dated = article(
    '2025-03-01',
    'GENEVA — Chief negotiators Tomas Varga and Anna Berg held talks on Friday on fishing quotas, officials said.',
    'Northwire',
  )
  it('joins an undated report to the round its place, weekday and delegation heads fit, and gives it that day', () => {
    const undated = article(null, 'Anna Berg and Tomas Varga met again in Geneva on Friday for talks on quotas.', 'The Evening Post')
    const rounds = detectRounds([dated, undated])
    expect(rounds).toHaveLength(1)
    expect(rounds[0]).toMatchObject({ date: '2025-02-28', venue: 'Geneva' })
    expect(rounds[0]?.articles.map((a) => a.articleId)).toEqual([dated.id, undated.id])
    expect(rounds[0]?.reasons[0]).toMatch(/shared participants: .*Anna Berg/)
    expect(rounds[0]?.reasons).toContainEqual(
      expect.stringMatching(
        /has no full date; it joins this round for the same place \(Geneva\), its Friday is 2025-02-28, the same people \(Anna Berg, Tomas Varga\)/,
      ),
    )
  })

  it('dates an undated preview by the day its lead announces the talks for in the country, and puts it with the round held that day', () => {
    const saturday = article(
      '2025-03-02',
      'OSLO — Trade negotiators held talks on Saturday on fishing quotas, officials said.',
      'Northwire',
    )
    const friday = article('2025-06-21', 'OSLO — Trade negotiators held talks on Friday on tariffs, officials said.', 'Eastwire')
    const title = 'Foreign minister flies to Oslo as Norway hosts trade talks'
    const preview = article(
      null,
      `World\n\n${title}\n\nThe foreign minister travelled to Oslo ahead of trade talks in Norway scheduled for Friday, a fragile mediation effort.\n\n` +
        'The foreign minister left for Oslo on Thursday at the head of a diplomatic delegation as the negotiators of both countries prepared for face-to-face trade talks in Norway set to begin Friday.',
      'The Evening Post',
      title,
    )
    expect(articleEvents(preview).main).toMatchObject({ venue: 'Oslo', coming: true, date: { weekday: 5 } })
    // Its Friday is the eve of the Saturday round and the day of the Friday one: the talks it announces are held on Friday.
    const rounds = detectRounds([saturday, friday, preview])
    expect(rounds.find((r) => r.articles.some((a) => a.articleId === preview.id))?.articles.map((a) => a.articleId)).toEqual([
      friday.id,
      preview.id,
    ])
  })

  it('matches a date without its year ("27 February") among the days of the notebook’s dated rounds', () => {
    const yearless = article(null, 'Tomas Varga held talks in Geneva on 27 February on fishing quotas.', 'The Evening Post')
    const rounds = detectRounds([dated, yearless])
    expect(rounds).toHaveLength(1)
    expect(rounds[0]?.articles.map((a) => a.articleId)).toEqual([dated.id, yearless.id])
  })

  it('leaves an undated report apart when two rounds at its place fit it equally (one person met twice)', () => {
    const again = article(
      '2025-03-22',
      'GENEVA — Chief negotiators Tomas Varga and Anna Berg held talks on Friday on tariffs, officials said.',
      'Eastwire',
    )
    const undated = article(null, 'Anna Berg and Tomas Varga met in Geneva on Friday for talks.', 'The Evening Post')
    const rounds = detectRounds([dated, again, undated])
    expect(rounds.find((r) => r.articles.some((a) => a.articleId === undated.id))?.articles).toHaveLength(1)
  })

  it('does not take a weekday a week away from every report of the round', () => {
    const undated = article(null, 'Anna Berg and Tomas Varga met in Geneva on Tuesday for talks on quotas.', 'The Evening Post')
    // Friday 2025-02-28: the nearest Tuesdays are 3 days before and 4 after; a reported meeting's weekday must be within a day.
    const rounds = detectRounds([dated, undated])
    expect(rounds).toHaveLength(2)
  })

  it('joins an undated report naming no day to the one dated round at its city it shares people with, not when the city had two', () => {
    const undated = article(null, 'Anna Berg said the talks in Geneva had narrowed the gap on quotas.', 'The Evening Post')
    const one = detectRounds([dated, undated])
    expect(one).toHaveLength(1)
    expect(one[0]?.articles.map((a) => a.articleId)).toEqual([dated.id, undated.id])
    expect(one[0]?.reasons).toContainEqual(
      expect.stringMatching(/the same people \(Anna Berg\).*the only round at that place its date can be/),
    )
    const again = article(
      '2025-06-21',
      'GENEVA — Chief negotiators Tomas Varga and Anna Berg held talks on Friday on tariffs, officials said.',
      'Eastwire',
    )
    const two = detectRounds([dated, again, undated])
    expect(two.find((r) => r.articles.some((a) => a.articleId === undated.id))?.articles).toHaveLength(1)
    // No people, but a weekday that falls on the round's days: place and day, as for a dated report.
    const weekday = article(null, 'The delegations went on with the talks in Geneva on Saturday.', 'The Evening Post')
    expect(detectRounds([dated, weekday])).toHaveLength(1)
    expect(detectRounds([dated, again, weekday])).toHaveLength(3)
  })

  it('dates a round by its first day when a report counts the days of the talks, not by a count that ended before it', () => {
    // Friday 2025-02-28 is the talks' third day: the round began on Wednesday 2025-02-26.
    const third = article(
      '2025-03-01',
      'GENEVA — Tomas Varga and Anna Berg held talks on Friday as the negotiations entered their third straight day.',
      'Eastwire',
    )
    const rounds = detectRounds([dated, third])
    expect(rounds).toHaveLength(1)
    expect(rounds[0]?.date).toBe('2025-02-26')
    expect(rounds[0]?.reasons[0]).toMatch(/on 2025-02-26 \(.*the first day of the talks, counted back/)
    // Dated only by its publication day, a report's "after five days of talks" may have ended days before.
    const later = article(
      '2025-03-01',
      'GENEVA — Tomas Varga said the deal was close after five days of talks with Anna Berg.',
      'The Daily',
    )
    expect(detectRounds([dated, later])[0]?.date).toBe('2025-02-28')
  })

  it('lets an undated report that counts the days of the talks name a later weekday of the round, which then starts on the day it counts back to', () => {
    const counted = article(
      null,
      'Anna Berg and Tomas Varga met in Geneva on Monday as the talks entered their fifth straight day.',
      'The Evening Post',
    )
    const rounds = detectRounds([dated, counted])
    expect(rounds).toHaveLength(1)
    expect(rounds[0]?.date).toBe('2025-02-27')
    // Monday 2025-03-03, three days after the round's report, without a count: another meeting as likely as this one.
    const uncounted = article(null, 'Anna Berg and Tomas Varga met in Geneva on Monday for talks on quotas.', 'The Evening Post')
    expect(detectRounds([dated, uncounted])).toHaveLength(2)
  })

  it('joins an undated report that names no place to the round its weekday, a person and several uncommon words fit', () => {
    const report = article(
      '2025-03-01',
      'GENEVA — Tomas Varga and Anna Berg held talks on Friday about herring, mackerel, trawlers, sandeel, lobster and krill quotas.',
      'Northwire',
    )
    // A meeting a week later elsewhere, with one of the same people, on the same weekday.
    const elsewhere = article(
      '2025-03-08',
      'OSLO — Anna Berg and Lars Dahl held talks on Friday about shipping tariffs and port fees.',
      'Eastwire',
    )
    const unplaced = article(
      null,
      'Anna Berg said on Friday that the talks had narrowed gaps over herring, mackerel, trawlers, sandeel, lobster and krill.',
      'The Evening Post',
    )
    // A notebook of more than a handful of articles (in a handful every shared word is "uncommon").
    const others = [
      article('2025-05-02', 'The library reopened on Monday after a year of repairs to its roof.'),
      article('2025-05-03', 'A new ferry timetable starts on Tuesday, with two more crossings a day.'),
    ]
    const rounds = detectRounds([report, elsewhere, unplaced, ...others, ...unrelated])
    const geneva = rounds.find((r) => r.venue === 'Geneva')
    expect(geneva?.articles.map((a) => a.articleId)).toEqual([report.id, unplaced.id])
    // With nothing uncommon in common, a weekday and a person fit both rounds: it stays apart.
    const vague = article(null, 'Anna Berg said on Friday that the talks had gone well.', 'The Evening Post')
    const apart = detectRounds([report, elsewhere, vague, ...others, ...unrelated])
    expect(apart.find((r) => r.articles.some((a) => a.articleId === vague.id))?.articles).toHaveLength(1)
  })

  it('joins an undated report to the round of its place where a dated report counts the same day of the talks on the same weekday', () => {
    const first = article(
      '2025-03-05',
      'GENEVA — The first day of the talks on fishing quotas ended on Tuesday without a breakthrough, officials said.',
      'Northwire',
    )
    // Two weeks later, another round at the same place, also on a Tuesday.
    const later = article('2025-03-19', 'GENEVA — Negotiators held talks on Tuesday on port fees, officials said.', 'Eastwire')
    const undated = article(
      null,
      'Talks in Geneva on Tuesday brought no concrete progress on the first day of the talks.',
      'The Evening Post',
    )
    const rounds = detectRounds([first, later, undated])
    expect(rounds.find((r) => r.articles.some((a) => a.articleId === first.id))?.articles.map((a) => a.articleId)).toEqual([
      first.id,
      undated.id,
    ])
    expect(rounds.flatMap((r) => r.reasons)).toContainEqual(
      expect.stringMatching(/the same day of the talks \(day 1\) on the same weekday/),
    )
    // Without the count, the Tuesday fits both rounds: it stays apart.
    const uncounted = article(null, 'Talks in Geneva on Tuesday brought no concrete progress.', 'The Evening Post')
    expect(
      detectRounds([first, later, uncounted]).find((r) => r.articles.some((a) => a.articleId === uncounted.id))?.articles,
    ).toHaveLength(1)
  })

  it('does not date a round its reports name only by a weekday with a recalled day that falls on another weekday', () => {
    const undated = article(null, 'VIENNA — Envoys held talks in Vienna on Thursday morning on quotas.', 'The Evening Post')
    // Recalls a meeting at the same place on Friday 2019-07-05.
    const recall = article(
      '2025-06-01',
      'A deal was signed on June 1. Envoys first held talks in Vienna on July 5, 2019, on quotas.',
      'The Review',
    )
    const rounds = detectRounds([undated, recall, ...unrelated])
    // The recall is linked (the same place and words), but gives no date.
    expect(rounds.flatMap((r) => r.articles).filter((a) => a.articleId === recall.id)).toHaveLength(1)
    const round = rounds.find((r) => r.articles.some((a) => a.articleId === undated.id && a.role === 'reports'))
    expect(round?.date).toBeNull()
  })
})
