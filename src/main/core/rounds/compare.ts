import type { Disagreement, OutletCoverage, Passage, Round, RoundComparison, SharedQuote } from '../../../shared/model'
import { listThemes } from '../themes/repo'
import { compatible, edtf, type EventDate } from './dates'
import { figures, subjectOf } from './figures'
import { articleEvents, type DetectArticle, type EventMention } from './mentions'
import { getRound } from './repo'
import { inCarrierOrder, quoteProvenance } from '../claims/provenance'
import type { ReadableDB } from '../db/types'

const UNKNOWN_OUTLET = 'Unknown outlet'

/**
 * The outlets of a round side by side: the themes each coded, the quotes they share (who carried
 * them first, where the wording drifted) and the figures and meeting dates they disagree on.
 */
export function compareRound(db: ReadableDB, id: number): RoundComparison {
  const round = getRound(db, id)
  const ids = round.articles.map((a) => a.articleId)
  const marks = ids.map(() => '?').join(',')
  // Carrier order (publication day, a time the text gives, import order), as claims.provenance orders them.
  const articles = inCarrierOrder(
    ids.length
      ? (db
          .prepare(
            `SELECT id, title, outlet, published, body FROM articles WHERE id IN (${marks}) ORDER BY published IS NULL, published, id`,
          )
          .all(...ids) as DetectArticle[])
      : [],
  )
  const outletOf = new Map(articles.map((a) => [a.id, a.outlet]))

  const themes = listThemes(db)
  const highlights = (
    ids.length
      ? db
          .prepare(
            `SELECT h.id, h.article_id AS articleId, h.theme_id AS themeId, h.start, h."end", h.exact AS text FROM highlights h
             JOIN themes t ON t.id = h.theme_id AND t.deleted_at IS NULL WHERE h.article_id IN (${marks}) ORDER BY h.article_id, h.start`,
          )
          .all(...ids)
      : []
  ) as Array<Passage & { id: number; themeId: number }>

  const outlets = new Map<string, OutletCoverage>()
  for (const a of articles) {
    const name = a.outlet ?? UNKNOWN_OUTLET
    const o = outlets.get(name) ?? { outlet: name, articles: [], themes: [] }
    const role = round.articles.find((x) => x.articleId === a.id)?.role ?? 'reports'
    o.articles.push({ articleId: a.id, title: a.title, published: a.published, role })
    outlets.set(name, o)
  }
  for (const h of highlights) {
    const o = outlets.get(outletOf.get(h.articleId) ?? UNKNOWN_OUTLET)
    const theme = themes.find((t) => t.id === h.themeId)
    if (!o || !theme) continue
    let entry = o.themes.find((t) => t.themeId === theme.id)
    if (!entry) o.themes.push((entry = { themeId: theme.id, name: theme.name, color: theme.color, highlights: [] }))
    entry.highlights.push({ highlightId: h.id, articleId: h.articleId, start: h.start, end: h.end, text: h.text })
  }
  for (const o of outlets.values())
    o.themes.sort((a, b) => themes.findIndex((t) => t.id === a.themeId) - themes.findIndex((t) => t.id === b.themeId))

  // The same carriers and order as claims.provenance (first carrier by day, time, credit, import order).
  const quotes: SharedQuote[] = quoteProvenance(articles).map((q) => ({
    text: q.text,
    exact: q.carriers.every((c) => c.reuse === 'first' || c.reuse === 'same'),
    occurrences: q.carriers.map((c, k) => ({
      articleId: c.articleId,
      start: c.start,
      end: c.end,
      text: c.text,
      outlet: c.outlet,
      published: c.published,
      first: k === 0,
      exact: c.reuse === 'first' || c.reuse === 'same',
      diff: c.diff,
    })),
  }))

  const themeTerms = themes.map((t) => ({ name: t.name, terms: t.keywords.terms }))
  return {
    round,
    outlets: [...outlets.values()],
    quotes,
    disagreements: [...figureDisagreements(articles, themeTerms), ...dateDisagreements(round, articles)],
  }
}

type Valued = Disagreement['values']

function figureDisagreements(articles: DetectArticle[], themes: Array<{ name: string; terms: string[] }>): Disagreement[] {
  const bySubject = new Map<string, Map<string, Valued[number]['passages']>>()
  for (const a of articles) {
    for (const f of figures(a.body)) {
      const subject = subjectOf(f.noun, themes)
      const values = bySubject.get(subject) ?? new Map<string, Valued[number]['passages']>()
      const list = values.get(String(f.value)) ?? []
      list.push({ articleId: a.id, start: f.start, end: f.end, text: f.text, outlet: a.outlet })
      values.set(String(f.value), list)
      bySubject.set(subject, values)
    }
  }
  const out: Disagreement[] = []
  for (const [subject, values] of bySubject) {
    const articlesOf = [...values.values()].map((l) => new Set(l.map((p) => p.articleId)))
    const everyone = new Set(articlesOf.flatMap((s) => [...s]))
    // Different values, and some article that gives the subject does not give every value.
    const differ = values.size > 1 && everyone.size > 1 && articlesOf.some((s) => s.size < everyone.size)
    if (differ) out.push({ kind: 'number', subject, values: [...values].map(([value, passages]) => ({ value, passages })) })
  }
  return out
}

/** Which date each article gives for this round's meeting (its report, or the recall that matches the round). */
function dateDisagreements(round: Round, articles: DetectArticle[]): Disagreement[] {
  const venue = round.venue?.toLowerCase() ?? null
  const given: Array<{ date: EventDate; passage: Valued[number]['passages'][number] }> = []
  for (const a of articles) {
    const events = articleEvents(a)
    const candidates = [events.main, ...events.recalls].filter((m): m is EventMention => m !== null && m.dateSpan !== null)
    const mention =
      candidates.find((m) => venue !== null && m.venue?.toLowerCase() === venue) ??
      (round.articles.find((x) => x.articleId === a.id)?.role === 'reports' ? events.main : null)
    if (!mention?.dateSpan || edtf(mention.date) === null) continue
    given.push({ date: mention.date, passage: { articleId: a.id, ...mention.dateSpan, outlet: a.outlet } })
  }
  const values = new Map<string, Valued[number]['passages']>()
  for (const g of given) values.set(edtf(g.date) as string, [...(values.get(edtf(g.date) as string) ?? []), g.passage])
  const dates = given.map((g) => g.date)
  const clash = dates.some((d, i) => dates.some((e, j) => j > i && !compatible(d, e, 0)))
  if (!clash) return []
  return [{ kind: 'date', subject: 'meeting date', values: [...values].map(([value, passages]) => ({ value, passages })) }]
}
