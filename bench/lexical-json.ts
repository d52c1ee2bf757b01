/** Serialized Lexical notes for the bench, in the shape the editor saves (see src/shared/editor). */
import type { RefKind } from '../src/shared/editor/RefNode'

export interface JsonNode {
  type: string
  version: number
  [key: string]: unknown
}

export const text = (t: string): JsonNode => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' })

export const paragraph = (children: JsonNode[]): JsonNode => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children,
})

export const headingNode = (t: string, tag = 'h2'): JsonNode => ({
  type: 'heading',
  version: 1,
  tag,
  direction: 'ltr',
  format: '',
  indent: 0,
  children: [text(t)],
})

export const ref = (kind: RefKind, id: number, label: string): JsonNode => ({ type: 'parley-ref', version: 1, kind, id, label })

export interface EvidenceData {
  highlightId: number
  articleId: number
  text: string
  title: string
  outlet: string | null
  published: string | null
}

export const evidence = (e: EvidenceData): JsonNode => ({ type: 'parley-evidence', version: 1, ...e })

export const note = (children: JsonNode[]): { root: JsonNode } => ({
  root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children },
})
