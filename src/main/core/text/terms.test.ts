import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { paragraphs as paragraphSpans } from '../../../shared/body'
import { sentences, type SentenceSpan } from '../../../shared/sentences'
import { eachTerm, isStopWord, stem, terms } from './terms'

describe('terms', () => {
  it('meets inflected forms on one stem', () => {
    const same = (a: string, b: string): void => expect(stem(a), `${a} ~ ${b}`).toBe(stem(b))
    same('staffing', 'staff')
    same('staffed', 'staff')
    same('flights', 'flight')
    same('expelled', 'expel')
    same('properties', 'property')
    same('compounds', 'compound')
    same('seized', 'seize')
    same('restoring', 'restore')
    same('embassies', 'embassy')
    same("Russia's", 'Russia')
    expect(stem('bus')).toBe('bus')
    expect(stem('access')).toBe('access')
  })

  it('keeps content words only', () => {
    expect(terms('The talks were held in Geneva, officials said.')).toEqual(['talk', 'held', 'geneva', 'official'])
  })

  // The first implementation, kept as the definition: the scanner in terms.ts must give exactly this.
  const reference = (text: string): string[] =>
    (text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? [])
      .flatMap((w) => w.split('-'))
      .filter((w) => w.length > 1 && !isStopWord(w))
      .map(stem)

  it('tokenizes exactly as the regular-expression definition, on the seeds and on awkward text', () => {
    const seeds = join(__dirname, '../../../../seeds')
    const texts = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(seeds, f), 'utf8'))
    texts.push(
      "rock-'n'-roll don’t Ünïcödé naïve x²³ 東京都 ١٢٣ -lead 'quoted' it's-a--b well-- --x Ⅻ ½ é\u0301t\u00e9",
      '\u{1D400}abc-\u{1D401} \u{1F600}smile \uD800lone \uDC00low a\uD835 İstanbul ΟΔΟΣ Straße',
      'The U.S.-Russia talks’ staff; Embassy’s properties — flights/visas (2024-25) e-mail co-operation',
    )
    // Random mixes of the characters that matter to the scanner.
    const alphabet = [
      'a',
      'B',
      'é',
      'ß',
      '1',
      '-',
      "'",
      '’',
      ' ',
      '.',
      '\u{1D400}',
      '\uD800',
      '東',
      'ing',
      'ies',
      'the',
      '\n',
      '\u0301',
      'व',
      '\u093e',
      '\u{1D167}',
    ]
    let seed = 7
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    for (let k = 0; k < 300; k++) texts.push(Array.from({ length: 1 + random(60) }, () => alphabet[random(alphabet.length)]).join(''))
    for (const text of texts) {
      expect(terms(text)).toEqual(reference(text))
      // A slice of the text, scanned in place.
      const from = random(text.length + 1)
      const to = from + random(text.length - from + 1)
      const seen: string[] = []
      eachTerm(text, (t) => seen.push(t), from, to)
      expect(seen, JSON.stringify(text.slice(from, to))).toEqual(reference(text.slice(from, to)))
    }
  })

  it('stays exact when its table of words grows past its bound', () => {
    const many = Array.from({ length: 210_000 }, (_, i) => `w${i.toString(36)}ing`).join(' ')
    expect(terms(many)).toEqual(reference(many))
    expect(terms('Staffing at the embassies')).toEqual(['staff', 'embassy'])
  })
})

