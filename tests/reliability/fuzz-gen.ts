/**
 * Seeded payload generator for the contract fuzz tests. It walks each call's zod schema through
 * zod 4's public introspection (`schema._zod.def`) to build a plausible valid payload, then mutates
 * it with boundary and hostile values: wrong types, missing and extra fields (prototype keys
 * included), edge numbers, huge and odd strings, deep nesting. Values JSON cannot carry (NaN,
 * Infinity, deep nesting built as text) are `Raw` tokens: `toJson` writes them as text for the
 * bridge, `realise` turns them into JS values for dispatch and IPC.
 */
import type { z } from 'zod'

interface CheckDef {
  check: string
  minimum?: number
  maximum?: number
  value?: number | bigint
  inclusive?: boolean
  format?: string
  pattern?: RegExp
}
interface Def {
  type: string
  checks?: Array<{ _zod: { def: CheckDef } }>
  shape?: Record<string, SchemaNode>
  catchall?: SchemaNode
  innerType?: SchemaNode
  element?: SchemaNode
  in?: SchemaNode
  left?: SchemaNode
  right?: SchemaNode
  entries?: Record<string, string | number>
  values?: unknown[]
  format?: string
  pattern?: RegExp
}
interface SchemaNode {
  _zod: { def: Def }
}

const node = (schema: z.ZodType): SchemaNode => schema as unknown as SchemaNode

/** A value written verbatim into the JSON text (and realised separately for in-process calls). */
export class Raw {
  constructor(
    readonly text: string,
    readonly value: () => unknown,
  ) {}
}

export type Random = () => number

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
const int = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))

/** Nesting built iteratively: a recursive builder would overflow where the payload should. */
function nested(depth: number, open: string, close: string, inner = ''): Raw {
  return new Raw(open.repeat(depth) + inner + close.repeat(depth), () => {
    let value: unknown = []
    for (let i = 0; i < depth; i++) value = open.startsWith('[') ? [value] : { a: value }
    return value
  })
}

const PATTERN_SAMPLES = ['#3b6fd8', '2025-02-27', '2025-02', '2025', 'XXXX-02-27', 'a', 'SGVsbG8=']
const WORDS = ['council', 'park', 'river', 'vote', 'talks', 'embassy', 'flights', 'Geneva', 'round', 'staffing']

const UNICODE = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\u2060\ufeff',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301'.repeat(50),
  'Z' + '\u0336'.repeat(2000),
  '\uffff\ufffe',
  '\r\n\t\v\f',
  'ＣＯＮ',
  'ß'.repeat(100),
  '🙂'.repeat(1000),
]
const HOSTILE_STRINGS = [
  '../../../../etc/passwd',
  '%2e%2e%2f',
  "'; DROP TABLE articles; --",
  '" OR 1=1 --',
  'NEAR(a b) OR "x" AND * ^ -',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  '1e999',
  'NaN',
  'null',
  '[[',
  '#',
]
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '']

function numberBounds(def: Def): { lo: number; hi: number; int: boolean } {
  let lo = -1e6
  let hi = 1e6
  let integer = false
  for (const c of def.checks ?? []) {
    const d = c._zod.def
    if (d.check === 'number_format') integer = true
    if (d.check === 'greater_than') lo = Number(d.value) + (d.inclusive ? 0 : 1)
    if (d.check === 'less_than') hi = Number(d.value) - (d.inclusive ? 0 : 1)
  }
  return { lo, hi, int: integer }
}

function lengthBounds(def: Def): { min: number; max: number } {
  let min = 0
  let max = 40
  for (const c of def.checks ?? []) {
    const d = c._zod.def
    if (d.check === 'min_length' && d.minimum !== undefined) min = d.minimum
    if (d.check === 'max_length' && d.maximum !== undefined) max = d.maximum
  }
  return { min, max }
}

function patternOf(def: Def): RegExp | undefined {
  if (def.pattern) return def.pattern
  for (const c of def.checks ?? []) if (c._zod.def.pattern) return c._zod.def.pattern
  return undefined
}

