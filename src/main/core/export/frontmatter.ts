import { stringify } from 'yaml'

/**
 * YAML properties between `---` fences, as Obsidian reads them: flat keys, Text/List/Date values,
 * null and empty values left out (a property's type must stay the same across files).
 *
 *   frontMatter({ title: 'A: B', tags: ['parley/article'] }) // '---\ntitle: "A: B"\ntags:\n  - parley/article\n---\n'
 */
export function frontMatter(props: Record<string, string | number | string[] | null | undefined>): string {
  let yaml = ''
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    yaml += property(key, value)
  }
  return `---\n${yaml}---\n`
}

// Strings are quoted when needed by the yaml package itself; no line folding, so a title stays one line.
const OPTIONS = { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const

/**
 * Strings the yaml package writes as they are (checked against it in frontmatter.test.ts): a
 * letter first, then letters, digits and punctuation that means nothing in a plain scalar, no
 * trailing space; or an ISO date or UTC date-time. Writing these directly is what makes
 * front matter cheap (the yaml package builds a document per call, ~0.4 ms a file).
 */
const PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} _.,/()'’‘“”–—-]*[\p{L}\p{M}\p{N}_.,/()'’‘“”–—-])?$/u
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z?)?$/
const KEYWORD = /^(?:true|false|null|y|n|yes|no|on|off)$/i
const NUMBERISH = /^[\p{N}]/u

export const isPlainScalar = (text: string): boolean =>
  ISO_DATE.test(text) || (PLAIN.test(text) && !KEYWORD.test(text) && !NUMBERISH.test(text))

function property(key: string, value: string | number | string[]): string {
  if (/^[a-z][a-z-]*$/.test(key)) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return `${key}: ${value}\n`
    if (typeof value === 'string' && isPlainScalar(value)) return `${key}: ${value}\n`
    if (Array.isArray(value) && value.every(isPlainScalar)) return `${key}:\n${value.map((v) => `  - ${v}\n`).join('')}`
  }
  return stringify({ [key]: value }, OPTIONS)
}
