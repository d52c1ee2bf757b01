import { expect, it } from 'vitest'
import { cityNamed, warmGazetteer } from './gazetteer'

// A file of its own: the table is made once per module, and this test needs it not made yet.
it('makes its table in steps, the event loop getting turns between them', async () => {
  let turns = 0
  let done = false
  const tick = (): void => {
    turns++
    if (!done) setImmediate(tick)
  }
  setImmediate(tick)
  await warmGazetteer().then(() => (done = true))
  expect(turns).toBeGreaterThan(5)
  expect(cityNamed('Wien')?.name).toBe('Vienna')
})
