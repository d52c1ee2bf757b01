import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

// Layering (as VS Code does with its layers): the core knows no host, the renderer knows only the contract.
const coreRestrictions = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'The core knows nothing of Electron.' },
    // Lexical itself is allowed: the core converts notes headlessly with the editor's own nodes.
    { group: ['react', 'react-dom', 'react/*', '@lexical/react', '@lexical/react/*'], message: 'The core knows nothing of the UI.' },
    { group: ['**/hosts/*', '**/hosts', '**/renderer/**', '../index', '../cli'], message: 'The core knows no host.' },
    { group: ['node:http', 'http', 'node:https', 'https', 'node:net', 'net'], message: 'The core does no networking.' },
  ],
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
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', 'electron', 'node:*'],
              message: 'shared/ is imported by every side; it depends on nothing of theirs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', 'electron', 'node:*', 'better-sqlite3'],
              message: 'The renderer talks only to the typed contract (src/shared).',
            },
          ],
        },
      ],
    },
  },
  prettier,
)
