import { isSafeLink } from '../../../shared/editor/clean'
import type { Highlight, Note, Round, Theme } from '../../../shared/model'
import type { PassageLink } from '../../../shared/contract-claims'
import { articleTexts, deletedArticleTitles, type ArticleText } from '../articles/export-reads'
import { allLiveHighlights } from '../highlights/reads'
import { allLinks } from '../links/repo'
import { allNotes } from '../notes/repo'
import { allRounds } from '../rounds/repo'
import { listThemes } from '../themes/repo'
import type { ReadableDB } from '../db/types'

/**
 * Everything an export needs, read in one transaction so the files agree with each other. Each part
 * comes from the repository of the feature that owns its tables, as the app's own types.
 */
export interface ExportData {
  articles: ExportArticle[]
  themes: ExportTheme[]
  highlights: Highlight[]
  notes: ExportNote[]
  /** Empty when the notebook has no rounds table yet. */
  rounds: Round[]
  /** Typed links between passages (migration 013); absent in older stores and hand-made data. */
  links?: PassageLink[]
  /** Deleted articles (in the trash, migration 010) by id → title: quotes of them say so. */
  deletedArticles?: Map<number, string>
}

/** An article as the export writes it (the app's Article without raw bytes and edit state). */
export type ExportArticle = ArticleText

/** A theme as the export writes it (the app's Theme, without its keywords, position and count). */
/** parentId: the top-level theme a sub-theme sits under (absent or null: top level). */
export type ExportTheme = Pick<Theme, 'id' | 'name' | 'color' | 'description'> & Partial<Pick<Theme, 'parentId'>>

/** A note as the export writes it (the app's Note, without its excerpt). */
export type ExportNote = Pick<Note, 'id' | 'title' | 'content' | 'roundId' | 'themeId' | 'createdAt' | 'updatedAt'>

export function readExportData(db: ReadableDB): ExportData {
  return db.transaction((): ExportData => {
    const articles = articleTexts(db)
    // Stores made before urls were checked at import and edit may still hold a javascript: or data: url.
    for (const a of articles) if (a.url !== null && !isSafeLink(a.url)) a.url = null
    const themes: ExportTheme[] = listThemes(db).map(({ id, name, color, description, parentId }) => ({
      id,
      name,
      color,
      description,
      parentId,
    }))
    return {
      articles,
      themes,
      highlights: allLiveHighlights(db),
      notes: allNotes(db),
      rounds: allRounds(db),
      links: allLinks(db),
      deletedArticles: deletedArticleTitles(db),
    }
  })()
}
