import type { Theme, ThemeKeywords } from '../../../shared/model'
import { errors, invalidInput, notFound } from '../errors'
import type { ReadableDB, WritableDB } from '../db/types'

interface ThemeRow {
  id: number
  name: string
  color: string
  description: string
  keywords: string
  position: number
  deleted_at: string | null
  parent_id: number | null
  /** parent_id when that parent is live, else null (a child of a theme in the trash shows at the top). */
  live_parent: number | null
  highlights: number
}

// New themes take the next unused color. Chosen from Okabe–Ito and Paul Tol's palettes to stay apart
// for colour-blind readers (the first four most of all), mid-tone so a margin stripe shows on the light
// and the dark page and text stays readable on the tint, and with no blue: a blue tint reads as a live
// text selection. The seeded themes hold amber, green and purple (migration 016), so a new notebook's
// next themes are red, grey and brown, each far from the seeds; pink (near purple) and teal (near
// green) come last. A new theme takes the first colour no live theme holds, never one already in use
// while the palette has a free one. Existing themes keep their colours.
const PALETTE = ['#aa4499', '#cc3311', '#c98a00', '#009e73', '#767676', '#9c755f', '#e377c2', '#44aa99']

function parseKeywords(json: string): ThemeKeywords {
  try {
    const value = JSON.parse(json) as Partial<ThemeKeywords>
    const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
    return { terms: strings(value.terms), context: strings(value.context) }
  } catch {
    return { terms: [], context: [] }
  }
}

const toTheme = (row: ThemeRow): Theme => ({
  id: row.id,
  name: row.name,
  color: row.color,
  description: row.description,
  keywords: parseKeywords(row.keywords),
  position: row.position,
  highlights: row.highlights,
  parentId: row.live_parent,
})

const SELECT = `SELECT t.*, (SELECT count(*) FROM highlights h WHERE h.theme_id = t.id) AS highlights,
  (SELECT p.id FROM themes p WHERE p.id = t.parent_id AND p.deleted_at IS NULL) AS live_parent FROM themes t`

/**
 * Live themes in codebook order: top-level themes by position, each followed by its sub-themes by
 * position. The Reader's keys 1–9, the Themes and Passages views and the export all read this order,
 * so a key number is the place the user sees the theme in the list.
 */
export function listThemes(db: ReadableDB): Theme[] {
  const flat = (db.prepare(`${SELECT} WHERE t.deleted_at IS NULL ORDER BY t.position, t.id`).all() as ThemeRow[]).map(toTheme)
  return treeOrder(flat)
}

/**
 * Positions renumbered in codebook order, so everything that orders themes by position (the
 * Matrix's columns, export) shows a sub-theme right after its parent, as the Themes view does.
 */
function renumber(db: WritableDB): void {
  const set = db.prepare('UPDATE themes SET position = ? WHERE id = ?')
  listThemes(db).forEach((t, i) => {
    if (t.position !== i + 1) set.run(i + 1, t.id)
  })
}

/** Each theme once: a sub-theme whose parent is not a listed top-level theme stays where it is. */
export function treeOrder(flat: Theme[]): Theme[] {
  const top = new Set(flat.filter((t) => t.parentId === null).map((t) => t.id))
  const under = (t: Theme): boolean => t.parentId !== null && top.has(t.parentId)
  const children = new Map<number, Theme[]>()
  for (const t of flat) if (under(t)) children.set(t.parentId as number, [...(children.get(t.parentId as number) ?? []), t])
  return flat.filter((t) => !under(t)).flatMap((t) => [t, ...(children.get(t.id) ?? [])])
}

/** Any theme by id, deleted or not (for undo); `live` requires it not to be deleted. */
export function getTheme(db: ReadableDB, id: number, options: { live?: boolean } = {}): Theme {
  const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as ThemeRow | undefined
  if (!row || (options.live !== false && row.deleted_at !== null)) throw notFound('The theme')
  return toTheme(row)
}

function ensureUniqueName(db: ReadableDB, name: string, exceptId?: number): void {
  const clash = db
    .prepare('SELECT id FROM themes WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?')
    .get(name, exceptId ?? null)
  if (clash) throw invalidInput(`There is already a theme called “${name}”.`)
}

export interface ThemeInput {
  name: string
  color?: string
  description?: string
  keywords?: ThemeKeywords
}

export function createTheme(db: WritableDB, input: ThemeInput): Theme {
  return db.transaction(() => {
    ensureUniqueName(db, input.name)
    const used = new Set(
      (db.prepare('SELECT color FROM themes WHERE deleted_at IS NULL').pluck().all() as string[]).map((c) => c.toLowerCase()),
    )
    const count = db.prepare('SELECT count(*) FROM themes').pluck().get() as number
    const color = input.color?.toLowerCase() ?? PALETTE.find((c) => !used.has(c)) ?? (PALETTE[count % PALETTE.length] as string)
    const position = ((db.prepare('SELECT max(position) FROM themes WHERE deleted_at IS NULL').pluck().get() as number | null) ?? 0) + 1
    const keywords = input.keywords ?? { terms: defaultTerms(input.name), context: [] }
    const info = db
      .prepare('INSERT INTO themes (name, color, description, keywords, position) VALUES (?, ?, ?, ?, ?)')
      .run(input.name, color, input.description ?? '', JSON.stringify(keywords), position)
    return getTheme(db, Number(info.lastInsertRowid))
  })()
}

/** A new theme's name is its first keywords, so suggestions work before the user writes any. */
function defaultTerms(name: string): string[] {
  return (name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2)
}

