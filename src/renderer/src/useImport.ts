import { useCallback, useEffect, useState } from 'react'
import type { ImportResult } from '@shared/model'
import { MAX_IMPORT_BATCH_FILES } from '@shared/contract'
import { api, errorMessage, onEvent } from './api'

export interface ImportState {
  running: boolean
  done: number
  total: number
  results: ImportResult[]
}

const BATCH_BYTES = 12 * 1024 * 1024
const MAX_FILE_BYTES = 20 * 1024 * 1024

/** A random id for one call (getRandomValues works in every context; randomUUID only in secure ones). */
function callId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Sends picked or dropped files to the core in bounded batches and follows its progress events. */
export function useImport(onImported: () => void): {
  state: ImportState
  importFiles: (files: File[]) => Promise<void>
  dismiss: () => void
} {
  const [state, setState] = useState<ImportState>({ running: false, done: 0, total: 0, results: [] })

  useEffect(
    () =>
      onEvent('import.progress', (p) => {
        setState((s) => (s.running ? { ...s, done: Math.min(s.total, s.done + 1) } : s))
        void p
      }),
    [],
  )

  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return
      setState({ running: true, done: 0, total: files.length, results: [] })
      const results: ImportResult[] = []
      let batch: Array<{ name: string; data: string }> = []
      let size = 0
      const flush = async (): Promise<void> => {
        if (!batch.length) return
        const sent = batch
        batch = []
        size = 0
        try {
          // An id per call: a resent request is answered with what the first one stored.
          results.push(...(await api['articles.import']({ files: sent, requestId: callId() })))
        } catch (error) {
          results.push(...sent.map((f) => ({ file: f.name, status: 'failed' as const, error: errorMessage(error) })))
        }
        setState((s) => ({ ...s, done: results.length, results: [...results] }))
      }
      for (const file of files) {
        if (file.size > MAX_FILE_BYTES) {
          results.push({
            file: file.name,
            status: 'failed',
            error: `The file is ${(file.size / 1048576).toFixed(1)} MB; Parley imports articles up to 20 MB.`,
          })
          continue
        }
        // A call carries at most 12 MB and MAX_IMPORT_BATCH_FILES files (the contract refuses more).
        if (size + file.size > BATCH_BYTES || batch.length >= MAX_IMPORT_BATCH_FILES) await flush()
        batch.push({ name: file.name, data: await toBase64(file) })
        size += file.size
      }
      await flush()
      setState({ running: false, done: results.length, total: files.length, results })
      onImported()
    },
    [onImported],
  )

  return { state, importFiles, dismiss: () => setState({ running: false, done: 0, total: 0, results: [] }) }
}