/** Ids point at real rows most of the time (a fresh notebook has a handful of each). */
function numberFor(random: Random, def: Def): number {
  const { lo, hi, int: integer } = numberBounds(def)
  if (integer && lo >= 1 && random() < 0.8) return int(random, lo, Math.min(hi, lo + 7))
  const span = Math.min(hi, lo + 2000)
  return integer ? int(random, lo, span) : lo + random() * (span - lo)
}

function stringFor(random: Random, def: Def, context: { base64: string }): string {
  const format = def.format
  if (format === 'date') return pick(random, ['2025-02-27', '2024-12-31', '1999-01-01'])
  if (format === 'datetime') return new Date(Date.UTC(2025, int(random, 0, 11), int(random, 1, 28))).toISOString()
  if (format === 'base64') return context.base64
  const pattern = patternOf(def)
  if (pattern) {
    const fits = PATTERN_SAMPLES.filter((s) => pattern.test(s))
    if (fits.length) return pick(random, fits)
  }
  const { min, max } = lengthBounds(def)
  const words: string[] = []
  const target = Math.max(min, Math.min(max, int(random, 1, 3)))
  while (words.join(' ').length < target || words.length === 0) words.push(pick(random, WORDS))
  const text = words.join(' ')
  return text.length > max ? text.slice(0, max) : text
}

/** A Lexical-like paragraph: what `children: z.unknown()` holds in real notes. */
const paragraph = (text: string): unknown => ({
  type: 'paragraph',
  version: 1,
  children: [{ type: 'text', text, format: 0, version: 1, detail: 0, mode: 'normal', style: '' }],
})

/** A payload the schema should accept (refinements aside: the oracle is safeParse, not this). */
export function valid(schema: SchemaNode, random: Random, context: { base64: string }): unknown {
  const def = schema._zod.def
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        const optional = ['optional', 'default'].includes(child._zod.def.type)
        if (optional && random() < 0.5) continue
        out[key] = valid(child, random, context)
      }
      return out
    }
    case 'array': {
      const { min, max } = lengthBounds(def)
      const length = Math.min(max, min + int(random, 0, 2))
      return Array.from({ length }, () => (def.element ? valid(def.element, random, context) : null))
    }
    case 'string':
      return stringFor(random, def, context)
    case 'number':
      return numberFor(random, def)
    case 'boolean':
      return random() < 0.5
    case 'enum':
      return pick(random, Object.values(def.entries ?? {}))
    case 'literal':
      return pick(random, def.values ?? [null])
    case 'optional':
    case 'default':
      return valid(def.innerType as SchemaNode, random, context)
    case 'nullable':
      return random() < 0.25 ? null : valid(def.innerType as SchemaNode, random, context)
    case 'pipe':
      return valid(def.in as SchemaNode, random, context)
    case 'intersection': {
      const left = valid(def.left as SchemaNode, random, context)
      const right = valid(def.right as SchemaNode, random, context)
      return typeof left === 'object' && typeof right === 'object' ? { ...(left as object), ...(right as object) } : left
    }
    case 'unknown':
      return paragraph(pick(random, WORDS))
    default:
      return null
  }
}

/** Schema-aware edge values for one position: bounds ±1 for numbers and lengths. */
function boundaries(schema: SchemaNode | undefined): unknown[] {
  if (!schema) return []
  const def = schema._zod.def
  if (['optional', 'nullable', 'default', 'pipe'].includes(def.type)) return boundaries(def.innerType ?? def.in)
  if (def.type === 'number') {
    const { lo, hi } = numberBounds(def)
    return [lo - 1, lo, hi, hi + 1, lo + 0.5]
  }
  if (def.type === 'string') {
    const { min, max } = lengthBounds(def)
    const out: unknown[] = [min > 0 ? 'x'.repeat(min - 1) : '']
    // Strings up to ~1 MB are sent whole; bigger limits (base64 files, 8 MB notes) get a 1 MB one.
    if (max <= 1_000_000) out.push('x'.repeat(max), 'x'.repeat(max + 1), '🙂'.repeat(Math.ceil(max / 2) + 1))
    return out
  }
  if (def.type === 'array') {
    const { min, max } = lengthBounds(def)
    const out: unknown[] = []
    if (min > 0) out.push(new Array(min - 1).fill(1))
    if (max <= 200_000) out.push(new Array(max + 1).fill(1))
    return out
  }
  if (def.type === 'enum') return [...Object.values(def.entries ?? {}).map((v) => `${String(v).toUpperCase()} `), '']
  return []
}

