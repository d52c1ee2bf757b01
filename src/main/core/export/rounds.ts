import type { Highlight, Round } from '../../../shared/model'
import type { ExportArticle, ExportNote, ExportTheme } from './data'
import type { PassageLink, QuoteProvenance } from '../../../shared/contract-claims'
import { citationLabel } from '../../../shared/editor/cite'
import { frontMatter } from './frontmatter'
import { escapeCell, escapeParagraph, escapeText, link, linkTo } from './markdown'

/** What the round, comparison and timeline pages need to know about the rest of the vault. */
export interface RoundsContext {
  wikilinks: boolean
  articles: Map<number, ExportArticle>
  themes: ExportTheme[]
  /** Faithful highlights only (checked against the body). */
  highlightsByArticle: Map<number, Highlight[]>
  notes: ExportNote[]
  path: { article: Map<number, string>; note: Map<number, string>; round: Map<number, string> }
  blockOf: (highlightId: number) => string | undefined
  /** Typed links between exported passages (claims the user accepted or made), for the per-round claims. */
  links?: PassageLink[]
  /** Quotations several articles of a round carry, first carrier first (claims/provenance), by round id. */
  provenance?: Map<number, QuoteProvenance[]>
}

const articleLabel = (a: ExportArticle): string => citationLabel(a)

function articleLine(ctx: RoundsContext, articleId: number, fromDir: string): string | null {
  const a = ctx.articles.get(articleId)
  const path = ctx.path.article.get(articleId)
  if (!a || !path) return null
  const meta = [a.outlet, a.published].filter(Boolean).map((s) => escapeText(String(s)))
  return `- ${link(a.title, path, fromDir, ctx.wikilinks)}${meta.length ? ` — ${meta.join(', ')}` : ''}`
}

/** `rounds/<slug>.md`: date, venue, participants, summary, its articles and its cell notes. */
export function roundFile(ctx: RoundsContext, round: Round): string {
  const from = 'rounds'
  const props = frontMatter({
    title: round.title,
    date: round.date,
    venue: round.venue,
    participants: round.participants,
    tags: ['parley/round'],
    'parley-id': `round-${round.id}`,
  })
  const lines = [`# ${escapeText(round.title)}`, '']
  lines.push(`- Date: ${round.date ? escapeText(readableDate(round.date)) : 'unknown'}`)
  lines.push(`- Venue: ${round.venue ? escapeText(round.venue) : 'unknown'}`)
  lines.push(`- Participants: ${round.participants.length ? round.participants.map(escapeText).join(', ') : 'none named'}`)
  lines.push('')
  if (round.summary.trim()) {
    lines.push('## Summary', '')
    for (const p of round.summary.split(/\n\s*\n/).filter((s) => s.trim())) lines.push(escapeParagraph(p.trim()), '')
  }
  for (const [role, heading] of [
    ['reports', 'Articles reporting this round'],
    ['mentions', 'Articles mentioning it'],
  ] as const) {
    const list = round.articles.filter((a) => a.role === role).flatMap((a) => articleLine(ctx, a.articleId, from) ?? [])
    if (list.length) lines.push(`## ${heading}`, '', ...list, '')
  }
  const cellNotes = ctx.notes.filter((n) => n.roundId === round.id)
  if (cellNotes.length) {
    lines.push('## Notes', '')
    for (const n of cellNotes) {
      const theme = ctx.themes.find((t) => t.id === n.themeId)
      const path = ctx.path.note.get(n.id)
      if (path) lines.push(`- ${theme ? `${escapeText(theme.name)}: ` : ''}${link(n.title || 'Untitled note', path, from, ctx.wikilinks)}`)
    }
    lines.push('')
  }
  return `${props}\n${lines.join('\n').trimEnd()}\n`
}

/** Highlights of a theme in the articles that report a round (as the Matrix counts them). */
export function cellEvidence(ctx: RoundsContext, round: Round, themeId: number): Highlight[] {
  return roundEvidence(ctx, round).get(themeId) ?? []
}

