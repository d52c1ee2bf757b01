/**
 * Import in any language and from whole-page copies: the behaviours `npm run eval` measures on real
 * pages, pinned here on small made-up ones (no corpus text) so that a change that breaks one fails
 * at once. The real figures live in the eval; these say what each rule is for.
 */
import { describe, expect, it } from 'vitest'
import { findDates } from './dates'
import { chooseTitle, siteFromUrl } from './html'
import { urlDate } from './page-date'
import { prepareArticle } from './prepare'
import { detectLanguage } from '../text/language'
import { stopWordsOf } from '../text/stopwords'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

const GERMAN = [
  'Die Verhandlungen zwischen den beiden Delegationen wurden am Dienstag in der Hauptstadt fortgesetzt, wie beide Seiten mitteilten.',
  'Nach Angaben der Teilnehmer ging es vor allem um die Zahl der Diplomaten und um die Rückgabe von Gebäuden, die vor Jahren beschlagnahmt worden waren.',
  'Ein Sprecher sagte, man sei einer Einigung näher gekommen, doch viele Fragen seien noch offen und würden bei einem weiteren Treffen besprochen.',
]

describe('import in any language', () => {
  it('tells the languages of European news that have fewer speakers (Finnish, Danish, Slovak, Estonian, Hebrew)', () => {
    expect(
      detectLanguage(
        'Kaupunginvaltuusto päätti tiistaina, että sataman korjaustyöt jatkuvat ensi viikolla kahden kuukauden tauon jälkeen.',
      ),
    ).toBe('fi')
    expect(detectLanguage('Byrådet besluttede tirsdag, at arbejdet på havnen genoptages i næste uge efter en pause på to måneder.')).toBe(
      'da',
    )
    expect(
      detectLanguage(
        'Mestské zastupiteľstvo v utorok rozhodlo, že práce v prístave budú pokračovať budúci týždeň po dvojmesačnej prestávke.',
      ),
    ).toBe('sk')
    expect(
      detectLanguage('Linnavolikogu otsustas teisipäeval, et sadama remonditööd jätkuvad järgmisel nädalal pärast kahekuulist pausi.'),
    ).toBe('et')
    expect(detectLanguage('מועצת העיר החליטה ביום שלישי כי עבודות הנמל יתחדשו בשבוע הבא לאחר הפסקה של חודשיים.')).toBe('he')
  })

  it('detects the language and knows its function words', () => {
    expect(detectLanguage(GERMAN.join(' '))).toBe('de')
    expect(detectLanguage('The talks resumed on Tuesday in the capital, and both sides said that progress had been made.')).toBe('en')
    expect(stopWordsOf('de').has('und')).toBe(true)
    // A run without spaces (an encoded link) says nothing about the language.
    expect(detectLanguage(`${'a'.repeat(5000)} ${GERMAN.join(' ')}`)).toBe('de')
  })

  it('keeps a German page that Readability reads: its text is not dropped for not being English', () => {
    const html = `<!doctype html><html lang="de"><head><title>Gespräche fortgesetzt | Beispielzeitung</title>
      <meta property="og:site_name" content="Beispielzeitung"><meta property="article:published_time" content="2021-04-06T10:00:00+02:00"></head>
      <body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav><article><h1>Gespräche fortgesetzt</h1>
      ${GERMAN.map((p) => `<p>${p}</p>`).join('')}<p>Mehr zum Thema</p></article></body></html>`
    const a = prepareArticle({ name: 'seite.html', bytes: enc(html) })
    expect(a.title).toBe('Gespräche fortgesetzt')
    expect(a.outlet).toBe('Beispielzeitung')
    expect(a.published).toBe('2021-04-06')
    for (const p of GERMAN) expect(a.body).toContain(p)
    expect(a.body).not.toContain('Mehr zum Thema')
  })

  it('imports Chinese text, whose sentences have no spaces between words', () => {
    const zh =
      '双方代表团星期二在首都继续举行会谈，讨论外交人员数量和被没收财产的归还问题。一位发言人说，双方已经接近达成协议，但仍有许多问题需要在下一次会议上讨论。'
    const a = prepareArticle({ name: 'zh.txt', bytes: enc(`会谈继续举行\n\n${zh}\n\n${zh.replace('星期二', '星期三')}`) })
    expect(a.body).toContain('双方代表团星期二')
  })
})

