/**
 * The hostile-input corpus (RELIABILITY.md §d, issue 10 §3), generated at test time into a temp
 * folder from a seed: nothing large is committed. Each kind says what the import must do with it:
 * `imported` (stored as text), `refused` (failed with a reason) or `either` (one of the two, as long
 * as it is quick, bounded and clear). Every URL in it points at the canary server, which must see
 * no request, and every script would set `globalThis.__pwned` or pollute `Object.prototype`.
 *
 *   generateCorpus(dir, { canary: 'http://127.0.0.1:PORT', seed, full })
 */
import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { MAX_IMPORT_FILE_BYTES } from '../../src/shared/contract'
import { rng } from './generate'

export type Expected = 'imported' | 'refused' | 'either'

export interface CorpusFile {
  kind: string
  /** Path to import (inside the corpus folder unless the kind is about paths). */
  path: string
  expected: Expected
  /** Text the stored body must not contain (a leaked secret, a followed entity, a decoded script). */
  mustNotContain?: string[]
}

export interface CorpusOptions {
  canary: string
  seed: number
  /** Heavier variants (PARLEY_RELIABILITY_FULL=1): 50 MB line, 10k small files, 10M empty lines. */
  full?: boolean
}

const PROSE = [
  'The delegations met on Thursday in the old customs house and agreed to meet again within a month.',
  'Officials said the talks had been frank, and that both sides wanted the ferry link restored before summer.',
  'A spokesman for the ministry declined to give details of the draft, saying only that work would continue.',
  'Residents of the harbour district have waited three years for the crossing to reopen.',
]
export function generateCorpus(dir: string, options: CorpusOptions): CorpusFile[] {
  const random = rng(options.seed)
  const c = options.canary
  const files: CorpusFile[] = []
  mkdirSync(dir, { recursive: true })
  // Each call adds a numbered sentence, so files that clean to the same prose are not duplicates.
  let serial = 0
  const prose = (n = 4): string => `${PROSE.slice(0, n).join('\n\n')}\n\nThe clerk filed this as corpus item ${++serial} of the day.`
  const html = (head: string, body: string): string =>
    `<!doctype html><html><head><meta charset="utf-8"><title>Talks resume</title>${head}</head><body><article><h1>Talks resume</h1>${body}${prose()
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`
  const add = (kind: string, name: string, data: string | Uint8Array, expected: Expected, mustNotContain?: string[]): void => {
    const path = join(dir, name)
    writeFileSync(path, data)
    files.push({ kind, path, expected, ...(mustNotContain ? { mustNotContain } : {}) })
  }
  const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Buffer => {
    const le = Buffer.from(text, 'utf16le')
    if (order === 'be') for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number]
    return Buffer.concat([bom ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), le])
  }
  const noise = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)))

  // 1. Empty, whitespace only, BOM only.
  add('empty', 'empty.txt', '', 'refused')
  add('whitespace-only', 'spaces.txt', ' \n\t\n   \n', 'refused')
  add('bom-only', 'bom.txt', Buffer.from([0xef, 0xbb, 0xbf]), 'refused')
  // 2. UTF-16 with and without BOM, UTF-32.
  add('utf16le-bom', 'utf16le.txt', utf16(`Talks resume\n\n${prose()}`, 'le', true), 'imported')
  add('utf16be-bom', 'utf16be.txt', utf16(`Talks resume\n\n${prose()}`, 'be', true), 'imported')
  add('utf16-no-bom', 'utf16nobom.txt', utf16(`Talks resume\n\n${prose()}`, 'le', false), 'imported')
  add('utf32', 'utf32.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('T\0\0\0a\0\0\0')]), 'refused')
  // 3. Invalid UTF-8: overlong forms, lone continuation bytes, UTF-8-encoded surrogates, truncated at EOF.
  add(
    'invalid-utf8',
    'invalid-utf8.txt',
    Buffer.concat([
      Buffer.from(`Café talks résumé\n\n${prose()}\n`),
      Buffer.from([0xc0, 0xaf, 0x80, 0x80, 0xed, 0xa0, 0x80, 0x20, 0xe2, 0x82]),
    ]),
    'imported',
  )
  // 4. NULs mid-text, C0/C1 controls, DEL; mixed encodings (UTF-8 and Windows-1252 in one file).
  add('nul-bytes', 'nuls.txt', Buffer.concat([Buffer.from(`Talks\n\n${prose(2)}`), Buffer.alloc(2000), Buffer.from(prose(2))]), 'either')
  add('few-nuls', 'fewnuls.txt', `Talks resume\n\n${PROSE[0]}\u0000${PROSE[1]}\n\n${prose()}`, 'imported')
  add('control-chars', 'controls.txt', `Talks\u0001 resume\u007f\n\n${prose()}\u0085\u009b[31m\u001b[0m`, 'imported')
  add(
    'mixed-encodings',
    'mixed.txt',
    Buffer.concat([
      Buffer.from(`Café talks — résumé\n\n${prose()}\n\n`),
      Buffer.from([0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x94, 0x20, 0xe9, 0x0a]),
    ]),
    'imported',
  )
  // 5. Unpaired surrogates in a UTF-16 file; non-characters.
  const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Talks \ud800 resume \udc00\n\n${prose()}`, 'utf16le')])
  add('utf16-lone-surrogates', 'surrogates.txt', lone, 'imported')
  add('noncharacters', 'nonchar.txt', `Talks \ufffe\uffff resume\n\n${prose()}`, 'imported')
  // 6. Bidi overrides and zero-width characters in titles (and in a file name); Zalgo.
  add('bidi-title', 'bidi.md', `---\ntitle: "Talks \u202eesumer\u202c \u200b\u200d\u2066x\u2069"\n---\n\n${prose()}`, 'imported')
  add('bidi-heading', 'bidi-heading.txt', `\u202eTalks\u200b resume\u200f\n\n${prose()}`, 'imported')
  add('bidi-filename', 'talks\u202etxt.exe\u200b.txt', `Talks resume\n\n${prose()}`, 'imported')
  add('zalgo', 'zalgo.txt', `Talks Z${'\u0301\u0316\u0358'.repeat(3400)} resume\n\n${prose()}`, 'either')
  // 7. One huge line; many empty lines.
  add('10mb-line', 'oneline.txt', `Talks resume ${'word '.repeat(2 * 1024 * 1024)}`, 'either')
  add('many-empty-lines', 'newlines.txt', `Talks resume\n${'\n'.repeat(options.full ? 10_000_000 : 5_000_000)}${prose()}`, 'either')
  // 8. At the size cap + 1; a sparse 200 MB "text" (refused by size before any byte is read).
  add('size-cap-plus-one', 'cap.txt', Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 0x61), 'refused')
  const sparse = join(dir, 'huge-200mb.txt')
  const fd = openSync(sparse, 'w')
  writeFileSync(fd, `Talks resume\n\n${prose()}`)
  ftruncateSync(fd, 200 * 1024 * 1024)
  closeSync(fd)
  files.push({ kind: '200mb-text', path: sparse, expected: 'refused' })
  // 9. Binary disguised as text; a gzip bomb named .html.
  add('png-as-txt', 'image.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(4000)]), 'refused')
  add('zip-as-md', 'archive.md', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(4000)]), 'refused')
  add('elf-as-html', 'program.html', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), noise(4000)]), 'refused')
  add('sqlite-as-txt', 'db.txt', Buffer.concat([Buffer.from('SQLite format 3\0'), noise(4000)]), 'refused')
  add('pdf-as-txt', 'doc.txt', Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(4000)]), 'refused')
  add('gzip-bomb-as-html', 'bomb.html', gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 }), 'refused')
  add(
    'zip-bomb-as-txt',
    'bomb.txt',
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), gzipSync(Buffer.alloc(16 * 1024 * 1024))]),
    'refused',
  )
  add('random-bytes', 'random.txt', noise(16_000), 'refused')
  // 10. Line endings.
  add('crlf', 'crlf.txt', `Talks resume\r\n\r\n${prose().replace(/\n/g, '\r\n')}`, 'imported')
  add('cr-only', 'cr.txt', `Talks resume\r\r${prose().replace(/\n/g, '\r')}`, 'imported')
  add('form-feeds-tabs', 'ff.txt', `Talks resume\f\n\t\t\n${prose()}\f`, 'imported')
  // 11. Pathological Markdown.
  add('md-nested-quotes', 'quotes.md', `${'>'.repeat(100_000)} deep\n\n${prose()}`, 'either')
  add(
    'md-deep-lists',
    'lists.md',
    `${Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i % 400)}- item`).join('\n')}\n\n${prose()}`,
    'either',
  )
  add('md-emphasis-storm', 'emph.md', `# Talks\n\n${'*a**'.repeat(50_000)}\n\n${prose()}`, 'either')
  add('md-brackets', 'brackets.md', `# Talks\n\n${'['.repeat(100_000)}${'!['.repeat(100_000)}\n\n${prose()}`, 'either')
  add(
    'md-link-refs',
    'refs.md',
    `# Talks\n\n${prose()}\n\n${Array.from({ length: 100_000 }, (_, i) => `[r${i}]: ${c}/ref${i}`).join('\n')}`,
    'either',
  )
  add('md-wide-table', 'table.md', `# Talks\n\n|${'a|'.repeat(100_000)}\n|${'-|'.repeat(100_000)}\n\n${prose()}`, 'either')
  // 12. Raw HTML inside Markdown.
  add(
    'md-raw-html',
    'raw.md',
    `# Talks resume\n\n<script>globalThis.__pwned = 'md'; fetch('${c}/md-script')</script>\n<img src=x onerror="globalThis.__pwned='img'">\n<iframe srcdoc="<script>parent.__pwned=1</script>" src="${c}/iframe"></iframe>\n<svg onload="globalThis.__pwned='svg'"><image href="${c}/svg.png"/></svg>\n<style>@import url(${c}/style.css)</style>\n<object data="${c}/o"></object><embed src="${c}/e">\n<meta http-equiv="refresh" content="0;url=${c}/refresh"><base href="${c}/">\n\n${prose()}`,
    'imported',
  )
  // 13. Hostile link targets (Markdown and HTML).
  const targets = [
    'javascript:globalThis.__pwned=1',
    'JaVaScRiPt:globalThis.__pwned=1',
    'java&#x09;script:globalThis.__pwned=1',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
    '\\\\host\\share\\x',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://parley/../../etc/passwd',
    'parley://open?file=/etc/passwd',
    'obsidian://open?vault=x',
    `${c}/${'a'.repeat(1024 * 1024)}`,
  ]
  targets.forEach((t, i) =>
    add('md-hostile-links', `links-${i}.md`, `# Talks resume\n\n[click here](${t}) and <${t}>\n\n${prose()}`, 'imported'),
  )
  add(
    'html-hostile-links',
    'links.html',
    html('', targets.map((t) => `<p><a href="${t}">A link</a> in the text.</p>`).join('')),
    'imported',
  )
  // 14. Front matter: alias bomb, custom tags, 10 MB, unclosed.
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i)
    const name = String.fromCharCode(97 + i)
    laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
  }
  add('yaml-alias-bomb', 'laughs.md', `---\n${laughs.join('\n')}\ntitle: Talks resume\n---\n\n${prose()}`, 'imported')
  add(
    'yaml-custom-tags',
    'tags.md',
    `---\ntitle: !!js/function "function () { globalThis.__pwned = 'yaml' }"\nx: !!python/object/apply:os.system ["touch /tmp/parley-pwned"]\ny: !<tag:yaml.org,2002:js/regexp> /a/\n---\n\n${prose()}`,
    'imported',
  )
  add('yaml-huge', 'hugefm.md', `---\ntitle: Talks resume\nfiller: "${'x'.repeat(10 * 1024 * 1024)}"\n---\n\n${prose()}`, 'either')
  add('yaml-unclosed', 'unclosed.md', `---\ntitle: Talks resume\nauthor: Someone\n\n${prose()}`, 'imported')
  // 15. Prototype pollution probes in front matter and JSON-LD.
  add(
    'yaml-proto',
    'proto.md',
    `---\n__proto__:\n  polluted: yaml\nconstructor:\n  prototype:\n    polluted: yaml\nprototype:\n  polluted: yaml\ntitle: Talks resume\n---\n\n${prose()}`,
    'imported',
  )
  add(
    'jsonld-proto',
    'proto.html',
    html(
      `<script type="application/ld+json">{"__proto__":{"polluted":"ld"},"constructor":{"prototype":{"polluted":"ld"}},"@graph":[{"__proto__":{"polluted":"ld"},"datePublished":"2024-01-01","publisher":{"__proto__":{"polluted":"ld"},"name":"Gazette"}}]}</script>`,
      '',
    ),
    'imported',
  )
  // 17. Scripts that would run, fetch the canary and set __pwned.
  add(
    'html-script',
    'script.html',
    html(
      `<script>globalThis.__pwned = 'script'; fetch('${c}/script')</script><script src="${c}/remote.js"></script>`,
      `<script>document.write('<img src="${c}/dw">')</script>`,
    ),
    'imported',
    ["globalThis.__pwned = 'script'"],
  )
  // 18. External resources of every kind, all at the canary.
  add(
    'html-external-resources',
    'resources.html',
    html(
      `<link rel="stylesheet" href="${c}/s.css"><link rel="preload" href="${c}/p" as="script"><link rel="prefetch" href="${c}/pf"><link rel="icon" href="${c}/i.ico"><style>@import url("${c}/imp.css"); body { background: url(${c}/bg.png) }</style><base href="${c}/"><meta http-equiv="refresh" content="0;url=${c}/refresh">`,
      `<img src="${c}/img.png" srcset="${c}/a.png 1x, ${c}/b.png 2x"><picture><source srcset="${c}/src.webp"><img src="${c}/pic.png"></picture><iframe src="${c}/frame"></iframe><object data="${c}/obj"></object><embed src="${c}/emb"><video poster="${c}/poster.png" src="${c}/v.mp4"></video><audio src="${c}/a.mp3"></audio><div style="background:url('${c}/div.png')">styled</div><svg><image href="${c}/svgimg.png"/></svg><form action="${c}/form"><input type="image" src="${c}/input.png"></form>`,
    ),
    'imported',
  )
  // 19. Event handlers on many element types.
  const handlers = ['onerror', 'onload', 'onfocus', 'onanimationstart', 'onpointerover', 'onmouseover', 'ontoggle', 'onbegin']
  add(
    'html-event-handlers',
    'handlers.html',
    html(
      '<style>@keyframes x{} p{animation:x 1s}</style>',
      handlers
        .map((h) => `<p ${h}="globalThis.__pwned='${h}'" autofocus tabindex=1>Handler ${h}.</p><img src=x ${h}="globalThis.__pwned=1">`)
        .join('') + `<body onload="globalThis.__pwned='body'"><details open ontoggle="globalThis.__pwned=1"><summary>s</summary></details>`,
    ),
    'imported',
  )
  // 20. mXSS and namespace confusion, attribute sinks.
  add(
    'html-mxss',
    'mxss.html',
    html(
      '',
      `<svg><style><img src=x onerror="globalThis.__pwned='mx1'"></style></svg><math><mtext><table><mglyph><style><img src=x onerror="globalThis.__pwned='mx2'">` +
        `</style></mglyph></table></mtext></math><noscript><p title="</noscript><img src=x onerror=globalThis.__pwned='mx3'>"></noscript><template><img src=x onerror="globalThis.__pwned=1"></template>` +
        `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img src=x onerror=globalThis.__pwned='mx4'>"></style></mtext></svg></mglyph></form></mtext></math>` +
        `<section data-background-iframe="javascript:globalThis.__pwned=1" data-src="${c}/data-src">x</section>`,
    ),
    'imported',
  )
  // 21–22. Deep and wide DOM.
  add('html-deep-100k', 'deep.html', `<html><body>${'<div>'.repeat(100_000)}${prose()}${'</div>'.repeat(100_000)}</body></html>`, 'refused')
  add('html-deep-table', 'deeptable.html', `<html><body>${'<table><tr><td>'.repeat(10_000)}${prose()}</body></html>`, 'refused')
  add('html-1m-elements', 'wide.html', `<html><body>${'<p>x</p>'.repeat(1_000_000)}</body></html>`, 'refused')
  add(
    'html-100k-attributes',
    'attrs.html',
    html('', `<p ${Array.from({ length: 100_000 }, (_, i) => `a${i}="${i}"`).join(' ')}>Attributes.</p>`),
    'either',
  )
  add('html-10mb-attribute', 'bigattr.html', html('', `<p title="${'x'.repeat(10 * 1024 * 1024)}">Big attribute.</p>`), 'either')
  add('html-data-image', 'dataimg.html', html('', `<img src="data:image/png;base64,${'A'.repeat(12 * 1024 * 1024)}">`), 'either')
  // 23. Tag soup.
  add(
    'html-tag-soup',
    'soup.html',
    `<html><body><p><b><i>${PROSE[0]}</b></i></html>${'<html>'.repeat(10_000)}<p>${PROSE[1]}<xmp><script>globalThis.__pwned=1</script></xmp><plaintext><p>${PROSE[2]} ${PROSE[3]}`,
    'either',
  )
  // 24. Entities.
  add('html-entity-storm', 'entities.html', html('', `<p>${'&#65;'.repeat(3_000_000)}</p>`), 'either')
  add(
    'html-odd-entities',
    'oddent.html',
    html('', `<p>Nul &#0; surrogate &#xD800; beyond &#x110000; unknown &foo; &amp;lt;script&gt;</p>`),
    'imported',
  )
  add(
    'xhtml-billion-laughs',
    'laughs.xhtml',
    `<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
      `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Talks resume</title></head><body><p>&lol9; &xxe;</p>${prose()
        .split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</body></html>`,
    'either',
    [
      'root:x:0',
      'lollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollollol',
    ],
  )
  // 25. Charset tricks.
  add('html-utf7', 'utf7.html', html('<meta charset="utf-7">', `<p>+ADw-script+AD4-globalThis.__pwned=1+ADw-/script+AD4-</p>`), 'imported')
  add(
    'html-lying-charset',
    'sjis.html',
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        html('<meta charset="shift_jis"><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', '<p>Café — résumé</p>'),
      ),
    ]),
    'imported',
  )
  // 26. ReDoS probes.
  add(
    'html-redos-class',
    'redos.html',
    html('', `<div class="${'comment '.repeat(15_000)}" id="${'a-'.repeat(50_000)}!"><p>${PROSE[0]}</p></div>`),
    'either',
  )
  add('html-br-runs', 'brs.html', html('', `<p>${'<br>'.repeat(100_000)}${' '.repeat(100_000)}</p>`), 'either')
  add('html-byline-runs', 'byline.html', html('', `<p class="byline">${'By Someone, '.repeat(50_000)}</p>`), 'either')
  // 27. <title> traps.
  add(
    'title-empty',
    'title-empty.html',
    html('', '').replace('<title>Talks resume</title>', '<title></title>').replace('<h1>Talks resume</h1>', ''),
    'imported',
  )
  add(
    'title-1mb',
    'title-1mb.html',
    html('', '').replace('<title>Talks resume</title>', `<title>${'Talks '.repeat(180_000)}</title>`),
    'imported',
  )
  add(
    'title-script',
    'title-script.html',
    html('', '').replace('<title>Talks resume</title>', `<title>Talks\nresume</title><script>globalThis.__pwned='title'</script></title>`),
    'imported',
  )
  // 28. SVG as .html.
  add(
    'svg-script',
    'image.svg.html',
    `<svg xmlns="http://www.w3.org/2000/svg"><script>globalThis.__pwned='svg'</script><foreignObject><p>${PROSE[0]}</p></foreignObject><use href="data:image/svg+xml,<svg id='x'/>#x"/><animate attributeName="href" values="javascript:globalThis.__pwned=1"/><image href="${c}/svg.png"/></svg>`,
    'either',
  )
  // 29. Truncated files.
  add('truncated-mid-tag', 'cut-tag.html', html('', `<p>${prose()}</p>`).slice(0, -40) + '<p class="x', 'imported')
  add('truncated-mid-entity', 'cut-entity.html', `${html('', `<p>${prose()}</p>`).slice(0, -60)}&am`, 'imported')
  add(
    'truncated-mid-utf8',
    'cut-utf8.txt',
    Buffer.concat([Buffer.from(`Café talks\n\n${prose()}\n\n${prose()} é`), Buffer.from([0xe2, 0x82])]),
    'imported',
  )
  // 30. Duplicates (the same content twice: the second is reported as a duplicate).
  const twice = `Duplicate talks\n\n${prose()}\n\nSeed ${options.seed}.`
  add('duplicate', 'dup-a.txt', twice, 'imported')
  add('duplicate', 'dup-b.txt', twice, 'imported')
  // 16. Hostile file names (the store keeps them as names; export maps them elsewhere).
  const names = [
    'CON.md',
    'NUL.txt',
    'aux.html',
    'a: * ? " < > |.txt',
    'trailing dot..txt',
    'trailing space .txt',
    `${'n'.repeat(240)}.txt`,
    'line\nbreak.txt',
    'Note.md',
    'note.md',
    'caf\u00e9.txt',
    'cafe\u0301.txt',
    '-rf .txt',
    '$(touch x).txt',
  ]
  names.forEach((name, i) =>
    add('hostile-file-name', name, `Talks resume ${i}\n\n${prose()}\n\nVariant ${i} of ${name.length}.`, 'imported'),
  )
  // 31. Non-regular sources: a symlink loop, a FIFO, a directory named like a file, a missing file, a symlink out of the folder.
  const loop = join(dir, 'loop.txt')
  symlinkSync(loop, loop)
  files.push({ kind: 'symlink-loop', path: loop, expected: 'refused' })
  const fifo = join(dir, 'fifo.txt')
  try {
    execFileSync('mkfifo', [fifo])
    files.push({ kind: 'fifo', path: fifo, expected: 'refused' })
  } catch {
    // No mkfifo (Windows): the kind is skipped.
  }
  // A folder named like a file is expanded like any folder: the file inside it is what gets imported.
  mkdirSync(join(dir, 'folder.md'))
  add('directory-named-md', join('folder.md', 'inside.txt'), `Talks resume\n\n${prose()}`, 'imported')
  files.push({ kind: 'missing-file', path: join(dir, 'gone.txt'), expected: 'refused' })
  symlinkSync('/etc/hostname', join(dir, 'outside.txt'))
  files.push({ kind: 'symlink-outside', path: join(dir, 'outside.txt'), expected: 'either' })
  // 36. Editor-state lookalike.
  add(
    'lexical-lookalike',
    'state.md',
    `# Talks resume\n\n{"root":{"type":"root","children":[{"type":"html","html":"<img src=x onerror=globalThis.__pwned=1>"}]}}\n\n${prose()}`,
    'imported',
  )
  // Issue 17 F3: 9,000 new theme names and as many marks in 64 KB of Markdown (each theme made
  // is scored against every article at every open). Imported, with at most 50 new themes.
  add(
    'many-themes',
    'many-themes.md',
    `---\ntitle: Talks resume\nhighlight-themes:\n${Array.from({ length: 9000 }, (_, i) => `  - t${i}`).join('\n')}\n---\n\n${Array.from(
      { length: 300 },
      (_, p) => Array.from({ length: 30 }, (_, k) => `Envoys met ==on day ${p * 30 + k}== in port ${p}.`).join(' '),
    ).join('\n\n')}\n\n${prose()}`,
    'imported',
  )
  // Issue 17 F4: about 1 MB of sentences dense with dates, every paragraph different (round detection
  // grew super-linearly on it: 11 s on the core's thread). Imported; its detection is bounded.
  const dated = (day: number, year: number): string =>
    `Negotiators met in the capital on March ${day}, ${year} and on Friday, ${day} April ${year - 1}, then talks on ${day}/05/${year - 2} and Monday.`
  const datedParagraphs: string[] = []
  for (let i = 0, size = 0; size < 1_000_000; i++) {
    datedParagraphs.push(Array.from({ length: 10 }, (_, k) => dated(((i * 10 + k) % 28) + 1, 2000 + ((i + k) % 25))).join(' '))
    size += (datedParagraphs.at(-1) as string).length + 2
  }
  add('dense-dates', 'dense-dates.txt', `Dates\n\n${datedParagraphs.join('\n\n')}`, 'imported')
  // 35. A big batch of small files (full run only).
  if (options.full) {
    mkdirSync(join(dir, 'batch'))
    for (let i = 0; i < 10_000; i++)
      add('batch-10k', join('batch', `b${i}.txt`), `Batch item ${i}\n\n${PROSE[i % 4]} Item ${i} of the batch.`, 'imported')
    add('50mb-line', 'oneline50.txt', `Talks ${'word '.repeat(10 * 1024 * 1024)}`, 'refused')
  }
  return files
}
