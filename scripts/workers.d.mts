// Types of scripts/workers.mjs for the TypeScript that imports it (tests).
export const root: string
/** Entry name → source path, as in electron.vite.config.ts. */
export const WORKER_ENTRIES: Record<'export-write-worker' | 'export-deflate-worker', string>
export function buildWorkers(): Promise<string>
export default function setup(): Promise<void>