describe('dates written in many languages', () => {
  it('reads ISO, numeric and month-name forms, and no date without a year', () => {
    const dates = (s: string): string[] => findDates(s).map((d) => d.date)
    expect(dates('Stand: 25.01.2022')).toEqual(['2022-01-25'])
    expect(dates('5. November 2021, 10:39 Uhr')).toEqual(['2021-11-05'])
    expect(dates('le 3 mars 2020')).toEqual(['2020-03-03'])
    expect(dates('12 de abril de 2025')).toEqual(['2025-04-12'])
    expect(dates('2020年8月16日')).toEqual(['2020-08-16'])
    expect(dates('April 12, 2025')).toEqual(['2025-04-12'])
    expect(findDates('03/04/2020', { monthFirst: true })[0]?.date).toBe('2020-03-04')
    expect(findDates('03/04/2020')[0]?.date).toBe('2020-04-03')
    expect(dates('on 27 February at the talks')).toEqual([])
    // Arabic (Levantine and Egyptian names, Arabic-Indic digits), Persian digits, Hebrew, Korean, Vietnamese, Bulgarian.
    expect(dates('الجمعة 24 نيسان / أبريل 2020 09:22 مساءً')).toEqual(['2020-04-24'])
    expect(dates('الأربعاء، ٠٧ أكتوبر ٢٠٢٠')).toEqual(['2020-10-07'])
    expect(dates('١٥ تشرين الأول ٢٠١٩')).toEqual(['2019-10-15'])
    expect(dates('۱۲ مه ۲۰۲۱')).toEqual(['2021-05-12'])
    expect(dates('פורסם ב-24 באפריל 2020')).toEqual(['2020-04-24'])
    expect(dates('2020년 4월 24일 오후')).toEqual(['2020-04-24'])
    expect(dates('Thứ Sáu, ngày 24 tháng 4 năm 2020')).toEqual(['2020-04-24'])
    expect(dates('24 април 2020 г.')).toEqual(['2020-04-24'])
    expect(dates('Fri Feb 18 10:27:24 2022')).toEqual(['2022-02-18'])
    expect(urlDate('https://example.org/news/2020/08/16/talks-resume')).toBe('2020-08-16')
  })

  it('takes a page date from its markup before Readability removes the element, and never a future one', () => {
    const body = GERMAN.map((p) => `<p>${p}</p>`).join('')
    const dated = `<html><body><div class="post-meta"><span class="date">01.12.2021</span></div><article><h1>Titel der Meldung hier</h1>${body}</article></body></html>`
    expect(prepareArticle({ name: 'a.html', bytes: enc(dated) }).published).toBe('2021-12-01')
    const future = `<html><head><meta name="date" content="2999-01-01"></head><body><article><h1>Titel der Meldung hier</h1>${body}</article></body></html>`
    expect(prepareArticle({ name: 'b.html', bytes: enc(future) }).published).toBeNull()
  })
})

