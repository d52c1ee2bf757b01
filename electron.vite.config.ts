import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Main bundles the core (zod, linkedom, readability…) so only better-sqlite3 ships in node_modules.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: [] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // Imported files are prepared in worker threads (articles/prepare-pool.ts).
          'prepare-worker': resolve(__dirname, 'src/main/core/articles/prepare-worker.ts'),
          // The export writes files and deflates the .qdpx sources on worker threads (export/worker-script.ts
          // finds these beside the entry; scripts/workers.mjs builds the same list for vitest, bench and eval).
          'export-write-worker': resolve(__dirname, 'src/main/core/export/write-worker.ts'),
          'export-deflate-worker': resolve(__dirname, 'src/main/core/export/deflate-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
    plugins: [react()],
  },
})
