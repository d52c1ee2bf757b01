import { useEffect, useState } from 'react'

export type Route = { view: 'library' } | { view: 'reader'; id: number }

export function parseRoute(hash: string): Route {
  const m = /^#\/article\/(\d+)/.exec(hash)
  return m ? { view: 'reader', id: Number(m[1]) } : { view: 'library' }
}

export const hrefOf = (route: Route): string => (route.view === 'reader' ? `#/article/${route.id}` : '#/library')

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash))
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(location.hash))
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  return route
}
