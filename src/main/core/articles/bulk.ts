import type { ArticleBulkEdit, ArticleBulkPatch, RoundRole } from '../../../shared/model'
import { invalidInput, notFound } from '../errors'
import { getRound, moveArticle } from '../rounds/repo'
import { parseEdits, updateArticleMetadata } from './edits'
import type { WritableDB } from '../db/types'

/**
 * Changes several articles' outlet or date at once (a Library selection), in one transaction.
 * Returns, for Undo, the patches that put each article back: a field the user had set by hand
 * gets its old value again; one Parley had detected is reverted to detection (not pinned as an
 * edit it never was).
 */
export function updateArticles(db: WritableDB, patches: ArticleBulkPatch[]): ArticleBulkEdit {
  return db.transaction(() => {
    const read = db.prepare('SELECT outlet, published, edits FROM articles WHERE id = ?')
    const undo: ArticleBulkPatch[] = []
    for (const patch of patches) {
      const before = read.get(patch.id) as { outlet: string | null; published: string | null; edits: string } | undefined
      if (!before) throw notFound(patches.length === 1 ? 'The article' : `Article ${patch.id}`)
      const edits = parseEdits(before.edits)
      const back: ArticleBulkPatch = { id: patch.id }
      const revert: Array<'outlet' | 'published'> = []
      for (const field of ['outlet', 'published'] as const) {
        if (patch[field] === undefined && !patch.revert?.includes(field)) continue
        const edit = edits[field]
        if (edit) back[field] = edit.value
        else revert.push(field)
      }
      if (revert.length) back.revert = revert
      updateArticleMetadata(db, patch.id, { outlet: patch.outlet, published: patch.published, revert: patch.revert })
      undo.push(back)
    }
    return { changed: patches.length, undo }
  })()
}

/** A membership as it was before an article was placed by hand (for Undo). */
export interface Membership {
  articleId: number
  role: RoundRole
  source: 'detected' | 'user'
}

/**
 * Puts the articles in a round as reporting it (the user's placement, which detection keeps).
 * `added` were not in the round; `promoted` only recalled it ("mentions") and now report it, with
 * what they were, for Undo; articles already reporting it stay as they are.
 */
export function addArticlesToRound(
  db: WritableDB,
  roundId: number,
  ids: number[],
  now: Date,
): { roundId: number; added: number[]; promoted: Membership[] } {
  return db.transaction(() => {
    const members = new Map(getRound(db, roundId).articles.map((a) => [a.articleId, a]))
    const added: number[] = []
    const promoted: Membership[] = []
    for (const id of new Set(ids)) {
      const member = members.get(id)
      if (member?.role === 'reports') continue
      if (member) promoted.push({ articleId: id, role: member.role, source: member.source })
      else added.push(id)
      moveArticle(db, id, null, roundId, 'reports', now)
    }
    return { roundId, added, promoted }
  })()
}

/**
 * Undo of addArticlesToRound: takes the added articles out of the round again without recording
 * the exclusion a user's "remove from round" leaves (detection may place them there, as before),
 * and gives promoted ones back the role and source they had.
 */
export function removeArticlesFromRound(
  db: WritableDB,
  roundId: number,
  ids: number[],
  restore: Membership[] = [],
): { roundId: number; removed: number[] } {
  return db.transaction(() => {
    getRound(db, roundId)
    const remove = db.prepare("DELETE FROM article_rounds WHERE round_id = ? AND article_id = ? AND source = 'user'")
    const removed = [...new Set(ids)].filter((id) => remove.run(roundId, id).changes > 0)
    const back = db.prepare('UPDATE article_rounds SET role = ?, source = ? WHERE round_id = ? AND article_id = ?')
    const restored = restore.filter((m) => back.run(m.role, m.source, roundId, m.articleId).changes > 0)
    if (removed.length === 0 && restored.length === 0 && ids.length + restore.length > 0) {
      throw invalidInput('Those articles were not placed in that round by hand.')
    }
    return { roundId, removed }
  })()
}
