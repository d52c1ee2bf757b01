import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SearchHit, SnippetPart } from '../../../shared/model'
import { useTempDir } from '../../../../tests/helpers'
import type { Db } from '../db/open'
import { openNotebook } from '../notebook'
import { BROAD_MATCHES, decorate, decorateBy, ftsTable, pickIds, searchArticles, toFtsQuery } from './fts'

const tempDir = useTempDir()

// The searchArticles that decorated one row per statement (MATCH + rowid seek per id), kept
// verbatim as the oracle: the one-statement decoration must return exactly what it returned.
const OPEN = '\u0002'
const CLOSE = '\u0003'

function referenceParts(marked: string): SnippetPart[] {
  const out: SnippetPart[] = []
  const re = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g')
  let last = 0
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    if (m.index > last) out.push({ text: marked.slice(last, m.index), match: false })
    out.push({ text: m[1] ?? '', match: true })
    last = m.index + m[0].length
  }
  if (last < marked.length) out.push({ text: marked.slice(last), match: false })
  return out
}

function referenceSearch(db: Db, input: string, limit: number, themeId?: number): SearchHit[] {
  const query = toFtsQuery(input)
  if (!query) return []
  // A query with a prefix runs on the unstemmed index (migration 009), as searchArticles does.
  const fts = ftsTable(query)
  let ids: number[]
  if (themeId !== undefined) {
    const score = db.prepare(`SELECT bm25(${fts}, 5.0, 1.0) AS score FROM ${fts} WHERE ${fts} MATCH ? AND rowid = CAST(? AS INTEGER)`)
    const coded = db.prepare('SELECT DISTINCT article_id FROM highlights WHERE theme_id = ?').pluck().all(themeId) as number[]
    ids = coded
      .flatMap((id) => {
        const row = score.get(query, id) as { score: number } | undefined
        return row ? [{ id, score: row.score }] : []
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, limit)
      .map((r) => r.id)
  } else {
    const matches = db
      .prepare(`SELECT count(*) FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ?)`)
      .pluck()
      .get(query, BROAD_MATCHES + 1) as number
    const sql =
      matches > BROAD_MATCHES
        ? `SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ?`
        : `SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY bm25(${fts}, 5.0, 1.0) LIMIT ?`
    ids = db.prepare(sql).pluck().all(query, limit) as number[]
  }
  const decorate = db.prepare(`
    SELECT highlight(${fts}, 0, '${OPEN}', '${CLOSE}') AS title, snippet(${fts}, 1, '${OPEN}', '${CLOSE}', '…', 16) AS snippet
    FROM ${fts} WHERE ${fts} MATCH ? AND rowid = CAST(? AS INTEGER)`)
  const meta = db.prepare('SELECT id, outlet, published FROM articles WHERE id = ?')
  return ids.flatMap((id) => {
    const text = decorate.get(query, id) as { title: string; snippet: string } | undefined
    const r = meta.get(id) as { id: number; outlet: string | null; published: string | null } | undefined
    return text && r
      ? [{ id: r.id, outlet: r.outlet, published: r.published, title: referenceParts(text.title), snippet: referenceParts(text.snippet) }]
      : []
  })
}

/** mulberry32: a deterministic notebook on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Stems (talk/talks/talked/talking), diacritics, non-Latin scripts, hyphens and apostrophes, so
// the marks exercise porter and unicode61; "harbour" is in every article (a broad query).
const WORDS = `talk talks talked talking embassy embassies diplomat diplomats diplomatic flight flights direct
ceasefire sanction sanctions sanctioned minister ministers café Zürich naïve résumé Москва переговоры
北京 東京 well-known O'Neill staff staffing property properties compound visa visas round rounds envoy
grain corridor port ports harbour lighthouse council vote voted voting agreement agreed 2024 3.5 covid-19`.split(/\s+/)
const FILLER = 'the of and to in a that said for on is was with as by it at from'.split(' ')

function article(r: () => number, i: number): { title: string; body: string; outlet: string | null; published: string | null } {
  const word = (): string => (r() < 0.45 ? FILLER[Math.floor(r() * FILLER.length)] : WORDS[Math.floor(r() * WORDS.length)]) as string
  const sentence = (): string => {
    const n = 4 + Math.floor(r() * 14)
    const w = Array.from({ length: n }, word)
    w[0] = (w[0] as string).charAt(0).toUpperCase() + (w[0] as string).slice(1)
    return `${w.join(' ')}${r() < 0.15 ? ':' : '.'}`
  }
  const paragraphs = Array.from({ length: 1 + Math.floor(r() * 5) }, () =>
    Array.from({ length: 1 + Math.floor(r() * 6) }, sentence).join(' '),
  )
  paragraphs.push(`The harbour note ${i}.`)
  const title = Array.from({ length: 2 + Math.floor(r() * 5) }, word).join(' ')
  const published = r() < 0.8 ? `2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}` : null
  return { title, body: paragraphs.join('\n\n'), outlet: r() < 0.7 ? `Outlet ${i % 7}` : null, published }
}

const QUERIES = [
  // terms: broad (newest first) and narrow (bm25), porter stems, diacritics folded, other scripts
  'harbour',
  'talks',
  'talking',
  'embassy',
  'lighthouse',
  'cafe',
  'zurich',
  'москва',
  '北京',
  'neill',
  'covid',
  '2024',
  'note',
  // several terms (ANDed), phrases, prefixes (indexed 2 and 3 characters, and longer)
  'talk ceasefire',
  'diplomat flights sanctions',
  '"direct flights"',
  '"the embassy"',
  '"well known"',
  '"harbour note"',
  'ta*',
  'emb*',
  'sancti*',
  'dipl* "direct flight"',
  'vot* council',
  'nothingmatches',
]

describe('one-statement decoration', () => {
  it('seeks row by row only for a ranked multi-word phrase and the theme filter', () => {
    const by = (mode: 'ranked' | 'newest' | 'theme', input: string): string => decorateBy(mode, toFtsQuery(input) ?? '')
    expect(by('ranked', 'talk ceasefire')).toBe('range')
    expect(by('ranked', 'dipl* talks')).toBe('range')
    expect(by('ranked', '"direct flights"')).toBe('seek')
    expect(by('ranked', 'talk "rock AND roll"')).toBe('seek')
    expect(by('newest', '"direct flights"')).toBe('range')
    expect(by('theme', 'talk')).toBe('seek')
  })

  it('returns exactly what one statement per row returned: ids, order, title and snippet parts', () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const db = notebook.db
    const r = rng(3)
    const insert = db.prepare(
      `INSERT INTO articles (title, outlet, published, source_name, format, encoding, content_hash, body, raw, words, imported_at)
       VALUES (?, ?, ?, 'x.txt', 'text', 'utf-8', ?, ?, '', 10, '')`,
    )
    const count = BROAD_MATCHES + 400
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const a = article(r, i)
        insert.run(a.title, a.outlet, a.published, `h${i}`, a.body)
      }
    })()
    // A theme coded in scattered articles, for the theme filter.
    const theme = db.prepare('SELECT id FROM themes ORDER BY id LIMIT 1').pluck().get() as number
    const code = db.prepare(
      `INSERT INTO highlights (article_id, theme_id, start, "end", exact, created_at, updated_at) VALUES (?, ?, 0, 3, 'The', '', '')`,
    )
    db.transaction(() => {
      for (let id = 7; id <= count; id += 37) code.run(id, theme)
    })()

    // JSON comparison first: toEqual on thousands of hits is slow, and is only needed to show a difference.
    const same = (actual: SearchHit[], expected: SearchHit[], label: string): number => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, label).toEqual(expected)
      return expected.length
    }
    let compared = 0
    for (const [i, q] of QUERIES.entries()) {
      for (const limit of i % 4 === 0 ? [1, 50, 200] : [50])
        compared += same(searchArticles(db, q, limit), referenceSearch(db, q, limit), `${q} ${limit}`)
      compared += same(searchArticles(db, q, 50, theme), referenceSearch(db, q, 50, theme), `${q} theme`)
      // Both ways of decorating, whichever searchArticles chose for this query.
      const query = toFtsQuery(q)
      for (const themeId of [undefined, theme]) {
        const { ids } = query ? pickIds(db, query, 50, themeId) : { ids: [] }
        if (query) same(decorate(db, query, ids, 'range'), decorate(db, query, ids, 'seek'), `${q} range vs seek`)
      }
    }
    // The notebook really exercised both orders and the marks (not a vacuous comparison).
    expect(compared).toBeGreaterThan(1000)
    expect(searchArticles(db, 'harbour', 5).map((h) => h.id)).toEqual([count, count - 1, count - 2, count - 3, count - 4])
    const stem = searchArticles(db, 'talking', 50).flatMap((h) => h.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase()))
    expect(new Set(stem)).toEqual(new Set(['talk', 'talks', 'talked', 'talking']))
    notebook.close()
  })
})
