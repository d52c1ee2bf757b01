// Test data shared by the rounds tests: a small notebook of trade talks in three outlets, with a
// recall piece and an unrelated article. Imported only by *.test.ts.
import { join } from 'node:path'
import { openNotebook, type Notebook } from '../notebook'

const md = (title: string, outlet: string, published: string, body: string): string =>
  `---\ntitle: ${title}\noutlet: ${outlet}\npublished: ${published}\n---\n\n${body}\n`

export const TALKS = {
  wire: md(
    'Negotiators hold talks on quotas',
    'Northwire',
    '2025-02-28',
    'GENEVA (Northwire) - Trade negotiators from the two countries held talks on Thursday in Geneva on tariffs and fishing quotas, officials said.\n\nDeputy Trade Minister Tomas Varga met with Anna Berg, the chief negotiator, for six hours. “We are closer than ever to a fair deal on quotas,” Varga said. The talks covered six fishing zones.',
  ),
  daily: md(
    'No deal yet on fishing',
    'The Daily',
    '2025-03-01',
    "Thursday's talks in Geneva between Anna Berg and Tomas Varga ended without a deal on fishing quotas, the ministry said on Saturday.\n\n“We are closer than ever to a deal on quotas,” Varga told reporters. Tariffs would be discussed again.",
  ),
  weekly: md(
    'Quota talks stall',
    'The Weekly',
    '2025-03-03',
    'Negotiators met for talks on Feb. 26 in the Swiss city of Geneva, where Tomas Varga and Anna Berg argued over two fishing grounds and tariffs.',
  ),
  vienna: md(
    'Second round in Vienna',
    'Northwire',
    '2025-04-11',
    'Tomas Varga and Anna Berg held a second round of talks in Vienna on Thursday, focusing on fishing quotas and tariffs.',
  ),
  review: md(
    'A long dispute',
    'The Review',
    '2025-05-20',
    'A trade deal could be signed soon, officials say.\n\nThe dispute over tariffs is years old. Negotiators first held talks in Geneva on Feb. 27, when Anna Berg pressed for lower fishing quotas. A later round of talks in Vienna on April 10 made little progress.',
  ),
  sport: md(
    'Rovers win',
    'The Daily',
    '2025-03-02',
    'Rovers beat City 3-1 at the Riverside Stadium on Saturday, with Jane Okafor scoring twice in the second half.',
  ),
}

export type TalkName = keyof typeof TALKS

/** A notebook in `dir` with the talks imported; returns it and the article id of each fixture. */
export async function talksNotebook(dir: string): Promise<{ notebook: Notebook; ids: Record<TalkName, number> }> {
  const notebook = openNotebook(join(dir, 'talks.parley'))
  const names = Object.keys(TALKS) as TalkName[]
  const results = await notebook.handlers['articles.import']({
    files: names.map((n) => ({ name: `${n}.md`, data: Buffer.from(TALKS[n]).toString('base64') })),
  })
  const ids = Object.fromEntries(names.map((n, i) => [n, results[i]?.id as number])) as Record<TalkName, number>
  return { notebook, ids }
}
