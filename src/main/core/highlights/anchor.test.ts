import { describe, expect, it } from 'vitest'
import { anchor, describe as describeSpan } from './anchor'

const BODY =
  'The delegations met for six hours on Thursday. They agreed to keep talking about staffing at both embassies.\n\nA second round is expected next month, officials said. They agreed to keep talking.'

describe('anchoring', () => {
  const quote = 'They agreed to keep talking about staffing at both embassies.'
  const start = BODY.indexOf(quote)
  const selector = describeSpan(BODY, start, start + quote.length)

  it('keeps 32 characters of context each side', () => {
    expect(selector.prefix).toBe(BODY.slice(start - 32, start))
    expect(selector.suffix).toBe(BODY.slice(start + quote.length, start + quote.length + 32))
  })

  it('anchors by position when the text is unchanged', () => {
    expect(anchor(BODY, selector)).toEqual({ start, end: start + quote.length, how: 'position' })
  })

  it('re-anchors by quote after text was inserted before it', () => {
    const changed = `Editor's note: this story was updated. ${BODY}`
    const found = anchor(changed, selector)
    expect(found.how).toBe('quote')
    if (found.how !== 'orphan') expect(changed.slice(found.start, found.end)).toBe(quote)
  })

  it('uses prefix and suffix to pick the right one of repeated quotes', () => {
    const short = 'They agreed to keep talking'
    const second = BODY.lastIndexOf(short)
    const sel = describeSpan(BODY, second, second + short.length)
    const changed = `Update. ${BODY}`
    const found = anchor(changed, sel)
    expect(found).toMatchObject({ how: 'quote', start: second + 'Update. '.length })
  })

  it('re-anchors fuzzily after a re-clean changed a few characters', () => {
    const changed = BODY.replace('staffing at both embassies', 'staffing at both the embassies').replace('six hours', '6 hours')
    const found = anchor(changed, selector)
    expect(found.how).toBe('fuzzy')
    if (found.how !== 'orphan') expect(changed.slice(found.start, found.end)).toContain('staffing at both the embassies')
  })

  it('reports an orphan, never a wrong place, when the passage is gone', () => {
    const changed = 'A completely different article about harvest festivals in the mountains and the price of apples.'
    expect(anchor(changed, selector)).toEqual({ how: 'orphan' })
  })
})
