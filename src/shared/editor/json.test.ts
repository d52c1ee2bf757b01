import { describe, expect, it } from 'vitest'
import { quotedHighlights } from './json'

const evidence = (highlightId: unknown): object => ({ type: 'parley-evidence', highlightId, articleId: 1, text: 'x' })

describe('quotedHighlights', () => {
  it('lists the highlights a note quotes, each once, in order, nested ones included; a damaged node is skipped', () => {
    const content = {
      root: {
        type: 'root',
        children: [
          evidence(7),
          { type: 'paragraph', children: [{ type: 'text', text: 'between' }] },
          { type: 'list', children: [{ type: 'listitem', children: [evidence(3), null, evidence('9')] }] },
          evidence(7),
          evidence(2.5),
        ],
      },
    }
    expect(quotedHighlights(content)).toEqual([7, 3])
    expect(quotedHighlights(null)).toEqual([])
    expect(quotedHighlights({ root: 'not a node' })).toEqual([])
  })
})
