import type { ExportArticle } from './data'

/** CSL-JSON for one newspaper article (Zotero: File › Import…). */
export interface CslItem {
  id: string
  'citation-key': string
  type: 'article-newspaper'
  title: string
  'container-title'?: string
  author?: Array<{ family: string; given?: string } | { literal: string }>
  issued?: { 'date-parts': number[][] }
  accessed?: { 'date-parts': number[][] }
  URL?: string
  note: string
}

// Bylines that name an organisation, not a person: kept whole as a CSL literal.
const INSTITUTIONAL =
  /\b(staff|reporters?|agency|agencies|press|news|desk|editors?|correspondents?|bureau|reuters|afp|ap|tass|xinhua|wire|service)\b/i

/** "By Jane Doe and John Smith" → two names; an organisation stays one literal. */
export function parseAuthors(author: string | null): CslItem['author'] {
  if (!author?.trim()) return undefined
  const byline = author.replace(/^\s*by\s+/i, '').trim()
  if (INSTITUTIONAL.test(byline)) return [{ literal: byline }]
  return byline
    .split(/\s*(?:;|,|\band\b|&)\s*/i)
    .filter(Boolean)
    .map((name) => {
      const parts = name.trim().split(/\s+/)
      if (parts.length === 1) return { literal: name.trim() }
      const family = parts.pop() as string
      return { family, given: parts.join(' ') }
    })
}

const dateParts = (iso: string | null): number[][] | undefined => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null
  return m ? [[Number(m[1]), Number(m[2]), Number(m[3])]] : undefined
}

const words = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g) ?? []
/** The first real word of a title ('untitled' when none). */
const keyWord = (text: string): string => words(text).find((w) => w.length > 3 && !STOP.has(w)) ?? 'untitled'
const STOP = new Set(['with', 'from', 'that', 'this', 'after', 'over', 'into', 'about', 'their', 'they', 'have'])

/** Citation keys like `hafezi2025iran`, unique in the export (b, c… appended), stable for a given notebook. */
export function citationKeys(articles: ExportArticle[]): Map<number, string> {
  const keys = new Map<number, string>()
  const used = new Set<string>()
  for (const a of [...articles].sort((x, y) => x.id - y.id)) {
    const first = parseAuthors(a.author)?.[0]
    const who = first && 'family' in first ? first.family : (a.outlet ?? 'anon')
    const base = `${words(who)[0] ?? 'anon'}${a.published?.slice(0, 4) ?? 'nd'}${keyWord(a.title)}`
    let key = base
    for (let n = 1; used.has(key); n++) key = `${base}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}`
    used.add(key)
    keys.set(a.id, key)
  }
  return keys
}

export function cslItems(articles: ExportArticle[], keys: Map<number, string>): CslItem[] {
  return articles.map((a) => {
    const key = keys.get(a.id) as string
    const author = parseAuthors(a.author)
    const issued = dateParts(a.published)
    const accessed = dateParts(a.importedAt)
    return {
      id: key,
      'citation-key': key,
      type: 'article-newspaper',
      title: a.title,
      ...(a.outlet ? { 'container-title': a.outlet } : {}),
      ...(author ? { author } : {}),
      ...(issued ? { issued: { 'date-parts': issued } } : {}),
      ...(accessed ? { accessed: { 'date-parts': accessed } } : {}),
      ...(a.url ? { URL: a.url } : {}),
      note: `parley-id: article-${a.id}${a.wire ? `\nwire: ${a.wire}` : ''}`,
    }
  })
}

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
}

/** Escapes `& % $ # _ { } ~ ^ \` (braces as commands, so BibTeX's brace counting stays balanced). */
export function bibEscape(text: string): string {
  return text.replace(/[\\{}~^&%$#_]/g, (c) => SPECIAL[c] as string).replace(/\s+/g, ' ')
}

/** A title with capitals protected: every word holding a capital after its first letter, or after the first word, in braces. */
export function bibTitle(title: string): string {
  return title
    .split(/(\s+)/)
    .map((word, i) => {
      if (/^\s+$/.test(word) || !word) return word
      const escaped = bibEscape(word)
      const capital = i === 0 ? /\p{Lu}/u.test(word.slice(1)) : /\p{Lu}/u.test(word)
      return capital ? `{${escaped}}` : escaped
    })
    .join('')
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Zotero's mapping: newspaperArticle → @article with the outlet as journal. */
export function bibtex(articles: ExportArticle[], keys: Map<number, string>): string {
  return articles
    .map((a) => {
      const fields: Array<[string, string]> = [['title', `{${bibTitle(a.title)}}`]]
      const authors = parseAuthors(a.author)
      if (authors)
        fields.push([
          'author',
          `{${authors.map((p) => ('literal' in p ? `{${bibEscape(p.literal)}}` : `${bibEscape(p.family)}, ${bibEscape(p.given ?? '')}`)).join(' and ')}}`,
        ])
      if (a.outlet) fields.push(['journal', `{${bibEscape(a.outlet)}}`])
      const m = a.published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(a.published) : null
      if (m) {
        fields.push(['year', `{${m[1]}}`], ['month', MONTHS[Number(m[2]) - 1] ?? `{${m[2]}}`], ['date', `{${a.published}}`])
      }
      if (a.url) fields.push(['url', `{${a.url.replace(/[{}\\\s]/g, encodeURIComponent)}}`])
      fields.push(['urldate', `{${a.importedAt.slice(0, 10)}}`])
      fields.push(['note', `{parley-id: article-${a.id}}`])
      const width = Math.max(...fields.map(([k]) => k.length))
      return `@article{${keys.get(a.id)},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v},`).join('\n')}\n}\n`
    })
    .join('\n')
}
