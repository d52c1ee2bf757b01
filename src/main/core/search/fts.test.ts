import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARTICLE, useTempDir } from '../../../../tests/helpers'
import { openNotebook } from '../notebook'
import { BROAD_MATCHES, toFtsQuery } from './fts'

const tempDir = useTempDir()

describe('search', () => {
  it('turns user text into a safe FTS5 query', () => {
    expect(toFtsQuery('embassy "direct flights" sanc*')).toBe('"embassy" AND "direct flights" AND "sanc"*')
    expect(toFtsQuery('NEAR(a b) OR title:x -y ^z')).toBe('"NEAR" AND "a" AND "b" AND "OR" AND "title" AND "x" AND "y" AND "z"')
    expect(toFtsQuery('  "" * ')).toBeNull()
  })

  it('finds articles by term, phrase and prefix and returns snippets as text runs', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    await notebook.handlers['articles.import']({ files: [{ name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') }] })
    const search = (query: string) =>
      notebook.handlers['articles.search']({ query, limit: 10 }) as Array<{
        snippet: Array<{ text: string; match: boolean }>
        title: Array<{ text: string; match: boolean }>
      }>
    expect(search('freight')).toHaveLength(1)
    expect(search('"green space"')).toHaveLength(1)
    expect(search('"space green"')).toHaveLength(0)
    expect(search('riversi*')).toHaveLength(1)
    // A word found nowhere as typed is widened to the words it begins ("riversi" → riverside): the
    // index stems English only, and this is how other languages' inflected forms are found.
    expect(search('riversi')).toHaveLength(1)
    expect(search('riversidewalk')).toHaveLength(0)
    expect(search('voting')).toHaveLength(1) // porter stemming: voting ~ voted
    const [hit] = search('freight')
    expect(hit!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['freight'])
    expect(hit!.title.map((p) => p.text).join('')).toBe('Council approves new riverside park')
    expect(search('"; DROP TABLE articles; --')).toEqual([])
    notebook.close()
  })

  it('finds the inflected forms of words in other languages when nothing matches as typed (issue 15 item 2)', async () => {
    // SELF-WRITTEN text with invented places: the index stems English only.
    const notebook = openNotebook(join(tempDir(), 'de.parley'))
    const german = [
      'Neue Sanktionen gegen zwei Reedereien',
      'NORDHAFEN (Nordpresse) - Die Regierung hat am Donnerstag neue Sanktionen gegen zwei Reedereien verhängt. Die Inspektoren sollen bei ihren Kontrollen die Häfen wieder besuchen dürfen.',
    ].join('\n\n')
    const russian = [
      'Правительство пригрозило новыми мерами',
      'НОРДГАВАНЬ - Правительство в четверг пригрозило санкциями двум компаниям из Нордгавани, сообщило министерство. Переговоры продолжатся на следующей неделе.',
    ].join('\n\n')
    await notebook.handlers['articles.import']({
      files: [
        { name: 'de.txt', data: Buffer.from(german).toString('base64') },
        { name: 'ru.txt', data: Buffer.from(russian).toString('base64') },
      ],
    })
    const matches = (query: string): string[] =>
      (notebook.handlers['articles.search']({ query, limit: 10 }) as Array<{ snippet: Array<{ text: string; match: boolean }> }>).flatMap(
        (hit) => hit.snippet.filter((p) => p.match).map((p) => p.text),
      )
    expect(matches('Sanktion')).toContain('Sanktionen')
    expect(matches('Kontrolle')).toContain('Kontrollen')
    expect(matches('Inspektor Kontrolle')).toEqual(expect.arrayContaining(['Inspektoren', 'Kontrollen']))
    expect(matches('санкции')).toContain('санкциями')
    // As typed first: a word that is found is not widened ("Sanktionen" is not "Sanktionenliste").
    expect(matches('Sanktionen')).toContain('Sanktionen')
    // Short words stay as typed: "Hafe" is no stem of five letters.
    expect(matches('Hafe')).toEqual([])
    notebook.close()
  })

  it('matches a prefix against words as written (staff* finds staffing), and other queries against stems', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const text = 'Embassy staffing cut\n\nThe embassies were told to reduce staffing by half, officials voted on Monday.\n'
    await notebook.handlers['articles.import']({ files: [{ name: 'staff.txt', data: Buffer.from(text).toString('base64') }] })
    await notebook.handlers['articles.import']({ files: [{ name: 'park.txt', data: Buffer.from(ARTICLE).toString('base64') }] })
    const titles = (query: string) =>
      (notebook.handlers['articles.search']({ query, limit: 10 }) as Array<{ title: Array<{ text: string }> }>).map((h) =>
        h.title.map((p) => p.text).join(''),
      )
    const matched = (query: string) =>
      (notebook.handlers['articles.search']({ query, limit: 10 }) as Array<{ snippet: Array<{ text: string; match: boolean }> }>).flatMap(
        (h) => h.snippet.filter((p) => p.match).map((p) => p.text),
      )
    expect(titles('staff*')).toEqual(['Embassy staffing cut'])
    expect(matched('staff*')).toContain('staffing')
    expect(titles('staffi*')).toEqual(['Embassy staffing cut'])
    expect(titles('embass* staff*')).toEqual(['Embassy staffing cut'])
    expect(titles('staffx*')).toEqual([])
    // Without a prefix, stemming still joins forms of a word.
    expect(titles('embassies')).toEqual(['Embassy staffing cut'])
    expect(titles('voting').sort()).toEqual(['Council approves new riverside park', 'Embassy staffing cut'])
    notebook.close()
  })

  it('ranks narrow queries by relevance and answers broad ones newest first, in bounded time', async () => {
    const notebook = openNotebook(join(tempDir(), 'n.parley'))
    const insert = notebook.db.prepare(
      `INSERT INTO articles (title, source_name, format, encoding, content_hash, body, raw, words, imported_at) VALUES (?, 'x.txt', 'text', 'utf-8', ?, ?, '', 10, '')`,
    )
    notebook.db.transaction(() => {
      for (let i = 0; i < BROAD_MATCHES + 50; i++) insert.run(`Report ${i}`, `h${i}`, `The harbour committee met again ${i}.`)
      insert.run('Lighthouse keeper retires', 'h-a', 'The harbour lighthouse keeper retired after forty years of lighthouse duty.')
      insert.run('Ferry timetable', 'h-b', 'A lighthouse appears once in this ferry story.')
    })()
    const search = (query: string) =>
      notebook.handlers['articles.search']({ query, limit: 20 }) as Array<{ id: number; title: Array<{ text: string }> }>
    const narrow = search('lighthouse')
    expect(narrow.map((h) => h.title.map((p) => p.text).join(''))).toEqual(['Lighthouse keeper retires', 'Ferry timetable'])
    const broad = search('harbour')
    expect(broad).toHaveLength(20)
    const ids = broad.map((h) => h.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(ids[0]).toBe(BROAD_MATCHES + 51)
    notebook.close()
  })
})
