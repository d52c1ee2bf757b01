import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The renderer's alias, so its pure modules (reading/offsets.ts) can be tested here too.
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The core's worker entries (export writer, deflater) bundled from the sources, as the app's build makes them.
    globalSetup: ['scripts/workers.mjs'],
    // Tests export into temp folders through notebook.export, which takes folders inside the
    // user's home only, or inside this root (export/destination.ts).
    env: { PARLEY_EXPORT_ROOT: tmpdir() },
  },
})
