import { describe, expect, it } from 'vitest'
import { WARM_UP_STEPS, warmUpStep } from './warm-up'

describe("a worker's warm-up", () => {
  // The worker ends its warm-up silently at the first step that throws (it is only an optimisation):
  // a page the pipeline refused would leave every later path cold without anyone noticing.
  it('prepares every made-up page (text, Markdown, HTML) without an error', () => {
    for (let n = 0; n < WARM_UP_STEPS; n++) expect(() => warmUpStep(n)).not.toThrow()
  })
})
