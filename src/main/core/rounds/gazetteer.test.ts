import { describe, expect, it } from 'vitest'
import { cityKey, cityLabel, cityNamed } from './gazetteer'
import { placeKey } from './places'

describe('gazetteer', () => {
  it('knows a city by its names in several languages and scripts', () => {
    const ids = ['Istanbul', 'İstanbul', 'Estambul', 'Стамбул', 'イスタンブール', '伊斯坦布尔', '이스탄불', 'Κωνσταντινούπολη'].map(
      (n) => cityNamed(n)?.id,
    )
    expect(new Set(ids).size).toBe(1)
    expect(ids[0]).toBeTypeOf('number')
    expect(cityNamed('Genf')?.id).toBe(cityNamed('Geneva')?.id)
    expect(cityNamed('Женева')?.id).toBe(cityNamed('Genève')?.id)
  })

  it('reads a Cyrillic case ending as the city', () => {
    expect(cityNamed('Стамбулі')?.name).toBe('Istanbul')
    expect(cityNamed('Женеве')?.id).toBe(cityNamed('Geneva')?.id)
    expect(cityKey('Женеве')).toBe(cityKey('Geneva'))
  })

  it('shows the form a case ending does not change', () => {
    expect(cityLabel('Стамбулі')).toBe('Стамбул')
    expect(cityLabel('Vienna')).toBe('Vienna')
  })

  it('knows nothing of a word that is no city, and keys it by its placeKey', () => {
    expect(cityNamed('Talks')).toBeNull()
    expect(cityKey('Camp Nowhere')).toBe(placeKey('Camp Nowhere'))
    expect(cityLabel('Camp Nowhere')).toBe('Camp Nowhere')
  })
})

describe('gazetteer and declined forms in Latin letters', () => {
  it('finds a city named in a locative (through placeKey)', () => {
    expect(cityNamed('Stambule')?.name).toBe('Istanbul')
    expect(cityNamed('Ženevě')?.id).toBe(cityNamed('Geneva')?.id)
    expect(cityLabel('Ženevě')).toBe('Ženeva')
  })
})
