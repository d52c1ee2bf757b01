/** Recent notebooks (most recent first), kept by Parley itself because Linux has no OS list. */

export const MAX_RECENT = 10

const key = (path: string, platform: NodeJS.Platform): string => (platform === 'win32' || platform === 'darwin' ? path.toLowerCase() : path)

/** Puts `path` first, without duplicates, at most MAX_RECENT entries. */
export function addRecent(list: readonly string[], path: string, platform: NodeJS.Platform = process.platform): string[] {
  const k = key(path, platform)
  return [path, ...list.filter((p) => key(p, platform) !== k)].slice(0, MAX_RECENT)
}

/** Drops entries whose file is gone (and anything that is not a non-empty string). */
export function pruneRecent(list: unknown, exists: (path: string) => boolean): string[] {
  if (!Array.isArray(list)) return []
  return list.filter((p): p is string => typeof p === 'string' && p.length > 0 && exists(p)).slice(0, MAX_RECENT)
}