describe('headlines and outlets', () => {
  it('prefers the h1 a meta title confirms, and cuts the site name from a page title', () => {
    expect(chooseTitle(['Bohren, bis es heiß wird'], ['Klimaschutz: Bohren, bis es heiß wird', null], 'Beispiel', null)).toBe(
      'Bohren, bis es heiß wird',
    )
    expect(chooseTitle([], ['Pour la suite des négociations - Exemple Média'], null, 'https://www.exemple-media.fr/x')).toBe(
      'Pour la suite des négociations',
    )
    expect(siteFromUrl('https://www.bbc.co.uk/news/1')).toBe('bbc.co.uk')
    // A title part at either end that holds the site's name, or a blog's archive label, is cut.
    expect(
      chooseTitle([], ['Athletes ready for the games - European Games Beispielstadt2030'], null, 'https://beispielstadt2030.example/a'),
    ).toBe('Athletes ready for the games')
    expect(chooseTitle([], ['Blog Archive » Interning small integers'], null, null)).toBe('Interning small integers')
  })

  const page = (head: string, h1: string): Uint8Array =>
    enc(
      `<html><head>${head}</head><body><header>${h1}</header><article><h2>x</h2>${GERMAN.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    )

  it('reads an <h1> without its kicker, its inline styles or its screen-reader-only text', () => {
    const h1 =
      '<h1><style>.k{display:block}</style><span class="article-kicker">Verhandlungen</span><span class="visually-hidden">: </span><span>Neue Runde in der Hauptstadt</span></h1>'
    const got = prepareArticle({ name: 'k.html', bytes: page('<title>Verhandlungen: Neue Runde in der Hauptstadt | Beispiel</title>', h1) })
    expect(got.title).toBe('Neue Runde in der Hauptstadt')
  })

  it('takes an <h1> that only links home for the masthead: cut from the page title, never the headline', () => {
    const h1 = '<h1><a href="https://www.beispielblog.de/">Beispielblog</a></h1>'
    const got = prepareArticle({
      name: 'm.html',
      bytes: page(
        '<title>Neue Runde in der Hauptstadt : Beispielblog</title><link rel="canonical" href="https://www.beispielblog.de/2020/05/runde">',
        h1,
      ),
    })
    expect(got.title).toBe('Neue Runde in der Hauptstadt')
    expect(got.outlet).toBe('Beispielblog')
  })

  it('keeps a headline that names the site, and drops soft hyphens', () => {
    const h1 = '<h1>Beispiel-Präsidentin ge\u00adwählt</h1>'
    const got = prepareArticle({
      name: 's.html',
      bytes: page('<meta property="og:site_name" content="Beispiel"><title>Wahl: Beispiel-Präsidentin gewählt</title>', h1),
    })
    expect(got.title).toBe('Beispiel-Präsidentin gewählt')
  })

  it("names an archived copy's outlet after the archived site", () => {
    const got = prepareArticle({
      name: 'a.html',
      bytes: page(
        '<link rel="canonical" href="https://web.archive.example/web/20160330101229/http://www.beispielzeitung.de/politik/runde">',
        '<h1>Neue Runde</h1>',
      ),
    })
    expect(got.outlet).toBe('beispielzeitung.de')
  })
})

describe('whole-page text copies', () => {
  const lead =
    'Officials from the two countries will travel to the capital next week as part of efforts to revive the agreement, although they will not hold direct talks, diplomats said on Friday.'
  const second =
    'The aim was to reach an agreement within two months, said a senior official, who spoke on condition of anonymity because the talks are confidential and continue next week.'

  it('reads an ISO date opening the copy as the publication date and keeps it out of the headline', () => {
    const a = prepareArticle({
      name: 'copy.txt',
      bytes: enc(`2021-04-02 Both sides to meet in the capital for talks\n\n${lead}\n\n${second}`),
    })
    expect(a.published).toBe('2021-04-02')
    expect(a.title).toBe('Both sides to meet in the capital for talks')
  })

  it('takes a Chinese headline over the date-and-source line under it', () => {
    const text = [
      '首页 > 国际 > 正文',
      '港口城市两国代表团举行新一轮磋商',
      '2024年03月12日 09:15 来源：港口日报',
      '两国代表团12日在港口城市举行新一轮磋商，讨论恢复直航和使馆人员编制问题。会谈持续了五个多小时，双方表示将继续保持沟通。',
      '据介绍，双方同意在下个月举行下一轮会谈，具体日期将通过外交渠道商定。',
    ].join('\n')
    const a = prepareArticle({ name: 'copy.txt', bytes: enc(text) })
    expect(a.title).toBe('港口城市两国代表团举行新一轮磋商')
    expect(a.published).toBe('2024-03-12')
  })

  it('reads an Arabic dateline agency as the wire and the footer copyright line as the outlet', () => {
    const text = [
      'الرئيسية | أخبار',
      'محادثات جديدة بين الوفدين في الميناء',
      'الميناء (وكالة الأنباء) - عقد الوفدان يوم الثلاثاء محادثات استمرت أكثر من خمس ساعات بشأن عمل البعثات الدبلوماسية وإعادة الرحلات المباشرة بين البلدين.',
      'وقال متحدث باسم الوزارة إن الجانبين اتفقا على مواصلة الحوار وعقد جولة جديدة من المحادثات في الشهر المقبل.',
      'جميع الحقوق محفوظة © 2024 جريدة الميناء',
    ].join('\n')
    const a = prepareArticle({ name: 'copy.txt', bytes: enc(text) })
    expect(a.title).toBe('محادثات جديدة بين الوفدين في الميناء')
    expect(a.wire).toBe('وكالة الأنباء')
    expect(a.outlet).toBe('جريدة الميناء')
  })

  it('finds the headline under a menu, and the date line between it and the lead, but not a caption date', () => {
    const menu = ['Home', 'World', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion', 'Video', 'Podcasts', 'Newsletters']
    const text = [
      ...menu,
      'Both sides to meet in the capital for talks',
      'The envoy at an earlier meeting, June 20, 2019. (Jane Roe/Agency)',
      '2 April 2021, 10:14',
      lead,
      second,
    ].join('\n')
    const a = prepareArticle({ name: 'page.txt', bytes: enc(text) })
    expect(a.title).toBe('Both sides to meet in the capital for talks')
    expect(a.published).toBe('2021-04-02')
    expect(a.body).not.toContain('Newsletters')
  })

  it('finds the headline above a short first paragraph, not the subhead above the first long one', () => {
    const text = [
      'Skip to content',
      'Home',
      'World news',
      'Latest stories',
      'Business',
      'Sport',
      'Culture',
      'Envoys agree to meet again next month',
      'By Jane Roe',
      '3 May 2022',
      'The envoys met for four hours on Tuesday and said that they had made progress on most of the open questions.',
      'What the two sides agreed on',
      lead,
      second,
      lead.replace('Friday', 'Monday'),
      second.replace('two months', 'three months'),
      'Share this article',
      'Related stories',
    ].join('\n')
    const a = prepareArticle({ name: 'page.txt', bytes: enc(text) })
    expect(a.title).toBe('Envoys agree to meet again next month')
    expect(a.published).toBe('2022-05-03')
  })

  it('splits a page-title line into headline, site and date', () => {
    const a = prepareArticle({
      name: 't.txt',
      bytes: enc(`Both sides to meet in the capital for talks | News | Example Post | 02.04.2021\n\n${lead}\n\n${second}`),
    })
    expect(a.title).toBe('Both sides to meet in the capital for talks')
    expect(a.outlet).toBe('Example Post')
    expect(a.published).toBe('2021-04-02')
  })
})

describe('agency datelines in Japanese, Korean and Chinese', () => {
  const wireOf = (lead: string): string | null =>
    prepareArticle({
      name: 'copy.txt',
      bytes: new TextEncoder().encode(
        ['港湾の協議', lead, '協議は六時間以上続いた。双方は対話を続けることで一致した。', '次回の日程は未定だ。'].join('\n\n'),
      ),
    }).wire

  it('reads the agency of 【CITY=AGENCY】, (CITY=AGENCY) and AGENCY社CITY…日电 as the wire', () => {
    expect(wireOf('【ジュネーブ=港湾通信】両国の代表団は27日、港の運営について協議した。')).toBe('港湾通信')
    expect(wireOf('(제네바=항구통신) 양국 대표단은 27일 항구 운영을 협의했다.')).toBe('항구통신')
    expect(wireOf('港湾社日内瓦2月27日电 两国代表团27日就港口运营举行磋商。')).toBe('港湾社')
  })

  it('reads no wire from a picture credit of that form', () => {
    expect(wireOf('(사진=항구일보) 양국 대표단은 27일 항구 운영을 협의했다.')).toBeNull()
  })
})
