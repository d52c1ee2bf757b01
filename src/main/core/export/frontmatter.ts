import { stringify } from 'yaml'

/**
 * YAML properties between `---` fences, as Obsidian reads them: flat keys, Text/List/Date values,
 * null and empty values left out (a property's type must stay the same across files).
 *
 *   frontMatter({ title: 'A: B', tags: ['parley/article'] }) // '---\ntitle: "A: B"\ntags:\n  - parley/article\n---\n'
 */
export function frontMatter(props: Record<string, string | number | string[] | null | undefined>): string {
  const data: Record<string, string | number | string[]> = {}
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    data[key] = value
  }
  // Strings are quoted when needed by the yaml package itself; no line folding, so a title stays one line.
  const yaml = stringify(data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })
  return `---\n${yaml}---\n`
}
