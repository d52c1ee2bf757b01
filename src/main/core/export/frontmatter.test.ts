import { parse, stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { frontMatter, isPlainScalar } from './frontmatter'

const OPTIONS = { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const

/** What frontMatter wrote before it had a fast path: the yaml package over the whole record. */
function reference(props: Record<string, string | number | string[] | null>): string {
  const data: Record<string, string | number | string[]> = {}
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue
    data[key] = value
  }
  return `---\n${stringify(data, OPTIONS)}---\n`
}

// Characters that matter to YAML somewhere in a plain scalar, plus letters, digits and typography.
const ALPHABET = [...'aZé1 -_.,/()\'’“”–—:#?!&*|>%@`"[]{}~\\\t\u00a0\u2028\u0085=+^$', '0', 'x', 'true', 'null', 'No', '2025-05-23']

function randomStrings(count: number, seed: number): string[] {
  let s = seed
  const next = (): number => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    let text = ''
    const length = 1 + Math.floor(next() * 8)
    for (let j = 0; j < length; j++) text += ALPHABET[Math.floor(next() * ALPHABET.length)]
    out.push(text)
  }
  return out
}

describe('front matter', () => {
  const edge = [
    'Iran, US hold fifth round of talks in Rome',
    "Talks resume: it's (almost) over",
    'Reuters',
    '2025-05-23',
    '2025-05-24T09:12:00.000Z',
    '2025-05-24T09:12:00+02:00',
    'XXXX-02-27',
    'true',
    'True',
    'null',
    'yes',
    '12',
    '1e5',
    '.inf',
    'a: b',
    'a #b',
    'a ',
    ' a',
    '-a',
    'Étude — “quoted” – dash',
    'parley/article',
    'article-12',
  ]

  it('writes a string directly only where the yaml package writes it the same way', () => {
    const strings = [...edge, ...randomStrings(20_000, 8)]
    let fast = 0
    for (const text of strings) {
      if (!isPlainScalar(text)) continue
      fast++
      expect(stringify({ k: text }, OPTIONS), JSON.stringify(text)).toBe(`k: ${text}\n`)
      expect(parse(`k: ${text}\n`)).toEqual({ k: text })
    }
    expect(fast).toBeGreaterThan(100)
  })

  it('gives the same properties as the yaml package for whole records', () => {
    const strings = [...edge, ...randomStrings(2_000, 9)]
    for (let i = 0; i + 3 < strings.length; i += 3) {
      const props = {
        title: strings[i] as string,
        published: i % 2 ? '2025-05-23' : null,
        count: i,
        rounds: [strings[i + 1] as string, strings[i + 2] as string],
        tags: ['parley/article'],
        'parley-id': `article-${i}`,
        empty: [],
        'highlight-themes': ['', strings[i + 3] as string],
      }
      expect(frontMatter(props), JSON.stringify(props)).toBe(reference(props))
    }
  })
})
