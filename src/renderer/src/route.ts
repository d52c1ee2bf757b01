import { useEffect, useState } from 'react'

export type Route =
  | { view: 'library'; attention?: boolean }
  | { view: 'reader'; id: number; highlightId: number | null }
  | { view: 'compare'; ids: number[]; highlightId: number | null; themeId: number | null }
  | { view: 'matrix'; roundId: number | null }
  | { view: 'timeline' }
  | { view: 'themes' }
  | { view: 'notes'; id: number | null }
  | { view: 'passages'; themeId: number | null; roundId: number | 'none' | null }

export function parseRoute(hash: string): Route {
  const article = /^#\/article\/(\d+)(?:\/h\/(\d+))?/.exec(hash)
  if (article) return { view: 'reader', id: Number(article[1]), highlightId: article[2] ? Number(article[2]) : null }
  const notes = /^#\/notes(?:\/(\d+))?/.exec(hash)
  if (notes) return { view: 'notes', id: notes[1] ? Number(notes[1]) : null }
  const compare = /^#\/compare\/?([\d,]*)(?:\/h\/(\d+))?(?:\/t\/(\d+))?/.exec(hash)
  if (compare) {
    const ids = [...new Set((compare[1] ?? '').split(',').filter(Boolean).map(Number))]
      .filter((n) => Number.isSafeInteger(n) && n > 0)
      .slice(0, 4)
    return { view: 'compare', ids, highlightId: compare[2] ? Number(compare[2]) : null, themeId: compare[3] ? Number(compare[3]) : null }
  }
  const matrix = /^#\/matrix(?:\/(\d+))?/.exec(hash)
  if (matrix) return { view: 'matrix', roundId: matrix[1] ? Number(matrix[1]) : null }
  if (hash.startsWith('#/timeline')) return { view: 'timeline' }
  if (hash.startsWith('#/themes')) return { view: 'themes' }
  const passages = /^#\/passages(?:\/(\d+))?(?:\/round\/(\d+|none))?/.exec(hash)
  if (passages)
    return {
      view: 'passages',
      themeId: passages[1] ? Number(passages[1]) : null,
      roundId: passages[2] === 'none' ? 'none' : passages[2] ? Number(passages[2]) : null,
    }
  // #/library/attention opens the Library on the articles missing a date or an outlet.
  return { view: 'library', attention: hash.startsWith('#/library/attention') }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash))
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(location.hash))
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  return route
}
