import { tmpdir } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests export into temp folders through notebook.export, which takes folders inside the
    // user's home only, or inside this root (export/destination.ts).
    env: { PARLEY_EXPORT_ROOT: tmpdir() },
  },
})
