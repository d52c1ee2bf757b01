/**
 * File names for the vault: readable (from the title), stable (the same item gets the same name on
 * every export), unique in their folder even on case-insensitive file systems, and valid on macOS,
 * Windows and Linux. Everything but letters, marks and digits becomes `-`, which also drops the
 * characters that break Obsidian links (`# ^ [ ] |`) and the Windows set (`< > : " / \ | ? *`).
 *
 *   const names = new SlugAllocator()
 *   names.take('Iran, US hold talks', 12) // 'iran-us-hold-talks'
 *   names.take('IRAN: US hold talks', 13) // 'iran-us-hold-talks-13'
 */

/** Bytes of the base name (the caller adds `.md`, `.parley-new.md` stays under common 255-byte limits). */
export const MAX_SLUG_BYTES = 100

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
export function cutBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text
  let out = ''
  let bytes = 0
  for (const ch of text) {
    const n = Buffer.byteLength(ch)
    if (bytes + n > max) break
    out += ch
    bytes += n
  }
  return out
}

/** The readable part of a slug: NFC, lower case, letters/marks/digits joined by single dashes. */
export function slugify(title: string, maxBytes = MAX_SLUG_BYTES): string {
  const base = title
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return cutBytes(base, maxBytes).replace(/-+$/, '')
}

/** Hands out unique names in one folder; call in a stable order (by id) so names do not move between exports. */
export class SlugAllocator {
  private readonly used = new Set<string>()

  /** `fallback` names an item without a usable title (`article-12`). */
  take(title: string, id: number, fallback = 'item'): string {
    const suffix = `-${id}`
    let slug = slugify(title)
    if (!slug) slug = `${slugify(fallback) || 'item'}${suffix}`
    if (RESERVED.test(slug) || this.used.has(slug.toLowerCase())) {
      slug = `${slugify(title, MAX_SLUG_BYTES - suffix.length) || slugify(fallback) || 'item'}${suffix}`
    }
    // Still taken (a title that itself ends in "-<id>"): count up, deterministically.
    for (let n = 2; this.used.has(slug.toLowerCase()); n++) {
      const extra = `${suffix}-${n}`
      slug = `${slugify(title, MAX_SLUG_BYTES - extra.length) || 'item'}${extra}`
    }
    this.used.add(slug.toLowerCase())
    return slug
  }
}