function hostile(random: Random): unknown {
  const roll = random()
  if (roll < 0.12) return pick(random, [null, true, false, 0, -0, -1, 0.5, 1.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 5e-324])
  if (roll < 0.2)
    return pick(random, [
      new Raw('NaN', () => NaN),
      new Raw('1e999', () => Infinity),
      new Raw('-1e999', () => -Infinity),
      new Raw('1e-400', () => 0),
      new Raw('123456789012345678901234567890', () => Number('123456789012345678901234567890')),
      new Raw('-0.0', () => -0),
    ])
  if (roll < 0.35) return pick(random, UNICODE)
  if (roll < 0.45) return pick(random, HOSTILE_STRINGS)
  if (roll < 0.55) return pick(random, [[], {}, [null], [[]], { length: 1 }, { 0: 1 }, ['1'], [1, 'a', null, {}]])
  if (roll < 0.6) return nested(pick(random, [300, 1000, 5000, 50_000]), '[', ']')
  if (roll < 0.64) return nested(pick(random, [300, 2000, 20_000]), '{"a":', '}', '1')
  if (roll < 0.67) return 'x'.repeat(pick(random, [10_000, 100_000, 1_000_000]))
  if (roll < 0.75) return protoObject(random)
  return pick(random, ['1', '-1', 'true', '', '2025-13-45', '#zzzzzz', 'XXXX', '0x10', ' 1 '])
}

/** An object whose own keys include prototype names (JSON.parse makes "__proto__" an own key too). */
function protoObject(random: Random): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const key = pick(random, PROTO_KEYS)
  Object.defineProperty(out, key, { value: { polluted: 'yes', isAdmin: true }, enumerable: true, configurable: true, writable: true })
  return out
}

type Path = Array<string | number>

/** Every position in a value together with the schema node that governs it (if known). */
function positions(value: unknown, schema: SchemaNode | undefined, path: Path = [], out: Array<[Path, SchemaNode | undefined]> = []) {
  out.push([path, schema])
  const def = schema?._zod.def
  const inner = def && ['optional', 'nullable', 'default', 'pipe'].includes(def.type) ? (def.innerType ?? def.in) : schema
  const innerDef = inner?._zod.def
  if (Array.isArray(value)) value.forEach((v, i) => positions(v, innerDef?.element, [...path, i], out))
  else if (value && typeof value === 'object' && !(value instanceof Raw)) {
    for (const [k, v] of Object.entries(value)) {
      // Own keys only: shape["constructor"] would otherwise be Object itself.
      const field = (shape: Record<string, SchemaNode> | undefined): SchemaNode | undefined =>
        shape && Object.hasOwn(shape, k) ? shape[k] : undefined
      let child = field(innerDef?.shape)
      if (!child && innerDef?.type === 'intersection') child = field(innerDef.left?._zod.def.shape) ?? field(innerDef.right?._zod.def.shape)
      positions(v, child, [...path, k], out)
    }
  }
  return out
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  let target = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>
  Object.defineProperty(target, path[path.length - 1] as string | number, { value, enumerable: true, configurable: true, writable: true })
  return root
}

function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined
  let target = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (Array.isArray(target)) target.splice(Number(last), 1)
  else delete target[last]
  return root
}

/** Whole-body texts that are not a payload object at all. */
const BODIES = [
  '',
  'null',
  '[]',
  '"text"',
  '1',
  'true',
  '{',
  '{"a":',
  '\ufeff{}',
  '{"id":1,"id":2}',
  '{}}',
  '[{}]',
  '{"__proto__":{"polluted":1}}',
]

