import { isSafeLink } from '../../../shared/editor/clean'
import type { Note, Theme } from '../../../shared/model'
import type { Db } from '../db/open'
import { allNotes } from '../notes/repo'
import { listThemes } from '../themes/repo'
import { listRounds } from '../rounds/repo'
import { allLinks } from '../links/repo'
import type { PassageLink } from '../../../shared/contract-claims'

/** Everything an export needs, read in one transaction so the files agree with each other. */
export interface ExportData {
  articles: ExportArticle[]
  themes: ExportTheme[]
  highlights: ExportHighlight[]
  notes: ExportNote[]
  /** Empty when the notebook has no rounds table yet. */
  rounds: ExportRound[]
  /** Typed links between passages (migration 013); absent in older stores and hand-made data. */
  links?: PassageLink[]
  /** Deleted articles (in the trash, migration 010) by id → title: quotes of them say so. */
  deletedArticles?: Map<number, string>
}

export interface ExportArticle {
  id: number
  title: string
  outlet: string | null
  wire: string | null
  author: string | null
  published: string | null
  url: string | null
  body: string
  importedAt: string
}

/** A theme as the export writes it (the app's Theme, without its keywords, position and count). */
export type ExportTheme = Pick<Theme, 'id' | 'name' | 'color' | 'description'>

export interface ExportHighlight {
  id: number
  articleId: number
  themeId: number | null
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  comment: string
  orphan: boolean
  createdAt: string
}

/** A note as the export writes it (the app's Note, without its excerpt). */
export type ExportNote = Pick<Note, 'id' | 'title' | 'content' | 'roundId' | 'themeId' | 'createdAt' | 'updatedAt'>

export interface ExportRound {
  id: number
  title: string
  date: string | null
  venue: string | null
  participants: string[]
  summary: string
  articles: Array<{ articleId: number; role: 'reports' | 'mentions' }>
}

const hasTable = (db: Db, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined

function readRounds(db: Db): ExportRound[] {
  // Rounds arrived with migration 004; an older store simply has none.
  if (!hasTable(db, 'rounds') || !hasTable(db, 'article_rounds')) return []
  return listRounds(db).map((r) => ({
    id: r.id,
    title: r.title,
    date: r.date,
    venue: r.venue,
    participants: r.participants,
    summary: r.summary,
    articles: r.articles.map((a) => ({ articleId: a.articleId, role: a.role })),
  }))
}

export function readExportData(db: Db): ExportData {
  return db.transaction((): ExportData => {
    const articles = db
      .prepare(`SELECT id, title, outlet, wire, author, published, url, body, imported_at AS importedAt FROM articles ORDER BY id`)
      .all() as ExportArticle[]
    // Stores made before urls were checked at import and edit may still hold a javascript: or data: url.
    for (const a of articles) if (a.url !== null && !isSafeLink(a.url)) a.url = null
    const themes: ExportTheme[] = listThemes(db).map(({ id, name, color, description }) => ({ id, name, color, description }))
    // Highlights of deleted themes are hidden in the app until the theme comes back; so here too.
    const highlights = (
      db
        .prepare(
          `SELECT h.id, h.article_id AS articleId, h.theme_id AS themeId, h.start, h."end", h.exact, h.prefix, h.suffix,
             h.comment, h.anchor, h.created_at AS createdAt
           FROM highlights h LEFT JOIN themes t ON t.id = h.theme_id
           WHERE h.theme_id IS NULL OR t.deleted_at IS NULL ORDER BY h.article_id, h.start, h."end", h.id`,
        )
        .all() as Array<Omit<ExportHighlight, 'orphan'> & { anchor: string }>
    ).map(({ anchor, ...h }) => ({ ...h, orphan: anchor === 'orphan' }))
    const notes = hasTable(db, 'notes') ? allNotes(db) : []
    const deletedArticles = new Map(
      hasTable(db, 'deleted_articles')
        ? (db.prepare('SELECT id, title FROM deleted_articles').all() as Array<{ id: number; title: string }>).map(
            (d) => [d.id, d.title] as const,
          )
        : [],
    )
    return { articles, themes, highlights, notes, rounds: readRounds(db), links: allLinks(db), deletedArticles }
  })()
}
