import { useEffect, useState } from 'react'
import type { Article, Highlight, Suggestion } from '@shared/model'
import { api, errorMessage } from '../api'
import { useNotebook } from '../state/notebook'

/** An article with its highlights and suggestions, refetched after every change in the notebook. */
export function useArticleCoding(id: number | null): {
  article: Article | null
  highlights: Highlight[]
  suggestions: Suggestion[]
  error: string | null
} {
  const { revision } = useNotebook()
  const [article, setArticle] = useState<Article | null>(null)
  const [highlights, setHighlights] = useState<Highlight[]>([])
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (id === null) return
    let live = true
    api['articles.get']({ id }).then(
      (a) => {
        if (!live) return
        setArticle(a)
        // An article that could not be shown may be back (a deleted one restored).
        setError(null)
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [id, revision])

  useEffect(() => {
    if (id === null) return
    let live = true
    Promise.all([api['highlights.list']({ articleId: id }), api['suggestions.list']({ articleId: id })]).then(
      ([h, s]) => {
        if (!live) return
        setHighlights(h)
        setSuggestions(s)
      },
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [id, revision])

  return { article, highlights, suggestions, error }
}