export interface Case {
  /** What the bridge receives (JSON text, possibly invalid on purpose). */
  text: string
  /** The same payload as a JS value for dispatch and IPC (Raw tokens realised). */
  value: () => unknown
  label: string
}

/** One fuzz case for a call: a valid payload, mutated 0–3 times (a quarter stay valid, to reach the core). */
export function fuzzCase(
  schema: z.ZodType,
  random: Random,
  context: { base64: string },
  /** Last word on the payload before it is written out (keeps notebook.export's folder in a sandbox). */
  adjust: (payload: unknown) => unknown = (p) => p,
): Case {
  const root = node(schema)
  if (random() < 0.06) {
    const text = pick(random, BODIES)
    return {
      text,
      label: `body ${JSON.stringify(text)}`,
      value: () => {
        try {
          return JSON.parse(text) as unknown
        } catch {
          return text
        }
      },
    }
  }
  let payload = valid(root, random, context)
  const labels: string[] = []
  const mutations = random() < 0.25 ? 0 : int(random, 1, 3)
  for (let m = 0; m < mutations; m++) {
    const spots = positions(payload, root)
    const [path, at] = pick(random, spots)
    const roll = random()
    if (roll < 0.3) {
      const edges = boundaries(at)
      const value = edges.length ? pick(random, edges) : hostile(random)
      payload = setAt(payload, path, value)
      labels.push(`edge ${path.join('.')}`)
    } else if (roll < 0.65) {
      payload = setAt(payload, path, hostile(random))
      labels.push(`hostile ${path.join('.')}`)
    } else if (roll < 0.8 && path.length > 0) {
      payload = deleteAt(payload, path)
      labels.push(`delete ${path.join('.')}`)
    } else {
      const parent = spots.filter(([, s]) => s === undefined || s._zod.def.type !== 'string').map(([p]) => p)
      const target = pick(random, parent.length ? parent : [[]])
      const container = target.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], payload)
      if (container && typeof container === 'object' && !Array.isArray(container) && !(container instanceof Raw)) {
        const key = pick(random, [...PROTO_KEYS, 'extra', 'id2'])
        Object.defineProperty(container, key, { value: hostile(random), enumerable: true, configurable: true, writable: true })
        labels.push(`extra ${[...target, key].join('.')}`)
      } else {
        payload = setAt(payload, target, protoObject(random))
        labels.push(`proto ${target.join('.')}`)
      }
    }
  }
  const fixed = adjust(payload)
  return { text: toJson(fixed), value: () => realise(fixed), label: labels.join(', ') || 'valid' }
}

/** JSON text with Raw tokens written verbatim. Iterative over the generated tree (it is shallow). */
export function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text
  if (value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

/** The same tree with Raw tokens replaced by JS values (own "__proto__" keys stay own keys). */
export function realise(value: unknown): unknown {
  if (value instanceof Raw) return value.value()
  if (Array.isArray(value)) return value.map(realise)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, { value: realise(v), enumerable: true, configurable: true, writable: true })
    return out
  }
  return value
}

/** Values only IPC's structured clone can carry (never JSON): each must be refused or handled, not crash. */
export function ipcOnlyValue(random: Random): unknown {
  const cyclic: Record<string, unknown> = { type: 'root' }
  cyclic.self = cyclic
  const list: unknown[] = []
  list.push(list)
  return pick(random, [
    undefined,
    10n,
    2n ** 70n,
    new Date(NaN),
    new Date(0),
    new Map([[1, 2]]),
    new Set([1]),
    new Uint8Array([1, 2, 3]),
    new ArrayBuffer(8),
    /regex/g,
    new Error('boom'),
    cyclic,
    list,
    // eslint-disable-next-line no-sparse-arrays -- a sparse array is what structured clone can deliver
    [, , 1],
    Object.create(null) as unknown,
  ])
}
