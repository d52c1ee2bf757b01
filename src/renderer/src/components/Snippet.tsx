import type { SnippetPart } from '@shared/model'

/** Search matches as <mark> around plain text: nothing from the store is ever parsed as HTML. */
export function Snippet({ parts }: { parts: SnippetPart[] }): React.JSX.Element {
  return <>{parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>
}
