import { expect, it } from 'vitest'
import { remembered } from './remembered'

it('answers each argument once, and forgets all at its limit rather than growing', () => {
  let calls = 0
  const double = remembered((n: number) => {
    calls++
    return n * 2
  }, 3)
  expect([double(1), double(1), double(2)]).toEqual([2, 2, 4])
  expect(calls).toBe(2)
  double(3)
  double(4) // the fourth argument: the table is emptied first
  double(1)
  expect(calls).toBe(5)
})
