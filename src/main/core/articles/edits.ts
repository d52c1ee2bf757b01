/**
 * The user's metadata edits. Stored per article as JSON in `articles.edits`:
 *
 *   { "outlet": { "value": "Harbour Gazette", "detected": null } }
 *
 * `value` is what the user set (null: deliberately empty); `detected` is what Parley found, so
 * "revert" can go back to it without re-reading the file. Edits win over detection on re-clean
 * and are carried over to a newer version of the article.
 */
import type { Article, ArticleField, ArticlePatch } from '../../../shared/model'
import { isSafeLink } from '../../../shared/editor/clean'
import { invalidInput, notFound } from '../errors'
import { getArticle } from './repo'
import type { WritableDB } from '../db/types'

export const ARTICLE_FIELDS: readonly ArticleField[] = ['title', 'outlet', 'wire', 'author', 'published', 'url']

export type FieldValues = { title: string } & Record<Exclude<ArticleField, 'title'>, string | null>

export type Edits = Partial<Record<ArticleField, { value: string | null; detected: string | null }>>

export function parseEdits(json: string | null | undefined): Edits {
  try {
    const parsed = JSON.parse(json || '{}') as unknown
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    const out: Edits = {}
    for (const field of ARTICLE_FIELDS) {
      const e = (parsed as Record<string, unknown>)[field] as { value?: unknown; detected?: unknown } | undefined
      if (!e || typeof e !== 'object') continue
      const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
      out[field] = { value: str(e.value), detected: str(e.detected) }
    }
    return out
  } catch {
    return {}
  }
}

export const editedFields = (edits: Edits): ArticleField[] => ARTICLE_FIELDS.filter((f) => f in edits)

/**
 * Detected values with the user's edits on top; the edits' `detected` refreshed to what detection
 * says now. The title can never be empty: a cleared title falls back to the detected one.
 *
 *   applyEdits({ ...detected, outlet: null }, { outlet: { value: 'Gazette', detected: null } }).values.outlet → 'Gazette'
 */
export function applyEdits(detected: FieldValues, edits: Edits): { values: FieldValues; edits: Edits } {
  const values = Object.fromEntries(ARTICLE_FIELDS.map((f) => [f, detected[f]])) as Record<ArticleField, string | null>
  const next: Edits = {}
  for (const field of editedFields(edits)) {
    const value = edits[field]?.value ?? null
    values[field] = field === 'title' ? value || detected.title : value
    next[field] = { value, detected: detected[field] }
  }
  // A url read from a file (on import or re-clean) is kept only if it is a web address: it is
  // exported as a link (front matter, CSL-JSON, BibTeX; issue 17 F9).
  if (values.url !== null && !isSafeLink(values.url)) values.url = null
  return { values: values as FieldValues, edits: next }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

function normalize(field: ArticleField, value: string | null): string | null {
  if (value === null) return null
  const v = value.replace(/\s+/g, ' ').trim()
  if (!v) {
    if (field === 'title') throw invalidInput('An article needs a title.')
    return null
  }
  if (field === 'published') {
    const d = new Date(`${v}T00:00:00Z`)
    if (!ISO_DAY.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
      throw invalidInput('published: a date like 2025-02-27')
    }
  }
  // The url reaches front matter, CSL-JSON and BibTeX, where a reader may open it: web addresses only.
  if (field === 'url' && !isSafeLink(v)) throw invalidInput('url: a web address starting with http://, https:// or mailto:')
  return v
}

interface EditableRow extends FieldValues {
  edits: string
}

/**
 * Sets metadata by hand. Each field given is recorded as a user edit that wins over detection;
 * `revert` forgets an edit and restores the detected value. One transaction.
 *
 *   updateArticleMetadata(db, 7, { outlet: 'Harbour Gazette', published: null })
 */
export function updateArticleMetadata(db: WritableDB, id: number, patch: ArticlePatch): Article {
  return db.transaction(() => {
    const row = db.prepare('SELECT title, outlet, wire, author, published, url, edits FROM articles WHERE id = ?').get(id) as
      EditableRow | undefined
    if (!row) throw notFound('The article')
    const edits = parseEdits(row.edits)
    const values: Record<ArticleField, string | null> = {
      title: row.title,
      outlet: row.outlet,
      wire: row.wire,
      author: row.author,
      published: row.published,
      url: row.url,
    }
    for (const field of patch.revert ?? []) {
      const edit = edits[field]
      if (!edit) continue
      values[field] = field === 'title' ? edit.detected || values.title : edit.detected
      delete edits[field]
    }
    for (const field of ARTICLE_FIELDS) {
      if (patch[field] === undefined) continue
      const value = normalize(field, patch[field] ?? null)
      const detected = edits[field] ? (edits[field]?.detected ?? null) : values[field]
      edits[field] = { value, detected }
      values[field] = value ?? (field === 'title' ? values.title : null)
    }
    db.prepare(
      `UPDATE articles SET title = @title, outlet = @outlet, wire = @wire, author = @author, published = @published,
         url = @url, edits = @edits WHERE id = @id`,
    ).run({ ...values, edits: JSON.stringify(edits), id })
    const article = getArticle(db, id)
    if (!article) throw notFound('The article')
    return article
  })()
}