describe('sentences', () => {
  // The first implementation, kept as the definition.
  const ABBREVIATIONS =
    /(?:^|\s|\()(?:[A-Z]\.){1,}$|(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|etc|approx|est|Mt|Ft|Ave|Blvd|Dept|Gov|Pres|Rev|Hon)\.$/
  const reference = (body: string): SentenceSpan[] => {
    const out: SentenceSpan[] = []
    const push = (start: number, end: number, paragraph: number): void => {
      while (end > start && /\s/.test(body[end - 1] as string)) end--
      while (start < end && /\s/.test(body[start] as string)) start++
      if (end > start) out.push({ start, end, text: body.slice(start, end), paragraph })
    }
    paragraphSpans(body).forEach((p, paragraph) => {
      const text = body.slice(p.start, p.end)
      const boundary = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu
      let from = 0
      for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
        const end = m.index + m[0].length
        if (ABBREVIATIONS.test(text.slice(Math.max(from, end - 12), end)) && m[0] === '.') continue
        push(p.start + from, p.start + end, paragraph)
        from = end
        while (from < text.length && /\s/.test(text[from] as string)) from++
      }
      push(p.start + from, p.end, paragraph)
    })
    return out
  }

  it('splits exactly as the first implementation, on the seeds and on awkward text', () => {
    const seeds = join(__dirname, '../../../../seeds')
    const texts = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(seeds, f), 'utf8'))
    const alphabet = [
      'A',
      'b',
      ' ',
      '\u00a0',
      '\u2003',
      '\n',
      '\n\n',
      '.',
      '!',
      '?',
      '…',
      '"',
      '”',
      ')',
      '1',
      'Mr.',
      'U.S.',
      'É',
      '\t',
      '“',
    ]
    let seed = 11
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    for (let k = 0; k < 400; k++) texts.push(Array.from({ length: 1 + random(80) }, () => alphabet[random(alphabet.length)]).join(''))
    for (const text of texts) expect(sentences(text), JSON.stringify(text)).toEqual(reference(text))
  })

  it('splits a body into sentences with exact offsets, not at abbreviations or decimals', () => {
    const body =
      'The U.S. Embassy in Moscow said on Feb. 27 that talks would go on. Growth was 3.5 percent! "We agree," he said.\n\nA second paragraph (with Mr. Smith) ends here.'
    const spans = sentences(body)
    expect(spans.map((s) => s.text)).toEqual([
      'The U.S. Embassy in Moscow said on Feb. 27 that talks would go on.',
      'Growth was 3.5 percent!',
      '"We agree," he said.',
      'A second paragraph (with Mr. Smith) ends here.',
    ])
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text)
    expect(spans.map((s) => s.paragraph)).toEqual([0, 0, 0, 1])
  })

  it('splits scripts without capitals: Chinese and Japanese full stops, Arabic, Hindi and Korean stops before a word', () => {
    const texts = (body: string): string[] => sentences(body).map((s) => s.text)
    expect(texts('双方举行了会谈。会谈持续了五个小时！下一轮会谈将在下月举行。')).toEqual([
      '双方举行了会谈。',
      '会谈持续了五个小时！',
      '下一轮会谈将在下月举行。',
    ])
    expect(texts('両国の代表団が協議した。協議は6時間続いた。')).toEqual(['両国の代表団が協議した。', '協議は6時間続いた。'])
    expect(texts('عقد الوفدان محادثات يوم الخميس. واتفق الجانبان على مواصلة الحوار؟ نعم.')).toEqual([
      'عقد الوفدان محادثات يوم الخميس.',
      'واتفق الجانبان على مواصلة الحوار؟',
      'نعم.',
    ])
    expect(texts('दोनों प्रतिनिधिमंडलों ने बातचीत की। अगली बैठक अगले महीने होगी।')).toEqual([
      'दोनों प्रतिनिधिमंडलों ने बातचीत की।',
      'अगली बैठक अगले महीने होगी।',
    ])
    expect(texts('양측 대표단이 협의했다. 다음 회의는 다음 달에 열린다.')).toEqual([
      '양측 대표단이 협의했다.',
      '다음 회의는 다음 달에 열린다.',
    ])
  })
})

describe('terms in scripts that write vowels as marks', () => {
  it('keeps a Devanagari word whole, its vowel signs with it', () => {
    expect(terms('वियना में हुई वार्ता में समझौते पर बात हुई')).toEqual(['वियना', 'में', 'हुई', 'वार्ता', 'में', 'समझौते', 'पर', 'बात', 'हुई'])
    // A mark never opens a word.
    expect(terms('\u093e वार्ता')).toEqual(['वार्ता'])
  })
})