/**
 * Every cell of a round's row at once: theme id → its evidence, articles by date then id. With
 * `columnOf`, by column instead: a sub-theme's passages in its parent's list, in the same order.
 */
function roundEvidence(ctx: RoundsContext, round: Round, columnOf?: Map<number, number>): Map<number | null, Highlight[]> {
  const out = new Map<number | null, Highlight[]>()
  const reporters = round.articles.filter((a) => a.role === 'reports').map((a) => a.articleId)
  const ordered = reporters
    .map((id) => ctx.articles.get(id))
    .filter((a): a is ExportArticle => !!a)
    .sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.id - b.id)
  for (const a of ordered)
    for (const h of ctx.highlightsByArticle.get(a.id) ?? []) {
      const key = h.themeId !== null && columnOf ? (columnOf.get(h.themeId) ?? h.themeId) : h.themeId
      const list = out.get(key)
      if (list) list.push(h)
      else out.set(key, [h])
    }
  return out
}

/**
 * The typed links touching a cell's evidence, as the Matrix shows them next to its count:
 * " (1 agree, 1 differ)"; '' when none. Agree: supports, repeats, quotes; differ: contradicts.
 */
function cellClaims(links: PassageLink[], evidence: Highlight[]): string {
  if (!links.length) return ''
  const ids = new Set(evidence.map((h) => h.id))
  let agree = 0
  let differ = 0
  let other = 0
  for (const l of links) {
    if (!ids.has(l.from.highlightId) && !ids.has(l.to.highlightId)) continue
    const relation = l.relation.toLowerCase()
    if (relation === 'contradicts') differ++
    else if (relation === 'supports' || relation === 'repeats' || relation === 'quotes') agree++
    else other++
  }
  const parts = [agree ? `${agree} agree` : '', differ ? `${differ} differ` : '', other ? `${other} other` : ''].filter(Boolean)
  return parts.length ? ` (${parts.join(', ')})` : ''
}

/** A wikilink inside a table cell needs its pipe escaped. */
const inCell = (md: string, wikilinks: boolean): string => (wikilinks ? md.replace(/\|(?=[^[\]]*\]\])/g, '\\|') : md)

