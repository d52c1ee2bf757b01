import { describe, expect, it } from 'vitest'
import { outletMatches } from '../eval/web'

describe('the eval’s outlet scoring', () => {
  it('matches the site’s registrable name in the outlet, or the annotated site name', () => {
    expect(outletMatches('The Example Herald', 'https://www.exampleherald.co.uk/news/1')).toBe(true)
    expect(outletMatches('Herald', 'https://www.exampleherald.co.uk/news/1')).toBe(false)
    expect(outletMatches('The Herald', 'https://www.exampleherald.co.uk/news/1', 'The Herald')).toBe(true)
    expect(outletMatches(null, 'https://www.exampleherald.co.uk/news/1')).toBe(false)
  })

  it('credits a name with an umlaut or ß that its address spells out ("Über" at ueber…), and no other', () => {
    expect(outletMatches('Übermorgen Zeitung', 'https://www.uebermorgen-zeitung.example/a/1')).toBe(true)
    expect(outletMatches('Straßenblatt', 'https://strassenblatt.example/a/1')).toBe(true)
    // Stripped of its marks the name still matches an address that drops them.
    expect(outletMatches('Bärenpost', 'https://barenpost.example/a/1')).toBe(true)
    expect(outletMatches('Übermorgen', 'https://www.uebermorgen-zeitung.example/a/1')).toBe(false)
  })

  it('reads the site from the key of a page without an address ("hard::site-slug.html", "site.slug.html")', () => {
    expect(outletMatches('Example Observer', 'hard::exampleobserver.com-attacks.html')).toBe(true)
    expect(outletMatches('La Example', 'hard::laexample.com.pa-laboral.html')).toBe(true)
    expect(outletMatches('Example', 'hard::example.de.zugverkehr.html')).toBe(true)
    // The slug is not the site.
    expect(outletMatches('Zugverkehr', 'hard::example.de.zugverkehr.html')).toBe(false)
    expect(outletMatches('Attacks', 'hard::exampleobserver.com-attacks.html')).toBe(false)
  })
})
