import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { expect, it } from 'vitest'
import { cityNamed, warmGazetteer } from './gazetteer'

// A file of its own: the table is made once per module, and these tests need it not made yet.

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const heapUsed = (): number => {
  gc()
  return process.memoryUsage().heapUsed
}

it('makes its table in steps, the event loop getting turns between them, in little of the JavaScript heap', async () => {
  const before = heapUsed()
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
  // The main process may hold a 19 MB article in a 64 MB heap while the table is made (the F9 test):
  // strings and objects per name took 15 MB of it.
  expect((heapUsed() - before) / 1e6).toBeLessThan(3)
})