/** `comparison.md`: the Matrix as a GFM table (counts, "not covered"), then each cell's evidence and note. */
export function comparisonFile(ctx: RoundsContext, rounds: Round[]): string {
  const lines = ['# Comparison', '']
  if (rounds.length === 0) {
    lines.push('No rounds yet: detect or add rounds in Parley to compare them by theme.', '')
    return lines.join('\n')
  }
  lines.push(
    ctx.links?.length
      ? 'Highlights per round (rows) and theme (columns), counted in the articles that report each round; in brackets, the typed links touching them.'
      : 'Highlights per round (rows) and theme (columns), counted in the articles that report each round.',
    '',
  )
  // One column per top-level theme, as the Matrix has: a sub-theme's passages count in its parent's
  // column (a sub-theme whose parent is not exported stands alone), each named under the quote.
  const live = new Set(ctx.themes.map((t) => t.id))
  const columnOf = new Map(ctx.themes.map((t) => [t.id, t.parentId != null && live.has(t.parentId) ? t.parentId : t.id]))
  const columns = ctx.themes.filter((t) => columnOf.get(t.id) === t.id)
  const themeName = new Map(ctx.themes.map((t) => [t.id, t.name]))
  lines.push(`| Round | Date | Venue | ${columns.map((t) => escapeCell(t.name)).join(' | ')} |`)
  lines.push(`| --- | --- | --- | ${columns.map(() => '---:').join(' | ')} |`)
  const evidenceOf = new Map(rounds.map((r) => [r.id, roundEvidence(ctx, r, columnOf)]))
  const cellNote = new Map<string, ExportNote>()
  // The first note of a cell, as a lookup instead of a scan per cell.
  for (const n of ctx.notes)
    if (n.roundId !== null && !cellNote.has(`${n.roundId}:${n.themeId}`)) cellNote.set(`${n.roundId}:${n.themeId}`, n)
  for (const r of rounds) {
    const path = ctx.path.round.get(r.id) as string
    const counts = columns.map((t) => {
      const evidence = evidenceOf.get(r.id)?.get(t.id) ?? []
      return evidence.length ? `${evidence.length}${cellClaims(ctx.links ?? [], evidence)}` : 'not covered'
    })
    const title = inCell(link(r.title.replace(/\s+/g, ' '), path, '', ctx.wikilinks), ctx.wikilinks)
    lines.push(
      `| ${title} | ${r.date ? escapeCell(readableDate(r.date)) : ''} | ${r.venue ? escapeCell(r.venue) : ''} | ${counts.join(' | ')} |`,
    )
  }
  lines.push('')
  // An article is cited once per highlight: its label and path are escaped once.
  const citations = new Map<number, (block?: string) => string>()
  const citation = (a: ExportArticle): ((block?: string) => string) => {
    let cite = citations.get(a.id)
    if (!cite) citations.set(a.id, (cite = linkTo(articleLabel(a), ctx.path.article.get(a.id) as string, '', ctx.wikilinks)))
    return cite
  }
  for (const r of rounds) {
    lines.push(`## ${escapeText(r.title)}${r.date ? ` (${escapeText(readableDate(r.date))})` : ''}`, '')
    for (const t of columns) {
      lines.push(`### ${escapeText(t.name)}`, '')
      const evidence = evidenceOf.get(r.id)?.get(t.id) ?? []
      if (!evidence.length) lines.push('Not covered.', '')
      for (const h of evidence) {
        const a = ctx.articles.get(h.articleId) as ExportArticle
        const sub = h.themeId !== null && h.themeId !== t.id ? themeName.get(h.themeId) : undefined
        lines.push(...h.exact.split('\n').map((l) => `> ${escapeText(l)}`.trimEnd()), '>')
        lines.push(`> — ${citation(a)(ctx.blockOf(h.id))}${sub ? ` (${escapeText(sub)})` : ''}`, '')
        // The highlight's comment under it, as a callout (a blockquote outside Obsidian).
        if (h.comment.trim())
          lines.push(
            '> [!note] Comment',
            ...h.comment
              .trim()
              .split(/\r?\n/)
              .map((l) => `> ${escapeText(l)}`.trimEnd()),
            '',
          )
      }
      const note = cellNote.get(`${r.id}:${t.id}`)
      const notePath = note && ctx.path.note.get(note.id)
      if (note && notePath) lines.push(`Note: ${link(note.title || 'Untitled note', notePath, '', ctx.wikilinks)}`, '')
    }
    lines.push(...roundClaims(ctx, r, citation))
    lines.push(...roundProvenance(ctx, r, citation))
  }
  return lines.join('\n').trimEnd() + '\n'
}

/**
 * A round's claims in comparison.md: its typed links (a claim accepted, or two passages linked by
 * hand) between passages of articles in the round, contradictions first, each with both passages
 * and their outlets.
 */
function roundClaims(ctx: RoundsContext, round: Round, citation: (a: ExportArticle) => (block?: string) => string): string[] {
  const inRound = new Set(round.articles.map((a) => a.articleId))
  const links = (ctx.links ?? []).filter((l) => inRound.has(l.from.articleId) || inRound.has(l.to.articleId))
  if (!links.length) return []
  const contradictions = links.filter((l) => l.relation.toLowerCase() === 'contradicts')
  const others = links.filter((l) => l.relation.toLowerCase() !== 'contradicts')
  const end = (e: PassageLink['from']): string => {
    const a = ctx.articles.get(e.articleId)
    const quote = `“${escapeText(e.exact.replace(/\s+/g, ' ').trim())}”`
    return a ? `${quote} — ${citation(a)(ctx.blockOf(e.highlightId))}` : quote
  }
  const out = ['### Claims', '']
  if (contradictions.length) {
    out.push(`Contradictions: ${contradictions.length}`, '')
    for (const l of contradictions)
      out.push(`- ${end(l.from)} **contradicts** ${end(l.to)}${l.note.trim() ? ` (${escapeText(l.note.trim())})` : ''}`)
    out.push('')
  }
  if (others.length) {
    for (const l of others)
      out.push(`- ${end(l.from)} **${escapeText(l.relation)}** ${end(l.to)}${l.note.trim() ? ` (${escapeText(l.note.trim())})` : ''}`)
    out.push('')
  }
  return out
}