export function updateTheme(db: WritableDB, id: number, patch: Partial<ThemeInput>): Theme {
  return db.transaction(() => {
    getTheme(db, id)
    if (patch.name !== undefined) ensureUniqueName(db, patch.name, id)
    db.prepare(
      `UPDATE themes SET name = coalesce(?, name), color = coalesce(?, color), description = coalesce(?, description),
         keywords = coalesce(?, keywords) WHERE id = ?`,
    ).run(
      patch.name ?? null,
      patch.color?.toLowerCase() ?? null,
      patch.description ?? null,
      patch.keywords ? JSON.stringify(patch.keywords) : null,
      id,
    )
    return getTheme(db, id)
  })()
}

export function reorderThemes(db: WritableDB, ids: number[]): Theme[] {
  return db.transaction(() => {
    const live = listThemes(db).map((t) => t.id)
    if (new Set(ids).size !== ids.length || ids.length !== live.length || !ids.every((i) => live.includes(i))) {
      throw invalidInput('The new order must list every theme exactly once.')
    }
    const set = db.prepare('UPDATE themes SET position = ? WHERE id = ?')
    ids.forEach((id, i) => set.run(i + 1, id))
    renumber(db)
    return listThemes(db)
  })()
}

export function deleteTheme(db: WritableDB, id: number, now: Date): Theme {
  const theme = getTheme(db, id)
  db.prepare('UPDATE themes SET deleted_at = ? WHERE id = ?').run(now.toISOString(), id)
  return theme
}

export function restoreTheme(db: WritableDB, id: number): Theme {
  return db.transaction(() => {
    const theme = getTheme(db, id, { live: false })
    ensureUniqueName(db, theme.name, id)
    db.prepare('UPDATE themes SET deleted_at = NULL WHERE id = ?').run(id)
    // Back under its parent, unless that parent became a sub-theme meanwhile (one level): then at the top.
    const parent = db.prepare('SELECT parent_id FROM themes WHERE id = ?').pluck().get(id) as number | null
    if (parent !== null && liveParentOf(db, parent) !== null) db.prepare('UPDATE themes SET parent_id = NULL WHERE id = ?').run(id)
    renumber(db)
    return getTheme(db, id)
  })()
}

const liveParentOf = (db: ReadableDB, id: number): number | null =>
  (db.prepare('SELECT p.id FROM themes t JOIN themes p ON p.id = t.parent_id AND p.deleted_at IS NULL WHERE t.id = ?').pluck().get(id) as
    number | undefined) ?? null

/**
 * Puts a theme under a top-level theme, or back at the top (parentId null). One level only, as a
 * codebook's code and sub-code: a sub-theme cannot have sub-themes and a theme with sub-themes cannot
 * become one (the user moves its sub-themes first). Errors say which rule and which theme.
 */
export function setThemeParent(db: WritableDB, id: number, parentId: number | null): Theme {
  return db.transaction(() => {
    const theme = getTheme(db, id)
    if (parentId === null) {
      db.prepare('UPDATE themes SET parent_id = NULL WHERE id = ?').run(id)
      renumber(db)
      return getTheme(db, id)
    }
    if (parentId === id) throw invalidInput('A theme cannot be its own sub-theme.')
    const parent = getTheme(db, parentId)
    if (parent.parentId !== null) {
      const grand = getTheme(db, parent.parentId)
      throw errors.conflict(
        `“${parent.name}” is itself a sub-theme of “${grand.name}”; sub-themes go one level deep, so choose a top-level theme.`,
      )
    }
    const children = db
      .prepare('SELECT name FROM themes WHERE parent_id = ? AND deleted_at IS NULL ORDER BY position, id')
      .pluck()
      .all(id) as string[]
    if (children.length > 0) {
      throw errors.conflict(`“${theme.name}” has sub-themes (${children.join(', ')}); sub-themes go one level deep, so move them first.`)
    }
    // A parent whose own parent is in the trash becomes top-level for good, so restoring that one
    // cannot make two levels. (restoreTheme checks the same from the other side.)
    db.prepare('UPDATE themes SET parent_id = NULL WHERE id = ?').run(parentId)
    db.prepare('UPDATE themes SET parent_id = ? WHERE id = ?').run(parentId, id)
    renumber(db)
    return getTheme(db, id)
  })()
}

export function mergeThemes(db: WritableDB, sourceId: number, targetId: number, now: Date): number[] {
  return db.transaction(() => {
    getTheme(db, sourceId)
    getTheme(db, targetId)
    const moved = db.prepare('SELECT id FROM highlights WHERE theme_id = ? ORDER BY id').pluck().all(sourceId) as number[]
    db.prepare('UPDATE highlights SET theme_id = ?, updated_at = ? WHERE theme_id = ?').run(targetId, now.toISOString(), sourceId)
    db.prepare('UPDATE themes SET deleted_at = ? WHERE id = ?').run(now.toISOString(), sourceId)
    return moved
  })()
}

export function unmergeThemes(db: WritableDB, sourceId: number, moved: number[], now: Date): Theme {
  return db.transaction(() => {
    const theme = restoreTheme(db, sourceId)
    const back = db.prepare('UPDATE highlights SET theme_id = ?, updated_at = ? WHERE id = ?')
    for (const id of moved) back.run(sourceId, now.toISOString(), id)
    return getTheme(db, theme.id)
  })()
}

export function requireLiveTheme(db: ReadableDB, id: number | null): void {
  if (id === null) return
  const row = db.prepare('SELECT deleted_at FROM themes WHERE id = ?').get(id) as { deleted_at: string | null } | undefined
  if (!row || row.deleted_at !== null) throw notFound('The theme')
}
