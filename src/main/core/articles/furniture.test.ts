import { describe, expect, it } from 'vitest'
import { words } from '../text/words'
import { furnitureDensity, isTimestamp } from './furniture'

const stamp = (line: string): boolean => isTimestamp(line, words(line).length)

describe('isTimestamp', () => {
  it('reads a date line in any language: a date with a few words beside it, or a "published" word', () => {
    expect(stamp('Stand: 5. Februar 2020')).toBe(true)
    expect(stamp('14 lutego 2020')).toBe(true)
    expect(stamp('Veröffentlicht am Dienstag')).toBe(true)
    expect(stamp('Mis à jour le mardi')).toBe(true)
  })

  it('leaves sentences and lines that only mention a date', () => {
    expect(stamp('Die Sitzung fand am 5. Februar 2020 statt.')).toBe(false)
    expect(stamp('Stand up for the rights of tenants')).toBe(false)
    expect(stamp('Bericht vom 9.6.2015 mit der offiziellen Beschreibung des Herstellers')).toBe(false)
  })
})

describe('furnitureDensity', () => {
  it('counts the chrome words of other languages, not their prose words', () => {
    expect(furnitureDensity(words('Artikel teilen und kommentieren'))).toBe(0.5)
    expect(furnitureDensity(words('Die Suche nach mehr Kontakt'))).toBe(0)
  })
})