const REUSE_LABEL = { first: 'First carrier', same: 'Same words', trimmed: 'Trimmed', extended: 'Words added', changed: 'Changed' } as const

/**
 * A round's quote provenance in comparison.md: each quotation several of its articles carry, the
 * first carrier named, every later carrier with how it re-used the words, and why (dates compared).
 */
function roundProvenance(ctx: RoundsContext, round: Round, citation: (a: ExportArticle) => (block?: string) => string): string[] {
  const quotes = ctx.provenance?.get(round.id) ?? []
  if (!quotes.length) return []
  const out = ['### Quote provenance', '']
  for (const q of quotes) {
    out.push(`> ${escapeText(q.text.replace(/\s+/g, ' ').trim())}`, '')
    for (const c of q.carriers) {
      const a = ctx.articles.get(c.articleId)
      const where = a && ctx.path.article.has(a.id) ? citation(a)() : escapeText(c.title)
      const day = [c.published, c.time].filter(Boolean).join(' ')
      out.push(
        `- ${REUSE_LABEL[c.reuse]}: ${escapeText(c.outlet ?? 'Unknown outlet')}, ${where}${day ? ` (${day})` : ''}. Why: ${escapeText(c.why)}.`,
      )
    }
    out.push('')
  }
  return out
}

/** `timeline.md`: by date, oldest first, each day's rounds and the articles published that day; undated last. */
export function timelineFile(ctx: RoundsContext, rounds: Round[]): string {
  const days = new Map<string, { rounds: Round[]; articles: ExportArticle[] }>()
  const day = (d: string): { rounds: Round[]; articles: ExportArticle[] } => {
    let entry = days.get(d)
    if (!entry) days.set(d, (entry = { rounds: [], articles: [] }))
    return entry
  }
  const UNDATED = '~undated'
  for (const r of rounds) day(r.date && !r.date.startsWith('XXXX') ? r.date : UNDATED).rounds.push(r)
  for (const a of ctx.articles.values()) day(a.published ?? UNDATED).articles.push(a)
  const lines = ['# Timeline', '']
  for (const d of [...days.keys()].sort()) {
    const entry = days.get(d) as { rounds: Round[]; articles: ExportArticle[] }
    lines.push(`## ${d === UNDATED ? 'Undated' : escapeText(d)}`, '')
    for (const r of entry.rounds) {
      const path = ctx.path.round.get(r.id) as string
      const reporting = r.articles.filter((a) => a.role === 'reports').length
      const detail = [
        r.date?.startsWith('XXXX') ? readableDate(r.date) : null,
        r.venue,
        `${reporting} ${reporting === 1 ? 'article' : 'articles'}`,
      ]
      lines.push(
        `- Round: ${link(r.title, path, '', ctx.wikilinks)} — ${detail
          .filter(Boolean)
          .map((s) => escapeText(String(s)))
          .join(', ')}`,
      )
    }
    for (const a of entry.articles.sort((x, y) => x.id - y.id)) lines.push(articleLine(ctx, a.id, '') as string)
    lines.push('')
  }
  return lines.join('\n').trimEnd() + '\n'
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A round's EDTF date for readers: "2025-02-27" stays ISO; "XXXX-02-27" becomes "27 February (year unknown)". */
export function readableDate(edtf: string): string {
  const m = /^XXXX-(\d{2})(?:-(\d{2}))?$/.exec(edtf)
  if (!m) return edtf
  const month = MONTHS[Number(m[1]) - 1] ?? m[1]
  return `${m[2] ? `${Number(m[2])} ` : ''}${month} (year unknown)`
}
