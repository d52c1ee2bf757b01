import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import { dirname, relative, resolve, sep } from 'node:path'

// Layering by allow-list (as VS Code's local/code-layering): each folder names what it may import,
// by resolved path (relative imports and the @shared alias) and by package; anything else is an error.
// Written here, not as a dependency: it resolves the specifier and compares it with globs.
const ROOT = import.meta.dirname

/** A glob over repo-relative paths or package names: `**` any depth, `*` within one segment. */
const globRe = (glob) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*/g, '\u0000')
      .replace(/\*/g, '[^/]*')
      .replace(/\u0000/g, '.*')}$`,
  )

/** What an import specifier names: a repo path (`src/shared/model`) or a module (`node:fs`, `@lexical/list`). */
function target(spec, filename) {
  const bare = spec.replace(/\?.*$/, '')
  if (bare.startsWith('@shared/')) return { path: `src/shared/${bare.slice('@shared/'.length)}` }
  if (bare.startsWith('.'))
    return {
      path: relative(ROOT, resolve(dirname(filename), bare))
        .split(sep)
        .join('/'),
    }
  // node:fs/promises is node:fs: builtins are allowed or refused whole.
  if (bare.startsWith('node:')) return { module: bare.split('/')[0] }
  const [first, second] = bare.split('/')
  return { module: first.startsWith('@') ? `${first}/${second}` : first }
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: "Imports only what the folder's layer allows (paths and packages)." },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          paths: { type: 'array', items: { type: 'string' } },
          modules: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: { forbidden: "{{layer}} may not import '{{spec}}' ({{what}}): it may import only {{allowed}}." },
  },
  create(context) {
    const { layer, paths = [], modules = [] } = context.options[0] ?? {}
    const pathRes = paths.map(globRe)
    const moduleRes = modules.map(globRe)
    const check = (node, spec) => {
      if (typeof spec !== 'string') return
      const t = target(spec, context.filename)
      const ok = t.path !== undefined ? pathRes.some((re) => re.test(t.path)) : moduleRes.some((re) => re.test(t.module))
      if (!ok)
        context.report({
          node,
          messageId: 'forbidden',
          data: { layer, spec, what: t.path ?? t.module, allowed: [...paths, ...modules].join(', ') },
        })
    }
    const literal = (node) => (node && node.type === 'Literal' ? node.value : undefined)
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
      // `typeof import('electron')` in a type: the argument is a literal type (typescript-eslint v8).
      TSImportType: (node) => check(node, literal(node.argument?.literal ?? node.source)),
      TSExternalModuleReference: (node) => check(node, literal(node.expression)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, literal(node.arguments[0]))
      },
    }
  },
}

const local = { rules: { layers: layersRule } }
/** A config entry: `files` may import only what `options` allow (later entries win for the files they match). */
const layering = (files, options) => ({ files, plugins: { local }, rules: { 'local/layers': ['error', options] } })

const LEXICAL = ['lexical', '@lexical/*']
const CORE_PACKAGES = [
  'node:*',
  'better-sqlite3',
  'zod',
  'yaml',
  ...LEXICAL,
  '@mozilla/readability',
  'fflate',
  'linkedom',
  'franc',
  'chrono-node',
  'tldts',
  'stopwords-iso',
  'markdown-it',
  'approx-string-match',
]
const RENDERER_PACKAGES = ['react', 'react-dom', 'react-dom/*', ...LEXICAL, 'react-resizable-panels', 'd3-*', '@tanstack/react-virtual']
const TEST_ONLY = { paths: ['tests/**', 'scripts/**'], modules: ['vitest'] }

// The core does no networking: node:* is allowed above, these are not.
const coreRestrictions = {
  patterns: [{ group: ['node:http', 'http', 'node:https', 'https', 'node:net', 'net'], message: 'The core does no networking.' }],
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.ci-out/**', 'bench/.corpus/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreRestrictions] },
  },
  layering(['src/main/core/**/*.ts'], { layer: 'src/main/core', paths: ['src/main/core/**', 'src/shared/**'], modules: CORE_PACKAGES }),
  // Tests go through the real boundary (the CLI, the hosts) and share helpers.
  layering(['src/main/core/**/*.test.ts'], {
    layer: 'a core test',
    paths: ['src/main/**', 'src/shared/**', ...TEST_ONLY.paths],
    modules: [...CORE_PACKAGES, ...TEST_ONLY.modules],
  }),
  // shared/ is imported by every side; it depends on nothing of theirs.
  layering(['src/shared/**/*.{ts,tsx}'], { layer: 'src/shared', paths: ['src/shared/**'], modules: ['zod', ...LEXICAL] }),
  layering(['src/shared/**/*.test.ts'], { layer: 'a shared test', paths: ['src/shared/**'], modules: ['zod', ...LEXICAL, 'vitest'] }),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The renderer talks only to the typed contract (src/shared) and its UI libraries.
  layering(['src/renderer/**/*.{ts,tsx}'], {
    layer: 'src/renderer',
    paths: ['src/renderer/**', 'src/shared/**'],
    modules: RENDERER_PACKAGES,
  }),
  layering(['src/renderer/**/*.test.{ts,tsx}'], {
    layer: 'a renderer test',
    paths: ['src/renderer/**', 'src/shared/**'],
    modules: [...RENDERER_PACKAGES, 'vitest'],
  }),
  // The preload exposes the contract's client and nothing else.
  layering(['src/preload/**/*.ts'], {
    layer: 'src/preload',
    paths: ['src/shared/contract*', 'src/shared/errors'],
    modules: ['electron'],
  }),
  prettier,
)
