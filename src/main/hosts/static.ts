import { existsSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
}

/**
 * Maps a URL path to a file inside `root`, or null. Rejects encoded traversal (`..%2f`),
 * backslashes, NUL bytes and anything that normalises outside the root.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%[0-9a-f]{2}/i.test(decoded)) return null
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  if (relative.split(/[/\\]/).includes('..')) return null
  const base = normalize(root)
  const full = join(base, relative || 'index.html')
  if (full !== base && !full.startsWith(base.endsWith(sep) ? base : base + sep)) return null
  if (!existsSync(full) || !statSync(full).isFile()) return null
  return full
}

export function mimeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
}
