import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../tests/helpers'
import { addArticle, addRound } from '../export/testkit'
import { openNotebook } from '../notebook'
import { roundSpeakers, type ClaimArticle } from './propose'
import { statementsOf } from './statements'
import { romanize } from './translit'

const tempDir = useTempDir()

// Made-up names and outlets.
const art = (id: number, outlet: string, body: string): ClaimArticle => ({ id, title: `t${id}`, outlet, published: null, body })

describe('speakers across scripts', () => {
  it('romanises Cyrillic as English-language news spells it, and leaves Latin alone', () => {
    expect(romanize('Дмитрий')).toBe('Dmitry')
    expect(romanize('Евгения')).toBe('Yevgeniya')
    expect(romanize('Соловьёва')).toBe('Solovyeva')
    expect(romanize('Захарченко')).toBe('Zakharchenko')
    expect(romanize('Щукин')).toBe('Shchukin')
    expect(romanize('Їжак')).toBe('Yizhak')
    expect(romanize('Petrova')).toBe('Petrova')
    expect(romanize('Müller')).toBe('Müller')
  })

  it('keys a name written in Cyrillic and in Latin letters alike', () => {
    const ru = statementsOf('«Мы откроем новый паром в июне», — заявила Ольга Захарченко журналистам.')
    const en = statementsOf('“We will open the new ferry in June,” Olga Zakharchenko told reporters.')
    expect(ru.find((s) => s.speaker)?.speakerKey).toBe('zakharchenko')
    expect(en.find((s) => s.speaker)?.speakerKey).toBe('zakharchenko')
  })

  it('Who speaks groups the two spellings as one speaker, with both shown', () => {
    const speakers = roundSpeakers([
      art(1, 'Harbour Post', '“We will open the new ferry in June,” Olga Zakharchenko told reporters.'),
      art(2, 'Vesti Porta', '«Мы откроем новый паром в июне», — заявила Ольга Захарченко журналистам.'),
    ])
    const one = speakers.find((s) => s.key === 'zakharchenko')!
    expect(one.outlets.map((o) => o.outlet).sort()).toEqual(['Harbour Post', 'Vesti Porta'])
    expect(one.spellings.some((x) => /Zakharchenko/.test(x))).toBe(true)
    expect(one.spellings.some((x) => /Захарченко/.test(x))).toBe(true)
  })

  it('reads merges stored under Cyrillic keys under the romanised key, and takes them back', async () => {
    const nb = openNotebook(join(tempDir(), 'n.parley'))
    const a = addArticle(
      nb.db,
      'a.txt',
      'Ferry talks\n\nПереговоры о пароме прошли в порту в понедельник, и стороны обсудили расписание на лето.\n\n«Мы откроем новый паром в июне», — заявила Ольга Захарченко журналистам после встречи в порту.\n',
    )
    const b = addArticle(
      nb.db,
      'b.txt',
      'Ferry plans\n\nВ порту обсудили новое расписание парома и цены на билеты для жителей острова.\n\n«Паром будет ходить каждый день», — сказал Иван Сорокин журналистам после встречи в порту.\n',
    )
    const round = addRound(nb.db, 'Ferry talks', '2025-06-01', null, [
      [a, 'reports'],
      [b, 'reports'],
    ])
    nb.db
      .prepare('INSERT INTO speaker_merges (from_key, into_key, from_name, created_at) VALUES (?, ?, ?, ?)')
      .run('сорокин', 'захарченко', 'Иван Сорокин', '2025-06-01T00:00:00Z')
    const h = nb.handlers
    const merged = await h['claims.speakers']({ roundId: round })
    expect(merged.map((s) => [s.key, s.merged.map((m) => m.key)])).toEqual([['zakharchenko', ['sorokin']]])
    await h['claims.unmergeSpeaker']({ from: 'sorokin' })
    expect((await h['claims.speakers']({ roundId: round })).map((s) => s.key).sort()).toEqual(['sorokin', 'zakharchenko'])
    nb.close()
  })
})
